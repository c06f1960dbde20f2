"""Starting the desktop app: one instance per journal, preferences, language, errors, window."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coulisses.heap import one_arena
from coulisses.ui.qt_env import sanitize_qt_environment

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from coulisses.journal import Journal
    from coulisses.preferences import Preferences
    from coulisses.ui.single_instance import SingleInstance

    WindowFactory = Callable[[Journal, Preferences, Sequence[str]], QWidget]

ENV_BENCH = "COULISSES_BENCH_STARTUP"  # "1": print startup-ms=<n> to stderr once shown, quit
ENV_BENCH_T0 = "COULISSES_BENCH_T0"  # the launcher's time.time() before starting us
SECONDARY_WAIT_MS = 2000  # a second launch must be gone within 3 s, start-up included


def run_app(argv: Sequence[str] = (), *, window_factory: WindowFactory | None = None) -> int:
    """Run the desktop app; its exit status (0 also when another instance took over)."""
    started = float(os.environ.get(ENV_BENCH_T0) or time.time())
    # (stage, time.time()) as start-up goes; printed by the benchmark hook.
    stages: list[tuple[str, float]] = [("interpreter", time.time())]
    sanitize_qt_environment()
    one_arena()  # before Qt starts its threads: the window's memory stays flat (heap.py)
    from PySide6.QtWidgets import QApplication

    from coulisses.preferences import load_preferences
    from coulisses.ui.crash_dialog import install_excepthook, show_fatal
    from coulisses.ui.language import apply_language

    parser = argparse.ArgumentParser(prog="coulisses", add_help=False)
    parser.add_argument("--home")
    known, rest = parser.parse_known_args(list(argv))
    app = QApplication.instance() or QApplication([sys.argv[0], *rest])
    assert isinstance(app, QApplication)
    _identify(app)
    stages.append(("qt", time.time()))
    prefs, problem = load_preferences()
    apply_language(app, prefs.language)
    install_excepthook(app)
    stages.append(("preferences", time.time()))

    found = _journal_folder(prefs, known.home)
    opened = _open_journal(*found) if found is not None else 1
    stages.append(("journal", time.time()))
    if opened is None:
        return 0  # another Coulisses has this journal open and was brought forward
    if isinstance(opened, int):
        return opened
    instance, journal, prefs = opened
    try:
        make = window_factory or _main_window
        try:
            window = make(journal, prefs, [problem] if problem else [])
        except Exception as exc:  # a bug, not the maker's doing: details to copy, no traceback
            show_fatal(exc)
            return 1
        stages.append(("window", time.time()))
        if hasattr(window, "bring_forward"):
            instance.activated.connect(window.bring_forward)
        if os.environ.get(ENV_BENCH) == "1":
            _report_when_shown(app, window, started, stages)
        window.show()
        return app.exec()
    finally:
        instance.release()


def _identify(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    from coulisses import APP_ID, APP_NAME, __version__
    from coulisses.resources import asset

    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # matches packaging/coulisses.desktop (Wayland icons)
    icon = asset("icons", "coulisses.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def _main_window(journal: Journal, prefs: Preferences, problems: Sequence[str]) -> QWidget:
    from coulisses.ui.main_window import MainWindow

    return MainWindow(journal, prefs, problems=problems)


def _journal_folder(prefs: Preferences,
                    explicit: str | None) -> tuple[Path, Preferences] | None:
    """The journal folder to open and the preferences naming it; None if the maker closed.

    A folder chosen in Preferences that is missing (its disk unplugged) is never
    made afresh unasked: the stills would land on this computer's disk and hide
    under the mount point once the disk is back.
    """
    from coulisses.journal.home import JournalFolderMissing
    from coulisses.preferences import journal_home

    while True:
        try:
            return journal_home(prefs, explicit), prefs
        except JournalFolderMissing as exc:
            answer = _ask_about_missing_folder(exc.folder)
            if answer == "retry":
                continue
            if answer == "create":
                return exc.folder, prefs  # Journal.open makes it
            if answer is None:
                return None
            return answer, _remember_folder(prefs, answer)


def _remember_folder(prefs: Preferences, folder: Path) -> Preferences:
    from coulisses.preferences import save_preferences

    prefs = prefs.replace(journal_folder=str(folder))
    # Used for this session even if it cannot be saved (the dialog can retry).
    with contextlib.suppress(OSError):
        save_preferences(prefs)
    return prefs


def _open_journal(home: Path,
                  prefs: Preferences) -> tuple[SingleInstance, Journal, Preferences] | int | None:
    """(single instance, journal, prefs); None if another instance runs; an exit status.

    The single-instance check comes first: a second launch must not touch the
    journal (or the camera). A journal that cannot be opened is explained in one
    sentence, with the choice of another folder (saved in the preferences).
    """
    from coulisses.journal import Journal, JournalError
    from coulisses.ui.single_instance import SingleInstance, key_for

    while True:
        instance = SingleInstance(key_for(home))
        if not instance.acquire(SECONDARY_WAIT_MS):
            return None
        try:
            return instance, Journal.open(home), prefs
        except (JournalError, OSError) as exc:
            instance.release()
            chosen = _ask_for_another_folder(home, exc)
            if chosen is None:
                return 1
            home = chosen
            prefs = _remember_folder(prefs, chosen)


def journal_problem(home: Path, exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do), each one sentence for the maker."""
    from coulisses.atomicio import DiskFullError
    from coulisses.i18n import tr

    if isinstance(exc, PermissionError):
        return (tr("Coulisses is not allowed to write in the journal folder {path}.", path=home),
                tr("Give your user write permission on that folder, or choose another "
                   "journal folder."))
    in_the_way = _file_in_the_way(home)
    if in_the_way is not None:
        return (tr("{path} is a file, so it cannot hold the journal.", path=in_the_way),
                tr("Move that file away, or choose another journal folder."))
    if isinstance(exc, DiskFullError):
        return (tr("The disk holding the journal folder {path} is full.", path=home),
                tr("Free some space on it, or choose another journal folder."))
    if isinstance(exc, OSError):
        from coulisses.os_errors import describe_os_error

        reason = describe_os_error(exc)
        return (tr("Coulisses cannot open the journal folder {path} ({reason}).", path=home,
                   reason=reason),
                tr("Check that the folder (or the disk holding it) is available, or choose "
                   "another journal folder."))
    return (tr("Coulisses cannot open the journal: {reason}", reason=exc),
            tr("Choose another journal folder, or update Coulisses if it says so."))


def _file_in_the_way(home: Path) -> Path | None:
    """The file standing where the journal folder (or one of its parents) should be."""
    for folder in (home, *home.parents):
        if folder.exists():
            return None if folder.is_dir() else folder
    return None


def _ask_for_another_folder(home: Path, exc: BaseException) -> Path | None:
    """Explain why the journal cannot open; the folder the maker picks instead, or None."""
    from PySide6.QtWidgets import QMessageBox

    from coulisses import APP_NAME
    from coulisses.i18n import tr

    what, todo = journal_problem(home, exc)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, what)
    box.setObjectName("journal_problem")
    box.setInformativeText(todo)
    choose = box.addButton(tr("Choose another folder…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not choose:
        return None
    return _pick_folder()


def _pick_folder() -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    from coulisses.i18n import tr

    path = QFileDialog.getExistingDirectory(None, tr("Choose the journal folder"),
                                            str(Path.home()))
    return Path(path) if path else None


def _ask_about_missing_folder(folder: Path) -> Path | str | None:
    """"retry", "create", the folder picked instead, or None (closed)."""
    from PySide6.QtWidgets import QMessageBox

    from coulisses import APP_NAME
    from coulisses.i18n import tr

    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, tr(
        "The journal folder {path} is not there; if it is on a disk that is not plugged in "
        "(a USB drive, a network folder), plug it in and try again.", path=folder))
    box.setObjectName("journal_missing")
    box.setInformativeText(tr("Or choose another folder, or create an empty journal folder "
                              "at that place on this computer."))
    buttons = {"retry": box.addButton(tr("Try again"), QMessageBox.ButtonRole.ActionRole),
               "choose": box.addButton(tr("Choose another folder…"),
                                       QMessageBox.ButtonRole.AcceptRole),
               "create": box.addButton(tr("Create it"), QMessageBox.ButtonRole.ActionRole)}
    for name, button in buttons.items():
        button.setObjectName(name)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(buttons["retry"])
    while True:
        box.exec()
        answer = next((n for n, b in buttons.items() if box.clickedButton() is b), None)
        if answer != "choose":
            return answer
        picked = _pick_folder()
        if picked is not None:
            return picked


def _report_when_shown(app: QApplication, window: QWidget, started: float,
                       stages: list[tuple[str, float]]) -> None:
    """Benchmark hook: once the window has painted and the loop turned, print and quit.

    ``startup-ms`` counts from ``started``; ``startup-stages`` gives the ms each
    stage took (interpreter = process start to run_app, imports of the CLI included).
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window:
                window.removeEventFilter(self)
                QTimer.singleShot(0, report)
            return False

    def report() -> None:
        now = time.time()
        marks = [*stages, ("shown", now)]
        steps = ",".join(f"{name}:{(t - before) * 1000:.0f}"
                         for (name, t), (_, before) in zip(marks, [("", started), *marks],
                                                           strict=False))
        print(f"startup-ms={(now - started) * 1000:.0f}", file=sys.stderr, flush=True)
        # CPU of this process so far (all threads): what start-up costs whatever the load.
        print(f"startup-cpu-ms={time.process_time() * 1000:.0f}", file=sys.stderr, flush=True)
        print(f"startup-stages={steps}", file=sys.stderr, flush=True)
        app.quit()

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
