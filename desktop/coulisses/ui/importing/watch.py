"""Watch folders: one per piece, switched on and off in the window, kept across restarts.

The capture layer's FolderWatcher polls in its own thread and calls back on
that thread; the callbacks only emit signals, so the window hears about them
on the GUI thread. Which folder a piece watches, and whether it is on, are
piece settings in the journal, so they survive a restart and the app resumes
every watch that was on.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.capture.watch_folder import FolderWatcher
from coulisses.journal import Journal, JournalError

log = logging.getLogger(__name__)


class WatchState:
    def __init__(self) -> None:
        self.last_photo: datetime | None = None
        self.imported = 0
        self.problem = ""


class WatchController(QObject):
    changed = Signal(str)  # piece id: its state changed
    photo = Signal(str, object)  # piece id, PhotoOutcome (from the watcher thread)
    problem = Signal(str, str)  # piece id, sentence (from the watcher thread)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.watchers: dict[str, FolderWatcher] = {}
        self.states: dict[str, WatchState] = {}
        self.photo.connect(self._photo)
        self.problem.connect(self._problem)

    def settings_of(self, piece_id: str) -> tuple[str, bool]:
        settings = self.journal.piece(piece_id).settings
        return str(settings.get("watch_folder") or ""), bool(settings.get("watch_on"))

    def resume_all(self) -> None:
        """At start-up: every piece whose watch was on watches again."""
        for piece in self.journal.pieces():
            if piece.settings.get("watch_on") and piece.settings.get("watch_folder"):
                self.start(piece.id, str(piece.settings["watch_folder"]), save=False)

    def start(self, piece_id: str, folder: str, save: bool = True) -> str | None:
        """Watch ``folder`` for ``piece_id``; returns a sentence if it cannot."""
        self.stop(piece_id, save=False)
        try:
            watcher = FolderWatcher(
                self.journal, piece_id, [folder],
                on_outcome=lambda o, p=piece_id: self.photo.emit(p, o),
                on_error=lambda m, p=piece_id: self.problem.emit(p, m))
            if save:
                self.journal.update_piece_settings(piece_id, watch_folder=folder, watch_on=True)
        except (JournalError, OSError) as exc:
            return str(exc)
        watcher.start()
        self.watchers[piece_id] = watcher
        self.states[piece_id] = WatchState()
        self.changed.emit(piece_id)
        return None

    def stop(self, piece_id: str, save: bool = True) -> None:
        watcher = self.watchers.pop(piece_id, None)
        if watcher is not None:
            watcher.stop()
        if save:
            try:
                self.journal.update_piece_settings(piece_id, watch_on=False)
            except (JournalError, OSError) as exc:
                log.warning("watch setting not saved: %s", exc)
        self.changed.emit(piece_id)

    def stop_all(self) -> None:
        for piece_id in list(self.watchers):
            self.stop(piece_id, save=False)

    def _photo(self, piece_id: str, outcome) -> None:
        state = self.states.setdefault(piece_id, WatchState())
        if getattr(outcome, "capture", None) is not None:
            state.imported += 1
            state.last_photo = datetime.now().astimezone()
        state.problem = ""
        self.changed.emit(piece_id)

    def _problem(self, piece_id: str, message: str) -> None:
        self.states.setdefault(piece_id, WatchState()).problem = message
        self.changed.emit(piece_id)


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
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.state)
        self.enabled.toggled.connect(self._toggled)
        self.choose.clicked.connect(self._choose)
        controller.changed.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.enabled.setText(self.tr("Watch a folder for new photos"))
        self.choose.setText(self.tr("Choose…"))
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
            return self.controller.settings_of(self.piece_id)[0]
        except (JournalError, OSError):
            return ""

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("The folder where new photos arrive"), self._folder())
        if folder:
            self.watch(folder)

    def watch(self, folder: str) -> None:
        problem = self.controller.start(self.piece_id, folder)
        if problem:
            self.state.setText(problem)
        self.show_state()

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
        folder = self._folder()
        watching = self.piece_id in self.controller.watchers
        self.enabled.blockSignals(True)
        self.enabled.setChecked(watching)
        self.enabled.blockSignals(False)
        self.enabled.setEnabled(bool(self.piece_id))
        self.choose.setEnabled(bool(self.piece_id))
        self.folder.setText(folder or self.tr("no folder chosen"))
        state = self.controller.states.get(self.piece_id)
        if not watching:
            text = ""
        elif state is not None and state.problem:
            text = state.problem
        elif state is not None and state.last_photo is not None:
            text = self.tr("Watching — last photo at {time} ({n} imported)").format(
                time=state.last_photo.strftime("%H:%M"), n=state.imported)
        else:
            text = self.tr("Watching — no new photo yet")
        self.state.setText(text)
        self.state.setVisible(bool(text))
