"""Even out exposure jumps between consecutive webcam stills.

Webcams re-meter all the time: a hand over the wheel or a cloud makes the
next still brighter or darker, which flickers once stills play at 30 fps.
Each still's mean brightness is compared with the moving median of its
neighbours and corrected by a bounded gain. A median removes isolated jumps
but keeps a real change (the workshop light switched on) as a clean step.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

WINDOW = 7  # stills on each side: ~1/4 s of neighbours at 30 fps
MAX_GAIN = 1.35
MIN_GAIN = 1 / 1.35
DEAD_BAND = 0.015  # below 1.5 % the correction is invisible: skip it


def brightness(img: np.ndarray) -> float:
    """Mean luma (0..255) from a sparse grid of pixels: cheap and stable."""
    sample = img[::4, ::4]
    gray = cv2.cvtColor(np.ascontiguousarray(sample), cv2.COLOR_BGR2GRAY)
    return float(gray.mean())


def gains(levels: Sequence[float | None], window: int = WINDOW) -> list[float]:
    """A gain per still: moving median of the neighbours' brightness over its own.

    ``None`` marks a still that is not corrected (an imported photo, a card).
    """
    values = [v for v in levels]
    out = []
    for i, v in enumerate(values):
        if v is None or v < 1.0:
            out.append(1.0)
            continue
        lo, hi = max(0, i - window), min(len(values), i + window + 1)
        neighbours = [x for x in values[lo:hi] if x is not None]
        target = float(np.median(neighbours))
        g = min(MAX_GAIN, max(MIN_GAIN, target / v))
        out.append(1.0 if abs(g - 1.0) < DEAD_BAND else g)
    return out


def apply_gain(img: np.ndarray, gain: float) -> np.ndarray:
    if gain == 1.0:
        return img
    lut = np.clip(np.arange(256, dtype=np.float32) * gain + 0.5, 0, 255).astype(np.uint8)
    return cv2.LUT(img, lut)
