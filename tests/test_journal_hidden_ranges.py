"""Hidden stills as ranges (journal/hidden.py) against the plainest model there is: a set
of hidden ids over a sorted list of stills.

A mutation run left the range bounds (``<=`` turned into ``<``) and the range merge
undetected: an off-by-one there shows a still the maker hid (a face, a neighbour's
kiln) in the next export. Hypothesis drives hide / unhide / import sequences and after
each step the ranges must hide exactly the model's ids, as the fewest ranges the piece
allows, with both ends on real stills. Pinned cases name the edges one by one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from coulisses.journal.hidden import EMPTY, HiddenRanges, hide_more, join_touching, runs


class FakeListing:
    """stills.Listing's contract (exists / between / before / after) over a sorted list."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.ids = sorted(set(ids))

    def add(self, cid: str) -> None:  # a photo imported later
        i = bisect_left(self.ids, cid)
        if i == len(self.ids) or self.ids[i] != cid:
            self.ids.insert(i, cid)

    def exists(self, cid: str) -> bool:
        i = bisect_left(self.ids, cid)
        return i < len(self.ids) and self.ids[i] == cid

    def between(self, a: str, b: str) -> bool:
        if b <= a:
            return False
        return bisect_right(self.ids, a) < bisect_left(self.ids, b)

    def before(self, cid: str) -> str | None:
        i = bisect_left(self.ids, cid)
        return self.ids[i - 1] if i > 0 else None

    def after(self, cid: str) -> str | None:
        i = bisect_right(self.ids, cid)
        return self.ids[i] if i < len(self.ids) else None


@dataclass(frozen=True)
class Cap:  # index_spans reads only ``.id``
    id: str


def sid(n: int) -> str:
    return f"{n:04d}"


def hide(hidden: HiddenRanges, ids: Iterable[str], listing: FakeListing) -> HiddenRanges:
    """What Journal.hide_stills does with the ranges."""
    new = [c for c in sorted(set(ids)) if c not in hidden]
    return hide_more(hidden, new, listing) if new else hidden


def unhide(hidden: HiddenRanges, ids: Iterable[str], listing: FakeListing) -> HiddenRanges:
    """What Journal.unhide_stills does with the ranges."""
    shown = [c for c in sorted(set(ids)) if c in hidden]
    return hidden.without_ids(shown, listing.before, listing.after) if shown else hidden


def model_runs(stills: Sequence[str], model: set[str]) -> list[tuple[str, str]]:
    """Maximal runs of consecutive hidden stills: the fewest ranges that hide ``model``."""
    out: list[tuple[str, str]] = []
    prev_hidden = False
    for cid in stills:
        if cid in model and prev_hidden:
            out[-1] = (out[-1][0], cid)
        elif cid in model:
            out.append((cid, cid))
        prev_hidden = cid in model
    return out


def model_spans(stills: Sequence[str], model: set[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i, cid in enumerate(stills):
        if cid in model:
            if out and out[-1][1] == i:
                out[-1] = (out[-1][0], i + 1)
            else:
                out.append((i, i + 1))
    return out


def assert_matches(hidden: HiddenRanges, listing: FakeListing, model: set[str]) -> None:
    stills = listing.ids
    assert [c for c in stills if c in hidden] == sorted(model)
    assert list(hidden.ranges) == model_runs(stills, model)  # merged, ends on stills
    caps = [Cap(c) for c in stills]
    assert hidden.index_spans(caps) == model_spans(stills, model)
    assert hidden.count_in(caps) == len(model)
    assert HiddenRanges.from_json(hidden.to_json()) == hidden
    assert bool(hidden) == bool(model)


# ------------------------------------------------------------------ property tests
class HideUnhide(RuleBasedStateMachine):
    """A piece's stills (sparse ids, like real capture times), a maker hiding and
    showing them in any order, and photos imported later between them."""

    def __init__(self) -> None:
        super().__init__()
        self.listing = FakeListing(sid(n) for n in range(0, 60, 3))
        self.hidden = EMPTY
        self.model: set[str] = set()

    def _some(self, data: st.DataObject) -> list[str]:
        stills = self.listing.ids
        pick = data.draw(st.one_of(
            st.lists(st.sampled_from(stills), max_size=6),  # scattered stills
            st.tuples(st.integers(0, len(stills) - 1), st.integers(0, 6)).map(
                lambda t: stills[t[0]:t[0] + t[1]]),  # a stretch, as a drag selects
        ))
        return list(pick)

    @rule(data=st.data())
    def hide(self, data: st.DataObject) -> None:
        ids = self._some(data)
        self.hidden = hide(self.hidden, ids, self.listing)
        self.model |= set(ids)

    @rule(data=st.data())
    def unhide(self, data: st.DataObject) -> None:
        ids = self._some(data)
        self.hidden = unhide(self.hidden, ids, self.listing)
        self.model -= set(ids)

    @rule(n=st.integers(0, 62))
    def import_photo(self, n: int) -> None:
        """A photo imported later is hidden when it lands inside a hidden stretch (between
        two hidden neighbours), the safe side for a private moment; shown otherwise."""
        cid = sid(n)
        if self.listing.exists(cid):
            return
        self.listing.add(cid)
        prev, nxt = self.listing.before(cid), self.listing.after(cid)
        if prev in self.model and nxt in self.model:
            self.model.add(cid)

    @invariant()
    def ranges_hide_exactly_the_model(self) -> None:
        assert_matches(self.hidden, self.listing, self.model)


HideUnhide.TestCase.settings = settings(max_examples=150, stateful_step_count=25,
                                        deadline=None,
                                        suppress_health_check=[HealthCheck.too_slow])
test_hide_unhide_import_sequences_match_a_set_of_ids = HideUnhide.TestCase

ID = st.integers(0, 40).map(sid)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ID, ID), max_size=8), st.lists(ID, max_size=10))
def test_constructor_merges_overlaps_and_keeps_every_bound(pairs, probes):
    """Any pairs, in any order: membership is exactly 'between some pair's ends,
    both included'; ranges come out sorted and strictly apart (sharing an end is one)."""
    hidden = HiddenRanges(pairs)
    kept = [(a, b) for a, b in pairs if a <= b]
    for x in [*probes, *(a for a, _ in kept), *(b for _, b in kept)]:
        assert (x in hidden) == any(a <= x <= b for a, b in kept), x
    rs = hidden.ranges
    assert all(a <= b for a, b in rs)
    assert all(rs[i - 1][1] < rs[i][0] for i in range(1, len(rs)))
    assert {x for a, b in kept for x in map(sid, range(int(a), int(b) + 1))} == \
        {x for a, b in rs for x in map(sid, range(int(a), int(b) + 1))}


@settings(max_examples=200, deadline=None)
@given(st.sets(st.integers(0, 40), min_size=1), st.data())
def test_index_spans_count_only_listed_captures(hidden_ids, data):
    """A range may cover ids that are not among the captures given (a filtered list): its
    span is then empty and left out, never a zero-width (lo, lo) span."""
    hidden = HiddenRanges((sid(n), sid(n)) for n in hidden_ids)
    listed = sorted(data.draw(st.sets(st.integers(0, 40))))
    caps = [Cap(sid(n)) for n in listed]
    spans = hidden.index_spans(caps)
    assert all(lo < hi for lo, hi in spans)
    covered = [i for lo, hi in spans for i in range(lo, hi)]
    assert covered == [i for i, n in enumerate(listed) if n in hidden_ids]
    assert hidden.count_in(caps) == len(covered)


# ------------------------------------------------------------------ pinned edges
STILLS = [sid(n) for n in range(10)]


@pytest.fixture
def listing() -> FakeListing:
    return FakeListing(STILLS)


def ranges(*pairs: tuple[int, int]) -> tuple[tuple[str, str], ...]:
    return tuple((sid(a), sid(b)) for a, b in pairs)


def test_hiding_the_one_still_between_two_hidden_neighbours_makes_one_range(listing):
    h = hide(hide(EMPTY, STILLS[2:4], listing), STILLS[5:7], listing)
    assert h.ranges == ranges((2, 3), (5, 6))
    h = hide(h, [STILLS[4]], listing)
    assert h.ranges == ranges((2, 6))
    assert_matches(h, listing, set(STILLS[2:7]))


def test_a_still_right_after_or_before_a_range_joins_it_one_further_does_not(listing):
    h = hide(EMPTY, STILLS[3:6], listing)
    assert hide(h, [STILLS[6]], listing).ranges == ranges((3, 6))
    assert hide(h, [STILLS[2]], listing).ranges == ranges((2, 5))
    assert hide(h, [STILLS[7]], listing).ranges == ranges((3, 5), (7, 7))
    assert hide(h, [STILLS[1]], listing).ranges == ranges((1, 1), (3, 5))


def test_stills_with_no_still_between_touch_whatever_their_ids():
    """Capture ids are times: two stills a day apart are neighbours when nothing lies
    between them, so hiding one then the other is one range."""
    listing = FakeListing([sid(0), sid(5), sid(9), sid(30)])
    h = hide(hide(EMPTY, [sid(5)], listing), [sid(9)], listing)
    assert h.ranges == ranges((5, 9))
    assert hide(h, [sid(0), sid(30)], listing).ranges == ranges((0, 30))


def test_hiding_together_scattered_and_adjacent_stills(listing):
    h = hide(EMPTY, [STILLS[i] for i in (1, 2, 4, 6, 7, 8)], listing)
    assert h.ranges == ranges((1, 2), (4, 4), (6, 8))


@pytest.mark.parametrize(("shown", "left"), [
    (2, ((3, 6),)),  # first still of the range
    (6, ((2, 5),)),  # last
    (4, ((2, 3), (5, 6))),  # middle
    (3, ((2, 2), (4, 6))),  # second: a one-still piece stays before it
    (5, ((2, 4), (6, 6))),  # second to last: a one-still piece stays after it
])
def test_unhiding_one_still_of_a_range_keeps_every_other_hidden(listing, shown, left):
    h = unhide(hide(EMPTY, STILLS[2:7], listing), [STILLS[shown]], listing)
    assert h.ranges == ranges(*left)
    assert_matches(h, listing, set(STILLS[2:7]) - {STILLS[shown]})


def test_unhiding_the_middle_of_three_leaves_both_one_still_neighbours_hidden(listing):
    """The reported survivor: ``lo <= end`` / ``lo <= b`` turned into ``<`` revealed the
    one-still piece on either side of the still shown again."""
    h = unhide(hide(EMPTY, STILLS[2:5], listing), [STILLS[3]], listing)
    assert h.ranges == ranges((2, 2), (4, 4))
    assert STILLS[2] in h and STILLS[4] in h and STILLS[3] not in h


def test_unhiding_every_other_still_leaves_one_still_ranges(listing):
    h = unhide(hide(EMPTY, STILLS, listing), STILLS[1::2], listing)
    assert h.ranges == ranges(*((i, i) for i in range(0, 10, 2)))


def test_unhiding_a_one_still_range_removes_it_and_nothing_else(listing):
    h = hide(EMPTY, [STILLS[2], STILLS[4], STILLS[6]], listing)
    assert h.ranges == ranges((2, 2), (4, 4), (6, 6))
    assert unhide(h, [STILLS[4]], listing).ranges == ranges((2, 2), (6, 6))
    assert unhide(h, [STILLS[2], STILLS[4], STILLS[6]], listing) == EMPTY


def test_unhiding_the_first_and_last_stills_of_the_piece(listing):
    """No still before the first or after the last: the cut has no neighbour to end on."""
    h = hide(EMPTY, STILLS, listing)
    assert unhide(h, [STILLS[0]], listing).ranges == ranges((1, 9))
    assert unhide(h, [STILLS[9]], listing).ranges == ranges((0, 8))
    assert unhide(h, [STILLS[0], STILLS[9]], listing).ranges == ranges((1, 8))
    assert unhide(h, [STILLS[8]], listing).ranges == ranges((0, 7), (9, 9))
    assert unhide(h, [STILLS[1]], listing).ranges == ranges((0, 0), (2, 9))


def test_neighbours_exactly_at_a_range_end(listing):
    h = hide(EMPTY, STILLS[3:6], listing)
    assert [c in h for c in STILLS[2:7]] == [False, True, True, True, False]
    assert h.index_spans([Cap(c) for c in STILLS]) == [(3, 6)]
    assert h.count_in([Cap(c) for c in STILLS[5:]]) == 1  # the end still alone


def test_unhiding_a_visible_still_next_to_a_range_changes_nothing(listing):
    h = hide(EMPTY, STILLS[3:6], listing)
    assert h.without_ids([STILLS[2], STILLS[6]], listing.before, listing.after) == h


def test_ranges_are_built_with_both_ends_included():
    h = HiddenRanges([("0003", "0003"), ("0005", "0007"), ("0007", "0009"), ("0012", "0010")])
    assert h.ranges == (("0003", "0003"), ("0005", "0009"))  # shared end: one; reversed: none
    assert "0003" in h and "0005" in h and "0009" in h
    assert "0002" not in h and "0004" not in h and "0010" not in h
    assert HiddenRanges([("0001", "0009"), ("0003", "0004")]).ranges == (("0001", "0009"),)
    assert 3 not in h and None not in h


def test_a_range_whose_first_still_was_deleted_can_still_be_cut(listing):
    """A still deleted outside Coulisses (a file manager) leaves a range end that is no
    longer a still; showing the first still left, which has nothing before it, keeps
    the rest hidden instead of failing on the missing neighbour."""
    h = hide(EMPTY, STILLS[0:6], listing)
    gone = FakeListing(STILLS[1:])
    assert unhide(h, [STILLS[1]], gone).ranges == ranges((2, 5))
    assert unhide(h, [STILLS[1], STILLS[5]], gone).ranges == ranges((2, 4))


def test_equality_hash_and_repr():
    a, split = HiddenRanges([("0001", "0002")]), HiddenRanges([("0002", "0002"), ("0001", "0001")])
    assert a != split  # two ranges that no listing joined are not one
    assert a == HiddenRanges.from_json([["0001", "0002"]]) and hash(a) == hash(
        HiddenRanges([("0001", "0002")]))
    assert a != EMPTY and a != HiddenRanges([("0001", "0003")]) and HiddenRanges() == EMPTY
    assert a != [("0001", "0002")] and a != a.ranges
    assert hash(a) != hash(HiddenRanges([("0001", "0003")]))  # a hash that tells them apart
    assert repr(a) == "HiddenRanges([('0001', '0002')])"
    assert repr(EMPTY) == "HiddenRanges([])"


def test_join_touching_and_runs_directly(listing):
    h = HiddenRanges([(STILLS[1], STILLS[2]), (STILLS[3], STILLS[3]), (STILLS[5], STILLS[6])])
    assert join_touching(h, listing).ranges == ranges((1, 3), (5, 6))
    assert join_touching(EMPTY, listing) == EMPTY
    assert runs(STILLS[:4], {STILLS[1]: True, STILLS[2]: False, STILLS[3]: True}) == [
        (STILLS[0], STILLS[1]), (STILLS[2], STILLS[3])]
    # An id with no word on its neighbour is not joined to it: unknown is not adjacent.
    assert runs(STILLS[:3], {STILLS[2]: True}) == [(STILLS[0], STILLS[0]),
                                                  (STILLS[1], STILLS[2])]


def test_from_json_skips_what_is_not_two_ids():
    h = HiddenRanges.from_json([["0001", "0002"], ["0004"], [5, 6], "0007", ["0009", "0009"]])
    assert h.ranges == (("0001", "0002"), ("0009", "0009"))
    assert HiddenRanges.from_json(None) == EMPTY


# ------------------------------------------------------------------ real stills
def test_real_journal_keeps_one_still_neighbours_hidden(journal):
    """The same edge through Journal and stills.Listing on disk, across a day folder."""
    from tests.helpers import jpeg_bytes

    p = journal.create_piece("Bol")
    t0 = datetime(2026, 11, 20, 23, 59, 40, tzinfo=UTC)
    data = jpeg_bytes()
    ids = [journal.add_still(p.id, data, t0 + timedelta(seconds=10 * i)).id for i in range(5)]
    journal.hide_stills(p.id, ids[1:4])  # the middle still is on the next day
    assert journal.unhide_stills(p.id, [ids[2]]).after.ranges == ((ids[1], ids[1]),
                                                                 (ids[3], ids[3]))
    hidden = journal.hidden(p.id)
    assert [c in hidden for c in ids] == [False, True, False, True, False]
    journal.hide_stills(p.id, [ids[2]])
    assert journal.hidden(p.id).ranges == ((ids[1], ids[3]),)
