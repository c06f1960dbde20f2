"""The piece's area, drawn by the maker on the large still (issue 23): stored as a piece
setting (undoable), outlined on the still, and weighed by the suggestions' finder."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from coulisses.journal import JournalError
from coulisses.journal.piece_settings import PieceSettings, checked, parse_area
from coulisses.timeline.suggestions import clear_memo, find_suggestions, focus_weight
from tests.test_timeline_suggestions import scene, store
from tests.test_ui_timeline import config_dir, open_timeline  # noqa: F401 - the fixture

POT = (0.28, 0.28, 0.72, 0.78)  # around the pot of tests/test_timeline_suggestions.py


def test_an_area_is_four_numbers_in_the_picture_and_not_a_sliver() -> None:
    assert parse_area([0.9, 0.8, 0.1, 1.4]) == (0.1, 0.8, 0.9, 1.0)  # any corners, clamped
    assert parse_area([0.2, 0.2, 0.21, 0.6]) is None  # a click, not a drag
    assert parse_area("0 0 1 1") is None and parse_area([0, 0, 1]) is None
    assert parse_area([0, float("nan"), 1, 1]) is None
    settings = PieceSettings.from_mapping({"area": [0.1, 0.2, 0.5, 0.6]})
    assert settings.area == (0.1, 0.2, 0.5, 0.6)
    assert settings.to_mapping() == {"area": [0.1, 0.2, 0.5, 0.6]}
    assert PieceSettings.from_mapping({"area": {"x": 1}}).area is None  # a hand edit: none
    with pytest.raises(ValueError):
        checked(area=[0.2, 0.2, 0.2, 0.2])


def test_the_finder_weighs_the_cells_of_the_area() -> None:
    weight = focus_weight((0.9, 0.9), POT).reshape(18, 24)  # the area wins over the focus
    assert weight[9, 12] == pytest.approx(2.0) and weight[0, 0] == pytest.approx(0.6)
    assert np.array_equal(focus_weight(None, None), np.ones(24 * 18, np.float32))


def test_a_collapse_in_the_area_is_suggested(journal) -> None:
    piece, caps = store(journal, "Aire", scene("collapse", n=60, collapse_at=30))
    journal.set_piece_setting(piece.id, "area", list(POT))
    clear_memo()
    found = find_suggestions(journal.snapshot(piece.id))
    assert [abs([c.id for c in caps].index(s.capture) - 30) <= 1 for s in found] == [True]
    with pytest.raises(JournalError):
        journal.set_piece_setting(piece.id, "area", [0.5, 0.5, 0.5, 0.9])


def _drag(qtbot, still, start: tuple[float, float], end: tuple[float, float]) -> None:
    target = still._target()

    def at(p: tuple[float, float]) -> QPoint:
        return QPoint(round(target.x() + p[0] * target.width()),
                      round(target.y() + p[1] * target.height()))

    qtbot.mousePress(still, Qt.MouseButton.LeftButton, pos=at(start))
    qtbot.mouseMove(still, pos=at(((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)))
    qtbot.mouseRelease(still, Qt.MouseButton.LeftButton, pos=at(end))


def test_the_maker_draws_the_area_on_the_still_and_undoes_it(qtbot, journal) -> None:
    piece, caps = store(journal, "Aire", scene("collapse", n=40, collapse_at=20), every=0.5)
    window, page = open_timeline(qtbot, journal, piece.id)
    still = page.still
    qtbot.waitUntil(lambda: not still._pixmap.isNull(), timeout=5000)
    focus_before = journal.snapshot(piece.id).settings.focus
    qtbot.mouseClick(page.area_button, Qt.MouseButton.LeftButton)
    assert still.drawing
    _drag(qtbot, still, (0.3, 0.3), (0.3, 0.3))  # a click draws nothing: draw again
    assert still.drawing and journal.snapshot(piece.id).settings.area is None
    _drag(qtbot, still, (0.7, 0.75), (0.3, 0.3))
    area = journal.snapshot(piece.id).settings.area
    assert area is not None
    assert area == pytest.approx((0.3, 0.3, 0.7, 0.75), abs=0.01)
    assert not still.drawing and not page.area_button.isChecked()
    assert still.piece_area == area
    assert journal.snapshot(piece.id).settings.focus == focus_before  # no focus point picked
    assert window.undo_action.text() == "&Undo Draw the piece's area"
    window.undo_action.trigger()
    assert journal.snapshot(piece.id).settings.area is None
    window.redo_action.trigger()
    assert journal.snapshot(piece.id).settings.area == area
    qtbot.waitUntil(lambda: page.timeline.snapshot.settings.area == area, timeout=5000)
    page.forget_area_action.trigger()
    assert journal.snapshot(piece.id).settings.area is None
    qtbot.waitUntil(lambda: still.piece_area is None, timeout=5000)


def test_drawing_the_area_shows_the_still_alone(qtbot, journal) -> None:
    piece, caps = store(journal, "Aire", scene("collapse", n=40, collapse_at=20), every=0.5)
    window, page = open_timeline(qtbot, journal, piece.id)
    qtbot.waitUntil(lambda: page.side.suggestions.topLevelItemCount() == 1, timeout=30000)
    (suggested,) = page.timeline.suggestions
    page.compare_suggestion(suggested.capture)
    assert page.still.comparing
    page.area_button.setChecked(True)
    assert not page.still.comparing and page.still.drawing
    assert page.still.shown_ids() == (suggested.capture,)
