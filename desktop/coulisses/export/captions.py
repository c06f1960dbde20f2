"""Burnt-in captions: clean the text, wrap it to the safe zone, draw it once.

Whatever a maker types must come out readable: accents are normalised (a
decomposed "é" becomes one character), right-to-left scripts are shaped and
ordered by raqm, emoji are drawn in colour from the bundled Noto Color Emoji
subset (``export.emoji``), and a character neither font can draw is swapped
for a drawable look-alike or left out with a warning, never drawn as a tofu box.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from coulisses.export import emoji, fonts
from coulisses.export.patches import Patch
from coulisses.i18n import tr

MAX_LINES = 3
ELLIPSIS = "…"

HYPHEN = "-"

# Emoji neither font has, mapped to a drawable sign with the same meaning.
SUBSTITUTES = {
    "\u2705": "\u2714",  # ✅ -> ✔
    "\u2714": "\u2714",
    "\u274c": "\u2718",  # ❌ -> ✘
    "\u274e": "\u2718",
    "\u2b50": "\u2605",  # ⭐ -> ★
    "\U0001f31f": "\u2605",  # 🌟
    "\u2728": "\u2726",  # ✨ -> ✦
    "\U0001f494": "\u2661",  # 💔 -> ♡
    "\U0001f9e1": "\u2764", "\U0001f49b": "\u2764", "\U0001f49a": "\u2764",  # coloured hearts
    "\U0001f499": "\u2764", "\U0001f49c": "\u2764", "\U0001f5a4": "\u2764",
    "\U0001f90d": "\u2764", "\U0001f90e": "\u2764", "\U0001f496": "\u2764",
    "\U0001f44d": "\u2714",  # 👍 -> ✔
    "\U0001f44e": "\u2718",  # 👎 -> ✘
    "\u23f0": "\u231a", "\u23f3": "\u231b",  # alarm clock, hourglass
    "\U0001f3b5": "\u266a", "\U0001f3b6": "\u266b",  # notes
    "\u26a0": "\u26a0",
}
# Presentation selectors, skin tones, keycap and tag characters left outside a
# colour emoji (or on one shown in monochrome): nothing to draw on their own.
_EMOJI_GLUE = {0xFE0E, 0xFE0F, 0x20E3} | set(range(0x1F3FB, 0x1F400)) \
    | set(range(0xE0020, 0xE0080))


_NO_BREAK_BEFORE = re.compile(r" ([:;!?»])")
# Zero-width (non-)joiners, LRM/RLM, embeddings and isolates: invisible but
# meaningful to shaping and right-to-left ordering (HarfBuzz draws nothing for them).
_BIDI_CONTROLS = {0x200C, 0x200D, 0x200E, 0x200F} | set(range(0x202A, 0x202F)) \
    | set(range(0x2066, 0x206A))
_INVISIBLE = "".join(map(chr, sorted(_BIDI_CONTROLS)))


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    dropped: str  # characters left out (for the warning)


def _emoji_fallback(cluster: str, out: list[str], dropped: list[str]) -> None:
    """An emoji the bundled font has no glyph for: its ZWJ-joined parts one by one
    (👩‍🚀 -> 👩🚀), a part without its skin tone, else the monochrome sign."""
    for part in cluster.split(emoji.ZWJ):
        bare = "".join(c for c in part if ord(c) not in _EMOJI_GLUE)
        if not bare:
            continue
        if emoji.drawable(part):
            out.append(part if emoji.is_colour(part) else part + emoji.VS16)
        elif emoji.drawable(bare):
            out.append(bare if emoji.is_colour(bare) else bare + emoji.VS16)
        else:
            _text_chars(bare, out, dropped)


def clean(text: str) -> CleanText:
    """Normalise ``text`` to what the caption fonts can draw."""
    result = _clean_once(text)
    # What was left out can bring its neighbours together into a cluster the colour font
    # lacks (🥳 Ⓧ 🏿 -> 🥳🏿, ➸ ZWJ 🂄): cleaned again, it falls back like any other.
    for _ in range(2):
        if all(emoji.drawable(r.text) for r in emoji.runs(result.text) if r.emoji):
            break
        again = _clean_once(result.text)
        result = CleanText(again.text, "".join(dict.fromkeys(result.dropped + again.dropped)))
    return result


def _clean_once(text: str) -> CleanText:
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    dropped: list[str] = []
    for run in emoji.runs(text):
        if not run.emoji:
            _text_chars(run.text, out, dropped)
        elif emoji.drawable(run.text):
            out.append(run.text)
        else:
            _emoji_fallback(run.text, out, dropped)
    # Words left with nothing visible (an emoji's joiner) go, with their space.
    text = " ".join(w for w in "".join(out).split() if w.strip(_INVISIBLE))
    # French spacing: never start a line with ":", "!", "?", ";" or "»", nor end one with "«".
    text = _NO_BREAK_BEFORE.sub("\u00a0\\1", text).replace("« ", "«\u00a0")
    return CleanText(text, "".join(dropped))


def _text_chars(text: str, out: list[str], dropped: list[str]) -> None:
    cov = fonts.coverage(fonts.BOLD)
    for ch in text:
        cp = ord(ch)
        if ch in "\r\n\t\u2028\u2029" or ch.isspace():
            out.append(" ")
            continue
        cat = unicodedata.category(ch)
        if cp in _EMOJI_GLUE:
            continue
        if cp in _BIDI_CONTROLS:
            out.append(ch)
            continue
        if cat in ("Cc", "Cf"):
            continue  # other control and format characters have nothing to show
        if cp in cov:
            out.append(ch)
            continue
        if emoji.drawable(ch):  # a text-style symbol DejaVu lacks: the colour one
            out.append(ch + emoji.VS16)
            continue
        sub = SUBSTITUTES.get(ch)
        if sub and ord(sub) in cov:
            out.append(sub)
            continue
        if ch not in dropped:
            dropped.append(ch)


@dataclass(frozen=True, slots=True)
class Wrapped:
    lines: tuple[str, ...]
    size: int
    shortened: bool


def _width(font: ImageFont.FreeTypeFont, text: str) -> float:
    """Advance of ``text`` set in ``font``, its emoji at the same size."""
    parts = emoji.runs(text)
    if len(parts) == 1 and not parts[0].emoji:
        return font.getlength(text)
    return sum(emoji.width(r.text, font.size) if r.emoji else font.getlength(r.text)
               for r in parts)


def _break_word(font: ImageFont.FreeTypeFont, word: str, max_w: float,
                max_pieces: int) -> list[str]:
    """Split a word wider than the line (a URL, 2,000 letters without a space),
    ending each cut piece with a hyphen, never inside an emoji or an accented letter.

    Each piece is found by bisection, and only as many as can be shown are cut.
    """
    pieces: list[str] = []
    rest = emoji.clusters(word)
    while rest and len(pieces) < max_pieces:
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if _width(font, "".join(rest[:mid]) + HYPHEN) <= max_w:
                lo = mid
            else:
                hi = mid - 1
        if lo == len(rest):
            break
        pieces.append("".join(rest[:lo]) + HYPHEN)
        rest = rest[lo:]
    if rest:
        pieces.append("".join(rest))
    return pieces


def _wrap(font: ImageFont.FreeTypeFont, text: str, max_w: float, limit: int) -> list[str]:
    """Greedy wrap; stops once there are more than ``limit`` lines."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if _width(font, candidate) <= max_w:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        if _width(font, word) <= max_w:
            current = word
        else:
            parts = _break_word(font, word, max_w, limit + 1)
            lines.extend(parts[:-1])
            current = parts[-1] if parts else ""
        if len(lines) > limit:
            break
    if current:
        lines.append(current)
    return lines


def _ellipsize(font: ImageFont.FreeTypeFont, line: str, max_w: float) -> str:
    """End ``line`` with "…" within ``max_w``, cutting at a word when there is one."""
    line = line.rstrip()
    while line and _width(font, line + ELLIPSIS) > max_w:
        cut = line.rfind(" ")
        line = (line[:cut] if cut > 0 else "".join(emoji.clusters(line)[:-1])).rstrip()
    return line + ELLIPSIS


def _balance(font: ImageFont.FreeTypeFont, text: str, lines: list[str],
             max_w: float) -> list[str]:
    """Lines of similar length ("Fired and glazed: / the blue vase." rather than
    "Fired and glazed: the blue / vase."): the narrowest width that needs no
    more lines than the greedy wrap."""
    n = len(lines)
    if n < 2:
        return lines
    # Never narrower than the widest word: balancing must not break a word that fits.
    widest = max(_width(font, word) for word in text.split(" "))
    lo, hi = max(max_w / n, min(widest, max_w)), max_w
    best = lines
    for _ in range(8):
        mid = (lo + hi) / 2
        trial = _wrap(font, text, mid, n)
        if len(trial) <= n and all(_width(font, line) <= mid for line in trial):
            best, hi = trial, mid
        else:
            lo = mid
    return best


def wrap(text: str, max_width: int, size: int, min_size: int | None = None,
         max_lines: int = MAX_LINES) -> Wrapped:
    """Fit ``text`` in at most ``max_lines`` lines of ``max_width`` px.

    Tries the normal size, then steps down to ``min_size``; a caption still too
    long is cut at a word (or letter) and ends with an ellipsis.
    """
    min_size = min_size or size
    s = size
    while True:
        f = fonts.font(fonts.BOLD, s)
        lines = _wrap(f, text, max_width, max_lines)
        if len(lines) <= max_lines:
            return Wrapped(tuple(_balance(f, text, lines, max_width)), s, False)
        if s <= min_size:
            kept = lines[:max_lines]
            kept[-1] = _ellipsize(f, kept[-1], max_width)
            return Wrapped(tuple(kept), s, True)
        s = max(min_size, s - max(2, size // 12))


# Accent colours by moment kind: a thin bar on the caption box says what kind of
# moment this is without adding words (RGB).
KIND_COLOURS = {
    "struggle": (232, 84, 62),
    "fix": (92, 196, 120),
    "milestone": (88, 160, 232),
    "result": (240, 196, 72),
}


@dataclass(frozen=True, slots=True)
class CaptionStyle:
    size: int
    min_size: int
    box_alpha: int = 165
    stroke: int = 3
    line_gap: float = 1.22
    pad_x: int = 28
    pad_y: int = 18

    @classmethod
    def for_width(cls, width: int) -> CaptionStyle:
        size = max(12, round(width * 0.054))  # 58 px on a 1080 px frame
        scale = width / 1080
        return cls(size=size, min_size=max(10, round(size * 0.8)),
                   stroke=max(1, round(3 * scale)), pad_x=max(4, round(28 * scale)),
                   pad_y=max(3, round(18 * scale)))


def draw_lines(lines: tuple[str, ...] | list[str], font: ImageFont.FreeTypeFont, *,
               box: bool, style: CaptionStyle, accent: tuple[int, int, int] | None = None,
               min_width: int = 0) -> Image.Image:
    """Centred lines of white bold text (dark outline) on an optional translucent box."""
    ascent, descent = font.getmetrics()
    line_h = round(font.size * style.line_gap)
    widths = [round(_width(font, line)) for line in lines] or [0]
    text_w = max(widths)
    w = max(min_width, text_w + 2 * style.pad_x + 2 * style.stroke)
    h = line_h * (len(lines) - 1) + ascent + descent + 2 * style.pad_y + 2 * style.stroke
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    if box:
        radius = max(2, font.size // 3)
        draw.rounded_rectangle((0, 0, w - 1, h - 1), radius=radius,
                               fill=(12, 12, 14, style.box_alpha))
        if accent:
            bar = max(2, font.size // 10)
            draw.rounded_rectangle((radius, 0, w - 1 - radius, bar), radius=bar // 2,
                                   fill=(*accent, 235))
    y = style.pad_y + style.stroke
    for line, line_w in zip(lines, widths, strict=False):
        parts = emoji.runs(line)
        if len(parts) == 1 and not parts[0].emoji:
            draw.text((w / 2, y), line, font=font, fill=(255, 255, 255, 255), anchor="ma",
                      stroke_width=style.stroke, stroke_fill=(0, 0, 0, 255))
        else:
            _draw_runs(img, draw, parts, font, (w - line_w) / 2, y + ascent, style.stroke)
        y += line_h
    return img


def _rtl(parts: tuple[emoji.Run, ...]) -> bool:
    """The line's direction, from its first strong character (UAX #9, rule P2)."""
    for run in parts:
        if run.emoji:
            continue
        for ch in run.text:
            bidi = unicodedata.bidirectional(ch)
            if bidi in ("R", "AL"):
                return True
            if bidi == "L":
                return False
    return False


def _draw_runs(img: Image.Image, draw: ImageDraw.ImageDraw, parts: tuple[emoji.Run, ...],
               font: ImageFont.FreeTypeFont, x: float, baseline: float, stroke: int) -> None:
    """One line of text runs and colour emoji, side by side on one baseline.

    raqm shapes and orders each text run; the runs themselves follow the line's
    direction (an emoji between two right-to-left words stays between them).
    """
    rtl = _rtl(parts)
    for run in reversed(parts) if rtl else parts:
        if run.emoji:
            image, above = emoji.glyph(run.text, font.size)
            ix, iy = round(x), round(baseline) - above
            if ix >= 0 and iy >= 0:
                img.alpha_composite(image, (ix, iy))
            x += emoji.width(run.text, font.size)
        else:
            draw.text((x, baseline), run.text, font=font, fill=(255, 255, 255, 255),
                      anchor="ls", stroke_width=stroke, stroke_fill=(0, 0, 0, 255),
                      direction="rtl" if rtl else None)
            x += font.getlength(run.text)


@dataclass(frozen=True, slots=True)
class RenderedCaption:
    patch: Patch | None  # None when nothing drawable was left
    lines: tuple[str, ...]
    warnings: tuple[str, ...]


def _quote(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + ELLIPSIS


def render_caption(text: str, safe_box: tuple[int, int, int, int], frame_width: int, *,
                   kind: str = "note", bottom: int | None = None) -> RenderedCaption:
    """Draw one caption as a patch sitting at the bottom of the safe zone
    (or with its bottom edge at ``bottom``)."""
    style = CaptionStyle.for_width(frame_width)
    x0, y0, x1, y1 = safe_box
    warnings: list[str] = []
    cleaned = clean(text)
    if cleaned.dropped:
        warnings.append(tr("The caption “{caption}” has characters the caption font cannot "
                           "draw ({chars}); they were left out of the video.",
                           caption=_quote(text), chars=cleaned.dropped))
    if not cleaned.text:
        if text.strip():
            warnings.append(tr("The caption “{caption}” had nothing drawable left and is "
                               "not shown in the video.", caption=_quote(text)))
        return RenderedCaption(None, (), tuple(warnings))
    max_w = (x1 - x0) - 2 * style.pad_x - 2 * style.stroke
    wrapped = wrap(cleaned.text, max_w, style.size, style.min_size)
    if wrapped.shortened:
        warnings.append(tr("The caption “{caption}” is too long for the screen and was "
                           "shortened with “…”; the full text is in the subtitle files and "
                           "the post text.", caption=_quote(cleaned.text)))
    font = fonts.font(fonts.BOLD, wrapped.size)
    image = draw_lines(wrapped.lines, font, box=True, style=style,
                       accent=KIND_COLOURS.get(kind))
    px = x0 + ((x1 - x0) - image.width) // 2
    margin = round(style.size * 0.4)
    py = (y1 if bottom is None else bottom) - margin - image.height
    return RenderedCaption(Patch.from_image(image, px, max(y0, py)), wrapped.lines,
                           tuple(warnings))

