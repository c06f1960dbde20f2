"""Colour emoji in burnt-in captions: one glyph per cluster, in colour, in the reel
and the carousel; line breaks between words only; a clear fallback for the rest."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from coulisses.export import emoji, export_reel, fonts
from coulisses.export.captions import (
    HYPHEN,
    CaptionStyle,
    CleanText,
    _wrap,
    clean,
    draw_lines,
    render_caption,
    wrap,
)
from coulisses.export.presets import get_preset
from coulisses.resources import asset
from coulisses.timeline.plan import Cue
from tests.test_export_support import SMALL, hand_plan, make_piece

REELS = get_preset("reels")
MAKER = "👩🏽\u200d🔧"  # woman mechanic, medium skin tone: 4 code points, one glyph
FLAG = "🇫🇷"
HEART = "❤\ufe0f"
CAPTION = f"Troisième effondrement 😭🏺 {MAKER} répare {FLAG} {HEART} enfin"


def _sequences() -> list[str]:
    text = asset("fonts", "NotoColorEmoji-Coulisses.sequences.txt").read_text(encoding="utf-8")
    return text.split()


def _saturated(rgb: np.ndarray) -> np.ndarray:
    """Pixels of a strong colour (not white text, black outline or grey box)."""
    hsv = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2HSV)
    return (hsv[..., 1] > 120) & (hsv[..., 2] > 90)


def _patch_rgb(patch) -> np.ndarray:
    """The patch composited over mid grey, as RGB."""
    pre = patch.premul.astype(np.int32)
    inv = patch.inv_alpha.astype(np.int32)
    bgr = (pre + 128 * inv) // 255
    return bgr[..., ::-1].astype(np.uint8)


def test_font_and_licence_are_shipped_and_small():
    path = asset("fonts", emoji.EMOJI)
    assert path.is_file() and path.stat().st_size < 1_000_000
    licence = asset("fonts", "LICENSE-NotoColorEmoji.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Google" in licence


def test_every_listed_emoji_draws_as_one_colour_glyph():
    seqs = _sequences()
    assert len(seqs) > 200
    for needed in ("😭", "🏺", MAKER, FLAG, HEART, "✨\ufe0f", "👍🏿", "🧑\u200d🔧"):
        assert needed in seqs, needed
    one = emoji.width("😭", 109)
    coloured = 0
    for seq in seqs:
        assert emoji.drawable(seq), seq
        assert emoji.runs(seq) == (emoji.Run(seq, True),), seq
        image, _ = emoji.glyph(seq, 40)
        assert image.width <= round(one * 40 / 109) + 1, seq  # one glyph wide
        rgba = np.asarray(image)
        assert (rgba[..., 3] > 200).sum() > 100, seq  # something is drawn
        rgb = rgba[..., :3].astype(int)
        tinted = (rgb.max(axis=2) - rgb.min(axis=2) > 30) & (rgba[..., 3] > 200)
        coloured += tinted.sum() > 50
    assert coloured > 0.9 * len(seqs)  # in colour (🖤, 💀, 💬 are grey by design)


@pytest.mark.parametrize("text, expected", [
    (f"a{MAKER}b", ["a", MAKER, "b"]),
    (f"{FLAG}{FLAG}", [FLAG, FLAG]),
    ("🇫🇷🇧", [FLAG, "🇧"]),  # a lone regional indicator is its own cluster
    (f"{HEART}🔥", [HEART, "🔥"]),
    ("❤\ufe0f\u200d🔥", ["❤\ufe0f\u200d🔥"]),
    ("👍🏽👍", ["👍🏽", "👍"]),
    ("1\ufe0f\u20e3x", ["1\ufe0f\u20e3", "x"]),
    ("e\u0301té", ["e\u0301", "t", "é"]),
])
def test_grapheme_clusters_keep_zwj_tones_selectors_and_flags_together(text, expected):
    assert emoji.clusters(text) == expected


def test_text_style_symbols_stay_text_unless_asked_for_colour():
    assert emoji.runs("Fini ✔") == (emoji.Run("Fini ✔", False),)  # ✔ alone is a text sign
    assert emoji.runs("Fini ✔\ufe0f")[-1] == emoji.Run("✔\ufe0f", True)
    assert emoji.runs("Fini ✨")[-1] == emoji.Run("✨", True)  # colour by default
    assert emoji.runs("Fini ❤\ufe0e") == (emoji.Run("Fini ❤\ufe0e", False),)


def test_a_caption_with_emoji_draws_them_in_colour_one_glyph_each():
    r = render_caption(CAPTION, REELS.safe_box, REELS.width)
    assert r.warnings == () and r.patch is not None
    assert " ".join(r.lines) == clean(CAPTION).text
    assert MAKER in " ".join(r.lines) and FLAG in " ".join(r.lines)
    size = wrap(clean(CAPTION).text, 800, CaptionStyle.for_width(1080).size).size
    f = fonts.font(fonts.BOLD, size)
    one = emoji.width("😭", f.size)
    from coulisses.export.captions import _width

    assert _width(f, MAKER) == pytest.approx(one)
    assert _width(f, FLAG) == pytest.approx(one)
    assert _width(f, "😭🏺") == pytest.approx(2 * one)
    colour = _saturated(_patch_rgb(r.patch)).sum()
    plain = render_caption("Troisième effondrement répare enfin", REELS.safe_box, REELS.width)
    assert colour > 2000 and _saturated(_patch_rgb(plain.patch)).sum() < 50


def test_text_beside_emoji_is_drawn_as_before():
    """The letters around an emoji are the same white glyphs as without it: the white
    pixel count of "Enfin 😭" equals that of "Enfin" (the emoji adds no white)."""
    style = CaptionStyle.for_width(1080)
    f = fonts.font(fonts.BOLD, style.size)

    def white(lines):
        img = np.asarray(draw_lines(lines, f, box=False, style=style))
        return int(((img[..., :3] > 250).all(axis=2) & (img[..., 3] == 255)).sum())

    assert white(["Enfin 🏺"]) == pytest.approx(white(["Enfin"]), rel=0.02)
    assert white(["Enfin 🏺"]) > 1000


def test_rtl_caption_with_emoji_renders_without_warnings():
    r = render_caption("עבודת יד 🏺 כד · عمل يدوي 😭", REELS.safe_box, REELS.width)
    assert r.patch is not None and r.warnings == ()
    assert _saturated(_patch_rgb(r.patch)).sum() > 1000


def test_missing_emoji_follow_the_fallback_rule():
    # 👩‍🚀: the astronaut ligature and 🚀 are not in the subset: 👩 is kept, 🚀 named
    c = clean("Décollage 👩\u200d🚀")
    assert c.text == "Décollage 👩" and c.dropped == "🚀"
    # ☎️: no colour glyph, but DejaVu has the monochrome sign
    c = clean("Appel ☎\ufe0f")
    assert c.text == "Appel ☎" and c.dropped == ""
    # 🦥: in neither font: left out, and the warning names it
    r = render_caption("Lent 🦥", REELS.safe_box, REELS.width)
    assert r.lines == ("Lent",) and any("🦥" in w for w in r.warnings)
    # a skin tone the subset lacks for this hand: the hand without it
    assert clean("Top 👌🏽").text == "Top 👌"
    # a flag outside the subset, half a flag: left out and named, never a blank space
    assert clean("Kia ora 🇳🇿") == CleanText("Kia ora", "🇳🇿")
    assert clean("Moitié 🇫") == CleanText("Moitié", "🇫")


def test_effondrement_is_never_split_mid_word():
    """Balancing used to try widths narrower than a word and cut it
    ("Effondremen / t 😭 encore")."""
    text = clean("Effondrement 😭🏺 encore ✨").text
    f = fonts.font(fonts.BOLD, 58)
    for max_w in range(int(f.getlength("Effondrement")) + 1, 900, 7):
        lines = wrap(text, max_w, 58).lines
        assert " ".join(lines).split(" ") == text.split(" "), (max_w, lines)


WORDS = st.text(alphabet="abcdéèfghijklmnopqrstuvwxyzAÉ'", min_size=1, max_size=14)
EMOJI = st.sampled_from(["😭", "🏺", MAKER, FLAG, HEART, "✨", "👍🏿", "🔥", "🧑\u200d🎨"])
TOKEN = st.one_of(WORDS, EMOJI, st.tuples(WORDS, EMOJI).map("".join),
                  st.lists(EMOJI, min_size=2, max_size=4).map("".join))


@settings(max_examples=150, deadline=None)
@given(st.lists(TOKEN, min_size=1, max_size=12), st.integers(120, 900))
def test_lines_break_only_between_words_and_never_inside_an_emoji(tokens, max_w):
    text = clean(" ".join(tokens)).text
    words = text.split(" ")
    f = fonts.font(fonts.BOLD, 40)
    from coulisses.export.captions import _width

    lines = wrap(text, max_w, 40, max_lines=200).lines
    assert all(_width(f, line) <= max_w + 0.5 or len(emoji.clusters(line)) == 1
               for line in lines)
    if all(_width(f, w) <= max_w for w in words):
        assert " ".join(lines).split(" ") == words  # whole words, in order
    else:  # a word wider than the line is cut at clusters, each cut piece hyphenated
        rebuilt = " ".join(line[:-1] if line.endswith(HYPHEN) and line[:-1] else line
                           for line in lines)
        assert rebuilt.replace(" ", "") == text.replace(" ", "")
    for line in lines:
        for run in emoji.runs(line):
            if run.emoji:
                assert emoji.drawable(run.text), (line, run.text)  # no split cluster


def test_a_long_word_is_cut_with_a_hyphen_at_a_cluster():
    f = fonts.font(fonts.BOLD, 40)
    word = "anticonstitutionnellement" + "😭" * 6
    lines = _wrap(f, word, 300, 10)
    assert len(lines) > 1 and all(line.endswith(HYPHEN) for line in lines[:-1])
    assert "".join(line.removesuffix(HYPHEN) for line in lines) == word


def test_ellipsis_never_cuts_an_emoji():
    text = " ".join([f"{MAKER}{FLAG}"] * 80)
    r = render_caption(text, REELS.safe_box, REELS.width)
    assert r.lines[-1].endswith("…")
    for run in emoji.runs(r.lines[-1][:-1]):
        assert not run.emoji or emoji.drawable(run.text)


def test_a_reel_shows_the_emoji_in_colour_and_files_keep_them(journal, tmp_path):
    piece, caps = make_piece(journal, n=4)
    plan = hand_plan(piece, caps, frames=[20, 20, 20, 20], cues=(Cue(20, 60, CAPTION, "note"),))
    result = export_reel(plan, tmp_path / "out", SMALL)
    assert not [w for w in result.warnings if "emoji" in w or "draw" in w]
    frames = result.files["frames"]
    inside = cv2.imread(str(frames / "000031.jpg"))[..., ::-1]  # second still, captioned
    x0, y0, x1, y1 = SMALL.safe_box
    before = cv2.imread(str(frames / "000021.jpg"))[..., ::-1]
    outside = cv2.imread(str(frames / "000011.jpg"))[..., ::-1]  # first still, no caption
    sat_in = _saturated(inside[y0:y1, x0:x1]).sum()
    sat_out = _saturated(outside[y0:y1, x0:x1]).sum()
    assert sat_in > sat_out + 150, (sat_in, sat_out)
    assert np.array_equal(before.shape, inside.shape)
    Image.fromarray(inside).save(tmp_path / "frame.png")
    srt = result.files["srt"].read_text(encoding="utf-8")
    vtt = result.files["vtt"].read_text(encoding="utf-8")
    post = result.files["post"].read_text(encoding="utf-8")
    for text in (srt, vtt, post):
        assert CAPTION in text  # every emoji as typed, ZWJ, tone and selector included
