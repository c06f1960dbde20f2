"""Beside the MP4: frames, SRT/VTT, cover, post text; layout, deflicker; the journal
is never touched."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import cv2
import numpy as np
import pytest

from coulisses.export import deflicker, export_reel, layout
from coulisses.export.cover import central_box
from coulisses.export.post_text import hashtags, post_text
from coulisses.timeline.plan import Cue
from tests.test_export_support import SMALL, hand_plan, make_piece, visible

CUES = (Cue(3, 17, "Troisième effondrement. Trop d'eau.", "struggle"),
        Cue(20, 37, "Less water <this> time & slower", "fix"),
        Cue(40, 52, "Finished: the blue vase.", "result"))


def _stamp_ms(s: str) -> int:
    h, m, rest = s.replace(",", ".").split(":")
    sec, ms = rest.split(".")
    return ((int(h) * 60 + int(m)) * 60 + int(sec)) * 1000 + int(ms)


def _cues_of(text: str) -> list[tuple[int, int, str]]:
    out = []
    for start, end, body in re.findall(
            r"(\d\d:\d\d:\d\d[.,]\d{3}) --> (\d\d:\d\d:\d\d[.,]\d{3})\n(.+)", text):
        out.append((_stamp_ms(start), _stamp_ms(end), body))
    return out


def _journal_state(home) -> dict[str, str]:
    # The first export makes the maker's signing identity in credentials/ (issue 15);
    # the journal itself is never touched.
    return {str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(home.rglob("*"))
            if p.is_file() and p.relative_to(home).parts[0] != "credentials"}


@pytest.fixture
def exported(journal, home, tmp_path):
    piece, caps = make_piece(journal, n=6)
    plan = hand_plan(piece, caps, frames=[8, 8, 9, 9, 9, 9], cues=CUES, end_card=6,
                     result_first=4)
    before = _journal_state(home)
    result = export_reel(plan, tmp_path / "out", SMALL)
    return plan, result, before


def test_export_is_one_complete_folder(exported, home, tmp_path):
    plan, result, before = exported
    assert visible(tmp_path / "out") == [result.folder.name]
    assert re.fullmatch(r"vase-bleu-3-\d{8}-\d{4}", result.folder.name)
    assert set(result.files) == {"mp4", "frames", "srt", "vtt", "cover", "post"}
    for path in result.files.values():
        assert path.exists() and path.parent == result.folder
    assert not [p for p in result.folder.rglob("*") if p.name.endswith(".tmp")]
    # made to be shared: the user's usual file permissions, not the private temp ones
    from coulisses.export.output_folder import _umask
    for kind in ("mp4", "post", "srt", "cover"):
        assert result.files[kind].stat().st_mode & 0o777 == 0o666 & ~_umask()
    manifest = json.loads((result.folder / "export.json").read_text())
    assert manifest["frames"] == plan.total_frames and manifest["fps"] == 30
    # an export only reads the journal
    assert _journal_state(home) == before


def test_frames_sequence_is_numbered_and_notes_its_rate(exported):
    plan, result, _ = exported
    frames = result.files["frames"]
    jpgs = sorted(p.name for p in frames.glob("*.jpg"))
    assert jpgs == [f"{n:06d}.jpg" for n in range(1, plan.total_frames + 1)]
    seq = json.loads((frames / "sequence.json").read_text())
    assert seq["fps"] == 30 and seq["frames"] == plan.total_frames
    assert "30 frames per second" in (frames / "README.txt").read_text()
    img = cv2.imread(str(frames / "000010.jpg"))
    assert img.shape == (SMALL.height, SMALL.width, 3)
    # a held still is one file linked under each of its frame numbers
    inodes = [(frames / j).stat().st_ino for j in jpgs]
    assert len(set(inodes)) < len(inodes) / 2
    assert inodes[5] == inodes[6] and inodes[0] != inodes[-1]


def test_srt_and_vtt_timings_equal_the_plan(exported):
    plan, result, _ = exported
    expected = [(round(c.start_frame * 1000 / 30), round(c.end_frame * 1000 / 30))
                for c in plan.cues]
    srt = result.files["srt"].read_text(encoding="utf-8")
    vtt = result.files["vtt"].read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n")
    srt_cues, vtt_cues = _cues_of(srt), _cues_of(vtt)
    assert [(a, b) for a, b, _ in srt_cues] == expected
    assert [(a, b) for a, b, _ in vtt_cues] == expected
    assert srt_cues[0][2] == "Troisième effondrement. Trop d'eau."
    assert vtt_cues[1][2] == "Less water &lt;this&gt; time &amp; slower"
    assert re.search(r"^1\n00:00:00,100 --> 00:00:00,567$", srt, re.M)


def test_post_text_has_name_captions_effort_and_hashtags(exported):
    plan, result, _ = exported
    text = result.files["post"].read_text(encoding="utf-8")
    assert text.startswith("Vase bleu #3\n")
    positions = [text.index(c.text) for c in plan.cues]
    assert positions == sorted(positions)
    assert plan.effort_line in text
    assert all(tag in text for tag in hashtags("en"))
    fr = post_text(plan, lang="fr")
    assert any(tag in fr for tag in hashtags("fr")) and hashtags("fr") != hashtags("en")


def test_cover_keeps_the_subject_in_the_central_4_5_area(exported):
    _, result, _ = exported
    cover = cv2.imread(str(result.files["cover"]))
    assert cover.shape == (SMALL.height, SMALL.width, 3)
    _, by, _, bh = central_box(SMALL.width, SMALL.height)
    assert abs(bh / SMALL.width - 5 / 4) < 0.01
    # the still's white disc (its subject, at the focus point) is inside the band
    white = (cover.min(axis=2) > 235)
    rows = np.flatnonzero(white.any(axis=1))
    assert rows.size and rows.min() >= by and rows.max() < by + bh


def test_fill_crops_around_the_focus_and_never_stretches():
    img = np.zeros((360, 640, 3), np.uint8)
    img[:, 600:] = 255  # a white band on the far right
    x, y, w, h = layout.crop_box(640, 360, 270, 480, focus=(1.0, 0.5))
    assert abs(w / h - 270 / 480) < 0.01 and x + w == 640 and h == 360
    out = layout.fill(img, 270, 480, focus=(1.0, 0.5))
    assert out.shape == (480, 270, 3) and out[:, -5:].mean() > 250
    centred = layout.fill(img, 270, 480)
    assert centred[:, -5:].mean() < 5


def test_fit_shows_the_whole_still_unstretched_over_a_blur():
    img = np.full((360, 640, 3), 200, np.uint8)
    out = layout.fit(img, 270, 480)
    rows = np.flatnonzero((np.abs(out.astype(int) - 200).max(axis=2) < 3).all(axis=1))
    assert 150 <= rows.size <= 153  # 640x360 scaled to 270 wide is 152 rows tall
    assert out[0].mean() < 200 * 0.6  # darkened backdrop above


def test_deflicker_evens_out_an_exposure_jump():
    levels = [100.0, 101.0, 130.0, 99.0, 100.0, 100.0, None]
    g = deflicker.gains(levels)
    assert g[2] == pytest.approx(100.0 / 130.0, rel=0.02)
    assert deflicker.gains([100.0, 100.0, 300.0, 100.0])[2] == deflicker.MIN_GAIN  # bounded
    assert g[0] == 1.0 and g[-1] == 1.0
    img = np.full((4, 4, 3), 130, np.uint8)
    assert abs(int(deflicker.apply_gain(img, g[2])[0, 0, 0]) - 100) <= 1


def test_deflicker_applies_to_webcam_stills_in_the_video(journal, tmp_path):
    piece = journal.create_piece("Flicker")
    from datetime import UTC, datetime, timedelta

    from tests.test_export_support import jpeg
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i in range(7):
        value = 140 if i == 3 else 110
        journal.add_still(piece.id, jpeg(np.full((360, 640, 3), value, np.uint8)),
                          t0 + timedelta(seconds=10 * i))
    caps, _ = journal.captures(piece.id)
    plan = hand_plan(journal.piece(piece.id), caps, frames=1)
    on = export_reel(plan, tmp_path / "on", SMALL, outputs={"frames"})
    off = export_reel(plan, tmp_path / "off", SMALL, outputs={"frames"}, deflicker=False)
    bright_on = cv2.imread(str(on.files["frames"] / "000004.jpg")).mean()
    bright_off = cv2.imread(str(off.files["frames"] / "000004.jpg")).mean()
    assert bright_off > 135 and abs(bright_on - 110) < 4


def test_a_damaged_still_is_replaced_by_the_previous_one_with_a_warning(journal, tmp_path):
    piece, caps = make_piece(journal, n=3)
    caps[1].path.write_bytes(caps[1].path.read_bytes()[:2000])  # truncated
    plan = hand_plan(piece, caps, frames=3)
    result = export_reel(plan, tmp_path / "out", SMALL, outputs={"mp4", "frames"})
    assert any("cannot be used" in w or "truncated" in w for w in result.warnings)
    assert len(list(result.files["frames"].glob("*.jpg"))) == 9


def test_two_exports_in_the_same_minute_get_two_folders(journal, tmp_path):
    piece, caps = make_piece(journal, n=2)
    plan = hand_plan(piece, caps, frames=2)
    a = export_reel(plan, tmp_path / "out", SMALL, outputs={"srt", "post"})
    b = export_reel(plan, tmp_path / "out", SMALL, outputs={"srt", "post"}, when=None)
    assert a.folder != b.folder and a.folder.exists() and b.folder.exists()


def test_runs_split_at_shots_and_cue_edges():
    from coulisses.export.runs import runs_of
    from coulisses.journal.model import Capture, Piece
    from coulisses.timeline.plan import ReelPlan, Shot

    piece = Piece("p", "P", created=__import__("datetime").datetime.now())
    caps = [Capture(f"c{i}", piece.created, Path(f"/nowhere/{i}.jpg")) for i in range(2)]
    plan = ReelPlan(piece, 30, (Shot(caps[0], 10), Shot(caps[1], 10)),
                    cues=(Cue(5, 15, "a"), Cue(12, 20, "b")))
    runs = [(r.start, r.count, r.shot_index, r.cue_indices) for r in runs_of(plan)]
    assert runs == [(0, 5, 0, ()), (5, 5, 0, (0,)), (10, 2, 1, (0,)), (12, 3, 1, (0, 1)),
                    (15, 5, 1, (1,))]
    assert sum(r[1] for r in runs) == plan.total_frames


def test_overlapping_captions_stack_without_covering_each_other(journal, tmp_path):
    piece, caps = make_piece(journal, n=1)
    plan = hand_plan(piece, caps, frames=6, cues=(Cue(0, 6, "First caption", "struggle"),
                                                   Cue(0, 6, "Second caption", "fix")))
    result = export_reel(plan, tmp_path / "o", SMALL, outputs={"frames"}, deflicker=False)
    plain = export_reel(hand_plan(piece, caps, frames=6), tmp_path / "p", SMALL,
                        outputs={"frames"}, deflicker=False)
    a = cv2.imread(str(result.files["frames"] / "000001.jpg")).astype(int)
    b = cv2.imread(str(plain.files["frames"] / "000001.jpg")).astype(int)
    changed_rows = np.flatnonzero(np.abs(a - b).max(axis=(1, 2)) > 40)
    from coulisses.export.captions import render_caption
    one = render_caption("First caption", SMALL.safe_box, SMALL.width).patch
    # two boxes stacked: the changed band is about twice one caption's height
    assert changed_rows.max() - changed_rows.min() > 1.8 * one.height
    assert changed_rows.min() >= SMALL.safe.top


def test_end_card_keeps_each_figure_on_one_line():
    from coulisses.export import cards
    from coulisses.export.presets import get_preset

    p = get_preset("reels")
    figures = ("11 h 40 de travail", "3 effondrements · 2 réparations · 4 essais")
    for text, _, _ in cards.card_text(figures, p.width, p.safe_box):
        for line in text:
            assert not line.endswith("·") and not line.startswith("·")
            for part in line.split(" · "):  # each figure is whole on its line
                assert part.replace("\u00a0", " ") in " · ".join(figures).split(" · ")
    frame = cards.end_card(("11 h 40 de travail", "3 effondrements · 2 réparations · 4 essais"),
                           p.width, p.height, p.safe_box)
    assert frame.shape == (1920, 1080, 3) and frame.max() > 200  # text drawn
    # the card's text stays inside the safe zone
    bright = np.flatnonzero((frame.max(axis=2) > 200).any(axis=1))
    assert bright.min() >= p.safe.top and bright.max() < p.height - p.safe.bottom


def test_preview_frame_matches_the_export(exported, tmp_path):
    from coulisses.export import preview_frame

    plan, _, _ = exported
    result = export_reel(plan, tmp_path / "plain", SMALL, outputs={"frames"}, deflicker=False)
    for n in (1, 10, plan.total_frames - 1):  # result-first label, a caption, the end card
        preview = preview_frame(plan, n, SMALL).astype(int)
        exported_frame = cv2.imread(str(result.files["frames"] / f"{n + 1:06d}.jpg")).astype(int)
        assert preview.shape == exported_frame.shape
        # the same picture, up to JPEG compression
        assert np.abs(preview - exported_frame).mean() < 3, n
    with pytest.raises(Exception, match="outside"):
        preview_frame(plan, plan.total_frames, SMALL)


def test_deflicker_keeps_a_real_lighting_change():
    levels = [80.0] * 10 + [120.0] * 10  # the workshop light switched on
    assert deflicker.gains(levels) == [1.0] * 20


def test_export_snapshot_plans_and_renders_a_piece(journal, tmp_path):
    from coulisses.export import export_snapshot

    piece, caps = make_piece(journal, n=12)
    journal.add_moment(piece.id, "struggle", at=caps[5].id, caption="Effondré.")
    result = export_snapshot(journal.snapshot(piece.id), tmp_path / "o", SMALL, duration=6,
                             outputs={"srt", "frames"})
    assert result.frames == 180 and result.fps == 30
    assert len(list(result.files["frames"].glob("*.jpg"))) == 180
    assert "Effondré." in result.files["srt"].read_text(encoding="utf-8")


def test_an_export_with_no_readable_still_fails_and_leaves_nothing(journal, tmp_path):
    from coulisses.export import ExportError

    piece, caps = make_piece(journal, n=2)
    for c in caps:
        c.path.write_bytes(b"")
    with pytest.raises(ExportError, match="None of the piece's stills"):
        export_reel(hand_plan(piece, caps, frames=3), tmp_path / "o", SMALL)
    assert visible(tmp_path / "o") == []


def test_the_makers_focus_point_moves_the_crop(journal, tmp_path):
    """Piece setting and per-still setting, through the timeline's plan, into the frames."""
    from coulisses.export import export_snapshot

    piece, caps = make_piece(journal, n=3, size=(960, 360))  # blue grows left to right

    def first_frame_blue(name):
        r = export_snapshot(journal.snapshot(piece.id), tmp_path / name, SMALL, duration=3,
                            result_first=False, end_card=False, outputs={"frames"},
                            deflicker=False)
        return cv2.imread(str(r.files["frames"] / "000001.jpg"))[..., 0].mean()

    centre = first_frame_blue("centre")
    journal.update_piece_settings(piece.id, focus=[1.0, 0.5])
    right = first_frame_blue("right")
    journal.set_capture_meta(piece.id, caps[0].id, focus={"x": 0.0, "y": 0.5})
    left = first_frame_blue("left")
    assert left < centre - 40 and right > centre + 40


def test_deflicker_ignores_hands_passing_but_fixes_exposure():
    rng = np.random.default_rng(2)
    scene = cv2.GaussianBlur((rng.random((180, 320, 3)) * 200 + 30).astype(np.uint8), (0, 0), 3)
    stills = [scene.copy() for _ in range(9)]
    cv2.circle(stills[4], (160, 90), 70, (40, 60, 90), -1)  # a dark hand over a third
    sigs = [deflicker.signature(s) for s in stills]
    assert deflicker.gains(sigs)[4] == 1.0
    stills[6] = cv2.convertScaleAbs(scene, alpha=1.2)  # the webcam re-metered
    g = deflicker.gains([deflicker.signature(s) for s in stills])
    assert g[6] == pytest.approx(1 / 1.2, rel=0.03) and g[4] == 1.0


def test_big_photos_decode_reduced_and_upright(tmp_path):
    import io

    from PIL import Image

    from coulisses.export import stills

    assert stills.reduction_for((3000, 4000), 1080, 1920, "fill") == 2  # 1500x2000 is enough
    assert stills.reduction_for((4000, 3000), 1080, 1920, "fill") == 1  # crop needs all rows
    assert stills.reduction_for((8000, 6000), 1080, 1920, "fit") == 4
    # a phone photo stored sideways with EXIF orientation 6 (rotate 90°)
    img = Image.new("RGB", (800, 400), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    path = tmp_path / "sideways.jpg"
    path.write_bytes(buf.getvalue())
    assert stills.still_size(buf.getvalue()) == (400, 800)
    decoded = stills.load(path, 270, 480)
    assert decoded.shape[:2] == (800, 400)  # upright: taller than wide


def test_no_metadata_of_a_still_reaches_any_output(journal, tmp_path):
    """Outputs are encoded from pixels: a phone photo's maker, serial and GPS stay home."""
    import io
    from datetime import UTC, datetime, timedelta

    from PIL import Image

    from tests.test_export_support import still

    piece = journal.create_piece("Private")
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i in range(3):
        exif = Image.Exif()
        exif[0x010F] = "LeakyPhoneMaker"  # Make
        exif[0xA431] = "SN-4242-COULISSES"  # BodySerialNumber
        exif.get_ifd(0x8825).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)})
        buf = io.BytesIO()
        Image.fromarray(still(i)[:, :, ::-1]).save(buf, "JPEG", exif=exif, quality=90)
        journal.add_still(piece.id, buf.getvalue(), t0 + timedelta(seconds=10 * i))
    caps, _ = journal.captures(piece.id)
    assert b"SN-4242-COULISSES" in caps[0].path.read_bytes()  # the journal kept it
    result = export_reel(hand_plan(journal.piece(piece.id), caps, frames=3, result_first=2),
                         tmp_path / "out", SMALL)
    outputs = [p for p in result.folder.rglob("*") if p.is_file()]
    assert len(outputs) > 10
    for path in outputs:
        data = path.read_bytes()
        assert b"SN-4242-COULISSES" not in data and b"LeakyPhoneMaker" not in data, path
        if path.suffix == ".jpg":
            assert b"Exif\0\0" not in data, path
