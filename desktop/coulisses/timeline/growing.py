"""A timeline grown by the stills just added, without rebuilding it (the window's live view).

A capture left running adds a still every few seconds for days. Rebuilding the
timeline after each one (scan the piece, split sessions, count days, lay out the
strip) costs time that grows with the piece; ``grow`` instead appends: the new
stills extend the last session or start new ones, and the effort figures are
updated from the stills that came. Moments, gaps, hidden stills and settings
cannot have changed (any change to them is a rewrite of ``piece.json``, after
which the caller takes a fresh snapshot: ``journal.added``).

The captures of a grown timeline live in a ``Run``: an append-only list shared
by the timelines grown from one another, each seeing its own length, so growing
never copies the stills already there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, cast, overload

from coulisses.journal.model import Capture, PieceSnapshot, utc_now
from coulisses.timeline.effort import count_days
from coulisses.timeline.sessions import Session

if TYPE_CHECKING:  # build imports suggestions, which reads Runs
    from coulisses.timeline.build import Timeline


class Run(Sequence[Capture]):
    """Captures ``[start, stop)`` of a list only ever appended to.

    Reads like the snapshot's tuple (indexing, slices as tuples, iteration,
    equality). ``extended`` appends in place when this run ends where the list
    does (the usual case: the newest timeline grows), else copies.
    """

    __slots__ = ("_hashes", "_items", "_start", "_stop")

    def __init__(self, items: list[Capture], start: int = 0, stop: int | None = None,
                 hashes: dict[tuple[int, int], int] | None = None) -> None:
        self._items = items
        self._start = start
        self._stop = len(items) if stop is None else stop
        self._hashes = {} if hashes is None else hashes  # shared by the runs of one list

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, i: int) -> Capture: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Capture, ...]: ...

    def __getitem__(self, i: int | slice) -> Capture | tuple[Capture, ...]:
        n = self._stop - self._start
        if isinstance(i, slice):
            a, b, step = i.indices(n)
            return tuple(self._items[self._start + a:self._start + b:step]) if step > 0 \
                else tuple(self[k] for k in range(a, b, step))
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("capture index out of range")
        return self._items[self._start + i]

    def __iter__(self) -> Iterator[Capture]:
        return islice(self._items, self._start, self._stop)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Run) and other._items is self._items:
            return (other._start, other._stop) == (self._start, self._stop)
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(other) == len(self) and all(a == b for a, b in zip(self, other,
                                                                      strict=True))

    __hash__ = None  # type: ignore[assignment]  # like a list: it may grow

    def __repr__(self) -> str:
        return f"Run({len(self)} captures)"

    def window(self, start: int, stop: int) -> Run:
        """Captures ``[start, stop)`` of this run, sharing its list (a session's stills)."""
        return Run(self._items, self._start + start, self._start + stop, self._hashes)

    def extended(self, new: Sequence[Capture]) -> Run:
        if self._start == 0 and self._stop == len(self._items):
            self._items.extend(new)
            return Run(self._items, 0, self._stop + len(new), self._hashes)
        return Run([*self, *new])

    def ids_hash(self, start: int, stop: int) -> int:
        """``hash`` of the ids of captures ``[start, stop)``, worked out once per range: what
        a list only ever appended to holds there never changes."""
        key = (self._start + start, self._start + stop)
        got = self._hashes.get(key)
        if got is None:
            got = hash(tuple(c.id for c in self._items[key[0]:key[1]]))
            if len(self._hashes) >= 4096:  # ranges of searches long past
                self._hashes.clear()
            self._hashes[key] = got
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
    return captures if isinstance(captures, Run) else Run(list(captures))


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
    # One folder object per day, as a scan shares them.
    folder = old[-1].folder
    for k, cap in enumerate(fresh):
        if cap.folder == folder and cap.folder is not folder:
            fresh[k] = Capture(cap.id, cap.time, folder, cap.source)
        else:
            folder = cap.folder
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


__all__ = ["Run", "Times", "as_run", "grow"]
