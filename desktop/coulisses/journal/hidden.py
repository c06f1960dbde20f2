"""Hidden stills, kept as sorted ranges of capture ids.

A maker hides a knocked camera's hour or a blurred face: often thousands of
consecutive stills. They are stored in one document of ``piece.json`` as
``[[first id, last id], ...]``, sorted and merged, so hiding 10,000
consecutive stills adds one pair, not 10,000 records. A range covers every
still whose id sorts between its ends: a photo imported later into a hidden
stretch is hidden too, the safe side for a private moment.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coulisses.journal.model import Capture
    from coulisses.journal.stills import Listing

TABLE = "hidden"  # the table of piece.json holding one document: {"ranges": [...]}

Range = tuple[str, str]


class HiddenRanges:
    """An immutable set of hidden capture ids as ranges; ``id in ranges`` is a bisect."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, ranges: Iterable[Range] = ()) -> None:
        merged = _merge(sorted((a, b) for a, b in ranges if a <= b))
        self._starts = tuple(a for a, _ in merged)
        self._ends = tuple(b for _, b in merged)

    @classmethod
    def from_json(cls, value: Any) -> HiddenRanges:
        """Tolerant: pairs that are not two ids are skipped (journal.shape refuses them)."""
        pairs = []
        for item in value or ():
            if isinstance(item, list | tuple) and len(item) == 2 and \
                    all(isinstance(x, str) for x in item):
                pairs.append((item[0], item[1]))
        return cls(pairs)

    def to_json(self) -> list[list[str]]:
        return [[a, b] for a, b in self.ranges]

    @property
    def ranges(self) -> tuple[Range, ...]:
        return tuple(zip(self._starts, self._ends, strict=True))

    def __contains__(self, capture_id: object) -> bool:
        if not isinstance(capture_id, str):
            return False
        i = bisect_right(self._starts, capture_id) - 1
        return i >= 0 and capture_id <= self._ends[i]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HiddenRanges) and self.ranges == other.ranges

    def __hash__(self) -> int:
        return hash(self.ranges)

    def __repr__(self) -> str:
        return f"HiddenRanges({list(self.ranges)!r})"

    def index_spans(self, captures: Sequence[Capture]) -> list[tuple[int, int]]:
        """[first, stop) index spans of the hidden stills among sorted ``captures``."""
        ids = _Ids(captures)
        out = []
        for a, b in zip(self._starts, self._ends, strict=True):
            lo, hi = bisect_left(ids, a), bisect_right(ids, b)
            if lo < hi:
                out.append((lo, hi))
        return out

    def count_in(self, captures: Sequence[Capture]) -> int:
        return sum(hi - lo for lo, hi in self.index_spans(captures))

    def with_runs(self, runs: Iterable[Range]) -> HiddenRanges:
        return HiddenRanges((*self.ranges, *runs))

    def without_ids(self, ids: Iterable[str], before: Callable[[str], str | None],
                    after: Callable[[str], str | None]) -> HiddenRanges:
        """These ids shown again. ``before(id)`` / ``after(id)``: the piece's still just
        before / after an id; the ranges are cut there, so their ends stay stills."""
        shown = sorted(set(ids))
        out: list[Range] = []
        for a, b in self.ranges:
            inside = shown[bisect_left(shown, a):bisect_right(shown, b)]
            if not inside:
                out.append((a, b))
                continue
            lo = a  # start of the piece kept before the next shown id
            for cid in inside:
                if lo < cid:
                    end = before(cid)
                    if end is not None and lo <= end:
                        out.append((lo, end))
                nxt = after(cid)
                lo = nxt if nxt is not None else "\x7f"
            if lo <= b:
                out.append((lo, b))
        return HiddenRanges(out)


def runs(ids: Sequence[str], adjacent: dict[str, bool]) -> list[Range]:
    """Sorted ids grouped into ranges: ``adjacent[id]`` says no other still lies between
    this id and the one before it in ``ids``."""
    out: list[Range] = []
    for cid in ids:
        if out and adjacent.get(cid, False):
            out[-1] = (out[-1][0], cid)
        else:
            out.append((cid, cid))
    return out


def of_data(data: dict[str, Any]) -> HiddenRanges:
    """The hidden stills recorded in a piece.json's data."""
    doc = (data.get(TABLE) or {}).get("1")
    return HiddenRanges.from_json(doc.get("ranges")) if doc else EMPTY


def with_data(data: dict[str, Any], hidden: HiddenRanges) -> None:
    data[TABLE] = {"1": {"ranges": hidden.to_json()}}


def join_touching(hidden: HiddenRanges, listing: Listing) -> HiddenRanges:
    """Ranges with no still between them become one (hide a, then b next to it: one pair)."""
    pairs = list(hidden.ranges)
    out = pairs[:1]
    for a, b in pairs[1:]:
        if not listing.between(out[-1][1], a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return HiddenRanges(out)


def hide_more(hidden: HiddenRanges, new: Sequence[str], listing: Listing) -> HiddenRanges:
    """``hidden`` plus the sorted ids ``new``, as few ranges as the piece allows."""
    adjacent = {b: not listing.between(a, b) for a, b in zip(new, new[1:], strict=False)}
    return join_touching(hidden.with_runs(runs(new, adjacent)), listing)


def _merge(pairs: list[Range]) -> list[Range]:
    out: list[Range] = []
    for a, b in pairs:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


EMPTY = HiddenRanges()


class _Ids:
    __slots__ = ("_c",)

    def __init__(self, captures: Sequence[Capture]) -> None:
        self._c = captures

    def __len__(self) -> int:
        return len(self._c)

    def __getitem__(self, i: int) -> str:
        return self._c[i].id


__all__ = ["EMPTY", "TABLE", "HiddenRanges", "hide_more", "join_touching", "of_data", "runs",
           "with_data"]
