"""Watch folders: one per piece, switched on and off in the window, kept across restarts.

The capture layer's FolderWatcher polls in its own thread and calls back on
that thread; the callbacks only emit signals, so the window hears about them
on the GUI thread. Which folder a piece watches, and whether it is on, are
piece settings in the journal, so they survive a restart and the app resumes
every watch that was on, for a folder the maker chose on this computer. A
journal synced or copied from elsewhere that names a folder shows that watch
as paused, with a button to resume it: its settings alone never start an import.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.capture.piece_watch import PieceWatch, WatchState
from coulisses.journal import Journal, JournalError

log = logging.getLogger(__name__)


class WatchController(QObject):
    """The window's side of the capture layer's PieceWatch: one per piece, states as signals."""

    changed = Signal(str)  # piece id: its state changed (emitted from any thread: queued)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._watches: dict[str, PieceWatch] = {}

    def _watch(self, piece_id: str) -> PieceWatch:
        if piece_id not in self._watches:
            self._watches[piece_id] = PieceWatch(
                self.journal, piece_id, on_change=lambda _s, p=piece_id: self.changed.emit(p))
        return self._watches[piece_id]

    @property
    def watchers(self) -> list[str]:
        """The pieces being watched now."""
        return [p for p, w in self._watches.items() if w.state().running]

    def state(self, piece_id: str) -> WatchState:
        return self._watch(piece_id).state()

    def resume_all(self) -> list[str]:
        """At start-up: every piece whose watch was on watches again, if its folder was
        chosen on this computer; the others wait for the maker (their ids are returned)."""
        paused = []
        for piece in self.journal.pieces():
            settings = piece.typed_settings
            if settings.watch_on and settings.watch_folder:
                if self._watch(piece.id).start().paused:
                    paused.append(piece.id)
                self.changed.emit(piece.id)
        return paused

    @property
    def paused(self) -> list[str]:
        """The pieces whose watch waits for the maker's yes on this computer."""
        return [p for p, w in self._watches.items() if w.state().paused]

    def start(self, piece_id: str, folder: str) -> str | None:
        """Watch ``folder`` for ``piece_id``; returns a sentence if it cannot."""
        try:
            self._watch(piece_id).switch(True, folder)
        except (JournalError, OSError) as exc:
            return str(exc)
        self.changed.emit(piece_id)
        return None

    def resume(self, piece_id: str) -> str | None:
        """The maker's yes for the folder the piece's settings name; a sentence if it fails."""
        return self.start(piece_id, str(self.state(piece_id).folder or ""))

    def stop(self, piece_id: str) -> None:
        try:
            self._watch(piece_id).switch(False)
        except (JournalError, OSError) as exc:
            log.warning("watch switch not saved: %s", exc)
            self._watch(piece_id).stop()
        self.changed.emit(piece_id)

    def stop_all(self) -> None:
        """Closing the app: stop polling, leave every switch as it is for the next start."""
        for watch in self._watches.values():
            watch.stop()


class WatchRow(QWidget):
    """"Watch a folder for new photos" for the piece on screen, with its state in words."""

    def __init__(self, controller: WatchController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.piece_id = ""
        self.enabled = QCheckBox(self)
        self.enabled.setObjectName("watch_on")
        self.folder = QLabel(self)
        self.choose = QPushButton(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a folder's name
        # A watch the journal asks for but this computer never agreed to.
        self.resume = QPushButton(self)
        self.resume.setObjectName("watch_resume")
        self.resume.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        paused_row = QHBoxLayout()
        paused_row.setContentsMargins(0, 0, 0, 0)
        paused_row.addWidget(self.state, 1)
        paused_row.addWidget(self.resume, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(paused_row)
        self.enabled.toggled.connect(self._toggled)
        self.choose.clicked.connect(self._choose)
        self.resume.clicked.connect(self._resume)
        controller.changed.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.enabled.setText(self.tr("Watch a folder for new photos"))
        self.choose.setText(self.tr("Choose…"))
        self.resume.setText(self.tr("Resume watching"))
        self.show_state()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_piece(self, piece_id: str) -> None:
        self.piece_id = piece_id
        self.show_state()

    def _folder(self) -> str:
        if not self.piece_id:
            return ""
        try:
            folder = self.controller.state(self.piece_id).folder
        except (JournalError, OSError):
            return ""
        return str(folder) if folder else ""

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("The folder where new photos arrive"), self._folder())
        if folder:
            self.watch(folder)

    def watch(self, folder: str) -> None:
        """The maker chose ``folder`` (here, on this computer): watch it from now on."""
        self._said(self.controller.start(self.piece_id, folder))

    def _resume(self) -> None:
        if self.piece_id:
            self._said(self.controller.resume(self.piece_id))

    def _said(self, problem: str | None) -> None:
        self.show_state()
        if problem:  # after show_state, which clears the line when nothing is watched
            self.state.setText(problem)
            self.state.show()

    def _toggled(self, on: bool) -> None:
        if not self.piece_id:
            return
        watching = self.piece_id in self.controller.watchers
        if on and not watching:
            folder = self._folder()
            if folder:
                self.watch(folder)
            else:
                self._choose()
        elif not on and watching:
            self.controller.stop(self.piece_id)
        self.show_state()

    def _changed(self, piece_id: str) -> None:
        if piece_id == self.piece_id:
            self.show_state()

    def show_state(self) -> None:
        state = self.controller.state(self.piece_id) if self.piece_id else None
        folder = str(state.folder) if state is not None and state.folder else ""
        watching = bool(state and state.running)
        self.enabled.blockSignals(True)
        self.enabled.setChecked(watching)
        self.enabled.blockSignals(False)
        self.enabled.setEnabled(bool(self.piece_id))
        self.choose.setEnabled(bool(self.piece_id))
        self.folder.setText(folder or self.tr("no folder chosen"))
        paused = bool(state and state.paused)
        self.resume.setVisible(paused)
        if paused:
            text = self.tr("Watching paused: this journal asks to import the photos in "
                           "{folder}, a folder not chosen on this computer. Resume only if "
                           "it is yours.").format(folder=folder)
        elif not watching or state is None:
            text = ""
        elif state.problem:
            text = state.problem
        elif state.last_photo is not None:
            text = self.tr("Watching — last photo at {time} (%n imported)", "",
                           state.imported).format(
                time=state.last_photo.astimezone().strftime("%H:%M"))
        else:
            text = self.tr("Watching — no new photo yet")
        self.state.setText(text)
        self.state.setVisible(bool(text))
