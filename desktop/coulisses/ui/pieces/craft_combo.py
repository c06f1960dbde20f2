"""Choosing a piece's craft: a combo box of the crafts, and the new-piece dialog.

The craft picks the caption starters offered after a flag and the post text's
hashtags (coulisses.crafts). "Other craft" stores no craft: the general ones.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coulisses.crafts import craft_choices, normalise
from coulisses.ui.combos import refill, select


class CraftCombo(QComboBox):
    """The crafts in display order, then "Other craft"; ``craft()`` is None for that one."""

    def __init__(self, parent: QWidget | None = None, craft: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("craft")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        refill(self, list(craft_choices()))
        self.set_craft(craft)

    def craft(self) -> str | None:
        return self.currentData() or None

    def set_craft(self, craft: str | None) -> None:
        """Show a piece's craft without looking like the maker chose it (no signal)."""
        self.blockSignals(True)
        select(self, normalise(craft) or "")
        self.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            refill(self, list(craft_choices()))
        super().changeEvent(event)


class NewPieceDialog(QDialog):
    """A name and a craft (none unless chosen); OK waits for a name."""

    def __init__(self, parent: QWidget | None = None, craft: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_piece_dialog")
        self.name = QLineEdit(self)
        self.name.setObjectName("new_piece_name")
        self.name.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)
        self.craft = CraftCombo(self, craft)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.name_label = QLabel(self)
        self.craft_label = QLabel(self)
        self.form = QFormLayout()
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.craft_label, self.craft)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._name_changed)
        self.retranslate()
        self._name_changed(self.name.text())

    def _name_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New piece"))
        self.name_label.setText(self.tr("Name:"))
        self.craft_label.setText(self.tr("Craft:"))
        self.craft.setToolTip(self.tr("Picks the caption starters offered after a flag and "
                                      "the hashtags of the post text."))
        self.name.setPlaceholderText(self.tr("e.g. Vase bleu #3"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.name.setFocus()
            return
        self.accept()
