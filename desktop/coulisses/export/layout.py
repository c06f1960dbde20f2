"""Fitting a still into the vertical frame: fill around a focus point, or fit over a blur.

Never stretched: both modes keep the still's proportions. Downscaling uses
INTER_AREA (no aliasing on fine clay texture or wood grain); enlarging uses
bicubic, which keeps edges cleaner than bilinear.
"""

from __future__ import annotations

import cv2
import numpy as np

from coulisses.i18n import tr

FILL = "fill"
FIT = "fit"
LAYOUTS = (FILL, FIT)


def _resize(img: np.ndarray, width: int, height: int) -> np.ndarray:
    h, w = img.shape[:2]
    if (w, h) == (width, height):
        return img
    shrinking = width * height < w * h
    return cv2.resize(img, (width, height),
                      interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC)


def crop_box(src_w: int, src_h: int, width: int, height: int,
             focus: tuple[float, float] | None = None,
             anchor: tuple[float, float] = (0.5, 0.5)) -> tuple[int, int, int, int]:
    """The largest (x, y, w, h) box of the target's aspect ratio, with ``focus`` at
    ``anchor`` (fractions of the box; default its centre) as far as the still's edges
    allow."""
    fx, fy = focus if focus is not None else (0.5, 0.5)
    fx = min(1.0, max(0.0, float(fx)))
    fy = min(1.0, max(0.0, float(fy)))
    target = width / height
    if src_w / src_h > target:  # still is wider: keep full height
        ch, cw = src_h, max(1, min(src_w, round(src_h * target)))
    else:
        cw, ch = src_w, max(1, min(src_h, round(src_w / target)))
    x = round(fx * src_w - cw * anchor[0])
    y = round(fy * src_h - ch * anchor[1])
    x = min(max(0, x), src_w - cw)
    y = min(max(0, y), src_h - ch)
    return x, y, cw, ch


def fill_crop(img: np.ndarray, width: int, height: int,
              focus: tuple[float, float] | None = None) -> np.ndarray:
    """The part of the still ``fill`` shows, with even sides and origin (for 4:2:0)."""
    x, y, cw, ch = crop_box(img.shape[1], img.shape[0], width, height, focus)
    x, y = x - (x & 1), y - (y & 1)
    cw, ch = max(2, cw - (cw & 1)), max(2, ch - (ch & 1))
    return img[y:y + ch, x:x + cw]


def fill(img: np.ndarray, width: int, height: int,
         focus: tuple[float, float] | None = None,
         anchor: tuple[float, float] = (0.5, 0.5)) -> np.ndarray:
    """Crop to the frame's aspect ratio around ``focus`` (x, y in 0..1), then resize;
    ``anchor`` is where the focus lands in the result (default: its centre)."""
    x, y, cw, ch = crop_box(img.shape[1], img.shape[0], width, height, focus, anchor)
    return np.ascontiguousarray(_resize(img[y:y + ch, x:x + cw], width, height))


def blurred_backdrop(img: np.ndarray, width: int, height: int,
                     focus: tuple[float, float] | None = None,
                     darken: float = 0.45) -> np.ndarray:
    """A soft, darkened fill of the frame made from the still itself.

    Blurring a small copy and enlarging it is ~50x cheaper than blurring at
    full size and looks the same once enlarged.
    """
    small_w, small_h = max(2, width // 16), max(2, height // 16)
    x, y, cw, ch = crop_box(img.shape[1], img.shape[0], width, height, focus)
    small = cv2.resize(img[y:y + ch, x:x + cw], (small_w, small_h), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), sigmaX=2.5)
    big = cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)
    return cv2.convertScaleAbs(big, alpha=darken)


def fit(img: np.ndarray, width: int, height: int,
        focus: tuple[float, float] | None = None,
        box: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """The whole still, as large as fits inside ``box`` (default: the frame), over a
    blurred darkened copy of itself."""
    out = blurred_backdrop(img, width, height, focus)
    bx, by, bw, bh = box if box is not None else (0, 0, width, height)
    h, w = img.shape[:2]
    scale = min(bw / w, bh / h)
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    inner = _resize(img, nw, nh)
    x0 = bx + (bw - nw) // 2
    y0 = by + (bh - nh) // 2
    out[y0:y0 + nh, x0:x0 + nw] = inner
    return out


def lay_out(img: np.ndarray, width: int, height: int, mode: str = FILL,
            focus: tuple[float, float] | None = None) -> np.ndarray:
    if mode == FILL:
        return fill(img, width, height, focus)
    if mode == FIT:
        return fit(img, width, height, focus)
    raise ValueError(tr("unknown layout {mode!r}; choose one of {choices}", mode=mode,
                        choices=", ".join(LAYOUTS)))
