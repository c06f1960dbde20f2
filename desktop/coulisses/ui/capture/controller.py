"""Drives capture for the window: the session, its preview, and the source's preview.

The capture runs in the capture layer's own thread; the window only reads the
session's immutable state and receives its events through a queued signal.
Before Start, a Previewer shows the chosen source; it is released before the
session opens the same camera, so a device is never opened twice.

Why a source cannot be read (its preview failed, a start was refused, the capture
failed) is said once, by the status line (``problem_text``, the session's state):
``problem`` is only for one-off events, a snap that failed.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from coulisses.capture.preview import Previewer
from coulisses.capture.session import (
    CaptureEvent,
    CaptureSession,
    CaptureSettings,
    CaptureState,
    SnapFailed,
    Status,
)
from coulisses.capture.sources import SourceError
from coulisses.i18n import tr
from coulisses.journal import Journal
from coulisses.redaction import redact
from coulisses.ui.bridges import CaptureBridge
from coulisses.ui.images import qimage_from_bgr

log = logging.getLogger(__name__)

PREVIEW_MS = 80  # ~12 fps: alive enough, cheap enough for days
PREVIEW_SIDE = 640


class CaptureController(QObject):
    state_changed = Signal(object)  # CaptureState | None
    still_kept = Signal(object)  # Capture
    finished = Signal(object)  # CaptureState
    problem = Signal(str)  # one sentence for the banner, never with a stream password
    preview_image = Signal(QImage)
    preview_message = Signal(str)  # why there is no picture ("" once there may be one)
    snapped = Signal(object)  # Capture
    _snap_done = Signal(object)  # Future, from the capture thread

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.session: CaptureSession | None = None
        self._bridge: CaptureBridge | None = None
        self._previewer: Previewer | None = None
        self._preview_source: str | None = None
        self._preview_on = False
        self._last_seq = -1
        self._last_message = ""
        self._failure: str | None = None  # the chosen source could not be opened
        self._timer = QTimer(self)
        self._timer.setInterval(PREVIEW_MS)
        self._timer.timeout.connect(self._poll_preview)
        self._snap_done.connect(self._on_snap_done)

    # ------------------------------------------------------------------ state
    @property
    def recording(self) -> bool:
        return self.session is not None and self.session.running

    @property
    def piece_id(self) -> str | None:
        return self.session.piece_id if self.recording and self.session else None

    @property
    def state(self) -> CaptureState | None:
        return self.session.state if self.session is not None else None

    # ---------------------------------------------------------------- capture
    def start(self, piece_id: str, source: str, settings: CaptureSettings) -> bool:
        """Start capturing ``source`` into ``piece_id``; False (and a problem) if it cannot."""
        if self.recording:
            return False
        self._stop_previewer()
        try:
            session = CaptureSession(self.journal, piece_id, source, settings)
        except (SourceError, ValueError, OSError) as exc:
            self._failure = redact(str(exc))  # the status line says it
            self.state_changed.emit(self.state)
            return False
        self._failure = None
        self.session = session
        self._bridge = CaptureBridge(session, self)
        self._bridge.event.connect(self._on_event)
        self._last_seq = -1
        session.set_preview(self._preview_on, PREVIEW_SIDE)
        session.start()
        self.state_changed.emit(session.state)
        return True

    def stop(self, wait: bool = False, timeout: float = 10.0) -> None:
        """Stop after the current still; every stored still stays stored."""
        if self.session is not None:
            self.session.stop(wait=wait, timeout=timeout)
            if wait:
                self._finish(self.session.state)

    def snap_now(self) -> bool:
        if not self.recording or self.session is None:
            return False
        future = self.session.snap_now()
        future.add_done_callback(self._snap_done.emit)  # capture thread -> queued
        return True

    def _on_snap_done(self, future: Future) -> None:
        try:
            self.snapped.emit(future.result())
        except SnapFailed as exc:
            self._say(tr("No still was taken: {reason}", reason=str(exc)))
        except Exception as exc:  # noqa: BLE001 - a snap must never break the window
            self._say(tr("No still was taken: {reason}", reason=str(exc)))

    def _say(self, sentence: str) -> None:
        # Source errors are masked where they are made; a driver's or the OS's own
        # words may still quote the URL the maker typed.
        self.problem.emit(redact(sentence))

    def _on_event(self, event: CaptureEvent) -> None:
        if event.state.piece_id != (self.session.piece_id if self.session else None):
            return
        if event.kind == "kept" and event.capture is not None:
            self.still_kept.emit(event.capture)
        if event.kind == "finished":
            self._finish(event.state)
            return
        self.state_changed.emit(event.state)

    def _finish(self, state: CaptureState) -> None:
        if self._bridge is not None:
            self._bridge.close()
            self._bridge.deleteLater()
            self._bridge = None
        # A failure (state.error) is the status line's to say, from the state itself.
        self.state_changed.emit(state)
        self.finished.emit(state)
        if self._preview_on and self._preview_source:
            self._start_previewer(self._preview_source)

    # ---------------------------------------------------------------- preview
    def set_preview(self, on: bool, source: str | None = None) -> None:
        """Show a live preview: of the capture while recording, else of ``source``."""
        self._preview_on = on
        if source is not None and source != self._preview_source:
            self._preview_source = source
            self._stop_previewer()
            self._forget_failure()
        if self.recording and self.session is not None:
            self.session.set_preview(on, PREVIEW_SIDE)
        elif on and self._preview_source:
            if self._previewer is None:
                self._start_previewer(self._preview_source)
        else:
            self._stop_previewer()
        if on:
            self._timer.start()
        else:
            self._timer.stop()

    def _start_previewer(self, source: str) -> None:
        self._stop_previewer()
        try:
            self._previewer = Previewer(source, max_side=PREVIEW_SIDE)
            self._previewer.start()
        except (SourceError, ValueError, OSError) as exc:
            self._previewer = None
            self._failure = redact(str(exc))
            self._last_message = self._failure
            self.preview_message.emit(self._failure)
        self._last_seq = -1

    def _forget_failure(self) -> None:
        """Another source was chosen: what the previous one could not do no longer holds."""
        failed = self.session is not None and not self.session.running and \
            self.session.state.status == Status.FAILED
        if failed:
            self.session = None
        if failed or self._failure or self._last_message:
            self._failure = None
            self._last_message = ""
            self.preview_message.emit("")
            self.state_changed.emit(self.state)

    def _stop_previewer(self) -> None:
        if self._previewer is not None:
            self._previewer.stop()
            self._previewer = None

    @property
    def preview_error(self) -> str | None:
        return self._previewer.error if self._previewer is not None else None

    @property
    def problem_text(self) -> str | None:
        """Why the chosen source cannot be read now, while nothing records (the status
        line says it); None when nothing is known to be wrong."""
        if self.recording:
            return None
        return self._failure or (redact(self.preview_error) if self.preview_error else None)

    def _poll_preview(self) -> None:
        if self.recording and self.session is not None:
            frame = self.session.preview()
        elif self._previewer is not None:
            frame = self._previewer.latest()
        else:
            frame = None
        if frame is None:
            message = self.preview_error or self._failure or ""
            if message != self._last_message:
                self._last_message = message
                self.preview_message.emit(redact(message))  # "": no longer failing
            return
        if frame.seq == self._last_seq:
            return
        if self._last_message or self._failure:
            self._last_message = ""
            self._failure = None
            self.preview_message.emit("")
        self._last_seq = frame.seq
        self.preview_image.emit(qimage_from_bgr(frame.image))

    def shutdown(self, timeout: float = 10.0) -> None:
        """At quit: stop the capture cleanly (waits for the current still) and the preview."""
        self._timer.stop()
        self._stop_previewer()
        if self.session is not None and self.session.running:
            self.session.stop(wait=True, timeout=timeout)
        if self._bridge is not None:
            self._bridge.close()
            self._bridge = None
