"""What the pieces list shows, gathered off the GUI thread (no Qt widgets here)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from coulisses.journal import Journal, JournalError
from coulisses.journal.added import Mark, added_since, mark
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


# (journal folder, piece) -> where the last look stood, the newest still, the count and
# when the folders were last listed (a file deleted by hand leaves no trace in the log).
_SEEN: dict[tuple[str, str], tuple[Mark, Capture, int, float]] = {}
_SEEN_LOCK = threading.Lock()
RELIST_S = 600.0


def _latest_and_count(journal: Journal, piece_id: str) -> tuple[Capture | None, int]:
    """The newest still and how many: while only stills were added since the last look (a
    capture running), from the stills added, not from a listing of a day folder that
    grows all day (172,800 names at two stills a second)."""
    key = (str(journal.home), piece_id)
    with _SEEN_LOCK:
        seen = _SEEN.get(key)
    if seen is not None and time.monotonic() - seen[3] > RELIST_S:
        seen = None
    got = added_since(journal, piece_id, seen[0]) if seen is not None else None
    if seen is not None and got is not None:
        added, at = got
        _, latest, count, listed = seen
        # A still at or before the newest one (a photo of the past, or one the listing
        # below already counted) needs the listing.
        if all(c.id > latest.id for c in added):
            if added:
                latest = max(added, key=lambda c: c.id)
                count += len({c.id for c in added})
            with _SEEN_LOCK:
                _SEEN[key] = (at, latest, count, listed)
            return latest, count
    at = mark(journal, piece_id)  # first: what comes meanwhile is read next time
    listed = time.monotonic()
    latest = journal.latest_capture(piece_id)
    count = journal.still_count(piece_id)
    with _SEEN_LOCK:
        if latest is not None:
            _SEEN[key] = (at, latest, count, listed)
        else:
            _SEEN.pop(key, None)
    return latest, count


def summarise(journal: Journal, piece: Piece) -> PieceSummary:
    latest, count = _latest_and_count(journal, piece.id)
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
