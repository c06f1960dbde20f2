"""Unexpected errors open one copyable dialog, from slots and worker threads; the app lives on."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from coulisses.ui.crash_dialog import CrashDialog, install_excepthook

# pytest-qt turns exceptions in slots into test failures; here they are the subject.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def hooked(qapp: QApplication, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_excepthook(qapp)
    yield qapp
    for dialog in _dialogs(visible_only=False):
        dialog.close()
        dialog.deleteLater()


def _dialogs(visible_only: bool = True) -> list[CrashDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, CrashDialog) and (w.isVisible() or not visible_only)]


def _one_dialog(qtbot) -> CrashDialog:
    qtbot.waitUntil(lambda: len(_dialogs()) == 1)
    return _dialogs()[0]


def _alive(qtbot) -> None:
    """The event loop still runs: a timer started now fires."""
    fired = []
    QTimer.singleShot(0, lambda: fired.append(1))
    qtbot.waitUntil(lambda: fired == [1])


def test_error_in_a_slot_opens_a_dialog_with_the_traceback(qtbot, hooked) -> None:
    button = QPushButton("Snap")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise ZeroDivisionError("slot went wrong")

    button.clicked.connect(broken_slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = _one_dialog(qtbot)
    details = dialog.details.toPlainText()
    assert "ZeroDivisionError: slot went wrong" in details
    assert "broken_slot" in details and "Coulisses 0." in details and "Python" in details
    assert "stills are safe" in dialog.sentence.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    _alive(qtbot)


def test_error_in_a_worker_thread_reaches_the_gui_thread(qtbot, hooked) -> None:
    def worker() -> None:
        raise RuntimeError("camera thread failed")

    thread = threading.Thread(target=worker, name="capture-worker")
    thread.start()
    thread.join()
    dialog = _one_dialog(qtbot)
    assert dialog.thread() is QApplication.instance().thread()
    details = dialog.details.toPlainText()
    assert "RuntimeError: camera thread failed" in details and "capture-worker" in details
    _alive(qtbot)


def test_fifty_identical_errors_make_one_dialog(qtbot, hooked) -> None:
    def fail(i: int) -> None:
        raise ValueError(f"bad frame {i}")  # messages differ, the place does not

    threads = [threading.Thread(target=fail, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    dialog = _one_dialog(qtbot)
    qtbot.waitUntil(lambda: dialog.count == 50)
    assert "50" in dialog.repeats.text()

    # A different error while it is open joins the same dialog.
    def other() -> None:
        raise KeyError("piece")

    t = threading.Thread(target=other)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: "KeyError" in dialog.details.toPlainText())
    assert len(_dialogs()) == 1

    # Dismissed: the same error again is only logged, not shown again.
    dialog.reject()
    t = threading.Thread(target=fail, args=(99,))
    t.start()
    t.join()
    _alive(qtbot)
    qtbot.wait(50)
    assert _dialogs() == []


def test_error_in_a_qt_pool_thread_reaches_the_dialog(qtbot, hooked) -> None:
    from PySide6.QtCore import QRunnable, QThreadPool

    class Broken(QRunnable):
        def run(self) -> None:
            raise OSError("thumbnail worker failed")

    pool = QThreadPool()
    pool.start(Broken())
    assert pool.waitForDone(5000)
    dialog = _one_dialog(qtbot)
    assert "OSError: thumbnail worker failed" in dialog.details.toPlainText()
    _alive(qtbot)


def test_dialog_outlives_the_window_that_was_active(qtbot, hooked) -> None:
    from PySide6.QtWidgets import QDialog
    from shiboken6 import isValid

    owner = QDialog()
    owner.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    owner.show()
    owner.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is owner)

    def worker() -> None:
        raise RuntimeError("while a dialog was active")

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    dialog = _one_dialog(qtbot)
    owner.close()  # deletes itself
    qtbot.waitUntil(lambda: not isValid(owner))
    assert isValid(dialog) and _dialogs() == [dialog]


def test_a_failing_dialog_does_not_loop_through_the_hook(qtbot, hooked, monkeypatch) -> None:
    calls = []

    def broken_dialog(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("cannot build the dialog")

    monkeypatch.setattr("coulisses.ui.crash_dialog.CrashDialog", broken_dialog)
    t = threading.Thread(target=lambda: 1 / 0)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: calls == [1])
    qtbot.wait(200)  # a loop would have called it again by now
    assert calls == [1]
