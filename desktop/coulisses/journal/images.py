"""Reading stills back, with a clear error for a damaged file.

OpenCV happily decodes a truncated JPEG (the missing part comes out grey), so
completeness is checked on the bytes first: a JPEG starts with SOI and ends
with EOI (FF D9), possibly followed by padding.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from coulisses.journal.errors import UnreadableStill

_REDUCED = {1: cv2.IMREAD_COLOR, 2: cv2.IMREAD_REDUCED_COLOR_2,
            4: cv2.IMREAD_REDUCED_COLOR_4, 8: cv2.IMREAD_REDUCED_COLOR_8}


def jpeg_problem(data: bytes) -> str | None:
    """Why these bytes are not a complete JPEG, or None when they are."""
    if not data:
        return "the file is empty"
    if data[:2] != b"\xff\xd8":
        return "it is not a JPEG file"
    # EOI may be followed by a little padding (some cameras add zeros).
    if b"\xff\xd9" not in data[-64:]:
        return "the file is truncated"
    return None


def read_still_bytes(path: Path) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableStill(f"{path} cannot be read ({exc.strerror or exc}); "
                              "it was skipped") from exc
    problem = jpeg_problem(data)
    if problem:
        raise UnreadableStill(f"{path} cannot be used ({problem}); it was skipped")
    return data


def decode_still(data: bytes, path: Path, reduce: int = 1) -> np.ndarray:
    """Decode bytes read by ``read_still_bytes`` to BGR, at 1/``reduce`` size (1, 2, 4, 8)."""
    img = cv2.imdecode(np.frombuffer(data, np.uint8), _REDUCED.get(reduce, cv2.IMREAD_COLOR))
    if img is None:
        raise UnreadableStill(f"{path} cannot be decoded as an image; it was skipped")
    return img


def read_still(path: Path, reduce: int = 1) -> np.ndarray:
    """Decode a still to BGR (optionally at 1/2, 1/4, 1/8 size: much faster)."""
    return decode_still(read_still_bytes(path), path, reduce)
