"""Quitting asks only about work the maker started (an import, an export, an edit).

The window's own background work (the suggestion search it starts on opening a
piece, thumbnails) is not the maker's: quitting stops it without a question.
Before, any job on the "work" pool made Quit ask "An import or export is still
running", right after opening the window, with nothing imported or exported
(it blocked CI's teardown on a slower machine: a modal question nobody answered).
"""

from __future__ import annotations

import threading

import pytest

from coulisses.ui import tasks
from coulisses.ui.main_window import window as window_module
from tests.test_ui_timeline import T0, fill, open_timeline


@pytest.fixture
def gate():
    go = threading.Event()
    yield go
    go.set()  # whatever the test did, no pool thread stays blocked
    tasks.wait_all_pools(5000)


def test_quitting_during_a_suggestion_search_asks_nothing(qtbot, journal, monkeypatch, gate):
    from coulisses.ui.timeline import page as page_module

    searching = threading.Event()

    def slow_search(*_a, **_k):
        searching.set()
        gate.wait(10)
        return ()

    monkeypatch.setattr(page_module, "find_suggestions", slow_search)
    piece = journal.create_piece("Vase")
    fill(journal, piece.id, T0, 30)
    window, _page = open_timeline(qtbot, journal, piece.id)
    assert searching.wait(10)  # the window's own search is running on the work pool
    assert tasks.pool("work").activeThreadCount() == 1
    assert not tasks.makers_work_running()

    asked: list[str] = []
    window.ask = lambda _title, text, _buttons: asked.append(text) or window_module.CANCEL
    gate.set()
    window.close()
    assert asked == []  # quit at once: nothing the maker started was running


def test_quitting_during_an_import_asks_first_and_cancel_keeps_the_window(
        qtbot, journal, gate):
    piece = journal.create_piece("Vase")
    fill(journal, piece.id, T0, 5)
    window, _page = open_timeline(qtbot, journal, piece.id)
    started = threading.Event()

    def long_import(cancel, report):
        started.set()
        while not gate.wait(0.02):
            if cancel.cancelled:
                return None
        return None

    window.importer._runner.start(long_import)  # the importer's own runner
    assert started.wait(10) and tasks.makers_work_running()

    asked: list[str] = []
    window.ask = lambda _title, text, _buttons: asked.append(text) or window_module.CANCEL
    window.close()
    assert len(asked) == 1 and "import" in asked[0]
    assert window.isVisible()  # Cancel: the import goes on, the window stays

    window.ask = lambda *_a: window_module.STOP
    gate.set()


def test_work_that_ended_counts_as_done_before_its_signal_arrives(qtbot, gate):
    """A job's end is known on its own thread: a window that never heard it (its
    receiver gone, or the signal still queued) does not ask about it forever."""
    runner = tasks.TaskRunner(None, "work", makers_work=True)
    runner.start(lambda cancel, report: gate.wait(10))
    assert tasks.makers_work_running()  # running: the maker's work
    gate.set()
    assert runner.pool.waitForDone(5000)  # ended; its finished signal not yet delivered
    assert runner.busy  # the runner has not heard yet...
    assert not tasks.makers_work_running()  # ...quitting still knows it is done
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
