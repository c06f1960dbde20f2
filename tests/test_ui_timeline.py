"""The struggle timeline tab: strip, large still, moments, suggestions, curation, undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from coulisses.journal import Journal
from coulisses.journal.codec import encode_still
from coulisses.preferences import Preferences
from coulisses.timeline.build import build_timeline
from coulisses.ui.timeline.strip_layout import GAP, SESSION, STILL, Zoom, build_layout

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))


def fill(journal: Journal, piece_id: str, start: datetime, n: int, every: float = 10.0,
         value: int = 120) -> list[str]:
    ids = []
    for i in range(n):
        frame = np.full((90, 160, 3), value, np.uint8)
        frame[:, (i * 7) % 150:(i * 7) % 150 + 10] = 30  # a hand passing
        jpeg, thumb = encode_still(frame)
        ids.append(journal.add_still(piece_id, jpeg, start + timedelta(seconds=i * every),
                                     thumbnail=thumb).id)
    return ids


@pytest.fixture
def piece(journal):
    p = journal.create_piece("Vase bleu")
    first = fill(journal, p.id, T0, 20)
    second = fill(journal, p.id, T0 + timedelta(hours=4), 20)
    journal.record_gap(p.id, T0 + timedelta(seconds=95), T0 + timedelta(seconds=99), "lost")
    journal.add_moment(p.id, "struggle", at=first[5], caption="Le col s'affaisse")
    journal.add_moment(p.id, "result", at=second[-1])
    return p, first, second


def open_timeline(qtbot, journal, piece_id):
    from coulisses.ui.main_window import MainWindow
    from coulisses.ui.main_window import window as window_module

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.ask = lambda *_a: window_module.STOP
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(window.timeline)
    qtbot.waitUntil(lambda: window.pieces.model.row_of(piece_id) >= 0, timeout=5000)
    window.pieces.select(piece_id)
    qtbot.waitUntil(lambda: window.timeline.piece_id == piece_id
                    and window.timeline.timeline is not None, timeout=10000)
    return window, window.timeline


def test_layout_places_sessions_gaps_and_moments(journal, piece) -> None:
    p, first, second = piece
    timeline = build_timeline(journal.snapshot(p.id), suggestions=False)
    lay = build_layout(timeline, Zoom.EVERY)
    kinds = lay.kinds.tolist()
    assert kinds.count(STILL) == 40 and kinds.count(SESSION) == 2 and kinds.count(GAP) == 1
    assert kinds[0] == SESSION and kinds.index(SESSION, 1) == 22  # 20 stills + gap + session
    gap_cell = kinds.index(GAP)
    assert int(lay.refs[gap_cell + 1]) == 10  # the first still after the camera came back
    (m,) = lay.moments_in(5, 5)
    assert m.caption == "Le col s'affaisse"
    assert [mm.kind for mm in lay.moments_in(0, 39)] == ["struggle", "result"]
    assert lay.cell_at(int(lay.x[7]) + 3) == 7
    zoomed = build_layout(timeline, Zoom.SESSION)
    assert zoomed.kinds.tolist() == [SESSION, STILL, SESSION, STILL]
    assert (int(zoomed.first[1]), int(zoomed.last[1])) == (0, 19)


def test_strip_shows_the_piece_and_steps_with_keys(qtbot, journal, piece) -> None:
    p, first, second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    strip = page.strip
    assert strip.current == 39  # opens on the latest still
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Home)
    assert strip.current == 0
    assert page.still.capture is not None and page.still.capture.id == first[0]
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    qtbot.keyClick(strip, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert strip.selection == (1, 2)
    qtbot.keyClick(strip, Qt.Key.Key_End)
    assert strip.current == 39
    bar = strip.horizontalScrollBar()
    assert bar.value() == bar.maximum() > 0
    qtbot.waitUntil(lambda: len(strip.thumbs) >= 5, timeout=5000)  # visible thumbnails loaded


def test_flag_a_range_as_a_span_caption_it_and_undo_redo(qtbot, journal, piece) -> None:
    p, first, second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    page.strip.set_current(10)
    page.strip.set_current(12, extend=True)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.flag_selection("fix")
    fix = next(m for m in journal.snapshot(p.id).moments if m.kind == "fix")
    assert (fix.capture, fix.span_to) == (first[10], first[12])
    page.recaption(fix.id, "Recentré")
    assert next(m for m in journal.snapshot(p.id).moments if m.id == fix.id).caption == "Recentré"
    assert window.undo_action.text() == "&Undo Edit caption"
    window.undo_action.trigger()
    assert next(m for m in journal.snapshot(p.id).moments if m.id == fix.id).caption == ""
    window.undo_action.trigger()
    assert all(m.id != fix.id for m in journal.snapshot(p.id).moments)
    window.redo_action.trigger()
    again = next(m for m in journal.snapshot(p.id).moments if m.kind == "fix")
    assert again.id == fix.id and again.span_to == first[12]  # back with its id


def test_delete_then_undo_brings_the_moment_back_with_its_id(qtbot, journal, piece) -> None:
    p, first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    struggle = next(m for m in journal.snapshot(p.id).moments if m.kind == "struggle")
    page.delete_moment(struggle.id)
    assert all(m.id != struggle.id for m in journal.snapshot(p.id).moments)
    window.undo_action.trigger()
    back = next(m for m in journal.snapshot(p.id).moments if m.id == struggle.id)
    assert (back.kind, back.capture, back.caption) == ("struggle", first[5], "Le col s'affaisse")


def test_a_failed_edit_never_lands_on_the_stack(qtbot, journal, piece) -> None:
    p, _first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    struggle = next(m for m in journal.snapshot(p.id).moments if m.kind == "struggle")
    journal.delete_moment(p.id, struggle.id)  # another process got there first
    count = page.stack.count()
    page.delete_moment(struggle.id)
    assert page.stack.count() == count
    assert window.banner.isVisibleTo(window) and "Delete moment" in window.banner.messages[-1]


def test_an_undo_that_fails_clears_the_history_and_says_so(qtbot, journal, piece) -> None:
    p, _first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    struggle = next(m for m in journal.snapshot(p.id).moments if m.kind == "struggle")
    page.recaption(struggle.id, "Effondré")
    journal.delete_moment(p.id, struggle.id)  # the moment vanished behind our back
    window.undo_action.trigger()
    assert page.stack.count() == 0
    assert "could not be undone" in window.banner.messages[-1]


def test_hide_stills_dims_them_and_undo_shows_them(qtbot, journal, piece) -> None:
    p, first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    page.strip.set_current(2)
    page.strip.set_current(4, extend=True)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.toggle_hidden()
    snap = journal.snapshot(p.id)
    assert [i for i in first if snap.is_hidden(i)] == first[2:5]
    assert page.hide_button.text() == "Show these 3 stills"
    window.undo_action.trigger()
    assert not any(journal.snapshot(p.id).is_hidden(i) for i in first)


def test_move_a_range_to_another_piece_and_back(qtbot, journal, piece) -> None:
    p, first, _second = piece
    other = journal.create_piece("Bol")
    window, page = open_timeline(qtbot, journal, p.id)
    page.strip.set_current(0)
    page.strip.set_current(3, extend=True)
    assert page.move_to_piece(page.selected_ids(), other.id)
    assert len(journal.captures(other.id)[0]) == 4
    assert len(journal.captures(p.id)[0]) == 36
    window.undo_action.trigger()
    assert len(journal.captures(other.id)[0]) == 0
    assert [c.id for c in journal.captures(p.id)[0][:4]] == first[:4]


def test_focus_click_and_cover_reach_the_journal(qtbot, journal, piece) -> None:
    p, first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    page.strip.set_current(3)
    qtbot.waitUntil(lambda: not page.still._pixmap.isNull(), timeout=5000)
    target = page.still._target()
    click = QPoint(int(target.x() + target.width() * 0.25), int(target.y() + target.height() / 2))
    qtbot.mouseClick(page.still, Qt.MouseButton.LeftButton, pos=click)
    meta = journal.snapshot(p.id).capture_meta[first[3]]
    assert abs(meta["focus"][0] - 0.25) < 0.02 and abs(meta["focus"][1] - 0.5) < 0.02
    crop = page.still.crop_rect()  # the 9:16 frame the reel shows, centred on the click
    assert abs(crop.center().x() - click.x()) < 3
    assert crop.height() == pytest.approx(target.height(), abs=1)
    page.set_cover()
    assert journal.snapshot(p.id).piece.settings.get("cover") == first[3]
    window.undo_action.trigger()
    assert journal.snapshot(p.id).piece.settings.get("cover") is None


def test_effort_plot_draws_the_arc(qtbot, journal, piece) -> None:
    p, _first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    arc = page.effort.arc
    assert arc is not None and arc.total == pytest.approx(2 * 190.0)
    assert [k for _x, k, _c in arc.marks] == ["struggle", "result"]
    assert len(arc.attempts) == 2  # a struggle then a result starts attempt 2
    assert page.strip.session_label(page.timeline.sessions[0]).splitlines()[-1] == "3 min"
    assert "6 min" in page.effort.summary or "min" in page.effort.summary
    image = page.effort.grab().toImage()
    assert image.width() > 100


def test_effort_plot_says_why_photos_far_apart_draw_no_arc(qtbot, journal) -> None:
    p = journal.create_piece("Courtepointe")
    for i in range(3):  # phone photos three hours apart: no span of work to measure
        fill(journal, p.id, T0 + timedelta(hours=3 * i), 1)
    window, page = open_timeline(qtbot, journal, p.id)
    assert page.effort.arc is not None and page.effort.arc.total == 0
    assert page.effort.empty_text() == ("The arc appears once stills are less than 30 min "
                                        "apart: the time worked is measured between them.")
    assert "of work" not in page.effort.summary and "3 sessions" in page.effort.summary
    first = page.timeline.sessions[0]
    assert page.strip.session_label(first).splitlines()[0] == "Session 1"
    assert len(page.strip.session_label(first).splitlines()) == 3  # no "0 s" line
    empty = journal.create_piece("Rien encore")
    window.pieces.select(empty.id)
    qtbot.waitUntil(lambda: page.effort.effort is not None and page.effort.effort.stills == 0,
                    timeout=5000)
    assert page.effort.empty_text() == "The arc of the piece appears once it has stills."


def test_accept_and_dismiss_suggestions_with_undo(qtbot, journal) -> None:
    from tests.test_timeline_suggestions import scene, store

    piece, caps = store(journal, "Effondrement", scene("collapse", n=40, collapse_at=20),
                        every=0.5)
    window, page = open_timeline(qtbot, journal, piece.id)
    qtbot.waitUntil(lambda: page.side.suggestions.topLevelItemCount() == 1, timeout=30000)
    (suggested,) = page.timeline.suggestions
    assert page.strip.suggested  # drawn on the strip
    page.dismiss_suggestion(suggested.capture)
    assert suggested.capture in journal.snapshot(piece.id).dismissed
    qtbot.waitUntil(lambda: page.side.suggestions.topLevelItemCount() == 0, timeout=10000)
    window.undo_action.trigger()  # un-dismissed
    assert suggested.capture not in journal.snapshot(piece.id).dismissed
    qtbot.waitUntil(lambda: page.side.suggestions.topLevelItemCount() == 1, timeout=30000)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.accept_suggestion(suggested.capture)
    (moment,) = journal.snapshot(piece.id).moments
    assert (moment.kind, moment.capture) == ("struggle", suggested.capture)
    qtbot.waitUntil(lambda: page.side.moments.state() ==
                    page.side.moments.State.EditingState, timeout=5000)  # caption to type
    window.undo_action.trigger()
    assert journal.snapshot(piece.id).moments == ()
