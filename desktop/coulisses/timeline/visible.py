"""The part of a piece an export may show: its snapshot without the hidden stills.

The timeline keeps hidden stills (dimmed in the view); a reel, its frames and
its cover never show them. A moment on a hidden still is left out of the reel
(its caption may speak of what was hidden), unless its span reaches visible
stills: then it starts at the first visible one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from coulisses.i18n import tr
from coulisses.journal.hidden import EMPTY
from coulisses.journal.model import Capture, Moment, PieceSnapshot
from coulisses.labels import kind_label


def visible_part(snapshot: PieceSnapshot) -> tuple[PieceSnapshot, tuple[str, ...]]:
    """(the snapshot without hidden stills, warnings in the UI language about moments left out)."""
    if not snapshot.hidden:
        return snapshot, ()
    caps = snapshot.captures
    keep: list[Capture] = []
    at = 0
    for lo, hi in snapshot.hidden.index_spans(caps):
        keep.extend(caps[at:lo])
        at = hi
    keep.extend(caps[at:])
    ids = [c.id for c in keep]
    moments: list[Moment] = []
    warnings: list[str] = []
    for m in snapshot.moments:
        moved = _visible_moment(m, snapshot, ids)
        if moved is None:
            warnings.append(tr("A {kind} moment is on hidden stills, so the reel leaves it "
                               "out; show its still or move the moment to keep it.",
                               kind=kind_label(m.kind)))
            continue
        moments.append(moved)
    return replace(snapshot, captures=tuple(keep), moments=tuple(moments), hidden=EMPTY), \
        tuple(warnings)


def _visible_moment(m: Moment, snapshot: PieceSnapshot, ids: list[str]) -> Moment | None:
    start, end = m.capture, m.span_to
    if start is None:
        return m  # tied to a time: the nearest visible still shows it
    if end is not None and snapshot.is_hidden(end):
        i = bisect_right(ids, end) - 1  # the last visible still of the span
        end = ids[i] if i >= 0 and ids[i] >= start else None
    if snapshot.is_hidden(start):
        if end is None:
            return None
        i = bisect_left(ids, start)
        if i >= len(ids) or ids[i] > end:
            return None
        start = ids[i]
        cap = snapshot.capture(start)
        return replace(m, capture=start, span_to=None if end == start else end,
                       time=cap.time if cap is not None else m.time)
    if end == start:
        end = None
    return m if end == m.span_to else replace(m, span_to=end)


__all__ = ["visible_part"]
