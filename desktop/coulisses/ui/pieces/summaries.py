"""What the pieces list shows, gathered off the GUI thread (no Qt widgets here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from coulisses.journal import Journal, JournalError
from coulisses.journal.model import Capture, Piece
from coulisses.ui.images import load_image

THUMB = QSize(72, 54)


@dataclass(frozen=True, slots=True)
class PieceSummary:
    piece: Piece
    stills: int
    last_activity: datetime
    latest: Capture | None
    thumbnail: QImage  # null when the piece has no still yet

    @property
    def archived(self) -> bool:
        return self.piece.typed_settings.archived

    @property
    def demo(self) -> bool:
        return self.piece.typed_settings.demo


def summarise(journal: Journal, piece: Piece) -> PieceSummary:
    latest = journal.latest_capture(piece.id)
    count = journal.still_count(piece.id)
    last = journal.last_activity(piece.id, latest=latest)  # the journal's definition
    thumb = QImage()
    if latest is not None:
        own = latest.own_thumb()
        thumb = load_image(own, THUMB) if own is not None else QImage()
        if thumb.isNull() and not latest.path.is_symlink():
            thumb = load_image(latest.path, THUMB)
    return PieceSummary(piece, count, last, latest, thumb)


def load_summaries(journal: Journal) -> list[PieceSummary]:
    """Every piece, most recent activity first (archived ones included: the view filters)."""
    out: list[PieceSummary] = []
    for piece in journal.pieces():
        try:
            out.append(summarise(journal, piece))
        except (JournalError, OSError):  # one damaged piece never hides the others
            continue
    out.sort(key=lambda s: s.last_activity, reverse=True)
    return out
