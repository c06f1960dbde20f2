"""Preferences in the app: the language switch at run time, the preferences dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from coulisses import i18n
from coulisses.ui.language import apply_language


class Retranslating(QWidget):
    """Stands for any of the app's widgets: re-translates on LanguageChange."""

    def __init__(self) -> None:
        super().__init__()
        self.changes = 0
        self.label = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("MainWindow", "Your pieces"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.changes += 1
            self.retranslate()
        super().changeEvent(event)


@pytest.fixture
def app(qapp: QApplication):
    yield qapp
    apply_language(qapp, "en")


def _cancel_text(widget: Retranslating) -> str:
    return widget.buttons.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_switching_to_french_and_back_without_restart(qtbot, app) -> None:
    widget = Retranslating()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.label.text() == "Your pieces"
    assert apply_language(app, "fr") == "fr"
    qtbot.waitUntil(lambda: widget.label.text() == "Vos pièces")
    assert i18n.language() == "fr"
    assert i18n.tr("{n} struggles", n=2) == "2 difficultés"  # the CLI-side strings follow
    qtbot.waitUntil(lambda: _cancel_text(widget).replace("&", "") == "Annuler")
    assert apply_language(app, "en") == "en"
    qtbot.waitUntil(lambda: widget.label.text() == "Your pieces")
    qtbot.waitUntil(lambda: _cancel_text(widget).replace("&", "") == "Cancel")
    assert i18n.language() == "en"


def test_system_follows_the_detected_language(app, monkeypatch) -> None:
    monkeypatch.setenv("COULISSES_LANG", "fr")
    assert apply_language(app, "system") == "fr"
    monkeypatch.setenv("COULISSES_LANG", "en")
    assert apply_language(app, "system") == "en"


def test_switching_replaces_rather_than_stacks_translators(qtbot, app) -> None:
    widget = Retranslating()
    qtbot.addWidget(widget)
    for _ in range(3):
        apply_language(app, "fr")
    apply_language(app, "en")
    qtbot.waitUntil(lambda: widget.label.text() == "Your pieces")
    # No French translator left behind answering for English.
    assert QCoreApplication.translate("MainWindow", "Your pieces") == "Your pieces"
