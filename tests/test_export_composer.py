"""The public frame composer: what the app's preview shows is what the export encodes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from coulisses.export import ExportError, FrameComposer, export_reel
from coulisses.timeline.plan import Cue
from tests.test_export_support import SMALL, hand_plan, make_piece

CUES = (Cue(5, 20, "Troisième effondrement. Trop d'eau.", "struggle"),
        Cue(30, 44, "Less water this time", "fix"))


@pytest.fixture
def plan(journal):
    piece, caps = make_piece(journal, n=5)
    return hand_plan(piece, caps, frames=[8, 8, 9, 9, 9], cues=CUES, end_card=6,
                     result_first=4)


def test_composed_frames_equal_the_exported_frames_in_any_order(plan, tmp_path):
    result = export_reel(plan, tmp_path / "o", SMALL, outputs={"frames"}, deflicker=False)
    last = plan.total_frames - 1
    with FrameComposer(plan, SMALL) as composer:
        # scrubbing jumps about: the end card first (its backdrop is the still before it)
        for n in (last, 0, 12, 3, 33, 12, last - 7, 25):
            frame = composer.compose(n)
            assert frame.dtype == np.uint8 and frame.shape == (SMALL.height, SMALL.width, 3)
            exported = cv2.imread(str(result.files["frames"] / f"{n + 1:06d}.jpg"))
            assert np.abs(frame.astype(int) - exported.astype(int)).mean() < 3, n


def test_compose_is_bgr_and_shows_the_caption_the_plan_puts_there(plan):
    with FrameComposer(plan, SMALL) as composer:
        plain, captioned, later = composer.compose(4), composer.compose(6), composer.compose(10)
    # frames 4..11 are one still; the caption covers frames 5..19
    assert np.array_equal(captioned, later)
    diff = np.abs(plain.astype(int) - captioned.astype(int)).max(axis=(1, 2))
    changed = np.flatnonzero(diff > 40)
    assert changed.size and changed.min() >= SMALL.safe.top
    # BGR: the test stills' blue channel ramps with x, so column means grow left to right
    left, right = plain[:, :20, 0].mean(), plain[:, -20:, 0].mean()
    assert right > left


def test_compose_hands_out_fresh_arrays_and_is_cheap_to_repeat(plan):
    with FrameComposer(plan, SMALL) as composer:
        first = composer.compose(10)
        first[:] = 0  # the caller's copy: the composer's own is untouched
        assert composer.compose(10).max() > 0
        loaded = composer.loaded
        for _ in range(50):
            composer.compose(11)  # same run: no decode, no layout, no caption drawing
        assert composer.loaded == loaded  # counted, not timed: load-proof
        for n in range(plan.total_frames):
            composer.compose(n)
    # every still decoded once while scrubbing through (the result-first shot and the
    # last work shot share a still but not a layout)
    assert composer.loaded <= len(plan.shots) and loaded >= 1


def test_frames_outside_the_reel_and_unknown_layouts_are_refused(plan):
    with FrameComposer(plan, SMALL) as composer:
        with pytest.raises(ExportError, match="outside"):
            composer.compose(plan.total_frames)
        with pytest.raises(ExportError, match="outside"):
            composer.compose(-1)
    with pytest.raises(ExportError, match="layout"):
        FrameComposer(plan, SMALL, layout="stretch")


def test_an_unreadable_still_shows_the_previous_one_with_a_warning(journal):
    piece, caps = make_piece(journal, n=3)
    caps[1].path.write_bytes(b"")
    plan = hand_plan(piece, caps, frames=3)
    with FrameComposer(plan, SMALL) as composer:
        before, broken = composer.compose(2), composer.compose(3)
        assert np.array_equal(before, broken)
        assert composer.warnings and composer.failed == 1
