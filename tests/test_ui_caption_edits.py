"""A caption being typed survives whatever the window refreshes meanwhile (issue 22).

Another program adds a moment (``coulisses mark`` in a terminal, the phone companion
later) while the maker types a caption: in the timeline's moments list, in the
editor the timeline opens after "Flag as…", in the bench's caption prompt. The
refresh that shows the new moment never closes the editor, and Enter saves the
words on the moment they were typed for. The other program is a real
subprocess writing to the same journal on disk.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from coulisses.journal import Journal
from coulisses.journal.codec import encode_still
from coulisses.preferences import Preferences
from tests.installed import run

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def add_stills(journal: Journal, piece_id: str, n: int, start: datetime = T0) -> list[str]:
    ids = []
    for i in range(n):
        frame = np.full((90, 160, 3), 60 + 9 * i, np.uint8)
        jpeg, thumb = encode_still(frame)
        ids.append(journal.add_still(piece_id, jpeg, start + timedelta(seconds=20 * i),
                                     thumbnail=thumb).id)
    return ids


@pytest.fixture
def piece(journal):
    p = journal.create_piece("Vase bleu")
    ids = add_stills(journal, p.id, 12)
    struggle = journal.add_moment(p.id, "struggle", at=ids[6], caption="Le col")
    fix = journal.add_moment(p.id, "fix", at=ids[9], caption="Recentré")
    return p, ids, struggle, fix


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


def open_timeline(qtbot, journal: Journal, piece_id: str):
    window = make_window(qtbot, journal)
    window.show_page(window.timeline)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece_id
                    and window.timeline.timeline is not None, timeout=10000)
    return window, window.timeline


def row_of(side, moment_id: str):
    tree = side.moments
    for i in range(tree.topLevelItemCount()):
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) == moment_id:
            return tree.topLevelItem(i)
    raise AssertionError(f"no row for {moment_id}")


def typing_in() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), f"the keyboard is on {widget!r}, not a caption"
    return widget


def mark(home, piece_id: str, *args: str) -> str:
    """``coulisses mark`` in another process; the new moment's id."""
    done = run("mark", piece_id, *args, home=home)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[-1]


def shown_moments(side) -> int:
    return side.moments.topLevelItemCount()


def editor_of(side, moment_id: str):
    """The caption editor open on this moment's row (None when closed)."""
    tree = side.moments
    return tree.indexWidget(tree.indexFromItem(row_of(side, moment_id), 2))


def test_a_caption_typed_in_the_moments_list_survives_another_programs_moment(
        qtbot, journal, home, piece) -> None:
    p, ids, struggle, fix = piece
    window, page = open_timeline(qtbot, journal, p.id)
    side, tree = page.side, page.side.moments
    cell = tree.visualRect(tree.indexFromItem(row_of(side, struggle.id), 2)).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: editor_of(side, struggle.id) is not None, timeout=3000)
    editor = typing_in()
    assert editor is editor_of(side, struggle.id) and editor.text() == "Le col"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " plie")
    # Another program flags a struggle before this one: the row moves down one, and
    # this struggle becomes the second (the starters count them).
    other = mark(home, p.id, "struggle", "--at", ids[2])
    qtbot.waitUntil(lambda: shown_moments(side) == 3, timeout=5000)
    assert editor_of(side, struggle.id) is editor  # open, on its moment's row
    assert typing_in() is editor and editor.text() == "Le col plie"
    qtbot.keyClicks(editor, " encore")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert journal.moment(p.id, struggle.id).caption == "Le col plie encore"
    assert journal.moment(p.id, other).caption == ""
    assert journal.moment(p.id, fix.id).caption == "Recentré"
    assert row_of(side, struggle.id).text(2) == "Le col plie encore"
    assert [tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1)
            for i in range(3)] == [other, struggle.id, fix.id]


def test_a_moment_deleted_and_another_changed_elsewhere_keep_the_editor_on_its_row(
        qtbot, journal, home, piece) -> None:
    """The second process uses the Journal API: it deletes the row above and moves the
    fix before the row being edited."""
    import subprocess
    import sys
    import textwrap

    p, ids, struggle, fix = piece
    window, page = open_timeline(qtbot, journal, p.id)
    side, tree = page.side, page.side.moments
    with qtbot.waitSignal(page.loaded, timeout=5000):
        journal.add_moment(p.id, "note", at=ids[1], caption="Terre")
        page.reload()
    side.edit_caption(struggle.id)  # as after a flag: the caption opens for typing
    editor = typing_in()
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " s'affaisse")
    note = next(m for m in journal.snapshot(p.id).moments if m.kind == "note")
    script = textwrap.dedent(f"""
        from coulisses.journal import Journal
        j = Journal.open({str(home)!r})
        j.delete_moment({p.id!r}, {note.id!r})
        j.update_moment({p.id!r}, {fix.id!r}, capture={ids[3]!r})
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    qtbot.waitUntil(lambda: shown_moments(side) == 2
                    and tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole + 1) == fix.id,
                    timeout=5000)
    assert editor_of(side, struggle.id) is editor and typing_in() is editor
    assert editor.text() == "Le col s'affaisse"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert journal.moment(p.id, struggle.id).caption == "Le col s'affaisse"
    assert journal.moment(p.id, fix.id).caption == "Recentré"


def test_the_caption_opened_after_flag_as_survives_another_programs_moment(
        qtbot, journal, home, piece) -> None:
    p, ids, _struggle, _fix = piece
    window, page = open_timeline(qtbot, journal, p.id)
    side = page.side
    page.strip.set_current(4)
    milestone = next(a for a in page.flag_menu.actions() if a.text() == "Milestone")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        milestone.trigger()  # "Flag as…" → Milestone
    (flagged,) = [m for m in journal.snapshot(p.id).moments if m.kind == "milestone"]
    qtbot.waitUntil(lambda: editor_of(side, flagged.id) is not None, timeout=3000)
    editor = typing_in()
    qtbot.keyClicks(editor, "Anses en place")  # no starter says so: their list closes
    mark(home, p.id, "note", "--at", ids[0], "--caption", "Argile")
    qtbot.waitUntil(lambda: shown_moments(side) == 4, timeout=5000)
    assert editor_of(side, flagged.id) is editor and typing_in() is editor
    assert editor.text() == "Anses en place"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert journal.moment(p.id, flagged.id).caption == "Anses en place"
    assert page.strip.current == 4  # the caption opened where the maker was


def test_escape_shows_the_caption_another_program_wrote_meanwhile(
        qtbot, journal, home, piece) -> None:
    p, _ids, struggle, _fix = piece
    window, page = open_timeline(qtbot, journal, p.id)
    side = page.side
    side.edit_caption(struggle.id)
    editor = typing_in()
    qtbot.keyClicks(editor, " mou")
    done = run("moment", p.id, struggle.id, "caption", "Écrit ailleurs", home=home)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: side._moments[struggle.id].caption == "Écrit ailleurs",
                    timeout=5000)
    assert typing_in() is editor
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # the maker gives up their words
    assert editor_of(side, struggle.id) is None
    assert row_of(side, struggle.id).text(2) == "Écrit ailleurs"
    assert journal.moment(p.id, struggle.id).caption == "Écrit ailleurs"


def test_the_bench_caption_prompt_keeps_its_words_when_another_program_flags(
        qtbot, journal, home, piece) -> None:
    p, ids, _struggle, _fix = piece
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == p.id, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    prompt = window.caption_prompt
    target = prompt.target
    assert prompt.isVisible() and target is not None
    qtbot.keyClicks(prompt.edit, "Trop ")
    with qtbot.waitSignal(window.pieces.loaded, timeout=5000):  # the window saw it
        mark(home, p.id, "fix", "--caption", "autre")
    assert prompt.isVisible() and prompt.edit.hasFocus() and prompt.target == target
    qtbot.keyClicks(prompt.edit, "d'eau")
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Return)
    assert journal.moment(p.id, target[1]).caption == "Trop d'eau"


def test_a_flag_key_on_the_timeline_opens_its_caption_there(qtbot, journal, piece) -> None:
    """F8 while the Timeline tab is shown: the caption is typed in the moments list the
    maker is looking at, not in the Bench tab's prompt hidden behind it."""
    p, ids, _struggle, _fix = piece
    window, page = open_timeline(qtbot, journal, p.id)
    before = {m.id for m in journal.snapshot(p.id).moments}
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: len(journal.snapshot(p.id).moments) == len(before) + 1,
                    timeout=5000)
    new = next(m for m in journal.snapshot(p.id).moments if m.id not in before)
    tree = page.side.moments
    qtbot.waitUntil(lambda: tree.state() == tree.State.EditingState, timeout=5000)
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == new.id
    assert not window.caption_prompt.isVisible()
    editor = tree.focusWidget()
    qtbot.keyClicks(editor, "Trop tard")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal.moment(p.id, new.id).caption == "Trop tard", timeout=5000)
