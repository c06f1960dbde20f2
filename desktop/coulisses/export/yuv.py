"""Planar YUV 4:2:0 (I420) frames, the encoder's own format.

Frames are laid out and captioned directly in I420: scaling 1.5 bytes a pixel
instead of 3, and no full-frame colour conversion before encoding. Colours
follow OpenCV's BGR<->I420 conversion (BT.601 matrix, video range), which the
MP4 is tagged with.
"""

from __future__ import annotations

import cv2
import numpy as np


def planes(buf: np.ndarray, width: int, height: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Y, U, V views into an I420 buffer of ``height * 3 // 2`` rows."""
    flat = buf.reshape(-1)
    ys, cs = width * height, (width // 2) * (height // 2)
    return (flat[:ys].reshape(height, width),
            flat[ys:ys + cs].reshape(height // 2, width // 2),
            flat[ys + cs:ys + 2 * cs].reshape(height // 2, width // 2))


def to_i420(bgr: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(np.ascontiguousarray(bgr), cv2.COLOR_BGR2YUV_I420)


def to_bgr(i420: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(i420, cv2.COLOR_YUV2BGR_I420)


def scale_to_i420(bgr: np.ndarray, width: int, height: int) -> np.ndarray:
    """Convert a (small) BGR image with even sides to I420, then scale each plane to
    ``width`` x ``height``: the cheap way to fill a frame from a crop."""
    h, w = bgr.shape[:2]
    src = to_i420(bgr)
    sy, su, sv = planes(src, w, h)
    out = np.empty((height * 3 // 2, width), np.uint8)
    dy, du, dv = planes(out, width, height)
    interp = cv2.INTER_AREA if width * height < w * h else cv2.INTER_CUBIC
    cv2.resize(sy, (width, height), dst=dy, interpolation=interp)
    cv2.resize(su, (width // 2, height // 2), dst=du, interpolation=interp)
    cv2.resize(sv, (width // 2, height // 2), dst=dv, interpolation=interp)
    return out
