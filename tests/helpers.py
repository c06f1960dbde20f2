"""Small builders shared by tests: real JPEG bytes, real frames."""

from __future__ import annotations

import time
from collections.abc import Callable

import cv2
import numpy as np


def jpeg_bytes(width: int = 64, height: int = 48, value: int = 128, quality: int = 90) -> bytes:
    img = np.full((height, width, 3), value, np.uint8)
    cv2.putText(img, str(value), (2, height // 2), cv2.FONT_HERSHEY_SIMPLEX, 0.4,
                (255 - value,) * 3, 1)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def wait_until(cond: Callable[[], object], timeout: float = 10.0, step: float = 0.02) -> bool:
    """Poll ``cond`` until it is true or ``timeout`` seconds pass; its last answer."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(step)
    return bool(cond())


def fill_disk(path) -> None:
    """Write zeros into ``path`` until the filesystem holding it is full (a real ENOSPC)."""
    import os

    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
