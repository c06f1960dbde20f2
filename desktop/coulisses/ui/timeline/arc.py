"""A piece's arc in worked time: where each moment and attempt falls (plain Python).

The effort plot draws this: the x axis is worked time (pauses between
sessions removed, so a week of drying takes no room), a mark per moment, and
the attempts as bands, split where a fix or result follows a struggle (the
same rule as ``timeline.effort.count_attempts``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from coulisses.timeline.build import Timeline
from coulisses.timeline.growing import Times
from coulisses.timeline.sessions import moment_anchor


@dataclass(frozen=True, slots=True)
class Arc:
    total: float  # worked seconds
    sessions: tuple[tuple[float, float], ...]  # (start, end) in worked seconds
    marks: tuple[tuple[float, str, str], ...]  # (at, kind, caption)
    attempts: tuple[tuple[float, float], ...]  # (start, end) of each attempt


def worked_arc(timeline: Timeline) -> Arc:
    """The arc in time proportional to the sessions and moments, not to the stills."""
    snap = timeline.snapshot
    times = Times(snap.captures)  # a few of them are needed, not all
    sessions, offset = [], 0.0
    starts = []  # (session first index, worked offset, session start timestamp)
    for s in timeline.sessions:
        sessions.append((offset, offset + s.seconds))
        starts.append((s.first, offset, s.start.timestamp()))
        offset += s.seconds
    firsts = [f for f, _, _ in starts]

    def at(index: int) -> float:
        k = bisect_right(firsts, index) - 1
        if k < 0:
            return 0.0
        _, base, t0 = starts[k]
        return base + (times[index] - t0)

    marks = []
    for m in sorted(snap.moments, key=lambda m: (m.time, m.created)):
        anchor = moment_anchor(snap, m, times)  # type: ignore[arg-type]  # indexable will do
        if anchor is not None:
            marks.append((at(anchor), m.kind, m.caption))
    bounds, after_struggle = [0.0], False
    for x, kind, _caption in marks:
        if kind == "struggle":
            after_struggle = True
        elif kind in ("fix", "result") and after_struggle:
            bounds.append(x)
            after_struggle = False
    bounds.append(offset)
    attempts = tuple((a, b) for a, b in zip(bounds, bounds[1:], strict=False)) \
        if snap.captures else ()
    return Arc(offset, tuple(sessions), tuple(marks), attempts)
