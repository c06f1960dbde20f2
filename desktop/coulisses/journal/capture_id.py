"""A still's id: parsed and validated once, and the only way from an id to a path.

A capture id is the still's file name without ``.jpg``:
``<YYYYMMDDTHHMMSS.mmmZ>[-<n>][~<source>]`` (UTC time, a sequence number when
several stills share a millisecond, the original file name of an imported
photo). Ids come back from disk and from other programs (piece.json, a move's
intent record, the command line, a synced journal), so a string is trusted
only once ``CaptureId`` accepts it: the source part carries no separator, no
control character, nothing a file system would read as a path, only valid
UTF-8, and a bounded number of bytes. A ``CaptureId`` is a ``str`` (it sorts,
compares and goes to JSON as the plain id), so the tables keep plain strings
and the check happens where a string turns into one.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

# The source part's limit: ``<stamp>-<n>~<part>.jpg`` and its temp name
# ``.<name>.<8 random>.tmp`` must fit in ext4's 255 bytes (see ids.MAX_PART_BYTES).
MAX_SOURCE_BYTES = 200
MAX_SEQ = 99_999
EXT = ".jpg"
STILLS = "stills"
THUMBS = "thumbs"

# Characters never allowed in the source part: path separators, what Windows
# refuses in a name, control characters, and "~" (it separates the source).
_UNSAFE = r'\x00-\x1f\x7f/\\:*?"<>|~'
_PATTERN = re.compile(
    rf"^(\d{{8}}T\d{{6}}\.\d{{3}}Z)(?:-([1-9]\d{{0,4}}))?(?:~([^{_UNSAFE}]+))?$")


class InvalidCaptureId(ValueError):
    """Text that is not a still's id; never turned into a path."""


def _source_ok(source: str) -> bool:
    if source.isascii():
        return len(source) <= MAX_SOURCE_BYTES
    try:
        encoded = source.encode("utf-8")  # refuses lone surrogates (undecodable names)
    except UnicodeEncodeError:
        return False
    return len(encoded) <= MAX_SOURCE_BYTES


def _read(text: object) -> tuple[datetime, str | None] | None:
    """(time, source) of a valid id, else None: the one check every way in goes through."""
    if not isinstance(text, str) or len(text) > 20 + 6 + 1 + MAX_SOURCE_BYTES:
        return None
    m = _PATTERN.match(text)
    if m is None:
        return None
    source = m.group(3)
    if source is not None and not _source_ok(source):
        return None
    try:
        return datetime.fromisoformat(text[:19] + "+00:00"), source
    except ValueError:  # 20261399T… has the shape of a time but is none
        return None


def read_name(name: str) -> tuple[CaptureId, datetime, str | None] | None:
    """A still file's id, time and source from its name without ``.jpg``, else None
    (one check; what a scan of 100,000 stills calls)."""
    got = _read(name)
    if got is None:
        return None
    return str.__new__(CaptureId, name), got[0], got[1]


class CaptureId(str):
    """A validated capture id. ``CaptureId(text)`` raises ``InvalidCaptureId``."""

    __slots__ = ()

    def __new__(cls, text: str) -> CaptureId:
        if type(text) is cls:
            return text  # type: ignore[return-value]
        if _read(text) is None:
            raise InvalidCaptureId(f"not a still id: {text!r}")
        return super().__new__(cls, text)

    @classmethod
    def parse(cls, text: object) -> CaptureId | None:
        """The id, or None when ``text`` is not one (never raises)."""
        if type(text) is cls:
            return text  # type: ignore[return-value]
        if _read(text) is None:
            return None
        return super().__new__(cls, text)  # type: ignore[arg-type]

    @classmethod
    def make(cls, t: datetime, seq: int = 0, source: str | None = None) -> CaptureId:
        """The id of a still taken at ``t``; ``source`` must already be a safe part
        (``ids.safe_filename_part``)."""
        out = stamp(t)
        if seq:
            out += f"-{seq}"
        if source:
            out += f"~{source}"
        return cls(out)

    # ------------------------------------------------------------------ parts
    @property
    def time(self) -> datetime:
        return datetime.fromisoformat(self[:19] + "+00:00")

    @property
    def seq(self) -> int:
        m = _PATTERN.match(self)
        return int(m.group(2) or 0) if m else 0

    @property
    def source(self) -> str | None:
        i = self.find("~")
        return self[i + 1:] if i >= 0 else None

    @property
    def day(self) -> str:
        """The day folder (its first 8 characters are the UTC date)."""
        return f"{self[0:4]}-{self[4:6]}-{self[6:8]}"

    @property
    def file_name(self) -> str:
        return f"{self}{EXT}"

    # ------------------------------------------------------------------ paths
    def still_path(self, piece_dir: Path) -> Path:
        return piece_dir / STILLS / self.day / self.file_name

    def thumb_path(self, piece_dir: Path) -> Path:
        return piece_dir / THUMBS / self.day / self.file_name


def stamp(t: datetime) -> str:
    t = t.astimezone(UTC)
    return t.strftime("%Y%m%dT%H%M%S") + f".{t.microsecond // 1000:03d}Z"


def is_capture_id(text: object) -> bool:
    return _read(text) is not None


__all__ = ["MAX_SOURCE_BYTES", "CaptureId", "InvalidCaptureId", "is_capture_id", "read_name",
           "stamp"]
