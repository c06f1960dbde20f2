"""Encoding a frame already in memory into the still and its thumbnail.

The thumbnail is made from the same decoded frame (never by re-reading the
JPEG): the timeline strip and the suggestion finder read thumbnails only.
"""

from __future__ import annotations

import cv2
import numpy as np

STILL_QUALITY = 90
THUMB_LONG_SIDE = 320
THUMB_QUALITY = 80


def encode_jpeg(frame_bgr: np.ndarray, quality: int = STILL_QUALITY) -> bytes:
    ok, buf = cv2.imencode(".jpg", frame_bgr, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:
        raise ValueError("the frame could not be encoded as JPEG")
    return buf.tobytes()


def thumbnail_array(frame_bgr: np.ndarray, long_side: int = THUMB_LONG_SIDE) -> np.ndarray:
    h, w = frame_bgr.shape[:2]
    scale = long_side / max(h, w)
    if scale >= 1:
        return frame_bgr
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(frame_bgr, size, interpolation=cv2.INTER_AREA)


def make_thumbnail(frame_bgr: np.ndarray, long_side: int = THUMB_LONG_SIDE) -> bytes:
    return encode_jpeg(thumbnail_array(frame_bgr, long_side), THUMB_QUALITY)


def encode_still(frame_bgr: np.ndarray, quality: int = STILL_QUALITY) -> tuple[bytes, bytes]:
    """(still JPEG, thumbnail JPEG) for one frame."""
    return encode_jpeg(frame_bgr, quality), make_thumbnail(frame_bgr)
