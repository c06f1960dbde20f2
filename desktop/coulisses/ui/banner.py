"""A strip at the top of the window that says, in one sentence, what went wrong.

Problems from the journal, a job or an action refused land here instead of a
terminal; the same sentence is never stacked twice, and the maker closes it when
read. A message about a passing condition is shown under a ``key`` and taken back
(``withdraw``) when the condition ends. What the capture is doing, and why it
cannot, is said by the bench's status line instead (never both).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from coulisses.redaction import redact

LEVEL_STYLES = {
    "error": "background: #ffebee; border: 1px solid #e57373; color: #b71c1c;",
    "warning": "background: #fff8e1; border: 1px solid #ffb300; color: #6d4c00;",
    "info": "background: #e3f2fd; border: 1px solid #64b5f6; color: #0d47a1;",
}


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._messages: list[str] = []
        self._keys: dict[str, str] = {}  # message -> the key it was shown under
        self.level = "info"
        self.hide()
        self._retranslate()

    def _retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Close this message"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_message(self, text: str, level: str = "error", key: str = "") -> None:
        """Show one sentence; ``key`` names the condition it is about (see ``withdraw``)."""
        text = " ".join(redact(str(text)).split())  # a stream's password never shows
        if not text:
            return
        if text in self._messages:
            self._messages.remove(text)
        self._messages.append(text)
        del self._messages[:-3]  # the latest few; the log keeps the rest
        self._keys = {m: k for m, k in self._keys.items() if m in self._messages}
        if key:
            self._keys[text] = key
        else:
            self._keys.pop(text, None)
        if level == "error" or self.level != "error":
            self.level = level
        self._show()

    def withdraw(self, key: str) -> None:
        """Take back the messages shown under ``key``: what they said is no longer so."""
        gone = [m for m, k in self._keys.items() if k == key]
        if not gone:
            return
        self._messages = [m for m in self._messages if m not in gone]
        for m in gone:
            del self._keys[m]
        if self._messages:
            self._show()
        else:
            self.clear()

    def _show(self) -> None:
        self.setStyleSheet(f"#banner {{ {LEVEL_STYLES[self.level]} border-radius: 6px; }}")
        self.label.setText("\n".join(self._messages))
        self.show()

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(self._messages)

    def clear(self) -> None:
        self._messages.clear()
        self._keys.clear()
        self.level = "info"
        self.label.clear()
        self.hide()
