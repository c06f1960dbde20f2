"""The before/after frame and the ghost: two stills of the piece drawn as one picture.

Both stills are framed on their own focus point, placed where the frame's safe
zone has its centre (not the frame's: the bottom third is under the app's
text), so the piece sits at the same height in both and lines up across the
split. Side by side: the raw material left, the result right, each cropped
around its focus to the height of the safe zone (so a half-width panel still
holds the whole piece: it is shown smaller than in the reel), over a dark blur
of itself above and below. A wipe: both framed alike over the whole frame, a line
sweeps from right to left and the result replaces the raw material behind it
(``mix`` is the share revealed). A small label over each part says which is
which, inside the safe zone.

Plain numpy/OpenCV on BGR pictures; the composer (reel frames, preview) and
the carousel both draw with it.
"""

from __future__ import annotations

import numpy as np

from coulisses.export import cards, layout
from coulisses.export.patches import Patch
from coulisses.i18n import tr

SIDE = "side"
WIPE = "wipe"
Focus = tuple[float, float] | None
Box = tuple[int, int, int, int]


def safe_centre(box: Box) -> tuple[int, int]:
    x0, y0, x1, y1 = box
    return (x0 + x1) // 2, (y0 + y1) // 2


def wipe_line(width: int, mix: float) -> int:
    """The x of a wipe's line: at the right edge before it starts, the left when done."""
    return round((1.0 - min(1.0, max(0.0, mix))) * width)


def mix_for_line(width: int, x: int) -> float:
    """The wipe's ``mix`` that puts its line at ``x`` (a carousel slide: the safe centre)."""
    return 1.0 - x / width


def _framed(img: np.ndarray | None, width: int, height: int, focus: Focus,
            centre: tuple[int, int], mode: str, box: Box) -> np.ndarray:
    """``img`` filling a width x height panel with its focus at ``centre`` (fill), or
    whole inside ``box`` over a blur of itself (fit); grey for a still that could not
    be read."""
    if img is None:
        return np.full((height, width, 3), 40, np.uint8)
    if mode == layout.FIT:
        bx0, by0, bx1, by1 = box
        return layout.fit(img, width, height, focus, box=(bx0, by0, bx1 - bx0, by1 - by0))
    return layout.fill(img, width, height, focus, anchor=(centre[0] / width,
                                                          centre[1] / height))


def _panel(img: np.ndarray | None, width: int, height: int, focus: Focus, visible: tuple[int, int],
           box: Box, mode: str) -> np.ndarray:
    """One half of a side by side: the still over the safe zone's height, its focus at the
    centre of the panel's ``visible`` columns (x from, x to, within the panel), over a dark
    blur of itself."""
    _, y0, _, y1 = box
    lo, hi = visible
    if img is None:
        return np.full((height, width, 3), 40, np.uint8)
    if mode == layout.FIT:
        return layout.fit(img, width, height, focus, box=(lo, y0, hi - lo, y1 - y0))
    out = layout.blurred_backdrop(img, width, height, focus, darken=0.35)
    out[y0:y1] = layout.fill(img, width, y1 - y0, focus, anchor=((lo + hi) / 2 / width, 0.5))
    return out


def _label(text: str, width: int, box: Box, span: tuple[int, int], *,
           result: bool) -> Patch | None:
    """A one-line label centred over ``span`` (x from, x to) at the top of the safe zone;
    None when the part is too narrow to hold it (a wipe's line near an edge)."""
    x0, _, x1, _ = box
    lo, hi = max(x0, span[0]), min(x1, span[1])
    margin = max(2, width // 90)
    patch = cards.result_label(width, box, text, result=result)
    if patch.width > hi - lo - 2 * margin:
        return None
    return patch.moved(lo + (hi - lo - patch.width) // 2, patch.y)


def labels(lang: str | None = None) -> tuple[str, str]:
    return tr("Before", lang=lang), tr("After", lang=lang)


def before_after(before: np.ndarray | None, after: np.ndarray | None, width: int,
                 height: int, box: Box, *, style: str = SIDE, mix: float = 1.0,
                 before_focus: Focus = None, after_focus: Focus = None,
                 mode: str = layout.FILL, lang: str | None = None) -> np.ndarray:
    """The before/after picture (BGR, height x width) with its labels; ``box`` is the
    safe zone (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    cx, cy = safe_centre(box)
    divider = max(2, width // 180)
    if style == SIDE:
        split = cx
        left = _panel(before, split, height, before_focus, (x0, split), box, mode)
        right = _panel(after, width - split, height, after_focus, (0, x1 - split), box, mode)
        frame = np.concatenate([left, right], axis=1)
        parts = ((0, split), (split, width))
    else:
        split = wipe_line(width, mix)
        frame = _framed(before, width, height, before_focus, (cx, cy), mode, box)
        if split < width:
            shown = _framed(after, width, height, after_focus, (cx, cy), mode, box)
            frame[:, split:] = shown[:, split:]
        parts = ((0, split), (split, width))
    if 0 < split < width:
        a, b = max(0, split - divider // 2), min(width, split + (divider + 1) // 2)
        frame[:, a:b] = 245
    names = labels(lang)
    for (lo, hi), text, result in zip(parts, names, (False, True), strict=True):
        patch = _label(text, width, box, (lo, hi), result=result)
        if patch is not None:
            patch.blend_into(frame)
    return np.ascontiguousarray(frame)


def ghost(base: np.ndarray, overlay: np.ndarray, opacity: float) -> np.ndarray:
    """``overlay`` shown faintly over ``base`` (same shape, any planar or BGR uint8 layout):
    a plain weighted sum, so it works on I420 as it does on BGR."""
    a = min(1.0, max(0.0, float(opacity)))
    mixed = base.astype(np.float32) * (1.0 - a) + overlay.astype(np.float32) * a
    return np.clip(np.rint(mixed), 0, 255).astype(np.uint8)


__all__ = ["SIDE", "WIPE", "before_after", "ghost", "labels", "mix_for_line", "safe_centre",
           "wipe_line"]
