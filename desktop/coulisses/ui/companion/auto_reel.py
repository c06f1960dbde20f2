"""The reel that makes itself: a Result flagged in the window (F11, the Flag menu, the
phone) renders the piece's reel in the background with its remembered export options.

One ``ReelMaker`` for the window, shared with the phone companion while it is open (the
phone shows this reel's progress); it makes one reel at a time, once per Result moment.
Its thread is plain Python (the exporter needs no Qt); what it reports comes back to the
GUI thread as queued signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from coulisses.companion.host import ReelMaker, moments_of
from coulisses.journal import Journal
from coulisses.journal.added import mark
from coulisses.journal.errors import JournalError
from coulisses.journal.model import Moment

log = logging.getLogger(__name__)


class AutoReel(QObject):
    # Emitted on the reel's thread: receivers on the GUI thread get them queued.
    done = Signal(str)  # piece id: a reel was made (the export window lists it)
    failed = Signal(str)  # one sentence for the banner

    def __init__(self, journal: Journal, enabled: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.reels = ReelMaker(journal, on_done=self.done.emit, on_failed=self.failed.emit)
        # piece -> (piece.json's stamp, the Result moments it held then)
        self._results: dict[str, tuple[object, set[str]]] = {}

    def watch(self, piece_id: str) -> None:
        """The window shows this piece now: the Result moments it already has are old news."""
        self._results.pop(piece_id, None)
        self._read(piece_id)

    def check(self, piece_id: str) -> bool:
        """Another process changed the piece (the window's poll saw it): a Result that
        appeared since (``coulisses mark PIECE result`` in a terminal) starts the reel, as
        one flagged in the window does. Whether a reel started. Moments live in piece.json:
        the stills another process adds every few seconds change only its log, and cost
        one stat here, not a read."""
        known = self._results.get(piece_id)
        results = self._read(piece_id)
        if known is None or results is None or not self.enabled():
            return False
        new = results - known[1]
        return bool(new) and self.reels.start(piece_id, auto=True, moment_id=max(new))

    def _read(self, piece_id: str) -> set[str] | None:
        """The piece's Result moments, read again only when piece.json changed; None when
        it cannot be read now (what was known stays: the next change tells again)."""
        journal = self.reels.journal
        try:
            at = mark(journal, piece_id).tables
            known = self._results.get(piece_id)
            if known is not None and at is not None and known[0] == at:
                return known[1]
            results = {m.id for m in moments_of(journal, piece_id) if m.kind == "result"}
        except (JournalError, OSError) as exc:
            log.debug("moments of %s not read: %s", piece_id, exc)
            return None
        self._results[piece_id] = (at, results)
        return results

    def flagged(self, piece_id: str, moment: Moment) -> bool:
        """A moment was flagged in the window: a Result starts the reel (if wanted)."""
        if moment.kind != "result" or not self.enabled():
            return False
        return self.reels.start(piece_id, auto=True, moment_id=moment.id)

    def stop(self, wait: float = 5.0) -> None:
        """Cancel a reel being made (quitting): the exporter leaves nothing half written."""
        self.reels.stop(wait)
