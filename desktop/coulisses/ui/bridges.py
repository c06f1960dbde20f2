"""Journal and capture events become queued Qt signals.

Journal listeners and capture observers run on the writer's thread (a capture
thread, an import worker). Emitting a signal of a QObject that lives on the GUI
thread from there makes Qt queue the call: widgets are only touched on the GUI
thread. Work done by another process (a `coulisses capture` in a terminal, a
Raspberry Pi writing to a shared folder) has no listener to call us: a timer
polls the journal's cheap change token instead, and for the piece on screen a
few stats (``journal.added.stamp``) that cost the same whatever its size.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from coulisses.capture.session import CaptureEvent, CaptureSession
from coulisses.journal import Journal, JournalEvent
from coulisses.journal.added import stamp

log = logging.getLogger(__name__)

POLL_MS = 1000  # other processes' work shows within 2 s


class JournalBridge(QObject):
    """``changed(piece_id, kind)`` for every change to the journal, from any thread or process.

    ``kind`` is the journal event kind, or "external" when the poll found a
    change made by another process; ``pieces_changed`` when pieces came or went.
    """

    changed = Signal(str, str)
    pieces_changed = Signal()

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._unsubscribe: Callable[[], None] | None = journal.subscribe(self._on_event)
        self._watched: str | None = None
        self._tokens: dict[str | None, object] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def watch(self, piece_id: str | None) -> None:
        """Poll this piece (the one on screen) for other processes' changes."""
        self._watched = piece_id
        self._tokens = {None: self._token(None)}
        if piece_id:
            self._tokens[piece_id] = self._token(piece_id)

    def _token(self, piece_id: str | None) -> object:
        try:
            if piece_id is not None:
                return stamp(self.journal, piece_id)  # never a listing of a day's stills
            return self.journal.change_token(None)
        except Exception as exc:  # a vanished piece, a folder gone: the next poll tells
            log.debug("change token of %s: %s", piece_id, exc)
            return exc.__class__.__name__

    def poll(self) -> None:
        for key in (None, self._watched) if self._watched else (None,):
            token = self._token(key)
            if key in self._tokens and token != self._tokens[key]:
                if key is None:
                    self.pieces_changed.emit()
                else:
                    self.changed.emit(key, "external")
            self._tokens[key] = token

    def _on_event(self, event: JournalEvent) -> None:  # any thread
        if event.kind == "piece-created":
            self.pieces_changed.emit()
        self.changed.emit(event.piece_id, event.kind)

    def close(self) -> None:
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


class CaptureBridge(QObject):
    """A capture session's events, delivered on the GUI thread."""

    event = Signal(object)  # CaptureEvent

    def __init__(self, session: CaptureSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = session.subscribe(self._on_event)

    def _on_event(self, event: CaptureEvent) -> None:  # capture thread
        self.event.emit(event)

    def close(self) -> None:
        self._unsubscribe()
