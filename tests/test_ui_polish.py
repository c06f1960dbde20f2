"""Small things a maker trips on (issue 22): a new piece's craft, French that fits, one way
of writing dates, menus that do not stretch, buttons that wait for a choice, the import
starting in Pictures, a welcome page that answers, the tab the window was closed on, and
`piece list` marking archived pieces."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDialogButtonBox, QWidget

from coulisses.journal import Journal
from coulisses.journal.codec import encode_still
from coulisses.preferences import Preferences

T0 = datetime(2026, 12, 4, 9, 14, tzinfo=UTC)
EN_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FR_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
SHORT_DATE = re.compile(r"(?<![\d/])\d{2}/\d{2}(?![\d/])")  # 06/12: no year, no style


def _still(journal: Journal, piece_id: str, when: datetime) -> str:
    jpeg, thumb = encode_still(np.full((48, 64, 3), 110, np.uint8))
    return journal.add_still(piece_id, jpeg, when, thumbnail=thumb).id


def make_window(qtbot, journal: Journal):
    from coulisses.ui.main_window import MainWindow
    from coulisses.ui.main_window import window as window_module

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.ask = lambda *_a: window_module.STOP
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def live_switch(qtbot, lang: str) -> None:
    from coulisses.ui.language import apply_language

    apply_language(QApplication.instance(), lang)
    qtbot.wait(20)


def squeezed(root: QWidget) -> list[tuple[str, str, int, int]]:
    """Visible widgets shorter than they need to be (their letters clipped)."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisible() or isinstance(w.parentWidget(), QAbstractSpinBox):
            continue
        need = w.heightForWidth(w.width()) if w.hasHeightForWidth() \
            else w.minimumSizeHint().height()
        if w.height() < need:
            text = w.text() if hasattr(w, "text") and callable(w.text) else w.objectName()
            out.append((type(w).__name__, str(text)[:40], w.height(), need))
    return out


# --------------------------------------------------------------------- a new piece's craft
def test_a_new_piece_has_no_craft_unless_the_maker_picks_one(qtbot, journal) -> None:
    bowl = journal.create_piece("Bol raku")
    journal.update_piece_settings(bowl.id, craft="pottery")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == bowl.id, timeout=5000)
    dialog = window.pieces.new_piece_dialog()
    qtbot.addWidget(dialog)
    assert dialog.craft.craft() is None  # not the bowl's pottery
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a name first
    dialog.name.setText("Planche en noyer")
    assert ok.isEnabled()
    window.pieces.create_piece(dialog.name.text(), dialog.craft.craft())
    board = journal.find_piece("Planche en noyer")
    assert board.typed_settings.craft is None
    from coulisses.crafts import hashtags

    assert "#pottery" not in " ".join(hashtags(board.typed_settings.craft, "en"))


# ------------------------------------------------------------------------------ French
def test_preferences_in_french_fit_their_words(qtbot) -> None:
    from coulisses.ui.preferences_dialog import PreferencesDialog

    live_switch(qtbot, "fr")
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert squeezed(dialog) == []
    dialog.resize(dialog.width(), 200)  # the maker cannot squeeze it either
    qtbot.wait(20)
    assert squeezed(dialog) == []


def test_the_time_column_fits_after_a_live_switch(qtbot, journal) -> None:
    piece = journal.create_piece("Vide")  # no moment: the columns fit their headers alone
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    window.show_page(window.timeline)
    qtbot.waitUntil(lambda: window.timeline.timeline is not None, timeout=5000)
    side = window.timeline.side
    live_switch(qtbot, "fr")
    assert side.moments.headerItem().text(1) == "Heure"
    for tree, column in ((side.moments, 0), (side.moments, 1), (side.suggestions, 0)):
        header = tree.header()
        assert header.sectionSize(column) >= header.sectionSizeHint(column), (
            tree.objectName(), column, tree.headerItem().text(column))


def test_the_undo_names_follow_a_live_switch(qtbot, journal) -> None:
    piece = journal.create_piece("Bol raku")
    first = _still(journal, piece.id, T0)
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    window.show_page(window.timeline)
    qtbot.waitUntil(lambda: window.timeline.timeline is not None, timeout=5000)
    window.timeline.dismiss_suggestion(first)
    qtbot.waitUntil(lambda: "Dismiss suggestion" in window.undo_action.text(), timeout=5000)
    live_switch(qtbot, "fr")
    french = QCoreApplication.translate("TimelinePage", "Dismiss suggestion")
    assert french != "Dismiss suggestion"  # the catalogue has it
    text = window.undo_action.text()
    assert "Dismiss suggestion" not in text and french in text, text
    window.bench.flag("struggle")  # a flag from the bench, named in French now…
    qtbot.waitUntil(lambda: text != window.undo_action.text(), timeout=5000)
    live_switch(qtbot, "en")  # …and in English after switching back
    assert window.undo_action.text() == "&Undo Flag struggle"


def test_the_bench_and_preferences_write_two_seconds_alike(qtbot, journal) -> None:
    from coulisses.ui.preferences_dialog import PreferencesDialog

    window = make_window(qtbot, journal)
    window.capture_panel.interval.setValue(2.0)
    live_switch(qtbot, "fr")
    dialog = PreferencesDialog(Preferences(interval=2.0), window)
    qtbot.addWidget(dialog)
    assert window.capture_panel.interval.text() == dialog.interval.text() == "2,0\u00a0s"


# ------------------------------------------------------------------------------- dates
@pytest.mark.parametrize("lang,style", [("en", EN_DATE), ("fr", FR_DATE)])
def test_dates_are_written_one_way(qtbot, journal, lang, style) -> None:
    piece = journal.create_piece("Planche en noyer")
    ids = [_still(journal, piece.id, T0 + timedelta(minutes=i)) for i in range(3)]
    ids += [_still(journal, piece.id, T0 + timedelta(days=1, minutes=i)) for i in range(3)]
    journal.add_moment(piece.id, "struggle", at=ids[1], caption="Fente au collage")
    journal.add_moment(piece.id, "fix", at=ids[4])
    journal.dismiss_suggestion(piece.id, "none")  # (an edit today: "today" would show)
    window = make_window(qtbot, journal)
    if lang == "fr":
        live_switch(qtbot, "fr")
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    window.show_page(window.timeline)
    page = window.timeline
    qtbot.waitUntil(lambda: page.timeline is not None and page.jump.count() > 3, timeout=5000)
    page.strip.set_current(0)
    model = window.pieces.model
    texts = [model.data(model.index(0)).splitlines()[1]]
    texts += [page.jump.itemText(i) for i in range(1, page.jump.count())]
    texts += [page.side.moments.topLevelItem(i).text(1)
              for i in range(page.side.moments.topLevelItemCount())]
    texts += [page.strip.session_label(s) for s in page.timeline.sessions]
    texts.append(page.info.text())
    dated = [t for t in texts if any(ch.isdigit() for ch in t) and ":" in t]
    assert len(dated) >= 7, texts
    for text in texts:
        assert not SHORT_DATE.search(text) and "today" not in text \
            and "aujourd" not in text, text
    for text in dated:
        assert style.search(text), text


def test_the_cli_writes_dates_that_way_too(journal) -> None:
    """`piece list` through the installed script: the maker's local time (it printed UTC)."""
    from zoneinfo import ZoneInfo

    from tests import installed

    piece = journal.create_piece("Bol")
    _still(journal, piece.id, T0)
    done = installed.run("piece", "list", home=journal.home, TZ="Pacific/Auckland")
    assert done.returncode == 0, done.stderr
    local = journal.last_activity(piece.id).astimezone(ZoneInfo("Pacific/Auckland"))
    assert local.strftime("%Y-%m-%d %H:%M") in done.stdout.splitlines()[1], done.stdout
    assert not SHORT_DATE.search(done.stdout)


# ------------------------------------------------------------------------------- menus
def test_the_jump_menu_stays_its_own_width(qtbot, journal) -> None:
    piece = journal.create_piece("Bol raku")
    ids = [_still(journal, piece.id, T0 + timedelta(minutes=i)) for i in range(4)]
    journal.add_moment(piece.id, "struggle", at=ids[2], caption=(
        "The rim cracked while drying and I had to rebuild the whole left side with "
        "slip, a sponge and a great deal of patience before the second firing"))
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    page = window.timeline
    qtbot.waitUntil(lambda: page.timeline is not None and page.jump.count() > 2,
                    timeout=5000)
    window.show_page(page)  # first shown with the long caption in its list
    qtbot.wait(50)
    assert page.jump.width() < 320 and page.jump.sizeHint().width() < 320, page.jump.width()
    assert len(page.jump.itemText(page.jump.count() - 1)) < 90  # shortened, with "…"


def test_open_and_delete_wait_for_a_past_export(qtbot, journal, tmp_path, monkeypatch) -> None:
    from coulisses.export import ExportOptions, export_with_options
    from coulisses.export.presets import PRESETS
    from coulisses.ui.export.dialog import ExportDialog
    from tests.test_export_support import SMALL, make_piece

    monkeypatch.setitem(PRESETS, "reels", SMALL)
    piece, _ = make_piece(journal, n=4)
    export_with_options(journal.snapshot(piece.id), tmp_path / "out", ExportOptions(
        duration=2, end_card=False, result_first=False, outputs=frozenset({"mp4"})))
    dialog = ExportDialog(journal, piece.id, Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.history.count() == 1
    assert not dialog.history_open.isEnabled() and not dialog.history_delete.isEnabled()
    dialog.history.setCurrentRow(0)
    assert dialog.history_open.isEnabled() and dialog.history_delete.isEnabled()
    dialog.refresh_history()  # the list read again: nothing chosen any more
    assert not dialog.history_open.isEnabled()
    dialog.close()


# ------------------------------------------------------------------------------ import
def test_the_import_dialogs_start_in_pictures(qtbot, journal, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    home = tmp_path / "maker"
    (home / "Pictures").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)  # where the program was started from
    asked: list[str] = []
    # The maker's clicks in a modal file dialog cannot happen in a test: it answers "none".
    def files(_parent, _title, folder, _filter):
        asked.append(folder)
        return [], ""

    def folder(_parent, _title, folder=""):
        asked.append(folder)
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", files)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    journal.create_piece("Bol")
    window = make_window(qtbot, journal)
    window.ask_import_photos()
    window.ask_import_folder()
    assert asked == [str(home / "Pictures")] * 2


# ------------------------------------------------------------------------- welcome page
def test_create_with_no_name_says_what_to_do(qtbot, journal) -> None:
    window = make_window(qtbot, journal)
    welcome = window.welcome
    qtbot.waitUntil(lambda: window.right.currentWidget() is welcome, timeout=5000)
    assert not welcome.name_note.isVisible()
    qtbot.mouseClick(welcome.create, Qt.MouseButton.LeftButton)
    assert welcome.name_note.isVisible() and "name" in welcome.name_note.text()
    assert welcome.name.hasFocus() and journal.pieces() == []
    qtbot.keyClicks(welcome.name, "Bol raku")
    assert not welcome.name_note.isVisible()
    qtbot.mouseClick(welcome.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.views, timeout=5000)


# --------------------------------------------------------------------- the tab it was on
def test_the_window_reopens_on_the_tab_it_was_closed_on(qtbot, journal) -> None:
    journal.create_piece("Bol")
    window = make_window(qtbot, journal)
    window.show_page(window.timeline)
    window.save_window_state()  # as closing does
    again = make_window(qtbot, Journal.open(journal.home))
    assert again.views.currentIndex() == 1
    again.show_page(again.bench_page)
    again.save_window_state()
    assert make_window(qtbot, journal).views.currentIndex() == 0


# ------------------------------------------------------------------------------- the CLI
def test_piece_list_marks_archived_pieces(installed_cli, journal) -> None:
    import json

    kept = journal.create_piece("Bol raku")
    put_away = journal.create_piece("Vase fêlé")
    journal.update_piece_settings(put_away.id, archived=True)
    code, out, err = installed_cli("piece", "list")
    assert code == 0, err
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "Vase fêlé (archived)" in rows[put_away.id]
    assert "archived" not in rows[kept.id]
    code, out, err = installed_cli("piece", "list", "--json")
    assert {r["id"]: r["archived"] for r in json.loads(out)} == {kept.id: False,
                                                                put_away.id: True}
