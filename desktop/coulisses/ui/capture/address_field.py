"""A field for a phone's or a network camera's address that keeps its password out of sight.

Phone camera apps take ``http://user:pass@192.168.1.20:8080/video``; the field
shows ``http://user:***@192.168.1.20:8080/video`` unless the maker is editing
it (focused, enabled, writable), so the password is never on screen while
recording, in a screenshot or a screen share. ``text()`` and ``setText()`` are
the real address, as on any QLineEdit; ``displayText()`` is what is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QDropEvent, QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from coulisses.redaction import redact


class AddressField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self._shown = ""  # what the field shows while masked; "" while it shows the value
        self._masked = False
        super().textChanged.connect(self._edited)

    # ----------------------------------------------------------------- value
    def text(self) -> str:  # noqa: D102 - QLineEdit's, with the password
        return self._value

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._value = text or ""
        self._show()

    @property
    def masked(self) -> bool:
        """True while the field shows the address with its password hidden."""
        return self._masked

    def _edited(self, shown: str) -> None:
        if self._masked and shown == self._shown:
            return  # our own masking
        # Typed while editing, or changed another way (cleared, a drop): the new value.
        self._value = shown
        if self._masked:
            self._masked, self._shown = False, ""
            self._show()

    def _show(self) -> None:
        editing = self.hasFocus() and self.isEnabled() and not self.isReadOnly()
        shown = self._value if editing else redact(self._value)
        self._masked, self._shown = (shown != self._value), (shown if shown != self._value
                                                              else "")
        if QLineEdit.text(self) != shown:
            super().setText(shown)

    # ---------------------------------------------------------------- events
    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self._show()  # before Qt's own: a Tab into the field selects the real text
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)  # editingFinished, read with the real text
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # its own context menu
            self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange):
            self._show()  # disabled while recording: never in clear

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        if self._masked and self.isEnabled() and not self.isReadOnly():
            self.setFocus(Qt.FocusReason.OtherFocusReason)  # dropped into the real text
        super().dropEvent(event)
