"""Colour emoji in burnt-in captions: grapheme clusters, runs and scaled glyphs.

The bundled Noto Color Emoji subset is a CBDT bitmap font: FreeType loads it
only at its one strike (109 px) with ``embedded_color=True``, and it has no
letters. So a caption is split into text runs (drawn in DejaVu) and emoji
clusters (drawn here at 109 px, then scaled to the text's size). A cluster is
what a reader sees as one emoji: a base with its U+FE0F, skin tone, keycap or
tag characters, ZWJ-joined parts, or a pair of regional indicators (a flag).
Pillow does not expose grapheme segmentation, so it is done here, following
UAX #29's emoji rules closely enough for what people type.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from coulisses.export import fonts

EMOJI = "NotoColorEmoji-Coulisses.ttf"
STRIKE = 109  # the only size the CBDT font loads at

ZWJ, VS15, VS16, KEYCAP = "\u200d", "\ufe0e", "\ufe0f", "\u20e3"
_TONES = "\U0001f3fb-\U0001f3ff"
_RI = "\U0001f1e6-\U0001f1ff"
_TAGS = "\U000e0020-\U000e007f"
# Extended_Pictographic, as ranges (Unicode 15); regional indicators and tones
# are matched on their own below.
_PICTO = ("\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328"
          "\u23cf\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe"
          "\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d"
          "\u3297\u3299\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff"
          "\U0001fc00-\U0001fffd")
_PART = f"[{_PICTO}](?:[{VS15}{VS16}]|[{_TONES}])*(?:[{_TAGS}]+)?"
CLUSTER = re.compile(
    f"[{_RI}]{{2}}"                                # a flag
    f"|[0-9#*]{VS16}?{KEYCAP}"                     # a keycap
    f"|{_PART}(?:{ZWJ}{_PART})*"                   # a pictograph, maybe ZWJ-joined
    f"|[{_TONES}]"                                 # a tone on its own
)
# Emoji that show in colour even without U+FE0F (Emoji_Presentation=Yes below
# U+1F000); the others (❤, ☀, ✔ ...) are text unless followed by U+FE0F.
_COLOUR_BY_DEFAULT = set(map(ord, "⌚⌛⏩⏪⏫⏬⏰⏳◽◾☔☕♈♉♊♋♌♍♎♏♐♑♒♓♿⚓⚡"
                                  "⚪⚫⚽⚾⛄⛅⛎⛔⛪⛲⛳⛵⛺⛽✅✊✋✨❌❎❓❔❕❗"
                                  "➕➖➗➰➿⬛⬜⭐⭕"))


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    emoji: bool  # True: one cluster to draw from the emoji font


def is_colour(cluster: str) -> bool:
    """Does this cluster ask for colour presentation (rather than a text symbol)?"""
    if VS15 in cluster:
        return False
    first = ord(cluster[0])
    return len(cluster) > 1 or first >= 0x1F000 or first in _COLOUR_BY_DEFAULT


@lru_cache(maxsize=4096)
def runs(text: str) -> tuple[Run, ...]:
    """``text`` as text runs and single emoji clusters, in logical order."""
    out: list[Run] = []
    pos = 0
    for m in CLUSTER.finditer(text):
        cluster = m.group()
        if not is_colour(cluster) or (len(cluster) == 1 and not drawable(cluster)):
            continue  # text; a lone sign the colour font lacks (😈, 🃁) is DejaVu's or dropped
        if m.start() > pos:
            out.append(Run(text[pos:m.start()], False))
        out.append(Run(cluster, True))
        pos = m.end()
    if pos < len(text):
        out.append(Run(text[pos:], False))
    return tuple(out)


def has_emoji(text: str) -> bool:
    return any(r.emoji for r in runs(text))


def clusters(text: str) -> list[str]:
    """User-perceived characters: emoji clusters whole, a letter with its combining marks."""
    out: list[str] = []
    for run in runs(text):
        if run.emoji:
            out.append(run.text)
            continue
        for ch in run.text:
            if out and not run.text.startswith(ch) and unicodedata.combining(ch):
                out[-1] += ch
            else:
                out.append(ch)
    return out


@lru_cache(maxsize=1)
def _advance_one() -> float:
    return _font().getlength("\U0001f62d")


def _font() -> ImageFont.FreeTypeFont:
    return fonts.font(EMOJI, STRIKE)


@lru_cache(maxsize=1024)
def drawable(cluster: str) -> bool:
    """True when the bundled font draws ``cluster`` as one colour glyph."""
    if re.fullmatch(f"[{_RI}]{VS16}?", cluster):
        return False  # half a flag: the font maps it to an empty glyph
    cov = fonts.coverage(EMOJI)
    if not all(ord(c) in cov for c in cluster if c not in (VS16, ZWJ)):
        return False
    # a sequence the font has no ligature for is laid out as several glyphs
    return abs(_font().getlength(cluster) - _advance_one()) < 0.5


def width(cluster: str, size: float) -> float:
    """Advance of one emoji drawn beside text of ``size`` px (the emoji's em = the text's)."""
    return _advance_one() * size / STRIKE


@lru_cache(maxsize=512)
def glyph(cluster: str, size: float) -> tuple[Image.Image, int]:
    """The cluster in colour scaled to ``size``, and how far its top is above the baseline.

    Drawn once at 109 px and reduced with Lanczos: the bitmap strike has no
    other size, and a box filter of a 2x reduction would blur the outlines.
    """
    font = _font()
    left, top, right, bottom = font.getbbox(cluster, anchor="ls")
    big = Image.new("RGBA", (int(right - left), int(bottom - top)), (0, 0, 0, 0))
    ImageDraw.Draw(big).text((-left, -top), cluster, font=font, anchor="ls", embedded_color=True)
    scale = size / STRIKE
    w = max(1, round(big.width * scale))
    h = max(1, round(big.height * scale))
    return big.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0), round(-top * scale)
