"""The pacing planner: exact frame counts, readable captions, honest end card."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coulisses.journal.model import Capture, Moment, Piece, PieceSnapshot
from coulisses.journal.stills import capture_id
from coulisses.timeline.pacing import (
    NothingToShow,
    PacingError,
    caption_frames,
    plan_reel,
    sample_evenly,
    spread,
    work_clock,
)
from coulisses.timeline.plan import END_CARD, RESULT_FIRST, WORK

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def make_snapshot(offsets: list[float], moments: list[tuple] = (), *, settings=None,
                  meta=None) -> PieceSnapshot:
    """A snapshot in memory (pacing never reads the files). ``moments``:
    (kind, capture index, caption[, span end index])."""
    piece = Piece("vase", "Vase bleu #3", T0, MappingProxyType(dict(settings or {})),
                  Path("/nowhere"))
    caps = []
    for off in sorted(offsets):
        t = T0 + timedelta(seconds=off)
        cid = capture_id(t)
        while caps and cid <= caps[-1].id:  # same millisecond: nudge
            t += timedelta(milliseconds=1)
            cid = capture_id(t)
        caps.append(Capture(cid, t.replace(microsecond=t.microsecond // 1000 * 1000),
                            Path(f"/nowhere/{cid}.jpg")))
    ms = []
    for n, spec in enumerate(moments):
        kind, index, caption = spec[:3]
        span = spec[3] if len(spec) > 3 else None
        cap = caps[index]
        ms.append(Moment(f"m{n:03d}", kind, cap.id, cap.time, caption,
                         T0 + timedelta(seconds=n), caps[span].id if span is not None else None))
    ms.sort(key=lambda m: (m.time, m.created))
    cm = MappingProxyType({k: MappingProxyType(v) for k, v in (meta or {}).items()})
    return PieceSnapshot(piece, tuple(caps), tuple(ms), (), frozenset(), cm, T0)


def check_plan(plan, snap, duration, fps):
    total = round(duration * fps)
    assert plan.total_frames == total
    assert all(s.frames >= 1 for s in plan.shots)
    # Cues: inside the reel, in order, never overlapping, each over shots of its moment.
    bounds = []
    start = 0
    for s in plan.shots:
        bounds.append((start, start + s.frames, s))
        start += s.frames
    prev_end = 0
    for c in plan.cues:
        assert 0 <= prev_end <= c.start_frame < c.end_frame <= total
        prev_end = c.end_frame
        under = [s for a, b, s in bounds if a < c.end_frame and b > c.start_frame]
        assert under and all(s.moment_id == c.moment_id for s in under)
    # Every captioned moment has its cue, long enough to read.
    captioned = [m for m in snap.moments if m.caption.strip()]
    assert len(plan.cues) == len(captioned)
    for m in captioned:
        (cue,) = [c for c in plan.cues if c.moment_id == m.id]
        assert cue.text == m.caption.strip()
        assert cue.end_frame - cue.start_frame >= caption_frames(m.caption, fps)
        assert (cue.end_frame - cue.start_frame) / fps >= max(1.5, len(cue.text) / 15) - 1e-9
    check_body_order(plan, snap)


def check_body_order(plan, snap) -> None:
    """The body runs forward in time, spans included.

    Every moment plays as one block of stills, increasing, from its own still (or
    later) to its span's end. Each block or work still starts later than every still
    shown before it, with one exception: a moment with nothing new to show (its
    still and every still of its span already belong to other moments' blocks) shows
    its own still once, right after the block whose stills include it (several such
    moments in time order), so the stills never go back past that block.
    """
    by_id = {m.id: m for m in snap.moments}

    def anchor(m) -> int:
        return snap.index_of(m.capture)

    def end(m) -> int:
        last = snap.index_of(m.span_to) if m.span_to else None
        return last if last is not None and last >= anchor(m) else anchor(m)

    blocks: list[tuple[str | None, list[int]]] = []
    for s in plan.shots:
        if s.kind in (RESULT_FIRST, END_CARD):
            continue
        i = snap.index_of(s.capture.id)
        if s.moment_id is not None and blocks and blocks[-1][0] == s.moment_id:
            blocks[-1][1].append(i)
        else:
            blocks.append((s.moment_id, [i]))
    shown = [mid for mid, _ in blocks if mid is not None]
    assert sorted(shown) == sorted(by_id), "each moment plays once, as one block"

    seen = -1  # the latest still shown so far
    host: tuple[object, list[int]] | None = None  # the last block that showed something new
    floor = -1  # the still of the last repeat after ``host``
    for mid, stills in blocks:
        if stills[0] > seen:  # something new
            assert stills == sorted(set(stills))
            if mid is not None:
                m = by_id[mid]
                assert anchor(m) <= stills[0] and stills[-1] == end(m), (mid, stills)
            seen, floor = stills[-1], -1
            host = (by_id[mid], stills) if mid is not None else None
            continue
        # A repeat: a moment's own still, already inside the moment block just shown.
        assert mid is not None, f"work still {stills} played after still {seen}"
        m = by_id[mid]
        assert stills == [anchor(m)], (mid, stills, seen)
        assert host is not None, f"{mid} repeats a still after a work still"
        assert anchor(host[0]) <= anchor(m) <= host[1][-1], (mid, stills, host)
        assert floor <= anchor(m), (mid, stills, floor)
        floor = anchor(m)


@pytest.mark.parametrize("duration", [9, 15, 30, 45.5, 60, 90, 29.97])
@pytest.mark.parametrize("fps", [24, 25, 30, 60])
def test_exact_frames_for_many_targets(duration, fps):
    offsets = [10.0 * i for i in range(400)] + [86400 + 7.0 * i for i in range(300)]
    snap = make_snapshot(offsets, [("struggle", 120, "It slumped. Too much water."),
                                   ("fix", 200, "Recentred", 230),
                                   ("milestone", 500, ""),
                                   ("result", 699, "Vase bleu #3, done")])
    plan = plan_reel(snap, duration=duration, fps=fps)
    check_plan(plan, snap, duration, fps)
    assert plan.shots[0].kind == RESULT_FIRST
    assert plan.shots[0].capture.id == snap.captures[699].id
    assert plan.shots[-1].kind == END_CARD and plan.shots[-1].capture is None
    assert 2 * fps <= plan.shots[-1].frames <= 3 * fps


def test_end_card_and_effort_line_tell_the_truth():
    offsets = [10.0 * i for i in range(361)] + [86400 + 10.0 * i for i in range(61)]
    snap = make_snapshot(offsets, [("struggle", 10, "First collapse"),
                                   ("struggle", 100, "Second collapse"),
                                   ("fix", 150, "Drier clay"),
                                   ("struggle", 300, "Third collapse")])
    plan = plan_reel(snap, duration=30, fps=30, lang="en")
    card = plan.shots[-1]
    # 3600 s + 600 s of work in two sessions on two days.
    assert card.card_lines[0] == "1 h 10 of work"
    assert "3 struggles" in card.card_lines[1] and "1 fix" in card.card_lines[1]
    # struggle, struggle, fix → attempt 2; the last struggle has no fix yet.
    assert "2 attempts" in card.card_lines[1]
    assert card.card_lines[2] == "2 sessions · 2 days"
    assert plan.effort_line.startswith("1 h 10 of work · 3 struggles · 1 fix")


def test_options_off_give_only_the_body():
    snap = make_snapshot([5.0 * i for i in range(50)])
    plan = plan_reel(snap, duration=10, fps=30, result_first=False, end_card=False)
    assert plan.total_frames == 300
    assert {s.kind for s in plan.shots} == {WORK}
    assert plan.cues == ()


def test_idle_stretch_does_not_eat_the_reel():
    # 200 stills of work, a 25-minute idle hole (inside one session), 200 more.
    offsets = [3.0 * i for i in range(200)] + [600 + 1500 + 3.0 * i for i in range(200)]
    snap = make_snapshot(offsets)
    plan = plan_reel(snap, duration=20, fps=30, result_first=False, end_card=False)
    shown = [snap.index_of(s.capture.id) for s in plan.shots]
    before = sum(1 for i in shown if i < 200)
    after = len(shown) - before
    # Even pace over worked time: both halves get about the same share.
    assert abs(before - after) <= 2
    frames = {s.frames for s in plan.shots}
    assert max(frames) - min(frames) <= 1


def test_sampling_uses_worked_time_not_wall_clock():
    clock = work_clock([0, 10, 20, 30, 10_000, 10_010, 10_020, 10_030])
    assert clock[4] - clock[3] <= 30  # the idle hole became a short step
    idx = sample_evenly(clock, 4)
    assert list(idx) == sorted(set(idx.tolist())) and len(idx) == 4
    assert sum(1 for i in idx if i < 4) == 2


def test_span_moment_shows_its_stills_under_one_cue():
    snap = make_snapshot([10.0 * i for i in range(300)],
                         [("struggle", 100, "The whole collapse", 140)])
    plan = plan_reel(snap, duration=30, fps=30)
    check_plan(plan, snap, 30, 30)
    shots = [s for s in plan.shots if s.moment_id == "m000"]
    ids = [snap.index_of(s.capture.id) for s in shots]
    assert len(shots) > 1 and min(ids) >= 100 and max(ids) == 140 and ids[0] == 100
    (cue,) = plan.cues
    assert cue.end_frame - cue.start_frame == sum(s.frames for s in shots)


def test_a_moment_inside_a_span_comes_right_after_it_then_time_goes_on():
    snap = make_snapshot([10.0 * i for i in range(300)],
                         [("struggle", 100, "The whole collapse", 140),
                          ("note", 120, "Here it cracked"), ("fix", 130, "", 135)])
    plan = plan_reel(snap, duration=30, fps=30, result_first=False, end_card=False)
    check_plan(plan, snap, 30, 30)
    body = [(s.moment_id, snap.index_of(s.capture.id)) for s in plan.shots]
    collapse = [i for mid, i in body if mid == "m000"]
    at = body.index(("m000", 140))
    assert collapse[0] == 100 and collapse[-1] == 140
    assert body[at + 1:at + 3] == [("m001", 120), ("m002", 130)]
    assert all(i > 140 for _, i in body[at + 3:])
    assert all(i < 100 for _, i in body[:body.index(("m000", 100))])


def test_impossible_target_is_reported_with_the_shortest_length():
    long = "A very long caption that somebody typed about this collapse, really long."
    snap = make_snapshot([10.0 * i for i in range(100)],
                         [("struggle", 10, long), ("fix", 20, long), ("result", 99, long)])
    with pytest.raises(PacingError) as info:
        plan_reel(snap, duration=10, fps=30)
    shortest = info.value.shortest
    assert shortest > 10
    assert f"{shortest:g} s" in str(info.value)
    plan = plan_reel(snap, duration=shortest, fps=30)  # the suggestion really fits
    check_plan(plan, snap, shortest, 30)
    with pytest.raises(PacingError):
        plan_reel(snap, duration=shortest - 1, fps=30)


def test_empty_piece_and_bad_arguments():
    with pytest.raises(NothingToShow):
        plan_reel(make_snapshot([]), duration=30)
    snap = make_snapshot([0.0, 10.0])
    with pytest.raises(ValueError):
        plan_reel(snap, duration=0)
    with pytest.raises(ValueError):
        plan_reel(snap, duration=30, fps=0)


def test_focus_from_capture_meta_then_piece_settings():
    snap = make_snapshot([10.0 * i for i in range(20)], settings={"focus": [0.3, 0.6]})
    special = snap.captures[-1].id
    snap2 = make_snapshot([10.0 * i for i in range(20)], settings={"focus": [0.3, 0.6]},
                          meta={special: {"focus": [0.9, 1.7]}})
    plan = plan_reel(snap2, duration=10, fps=30)
    for s in plan.shots:
        if s.capture is None:
            continue
        assert s.focus == ((0.9, 1.0) if s.capture.id == special else (0.3, 0.6))
    plain = plan_reel(make_snapshot([10.0 * i for i in range(20)]), duration=10)
    assert all(s.focus is None for s in plain.shots)
    assert snap.captures  # sanity


def test_spread_is_exact():
    assert spread(10, [1, 1, 1]) in ([4, 3, 3], [3, 4, 3], [3, 3, 4])
    assert sum(spread(1001, [0.3, 5, 2, 0])) == 1001
    assert spread(0, []) == []


KINDS = st.sampled_from(["struggle", "fix", "milestone", "result", "note"])
CAPTIONS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                   max_size=60)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    gaps=st.lists(st.floats(min_value=0, max_value=50_000), min_size=1, max_size=120),
    raw_moments=st.lists(st.tuples(KINDS, st.floats(0, 1), CAPTIONS,
                                   st.one_of(st.none(), st.floats(0, 1))), max_size=8),
    duration=st.floats(min_value=0.5, max_value=120),
    fps=st.sampled_from([1, 12, 24, 25, 30, 60]),
    result_first=st.booleans(),
    end_card=st.booleans(),
)
# A moment inside an earlier span, and one whose span another moment already shows.
@example(gaps=[0.0, 0.0], raw_moments=[("struggle", 0.0, "", None), ("fix", 0.0, "", 1.0),
                                        ("note", 0.0, "Again", 1.0)],
         duration=1.0, fps=1, result_first=False, end_card=False)
def test_plan_properties(gaps, raw_moments, duration, fps, result_first, end_card):
    offsets = []
    t = 0.0
    for g in gaps:
        t += g
        offsets.append(t)
    n = len(offsets)
    moments = []
    for kind, where, caption, span in raw_moments:
        i = min(n - 1, int(where * n))
        spec = (kind, i, caption)
        if span is not None:
            spec += (max(i, min(n - 1, int(span * n))),)
        moments.append(spec)
    snap = make_snapshot(offsets, moments)
    try:
        plan = plan_reel(snap, duration=duration, fps=fps, result_first=result_first,
                         end_card=end_card)
    except PacingError as exc:
        # Refused only when the hard needs really exceed the target, and the
        # suggested length then works.
        assert round(duration * fps) < exc.shortest * fps
        plan = plan_reel(snap, duration=exc.shortest, fps=fps, result_first=result_first,
                         end_card=end_card)
        duration = exc.shortest
    check_plan(plan, snap, duration, fps)
    # Work is shown at an even pace: every work still for the same time (±1 frame).
    work = [s.frames for s in plan.shots if s.kind == WORK]
    if work:
        assert max(work) - min(work) <= 1
    kinds = [s.kind for s in plan.shots]
    assert (kinds[0] == RESULT_FIRST) == result_first
    assert (kinds[-1] == END_CARD) == end_card
