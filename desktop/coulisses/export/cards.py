"""The closing effort card and the small label over the still a reel opens on."""

from __future__ import annotations

import numpy as np

from coulisses.export import fonts
from coulisses.export.captions import KIND_COLOURS, CaptionStyle, clean, draw_lines, wrap
from coulisses.export.layout import blurred_backdrop
from coulisses.export.patches import Patch
from coulisses.i18n import tr
from coulisses.timeline.plan import RESULT_FIRST, ReelPlan, Shot


def card_text(lines: tuple[str, ...], width: int,
              safe_box: tuple[int, int, int, int]) -> list[tuple[tuple[str, ...], int,
                                                             CaptionStyle]]:
    """How each card line is set: its wrapped lines, type size and style.

    Lines break only between figures ("3 struggles · 2 fixes"), never inside
    one: the type shrinks a little first, and a figure is split only if it
    still cannot fit.
    """
    x0, _, x1, _ = safe_box
    base = CaptionStyle.for_width(width)
    out = []
    for i, raw in enumerate(lines):
        text = clean(raw).text
        if not text:
            continue
        size = round(base.size * (1.45 if i == 0 else 0.95))
        style = CaptionStyle(size=size, min_size=round(size * 0.75), stroke=base.stroke,
                             pad_x=base.pad_x, pad_y=round(base.pad_y * 0.6))
        max_w = (x1 - x0) - 2 * style.pad_x
        segments = text.split(" · ")
        while size > style.min_size and any(
                fonts.font(fonts.BOLD, size).getlength(seg) > max_w for seg in segments):
            size -= max(1, size // 30)
        f = fonts.font(fonts.BOLD, size)
        text = " · ".join(seg.replace(" ", "\u00a0") if f.getlength(seg) <= max_w else seg
                          for seg in segments)
        wrapped = wrap(text, max_w, size, style.min_size, max_lines=3 if i == 0 else 2)
        # a wrap lands beside a separator: do not leave it dangling at a line's end
        out.append((tuple(line.strip(" ·") for line in wrapped.lines), wrapped.size, style))
    return out


def end_card(lines: tuple[str, ...], width: int, height: int,
             safe_box: tuple[int, int, int, int],
             background: np.ndarray | None = None) -> np.ndarray:
    """A full frame: the card's lines centred in the safe zone, the first one largest,
    over a dark blur of the finished piece (or plain dark when there is none)."""
    if background is not None:
        frame = blurred_backdrop(background, width, height, darken=0.32)
    else:
        frame = np.full((height, width, 3), 22, np.uint8)
    x0, y0, x1, y1 = safe_box
    blocks = [Patch.from_image(draw_lines(text, fonts.font(fonts.BOLD, size), box=False,
                                          style=style))
              for text, size, style in card_text(lines, width, safe_box)]
    gap = round(CaptionStyle.for_width(width).size * 0.5)
    total = sum(b.height for b in blocks) + gap * max(0, len(blocks) - 1)
    y = y0 + max(0, ((y1 - y0) - total) // 2)
    for block in blocks:
        block.moved(x0 + ((x1 - x0) - block.width) // 2, y).blend_into(frame)
        y += block.height + gap
    return frame


def opening_shot(plan: ReelPlan) -> Shot | None:
    """The still the reel opens on (the planner's RESULT_FIRST shot), if it opens on one."""
    return next((s for s in plan.shots if s.kind == RESULT_FIRST and s.capture is not None),
                None)


def opening_is_result(plan: ReelPlan) -> bool:
    """True when the opening still is a result the maker flagged (the shot carries the result
    moment); False when none was flagged and the reel opens on the latest still."""
    shot = opening_shot(plan)
    return shot is not None and shot.moment_id is not None


def opening_caption(plan: ReelPlan) -> str:
    """The maker's own caption on the opening still (a moment flagged on it), or ""."""
    shot = opening_shot(plan)
    if shot is None or shot.capture is None:
        return ""
    wanted = shot.capture.id
    moments = {s.moment_id for s in plan.shots if s.kind != RESULT_FIRST and s.moment_id
               and s.capture is not None and s.capture.id == wanted}
    captions = [c for c in plan.cues if c.moment_id in moments and c.text.strip()]
    return " ".join(captions[-1].text.split()) if captions else ""


def opening_label(plan: ReelPlan, lang: str | None = None) -> str:
    """What the opening still is, in words; "" when the reel does not open on a still.

    "The finished piece" only when the maker flagged a result; otherwise it is the
    latest still and is said to be: her own caption on it, else "Where it stands
    today" (a board not finished yet must not be called finished).
    """
    if opening_shot(plan) is None:
        return ""
    if opening_is_result(plan):
        return tr("The finished piece", lang=lang)
    return opening_caption(plan) or tr("Where it stands today", lang=lang)


def result_label(width: int, safe_box: tuple[int, int, int, int],
                 text: str | None = None, *, result: bool = True) -> Patch:
    """A small pill at the top of the safe zone saying what the opening still is
    (``opening_label``): a gold bar for a result, none for the latest still. A
    maker's caption wraps to two lines at most."""
    base = CaptionStyle.for_width(width)
    size = round(base.size * 0.7)
    style = CaptionStyle(size=size, min_size=size, box_alpha=150, stroke=max(1, base.stroke - 1),
                         pad_x=round(base.pad_x * 0.8), pad_y=round(base.pad_y * 0.6))
    label = clean(text if text is not None else tr("The finished piece")).text
    x0, y0, x1, _ = safe_box
    lines = wrap(label, (x1 - x0) - 2 * style.pad_x - 2 * style.stroke, size, max_lines=2).lines
    image = draw_lines(list(lines), fonts.font(fonts.BOLD, size), box=True, style=style,
                       accent=KIND_COLOURS["result"] if result else None)
    return Patch.from_image(image, x0 + ((x1 - x0) - image.width) // 2,
                            y0 + round(base.size * 0.3))
