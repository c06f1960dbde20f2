"""The windows ask the name reels are signed with before the first one is signed (issue
21, item 1): the welcome page beside the first piece, the export window while it was
never given, Preferences to change it (pytest-qt, offscreen). The config folder is each
test's own (tests/conftest.py)."""

from __future__ import annotations

import getpass

import pytest
from PySide6.QtCore import Qt

from coulisses.capture.demo_piece import build_demo_piece
from coulisses.credentials.verify import verify_file
from coulisses.preferences import Preferences, load_preferences, save_preferences
from tests.test_ui_bench import make_window
from tests.test_ui_export import open_dialog

EXAMPLE = "Atelier Terre et Bois"


def signing_name() -> str | None:
    from coulisses.credentials.names import peek_name

    return peek_name()


# --------------------------------------------------------------------- welcome page
def test_the_welcome_page_asks_the_name_and_the_first_reel_says_it(qtbot, journal, tmp_path):
    window = make_window(qtbot, journal)
    welcome = window.welcome
    qtbot.waitUntil(lambda: window.right.currentWidget() is welcome, timeout=5000)
    assert welcome.signer_row.isVisible() and welcome.signer.isVisible()
    assert EXAMPLE in welcome.signer.placeholderText()
    assert getpass.getuser() not in welcome.signer.placeholderText()
    assert welcome.signer_label.text() == "Sign your reels as:"
    welcome.name.setText("Bol raku")
    qtbot.keyClicks(welcome.signer, EXAMPLE)
    qtbot.mouseClick(welcome.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.views, timeout=5000)
    assert signing_name() == EXAMPLE  # the identity is made in that name at once
    assert load_preferences()[0].maker_name == EXAMPLE
    # The window writes its own copy of the preferences later (capture settings): the
    # name is in the identity too, so the first reel still says it.
    save_preferences(window.preferences)
    from coulisses.export.options import ExportOptions, export_with_options

    piece = build_demo_piece(journal, lang="en")
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out",
                                 ExportOptions(duration=14, outputs=frozenset({"cover"})))
    assert verify_file(result.files["cover"]).signer == EXAMPLE


def test_the_welcome_page_does_not_ask_a_name_already_given(qtbot, journal):
    from coulisses.credentials.identity import set_maker_name

    set_maker_name(EXAMPLE)
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.welcome, timeout=5000)
    assert not window.welcome.signer_row.isVisible()


# --------------------------------------------------------------------- export window
@pytest.fixture
def demo(journal):
    return build_demo_piece(journal, lang="en")


COVER_ONLY = {"mp4": False, "frames": False, "srt": False, "vtt": False, "post": False,
              "carousel": False, "cover": True}


def render(qtbot, dialog) -> object:
    """The cover alone (the quickest signed file); a second window remembers the choice."""
    if any(box.isChecked() != COVER_ONLY[name] for name, box in dialog.outputs.items()):
        with qtbot.waitSignal(dialog.preview.planned, timeout=15000):
            for name, on in COVER_ONLY.items():
                dialog.outputs[name].setChecked(on)
    assert dialog.render()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=120000)
    assert dialog.result is not None, dialog.status.text()
    return dialog.result


def test_the_export_window_asks_the_name_before_the_first_signature(qtbot, journal, demo,
                                                                    tmp_path):
    dialog = open_dialog(qtbot, journal, demo, tmp_path / "a")
    assert dialog.form.isRowVisible(dialog.signer_name) and dialog.signer_name.isVisible()
    assert EXAMPLE in dialog.signer_name.placeholderText()
    assert dialog.signer_label.text() == "Sign the reel as"
    qtbot.keyClicks(dialog.signer_name, EXAMPLE)
    result = render(qtbot, dialog)
    assert result.credentials.ok and result.credentials.maker == EXAMPLE
    assert verify_file(result.files["cover"]).signer == EXAMPLE
    assert not dialog.signer_name.isVisible()  # given: not asked again
    again = open_dialog(qtbot, journal, demo, tmp_path / "b")
    assert not again.form.isRowVisible(again.signer_name)


def test_left_empty_the_reel_says_the_neutral_name_and_the_window_asks_again(
        qtbot, journal, demo, tmp_path):
    dialog = open_dialog(qtbot, journal, demo, tmp_path / "a")
    first = render(qtbot, dialog)
    assert verify_file(first.files["cover"]).signer == "Coulisses maker"
    assert "Preferences" in dialog.credentials.text()  # how to set it, said
    again = open_dialog(qtbot, journal, demo, tmp_path / "b")
    assert again.form.isRowVisible(again.signer_name)
    qtbot.keyClicks(again.signer_name, EXAMPLE)
    second = render(qtbot, again)
    assert verify_file(second.files["cover"]).signer == EXAMPLE
    assert second.credentials.fingerprint == first.credentials.fingerprint
    assert verify_file(first.files["cover"], second.credentials.root).trusted


def test_the_export_window_does_not_ask_a_name_already_given(qtbot, journal, demo, tmp_path):
    save_preferences(Preferences(maker_name=EXAMPLE))
    dialog = open_dialog(qtbot, journal, demo, tmp_path)
    assert not dialog.form.isRowVisible(dialog.signer_name)


def test_a_journal_signed_with_the_login_name_asks_for_a_real_one(qtbot, journal, demo,
                                                                  tmp_path):
    """What an older version left: keys in the journal, in the computer's login name."""
    from tests.test_identity import old_keys

    old_keys(journal.home, getpass.getuser())
    dialog = open_dialog(qtbot, journal, demo, tmp_path)
    assert dialog.form.isRowVisible(dialog.signer_name)
    qtbot.keyClicks(dialog.signer_name, EXAMPLE)
    result = render(qtbot, dialog)
    assert verify_file(result.files["cover"]).signer == EXAMPLE
    assert not (journal.home / "credentials").exists()  # moved out, before the name


# --------------------------------------------------------------------- preferences
def test_preferences_show_the_name_the_reels_are_signed_with(qtbot):
    from coulisses.credentials.identity import set_maker_name
    from coulisses.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    assert dialog.maker_name.text() == "" and EXAMPLE in dialog.maker_name.placeholderText()
    identity = set_maker_name(EXAMPLE)
    save_preferences(Preferences())  # the window's older copy, written over it
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    assert dialog.maker_name.text() == EXAMPLE  # what the reels say, not an empty field
    assert dialog.keys_folder.text() == str(identity.folder)
    assert "fingerprint" in dialog.maker_note.text()
    dialog.maker_name.setText("Terre et Bois")
    assert dialog.preferences().maker_name == "Terre et Bois"
