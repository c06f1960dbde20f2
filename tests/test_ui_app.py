"""Start-up: where the journal is, preferences and language, one instance, errors for people."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path

import pytest

from coulisses.preferences import Preferences, load_preferences, save_preferences
from coulisses.ui.app import run_app
from coulisses.ui.single_instance import SingleInstance, key_for

# Each start runs in its own process: once app.exec() has returned, Qt refuses to
# run any further event loop in that process (QThreadData::quitNow), which would
# break every later test. The stub window prints what start-up handed it.
HARNESS = """
import json, os, sys
from dataclasses import asdict
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from coulisses import i18n
from coulisses.journal import Journal
from coulisses.ui.app import run_app
from coulisses.ui.crash_dialog import CrashDialog

class Stub(QWidget):
    def __init__(self, journal, prefs, problems):
        super().__init__()
        if os.environ.get("TEST_BROKEN_WINDOW"):
            raise RuntimeError("the window has a bug")
        print(json.dumps({"home": str(journal.home), "prefs": asdict(prefs),
                          "problems": list(problems), "language": i18n.language(),
                          "name": QApplication.applicationName(),
                          "icon": not QApplication.windowIcon().isNull()}), flush=True)
    def bring_forward(self):
        print("forward", flush=True)

app = QApplication(sys.argv[:1])
answer = os.environ.get("TEST_ANSWER", "")  # "close", or "choose:<folder>"
if os.environ.get("TEST_REFUSE"):  # root writes anywhere: be refused as a user would
    def refuse(cls, home=None):
        raise PermissionError(13, "Permission denied", str(home))
    Journal.open = classmethod(refuse)

def poll():
    box = QApplication.activeModalWidget()
    if isinstance(box, CrashDialog):
        print(json.dumps({"crash": box.sentence.text() + box.details.toPlainText()}), flush=True)
        box.reject()
        return
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, poll)
        return
    print(json.dumps({"box": box.text() + " " + box.informativeText()}), flush=True)
    if answer == "close":
        box.button(QMessageBox.StandardButton.Close).click()
    else:
        QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: answer[len("choose:"):])
        [choose] = [b for b in box.buttons()
                    if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
        choose.click()

if answer or os.environ.get("TEST_BROKEN_WINDOW"):
    QTimer.singleShot(0, poll)
sys.exit(run_app(sys.argv[1:], window_factory=Stub))
"""


@pytest.fixture
def start(tmp_path: Path):
    """Start the app (stub window) in a process; (exit status, printed records, stderr)."""
    script = tmp_path / "harness.py"
    script.write_text(HARNESS)
    base = {k: v for k, v in os.environ.items() if k != "COULISSES_HOME"}
    base.update(QT_QPA_PLATFORM="offscreen", COULISSES_CONFIG=str(tmp_path / "config"),
                COULISSES_BENCH_STARTUP="1", COULISSES_LANG="en")

    def run(*argv: str, **env: str) -> tuple[int, list[dict], str]:
        done = subprocess.run([sys.executable, str(script), *argv], capture_output=True,
                              text=True, env={**base, **env}, timeout=60)
        records = [json.loads(line) for line in done.stdout.splitlines()
                   if line.startswith("{")]
        return done.returncode, records, done.stderr

    return run


def test_opens_the_journal_and_shows_the_window(start, tmp_path: Path) -> None:
    home = tmp_path / "journal"
    code, [window], err = start("--home", str(home))
    assert code == 0, err
    assert window["home"] == str(home.resolve())
    assert window["prefs"] == asdict(Preferences()) and window["problems"] == []
    assert window["name"] == "Coulisses" and window["icon"]
    assert re.search(r"startup-ms=\d+", err), err
    assert "Traceback" not in err
    # The lock was released at quit: the next start is primary again.
    assert SingleInstance(key_for(home)).acquire(timeout_ms=300)


def test_journal_folder_order(start, tmp_path: Path) -> None:
    config = tmp_path / "config"
    (tmp_path / "preferred").mkdir()  # a chosen folder must exist (test_journal_home_missing)
    save_preferences(Preferences(journal_folder=str(tmp_path / "preferred")),
                     config / "preferences.json")
    homes = []
    for argv, env in [((), {}), ((), {"COULISSES_HOME": str(tmp_path / "from-env")}),
                      (("--home", str(tmp_path / "from-cli")),
                       {"COULISSES_HOME": str(tmp_path / "from-env")})]:
        code, [window], err = start(*argv, **env)
        assert code == 0, err
        homes.append(window["home"])
    assert homes == [str((tmp_path / n).resolve()) for n in ("preferred", "from-env", "from-cli")]


def test_preferences_problem_and_language_reach_the_window(start, tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "preferences.json").write_text('{"language": "fr", "interval": "x"}')
    code, [window], err = start("--home", str(tmp_path / "journal"))
    assert code == 0, err
    assert window["language"] == "fr" and window["prefs"]["language"] == "fr"
    assert window["prefs"]["interval"] == Preferences().interval
    assert len(window["problems"]) == 1 and "“One still every”" in window["problems"][0]


def test_a_file_where_the_journal_should_be_is_explained_not_a_traceback(start,
                                                                        tmp_path: Path) -> None:
    home = tmp_path / "journal"
    home.write_text("not a folder")
    code, records, err = start("--home", str(home), TEST_ANSWER="close")
    assert code == 1, err
    assert [list(r) for r in records] == [["box"]], "one message, no window"
    assert "is a file" in records[0]["box"] and "choose another journal folder" in records[0]["box"]
    assert "Traceback" not in err
    assert home.read_text() == "not a folder"  # untouched


def test_a_folder_without_permission_is_explained(start, tmp_path: Path) -> None:
    home = tmp_path / "locked"
    home.mkdir()
    env = {"TEST_ANSWER": "close"}
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["TEST_REFUSE"] = "1"
    else:
        home.chmod(0o500)
    try:
        code, records, err = start("--home", str(home / "journal"), **env)
    finally:
        home.chmod(0o700)
    assert code == 1, err
    assert [list(r) for r in records] == [["box"]]
    assert "not allowed to write" in records[0]["box"] and "permission" in records[0]["box"]
    assert "Traceback" not in err


def test_choosing_another_folder_opens_it_and_remembers_it(start, tmp_path: Path) -> None:
    bad = tmp_path / "journal"
    bad.write_text("not a folder")
    good = tmp_path / "atelier"
    code, records, err = start("--home", str(bad), TEST_ANSWER=f"choose:{good}")
    assert code == 0, err
    assert [list(r)[0] for r in records] == ["box", "home"]
    assert records[1]["home"] == str(good.resolve())
    prefs, _ = load_preferences(tmp_path / "config" / "preferences.json")
    assert prefs.journal_folder == str(good)


def test_a_window_that_fails_to_build_shows_the_details_not_a_terminal_traceback(
        start, tmp_path: Path) -> None:
    code, records, err = start("--home", str(tmp_path / "journal"), TEST_BROKEN_WINDOW="1")
    assert code == 1, err
    [crash] = [r["crash"] for r in records]
    assert "could not start" in crash and "RuntimeError: the window has a bug" in crash
    # The lock is released: fixing the problem and starting again works.
    assert SingleInstance(key_for(tmp_path / "journal")).acquire(timeout_ms=300)


def test_second_launch_in_process_brings_the_first_forward(qtbot, qapp, tmp_path: Path,
                                                           monkeypatch) -> None:
    # Returns before app.exec(), so it can run in this process.
    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    home = tmp_path / "journal"
    made = []
    primary = SingleInstance(key_for(home))
    assert primary.acquire()
    try:
        with qtbot.waitSignal(primary.activated, timeout=5000):
            assert run_app(["--home", str(home)],
                           window_factory=lambda *a: made.append(a)) == 0
        assert made == []
        assert not home.exists(), "a second launch must not open (or create) the journal"
    finally:
        primary.release()


# A real launch with a stub window, so that the test does not depend on the main
# window's own start-up; prints "window" when built and "forward" when asked.
LAUNCH = """
import sys
from PySide6.QtWidgets import QWidget
from coulisses.ui.app import run_app
from coulisses.ui.crash_dialog import CrashDialog

class Stub(QWidget):
    def __init__(self, journal, prefs, problems):
        super().__init__()
        print("window", flush=True)
    def bring_forward(self):
        print("forward", flush=True)

sys.exit(run_app(sys.argv[1:], window_factory=Stub))
"""


def test_second_process_exits_0_within_3_s_and_wakes_the_first(tmp_path: Path) -> None:
    script = tmp_path / "launch.py"
    script.write_text(LAUNCH)
    home = tmp_path / "journal"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COULISSES_CONFIG": str(tmp_path)}
    env.pop("COULISSES_BENCH_STARTUP", None)
    first = subprocess.Popen([sys.executable, str(script), "--home", str(home)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert first.stdout.readline().strip() == "window", first.stderr.read()
        t0 = time.monotonic()
        second = subprocess.run([sys.executable, str(script), "--home", str(home)],
                                capture_output=True, text=True, env=env, timeout=30)
        took = time.monotonic() - t0
        assert second.returncode == 0, second.stderr
        assert "window" not in second.stdout
        assert took < 3.0, f"the second launch took {took:.2f} s"
        assert first.stdout.readline().strip() == "forward"
    finally:
        first.kill()
        first.wait()
