"""Unexpected errors become a dialog the maker can copy from; the app keeps running.

``sys.excepthook`` (errors in Qt slots and the GUI thread) and
``threading.excepthook`` (worker threads) only format the error and emit a
queued signal: the dialog is always built on the GUI thread, after the
failing code has unwound. The same error repeating (a timer failing every
second) updates one dialog's count instead of opening fifty. The details are
redacted (a stream password in an error message never reaches the dialog, the
clipboard or the log), and so is every log record once the hook is installed.
"""

from __future__ import annotations

import contextlib
import logging
import platform
import sys
import threading
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses import __version__
from coulisses.redaction import install_log_redaction, redact

log = logging.getLogger(__name__)


def describe(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None, thread: str | None = None) -> str:
    """The traceback plus what a developer needs to reproduce it, passwords masked."""
    lines = [f"Coulisses {__version__}",
             f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
             f"{platform.platform()}"]
    if thread:
        lines.append(f"Thread: {thread}")
    lines.append("")
    lines.extend(line.rstrip("\n") for line in traceback.format_exception(exc_type, exc, tb))
    return redact("\n".join(lines))


def signature(exc_type: type[BaseException], tb: TracebackType | None) -> tuple[str, ...]:
    """Same type raised from the same places = the same error (messages may vary)."""
    frames = traceback.extract_tb(tb)
    return (exc_type.__qualname__, *(f"{f.filename}:{f.lineno}" for f in frames))


class CrashDialog(QDialog):
    def __init__(self, key: tuple[str, ...], details: str, parent: QWidget | None = None, *,
                 fatal: bool = False) -> None:
        super().__init__(parent)
        self.key = key  # the error it opened for; repeats of it are counted
        self.setWindowTitle(self.tr("Unexpected error"))
        self.count = 1
        self.sentence = QLabel(self.tr(
            "Coulisses could not start because of an unexpected error; your stored stills "
            "are safe. Please copy the details below into a bug report.") if fatal else self.tr(
            "Something unexpected went wrong inside Coulisses. It keeps running and your "
            "stored stills are safe; if it happens again, copy the details below into a "
            "bug report."), self)
        self.sentence.setWordWrap(True)
        self.repeats = QLabel(self)
        self.repeats.hide()
        self.details = QPlainTextEdit(redact(details), self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumSize(560, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addWidget(self.repeats)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(redact(self.details.toPlainText()))

    def happened_again(self) -> None:
        self.count += 1
        self.repeats.setText(self.tr("This happened %n time(s).", "", self.count))
        self.repeats.show()

    def add_other(self, details: str) -> None:
        """A different error while this one is open: same dialog, details appended."""
        self.details.appendPlainText("\n" + "-" * 60 + "\n" + redact(details))


class CrashReporter(QObject):
    """Lives on the GUI thread; the hooks below may call ``report`` from any thread."""

    reported = Signal(object, str)  # signature, details

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.dialog: CrashDialog | None = None
        self._shown: dict[tuple[str, ...], CrashDialog | None] = {}
        # Queued even from the GUI thread: never build a dialog inside the failing code.
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None, thread: str | None = None) -> None:
        log.error("unexpected error%s", f" in thread {thread}" if thread else "",
                  exc_info=(exc_type, exc, tb))
        self.reported.emit(signature(exc_type, tb), describe(exc_type, exc, tb, thread))

    def _show(self, key: tuple[str, ...], details: str) -> None:
        try:
            self._show_or_count(key, details)
        except Exception:  # raising here would come straight back through the hook: a loop
            log.exception("cannot show the unexpected-error dialog")

    def _show_or_count(self, key: tuple[str, ...], details: str) -> None:
        if key in self._shown:
            # Seen before: counted in its open dialog; once dismissed it is only logged,
            # so a failing timer cannot bring the dialog back every second.
            seen = self._shown[key]
            if seen is not None and seen.key == key:
                seen.happened_again()
            return
        if self.dialog is not None:
            self._shown[key] = self.dialog
            self.dialog.add_other(details)
            return
        # No parent: the failing window (say, a dialog closing itself) must not take
        # the crash dialog down with it.
        dialog = CrashDialog(key, details)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        self._shown[key] = dialog
        self.dialog = dialog
        dialog.show()  # not exec(): the app, and capture, keep running behind it
        dialog.raise_()

    def _closed(self, dialog: CrashDialog) -> None:
        for key, seen in self._shown.items():
            if seen is dialog:
                self._shown[key] = None
        if self.dialog is dialog:
            self.dialog = None


_reporter: CrashReporter | None = None


def show_fatal(exc: BaseException) -> None:
    """An error that stops start-up: the same dialog, modal, saying the app will close."""
    install_log_redaction()
    log.error("start-up failed", exc_info=exc)
    CrashDialog(signature(type(exc), exc.__traceback__),
                describe(type(exc), exc, exc.__traceback__), fatal=True).exec()


def install_excepthook(app: QApplication) -> None:
    """Route every uncaught exception (GUI or worker thread) to the crash dialog."""
    global _reporter
    install_log_redaction()  # the error is logged too, traceback and all
    reporter = CrashReporter(app)
    _reporter = reporter

    def on_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        _report(reporter, exc_type, exc, tb)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return  # what threading does by default: a thread may end itself so
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        name = args.thread.name if args.thread is not None else None
        _report(reporter, args.exc_type, exc, args.exc_traceback, name)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def _report(reporter: CrashReporter, exc_type: type[BaseException], exc: BaseException,
            tb: TracebackType | None, thread: str | None = None) -> None:
    try:
        reporter.report(exc_type, exc, tb, thread)
    except Exception:  # the app is closing (reporter gone) or logging failed: stderr will do
        with contextlib.suppress(Exception):  # no stderr either (pythonw): nothing more to do
            sys.stderr.write(redact("".join(traceback.format_exception(exc_type, exc, tb))))
