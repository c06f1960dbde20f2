"""Small builders shared by tests: real JPEG bytes, real frames."""

from __future__ import annotations

import cv2
import numpy as np


def jpeg_bytes(width: int = 64, height: int = 48, value: int = 128, quality: int = 90) -> bytes:
    img = np.full((height, width, 3), value, np.uint8)
    cv2.putText(img, str(value), (2, height // 2), cv2.FONT_HERSHEY_SIMPLEX, 0.4,
                (255 - value,) * 3, 1)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()
