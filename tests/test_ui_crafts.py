"""Crafts in the window: chosen for a piece, offered as caption starters, in the post text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from coulisses.crafts import caption_starters, craft_label, hashtags
from coulisses.journal import Journal
from coulisses.journal.codec import encode_still
from coulisses.preferences import Preferences

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))


def add_stills(journal: Journal, piece_id: str, n: int, start: datetime = T0) -> list[str]:
    ids = []
    for i in range(n):
        frame = np.full((90, 160, 3), 100 + 5 * i, np.uint8)
        frame[:, (i * 9) % 150:(i * 9) % 150 + 10] = 30
        jpeg, thumb = encode_still(frame)
        ids.append(journal.add_still(piece_id, jpeg, start + timedelta(seconds=10 * i),
                                     thumbnail=thumb).id)
    return ids


def make_window(qtbot, journal: Journal):
    from coulisses.ui.main_window import MainWindow
    from coulisses.ui.main_window import window as window_module

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.ask = lambda *_a: window_module.STOP
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def flag(qtbot, window, key) -> list[str]:
    """Press a flag key; the starters the caption prompt then offers."""
    prompt = window.caption_prompt
    with qtbot.waitSignal(prompt.starters_ready, timeout=5000) as ready:
        qtbot.keyClick(window, key)
    assert prompt.isVisible() and prompt.edit.hasFocus()
    return ready.args[0]


def test_the_prompt_offers_the_craft_starters_and_enter_saves_the_one_clicked(qtbot, journal):
    piece = journal.create_piece("Robe lin")
    journal.update_piece_settings(piece.id, craft="sewing")
    add_stills(journal, piece.id, 3)
    journal.add_moment(piece.id, "struggle", caption="Fil cassé")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    prompt = window.caption_prompt

    offered = flag(qtbot, window, Qt.Key.Key_F8)
    assert offered == caption_starters("sewing", "struggle", "en", 2)  # the second struggle
    assert offered[0] == "Unpicking, round 2."
    buttons = prompt.starters.buttons
    assert [b.text() for b in buttons] == offered and all(b.isVisible() for b in buttons)
    assert prompt.starters_label.isVisible()
    qtbot.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    assert prompt.edit.text() == offered[2] and prompt.edit.hasFocus()
    qtbot.keyClicks(prompt.edit, " Again")  # a starter is a beginning: typing goes on
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Return)
    assert not prompt.isVisible()
    captions = {m.caption for m in journal.snapshot(piece.id).moments}
    assert captions == {"Fil cassé", offered[2] + " Again"}

    # From the keyboard: ↓ steps through the fix starters, Enter saves.
    fixes = flag(qtbot, window, Qt.Key.Key_F9)
    assert fixes == caption_starters("sewing", "fix", "en", 1)
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Down)
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Down)
    assert prompt.edit.text() == fixes[1]
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Up)
    assert prompt.edit.text() == fixes[0]
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Return)
    fix = next(m for m in journal.snapshot(piece.id).moments if m.kind == "fix")
    assert fix.caption == fixes[0]

    # The maker's own words are never replaced from the keyboard; Escape still skips.
    flag(qtbot, window, Qt.Key.Key_F10)
    qtbot.keyClicks(prompt.edit, "Mine")
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Down)
    assert prompt.edit.text() == "Mine"
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Escape)
    assert not prompt.isVisible()
    milestone = next(m for m in journal.snapshot(piece.id).moments if m.kind == "milestone")
    assert milestone.caption == ""


def test_a_piece_without_craft_gets_the_general_starters(qtbot, journal):
    piece = journal.create_piece("Chose")
    add_stills(journal, piece.id, 2)
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    assert flag(qtbot, window, Qt.Key.Key_F11) == caption_starters(None, "result", "en")
    assert caption_starters(None, "result", "en") != caption_starters("pottery", "result", "en")


def test_changing_the_craft_in_the_pieces_panel_persists_and_changes_the_hashtags(
        qtbot, journal, tmp_path):
    piece = journal.create_piece("Bague")
    add_stills(journal, piece.id, 12)
    journal.add_moment(piece.id, "struggle", caption="Soudure ratée")
    window = make_window(qtbot, journal)
    panel = window.pieces
    qtbot.waitUntil(lambda: panel.current_piece_id == piece.id, timeout=5000)
    assert panel.craft.isEnabled() and panel.craft.currentText() == craft_label(None)
    # The maker steps the combo up from "Other craft" to "Jewellery" (each step is a choice).
    assert [panel.craft.itemData(i) for i in (6, 7, 8)] == ["jewellery", "digital", ""]
    for _ in range(2):
        with qtbot.waitSignal(panel.loaded, timeout=5000):
            qtbot.keyClick(panel.craft, Qt.Key.Key_Up)
    assert journal.piece(piece.id).typed_settings.craft == "jewellery"
    assert panel.craft.currentData() == "jewellery"  # still shown after the refresh

    from coulisses.ui.export.dialog import ExportDialog

    dialog = ExportDialog(journal, piece.id, Preferences(), window)
    qtbot.addWidget(dialog)
    dialog.out_dir.setText(str(tmp_path / "out"))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.plan is not None, timeout=15000)
    for name, box in dialog.outputs.items():
        box.setChecked(name == "post")
    assert dialog.render()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
    text = dialog.copy_post_text()
    assert " ".join(hashtags("jewellery", "en")) in text
    assert QApplication.clipboard().text() == text
    assert "#handmade" not in text.split("Soudure ratée")[0]


def test_the_new_piece_dialog_and_the_welcome_view_set_the_craft(qtbot, journal):
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.welcome, timeout=5000)
    welcome = window.welcome
    welcome.name.setText("Vase bleu")
    welcome.craft.setCurrentIndex(welcome.craft.findData("pottery"))
    qtbot.mouseClick(welcome.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == "vase-bleu", timeout=5000)
    assert journal.piece("vase-bleu").typed_settings.craft == "pottery"
    qtbot.waitUntil(lambda: window.pieces.craft.currentData() == "pottery", timeout=5000)

    # New… offers no craft (never the piece on screen's, issue 22); the maker picks one.
    seen = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen["offered"] = dialog.craft.currentData()
        dialog.name.setText("Lino renard")
        dialog.craft.setCurrentIndex(dialog.craft.findData("printmaking"))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    QTimer.singleShot(200, answer)
    window.pieces.ask_new_piece()
    assert seen["offered"] == ""  # "Other craft": none
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == "lino-renard", timeout=5000)
    assert journal.piece("lino-renard").typed_settings.craft == "printmaking"
    assert window.pieces.craft.currentData() == "printmaking"


def test_importing_from_the_welcome_view_keeps_the_chosen_craft(qtbot, journal, monkeypatch):
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.welcome, timeout=5000)
    asked = []
    monkeypatch.setattr(window, "ask_import_photos", lambda: asked.append(True))
    welcome = window.welcome
    welcome.name.setText("Courtepointe")
    welcome.craft.setCurrentIndex(welcome.craft.findData("sewing"))
    qtbot.mouseClick(welcome.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: asked == [True], timeout=5000)  # the photo picker comes next
    assert journal.piece("courtepointe").typed_settings.craft == "sewing"


def test_the_timeline_caption_editor_offers_the_starters(qtbot, journal):
    from coulisses.ui.timeline.side_panel import StarterEdit

    piece = journal.create_piece("Bol")
    journal.update_piece_settings(piece.id, craft="pottery")
    ids = add_stills(journal, piece.id, 6)
    journal.add_moment(piece.id, "struggle", at=ids[1], caption="Trop d'eau")
    second = journal.add_moment(piece.id, "struggle", at=ids[4])
    window = make_window(qtbot, journal)
    window.show_page(window.timeline)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id
                    and window.timeline.timeline is not None, timeout=10000)
    side = window.timeline.side
    side.edit_caption(second.id)
    item = side.moments.currentItem()
    editor = side.moments.itemWidget(item, 2) or side.moments.indexWidget(
        side.moments.indexFromItem(item, 2))
    assert isinstance(editor, StarterEdit)
    completer = editor.completer()
    model = completer.model()
    offered = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert offered == caption_starters("pottery", "struggle", "en", 2)
    assert offered[0] == "Collapse number 2."  # the second struggle, in time order
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)  # empty caption: offered at once
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.text() == offered[0]
    with qtbot.waitSignal(window.timeline.loaded, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert journal.moment(piece.id, second.id).caption == "Collapse number 2."


def test_the_starters_stay_on_screen_beside_its_right_edge(qtbot, journal):
    """The starters are wider than the caption column: with the window against the
    screen's right edge they open leftwards, whole, instead of running off it."""
    piece = journal.create_piece("Bol")
    journal.update_piece_settings(piece.id, craft="pottery")
    ids = add_stills(journal, piece.id, 6)
    moment = journal.add_moment(piece.id, "struggle", at=ids[4])
    window = make_window(qtbot, journal)
    screen = window.screen().availableGeometry()
    window.resize(1000, 640)
    window.move(screen.right() - window.frameGeometry().width() + 1, screen.top())
    window.show_page(window.timeline)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id
                    and window.timeline.timeline is not None, timeout=10000)
    side = window.timeline.side
    side.edit_caption(moment.id)
    item = side.moments.currentItem()
    editor = side.moments.indexWidget(side.moments.indexFromItem(item, 2))
    popup = editor.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert popup.width() > editor.width()  # wider than the column: the case at hand
    qtbot.waitUntil(lambda: popup.geometry().right() <= screen.right(), timeout=2000)
    assert popup.geometry().left() >= screen.left()
