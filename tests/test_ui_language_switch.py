"""Switching English → French while the app runs: widgets filled from data re-render
in the new language from what they already hold (issue 13), and back to English."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPicture
from PySide6.QtWidgets import QApplication

from coulisses.journal.codec import encode_still
from coulisses.ui.language import apply_language

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return qapp  # in English before and after each test: conftest's _app_speaks_english


def add_stills(journal, piece_id: str, start: datetime, n: int) -> list[str]:
    ids = []
    for i in range(n):
        frame = np.full((90, 160, 3), 120, np.uint8)
        frame[:, (i * 7) % 150:(i * 7) % 150 + 10] = 30  # a hand passing
        jpeg, thumb = encode_still(frame)
        ids.append(journal.add_still(piece_id, jpeg, start + timedelta(seconds=i * 10),
                                     thumbnail=thumb).id)
    return ids


@pytest.fixture
def page(qtbot, journal, app):
    """The timeline of a piece worked in two sessions, with a struggle, a fix and a result."""
    from coulisses.ui.timeline.commands import EditStack
    from coulisses.ui.timeline.page import TimelinePage

    piece = journal.create_piece("Vase bleu")
    first = add_stills(journal, piece.id, T0, 12)
    second = add_stills(journal, piece.id, T0 + timedelta(hours=4), 12)
    journal.add_moment(piece.id, "struggle", at=first[4])
    journal.add_moment(piece.id, "fix", at=first[8], caption="Recentré")
    journal.add_moment(piece.id, "result", at=second[-1])
    page = TimelinePage(journal, EditStack(lambda _message: None))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.set_piece(piece.id)
    # The suggestions search ends first: it refills the panel, which would hide the bug.
    qtbot.waitUntil(lambda: not page._suggestions.busy, timeout=30000)
    return page


def kinds_listed(page) -> list[str]:
    tree = page.side.moments
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_the_moments_list_names_its_kinds_in_the_new_language(qtbot, app, page) -> None:
    side = page.side
    assert kinds_listed(page) == ["struggle", "fix", "result"]
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: kinds_listed(page) == ["difficulté", "correction", "résultat"],
                        timeout=3000)
        # as wide as the longest new word ("correction" is wider than "fix")
        assert side.moments.columnWidth(0) >= side.moments.sizeHintForColumn(0)
        # the kind combo follows the moment chosen, whatever language the list is in
        for row, kind in ((1, "fix"), (2, "result"), (0, "struggle")):
            side.moments.setCurrentItem(side.moments.topLevelItem(row))
            assert side.kind.currentData() == kind
        assert side.kind.currentText() == "difficulté"
        assert side.moments.topLevelItem(1).text(2) == "Recentré"  # captions untouched
    finally:
        apply_language(app, "en")
    qtbot.waitUntil(lambda: kinds_listed(page) == ["struggle", "fix", "result"], timeout=3000)
    side.moments.setCurrentItem(side.moments.topLevelItem(1))
    assert side.kind.currentData() == "fix" and side.kind.currentText() == "fix"


def test_the_suggestions_say_why_in_the_new_language(qtbot, journal, app) -> None:
    from coulisses.ui.timeline.commands import EditStack
    from coulisses.ui.timeline.page import TimelinePage
    from tests.test_timeline_suggestions import scene, store

    piece, _caps = store(journal, "Effondrement", scene("collapse", n=40, collapse_at=20),
                         every=0.5)
    page = TimelinePage(journal, EditStack(lambda _message: None))
    qtbot.addWidget(page)
    page.show()
    page.set_piece(piece.id)
    tree = page.side.suggestions
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1, timeout=30000)
    assert tree.topLevelItem(0).text(1).startswith("The piece changed shape here")
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: tree.topLevelItem(0).text(1).startswith(
            "La pièce a changé de forme ici"), timeout=3000)
    finally:
        apply_language(app, "en")
    qtbot.waitUntil(lambda: tree.topLevelItem(0).text(1).startswith(
        "The piece changed shape here"), timeout=3000)


def test_the_effort_summary_and_its_tooltip_follow_the_language(qtbot, app, page) -> None:
    effort = page.effort
    assert "of work" in effort.summary and "1 struggle" in effort.summary
    assert effort.toolTip() == effort.summary
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: "de travail" in effort.summary, timeout=3000)
        assert "1 difficulté" in effort.summary and "2 séances" in effort.summary
        assert effort.toolTip() == effort.summary
    finally:
        apply_language(app, "en")
    qtbot.waitUntil(lambda: "of work" in effort.summary, timeout=3000)
    assert effort.toolTip() == effort.summary


def test_the_line_under_the_large_still_follows_the_language(qtbot, app, page) -> None:
    page.set_cover()  # the current still (the latest) is the cover
    qtbot.waitUntil(lambda: page.cover_id() is not None and "cover" in page.info.text(),
                    timeout=10000)
    qtbot.waitUntil(lambda: not page._suggestions.busy, timeout=30000)
    assert "session 2" in page.info.text()
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: "séance 2" in page.info.text(), timeout=3000)
        assert "couverture" in page.info.text() and "cover" not in page.info.text()
    finally:
        apply_language(app, "en")
    qtbot.waitUntil(lambda: "session 2 · cover" in page.info.text(), timeout=3000)


class Paints(QObject):
    """Counts a widget's paint events."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def draws(widget, text: str) -> bool:
    """Whether painting the widget now draws this text (its drawing recorded in a QPicture)."""
    picture = QPicture()
    widget.render(picture)
    return text.encode("utf-16-be") in bytes(picture.data())


def test_a_still_that_cannot_be_read_says_so_in_the_new_language(qtbot, journal, app) -> None:
    from coulisses.ui.timeline.still_view import StillView

    piece = journal.create_piece("Bol")
    add_stills(journal, piece.id, T0, 1)
    (capture,) = journal.snapshot(piece.id).captures
    capture.path.write_bytes(b"\xff\xd8\xff\xe0 cut short")  # a still damaged on disk
    view = StillView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.show_capture(capture, None)
    qtbot.waitUntil(lambda: draws(view, "This still cannot be read."), timeout=5000)
    paints = Paints(view)
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: paints.count > 0, timeout=3000)  # drawn again…
        assert draws(view, "Cette photo est illisible.")  # …with this
    finally:
        apply_language(app, "en")
    painted = paints.count
    qtbot.waitUntil(lambda: paints.count > painted, timeout=3000)
    assert draws(view, "This still cannot be read.")


def test_the_past_exports_follow_the_language(qtbot, journal, app, tmp_path) -> None:
    from coulisses.export import ExportOptions, export_with_options
    from coulisses.export.options import CAROUSEL_ONLY
    from coulisses.preferences import Preferences
    from coulisses.ui.export.dialog import ExportDialog

    piece = journal.create_piece("Plat")
    add_stills(journal, piece.id, T0, 6)
    options = ExportOptions(outputs=CAROUSEL_ONLY)
    export_with_options(journal.snapshot(piece.id), tmp_path / "out", options)
    gone = export_with_options(journal.snapshot(piece.id), tmp_path / "out", options)
    shutil.rmtree(gone.folder)
    dialog = ExportDialog(journal, piece.id, Preferences())
    qtbot.addWidget(dialog)
    dialog.show()

    def lines() -> list[str]:
        return [dialog.history.item(i).text() for i in range(dialog.history.count())]

    assert lines()[0].endswith(" · carousel · folder gone")  # the newest first
    assert lines()[1].endswith(" · carousel") and "folder gone" not in lines()[1]
    dialog.history.setCurrentRow(1)
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: lines()[0].endswith(" · carrousel · dossier disparu"),
                        timeout=3000)
        assert lines()[1].endswith(" · carrousel")
        assert dialog.history.currentRow() == 1  # the export chosen stays chosen
    finally:
        apply_language(app, "en")
    qtbot.waitUntil(lambda: lines()[0].endswith(" · carousel · folder gone"), timeout=3000)


def test_the_caption_prompt_keeps_the_time_it_was_asked_with(qtbot, journal, app) -> None:
    from coulisses.ui.moments import CaptionPrompt

    piece = journal.create_piece("Bol")
    add_stills(journal, piece.id, T0, 2)
    moment = journal.add_moment(piece.id, "struggle")
    prompt = CaptionPrompt(journal=journal)
    qtbot.addWidget(prompt)
    prompt.ask(piece.id, moment.id, "struggle", "10:31:07")
    assert prompt.title.text() == "Struggle flagged at 10:31:07"
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: prompt.title.text().startswith("Difficulté"), timeout=3000)
        assert prompt.title.text() == "Difficulté\u00a0: moment marqué à 10:31:07"
    finally:
        apply_language(app, "en")
    qtbot.waitUntil(lambda: prompt.title.text() == "Struggle flagged at 10:31:07", timeout=3000)


def test_an_open_import_summary_follows_the_language(qtbot, journal, app, tmp_path) -> None:
    from coulisses.capture.importer import import_photos
    from coulisses.ui.importing.summary import ImportSummary
    from tests.test_ui_import import photos

    piece = journal.create_piece("Bol")
    report = import_photos(journal, piece.id, [photos(tmp_path / "DCIM", 3)])
    summary = ImportSummary(report)
    qtbot.addWidget(summary)
    summary.show()
    assert summary.headline.text().startswith("3 photos imported · 1 skipped")
    assert summary.windowTitle() == "Import finished"
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: summary.headline.text().startswith(
            "3 photos importées · 1 ignorée"), timeout=3000)
        assert summary.windowTitle() == "Import terminé"
        assert "IMG_BROKEN.JPG" in summary.details.toPlainText()
    finally:
        apply_language(app, "en")
    qtbot.waitUntil(lambda: summary.headline.text().startswith("3 photos imported"),
                    timeout=3000)
    assert summary.details.isVisible() and summary.height() > 200  # room for the details


def test_starters_read_after_the_prompt_is_gone_are_dropped(qtbot, journal) -> None:
    """A switch reloads the prompt's starters in a pool thread: the window may be gone
    by the time they are read (this raised "FlowLayout already deleted")."""
    import shiboken6

    from coulisses.ui.moments import CaptionPrompt
    from coulisses.ui.tasks import wait_all_pools

    piece = journal.create_piece("Bol")
    moment = journal.add_moment(piece.id, "struggle")
    prompt = CaptionPrompt(journal=journal)
    prompt.ask(piece.id, moment.id, "struggle", "10:31:07")
    shiboken6.delete(prompt)  # before the GUI thread hears back from the pool
    assert wait_all_pools()
    qtbot.wait(100)  # the finished signal, queued to the GUI thread, finds no receiver


def test_the_catalogue_capture_threads_read_is_made_on_the_gui_thread(app, monkeypatch) -> None:
    """A capture thread's first plural in French reads a catalogue the GUI thread made: a
    QTranslator made there would make Qt adopt a thread that ends (tests/conftest.py)."""
    import threading

    from coulisses import i18n
    from coulisses.ui import language

    monkeypatch.setattr(i18n, "_translators", {})  # as at start-up: nothing loaded yet
    apply_language(app, "fr")
    said: list[str] = []
    worker = threading.Thread(target=lambda: said.append(i18n.tr("%n still(s) kept", None, 3)))
    worker.start()
    worker.join()
    assert said == ["3 photos gardées"]
    assert i18n.catalogue("fr").thread() is app.thread()
    assert language._ours is i18n.catalogue("fr")  # the widgets' catalogue: one object, loaded once
