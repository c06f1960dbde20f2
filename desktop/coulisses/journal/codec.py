"""The one still codec: JPEG bytes <-> pixels, thumbnails and suggestion signatures.

Capture, import, the signature finder and export all go through here, so a
still is encoded, checked and decoded the same way everywhere.

OpenCV happily decodes a truncated JPEG (the missing part comes out grey), so
completeness is checked on the bytes first: a JPEG starts with SOI and ends
with EOI (FF D9), possibly followed by padding. ``cv2.imdecode`` applies the
EXIF orientation, so a photo stored with its original bytes comes out upright.

The thumbnail is made from the same decoded frame (never by re-reading the
JPEG): the timeline strip and the suggestion finder read thumbnails only.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from coulisses.i18n import tr
from coulisses.journal.errors import UnreadableStill
from coulisses.journal.sigstore import (  # noqa: F401 - part of the codec's API
    CHROMA_H,
    CHROMA_W,
    LUMA_SIZE,
    SIG_H,
    SIG_SIZE,
    SIG_W,
)

STILL_QUALITY = 90
THUMB_LONG_SIDE = 320
THUMB_QUALITY = 80

# A signature is a still's brightness shrunk to 24x18 and its chroma to 12x9 (area
# averages, which also average away most sensor noise): what the suggestion finder
# compares. Colour matters: terracotta on a wooden bench, or wet grey clay on a grey
# wheel head, sit at nearly the same brightness.

_REDUCED = {1: cv2.IMREAD_COLOR, 2: cv2.IMREAD_REDUCED_COLOR_2,
            4: cv2.IMREAD_REDUCED_COLOR_4, 8: cv2.IMREAD_REDUCED_COLOR_8}


# ------------------------------------------------------------------- encoding
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


# ----------------------------------------------------------------- signatures
def signature_from_gray(gray: np.ndarray) -> np.ndarray:
    """24x18 area-averaged grey levels, flattened (uint8): the old, grey signature."""
    small = cv2.resize(gray, (SIG_W, SIG_H), interpolation=cv2.INTER_AREA)
    return small.reshape(-1)


def signature_from_bgr(frame: np.ndarray) -> np.ndarray:
    """Luma at 24x18 then Cr and Cb at 12x9, area-averaged, flattened (uint8, 648 values)."""
    ycc = cv2.cvtColor(frame, cv2.COLOR_BGR2YCrCb)
    luma = cv2.resize(ycc[..., 0], (SIG_W, SIG_H), interpolation=cv2.INTER_AREA)
    chroma = cv2.resize(ycc[..., 1:], (CHROMA_W, CHROMA_H), interpolation=cv2.INTER_AREA)
    return np.concatenate((luma.reshape(-1), chroma[..., 0].reshape(-1),
                           chroma[..., 1].reshape(-1)))


def signature_from_jpeg(data: bytes) -> np.ndarray | None:
    """The signature of a JPEG (a thumbnail, or a still at 1/8 size); None if unreadable."""
    if jpeg_problem(data):
        return None
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_REDUCED_COLOR_8)
    if img is None or img.size == 0:
        return None
    return signature_from_bgr(img)


# ------------------------------------------------------------------- decoding
def jpeg_problem(data: bytes) -> str | None:
    """Why these bytes are not a complete JPEG, or None when they are."""
    if not data:
        return tr("the file is empty")
    if data[:2] != b"\xff\xd8":
        return tr("it is not a JPEG file")
    # EOI may be followed by a little padding (some cameras add zeros).
    if b"\xff\xd9" not in data[-64:]:
        return tr("the file is truncated")
    return None


def read_still_bytes(path: Path) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableStill(tr("{path} cannot be read ({problem}); it was skipped",
                                 path=path, problem=exc.strerror or exc),
                              str(exc.strerror or exc)) from exc
    problem = jpeg_problem(data)
    if problem:
        raise UnreadableStill(tr("{path} cannot be used ({problem}); it was skipped",
                                 path=path, problem=problem), problem)
    return data


def decode_still(data: bytes, path: Path, reduce: int = 1) -> np.ndarray:
    """Decode bytes read by ``read_still_bytes`` to upright BGR, at 1/``reduce`` size."""
    img = cv2.imdecode(np.frombuffer(data, np.uint8), _REDUCED.get(reduce, cv2.IMREAD_COLOR))
    if img is None:
        raise UnreadableStill(tr("{path} cannot be decoded as an image; it was skipped",
                                 path=path), tr("it cannot be decoded as an image"))
    return img


def read_still(path: Path, reduce: int = 1) -> np.ndarray:
    """Decode a still to BGR (optionally at 1/2, 1/4, 1/8 size: much faster)."""
    return decode_still(read_still_bytes(path), path, reduce)
