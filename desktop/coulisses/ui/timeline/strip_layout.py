"""Where every cell of the strip goes: stills, session breaks and camera gaps.

Plain Python and numpy (no Qt), so it is tested and measured on its own: a
100,000-still piece lays out in a few milliseconds as arrays (a cell per still
at "every still", one per minute or per session when zoomed out), and the view
finds the visible cells with a binary search instead of walking them.
"""

from __future__ import annotations

import enum
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


@dataclass(frozen=True)
class StripLayout:
    """Cells in order. ``first``/``last`` are the capture indices a cell stands for."""

    kinds: np.ndarray  # int8: STILL | SESSION | GAP
    refs: np.ndarray  # int32: capture index (STILL), session index, gap index
    first: np.ndarray  # int32: first capture index covered (breaks: the next still)
    last: np.ndarray  # int32: last capture index covered
    x: np.ndarray  # int64: left edge of each cell, pixels
    width: int  # total width, pixels
    zoom: Zoom
    gaps: tuple[Gap, ...] = ()
    anchors: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # moment anchor
    anchored: tuple[Moment, ...] = ()  # moments in anchor order

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
        cells = self._still_cells()
        firsts = self.first[cells]
        i = int(np.searchsorted(firsts, index, side="right") - 1)
        return int(cells[max(i, 0)]) if cells.size else -1

    def _still_cells(self) -> np.ndarray:
        return np.flatnonzero(self.kinds == STILL)

    def moments_in(self, first: int, last: int) -> tuple[Moment, ...]:
        """Moments anchored on a still in [first, last]."""
        a = int(np.searchsorted(self.anchors, first, side="left"))
        b = int(np.searchsorted(self.anchors, last, side="right"))
        return self.anchored[a:b]


def build_layout(timeline: Timeline, zoom: Zoom = Zoom.EVERY,
                 widths: Widths = Widths()) -> StripLayout:  # noqa: B008 - frozen default
    snap = timeline.snapshot
    n = len(snap.captures)
    times = np.asarray(timestamps(snap.captures), dtype=np.float64)
    as_list = times.tolist()
    moments = [(anchor, m) for m in snap.moments
               if (anchor := moment_anchor(snap, m, as_list)) is not None]
    moments.sort(key=lambda am: (am[0], am[1].time))
    anchors = np.asarray([a for a, _ in moments], dtype=np.int64)
    anchored = tuple(m for _, m in moments)
    if n == 0:
        empty = np.zeros(0, np.int32)
        return StripLayout(np.zeros(0, np.int8), empty, empty, empty, np.zeros(0, np.int64), 0,
                           zoom, (), anchors, anchored)

    # The stills that get a cell, and the range of stills each one stands for.
    if zoom == Zoom.EVERY:
        shown = np.arange(n, dtype=np.int64)
    elif zoom == Zoom.MINUTE:
        minutes = np.floor(times / 60.0)
        shown = np.flatnonzero(np.r_[True, minutes[1:] != minutes[:-1]])
    else:
        shown = np.asarray([s.first for s in timeline.sessions], dtype=np.int64)
    session_firsts = np.asarray([s.first for s in timeline.sessions], dtype=np.int64)
    # Every session starts a shown cell (a minute never straddles two sessions' first still).
    shown = np.union1d(shown, session_firsts)
    ends = np.r_[shown[1:] - 1, n - 1]

    # Camera gaps inside the piece: a break before the first still taken after the gap began.
    # (Zoomed out to sessions, a gap inside one has no still of its own to sit beside.)
    gaps = () if zoom == Zoom.SESSION else tuple(
        g for g in snap.gaps if times[0] <= g.start.timestamp() <= times[-1])
    gap_at = np.searchsorted(times, [g.start.timestamp() for g in gaps], side="right")

    kinds: list[np.ndarray] = []
    refs: list[np.ndarray] = []
    firsts: list[np.ndarray] = []
    lasts: list[np.ndarray] = []
    # Breaks are inserted before the shown cell whose range starts at their still.
    breaks: list[tuple[int, int, int]] = []  # (capture index, order, kind/ref)
    for s in timeline.sessions:
        breaks.append((s.first, 0, SESSION * 1_000_000 + s.index))
    for gi, at in enumerate(gap_at.tolist()):
        if 0 < at < n:
            breaks.append((at, 1, GAP * 1_000_000 + gi))
    breaks.sort()
    break_pos = np.searchsorted(shown, [b[0] for b in breaks], side="left")
    prev = 0
    for (cap, _order, code), pos in zip(breaks, break_pos.tolist(), strict=True):
        kinds.append(np.zeros(pos - prev, np.int8))
        refs.append(shown[prev:pos].astype(np.int32))
        firsts.append(shown[prev:pos].astype(np.int32))
        lasts.append(ends[prev:pos].astype(np.int32))
        kind, ref = divmod(code, 1_000_000)
        kinds.append(np.asarray([kind], np.int8))
        refs.append(np.asarray([ref], np.int32))
        firsts.append(np.asarray([cap], np.int32))
        lasts.append(np.asarray([cap - 1], np.int32))
        prev = pos
    kinds.append(np.zeros(shown.size - prev, np.int8))
    refs.append(shown[prev:].astype(np.int32))
    firsts.append(shown[prev:].astype(np.int32))
    lasts.append(ends[prev:].astype(np.int32))
    k = np.concatenate(kinds)
    w = np.where(k == STILL, widths.still, np.where(k == SESSION, widths.session, widths.gap))
    x = np.r_[0, np.cumsum(w)[:-1]].astype(np.int64)
    return StripLayout(k, np.concatenate(refs), np.concatenate(firsts), np.concatenate(lasts),
                       x, int(w.sum()), zoom, gaps, anchors, anchored)


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
