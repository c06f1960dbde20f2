"""When a photo was taken, from its EXIF data, else from the file's date.

Order of trust: DateTimeOriginal (the shutter), DateTimeDigitized, DateTime
(often rewritten by editors), then the file's modification time. EXIF times
are wall-clock times; the OffsetTime* tags say which zone, and without one
the time is taken as local time on this machine (the maker's camera and
laptop are normally in the same place). Results are aware UTC datetimes.

Reading never raises on damaged EXIF: the structure is checked and any
damage becomes a ``problem`` sentence the import reports.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from PIL import ExifTags, Image

from coulisses.i18n import tr

EXIF_ORIGINAL = "exif-original"
EXIF_DIGITIZED = "exif-digitized"
EXIF_DATETIME = "exif-datetime"
FILE_DATE = "file-date"

_T = ExifTags.Base
# (time tag, sub-second tag, offset tag, where it lives, what we call it)
_CANDIDATES = (
    (_T.DateTimeOriginal, _T.SubsecTimeOriginal, _T.OffsetTimeOriginal, "exif", EXIF_ORIGINAL),
    (_T.DateTimeDigitized, _T.SubsecTimeDigitized, _T.OffsetTimeDigitized, "exif",
     EXIF_DIGITIZED),
    (_T.DateTime, _T.SubsecTime, _T.OffsetTime, "ifd0", EXIF_DATETIME),
)
# Lenient: cameras write "2024:05:01 10:00:00", some tools "2024-05-01T10:00:00".
_DATETIME = re.compile(
    r"^\s*(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})[ T]+(\d{1,2}):(\d{1,2}):(\d{1,2})")
_OFFSET = re.compile(r"^\s*([+-])(\d{1,2}):?(\d{2})\s*$")


@dataclass(frozen=True, slots=True)
class ExifInfo:
    """What Coulisses needs from a photo's EXIF, read defensively."""

    tags: dict[int, Any]  # IFD0 tags
    exif_tags: dict[int, Any]  # the Exif sub-IFD (capture times live there)
    problem: str | None = None  # why the EXIF data could not be fully read

    @property
    def orientation(self) -> int:
        """EXIF orientation 1..8 (1 = upright); anything else counts as upright."""
        value = self.tags.get(_T.Orientation, 1)
        if isinstance(value, tuple | list) and value:
            value = value[0]
        try:
            value = int(value)
        except (TypeError, ValueError):
            return 1
        return value if 1 <= value <= 8 else 1


@dataclass(frozen=True, slots=True)
class CaptureTime:
    when: datetime  # aware, UTC
    source: str  # EXIF_ORIGINAL | EXIF_DIGITIZED | EXIF_DATETIME | FILE_DATE
    problem: str | None = None  # EXIF time present but unusable, or EXIF damaged

    @property
    def from_exif(self) -> bool:
        return self.source != FILE_DATE


def read_exif(img: Image.Image) -> ExifInfo:
    """The IFD0 and Exif-IFD tags of an opened image; never raises."""
    raw = img.info.get("exif")
    problem = tiff_problem(bytes(raw)) if isinstance(raw, bytes | bytearray) and raw else None
    try:
        exif = img.getexif()
        tags = dict(exif)
        try:
            exif_tags = dict(exif.get_ifd(ExifTags.IFD.Exif))
        except Exception as exc:  # a broken sub-IFD pointer: keep IFD0
            exif_tags = {}
            problem = problem or _damaged(str(exc))
    except Exception as exc:  # Pillow raises a zoo of types on garbage EXIF
        tags, exif_tags = {}, {}
        problem = problem or _damaged(str(exc))
    return ExifInfo(tags, exif_tags, problem)


def tiff_problem(raw: bytes) -> str | None:
    """Why an EXIF block cannot be trusted, or None when its structure holds.

    Pillow reads damaged EXIF silently (a warning at most, and warnings are
    process-global, so useless from worker threads): check the TIFF
    structure it rests on instead. Only the tables that matter here are checked.
    """
    data = bytes(raw[6:]) if raw[:6] == b"Exif\x00\x00" else bytes(raw)
    if data[:4] == b"II*\x00":
        order = "<"
    elif data[:4] == b"MM\x00*":
        order = ">"
    else:
        return _damaged(tr("no TIFF header"))

    def table_ok(offset: int) -> bool:
        if offset < 8 or offset + 2 > len(data):
            return False
        (count,) = struct.unpack_from(order + "H", data, offset)
        return offset + 2 + 12 * count <= len(data)

    if len(data) < 8 or not table_ok(struct.unpack_from(order + "I", data, 4)[0]):
        return _damaged(tr("the tag table is cut short or points outside the data"))
    ifd0 = struct.unpack_from(order + "I", data, 4)[0]
    (count,) = struct.unpack_from(order + "H", data, ifd0)
    for i in range(count):
        entry = ifd0 + 2 + 12 * i
        tag, kind = struct.unpack_from(order + "HH", data, entry)
        if tag == ExifTags.IFD.Exif and kind in (4, 13):  # LONG or IFD pointer
            (sub,) = struct.unpack_from(order + "I", data, entry + 8)
            if not table_ok(sub):
                return _damaged(tr("the capture-details table points outside the data"))
    return None


def _damaged(detail: str) -> str:
    detail = " ".join(detail.split()).rstrip(".")
    return tr("its EXIF data is damaged ({detail})", detail=detail) if detail \
        else tr("its EXIF data is damaged")


def parse_exif_datetime(text: Any, subsec: Any = None, offset: Any = None) -> datetime | None:
    """An EXIF date-time (+ sub-seconds, + offset) as aware UTC, or None when blank.

    Raises ValueError when the text is there but is not a date (a damaged tag).
    """
    text = _as_text(text)
    if text is None or not text.strip(" \x00:0-"):
        return None  # missing, or the all-zero / blank value of a camera with no clock set
    m = _DATETIME.match(text)
    if not m:
        raise ValueError(text)
    year, month, day, hour, minute, second = (int(g) for g in m.groups())
    if not 1900 <= year <= 2200:
        raise ValueError(text)
    if second == 60:  # leap second written literally by some firmware
        second = 59
    micro = _subsec_micros(subsec)
    wall = datetime(year, month, day, hour, minute, second, micro)  # ValueError if day 31/02
    tz = _parse_offset(offset)
    local = wall.replace(tzinfo=tz) if tz is not None else wall.astimezone()
    return local.astimezone(UTC)


def capture_time(img: Image.Image, mtime: float, exif: ExifInfo | None = None) -> CaptureTime:
    """When ``img`` was taken: its best EXIF time, else ``mtime`` (seconds since epoch)."""
    info = exif if exif is not None else read_exif(img)
    problem = info.problem
    for time_tag, subsec_tag, offset_tag, where, name in _CANDIDATES:
        table = info.exif_tags if where == "exif" else info.tags
        # IFD0's DateTime has its sub-seconds and offset in the Exif IFD.
        value = table.get(time_tag)
        try:
            when = parse_exif_datetime(value, info.exif_tags.get(subsec_tag),
                                       info.exif_tags.get(offset_tag))
        except (ValueError, OverflowError):
            if problem is None:
                problem = tr("its EXIF capture time {value!r} is not a valid date",
                             value=_as_text(value))
            continue
        if when is not None:
            return CaptureTime(when, name, None)
    return CaptureTime(datetime.fromtimestamp(mtime, UTC), FILE_DATE, problem)


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if isinstance(value, tuple | list):
        value = value[0] if value else ""
    return str(value).strip("\x00 ")


def _subsec_micros(value: Any) -> int:
    # "123" means .123 s, "5" means .5 s: the digits are a decimal fraction.
    text = _as_text(value)
    if not text:
        return 0
    digits = "".join(c for c in text if c.isdigit())
    if not digits:
        return 0
    return int((digits + "000000")[:6])


def _parse_offset(value: Any) -> timezone | None:
    text = _as_text(value)
    if not text:
        return None
    if text.upper() == "Z":
        return UTC
    m = _OFFSET.match(text)
    if not m:
        return None  # a blank "   :  " offset: no zone known, fall back to local time
    sign, hours, minutes = m.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if sign == "-" else delta)
