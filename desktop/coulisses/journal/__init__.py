"""Journal layer: pieces, stills and moments on disk. Plain Python, no Qt."""

from coulisses.atomicio import DiskFullError
from coulisses.journal.edits import Change, MoveResult
from coulisses.journal.errors import (
    CaptureNotFound,
    ChangedElsewhere,
    CorruptFile,
    JournalError,
    JournalTooNew,
    MomentNotFound,
    PieceNotFound,
    UnreadableStill,
)
from coulisses.journal.hidden import HiddenRanges
from coulisses.journal.home import resolve_home
from coulisses.journal.journal import Journal, JournalEvent
from coulisses.journal.layout import is_journal_root
from coulisses.journal.model import (
    MOMENT_KINDS,
    Capture,
    Gap,
    Moment,
    Piece,
    PieceSnapshot,
    iso,
    parse_iso,
    utc_now,
)
from coulisses.journal.piece_settings import PieceSettings, StillSettings

__all__ = [
    "MOMENT_KINDS",
    "Capture",
    "CaptureNotFound",
    "Change",
    "ChangedElsewhere",
    "CorruptFile",
    "DiskFullError",
    "Gap",
    "HiddenRanges",
    "Journal",
    "JournalError",
    "JournalEvent",
    "JournalTooNew",
    "Moment",
    "MomentNotFound",
    "MoveResult",
    "Piece",
    "PieceNotFound",
    "PieceSettings",
    "PieceSnapshot",
    "StillSettings",
    "UnreadableStill",
    "is_journal_root",
    "iso",
    "parse_iso",
    "resolve_home",
    "utc_now",
]
