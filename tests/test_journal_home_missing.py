"""A journal folder chosen in Preferences on a disk that is not plugged in (issue 20).

Making it afresh would put the next captures on the computer's own disk, where
they vanish under the mount point when the disk comes back: the CLI says so and
stops, the window asks. ``--home``, ``COULISSES_HOME`` and the default data
folder are still made on first use.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coulisses import APP_ID
from coulisses.journal.home import JournalFolderMissing, resolve_home
from coulisses.preferences import Preferences, load_preferences, save_preferences
from tests import installed


@pytest.fixture
def env(tmp_path: Path, monkeypatch) -> dict[str, str]:
    """A clean environment: our own config and data folders, no COULISSES_HOME."""
    values = {"COULISSES_CONFIG": str(tmp_path / "config"),
              "XDG_DATA_HOME": str(tmp_path / "data"), "COULISSES_LANG": "en"}
    monkeypatch.delenv("COULISSES_HOME", raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


@pytest.fixture
def unplugged(tmp_path: Path, env) -> Path:
    """The journal folder chosen in Preferences, on a 'USB drive' that is not mounted."""
    folder = tmp_path / "media" / "ATELIER" / "journal"
    save_preferences(Preferences(journal_folder=str(folder)))
    return folder


def _coulisses(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """The installed script, without --home and without the test run's COULISSES_HOME."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COULISSES_HOME")}
    env.update(extra)
    return subprocess.run([str(installed.script()), *args], capture_output=True, text=True,
                          env=env, cwd="/", timeout=120)


# ------------------------------------------------------------------ where the journal is
def test_a_missing_chosen_folder_is_not_made(tmp_path: Path, env) -> None:
    folder = tmp_path / "usb" / "journal"
    with pytest.raises(JournalFolderMissing) as info:
        resolve_home(None, chosen=str(folder))
    assert info.value.folder == folder.resolve()
    assert str(folder) in str(info.value)
    assert not (tmp_path / "usb").exists()


def test_a_chosen_folder_that_is_there_is_the_journal(tmp_path: Path, env) -> None:
    (tmp_path / "atelier").mkdir()
    assert resolve_home(None, chosen=str(tmp_path / "atelier")) == (tmp_path / "atelier")


def test_home_and_the_environment_are_said_on_this_run_so_they_may_be_made(
        tmp_path: Path, env, monkeypatch) -> None:
    chosen = str(tmp_path / "unplugged")
    assert resolve_home(tmp_path / "flag", chosen=chosen) == tmp_path / "flag"
    monkeypatch.setenv("COULISSES_HOME", str(tmp_path / "env"))
    assert resolve_home(None, chosen=chosen) == tmp_path / "env"


# ------------------------------------------------------------------ the CLI
def test_the_cli_names_the_missing_folder_and_stops(unplugged: Path) -> None:
    done = _coulisses("piece", "list")
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr == (f"coulisses: The journal folder {unplugged} chosen in Preferences "
                           "is not there; plug in the disk that holds it, or choose another "
                           "folder in Preferences.\n")
    # Nothing made on the computer's own disk, not even the mount point.
    assert not unplugged.parent.exists()


def test_a_capture_never_lands_under_the_mount_point(unplugged: Path) -> None:
    done = _coulisses("piece", "new", "Vase bleu")
    assert done.returncode == 1
    assert not unplugged.exists()
    # The disk comes back: the journal is there and the CLI uses it.
    unplugged.mkdir(parents=True)
    done = _coulisses("piece", "new", "Vase bleu")
    assert done.returncode == 0, done.stderr
    assert (unplugged / "pieces" / "vase-bleu").is_dir()


def test_home_the_environment_and_the_default_are_still_made(tmp_path: Path, env,
                                                             unplugged: Path) -> None:
    flag = tmp_path / "new" / "from-flag"
    assert _coulisses("--home", str(flag), "piece", "list").returncode == 0
    assert (flag / "pieces").is_dir()
    from_env = tmp_path / "new" / "from-env"
    assert _coulisses("piece", "list", COULISSES_HOME=str(from_env)).returncode == 0
    assert (from_env / "pieces").is_dir()
    # Nothing chosen: the default data folder is made on the first run, as before.
    (tmp_path / "config" / "preferences.json").unlink()
    done = _coulisses("piece", "list")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / APP_ID / "pieces").is_dir()
    assert not unplugged.parent.exists()


# ------------------------------------------------------------------ the window
def _answer(button: str, before=None) -> list[str]:
    """Click ``button`` on the missing-folder question once it shows ("close", or a
    button's object name); the texts it showed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    seen: list[str] = []
    deadline = time.monotonic() + 10  # never outlive a test that failed without asking

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "journal_missing":
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
            return
        seen.append(box.text() + " " + box.informativeText())
        if before is not None:
            before()
        if button == "close":
            box.button(QMessageBox.StandardButton.Close).click()
        else:
            box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, poll)
    return seen


def test_the_window_asks_and_closing_makes_nothing(qtbot, unplugged: Path) -> None:
    from coulisses.ui.app import _journal_folder

    seen = _answer("close")
    assert _journal_folder(load_preferences()[0], None) is None
    [text] = seen
    assert str(unplugged) in text and "plug it in and try again" in text
    assert "choose another folder" in text and "create" in text
    assert not unplugged.parent.exists()


def test_the_window_makes_the_folder_only_when_asked(qtbot, unplugged: Path) -> None:
    from coulisses.journal import Journal
    from coulisses.ui.app import _journal_folder

    prefs = load_preferences()[0]
    _answer("create")
    home, kept = _journal_folder(prefs, None)
    assert home == unplugged and kept == prefs
    Journal.open(home)  # what the app does next
    assert (unplugged / "pieces").is_dir()


def test_trying_again_finds_the_disk_once_it_is_plugged_in(qtbot, unplugged: Path) -> None:
    from coulisses.ui.app import _journal_folder

    seen = _answer("retry", before=lambda: unplugged.mkdir(parents=True))
    home, _ = _journal_folder(load_preferences()[0], None)
    assert home == unplugged and len(seen) == 1


def test_choosing_another_folder_remembers_it(qtbot, unplugged: Path, tmp_path: Path,
                                              monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from coulisses.ui.app import _journal_folder

    other = tmp_path / "Documents" / "journal"
    other.mkdir(parents=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(other)))
    _answer("choose")
    home, prefs = _journal_folder(load_preferences()[0], None)
    assert home == other and prefs.journal_folder == str(other)
    assert load_preferences()[0].journal_folder == str(other)
    assert not unplugged.parent.exists()


def test_the_app_starts_on_nothing_when_the_maker_closes(tmp_path: Path, unplugged: Path,
                                                         env) -> None:
    """The whole start-up, in its own process: one question, no window, no folder."""
    from tests.test_ui_app import HARNESS

    script = tmp_path / "harness.py"
    script.write_text(HARNESS)
    run_env = {k: v for k, v in os.environ.items() if k != "COULISSES_HOME"}
    # COULISSES_BENCH_STARTUP: a window shown by mistake quits at once instead of waiting.
    run_env.update(env, QT_QPA_PLATFORM="offscreen", TEST_ANSWER="close",
                   COULISSES_BENCH_STARTUP="1")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=run_env, timeout=60)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 1, done.stderr
    assert [list(r) for r in records] == [["box"]], "one question, no window"
    assert f"The journal folder {unplugged} is not there" in records[0]["box"]
    assert "Traceback" not in done.stderr
    assert not unplugged.parent.exists()
