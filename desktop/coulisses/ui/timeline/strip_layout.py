"""Where every cell of the strip goes: stills, session breaks and camera gaps.

Plain Python and numpy (no Qt), so it is tested and measured on its own: a
100,000-still piece lays out in a few milliseconds as arrays (a cell per still
at "every still", one per minute or per session when zoomed out), and the view
finds the visible cells with a binary search instead of walking them.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np

from coulisses.journal.model import Gap, Moment
from coulisses.timeline.build import Timeline
from coulisses.timeline.sessions import moment_anchor, timestamps

STILL, SESSION, GAP = 0, 1, 2


class Zoom(enum.StrEnum):
    EVERY = "every"  # one cell per still
    MINUTE = "minute"  # the first still of each minute
    SESSION = "session"  # the first still of each session


@dataclass(frozen=True)
class Widths:
    still: int = 112
    session: int = 84
    gap: int = 44


class _Store:
    """The arrays behind a layout, with room to grow: extending a layout appends here
    instead of copying every cell (the layouts grown from one another share it)."""

    __slots__ = ("cells", "n_cells", "n_stills", "stills")
    CELLS = (("kinds", np.int8), ("refs", np.int32), ("first", np.int32), ("last", np.int32),
             ("x", np.int64))
    STILLS = (("stills", np.int64), ("still_first", np.int32))

    def __init__(self, layout: StripLayout | None = None) -> None:
        self.cells = {name: np.zeros(0, dtype) for name, dtype in self.CELLS}
        self.stills = {name: np.zeros(0, dtype) for name, dtype in self.STILLS}
        self.n_cells = self.n_stills = 0
        if layout is not None:  # a copy of a layout's arrays (its own store went further)
            self.append({name: getattr(layout, name) for name, _ in self.CELLS},
                        {name: getattr(layout, name) for name, _ in self.STILLS})

    @staticmethod
    def _put(arrays: dict[str, np.ndarray], used: int, values: dict[str, np.ndarray]) -> int:
        k = len(next(iter(values.values())))
        for name, buf in arrays.items():
            if used + k > buf.size:  # grow by half: amortised constant per cell
                bigger = np.zeros(max(used + k, buf.size + buf.size // 2, 1024), buf.dtype)
                bigger[:used] = buf[:used]
                arrays[name] = buf = bigger
            buf[used:used + k] = values[name]
        return used + k

    def append(self, cells: dict[str, np.ndarray], stills: dict[str, np.ndarray]) -> None:
        self.n_cells = self._put(self.cells, self.n_cells, cells)
        self.n_stills = self._put(self.stills, self.n_stills, stills)

    def views(self) -> dict[str, np.ndarray]:
        out = {name: self.cells[name][:self.n_cells] for name, _ in self.CELLS}
        out.update({name: self.stills[name][:self.n_stills] for name, _ in self.STILLS})
        return out


def _none() -> np.ndarray:
    return np.zeros(0, np.int64)


@dataclass(frozen=True, eq=False)
class StripLayout:
    """Cells in order. ``first``/``last`` are the capture indices a cell stands for.

    A layout extended by ``extend_layout`` shares its arrays with the one it grew
    from; only the newest of them is to be used (the older one's last still cell
    may now reach further).
    """

    kinds: np.ndarray  # int8: STILL | SESSION | GAP
    refs: np.ndarray  # int32: capture index (STILL), session index, gap index
    first: np.ndarray  # int32: first capture index covered (breaks: the next still)
    last: np.ndarray  # int32: last capture index covered
    x: np.ndarray  # int64: left edge of each cell, pixels
    width: int  # total width, pixels
    zoom: Zoom
    gaps: tuple[Gap, ...] = ()
    anchors: np.ndarray = field(default_factory=_none)  # moment anchor
    anchored: tuple[Moment, ...] = ()  # moments in anchor order
    stills: np.ndarray = field(default_factory=_none)  # the still cells, in order
    still_first: np.ndarray = field(default_factory=_none)  # their first capture index
    captures: int = 0  # how many of the timeline's stills the layout covers
    widths: Widths = Widths()
    _store: _Store | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return int(self.kinds.size)

    def cell_at(self, x: float) -> int:
        """The cell under pixel ``x`` (-1 outside the strip)."""
        if x < 0 or x >= self.width or not len(self):
            return -1
        return int(np.searchsorted(self.x, x, side="right") - 1)

    def visible(self, left: float, right: float) -> range:
        """Indices of the cells that overlap pixels [left, right)."""
        if not len(self):
            return range(0)
        a = max(0, int(np.searchsorted(self.x, left, side="right")) - 1)
        b = int(np.searchsorted(self.x, right, side="left"))
        return range(a, min(b, len(self)))

    def cell_width(self, cell: int) -> int:
        end = self.x[cell + 1] if cell + 1 < len(self) else self.width
        return int(end - self.x[cell])

    def cell_of_capture(self, index: int) -> int:
        """The still cell showing capture ``index`` (or the cell whose range holds it)."""
        if not self.stills.size:
            return -1
        i = int(np.searchsorted(self.still_first, index, side="right") - 1)
        return int(self.stills[max(i, 0)])

    def _still_cells(self) -> np.ndarray:
        return self.stills

    def moments_in(self, first: int, last: int) -> tuple[Moment, ...]:
        """Moments anchored on a still in [first, last]."""
        a = int(np.searchsorted(self.anchors, first, side="left"))
        b = int(np.searchsorted(self.anchors, last, side="right"))
        return self.anchored[a:b]


def build_layout(timeline: Timeline, zoom: Zoom = Zoom.EVERY,
                 widths: Widths = Widths()) -> StripLayout:  # noqa: B008 - frozen default
    snap = timeline.snapshot
    as_list = timestamps(snap.captures)
    moments = []
    if snap.moments:
        moments = [(anchor, m) for m in snap.moments
                   if (anchor := moment_anchor(snap, m, as_list)) is not None]
        moments.sort(key=lambda am: (am[0], am[1].time))
    anchors = np.asarray([a for a, _ in moments], dtype=np.int64)
    anchored = tuple(m for _, m in moments)
    empty32 = np.zeros(0, np.int32)
    start = StripLayout(np.zeros(0, np.int8), empty32, empty32, empty32, np.zeros(0, np.int64),
                        0, zoom, (), anchors, anchored, widths=widths)
    return extend_layout(start, timeline, np.asarray(as_list, dtype=np.float64))


def extend_layout(layout: StripLayout, timeline: Timeline,
                  times: np.ndarray | None = None) -> StripLayout:
    """``layout`` (of the first ``layout.captures`` stills of ``timeline``) with cells for the
    stills after them: work and memory in proportion to the new stills only.

    The timeline must be the one the layout was made for with stills appended
    (``timeline.growing.grow``): the same moments, gaps and earlier sessions.
    ``times``: the new stills' POSIX times, when the caller has them already.
    """
    snap = timeline.snapshot
    caps = snap.captures
    n0, n = layout.captures, len(caps)
    if n <= n0:
        return layout
    zoom = layout.zoom
    if times is None:
        times = np.fromiter((c.time.timestamp() for c in caps[n0:n]), np.float64, n - n0)
    before = caps[n0 - 1].time.timestamp() if n0 else None

    # The stills that get a cell, and the range of stills each one stands for.
    new_sessions = []
    for s in reversed(timeline.sessions):
        if s.first < n0:
            break
        new_sessions.append(s)
    new_sessions.reverse()
    session_firsts = np.asarray([s.first for s in new_sessions], dtype=np.int64)
    if zoom == Zoom.EVERY:
        shown = np.arange(n0, n, dtype=np.int64)
    elif zoom == Zoom.MINUTE:
        minutes = np.floor(times / 60.0)
        head = before is None or minutes[0] != np.floor(before / 60.0)
        shown = n0 + np.flatnonzero(np.r_[head, minutes[1:] != minutes[:-1]])
    else:
        shown = np.zeros(0, np.int64)
    # Every session starts a shown cell (a minute never straddles two sessions' first still).
    shown = np.union1d(shown, session_firsts).astype(np.int64)
    ends = np.r_[shown[1:] - 1, n - 1].astype(np.int64)

    # Breaks are inserted before the shown cell whose range starts at their still.
    breaks: list[tuple[int, int, int]] = []  # (capture index, order, kind/ref)
    for s in new_sessions:
        breaks.append((s.first, 0, SESSION * 1_000_000 + s.index))
    # Camera gaps inside the piece: a break before the first still taken after the gap began.
    # (Zoomed out to sessions, a gap inside one has no still of its own to sit beside.)
    gaps = layout.gaps
    if zoom != Zoom.SESSION and snap.gaps:
        low = times[0] if before is None else before
        added: list[Gap] = []
        from_ = bisect_left(snap.gaps, low, key=lambda g: g.start.timestamp())
        for g in snap.gaps[from_:]:
            t = g.start.timestamp()
            if t > times[-1]:
                break
            if before is not None and t == before and g in gaps:
                gi = gaps.index(g)  # counted already; no still after it until now
            else:
                gi = len(gaps) + len(added)
                added.append(g)
            at = n0 + int(np.searchsorted(times, t, side="right"))
            if max(n0, 1) <= at < n:
                breaks.append((at, 1, GAP * 1_000_000 + gi))
        gaps = gaps + tuple(added)
    breaks.sort()

    kinds: list[np.ndarray] = []
    refs: list[np.ndarray] = []
    firsts: list[np.ndarray] = []
    lasts: list[np.ndarray] = []
    break_pos = np.searchsorted(shown, [b[0] for b in breaks], side="left")
    prev = 0
    for (cap, _order, code), pos in zip(breaks, break_pos.tolist(), strict=True):
        kinds.append(np.zeros(pos - prev, np.int8))
        refs.append(shown[prev:pos])
        firsts.append(shown[prev:pos])
        lasts.append(ends[prev:pos])
        kind, ref = divmod(code, 1_000_000)
        kinds.append(np.asarray([kind], np.int8))
        refs.append(np.asarray([ref], np.int64))
        firsts.append(np.asarray([cap], np.int64))
        lasts.append(np.asarray([cap - 1], np.int64))
        prev = pos
    kinds.append(np.zeros(shown.size - prev, np.int8))
    refs.append(shown[prev:])
    firsts.append(shown[prev:])
    lasts.append(ends[prev:])
    k = np.concatenate(kinds)
    first = np.concatenate(firsts)
    wd = layout.widths
    w = np.where(k == STILL, wd.still, np.where(k == SESSION, wd.session, wd.gap))
    x = layout.width + np.r_[0, np.cumsum(w)[:-1]].astype(np.int64)
    is_still = k == STILL

    store = layout._store
    if store is None or store.n_cells != len(layout) or store.n_stills != layout.stills.size:
        store = _Store(layout)  # the first growth, or a layout that is no longer the newest
    if n0 and layout.stills.size:
        # The last still cell so far now stands for the stills up to the next shown one.
        store.cells["last"][int(layout.stills[-1])] = shown[0] - 1 if shown.size else n - 1
    store.append({"kinds": k, "refs": np.concatenate(refs), "first": first,
                  "last": np.concatenate(lasts), "x": x},
                 {"stills": len(layout) + np.flatnonzero(is_still),
                  "still_first": first[is_still]})
    return StripLayout(**store.views(), width=layout.width + int(w.sum()), zoom=zoom, gaps=gaps,
                       anchors=layout.anchors, anchored=layout.anchored, captures=n,
                       widths=wd, _store=store)


def session_cells(layout: StripLayout) -> list[int]:
    return np.flatnonzero(layout.kinds == SESSION).tolist()


def nearest_still_cell(layout: StripLayout, cell: int, step: int = 1) -> int:
    """The still cell at or after ``cell`` going ``step`` (+1/-1); -1 if there is none."""
    stills = layout._still_cells()
    if not stills.size:
        return -1
    if step > 0:
        i = int(np.searchsorted(stills, cell, side="left"))
        return int(stills[i]) if i < stills.size else int(stills[-1])
    i = int(np.searchsorted(stills, cell, side="right") - 1)
    return int(stills[i]) if i >= 0 else int(stills[0])
