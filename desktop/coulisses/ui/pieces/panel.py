"""The pieces panel: the list, the piece's craft, and new / rename / archive.

The journal holds the truth; the list is refreshed from it (off the GUI thread)
whenever the journal says something changed, coalesced so a burst of stills
costs one refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.journal import Journal, JournalError
from coulisses.journal.piece_settings import CRAFT
from coulisses.ui.pieces.craft_combo import CraftCombo, NewPieceDialog
from coulisses.ui.pieces.model import PieceIdRole, PiecesModel
from coulisses.ui.pieces.summaries import THUMB, PieceSummary, load_summaries
from coulisses.ui.tasks import Task, TaskRunner
from coulisses.ui.timeline import commands

REFRESH_DELAY_MS = 250


class PiecesPanel(QWidget):
    current_changed = Signal(str)  # piece id ("" when none)
    problem = Signal(str)
    loaded = Signal()  # a refresh finished (tests and the first-run choice wait on it)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        # The window's undo history (renames and crafts are undoable there); None: the
        # panel on its own edits the journal directly.
        self.edits: commands.EditStack | None = None
        self.model = PiecesModel(self)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.view = QListView(self)
        self.view.setObjectName("pieces")
        self.view.setModel(self.model)
        self.view.setIconSize(QSize(THUMB.width(), THUMB.height()))
        self.view.setSpacing(2)
        self.view.setUniformItemSizes(True)
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_piece")
        self.rename_button = QPushButton(self)
        self.archive_button = QPushButton(self)
        self.show_archived = QCheckBox(self)
        # The craft of the piece chosen: its caption starters and its post's hashtags.
        self.craft_label = QLabel(self)
        self.craft = CraftCombo(self)
        self.craft.setObjectName("piece_craft")
        self.craft_label.setBuddy(self.craft)
        craft_row = QHBoxLayout()
        craft_row.addWidget(self.craft_label)
        craft_row.addWidget(self.craft, 1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.rename_button, self.archive_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(craft_row)
        layout.addLayout(buttons)
        layout.addWidget(self.show_archived)

        self._runner = TaskRunner(self, "thumbnails")
        self._loading = False
        self._dirty = False
        self._wanted: str | None = None  # select this piece once the list has it
        self._current = ""
        self._told: set[str] = set()  # journal problems already shown
        self._stale = False
        self._ever_loaded = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh_now)

        self.new_button.clicked.connect(self.ask_new_piece)
        self.rename_button.clicked.connect(self.ask_rename)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.show_archived.toggled.connect(self._show_archived)
        self.craft.activated.connect(self._craft_chosen)
        self.view.selectionModel().currentChanged.connect(self._selection_changed)
        self.retranslate()

    # ------------------------------------------------------------- language
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Pieces"))
        self.empty_hint.setText(self.tr("No piece yet: create one to start capturing."))
        self.new_button.setText(self.tr("New…"))
        self.rename_button.setText(self.tr("Rename…"))
        s = self.current_summary()
        self.archive_button.setText(self.tr("Show again") if s and s.archived
                                    else self.tr("Archive"))
        self.show_archived.setText(self.tr("Show archived pieces"))
        self.craft_label.setText(self.tr("Craft:"))
        self.craft.setToolTip(self.tr("Picks the caption starters offered after a flag and "
                                      "the hashtags of the post text."))
        self.model.layoutChanged.emit()  # dates and counts are worded too

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- loading
    def refresh(self) -> None:
        """Refresh soon (many changes in a burst make one refresh); when shown, if hidden."""
        if not self.isVisible() and self._ever_loaded:
            self._stale = True  # the window is in the tray: nothing to redraw for now
            return
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh_now()

    def refresh_now(self) -> None:
        if self._loading:
            self._dirty = True
            return
        self._loading = True
        journal = self.journal
        task = Task(lambda _cancel, _progress: load_summaries(journal))
        task.signals.finished.connect(self._loaded)
        task.signals.failed.connect(self._failed)
        self._runner.start(task)

    def _failed(self, message: str) -> None:
        self._loading = False
        self.problem.emit(message)

    def _loaded(self, summaries: list[PieceSummary]) -> None:
        self._loading = False
        self._ever_loaded = True
        self._all = summaries
        self._apply()
        for message in self.journal.problems:  # a damaged piece file, set aside
            if message not in self._told:
                self._told.add(message)
                self.problem.emit(message)
        if self._dirty:
            self._dirty = False
            self.refresh()
        self.loaded.emit()

    def _apply(self) -> None:
        keep = self._wanted or self._current
        self.model.set_summaries(getattr(self, "_all", []))
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.rowCount():
            row = 0  # the piece with the most recent activity
        if row >= 0:
            if self.model.row_of(self._wanted or "") >= 0:
                self._wanted = None
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self._set_current("")
        self.rename_button.setEnabled(row >= 0)
        self.archive_button.setEnabled(row >= 0)
        self._show_craft()

    def _show_archived(self, on: bool) -> None:
        self.model.show_archived = on
        self._apply()

    # ------------------------------------------------------------ selection
    def current_summary(self) -> PieceSummary | None:
        return self.model.summary(self.view.currentIndex().row())

    @property
    def current_piece_id(self) -> str:
        return self._current

    def select(self, piece_id: str) -> None:
        row = self.model.row_of(piece_id)
        if row < 0:
            self._wanted = piece_id
            self.refresh_now()
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _selection_changed(self) -> None:
        index = self.view.currentIndex()
        self._set_current(index.data(PieceIdRole) if index.isValid() else "")

    def _set_current(self, piece_id: str) -> None:
        s = self.current_summary()
        self.archive_button.setText(self.tr("Show again") if s and s.archived
                                    else self.tr("Archive"))
        self._show_craft()
        if piece_id != self._current:
            self._current = piece_id
            self.current_changed.emit(piece_id)

    def _show_craft(self) -> None:
        s = self.current_summary()
        self.craft.setEnabled(s is not None)
        self.craft.set_craft(s.piece.typed_settings.craft if s is not None else None)

    # -------------------------------------------------------------- actions
    def create_piece(self, name: str, craft: str | None = None) -> str | None:
        """A new piece (with its craft, when one is given), selected once listed."""
        try:
            piece = self.journal.create_piece(name)
            if craft:
                self.journal.update_piece_settings(piece.id, craft=craft)
        except (JournalError, OSError) as exc:
            self.problem.emit(str(exc))
            return None
        self._wanted = piece.id
        self.refresh_now()
        return piece.id

    def new_piece_dialog(self) -> NewPieceDialog:
        """The new-piece dialog, with no craft chosen: a walnut board made after a bowl
        must not get the bowl's pottery hashtags unasked."""
        return NewPieceDialog(self)

    def ask_new_piece(self) -> None:
        dialog = self.new_piece_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_piece(dialog.name.text(), dialog.craft.craft())

    def ask_rename(self) -> None:
        s = self.current_summary()
        if s is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename piece"), self.tr("New name:"),
                                        text=s.piece.name)
        if ok and name.strip():
            self.rename(s.piece.id, name)

    def rename(self, piece_id: str, name: str) -> None:
        if self.edits is not None:  # undoable, under the piece's own history
            self.edits.perform(commands.rename_piece(
                lambda: self.tr("Rename piece"), self.journal, piece_id, name))
        else:
            try:
                self.journal.rename_piece(piece_id, name)
            except (JournalError, OSError) as exc:
                self.problem.emit(str(exc))
        self.refresh_now()

    def _craft_chosen(self) -> None:
        s = self.current_summary()
        if s is not None and self.craft.craft() != s.piece.typed_settings.craft:
            self.set_craft(s.piece.id, self.craft.craft())

    def set_craft(self, piece_id: str, craft: str | None) -> None:
        """What the piece is made with (None: no craft, the general starters and hashtags)."""
        if self.edits is not None:
            self.edits.perform(commands.set_piece_setting(
                lambda: self.tr("Change craft"), self.journal, piece_id, CRAFT, craft))
        else:
            try:
                self.journal.update_piece_settings(piece_id, craft=craft)
            except (JournalError, OSError) as exc:
                self.problem.emit(str(exc))
        self.refresh_now()

    def toggle_archive(self) -> None:
        s = self.current_summary()
        if s is not None:
            self.set_archived(s.piece.id, not s.archived)

    def set_archived(self, piece_id: str, archived: bool) -> None:
        """Archived pieces leave the list (nothing is deleted) until shown again."""
        try:
            self.journal.update_piece_settings(piece_id, archived=archived)
        except (JournalError, OSError) as exc:
            self.problem.emit(str(exc))
        self.refresh_now()
