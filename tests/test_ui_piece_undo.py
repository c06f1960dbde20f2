"""Renaming a piece and changing its craft in the pieces panel are undoable (issue 22:
every edit the maker can make in the window), compare-and-swap like the others: a
name or craft changed elsewhere meanwhile (the command line) is left as it is."""

from __future__ import annotations

from coulisses.journal import Journal
from tests.test_ui_timeline import T0, fill, open_timeline


def name_of(journal: Journal, piece_id: str) -> str:
    return journal.piece(piece_id).name


def craft_of(journal: Journal, piece_id: str) -> str | None:
    return journal.piece(piece_id).typed_settings.craft


def test_a_rename_is_undone_and_redone_and_the_edit_menu_says_it(qtbot, journal) -> None:
    p = journal.create_piece("Bol")
    fill(journal, p.id, T0, 3)
    window, _page = open_timeline(qtbot, journal, p.id)
    window.pieces.rename(p.id, "  Bol   raku ")
    assert name_of(journal, p.id) == "Bol raku"
    assert "Rename piece" in window.undo_action.text()
    window.undo_action.trigger()
    assert name_of(journal, p.id) == "Bol"
    qtbot.waitUntil(lambda: window.pieces.current_summary().piece.name == "Bol", timeout=5000)
    window.redo_action.trigger()
    assert name_of(journal, p.id) == "Bol raku"


def test_a_name_changed_elsewhere_is_not_undone_over(qtbot, journal) -> None:
    p = journal.create_piece("Bol")
    fill(journal, p.id, T0, 3)
    window, _page = open_timeline(qtbot, journal, p.id)
    said: list[str] = []
    window.edits.report = said.append
    window.pieces.rename(p.id, "Bol raku")
    journal.rename_piece(p.id, "Bol de Marie")  # another program, meanwhile
    window.undo_action.trigger()
    assert name_of(journal, p.id) == "Bol de Marie"
    assert said and "renamed elsewhere" in said[-1]


def test_a_craft_change_is_undone_and_one_changed_elsewhere_is_left(qtbot, journal) -> None:
    p = journal.create_piece("Planche")
    fill(journal, p.id, T0, 3)
    window, _page = open_timeline(qtbot, journal, p.id)
    assert craft_of(journal, p.id) is None
    window.pieces.set_craft(p.id, "woodworking")
    assert craft_of(journal, p.id) == "woodworking"
    assert "Change craft" in window.undo_action.text()
    window.undo_action.trigger()
    assert craft_of(journal, p.id) is None
    window.redo_action.trigger()
    assert craft_of(journal, p.id) == "woodworking"

    said: list[str] = []
    window.edits.report = said.append
    window.pieces.set_craft(p.id, "painting")
    journal.set_piece_setting(p.id, "craft", "pottery")  # the command line, meanwhile
    window.undo_action.trigger()
    assert craft_of(journal, p.id) == "pottery"
    assert said and "changed elsewhere" in said[-1]
