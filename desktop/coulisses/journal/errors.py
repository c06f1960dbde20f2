"""Journal errors. Each message is one sentence a maker can act on."""

from __future__ import annotations

from coulisses.atomicio import DiskFullError
from coulisses.i18n import tr


class JournalError(Exception):
    """Base for problems the user should read (never shown as a traceback)."""


class PieceNotFound(JournalError):
    pass


class CaptureNotFound(JournalError):
    pass


class MomentNotFound(JournalError):
    pass


class CorruptFile(JournalError):
    """A journal file cannot be parsed; it is set aside, never overwritten."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(tr("{path} cannot be read ({reason})", path=path, reason=reason))
        self.path = path
        self.reason = reason


class UnreadableStill(JournalError):
    """A still on disk cannot be decoded (truncated, empty, not a JPEG)."""


class JournalTooNew(JournalError):
    pass


__all__ = [
    "CaptureNotFound",
    "CorruptFile",
    "DiskFullError",
    "JournalError",
    "JournalTooNew",
    "MomentNotFound",
    "PieceNotFound",
    "UnreadableStill",
]
