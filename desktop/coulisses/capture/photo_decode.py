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

A picture too large to decode is refused from its header, before any pixel
is decoded (``MAX_PIXELS``, ``MAX_WHOLE_PIXELS``), and all the decodes of
the process share one memory budget (``DECODE_BUDGET``), so an import's
memory stays bounded whatever a folder holds and however many workers run.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import struct
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from coulisses.capture.exif_time import CaptureTime, ExifInfo, capture_time, read_exif
from coulisses.heap import give_back
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
# How large a picture may be, checked on the header before any pixel is decoded
# (a 164 KB PNG of one colour can open to 13,000x13,000 pixels: ~2 GB to decode).
# The largest photos made today are 200-MP phone shots (16320x12240 = 199.8 MP:
# Samsung Galaxy S23/S24 Ultra, Xiaomi, Motorola); medium-format cameras stop at
# 102 MP (Fujifilm GFX100, 11648x8736) and 151 MP (Phase One IQ4). A JPEG that
# size is decoded at 1/4 or 1/8 scale (``draft``: ~50 MB), so JPEGs are taken up
# to MAX_PIXELS, 5% over the largest phone; anything larger is a scan, a poster
# or a decompression bomb, not a photo of the work.
MAX_PIXELS = 210_000_000
# PNG, HEIC and progressive JPEG cannot be decoded at a reduced size: the whole
# picture is held at once, ~4 bytes a pixel in Pillow plus one converted copy
# (a progressive JPEG: up to 6 bytes a pixel of coefficients). 120 MP takes the
# largest HEIF a camera writes (GFX100: 102 MP) and a 600-dpi A3 scan (70 MP),
# and keeps one such decode under ~1 GB.
MAX_WHOLE_PIXELS = 120_000_000
# Bytes of pixels all imports of this process may decode at once (every worker
# thread, the watch folder too): one 120-MP PNG at a time, or several photos side
# by side, whatever a folder holds. A decode waits for its share, in turn.
DECODE_BUDGET = 1 << 30
# Pillow's own guard (a DecompressionBombError at twice this) stays as a backstop
# for the rest of the app; below it, the checks above speak, naming the size.
# Its default (89 MP, so an error at 179 MP) would refuse the 200-MP phone photo.
Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, MAX_PIXELS)

# Pillow warns (process-wide, once per place) on damaged EXIF and on images
# over MAX_IMAGE_PIXELS; both cases are reported properly by the import, so the raw
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
        except Image.DecompressionBombError as exc:  # over twice MAX_PIXELS: Pillow's guard
            raise _bomb_error(exc) from None
        except Exception as exc:  # plugins (HEIF) raise their own types on bad headers
            raise _decode_error(exc) from None
        with img:
            _check_size(img)  # from the header: nothing is decoded yet
            if img.format == "PNG" and "exif" not in img.info:
                img.info["exif"] = _png_exif(fh)  # else read_exif would decode every pixel
            exif = read_exif(img)
            header = PhotoHeader(path, img.format or "?", img.size,
                                 capture_time(img, st.st_mtime, exif), exif,
                                 (st.st_size, st.st_mtime_ns))
            yield img, header, fh


# An eXIf chunk larger than this is not EXIF (a camera's is under 64 KB).
_PNG_EXIF_MAX = 1 << 20


def _png_exif(fh: BinaryIO) -> bytes:
    """A PNG's eXIf chunk, wherever it is, found by hopping over chunks; b"" if none.

    Pillow reads an eXIf placed after the pixels only by decoding them all
    (``getexif`` calls ``load``): seconds and gigabytes for a large PNG, just to
    learn when it was taken. Here only the 8-byte chunk headers are read.
    """
    pos = fh.tell()
    try:
        fh.seek(8)  # the PNG signature
        while True:
            head = fh.read(8)
            if len(head) < 8:
                return b""
            length, kind = struct.unpack(">I4s", head)
            if kind == b"eXIf":
                data = fh.read(length) if length <= _PNG_EXIF_MAX else b""
                return b"Exif\x00\x00" + data if len(data) == length and data else b""
            if kind == b"IEND":
                return b""
            fh.seek(length + 4, os.SEEK_CUR)  # the data and its CRC
    except OSError as exc:
        raise PhotoError(tr("it cannot be read ({error})", error=describe_os_error(exc)),
                         UNREADABLE) from None
    finally:
        fh.seek(pos)


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
    Decoding waits for its share of ``DECODE_BUDGET``; ``img`` is spent afterwards
    (its full-size pixels are released as soon as a smaller copy is made).
    """
    if data is not None and keeps_original(img, header):
        kept = _original_still(data, img, header)
        if kept is not None:
            return kept
    return _reencoded_still(img, header, max_side)


def _original_still(data: bytes, img: Image.Image,
                    header: PhotoHeader) -> DecodedStill | None:
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
    need = -(-w // reduce) * -(-h // reduce) * 3 * 2 + _whole_picture_bytes(img, header)
    try:
        with _budget.share(need):
            small = decode_stored(data, header.path, reduce)
    except UnreadableStill:
        return None
    if small.shape[:2] != (-(-h // reduce), -(-w // reduce)):
        return None
    return DecodedStill(data, make_thumbnail(small), w, h, original=True)


def _reencoded_still(img: Image.Image, header: PhotoHeader, max_side: int) -> DecodedStill:
    w, h = img.size
    scale = min(1.0, max_side / max(w, h))
    if img.format in ("JPEG", "MPO") and scale < 0.5:
        # DCT scaling: libjpeg decodes straight to 1/2, 1/4 or 1/8 size, never
        # below the requested size, so quality is kept and work drops 4-64x.
        img.draft("RGB", (max(1, int(w * scale + 0.999)), max(1, int(h * scale + 0.999))))
    dw, dh = img.size  # as it will be decoded
    if dw * dh > MAX_WHOLE_PIXELS:  # a JPEG that draft cannot shrink enough (a huge max_side)
        raise _too_large(img, MAX_WHOLE_PIXELS, header.size)
    need = dw * dh * _bytes_per_pixel(img) + _whole_picture_bytes(img, header)
    with _budget.share(need):
        try:
            img.load()
            small = _shrunk(img, max_side)
            rgb = _to_rgb(small)
            array = np.asarray(rgb)
        except Exception as exc:
            raise _decode_error(exc) from None
        finally:
            img.close()  # the full-size pixels go now, not when the caller's block ends
        del small, rgb
        bgr = cv2.cvtColor(array, cv2.COLOR_RGB2BGR)
        del array
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


# ------------------------------------------------------------- memory bounds
# Bytes a pixel takes in Pillow's own storage: 1 for L/P/1, 2 for 16-bit grey,
# 4 for every other mode (RGB is stored as RGBX).
_STORED_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2, "I;16N": 2}
# Modes Image.reduce() averages correctly (not palette indices, not 16-bit grey).
_REDUCIBLE = frozenset({"L", "LA", "La", "RGB", "RGBA", "RGBa", "RGBX", "I", "F", "CMYK",
                        "YCbCr"})
# Modes reduced with no full-size copy (LA and RGBA go through a premultiplied one).
_REDUCED_AS_IS = frozenset({"L", "RGB", "RGBX", "I", "F", "CMYK", "YCbCr"})
# Shares at least this large give their freed memory back to the system when done.
_TRIM_FROM = 64 << 20


def _bytes_per_pixel(img: Image.Image) -> int:
    """Peak bytes a decoded pixel costs: Pillow's storage, a full-size converted copy
    when the mode needs one before shrinking, libheif's own copy for a HEIC, and 1
    for the decoder and the smaller copies (measured: a 110-MP palette PNG peaked at
    5.7 bytes a pixel, a 24-MP HEIC at 7 while it loads)."""
    heif = 3 if img.format in ("HEIF", "AVIF") else 0
    return _STORED_BYTES.get(img.mode, 4) + (0 if img.mode in _REDUCED_AS_IS else 4) + heif + 1


def _held_whole(img: Image.Image) -> bool:
    """Decoded whole whatever the size asked: all but baseline JPEG (PNG, HEIC, progressive)."""
    return img.format not in ("JPEG", "MPO") or bool(img.info.get("progressive"))


def _whole_picture_bytes(img: Image.Image, header: PhotoHeader) -> int:
    """The coefficients libjpeg keeps for a whole progressive JPEG, even when drafted."""
    if img.format not in ("JPEG", "MPO") or not img.info.get("progressive"):
        return 0
    w, h = header.size  # as stored: draft() only changes the size decoded
    return w * h * 2 * len(img.getbands())


def _check_size(img: Image.Image) -> None:
    """Refuse, from the header, a picture too large to decode (see MAX_PIXELS)."""
    w, h = img.size
    if w * h > MAX_PIXELS:
        raise _too_large(img, MAX_PIXELS)
    if _held_whole(img) and w * h > MAX_WHOLE_PIXELS:
        raise _too_large(img, MAX_WHOLE_PIXELS)


def _too_large(img: Image.Image, limit: int,
               size: tuple[int, int] | None = None) -> PhotoError:
    w, h = size or img.size
    kind = img.format or "?"
    if kind in ("JPEG", "MPO") and img.info.get("progressive"):
        kind = tr("progressive JPEG")  # held whole, unlike a baseline JPEG of the same size
    return PhotoError(tr("the image is too large to import ({w}×{h} pixels; Coulisses imports "
                         "a {format} of up to {limit} megapixels): save a smaller copy and "
                         "import that", w=w, h=h, format=kind, limit=limit // 1_000_000),
                      TOO_LARGE)


def _bomb_error(exc: Image.DecompressionBombError) -> PhotoError:
    # Pillow says "Image size (450000000 pixels) exceeds limit of …": keep the size.
    found = re.search(r"\((\d+) pixels\)", str(exc))
    if found is None:
        return PhotoError(tr("the image is too large to import"), TOO_LARGE)
    return PhotoError(tr("the image is too large to import ({mp} megapixels; Coulisses imports "
                         "photos of up to {limit} megapixels): save a smaller copy and import "
                         "that", mp=int(found.group(1)) // 1_000_000,
                         limit=MAX_PIXELS // 1_000_000), TOO_LARGE)


def _shrunk(img: Image.Image, max_side: int) -> Image.Image:
    """``img`` box-averaged by a whole factor to no less than ``max_side`` (or itself).

    Done in Pillow's storage before any conversion, so a big picture is never
    copied at full size more than once (palette and 16-bit modes are converted
    first: averaging palette indices would mix unrelated colours).
    """
    factor = max(img.size) // max_side
    if factor < 2:
        return img
    if img.mode not in _REDUCIBLE:
        if img.mode.startswith("I;16"):
            img = img.convert("I")
        elif img.mode == "1":
            img = img.convert("L")
        elif img.mode in ("P", "PA") and (img.mode == "PA" or "transparency" in img.info):
            img = img.convert("RGBA")
        else:
            img = img.convert("RGB")
    return img.reduce(factor)


class _Budget:
    """A count of bytes shared by the threads that decode, served first come, first served.

    A share larger than the whole is cut to the whole (it then runs alone); taking
    turns in order keeps a large decode from waiting forever behind small ones.
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self._free = total
        self._cond = threading.Condition()
        self._next = 0  # ticket of the next thread to ask
        self._serving = 0  # ticket whose turn it is

    @contextlib.contextmanager
    def share(self, nbytes: int) -> Iterator[None]:
        n = max(0, min(int(nbytes), self.total))
        with self._cond:
            ticket = self._next
            self._next += 1
            self._cond.wait_for(lambda: self._serving == ticket and self._free >= n)
            self._serving += 1
            self._free -= n
            self._cond.notify_all()
        try:
            yield
        finally:
            if n >= _TRIM_FROM:
                give_back()  # glibc kept the decode's peak in this thread's arena
            with self._cond:
                self._free += n
                self._cond.notify_all()


_budget = _Budget(DECODE_BUDGET)


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
