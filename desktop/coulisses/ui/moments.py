"""Flagging moments at one key: four big buttons and the caption field that follows.

F8 struggle, F9 fix, F10 milestone, F11 result work anywhere in the window
(the shortcuts live in main_window/actions.py); this module is the view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.labels import kind_label

KINDS = ("struggle", "fix", "milestone", "result")
KEYS = {"struggle": "F8", "fix": "F9", "milestone": "F10", "result": "F11"}
COLOURS = {"struggle": "#c62828", "fix": "#1565c0", "milestone": "#6a1b9a", "result": "#2e7d32"}


class MomentBar(QWidget):
    """Four buttons big enough for a knuckle with clay on it."""

    flag = Signal(str)  # moment kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for i, kind in enumerate(KINDS):
            b = QPushButton(self)
            b.setObjectName(f"flag_{kind}")
            b.setMinimumHeight(64)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steal the caption's focus
            b.setStyleSheet(f"QPushButton {{ background: {COLOURS[kind]}; color: white; "
                            "font-size: 15pt; font-weight: bold; border-radius: 8px; }"
                            "QPushButton:pressed { background: #212121; }"
                            "QPushButton:disabled { background: #9e9e9e; }")
            b.clicked.connect(lambda _=False, k=kind: self.flag.emit(k))
            grid.addWidget(b, i // 2, i % 2)
            self.buttons[kind] = b
        self.retranslate()

    def retranslate(self) -> None:
        for kind, b in self.buttons.items():
            b.setText(f"{kind_label(kind).capitalize()}\n{KEYS[kind]}")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _CaptionEdit(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class CaptionPrompt(QFrame):
    """Appears after a flag, focused: type a caption and press Enter, or Escape to skip.

    Skipping loses nothing: the moment is already saved; its caption can be
    written later in the timeline.
    """

    submitted = Signal(str, str, str)  # piece id, moment id, caption

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caption_prompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#caption_prompt { background: #fff8e1; border: 1px solid #ffb300;"
                           " border-radius: 6px; }")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.edit = _CaptionEdit(self)
        self.edit.setObjectName("caption_edit")
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #616161;")
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self._target: tuple[str, str] | None = None
        self._kind = ""
        self.edit.returnPressed.connect(self._submit)
        self.edit.escaped.connect(self.dismiss)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("What happened? (optional)"))
        self.hint.setText(self.tr("Enter saves the caption · Escape skips it (add it later)"))
        if self._kind:
            self.title.setText(self.tr("{kind} flagged").format(
                kind=kind_label(self._kind).capitalize()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def target(self) -> tuple[str, str] | None:
        return self._target

    def ask(self, piece_id: str, moment_id: str, kind: str, when: str) -> None:
        """Show the prompt for a moment just flagged (a new flag replaces an unfinished one)."""
        if self._target is not None and self.edit.text().strip():
            self._submit()  # a caption typed for the previous moment is kept
        self._target = (piece_id, moment_id)
        self._kind = kind
        self.retranslate()
        self.title.setText(self.tr("{kind} flagged at {time}").format(
            kind=kind_label(kind).capitalize(), time=when))
        self.edit.clear()
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _submit(self) -> None:
        if self._target is None:
            return
        text = self.edit.text().strip()
        piece_id, moment_id = self._target
        if text:
            self.submitted.emit(piece_id, moment_id, text)
        self.dismiss()

    def dismiss(self) -> None:
        self._target = None
        self._kind = ""
        self.edit.clear()
        self.hide()
