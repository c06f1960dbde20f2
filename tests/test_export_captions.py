"""Captions: any text a maker types comes out readable, never as tofu boxes."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from coulisses.export import fonts
from coulisses.export.captions import ELLIPSIS, CaptionStyle, clean, render_caption, wrap
from coulisses.export.presets import get_preset
from coulisses.resources import asset

REELS = get_preset("reels")


def _max_text_width() -> int:
    style = CaptionStyle.for_width(REELS.width)
    x0, _, x1, _ = REELS.safe_box
    return (x1 - x0) - 2 * style.pad_x - 2 * style.stroke


def test_bundled_font_and_licence_are_shipped():
    assert asset("fonts", fonts.BOLD).is_file()
    licence = asset("fonts", "LICENSE-DejaVu.txt").read_text()
    assert "Bitstream" in licence and "Permission is hereby granted" in licence


def test_font_covers_french_arabic_hebrew_but_not_colour_emoji():
    cov = fonts.coverage(fonts.BOLD)
    for ch in "éèêëàâçôœûùÿÉÈÀÇŒ«»’€" + "عمل" + "שלום":
        assert ord(ch) in cov, ch
    assert 0x1F525 not in cov  # 🔥 has no glyph: it would be tofu


def test_decomposed_accents_are_composed():
    nfd = unicodedata.normalize("NFD", "Troisième effondrement, déjà")
    assert nfd != "Troisième effondrement, déjà"
    assert clean(nfd).text == "Troisième effondrement, déjà"
    assert clean(nfd).dropped == ""


def test_emoji_missing_from_the_bundled_font_substituted_or_left_out_with_a_warning():
    # 🦥 and 🧭 are not in the emoji subset, and DejaVu has no sign for them
    c = clean("Fini 🦥 🧭 ✔ 👍🏽")
    assert "🦥" not in c.text and "🦥" in c.dropped and "🧭" in c.dropped
    assert "✔" in c.text and "\ufe0f" not in c.text.replace("👍🏽", "")
    assert "👍🏽" in c.text  # kept whole, tone and all
    r = render_caption("Fini 🦥", REELS.safe_box, REELS.width)
    assert r.patch is not None and any("🦥" in w for w in r.warnings)


def test_dropped_emoji_leave_no_mark_in_the_picture():
    """The rendered caption with an undrawable emoji is pixel-identical to the one
    without it: no .notdef box."""
    with_emoji = render_caption("Ça tient 🦥", REELS.safe_box, REELS.width)
    without = render_caption("Ça tient", REELS.safe_box, REELS.width)
    assert np.array_equal(with_emoji.patch.premul, without.patch.premul)


@pytest.mark.parametrize("sign", ["😈", "🌑", "🃁"])
def test_a_sign_the_colour_font_lacks_is_drawn_in_the_text_font(sign):
    """The bundled colour subset has no 😈, 🌑 or 🃁 but DejaVu has them: the caption keeps
    them and draws DejaVu's, never a blank gap where the colour font has nothing."""
    def bright(text: str) -> int:  # white ink over the caption's dark box
        return int((render_caption(text, REELS.safe_box, REELS.width).patch.premul
                    > 200 * 255).sum())

    assert clean(f"Ça {sign} tient").text == f"Ça {sign} tient"
    assert bright(f"Ça {sign} tient") > bright("Ça tient") + 100


def assert_drawable(out: str) -> None:
    """Every emoji run is one glyph of the colour font; every other character DejaVu's."""
    from coulisses.export import emoji
    from coulisses.export.captions import _BIDI_CONTROLS

    cov = fonts.coverage(fonts.BOLD)
    for run in emoji.runs(out):
        if run.emoji:  # an emoji run is one cluster the colour font draws as one glyph
            assert emoji.drawable(run.text), run.text
        else:
            assert all(ord(ch) in cov or ch == " " or ord(ch) in _BIDI_CONTROLS
                       for ch in run.text)
    assert out == out.strip() and "  " not in out


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=80))
def test_cleaned_text_is_always_drawable(text):
    assert_drawable(clean(text).text)


@pytest.mark.parametrize("text", ["🥳\u24cd\U0001f3ff", "\u27b8\u200d\u238d\U0001f084",
                                  "\u2742\u2405\U0001f3fe"])
def test_what_is_left_out_never_joins_its_neighbours_into_an_undrawable_emoji(text):
    """Ⓧ left out between 🥳 and a skin tone makes 🥳🏿, which the subset lacks."""
    assert_drawable(clean(text).text)


def _draw(text: str, engine) -> np.ndarray:
    font = ImageFont.truetype(str(fonts.font_path(fonts.BOLD)), 40, layout_engine=engine)
    img = Image.new("L", (600, 80), 0)
    ImageDraw.Draw(img).text((10, 10), text, font=font, fill=255)
    return np.asarray(img)


def test_right_to_left_text_is_shaped_and_reordered():
    assert fonts.has_complex_layout(), "Pillow must be built with raqm for RTL captions"
    for text in ("عمل يدوي", "כד חרס"):
        raqm = _draw(text, ImageFont.Layout.RAQM)
        basic = _draw(text, ImageFont.Layout.BASIC)  # logical order, unjoined: garbage
        assert raqm.any()
        assert not np.array_equal(raqm, basic)
    r = render_caption("עבודת יד · عمل يدوي", REELS.safe_box, REELS.width)
    assert r.patch is not None and r.warnings == ()


def test_mixed_scripts_render_without_warnings():
    r = render_caption("Poterie · عمل يدوي · כד · Ελληνικά · Кружка", REELS.safe_box,
                       REELS.width)
    assert r.patch is not None and r.warnings == () and len(r.lines) <= 3


def test_wrapping_stays_inside_the_safe_zone():
    text = "Le mur a lâché au troisième essai, trop d'eau et pas assez de patience ce matin"
    r = render_caption(text, REELS.safe_box, REELS.width)
    assert 2 <= len(r.lines) <= 3 and not r.warnings
    x0, y0, x1, y1 = REELS.safe_box
    p = r.patch
    assert x0 <= p.x and p.x + p.width <= x1 and y0 <= p.y and p.y + p.height <= y1
    assert " ".join(r.lines) == text


def test_two_thousand_characters_are_cut_with_an_ellipsis_and_a_warning():
    for text in ("x" * 2000, " ".join(["effondrement"] * 170)):
        r = render_caption(text, REELS.safe_box, REELS.width)
        assert len(r.lines) == 3
        assert r.lines[-1].endswith(ELLIPSIS)
        assert any("shortened" in w for w in r.warnings)
        size = wrap(text, _max_text_width(), CaptionStyle.for_width(1080).size,
                    CaptionStyle.for_width(1080).min_size).size
        f = fonts.font(fonts.BOLD, size)
        assert all(f.getlength(line) <= _max_text_width() for line in r.lines)


def test_a_caption_of_only_undrawable_characters_is_skipped_with_a_warning():
    r = render_caption("🦥🦥", REELS.safe_box, REELS.width)
    assert r.patch is None and r.warnings


def test_captions_blended_in_yuv_match_blending_in_rgb():
    """Frames are captioned in the encoder's I420 planes: same result as drawing on
    the RGB picture and converting, for even and odd positions."""
    import cv2

    from coulisses.export import yuv
    from coulisses.export.patches import YuvPatch

    rng = np.random.default_rng(0)
    img = cv2.GaussianBlur((rng.random((480, 270, 3)) * 255).astype(np.uint8), (0, 0), 6)
    patch = render_caption("Évidemment 😅 عمل", (10, 40, 260, 380), 270, kind="fix").patch
    for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1), (-30, 0)):  # odd origins, clipped edge
        p = patch.moved(patch.x + dx, patch.y + dy)
        rgb = img.copy()
        p.blend_into(rgb)
        expected = yuv.to_i420(rgb).astype(int)
        got = yuv.to_i420(img)
        YuvPatch.from_patch(p).blend_into_i420(got, 270, 480)
        diff = np.abs(got.astype(int) - expected)
        assert diff.mean() < 0.2 and np.percentile(diff, 99.5) <= 2, (dx, dy)


def test_bidi_marks_are_kept_and_draw_nothing():
    text = "Vase \u2067כד חרס\u2069 fini"
    assert clean(text).text == text
    with_marks = render_caption(text, REELS.safe_box, REELS.width)
    assert with_marks.patch is not None and with_marks.warnings == ()


def test_lines_are_balanced_and_never_start_with_french_punctuation():
    r = render_caption("Cuit et émaillé : le vase bleu.", REELS.safe_box, REELS.width)
    assert len(r.lines) == 2
    assert not any(line.lstrip(" \u00a0")[:1] in ":;!?»" for line in r.lines)
    widths = [fonts.font(fonts.BOLD, CaptionStyle.for_width(1080).size).getlength(x)
              for x in r.lines]
    assert max(widths) < 1.6 * min(widths)  # not one long line and a stray word
