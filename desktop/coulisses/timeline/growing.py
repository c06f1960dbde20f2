"""A timeline grown by the stills just added, without rebuilding it (the window's live view).

A capture left running adds a still every few seconds for days. Rebuilding the
timeline after each one (scan the piece, split sessions, count days, lay out the
strip) costs time that grows with the piece; ``grow`` instead appends: the new
stills extend the last session or start new ones, and the effort figures are
updated from the stills that came. Moments, gaps, hidden stills and settings
cannot have changed (any change to them is a rewrite of ``piece.json``, after
which the caller takes a fresh snapshot: ``journal.added``).

The captures of a grown timeline live in a ``Run``: an append-only store of
their ids (~30 bytes a still) shared by the timelines grown from one another,
each seeing its own length, so growing never copies the stills already there.
``compact`` puts a freshly built timeline in one.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast, overload

from coulisses.journal.capture_id import CaptureId
from coulisses.journal.model import Capture, PieceSnapshot, utc_now
from coulisses.timeline.effort import count_days
from coulisses.timeline.sessions import Session

if TYPE_CHECKING:  # build imports suggestions, which reads Runs
    from coulisses.timeline.build import Timeline


class _Store:
    """Stills in about 30 bytes each, only ever appended to: their ids in one blob, where
    each ends, and their day folder (a Capture, its id and its time take ~230 bytes, 14 MB
    for the week of stills a window left open on a capture sees)."""

    __slots__ = ("blob", "day_of", "days", "ends", "hashes")

    def __init__(self) -> None:
        self.blob = bytearray()
        self.ends = array("q")  # where each id ends in the blob
        self.days: list[Path] = []  # day folders, in order
        self.day_of = array("l")  # each still's, as an index into days
        self.hashes: dict[tuple[int, int], int] = {}  # Run.ids_hash, per range

    def __len__(self) -> int:
        return len(self.ends)

    def append(self, captures: Iterable[Capture]) -> None:
        for cap in captures:
            self.blob += cap.id.encode("utf-8")
            self.ends.append(len(self.blob))
            days = self.days
            if not days or (cap.folder is not days[-1] and cap.folder != days[-1]):
                days.append(cap.folder)
            self.day_of.append(len(days) - 1)

    def id(self, i: int) -> CaptureId:
        text = self.blob[self.ends[i - 1] if i else 0:self.ends[i]].decode("utf-8")
        return str.__new__(CaptureId, text)  # checked when it was read from the journal

    def capture(self, i: int) -> Capture:
        cid = self.id(i)
        tilde = cid.find("~")
        # As stills.scan and CaptureId make them: the time of the id's first 19 characters.
        return Capture(cid, datetime.fromisoformat(cid[:19] + "+00:00"),
                       self.days[self.day_of[i]], cid[tilde + 1:] if tilde >= 0 else None)


class Run(Sequence[Capture]):
    """Captures ``[start, stop)`` of a store only ever appended to.

    Reads like the snapshot's tuple (indexing, slices as tuples, iteration,
    equality); each Capture is made when asked for. ``extended`` appends in place
    when this run ends where the store does (the usual case: the newest timeline
    grows), else copies.
    """

    __slots__ = ("_start", "_stop", "_store")

    def __init__(self, captures: Iterable[Capture] = (), *, _store: _Store | None = None,
                 _start: int = 0, _stop: int | None = None) -> None:
        if _store is None:
            _store = _Store()
            _store.append(captures)
        self._store = _store
        self._start = _start
        self._stop = len(_store) if _stop is None else _stop

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, i: int) -> Capture: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Capture, ...]: ...

    def __getitem__(self, i: int | slice) -> Capture | tuple[Capture, ...]:
        n = self._stop - self._start
        if isinstance(i, slice):
            return tuple(self._store.capture(self._start + k) for k in range(*i.indices(n)))
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("capture index out of range")
        return self._store.capture(self._start + i)

    def __iter__(self) -> Iterator[Capture]:
        capture = self._store.capture
        return (capture(k) for k in range(self._start, self._stop))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Run) and other._store is self._store:
            return (other._start, other._stop) == (self._start, self._stop)
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(other) == len(self) and all(a == b for a, b in zip(self, other,
                                                                      strict=True))

    __hash__ = None  # type: ignore[assignment]  # like a list: it may grow

    def __repr__(self) -> str:
        return f"Run({len(self)} captures)"

    def window(self, start: int, stop: int) -> Run:
        """Captures ``[start, stop)`` of this run, sharing its store (a session's stills)."""
        return Run(_store=self._store, _start=self._start + start, _stop=self._start + stop)

    def extended(self, new: Sequence[Capture]) -> Run:
        if self._start == 0 and self._stop == len(self._store):
            self._store.append(new)
            return Run(_store=self._store, _stop=self._stop + len(new))
        return Run([*self, *new])

    def ids_hash(self, start: int, stop: int) -> int:
        """``hash`` of the ids of captures ``[start, stop)`` (as a tuple of them), worked out
        once per range: what a store only ever appended to holds there never changes."""
        key = (self._start + start, self._start + stop)
        hashes = self._store.hashes
        got = hashes.get(key)
        if got is None:
            got = hash(tuple(self._store.id(k) for k in range(*key)))
            if len(hashes) >= 4096:  # ranges of searches long past
                hashes.clear()
            hashes[key] = got
        return got


class Times(Sequence[float]):
    """The captures' POSIX times, each worked out when asked: a bisect over 100,000 stills
    asks for a few dozen, where ``sessions.timestamps`` converts them all."""

    __slots__ = ("_c",)

    def __init__(self, captures: Sequence[Capture]) -> None:
        self._c = captures

    def __len__(self) -> int:
        return len(self._c)

    def __getitem__(self, i):  # type: ignore[override]  # bisect, moment_anchor: ints
        return self._c[i].time.timestamp()


def as_run(captures: Sequence[Capture]) -> Run:
    return captures if isinstance(captures, Run) else Run(captures)


def compact(timeline: Timeline) -> Timeline:
    """``timeline`` with its stills in a Run, its sessions seeing windows of it: the
    Capture objects of the snapshot it was built from can go (built off the GUI thread:
    ~1 µs a still)."""
    caps = as_run(timeline.snapshot.captures)
    if caps is timeline.snapshot.captures:
        return timeline
    sessions = tuple(replace(s, captures=cast("tuple[Capture, ...]",
                                              caps.window(s.first, s.last + 1)))
                     for s in timeline.sessions)
    snapshot = replace(timeline.snapshot, captures=cast("tuple[Capture, ...]", caps))
    return replace(timeline, snapshot=snapshot, sessions=sessions)


def _session(index: int, first: int, last: int, caps: Run, snapshot: PieceSnapshot,
             moments: tuple = ()) -> Session:
    start, end = caps[first].time, caps[last].time
    gaps = tuple(g for g in snapshot.gaps if g.start <= end and (g.end or g.start) >= start)
    return Session(index=index, first=first, last=last,
                   captures=cast("tuple[Capture, ...]", caps.window(first, last + 1)),
                   moments=moments, gaps=gaps)


def _moves_a_moment(snapshot: PieceSnapshot, after: float) -> bool:
    """Whether a moment tied to a time rather than to one of the stills (flagged before
    the still it names arrived, or whose still left) falls where the new stills are."""
    moments = snapshot.moments  # in time order
    late = moments[bisect_left(moments, after, key=lambda m: m.time.timestamp()):]
    return any(m.capture is None or snapshot.index_of(m.capture) is None for m in late)


def grow(timeline: Timeline, added: Sequence[Capture]) -> Timeline | None:
    """``timeline`` with the stills ``added`` since it was built, in constant time per still.

    ``added`` may repeat stills the timeline already has (they are skipped). None
    when the timeline must be rebuilt instead: a still that sorts before the newest
    one (a photo imported into the past), a piece that had no still yet, or a
    moment tied to a time the new stills reach.
    """
    snap = timeline.snapshot
    old = snap.captures
    n0 = len(old)
    if n0 == 0:
        return None
    newest = old[-1].id
    fresh: list[Capture] = []
    for cap in sorted(added, key=lambda c: c.id):
        if cap.id > newest and (not fresh or cap.id > fresh[-1].id):
            fresh.append(cap)
        elif cap.id <= newest and snap.index_of(cap.id) is None:
            return None  # inside the piece's past: the sessions before it change
    if not fresh:
        return timeline
    last_t = old[-1].time.timestamp()
    if _moves_a_moment(snap, last_t):
        return None
    caps = as_run(old).extended(fresh)
    times = [c.time.timestamp() for c in fresh]

    # Sessions: the new stills extend the last one, or start new ones after a pause.
    gap = timeline.session_gap
    sessions = list(timeline.sessions)
    last = sessions.pop()
    first, prev = last.first, last_t
    changed: list[Session] = []
    for k, t in enumerate(times):
        if t - prev > gap:
            changed.append(_session(last.index + len(changed), first, n0 + k - 1, caps, snap,
                                    last.moments if not changed else ()))
            first = n0 + k
        prev = t
    changed.append(_session(last.index + len(changed), first, n0 + len(fresh) - 1, caps, snap,
                            last.moments if not changed else ()))

    # Effort: only what the new stills change.
    effort = timeline.effort
    worked = effort.worked_seconds - last.seconds + sum(s.seconds for s in changed)
    new_days = count_days([last_t, *times]) - 1
    shown = len(fresh) - (sum(1 for c in fresh if c.id in snap.hidden) if snap.hidden else 0)
    effort = replace(effort, sessions=effort.sessions - 1 + len(changed), worked_seconds=worked,
                     days=effort.days + new_days, stills=effort.stills + shown,
                     last=fresh[-1].time)
    grown = replace(snap, captures=cast("tuple[Capture, ...]", caps), taken_at=utc_now())
    return replace(timeline, snapshot=grown, sessions=(*sessions, *changed), effort=effort)


__all__ = ["Run", "Times", "as_run", "compact", "grow"]
