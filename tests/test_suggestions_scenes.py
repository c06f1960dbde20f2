"""Suggested moments on generated workshop scenes (issue 23), through real JPEGs and the
real journal: every distractor alone suggests nothing, lasting changes are found at
half-second and minute intervals, on small pieces and in colours of the same
brightness, and the demo piece's collapse is offered once its flag is deleted.

The scenes are the bench's (tests/bench/scenes.py), drawn small (160x120) so that
these stay quick; the bench runs the big ones.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coulisses.journal.codec import encode_jpeg, make_thumbnail
from coulisses.timeline.suggestions import COLOUR, camera_moves, find_suggestions
from tests.bench.scenes import Scene, Spec

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SMALL = (160, 120)


def _store(journal, spec: Spec):
    scene = Scene(spec)
    piece = journal.create_piece(spec.name)
    if scene.focus is not None:
        journal.set_focus(piece.id, scene.focus)
    for i, frame in enumerate(scene.frames()):
        journal.add_still(piece.id, encode_jpeg(frame, scene.quality),
                          T0 + timedelta(seconds=spec.interval * i),
                          thumbnail=make_thumbnail(frame))
    snap = journal.snapshot(piece.id)
    return scene, snap


def _indices(snap, found) -> list[int]:
    return sorted(snap.index_of(s.capture) for s in found)


# One scene per distractor, nothing else going on: (interval, stills, craft, extra).
DISTRACTORS = {
    "hands": (2.0, 240, "pot", {"arms": 0.7}),
    "tools": (10.0, 240, "board", {}),
    "lean": (1.0, 300, "fabric", {}),
    "lamp": (10.0, 200, "canvas", {}),
    "daylight": (60.0, 200, "pot", {}),
    "exposure": (5.0, 240, "board", {"arms": 0.4}),
    "nudge": (10.0, 200, "pot", {}),
}


# lamp-0 blows out much of the picture (gain up to +85 %, clipped at white), lamp-1
# nearly all of it; lean-0 starts the session with the maker leaning in.
_CASES = [(kind, seed) for kind in sorted(DISTRACTORS)
          for seed in ((0, 1, 2, 3, 4) if kind == "lamp" else (0, 1))]


@pytest.mark.parametrize(("kind", "seed"), _CASES)
def test_a_distractor_alone_is_never_suggested(journal, kind, seed) -> None:
    interval, stills, craft, extra = DISTRACTORS[kind]
    distractors = (kind,) if kind != "exposure" else ("exposure", "hands")
    spec = Spec(f"{kind} {seed}", craft, stills, interval, 0.12, "contrast",
                extra.get("arms", 0.0), (), distractors, size=SMALL, seed=100 + seed)
    scene, snap = _store(journal, spec)
    found = find_suggestions(snap)
    assert found == (), [(snap.index_of(s.capture), s.reason) for s in found]
    if kind == "nudge":  # the camera moved: told apart, never a struggle
        moved = [snap.index_of(c) for c in camera_moves(snap)]
        assert all(any(abs(m - n) <= 2 for m in moved) for n in scene.nudges), \
            (moved, scene.nudges)


def test_sleeves_coming_and_going_every_half_second_are_not_a_change(journal) -> None:
    """Arms in 90 % of the stills at 0.5 s, over a board with tools and leaning: the
    sleeves cover the frame's corners a little more often for a while, which moves
    those cells' medians; still to still they flip between both looks, so they are no
    change (on this seed the finder before suggested still 1024)."""
    spec = Spec("sleeves", "board", 1200, 0.5, 0.2, "iso", 0.9, (),
                ("hands", "lean", "tools", "exposure"), size=SMALL, seed=5)
    scene, snap = _store(journal, spec)
    found = find_suggestions(snap)
    assert found == (), [(snap.index_of(s.capture), s.reason) for s in found]


_WHITE_LAMP_LEFT = "what the lamp's fit leaves around a white canvas is still a change"


@pytest.mark.parametrize("seed", [6, 11, 13] + [
    pytest.param(seed, marks=pytest.mark.xfail(strict=True, reason=_WHITE_LAMP_LEFT))
    for seed in (7, 8)])
def test_a_lamp_over_a_white_canvas_is_never_suggested(journal, seed) -> None:
    """A lamp switched on or off over a gesso-white canvas blows it out, or brings it
    back, along with the bench around it: the clipped cells are the light's when the
    unclipped ones around them brightened or darkened with them (on seeds 6, 11 and 13
    the finder before suggested the switch)."""
    spec = Spec("white lamp", "canvas", 300, 5.0, 0.25, "white", 0.3, (), ("hands", "lamp"),
                size=SMALL, seed=seed)
    scene, snap = _store(journal, spec)
    found = find_suggestions(snap)
    assert found == (), [(snap.index_of(s.capture), s.reason) for s in found]


# Lasting changes: (interval, stills, craft, piece, colours, arms, change, distractors).
CHANGES = {
    "collapse every half second": (0.5, 400, "pot", 0.08, "contrast", 0.5, "collapse",
                                   ("hands",)),
    "knocked over, one still a minute": (60.0, 120, "board", 0.12, "contrast", 0.3,
                                         "knocked", ("hands", "daylight")),
    "a small pot splits (3 %)": (5.0, 240, "pot", 0.03, "contrast", 0.3, "split",
                                 ("hands",)),
    "terracotta on wood collapses": (10.0, 200, "pot", 0.08, "iso", 0.4, "collapse",
                                     ("hands", "exposure")),
    "grey clay on a grey wheel head collapses": (10.0, 200, "pot", 0.10, "grey", 0.3,
                                                 "collapse", ("hands",)),
    "a torn canvas": (10.0, 200, "canvas", 0.3, "contrast", 0.5, "torn", ("hands", "lamp")),
    # White enough to clip at white on its lit side: under a steady light those cells
    # are as telling as any (only a lamp's change makes clipped cells say nothing).
    "a white porcelain pot collapses": (10.0, 200, "pot", 0.08, "white", 0.4, "collapse",
                                        ("hands",)),
    "a gesso-primed canvas is torn": (5.0, 240, "canvas", 0.25, "white", 0.3, "torn",
                                      ("hands",)),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_lasting_change_is_suggested_near_its_still(journal, name) -> None:
    interval, stills, craft, piece, colours, arms, change, distractors = CHANGES[name]
    spec = Spec(name, craft, stills, interval, piece, colours, arms, (("middle", change),),
                distractors, size=SMALL, seed=7)
    scene, snap = _store(journal, spec)
    found = find_suggestions(snap)
    (truth,) = scene.truth
    assert [i for i in _indices(snap, found) if abs(i - truth) <= 2], \
        (truth, [(snap.index_of(s.capture), s.score) for s in found])
    assert len(found) == 1, "and nothing else"


# Lasting changes the finder before missed or misplaced, each on its seed (all in small
# frames, one change, nothing else to suggest): (craft, stills, interval, piece, colours,
# arms, change, seed).
SEEDED = {
    # Hands over a terracotta pot in 80 % of the stills, one every half second: a few
    # seconds' stills are judged together, so the hands' comings and goings are neither
    # taken for changes nor hide the collapse (groups of 2.5 s found changes where the
    # hands came and went, or missed the collapse).
    **{f"busy hands over terracotta, every half second ({seed})":
       ("pot", 600, 0.5, 0.08, "iso", 0.8, "collapse", seed) for seed in (1, 2, 4)},
    # A 3 % pot splits under hands in 90 % of the stills; the strongest step nearby is
    # the hands', seven stills later, turned down: the split gets its own judgement
    # (only the strongest step around was judged, and the split was missed).
    "a split next to hands turned down": ("pot", 240, 5.0, 0.03, "contrast", 0.9, "split", 1),
    # Forty stills half a second apart, too few to judge in groups: the pot slumps over
    # five stills, which leaves every window's median on the way down. Within SUDDEN
    # seconds that is still sudden (it was turned down as slow).
    "a 2-s slump in a short capture": ("pot", 40, 0.5, 0.06, "contrast", 0.3, "collapse", 1),
}


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_a_change_missed_before_is_suggested_alone(journal, name) -> None:
    craft, stills, interval, piece, colours, arms, change, seed = SEEDED[name]
    spec = Spec(name, craft, stills, interval, piece, colours, arms, (("middle", change),),
                ("hands",), size=SMALL, seed=seed)
    scene, snap = _store(journal, spec)
    found = _indices(snap, find_suggestions(snap))
    (truth,) = scene.truth
    assert len(found) == 1 and abs(found[0] - truth) <= 2, (truth, found)


def test_a_glaze_run_is_told_as_a_change_of_colour(journal) -> None:
    spec = Spec("Glaze", "pot", 200, 10.0, 0.12, "grey", 0.2, (("middle", "glaze"),),
                ("hands",), size=SMALL, seed=3)
    scene, snap = _store(journal, spec)
    (sg,) = find_suggestions(snap)
    assert abs(snap.index_of(sg.capture) - scene.truth[0]) <= 2
    assert sg.code == COLOUR and "colour changed here and stayed changed" in sg.reason
    assert sg.to_json()["code"] == COLOUR


def test_the_demo_collapse_is_suggested_once_its_flag_is_deleted(journal) -> None:
    from coulisses.capture.demo_piece import build_demo_piece

    piece = build_demo_piece(journal, lang="en")
    snap = journal.snapshot(piece.id)
    assert find_suggestions(snap) == ()  # the maker flagged it already
    (struggle,) = [m for m in snap.moments if m.kind == "struggle"]
    journal.delete_moment(piece.id, struggle.id)
    snap = journal.snapshot(piece.id)
    found = find_suggestions(snap)
    assert [abs(snap.index_of(s.capture) - snap.index_of(struggle.capture)) for s in found] \
        and abs(snap.index_of(found[0].capture) - snap.index_of(struggle.capture)) <= 2
    assert "changed shape here and stayed changed" in found[0].reason


@pytest.mark.parametrize(("interval", "seed"), [(10.0, 11), (10.0, 12), (5.0, 13)])
def test_a_pot_that_collapses_twice_is_suggested_twice(journal, interval, seed) -> None:
    """The struggle story: a pot collapses, is thrown up again over a few minutes with
    the maker's hands on it, and collapses again 10-20 minutes later in the same
    session, into a heap like the first. Both collapses are suggested: the second heap
    is a look seen before, but the pot was tall again in between (issue 23)."""
    n = int(2400 / interval)  # 40 minutes
    spec = Spec(f"Twice {seed}", "pot", n, interval, 0.08, "contrast", 0.4,
                (("early", "collapse"),), ("hands",), size=SMALL, seed=seed)
    scene = Scene(spec)
    per_minute = 60 / interval
    first = int(6 * per_minute)
    rethrow = (first + int(3 * per_minute), first + int(7 * per_minute))  # 4 minutes of work
    second = first + int(float(scene.rng.uniform(10, 20)) * per_minute)
    # Collapsed at once, thrown tall again slowly, collapsed at once into the same heap.
    scene.changes = [(first, first, 1), (*rethrow, 2), (second, second, 3)]
    scene.states += [scene.states[0], scene.states[1]]
    scene.glaze += [scene.glaze[0], scene.glaze[1]]
    scene.truth = [first, second]
    piece = journal.create_piece(spec.name)
    for i, frame in enumerate(scene.frames()):
        journal.add_still(piece.id, encode_jpeg(frame, scene.quality),
                          T0 + timedelta(seconds=interval * i), thumbnail=make_thumbnail(frame))
    snap = journal.snapshot(piece.id)
    found = _indices(snap, find_suggestions(snap))
    for truth in scene.truth:
        assert [i for i in found if abs(i - truth) <= 2], (scene.truth, found)


@pytest.mark.parametrize("seed", range(21, 33))
def test_a_split_a_minute_after_a_lamp_is_switched_off_is_suggested(journal, seed) -> None:
    """A lamp lit over the bench is switched off, and a minute later the board splits:
    the light's change must not hide the split after it (issue 23: light is fitted as a
    smooth gain across the picture, not one number)."""
    spec = Spec(f"Lamp off {seed}", "board", 200, 10.0, 0.25, "iso", 0.3,
                (("middle", "split"),), ("hands", "lamp"), size=SMALL, seed=seed)
    scene = Scene(spec)
    (truth,) = scene.truth
    assert scene.lamp is not None
    scene.lamp.start, scene.lamp.end = -1.0, (truth - 6) * spec.interval  # off a minute before
    piece = journal.create_piece(spec.name)
    for i, frame in enumerate(scene.frames()):
        journal.add_still(piece.id, encode_jpeg(frame, scene.quality),
                          T0 + timedelta(seconds=spec.interval * i),
                          thumbnail=make_thumbnail(frame))
    snap = journal.snapshot(piece.id)
    found = _indices(snap, find_suggestions(snap))
    assert [i for i in found if abs(i - truth) <= 2], (truth, found)
    assert len(found) == 1, "and nothing else"


def test_a_board_knocked_over_on_a_plain_bench_under_drifting_light_is_found(journal) -> None:
    """The bench's board-60s-knocked-torn of world 3 (a scene not tuned on), drawn small: a
    board on a wooden bench, knocked over early and torn late, one still a minute, the
    daylight and the camera's exposure drifting. The light fit, refitted on the cells that
    fit best, kept only the plain wood: gain and offset then traded freely and stills
    were divided by gains near zero, so the knock read as noise (the finder suggested
    still 8, not the knock). Both changes are found, nothing else."""
    import dataclasses

    from tests.bench.scenes import specs

    spec = next(s for s in specs(3) if s.name == "board-60s-knocked-torn")
    scene, snap = _store(journal, dataclasses.replace(spec, size=SMALL))
    found = _indices(snap, find_suggestions(snap))
    assert len(found) == len(scene.truth)
    assert all(abs(f - t) <= 2 for f, t in zip(found, scene.truth, strict=True)), \
        (found, scene.truth)


def test_a_small_clean_tear_on_a_quiet_bench_is_found(journal) -> None:
    """World 4's board-60s-knocked-torn at the bench's own size: late in a quiet capture
    (a still a minute, no hands), a tear takes a bite of 2 % of the picture: a step of
    37 levels on cells that move 1.2 within each side, but a mass of 375, under
    MIN_MASS. A change that stands this clear of both sides is one (the finder before
    missed it). Both changes are found, nothing else."""
    from tests.bench.scenes import specs

    spec = next(s for s in specs(4) if s.name == "board-60s-knocked-torn")
    scene, snap = _store(journal, spec)
    found = _indices(snap, find_suggestions(snap))
    assert len(found) == len(scene.truth)
    assert all(abs(f - t) <= 2 for f, t in zip(found, scene.truth, strict=True)), \
        (found, scene.truth)
