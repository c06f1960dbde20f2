"""Preferences in the app: the language switch at run time, the preferences dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coulisses import i18n
from coulisses.preferences import Preferences, bounds
from coulisses.ui.language import apply_language
from coulisses.ui.preferences_dialog import PreferencesDialog


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
        self.label.setText(QCoreApplication.translate("MainWindow", "Bench"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.changes += 1
            self.retranslate()
        super().changeEvent(event)


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return qapp  # English again after the test: conftest's _app_speaks_english


def _cancel_text(widget: Retranslating) -> str:
    return widget.buttons.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_switching_to_french_and_back_without_restart(qtbot, app) -> None:
    widget = Retranslating()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.label.text() == "Bench"
    assert apply_language(app, "fr") == "fr"
    qtbot.waitUntil(lambda: widget.label.text() == "Atelier")
    assert i18n.language() == "fr"
    assert i18n.tr("%n struggle(s)", None, 2) == "2 difficultés"  # the CLI-side strings follow
    qtbot.waitUntil(lambda: _cancel_text(widget).replace("&", "") == "Annuler")
    assert apply_language(app, "en") == "en"
    qtbot.waitUntil(lambda: widget.label.text() == "Bench")
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
    qtbot.waitUntil(lambda: widget.label.text() == "Bench")
    # No French translator left behind answering for English.
    assert QCoreApplication.translate("MainWindow", "Bench") == "Bench"


# ---------------------------------------------------------------- the dialog
EDITED = Preferences(default_source="rtsp://192.168.1.20:8554/live", interval=4.5,
                     skip_idle=False, idle_sensitivity=3, journal_folder="/data/atelier ✨",
                     language="fr", export_preset="shorts", export_duration=45.0,
                     export_layout="fit", auto_reel=False)


@pytest.mark.parametrize("prefs", [
    Preferences(), EDITED, Preferences(default_source="screen"),
    Preferences(default_source="7"), Preferences(default_source="/videos/tour à pot.mp4"),
], ids=["defaults", "every-field-changed", "screen", "camera-7", "video-file"])
def test_dialog_shows_and_returns_every_field(qtbot, prefs: Preferences) -> None:
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    assert dialog.preferences() == prefs


def test_editing_the_widgets_changes_the_preferences(qtbot) -> None:
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.source.setCurrentIndex(dialog.source.findData("other"))
    assert dialog.source_text.isEnabled() and dialog.source_browse.isEnabled()
    dialog.source_text.setText("  http://192.168.1.20:8080/video  ")
    dialog.interval.setValue(4.5)
    dialog.skip_idle.setChecked(False)
    assert not dialog.sensitivity.isEnabled()
    dialog.sensitivity.setCurrentIndex(dialog.sensitivity.findData(3))
    dialog.journal_folder.setText("/data/atelier ✨")
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.export_preset.setCurrentIndex(dialog.export_preset.findData("shorts"))
    dialog.export_duration.setValue(45)
    dialog.export_layout.setCurrentIndex(dialog.export_layout.findData("fit"))
    assert dialog.auto_reel.isChecked()  # on by default (the phone companion's reel)
    dialog.auto_reel.setChecked(False)
    assert dialog.preferences() == EDITED.replace(default_source="http://192.168.1.20:8080/video")
    dialog.source.setCurrentIndex(dialog.source.findData("screen"))
    assert not dialog.source_text.isEnabled()
    assert dialog.preferences().default_source == "screen"


def test_seconds_in_french_read_with_a_comma_and_a_non_breaking_space(qtbot, app) -> None:
    apply_language(app, "fr")
    dialog = PreferencesDialog(Preferences(interval=20.0, export_duration=30.0))
    qtbot.addWidget(dialog)
    assert dialog.interval.text() == "20,0\u00a0s"
    assert dialog.export_duration.text() == "30\u00a0s"


def test_limits_come_from_the_preferences(qtbot) -> None:
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    assert (dialog.interval.minimum(), dialog.interval.maximum()) == bounds("interval")
    assert dialog.interval.suffix() == " s"
    assert [dialog.sensitivity.itemData(i) for i in range(dialog.sensitivity.count())] == [1, 2, 3]
    assert [dialog.language.itemText(i) for i in range(1, 3)] == ["Français", "English"]


def test_journal_folder_shows_the_default_and_says_when_it_applies(qtbot, tmp_path: Path,
                                                                   monkeypatch) -> None:
    monkeypatch.setenv("COULISSES_HOME", str(tmp_path / "default journal"))
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    assert str(tmp_path / "default journal") in dialog.journal_folder.placeholderText()
    assert "next time" in dialog.journal_note.text()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(tmp_path / "elsewhere")))
    dialog.journal_browse.click()
    assert dialog.preferences().journal_folder == str(tmp_path / "elsewhere")


def test_browse_for_a_video_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    video = tmp_path / "tour.mp4"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(video), "")))
    dialog.source.setCurrentIndex(dialog.source.findData("other"))
    dialog.source_browse.click()
    assert dialog.preferences().default_source == str(video)


def test_restore_defaults_keeps_the_journal_folder(qtbot) -> None:
    dialog = PreferencesDialog(EDITED)
    qtbot.addWidget(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.preferences() == Preferences(journal_folder=EDITED.journal_folder)


class _Pretend(QTranslator):
    """A stand-in catalogue, so the test does not wait for the French .ts to list these."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        if context == "PreferencesDialog":
            return {"Preferences": "Préférences", "Low": "Basse"}.get(source)
        return None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def test_dialog_retranslates_and_keeps_the_values(qtbot, app) -> None:
    dialog = PreferencesDialog(EDITED.replace(idle_sensitivity=1, default_source="screen"))
    qtbot.addWidget(dialog)
    before = dialog.preferences()
    pretend = _Pretend()
    app.installTranslator(pretend)
    try:
        qtbot.waitUntil(lambda: dialog.windowTitle() == "Préférences")
        assert dialog.sensitivity.currentText() == "Basse"
        assert dialog.preferences() == before
    finally:
        app.removeTranslator(pretend)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Preferences")
    assert dialog.preferences() == before


def test_the_makers_signing_name_is_edited_and_kept(qtbot) -> None:
    from coulisses.preferences import Preferences
    from coulisses.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(Preferences(maker_name="Atelier Lune"))
    qtbot.addWidget(dialog)
    assert dialog.maker_name.text() == "Atelier Lune"
    dialog.maker_name.setText("  Marie Potière ")
    assert dialog.preferences().maker_name == "Marie Potière"
