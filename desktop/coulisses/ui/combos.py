"""Combo boxes whose labels are translated but whose values are not."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def select(combo: QComboBox, value: object) -> None:
    """Select the item holding ``value`` (the first one if none does)."""
    combo.setCurrentIndex(max(combo.findData(value), 0))


def refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """New (label, value) items, the same value still selected, no change signal
    (a language switch must not look like the maker choosing something else)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for label, value in items:
        combo.addItem(label, value)
    select(combo, current)
    combo.blockSignals(False)
