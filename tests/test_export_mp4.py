"""The MP4 itself: H.264 yuv420p, 1080x1920, 30 fps, exact frame count, moov first,
captions only inside the caption area."""

from __future__ import annotations

import av
import numpy as np

from coulisses.export import export_reel, get_preset
from coulisses.export.captions import render_caption
from coulisses.timeline.plan import Cue
from tests.test_export_support import (
    SMALL,
    decode_frames,
    hand_plan,
    make_piece,
    top_level_boxes,
)


def test_full_size_reel_meets_the_export_spec(journal, tmp_path):
    piece, caps = make_piece(journal, n=4, size=(1920, 1080))
    # 47 frames: an odd count catches off-by-one and B-frame flush bugs.
    plan = hand_plan(piece, caps, frames=[12, 11, 9, 7], end_card=8,
                     cues=(Cue(5, 30, "Troisième effondrement. Trop d'eau.", "struggle"),))
    assert plan.total_frames == 47
    result = export_reel(plan, tmp_path / "out", "reels", outputs={"mp4"})
    mp4 = result.files["mp4"]
    with av.open(str(mp4)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
        assert (stream.width, stream.height) == (1080, 1920)
        assert stream.average_rate == 30
        frames = list(container.decode(video=0))
    assert len(frames) == 47
    # constant frame rate: every frame exactly 1/30 s after the previous one
    times = [f.time for f in frames]
    assert np.allclose(np.diff(times), 1 / 30, atol=1e-4)
    boxes = top_level_boxes(mp4)
    assert "moov" in boxes and "mdat" in boxes
    assert boxes.index("moov") < boxes.index("mdat"), boxes
    assert result.frames == 47 and abs(result.duration - 47 / 30) < 1e-9


def test_captions_change_only_the_caption_area(journal, tmp_path):
    piece, caps = make_piece(journal, n=1, size=(960, 540))
    text = "Évidemment, ça s'effondre à la fin"
    plan = hand_plan(piece, caps, frames=30, cues=(Cue(10, 20, text, "struggle"),))
    result = export_reel(plan, tmp_path / "out", SMALL, outputs={"mp4"}, deflicker=False)
    frames = decode_frames(result.files["mp4"])
    assert len(frames) == 30
    before, during, after = frames[5].astype(int), frames[15].astype(int), frames[25].astype(int)
    patch = render_caption(text, SMALL.safe_box, SMALL.width, kind="struggle").patch
    assert patch is not None
    inside = np.zeros(before.shape[:2], bool)
    m = 8  # H.264 blocks around the patch edge may change a little too
    inside[max(0, patch.y - m):patch.y + patch.height + m,
           max(0, patch.x - m):patch.x + patch.width + m] = True
    diff = np.abs(during - before).mean(axis=2)
    assert diff[inside].mean() > 20, "the caption should be clearly visible"
    assert np.percentile(diff[~inside], 99) < 6, "nothing outside the caption may change"
    assert np.abs(after - before).mean() < 2, "the caption must go away at its end frame"
    # the caption sits inside the preset's safe zone
    x0, y0, x1, y1 = SMALL.safe_box
    assert x0 <= patch.x and patch.x + patch.width <= x1
    assert y0 <= patch.y and patch.y + patch.height <= y1


def test_every_preset_renders_at_its_size_and_rate(journal, tmp_path):
    piece, caps = make_piece(journal, n=2)
    for name in ("reels", "tiktok", "shorts"):
        preset = get_preset(name).scaled(180, 320)
        plan = hand_plan(piece, caps, frames=5)
        result = export_reel(plan, tmp_path / name, preset, outputs={"mp4"})
        with av.open(str(result.files["mp4"])) as c:
            s = c.streams.video[0]
            assert (s.width, s.height, s.average_rate) == (180, 320, 30)
            assert sum(1 for _ in c.decode(video=0)) == 10


def test_presets_carry_platform_safe_zones():
    for name in ("reels", "tiktok", "shorts"):
        p = get_preset(name)
        assert (p.width, p.height, p.fps) == (1080, 1920, 30)
        assert 0.12 * p.height <= p.safe.top <= 0.16 * p.height
        assert 0.19 * p.height <= p.safe.bottom <= 0.36 * p.height
        assert 110 <= p.safe.right <= 190


def test_unicode_captions_end_to_end(journal, tmp_path):
    """Accents, emoji, Arabic, Hebrew and a 2,000-character caption in one reel: the
    video shows each one, the subtitle files keep every character, warnings explain."""
    piece, caps = make_piece(journal, n=1, size=(960, 540))
    texts = ["Troisième effondrement, déjà… «ça arrive»", "Fini ✅ 🔥 🦥", "عمل يدوي على الدولاب",
             "כד חרס על האובניים", "é" * 10 + " " + "long " * 398]
    cues = tuple(Cue(10 * i + 5, 10 * i + 10, t) for i, t in enumerate(texts))
    plan = hand_plan(piece, caps, frames=55, cues=cues)
    result = export_reel(plan, tmp_path / "out", SMALL, outputs={"mp4", "srt", "vtt"},
                         deflicker=False)
    frames = decode_frames(result.files["mp4"])
    assert len(frames) == 55
    plain = frames[0].astype(int)
    for i in range(len(texts)):
        shown = frames[10 * i + 7].astype(int)
        changed = int((np.abs(shown - plain).max(axis=2) > 60).sum())
        assert changed > 400, (texts[i][:20], changed)  # a caption box with text in it
    srt = result.files["srt"].read_text(encoding="utf-8")
    for t in texts:
        assert " ".join(t.split()) in srt
    assert any("🦥" in w for w in result.warnings)  # 🔥 is in colour, 🦥 in no font
    assert any("shortened" in w for w in result.warnings)
    drawing = [w for w in result.warnings if "cannot draw" in w]
    # Arabic, Hebrew and 🔥 draw fine
    assert len(drawing) == 1 and "draw (🦥)" in drawing[0]
    # 5 frames are far too short to read these: the export says so
    assert any("short for its length" in w for w in result.warnings)
