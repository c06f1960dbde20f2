"""The reel that makes itself: a Result flagged in the window (F11, the Flag menu, the
phone) renders the piece's reel in the background with its remembered export options.

One ``ReelMaker`` for the window, shared with the phone companion while it is open (the
phone shows this reel's progress); it makes one reel at a time, once per Result moment.
Its thread is plain Python (the exporter needs no Qt); what it reports comes back to the
GUI thread as queued signals.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from coulisses.companion.host import ReelMaker
from coulisses.journal import Journal
from coulisses.journal.model import Moment


class AutoReel(QObject):
    # Emitted on the reel's thread: receivers on the GUI thread get them queued.
    done = Signal(str)  # piece id: a reel was made (the export window lists it)
    failed = Signal(str)  # one sentence for the banner

    def __init__(self, journal: Journal, enabled: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.reels = ReelMaker(journal, on_done=self.done.emit, on_failed=self.failed.emit)

    def flagged(self, piece_id: str, moment: Moment) -> bool:
        """A moment was flagged in the window: a Result starts the reel (if wanted)."""
        if moment.kind != "result" or not self.enabled():
            return False
        return self.reels.start(piece_id, auto=True, moment_id=moment.id)

    def stop(self, wait: float = 5.0) -> None:
        """Cancel a reel being made (quitting): the exporter leaves nothing half written."""
        self.reels.stop(wait)
