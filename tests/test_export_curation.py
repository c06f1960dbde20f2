"""What the maker curated reaches the reel: hidden stills never do, the cover is her
pick (unless hidden), the focus point moves the crop, per still or for the piece."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import cv2
import numpy as np
import pytest

from coulisses.export import export_snapshot
from coulisses.journal.hidden import HiddenRanges
from coulisses.timeline import build as build_mod
from coulisses.timeline.build import build_timeline
from coulisses.timeline.pacing import NothingToShow, plan_reel
from coulisses.timeline.suggestions import Suggestion
from tests.test_export_support import SMALL, jpeg

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
RED, GREY, GREEN = (30, 30, 220), (128, 128, 128), (40, 200, 40)  # BGR


def solid(colour, w=320, h=240) -> bytes:
    return jpeg(np.full((h, w, 3), colour, np.uint8))


@pytest.fixture
def coloured(journal):
    """60 grey stills, 10..19 red (to hide), 45 green (a cover the reel does not sample)."""
    p = journal.create_piece("Bol")
    ids = []
    for i in range(60):
        colour = RED if 10 <= i < 20 else GREEN if i == 45 else GREY
        ids.append(journal.add_still(p.id, solid(colour), T0 + timedelta(seconds=10 * i)).id)
    return p.id, ids


def _reddish(img: np.ndarray) -> bool:
    b, g, r = (float(img[..., k].mean()) for k in range(3))
    return r > 120 and r > g + 40


def _greenish(img: np.ndarray) -> bool:
    b, g, r = (float(img[..., k].mean()) for k in range(3))
    return g > 120 and g > r + 40


def test_hidden_stills_never_reach_the_plan(journal, coloured):
    pid, ids = coloured
    journal.add_moment(pid, "struggle", at=ids[12], caption="Visage flou")  # only hidden
    span = journal.add_moment(pid, "fix", at=ids[15], caption="Reprise", span_to=ids[25])
    journal.add_moment(pid, "result", at=ids[18])  # hidden result: never the hook
    journal.hide_stills(pid, ids[10:20])
    snap = journal.snapshot(pid)
    plan = plan_reel(snap, duration=12, fps=30)
    shown = {s.capture.id for s in plan.shots if s.capture is not None}
    assert shown and not shown & set(ids[10:20])
    assert any("hidden stills" in w for w in plan.warnings)
    assert {c.moment_id for c in plan.cues} == {span.id}  # the hidden-only one is left out
    firsts = [s for s in plan.shots if s.moment_id == span.id]
    assert firsts[0].capture.id == ids[20]  # its span starts at the first visible still
    # The effort keeps the worked time of the hidden stretch; the count is what can be shown.
    tl = build_timeline(snap, suggestions=False)
    unhidden = build_timeline(replace(snap, hidden=HiddenRanges()), suggestions=False)
    assert tl.effort.worked_seconds == unhidden.effort.worked_seconds
    assert (tl.effort.stills, unhidden.effort.stills) == (50, 60)
    assert tl.effort.struggles == 1  # it happened, even if not shown
    journal.hide_stills(pid, ids)
    with pytest.raises(NothingToShow, match="hidden"):
        plan_reel(journal.snapshot(pid), duration=12)


def test_no_hidden_still_in_any_exported_frame_nor_the_cover(journal, coloured, tmp_path):
    pid, ids = coloured
    journal.hide_stills(pid, ids[10:20])
    journal.set_cover(pid, ids[12])  # on a hidden still: ignored
    r = export_snapshot(journal.snapshot(pid), tmp_path / "out", SMALL, duration=4,
                        outputs={"frames", "cover"}, deflicker=False)
    frames = sorted(r.files["frames"].glob("*.jpg"))
    assert len(frames) == 120
    assert not any(_reddish(cv2.imread(str(f))) for f in frames)
    assert not _reddish(cv2.imread(str(r.files["cover"])))
    # Shown again: the same export does show them (the check above can fail).
    journal.unhide_stills(pid, ids[10:20])
    r = export_snapshot(journal.snapshot(pid), tmp_path / "again", SMALL, duration=4,
                        outputs={"frames", "cover"}, deflicker=False)
    assert any(_reddish(cv2.imread(str(f))) for f in r.files["frames"].glob("*.jpg"))
    assert _reddish(cv2.imread(str(r.files["cover"])))


def test_the_cover_is_the_makers_pick_even_when_the_reel_skips_it(journal, coloured, tmp_path):
    pid, ids = coloured
    journal.set_cover(pid, ids[45])
    snap = journal.snapshot(pid)
    plan = plan_reel(snap, duration=1.5, fps=30, end_card=False, result_first=False)
    assert ids[45] not in {s.capture.id for s in plan.shots if s.capture is not None}
    assert plan.cover is not None and plan.cover.capture.id == ids[45]
    r = export_snapshot(snap, tmp_path / "out", SMALL, duration=1.5, end_card=False,
                        result_first=False, outputs={"cover"}, deflicker=False)
    assert _greenish(cv2.imread(str(r.files["cover"])))


def test_focus_per_still_and_for_the_piece_move_the_crop(journal, tmp_path):
    piece = journal.create_piece("Gradient")
    x = np.mgrid[0:360, 0:960][1]
    for i in range(3):  # blue grows left to right in every still
        img = np.zeros((360, 960, 3), np.uint8)
        img[..., 0] = x * 255 // 960
        img[..., 1] = 60 * i
        journal.add_still(piece.id, jpeg(img), T0 + timedelta(seconds=20 * i))
    caps, _ = journal.captures(piece.id)

    def blue(name: str) -> tuple[float, float]:
        r = export_snapshot(journal.snapshot(piece.id), tmp_path / name, SMALL, duration=3,
                            result_first=False, end_card=False, outputs={"frames"},
                            deflicker=False)
        frames = sorted(r.files["frames"].glob("*.jpg"))
        return (cv2.imread(str(frames[0]))[..., 0].mean(),
                cv2.imread(str(frames[-1]))[..., 0].mean())

    first_c, last_c = blue("centre")
    assert journal.set_focus(piece.id, (1.0, 0.5)).after == (1.0, 0.5)
    first_r, last_r = blue("right")
    journal.set_focus(piece.id, (0.0, 0.5), caps[0].id)  # the first still's own
    first_l, last_still_r = blue("left")
    assert first_r > first_c + 40 and last_r > last_c + 40  # the piece's focus: every still
    assert first_l < first_c - 40  # the still's own focus wins…
    assert last_still_r == pytest.approx(last_r, abs=2)  # …for that still alone
    journal.set_focus(piece.id, None, caps[0].id)
    assert blue("undone")[0] == pytest.approx(first_r, abs=2)


def test_timeline_offers_no_suggestion_on_a_hidden_still(journal, coloured, monkeypatch):
    pid, ids = coloured
    journal.hide_stills(pid, ids[10:20])
    snap = journal.snapshot(pid)

    def found(snapshot, sessions, **_k):
        return tuple(Suggestion(capture=c, time=snapshot.capture(c).time, score=5.0,
                                area=0.5, session=0, reason="changed") for c in (ids[12], ids[30]))

    monkeypatch.setattr(build_mod, "find_suggestions", found)
    tl = build_timeline(snap)
    assert [s.capture for s in tl.suggestions] == [ids[30]]
