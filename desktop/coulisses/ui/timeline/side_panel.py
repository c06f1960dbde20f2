"""Beside the large still: the piece's moments (caption edited inline) and the suggestions.

The caption editor offers the caption starters of the piece's craft for the
moment's kind (a completer: type to filter, ↓ to see them all).

A refresh (an edit, a still captured, another program's moment) only shows:
it never moves the large view (only a click on a moment or a suggestion does: a
suggestion is then shown beside the still before it)
and never closes a caption being typed. Rows are updated in place, so an open
editor stays on its moment's row wherever that row goes, and saves there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coulisses.crafts import caption_starters
from coulisses.i18n import format_datetime
from coulisses.journal.model import MOMENT_KINDS, Moment
from coulisses.labels import kind_label
from coulisses.timeline.build import Timeline
from coulisses.timeline.suggestions import reason_text
from coulisses.ui.timeline.strip_view import KIND_COLOURS

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # on the caption column: the moment's kind
ORDINAL_ROLE = Qt.ItemDataRole.UserRole + 3  # …and how many of that kind up to it
AREA_ROLE = Qt.ItemDataRole.UserRole + 4  # on a suggestion's reason: how much changed
CODE_ROLE = Qt.ItemDataRole.UserRole + 5  # …and why (a shape, a colour: Suggestion.code)


class StarterEdit(QLineEdit):
    """A caption editor whose ↓ shows every starter (typing filters them)."""

    def setCompleter(self, completer: QCompleter | None) -> None:  # noqa: N802 - Qt's name
        super().setCompleter(completer)
        if completer is not None:
            completer.popup().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The popup is as wide as the longest starter, wider than the column: QCompleter
        # keeps only a column-wide popup on screen, so near the right edge it would run off.
        if event.type() in (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize) \
                and isinstance(watched, QWidget) and watched.screen() is not None:
            screen, box = watched.screen().availableGeometry(), watched.geometry()
            if box.right() > screen.right():
                watched.move(max(screen.left(), screen.right() + 1 - box.width()), box.y())
        return super().eventFilter(watched, event)

    def show_starters(self) -> None:
        completer = self.completer()
        if completer is not None and completer.model().rowCount():
            completer.setCompletionPrefix("")
            completer.complete()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        popup = self.completer().popup() if self.completer() is not None else None
        if event.key() == Qt.Key.Key_Down and not event.modifiers() \
                and (popup is None or not popup.isVisible()):
            self.show_starters()
            return
        super().keyPressEvent(event)


class CaptionDelegate(QStyledItemDelegate):
    """Edits a caption in a StarterEdit with the moment's caption starters."""

    def __init__(self, starters: Callable[[QModelIndex | QPersistentModelIndex], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.starters = starters

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = StarterEdit(parent)
        editor.setFrame(False)
        starters = self.starters(index)
        if starters:
            completer = QCompleter(list(starters), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
            popup = completer.popup()  # as wide as the longest starter, not the column
            popup.setMinimumWidth(popup.sizeHintForColumn(0) + 2 * popup.frameWidth() + 24)
            editor.setPlaceholderText(self.tr("Type, or ↓ for a caption starter"))
            if not index.data():  # nothing written yet: offer them at once
                QTimer.singleShot(0, editor.show_starters)
        return editor


class SidePanel(QWidget):
    jump_to = Signal(str)  # capture id
    recaption = Signal(str, str)  # moment id, caption
    change_kind = Signal(str, str)  # moment id, kind
    move_here = Signal(str)  # moment id: to the current still
    delete = Signal(str)  # moment id
    compare = Signal(str)  # suggestion capture id: chosen, to be seen before and after
    accept = Signal(str)  # suggestion capture id
    dismiss = Signal(str)  # suggestion capture id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.moments_label = QLabel(self)
        self.moments = QTreeWidget(self)
        self.moments.setObjectName("moments")
        self.moments.setColumnCount(3)
        self.moments.setRootIsDecorated(False)
        self.moments.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked
                                     | QTreeWidget.EditTrigger.EditKeyPressed)
        self._craft: str | None = None
        self._filling = False  # rows being shown: no edit sent, no jump
        self._quiet = False  # a row selected by the program: no jump
        self._shown: tuple = ()  # what the moments list shows (set_timeline)
        self._moments: dict[str, Moment] = {}  # the moments as last read, by id
        self.caption_delegate = CaptionDelegate(self.starters_of, self.moments)
        self.moments.setItemDelegateForColumn(2, self.caption_delegate)
        self.kind = QComboBox(self)
        self.move_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.suggestions_label = QLabel(self)
        self.suggestions = QTreeWidget(self)
        self.suggestions.setObjectName("suggestions")
        self.suggestions.setColumnCount(2)
        self.suggestions.setRootIsDecorated(False)
        self.accept_button = QPushButton(self)
        self.dismiss_button = QPushButton(self)
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(self.move_button)
        row.addWidget(self.delete_button)
        srow = QHBoxLayout()
        srow.addWidget(self.accept_button)
        srow.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.moments_label)
        layout.addWidget(self.moments, 3)
        layout.addLayout(row)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions, 1)
        layout.addLayout(srow)
        self.moments.itemChanged.connect(self._edited)
        self.moments.currentItemChanged.connect(self._moment_selected)
        # A click on the row already selected goes back to its still too.
        self.moments.itemClicked.connect(lambda item, _c: self._jump(item))
        self.moments.itemActivated.connect(lambda item, _c: self._jump(item))
        self.caption_delegate.closeEditor.connect(self._editor_closed)
        self.suggestions.itemClicked.connect(lambda item, _c: self._compare(item))
        self.suggestions.itemActivated.connect(lambda item, _c: self._compare(item))
        self.suggestions.currentItemChanged.connect(
            lambda item, _p: None if self._filling else self._compare(item))
        self.kind.activated.connect(self._kind_chosen)
        self.move_button.clicked.connect(lambda: self._with_moment(self.move_here.emit))
        self.delete_button.clicked.connect(lambda: self._with_moment(self.delete.emit))
        self.accept_button.clicked.connect(lambda: self._with_suggestion(self.accept.emit))
        self.dismiss_button.clicked.connect(lambda: self._with_suggestion(self.dismiss.emit))
        self.retranslate()
        self._moment_selected(None, None)

    def retranslate(self) -> None:
        self.moments_label.setText(self.tr("Moments (double-click a caption to edit it)"))
        self.moments.setHeaderLabels([self.tr("Kind"), self.tr("Time"), self.tr("Caption")])
        current = self.kind.currentIndex()
        self.kind.clear()
        for kind in MOMENT_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(max(0, current))
        self.move_button.setText(self.tr("Move to this still"))
        self.delete_button.setText(self.tr("Delete"))
        self.suggestions_label.setText(self.tr("Suggested moments (likely struggles)"))
        self.suggestions.setHeaderLabels([self.tr("Time"), self.tr("Why")])
        self.accept_button.setText(self.tr("Accept as a struggle"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        filling, self._filling = self._filling, True
        for i in range(self.moments.topLevelItemCount()):  # the kinds in the new language
            item = self.moments.topLevelItem(i)
            item.setText(0, kind_label(item.data(2, KIND_ROLE)))
        for i in range(self.suggestions.topLevelItemCount()):  # why, in the new language
            item = self.suggestions.topLevelItem(i)
            item.setText(1, reason_text(item.data(1, AREA_ROLE), code=item.data(1, CODE_ROLE)))
        self._filling = filling
        # The headers too change length ("Time", "Heure"): never clipped after a switch.
        for tree, columns in ((self.moments, (0, 1)), (self.suggestions, (0,))):
            for column in columns:
                tree.resizeColumnToContents(column)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_timeline(self, timeline: Timeline) -> None:
        """Show these moments and suggestions; nothing the maker is doing moves or closes."""
        self._filling = True
        try:
            moments = sorted(timeline.moments, key=lambda m: (m.time, m.created))
            shown = (timeline.piece.id, timeline.piece.typed_settings.craft,
                     tuple((m.id, m.kind, m.time, m.capture, m.caption) for m in moments))
            if shown != self._shown:
                # Only when the moments changed: new suggestions alone touch no row.
                if self._shown and shown[0] != self._shown[0]:
                    self.moments.clear()  # another piece: nothing of this one stays
                self._shown = shown
                self._fill_moments(timeline.piece.typed_settings.craft, moments)
            self._fill_suggestions(timeline)
        finally:
            self._filling = False
        self._show_moment_controls(self.moments.currentItem())
        has = self.suggestions.topLevelItemCount() > 0
        self.accept_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)

    def _fill_suggestions(self, timeline: Timeline) -> None:
        item = self.suggestions.currentItem()
        selected = item.data(0, ID_ROLE) if item is not None else None
        self.suggestions.clear()
        for s in timeline.suggestions:
            item = QTreeWidgetItem([format_datetime(s.time, seconds=True),
                                    reason_text(s.area, code=s.code)])
            item.setData(0, ID_ROLE, s.capture)
            item.setData(1, ID_ROLE, s.capture)
            item.setData(1, AREA_ROLE, s.area)
            item.setData(1, CODE_ROLE, s.code)
            self.suggestions.addTopLevelItem(item)
            if s.capture == selected:  # Accept and Dismiss act on the one the maker chose
                self.suggestions.setCurrentItem(item)
        self.suggestions.resizeColumnToContents(0)

    def _fill_moments(self, craft: str | None, moments: list[Moment]) -> None:
        """Rows in time order, updated in place: the row being edited is never taken out
        (that would close its editor), nor its caption or roles rewritten under the maker's
        typing (Qt pushes a changed cell's data into its open editor)."""
        self._craft = craft
        self._moments = {m.id: m for m in moments}
        editing = self._editing_item()
        current = self.current_moment_id()
        wanted = {m.id for m in moments}
        tree = self.moments
        for i in reversed(range(tree.topLevelItemCount())):  # moments gone
            if tree.topLevelItem(i).data(0, ID_ROLE) not in wanted:
                tree.takeTopLevelItem(i)
        rows = {tree.topLevelItem(i).data(0, ID_ROLE): tree.topLevelItem(i)
                for i in range(tree.topLevelItemCount())}
        seen: dict[str, int] = {}
        for i, m in enumerate(moments):
            item = rows.get(m.id)
            if item is None:
                item = QTreeWidgetItem()
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                tree.insertTopLevelItem(i, item)
            elif item is editing:  # the others make way: it stays where it is
                while tree.topLevelItem(i) is not item:
                    tree.addTopLevelItem(tree.takeTopLevelItem(i))
            elif tree.topLevelItem(i) is not item:  # (indexOf is a linear search)
                tree.insertTopLevelItem(i, tree.takeTopLevelItem(tree.indexOfTopLevelItem(item)))
            seen[m.kind] = seen.get(m.kind, 0) + 1
            self._show_row(item, m, seen[m.kind], edited=item is editing)
        if current is not None and self.current_moment_id() != current and editing is None:
            # A moved row stays chosen; a deleted one leaves none chosen (Qt would pick
            # its neighbour, which Delete or Move would then act on unasked).
            tree.setCurrentItem(rows.get(current) if current in wanted else None)
            if current not in wanted:
                tree.clearSelection()
        tree.resizeColumnToContents(0)
        tree.resizeColumnToContents(1)

    def _show_row(self, item: QTreeWidgetItem, m: Moment, ordinal: int, edited: bool) -> None:
        item.setText(0, kind_label(m.kind))
        item.setText(1, _when(m))
        item.setData(0, ID_ROLE, m.id)
        item.setData(1, ID_ROLE, m.capture or "")
        item.setForeground(0, QColor(KIND_COLOURS.get(m.kind, "#546e7a")))
        if edited:
            # The maker's words stay as typed; the starters read these roles later, so
            # they are stored without telling the view (which would reset the editor).
            model = self.moments.model()
            blocked = model.blockSignals(True)
            try:
                item.setData(2, KIND_ROLE, m.kind)
                item.setData(2, ORDINAL_ROLE, ordinal)
            finally:
                model.blockSignals(blocked)
            return
        item.setText(2, m.caption)
        # "Collapse number {n}." counts this kind up to this moment, in time order.
        item.setData(2, KIND_ROLE, m.kind)
        item.setData(2, ORDINAL_ROLE, ordinal)

    def _editing_item(self) -> QTreeWidgetItem | None:
        """The row whose caption is being typed, if any (found by its editor: the view's
        state() says NoState again after any row is removed, the editor still open)."""
        tree = self.moments
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            if tree.indexWidget(tree.indexFromItem(item, 2)) is not None:  # its open editor
                return item
        return None

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Escape: the row shows the caption as stored (another program may have changed it
        while the maker was typing); a saved caption was already sent by _edited."""
        if hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            return
        item = self.moments.currentItem()
        m = self._moments.get(item.data(0, ID_ROLE)) if item is not None else None
        if m is not None and item.text(2) != m.caption:
            self._filling = True
            try:
                item.setText(2, m.caption)
            finally:
                self._filling = False

    def starters_of(self, index: QModelIndex | QPersistentModelIndex) -> list[str]:
        """The caption starters offered when this moment's caption is edited."""
        kind = index.data(KIND_ROLE)
        if not kind:
            return []
        return caption_starters(self._craft, kind, count=int(index.data(ORDINAL_ROLE) or 1))

    def current_moment_id(self) -> str | None:
        item = self.moments.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def edit_caption(self, moment_id: str) -> None:
        """Open the caption of this moment for typing (after a flag or an accept); the
        large view stays on the still the maker was looking at."""
        for i in range(self.moments.topLevelItemCount()):
            item = self.moments.topLevelItem(i)
            if item.data(0, ID_ROLE) == moment_id:
                self._quiet = True
                try:
                    self.moments.setCurrentItem(item)
                finally:
                    self._quiet = False
                self.moments.editItem(item, 2)
                return

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 2:
            return
        self.recaption.emit(item.data(0, ID_ROLE), item.text(2))

    def _moment_selected(self, item, _previous) -> None:
        self._show_moment_controls(item)
        if item is not None and not (self._filling or self._quiet):  # the maker chose it
            self._jump(item)

    def _show_moment_controls(self, item) -> None:
        enabled = item is not None
        for w in (self.kind, self.move_button, self.delete_button):
            w.setEnabled(enabled)
        if item is not None:
            index = self.kind.findData(item.data(2, KIND_ROLE))
            if index >= 0:
                self.kind.setCurrentIndex(index)

    def _kind_chosen(self, index: int) -> None:
        moment_id = self.current_moment_id()
        if moment_id:
            self.change_kind.emit(moment_id, self.kind.itemData(index))

    def _jump(self, item) -> None:
        if item is not None and item.data(1, ID_ROLE):
            self.jump_to.emit(item.data(1, ID_ROLE))

    def _compare(self, item) -> None:
        if item is not None and item.data(1, ID_ROLE):
            self.compare.emit(item.data(1, ID_ROLE))

    def _with_moment(self, emit) -> None:
        moment_id = self.current_moment_id()
        if moment_id:
            emit(moment_id)

    def _with_suggestion(self, emit) -> None:
        item = self.suggestions.currentItem() or self.suggestions.topLevelItem(0)
        if item is not None:
            emit(item.data(0, ID_ROLE))


def _when(m: Moment) -> str:
    return format_datetime(m.time, seconds=True)  # dates are written one way everywhere
