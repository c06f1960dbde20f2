"""Root test configuration: the installed package, headless Qt, a fresh journal per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COULISSES_LANG", "en")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from PySide6.QtCore import QThread  # noqa: E402

# Property tests explore new examples on a developer's machine (and keep what fails in
# .hypothesis/); in CI (.ci/run sets CI) they draw the same ones every run.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Qt takes the first thread that touches it for the main thread, for the whole process.
# Capture tests translate plurals on their capture threads (a QTranslator is a QObject),
# so a short-lived worker became Qt's main thread and the QApplication made later here a
# stranger to it: pthread ids are reused, and a later thread with the dead one's id was
# taken for the main thread. Flag keys, queued signals and timers then failed at random
# from the middle of a run on (CI, stop 29). Touch Qt here first, on the real main thread.
QThread.currentThread()


def pytest_configure(config: pytest.Config) -> None:
    """The suite tests the installed package (tests/installed.py): say so once if it cannot."""
    from tests.installed import problem

    reason = problem()
    if reason is not None:
        raise pytest.UsageError(f"cannot test Coulisses: {reason}")


@pytest.fixture(autouse=True)
def _app_speaks_english(request: pytest.FixtureRequest):
    """A window under test speaks English with its catalogue installed, as run_app does.

    Without the catalogue, Qt's plural forms read "12 photo(s)" (the catalogue
    turns %n into "12 photos"), and whichever test ran first would decide which a
    test sees. Tests that never touch Qt do not pay for it.
    """
    if "qapp" not in request.fixturenames:  # qtbot and every app fixture ask for it
        yield
        return
    from coulisses.ui.language import apply_language

    qapp = request.getfixturevalue("qapp")
    apply_language(qapp, "en")
    yield
    apply_language(qapp, "en")  # whatever language the test switched to


@pytest.fixture(autouse=True)
def _no_background_reel(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """A Result flagged in a window under test makes no reel in the background (it would
    render into the user's Videos folder and outlive the test), unless the test asks for
    the ``background_reel`` fixture. Tests that never touch Qt do not pay for it."""
    if "qapp" in request.fixturenames and "background_reel" not in request.fixturenames:
        from coulisses.ui.companion.auto_reel import AutoReel

        monkeypatch.setattr(AutoReel, "flagged", lambda self, piece_id, moment: False)
        monkeypatch.setattr(AutoReel, "check", lambda self, piece_id: False)


@pytest.fixture
def background_reel():
    """This test wants the window's reel that makes itself (see _no_background_reel)."""


@pytest.fixture(autouse=True)
def _own_config_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test has a config folder of its own: preferences and the signing identity
    (credentials/identity.py) are never the real user's, and never another test's.
    A test may point COULISSES_CONFIG elsewhere; subprocesses inherit it."""
    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def french_ui():
    """Switch the process to French for one test, then back to whatever it was."""
    from coulisses import i18n

    before = i18n.language()
    i18n.set_language("fr")
    try:
        yield
    finally:
        i18n.set_language(before)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "journal"
    h.mkdir()
    return h


@pytest.fixture
def journal(home: Path):
    from coulisses.journal import Journal

    return Journal.open(home)


@pytest.fixture
def cli(home: Path):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""
    import io

    from coulisses.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(["--home", str(home), *args], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def installed_cli(home: Path):
    """Run the installed ``coulisses`` script, as a user would: (exit code, stdout, stderr)."""
    from tests import installed

    def run(*args: str) -> tuple[int, str, str]:
        done = installed.run(*args, home=home)
        return done.returncode, done.stdout, done.stderr

    return run


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def tmpfs(tmp_path: Path):
    """Mount a small tmpfs of the given size (a real full disk); skips unless root on Linux."""
    import subprocess

    mounted: list[Path] = []

    def mount(size: str, name: str = "small") -> Path:
        if not is_root() or sys.platform != "linux":
            pytest.skip("mounting a small tmpfs needs root on Linux")
        mnt = tmp_path / name
        mnt.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)],
                              capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(mnt)
        return mnt

    yield mount
    for mnt in mounted:
        subprocess.run(["umount", "-l", str(mnt)], check=False)
