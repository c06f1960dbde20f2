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


class ChangedElsewhere(JournalError):
    """An edit given ``expect=`` found another value stored (another window, the command
    line, a second computer changed it meanwhile): nothing was changed. The window's undo
    says so and leaves the value as it is."""


class CorruptFile(JournalError):
    """A journal file is damaged (not JSON, the wrong shape, a link): it is set aside,
    never overwritten, and recovered from a kept version."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(tr("{path} cannot be read ({reason})", path=path, reason=reason))
        self.path = path
        self.reason = reason


class UnreadableFile(JournalError):
    """A journal file that exists but cannot be read now (an I/O or permission error,
    a network drive or an online-only placeholder): never treated as damaged, so
    nothing on disk is changed because of it."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(tr("Coulisses cannot read {path} right now ({reason}); nothing was "
                            "changed. Check that the disk or network folder is connected and "
                            "that the file is kept on this computer, then try again.",
                            path=path, reason=reason))
        self.path = path
        self.reason = reason


class MissingFile(JournalError):
    """A journal file that should be there is not (deleted by a sync client, a crash
    of an older version): recovered from a kept version, like a damaged one."""

    def __init__(self, path: object) -> None:
        super().__init__(tr("{path} is missing", path=path))
        self.path = path


class UnreadableStill(JournalError):
    """A still on disk cannot be decoded (truncated, empty, not a JPEG). ``problem`` is
    the phrase without the path, for sentences that must not name the file (a published
    export's record)."""

    def __init__(self, message: str, problem: str = "") -> None:
        super().__init__(message)
        self.problem = problem or message


class JournalTooNew(JournalError):
    pass


__all__ = [
    "CaptureNotFound",
    "ChangedElsewhere",
    "CorruptFile",
    "DiskFullError",
    "JournalError",
    "JournalTooNew",
    "MissingFile",
    "MomentNotFound",
    "PieceNotFound",
    "UnreadableFile",
    "UnreadableStill",
]
