"""Timeline layer: sessions, moments, effort, suggestions and the reel's pacing plan.

Plain Python over journal snapshots; no Qt, no rendering.

- ``sessions``: ``split_sessions(snapshot, gap)`` → ``Session`` (start, end, stills,
  moments, camera-lost gaps);
- ``effort``: ``compute_effort`` → ``Effort`` (worked time, days, struggles, attempts…),
  ``effort_line`` / ``card_lines`` in the UI language;
- ``suggestions``: ``find_suggestions`` → ``Suggestion`` (sudden changes that stay),
  over cached thumbnail ``signatures``;
- ``build``: ``build_timeline(snapshot)`` → ``Timeline``, what the timeline view shows;
- ``editing``: ``MomentEditor`` (add, re-caption, move, span, delete, restore, accept,
  dismiss, undismiss), each returning a ``Change`` (before, after) for undo;
- ``visible``: ``visible_part(snapshot)``, the piece without its hidden stills (exports);
- ``pacing``: ``plan_reel(snapshot, duration=, fps=)`` → ``plan.ReelPlan`` for the export.
"""
