"""Even out exposure jumps between consecutive webcam stills.

Webcams re-meter all the time: a cloud or the auto-exposure hunting makes
the next still brighter or darker, which flickers once stills play at
30 fps. Each still is compared, pixel by pixel on a tiny grey copy, with
the pixel-wise median of its neighbours; the median of those ratios is its
exposure error, corrected by a bounded gain.

Medians make it robust both ways: hands or a tool passing through part of
the picture do not move the median ratio (the rest of the picture agrees),
and a real change (the workshop light switched on) stays a clean step.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

WINDOW = 7  # stills on each side: ~1/4 s of neighbours at 30 fps
MAX_GAIN = 1.35
MIN_GAIN = 1 / 1.35
DEAD_BAND = 0.015  # below 1.5 % the correction is invisible: skip it
SIGNATURE_SIZE = (48, 27)  # grey copy compared between stills (w, h)
DARK = 8.0  # pixels this dark carry no exposure information

Level = np.ndarray | float


def signature(img: np.ndarray) -> np.ndarray:
    """A tiny grey copy of a still (float32), enough to compare exposures."""
    gray = cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_BGR2GRAY)
    return cv2.resize(gray, SIGNATURE_SIZE, interpolation=cv2.INTER_AREA).astype(np.float32)


def _exposure_ratio(reference: np.ndarray, own: np.ndarray) -> float | None:
    usable = (own > DARK) & (reference > DARK)
    if usable.sum() < max(1, usable.size // 10):
        return None  # a nearly black still: nothing to measure
    return float(np.median(reference[usable] / own[usable]))


def gains(levels: Sequence[Level | None], window: int = WINDOW) -> list[float]:
    """A gain per still from its signature (or a plain brightness number).

    ``None`` marks a still that is not corrected (an imported photo, a card)
    and is not used as a neighbour either.
    """
    values = [None if v is None else np.asarray(v, np.float32) for v in levels]
    out = []
    for i, v in enumerate(values):
        if v is None:
            out.append(1.0)
            continue
        lo, hi = max(0, i - window), min(len(values), i + window + 1)
        neighbours = [x for x in values[lo:hi] if x is not None and x.shape == v.shape]
        reference = np.median(np.stack(neighbours), axis=0)
        ratio = _exposure_ratio(np.atleast_1d(reference), np.atleast_1d(v))
        if ratio is None:
            out.append(1.0)
            continue
        g = min(MAX_GAIN, max(MIN_GAIN, ratio))
        out.append(1.0 if abs(g - 1.0) < DEAD_BAND else g)
    return out


def apply_gain(img: np.ndarray, gain: float) -> np.ndarray:
    if gain == 1.0:
        return img
    lut = np.clip(np.arange(256, dtype=np.float32) * gain + 0.5, 0, 255).astype(np.uint8)
    return cv2.LUT(img, lut)
