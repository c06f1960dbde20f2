"""``coulisses timeline PIECE [--json] [--session-gap 30m] [--no-suggestions]``."""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from coulisses.i18n import tr
from coulisses.journal import PieceSnapshot
from coulisses.labels import kind_label


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("timeline", help=tr("the story of a piece: sessions, moments, effort, "
                                           "suggested moments"))
    p.add_argument("piece", metavar="PIECE")
    p.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    p.add_argument("--session-gap", default=None, metavar="DURATION",
                   help=tr("a pause longer than this starts a new session (default: the "
                           "piece's setting, else 30m)"))
    p.add_argument("--no-suggestions", action="store_true",
                   help=tr("do not look for suggested moments (faster on a huge piece)"))
    p.set_defaults(run=run)


def timeline_json(snap: PieceSnapshot, timeline=None) -> dict[str, Any]:
    """The ``--json`` document; without a built ``timeline``, suggestions are skipped."""
    from coulisses.timeline.build import build_timeline

    if timeline is None:
        timeline = build_timeline(snap, suggestions=False)
    return timeline.to_json()


def parse_gap(text: str | None) -> float | None:
    from coulisses.cli import UsageError
    from coulisses.units import parse_duration

    if text is None:
        return None
    try:
        seconds = float(parse_duration(text))
    except ValueError as exc:
        raise UsageError(tr("--session-gap: {error}", error=str(exc))) from None
    if seconds <= 0:
        raise UsageError(tr("--session-gap must be longer than zero, e.g. 30m"))
    return seconds


def build_with_progress(snap: PieceSnapshot, ctx, *, gap: float | None, suggestions: bool):
    """Build the timeline, showing progress on stderr; Ctrl-C skips the suggestions."""
    from coulisses.jobs import Cancelled, CancelToken
    from coulisses.termui import StatusLine, ctrl_c_cancels, progress_bar
    from coulisses.timeline.build import build_timeline

    token = CancelToken()
    status = StatusLine(ctx.err)
    label = tr("Looking for suggested moments")

    started = time.monotonic()

    def progress(p) -> None:
        # Only a job that takes a while earns a progress line (scripts read stderr too).
        if time.monotonic() - started > 1.0:
            status.show(progress_bar(p, label))

    try:
        with ctrl_c_cancels(token):
            return build_timeline(snap, gap=gap, suggestions=suggestions, token=token,
                                  progress=progress)
    except Cancelled:
        status.done()
        ctx.warn(tr("Suggestions skipped (interrupted); the rest of the timeline is complete."))
        return build_timeline(snap, gap=gap, suggestions=False)
    finally:
        status.done()


def _local(t, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return t.astimezone().strftime(fmt)


def run(args: argparse.Namespace, ctx) -> int:
    from coulisses.timeline.effort import card_lines, format_worked
    from coulisses.timeline.gap_kinds import pause_summary

    gap = parse_gap(args.session_gap)
    piece = ctx.journal.find_piece(args.piece)
    snap = ctx.journal.snapshot(piece.id)
    for problem in snap.problems:
        ctx.warn(problem)
    tl = build_with_progress(snap, ctx, gap=gap, suggestions=not args.no_suggestions)
    if args.json:
        ctx.say(json.dumps(tl.to_json(), ensure_ascii=False))
        return 0

    ctx.say(f"{snap.piece.name}  ({snap.piece.id})")
    if not snap.captures:
        ctx.say(tr("No stills yet."))
    else:
        ctx.say(tr("%n still(s) from {start} to {end}", None, len(snap.captures),
                   start=_local(snap.captures[0].time), end=_local(snap.captures[-1].time)))
        ctx.say(tr("Effort: {line}", line=" · ".join(card_lines(tl.effort))))
    shown: set[str] = set()
    for s in tl.sessions:
        ctx.say("")
        fields = dict(n=s.index + 1, start=_local(s.start), end=_local(s.end, "%H:%M"),
                      worked=format_worked(s.seconds), stills=tr("%n still(s)", None, s.stills))
        if s.gaps:
            # Each kind of pause by its name: a full disk is not a lost camera.
            pauses = " · ".join(pause_summary(list(s.gaps)))
            ctx.say(tr("Session {n}: {start} – {end} · {worked} · {stills} · {lost}",
                       **fields, lost=pauses))
        else:
            ctx.say(tr("Session {n}: {start} – {end} · {worked} · {stills}", **fields))
        for m in s.moments:
            shown.add(m.id)
            ctx.say(_moment_line(m, snap))
    orphans = [m for m in snap.moments if m.id not in shown]
    if orphans:
        ctx.say("")
        ctx.say(tr("Moments without a still:"))
        for m in orphans:
            ctx.say(_moment_line(m, snap))
    if tl.suggestions:
        ctx.say("")
        ctx.say(tr("Suggested moments (accept with `coulisses suggestions PIECE accept ID`, "
                   "or dismiss):"))
        for n, sg in enumerate(tl.suggestions, 1):
            ctx.say(f"  #{n}  {sg.capture}  {_local(sg.time, '%Y-%m-%d %H:%M:%S')}  "
                    + tr("score {score:.1f}", score=float(sg.score)) + f"  {sg.reason}")
    return 0


def _moment_line(m, snap: PieceSnapshot) -> str:
    when = _local(m.time, "%H:%M:%S")
    span = ""
    if m.span_to:
        end = snap.capture(m.span_to)
        if end is not None:
            span = " → " + _local(end.time, "%H:%M:%S")
    caption = m.caption or tr("(no caption)")
    return f"  {when}{span}  {kind_label(m.kind):<11} {caption}  [{m.id}]"
