"""Work sessions: a piece's stills split wherever the maker stepped away.

A new session starts when two consecutive stills are more than ``gap`` seconds
apart (default 30 min). The capture scheduler already skips idle minutes, so a
short hole inside a session is still work; a long one is a pause (lunch, the
night, a week of drying) and is not counted as work.

Computed from the snapshot alone, in one pass over timestamps, so a piece with
100,000 stills splits in a few tens of milliseconds.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coulisses.i18n import tr
from coulisses.journal.model import Capture, Gap, Moment, PieceSnapshot, iso

DEFAULT_GAP = 1800.0  # seconds between two stills that end a session


@dataclass(frozen=True, slots=True)
class Session:
    """One sitting at the wheel (or bench): consecutive stills without a long pause."""

    index: int  # 0-based, in time order
    first: int  # index of its first still in ``snapshot.captures``
    last: int  # index of its last still (inclusive)
    captures: tuple[Capture, ...]
    moments: tuple[Moment, ...] = ()
    gaps: tuple[Gap, ...] = ()  # camera-lost stretches that overlap this session

    @property
    def start(self) -> datetime:
        return self.captures[0].time

    @property
    def end(self) -> datetime:
        return self.captures[-1].time

    @property
    def seconds(self) -> float:
        """Worked time of the session: from its first still to its last."""
        return (self.end - self.start).total_seconds()

    @property
    def stills(self) -> int:
        return len(self.captures)

    def contains(self, capture_index: int) -> bool:
        return self.first <= capture_index <= self.last

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": iso(self.start),
            "end": iso(self.end),
            "seconds": round(self.seconds, 3),
            "stills": self.stills,
            "first_capture": self.captures[0].id,
            "last_capture": self.captures[-1].id,
            "moments": [m.id for m in self.moments],
            "gaps": [g.to_json() for g in self.gaps],
        }


def timestamps(captures: tuple[Capture, ...] | list[Capture]) -> list[float]:
    """POSIX seconds of each still (the snapshot keeps them in time order)."""
    return [c.time.timestamp() for c in captures]


def session_bounds(times: list[float], gap: float = DEFAULT_GAP) -> list[tuple[int, int]]:
    """(first, last) capture indices of each session, from sorted timestamps."""
    if gap <= 0:
        raise ValueError(tr("the gap that splits sessions must be a positive number of seconds"))
    if not times:
        return []
    bounds: list[tuple[int, int]] = []
    start = 0
    previous = times[0]
    for i in range(1, len(times)):
        t = times[i]
        if t - previous > gap:
            bounds.append((start, i - 1))
            start = i
        previous = t
    bounds.append((start, len(times) - 1))
    return bounds


def moment_anchor(snapshot: PieceSnapshot, moment: Moment,
                  times: list[float] | None = None) -> int | None:
    """Index of the still a moment is tied to.

    Its own capture when it still exists; otherwise (a moment flagged before
    any still, or whose still was set aside) the last still at or before its
    time, else the first still. None only when the piece has no still.
    """
    if not snapshot.captures:
        return None
    if moment.capture is not None:
        index = snapshot.index_of(moment.capture)
        if index is not None:
            return index
    times = times if times is not None else timestamps(snapshot.captures)
    i = bisect_right(times, moment.time.timestamp()) - 1
    return max(i, 0)


def split_sessions(snapshot: PieceSnapshot, gap: float = DEFAULT_GAP,
                   times: list[float] | None = None) -> tuple[Session, ...]:
    """The piece's sessions in time order, each with its moments and lost-camera gaps."""
    captures = snapshot.captures
    times = times if times is not None else timestamps(captures)
    bounds = session_bounds(times, gap)
    if not bounds:
        return ()
    firsts = [b[0] for b in bounds]
    by_session: list[list[Moment]] = [[] for _ in bounds]
    for m in snapshot.moments:
        anchor = moment_anchor(snapshot, m, times)
        if anchor is None:
            continue
        by_session[bisect_right(firsts, anchor) - 1].append(m)
    sessions = []
    for n, (first, last) in enumerate(bounds):
        start, end = captures[first].time, captures[last].time
        gaps = tuple(g for g in snapshot.gaps
                     if g.start <= end and (g.end or g.start) >= start)
        sessions.append(Session(index=n, first=first, last=last,
                                captures=captures[first:last + 1],
                                moments=tuple(by_session[n]), gaps=gaps))
    return tuple(sessions)


def session_of(sessions: tuple[Session, ...], capture_index: int) -> Session | None:
    """The session holding a capture index (binary search)."""
    firsts = [s.first for s in sessions]
    i = bisect_right(firsts, capture_index) - 1
    if i >= 0 and sessions[i].contains(capture_index):
        return sessions[i]
    return None


__all__ = ["DEFAULT_GAP", "Session", "moment_anchor", "session_bounds", "session_of",
           "split_sessions", "timestamps"]
