"""Turning a photo file (JPEG, PNG, HEIC/HEIF) into a still and its thumbnail.

Two steps, so an import can skip a photo it already has after reading only
the header: ``opened`` (header, EXIF, capture time; cheap) then
``decode_still``. The original file is only ever read.

A JPEG that both Pillow and OpenCV read, of at most ``ORIGINAL_MAX_SIDE``
pixels, is stored as its own bytes: no decode at full size, no second
generation of JPEG loss, its EXIF kept in the maker's journal. Its EXIF
orientation is applied when it is read, as every viewer does (the journal's
codec decodes with ``cv2.imdecode``, which applies it at every reduction),
and its thumbnail is made upright from a reduced decode. Everything else
(HEIC, PNG, CMYK, bigger photos, damaged EXIF) is decoded at a reduced size,
turned upright and re-encoded, no longer than ``max_side``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from coulisses.capture.exif_time import CaptureTime, ExifInfo, capture_time, read_exif
from coulisses.i18n import tr
from coulisses.journal.codec import THUMB_LONG_SIDE, encode_still, jpeg_problem, make_thumbnail
from coulisses.journal.codec import decode_still as decode_stored
from coulisses.journal.errors import UnreadableStill
from coulisses.os_errors import describe_os_error

try:  # HEIC/HEIF from phones; a missing plugin only loses that format
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_AVAILABLE = True
except ImportError:  # pragma: no cover - it is a declared dependency
    HEIF_AVAILABLE = False

MAX_SIDE = 3840  # long side of a re-encoded still: 4K, plenty for a 1080x1920 reel with crop room
# Long side up to which a JPEG is stored as it is. 8192 takes every phone's and
# camera's usual output (12, 24, 48 and 50 MP: 8160x6120), while one full decode
# stays <= ~150 MB (8192x6144x3); a 108 or 200 MP photo is scaled to MAX_SIDE.
ORIGINAL_MAX_SIDE = 8192
# Pixel layouts OpenCV decodes to the same colours as Pillow (not CMYK/YCCK).
_ORIGINAL_MODES = ("RGB", "L")
# Extensions looked at inside folders (a named file is always tried).
PHOTO_EXTENSIONS = frozenset({".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".heic", ".heif", ".hif"})
# Pillow itself refuses over ~179 MP (its decompression-bomb guard); this covers
# plugins that skip that check. Real cameras stay well under (~100 MP).
MAX_PIXELS = 200_000_000

# Pillow warns (process-wide, once per place) on damaged EXIF and on images
# over ~89 MP; both cases are reported properly by the import, so the raw
# warnings would only clutter a terminal. Truncated data must fail loudly:
# Pillow's default (LOAD_TRUNCATED_IMAGES False) is relied upon, not changed.
warnings.filterwarnings("ignore", message="(?i).*corrupt exif", category=UserWarning)
warnings.filterwarnings("ignore", category=UserWarning, module="PIL.TiffImagePlugin")
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

# Problem kinds: "incomplete" may be a file still being copied (the watch
# folder waits on those); the others will not get better by waiting.
INCOMPLETE = "incomplete"
UNREADABLE = "unreadable"
NOT_A_PHOTO = "not-a-photo"
DAMAGED = "damaged"
TOO_LARGE = "too-large"

# Orientation value -> transform of the stored pixels that makes them upright
# (the same table as PIL.ImageOps.exif_transpose, done on the smaller array).
_UPRIGHT = {
    2: lambda a: cv2.flip(a, 1),
    3: lambda a: cv2.rotate(a, cv2.ROTATE_180),
    4: lambda a: cv2.flip(a, 0),
    5: lambda a: cv2.transpose(a),
    6: lambda a: cv2.rotate(a, cv2.ROTATE_90_CLOCKWISE),
    7: lambda a: cv2.rotate(cv2.transpose(a), cv2.ROTATE_180),
    8: lambda a: cv2.rotate(a, cv2.ROTATE_90_COUNTERCLOCKWISE),
}


class PhotoError(Exception):
    """This file cannot become a still; ``reason`` is a sentence fragment for people."""

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


@dataclass(frozen=True, slots=True)
class PhotoHeader:
    path: Path
    format: str
    size: tuple[int, int]  # as stored, before orientation
    taken: CaptureTime
    exif: ExifInfo
    signature: tuple[int, int]  # (size in bytes, mtime_ns) when read: "has it changed since?"

    @property
    def orientation(self) -> int:
        return self.exif.orientation


@dataclass(frozen=True, slots=True)
class DecodedStill:
    jpeg: bytes  # what the journal stores
    thumbnail: bytes
    width: int  # upright
    height: int
    original: bool = False  # ``jpeg`` is the photo file's own bytes


@contextlib.contextmanager
def opened(path: Path) -> Iterator[tuple[Image.Image, PhotoHeader, BinaryIO]]:
    """Open ``path`` and read its header; the image and file stay usable inside the block."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise PhotoError(tr("it is a folder"), UNREADABLE)
        if not stat.S_ISREG(mode):  # a FIFO or a device would block open() forever
            raise PhotoError(tr("it is not a regular file"), UNREADABLE)
        fh: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed below, after decoding
    except OSError as exc:
        raise PhotoError(_unreadable(path, exc), UNREADABLE) from None
    with fh:
        st = os.fstat(fh.fileno())
        if st.st_size == 0:
            raise PhotoError(tr("the file is empty"), INCOMPLETE)
        try:
            img = Image.open(fh)
        except UnidentifiedImageError:
            fh.seek(0)
            if _looks_like_photo(fh.read(32)):
                # Starts like a photo but cannot be parsed: most often a copy that has
                # not finished (a HEIC cannot be read at all until its index is there).
                raise PhotoError(tr("the file is truncated or damaged"), INCOMPLETE) from None
            raise PhotoError(tr("it is not a photo Coulisses can read (JPEG, PNG or HEIC)"),
                             NOT_A_PHOTO) from None
        except Image.DecompressionBombError:
            raise PhotoError(tr("the image is too large to import"), TOO_LARGE) from None
        except Exception as exc:  # plugins (HEIF) raise their own types on bad headers
            raise _decode_error(exc) from None
        with img:
            exif = read_exif(img)
            header = PhotoHeader(path, img.format or "?", img.size,
                                 capture_time(img, st.st_mtime, exif), exif,
                                 (st.st_size, st.st_mtime_ns))
            yield img, header, fh


def read_header(path: Path) -> PhotoHeader:
    with opened(path) as (_, header, _fh):
        return header


def read_source(fh: BinaryIO) -> bytes:
    """All the bytes of a file from ``opened`` (the copy that is hashed and maybe stored)."""
    try:
        fh.seek(0)
        return fh.read()
    except OSError as exc:
        raise PhotoError(tr("it cannot be read ({error})", error=describe_os_error(exc)),
                         UNREADABLE) from None


def keeps_original(img: Image.Image, header: PhotoHeader) -> bool:
    """Whether this photo can be stored as its own bytes (see the module doc)."""
    return (img.format == "JPEG" and img.mode in _ORIGINAL_MODES
            and max(img.size) <= ORIGINAL_MAX_SIDE and header.exif.problem is None)


def decode_still(img: Image.Image, header: PhotoHeader, max_side: int = MAX_SIDE,
                 data: bytes | None = None) -> DecodedStill:
    """The still to store for ``img`` (from ``opened``) and its upright thumbnail.

    With the file's bytes in ``data``, a JPEG that qualifies is kept as it is;
    otherwise it is decoded, turned upright and re-encoded no longer than ``max_side``.
    """
    if data is not None and keeps_original(img, header):
        kept = _original_still(data, header)
        if kept is not None:
            return kept
    return _reencoded_still(img, header, max_side)


def _original_still(data: bytes, header: PhotoHeader) -> DecodedStill | None:
    """The photo's own bytes and a thumbnail, or None when OpenCV disagrees with Pillow.

    The journal's readers reject a JPEG without its end marker (a Pixel "motion
    photo" carries a video after it); OpenCV must decode it and apply the
    orientation Pillow read (checked on the decoded shape), else it is re-encoded.
    """
    if jpeg_problem(data):
        return None
    w, h = header.size
    if header.orientation >= 5:
        w, h = h, w  # upright size
    reduce = next((f for f in (8, 4, 2) if max(w, h) / f >= THUMB_LONG_SIDE), 1)
    try:
        small = decode_stored(data, header.path, reduce)
    except UnreadableStill:
        return None
    if small.shape[:2] != (-(-h // reduce), -(-w // reduce)):
        return None
    return DecodedStill(data, make_thumbnail(small), w, h, original=True)


def _reencoded_still(img: Image.Image, header: PhotoHeader, max_side: int) -> DecodedStill:
    w, h = img.size
    if w * h > MAX_PIXELS:
        raise PhotoError(tr("the image is too large to import ({w}×{h} pixels)", w=w, h=h),
                         TOO_LARGE)
    scale = min(1.0, max_side / max(w, h))
    if img.format in ("JPEG", "MPO") and scale < 0.5:
        # DCT scaling: libjpeg decodes straight to 1/2, 1/4 or 1/8 size, never
        # below the requested size, so quality is kept and work drops 4-64x.
        img.draft("RGB", (max(1, int(w * scale + 0.999)), max(1, int(h * scale + 0.999))))
    try:
        img.load()
        rgb = _to_rgb(img)
    except Exception as exc:
        raise _decode_error(exc) from None
    array = np.asarray(rgb)
    bgr = cv2.cvtColor(array, cv2.COLOR_RGB2BGR)
    del array, rgb
    long_side = max(bgr.shape[:2])
    if long_side > max_side:
        f = max_side / long_side
        size = (max(1, round(bgr.shape[1] * f)), max(1, round(bgr.shape[0] * f)))
        # Area averaging for real reductions (no aliasing); for a mild one such as
        # 4000 -> 3840 it is 7x slower than cubic and no better, so cubic there.
        how = cv2.INTER_CUBIC if f >= 0.75 else cv2.INTER_AREA
        bgr = cv2.resize(bgr, size, interpolation=how)
    turn = _UPRIGHT.get(header.orientation)
    if turn is not None:
        bgr = np.ascontiguousarray(turn(bgr))
    jpeg, thumb = encode_still(bgr)
    return DecodedStill(jpeg, thumb, bgr.shape[1], bgr.shape[0])


def _unreadable(path: Path, exc: OSError) -> str:
    """Why a photo cannot be opened, in words that point at the cause."""
    if os.path.islink(path):  # a link to nothing, or to itself (ln -s pic.jpg pic.jpg)
        return tr("it is a link to a file that cannot be read ({error})",
                  error=describe_os_error(exc))
    if isinstance(exc, FileNotFoundError):  # listed, then gone: moved or deleted meanwhile
        return tr("it was moved or deleted before it could be read")
    return tr("it cannot be read ({error})", error=describe_os_error(exc))


_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")


def _looks_like_photo(head: bytes) -> bool:
    """The first bytes of a JPEG, PNG or HEIF file."""
    return (head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"))
            or (head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS))


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode == "RGB":
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        # Transparent areas become white (as a viewer shows them), not black.
        rgba = img.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit greyscale PNG: scale to 8 bits instead of clipping to white.
        arr = np.asarray(img, dtype=np.uint32) >> 8
        return Image.fromarray(arr.astype(np.uint8)).convert("RGB")
    return img.convert("RGB")


def _decode_error(exc: BaseException) -> PhotoError:
    text = str(exc)
    low = text.lower()
    # Pillow says "truncated", libjpeg "premature end", libheif "unexpected end of file".
    if any(w in low for w in ("truncated", "premature end", "too short", "end of file")) \
            or isinstance(exc, EOFError):
        return PhotoError(tr("the file is truncated (an unfinished copy?)"), INCOMPLETE)
    if isinstance(exc, Image.DecompressionBombError):
        return PhotoError(tr("the image is too large to import"), TOO_LARGE)
    if isinstance(exc, MemoryError):
        return PhotoError(tr("there is not enough memory to decode it"), TOO_LARGE)
    detail = " ".join(text.split()).rstrip(".") or type(exc).__name__
    return PhotoError(tr("its image data is damaged ({detail})", detail=detail), DAMAGED)
