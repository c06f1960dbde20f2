"""preferences.json (issue 20): a damaged file is set aside once, an unreadable one is
left alone, keys of a newer Coulisses survive a save, and the save is atomic."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from coulisses.atomicio import is_temp_name
from coulisses.preferences import Preferences, load_preferences, save_preferences
from tests.conftest import is_root

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="Linux process tools")


@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("COULISSES_CONFIG", str(folder))
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# Run in a process of its own, where permission bits apply.
_LOAD = """
import json
from dataclasses import asdict
from coulisses.preferences import load_preferences
prefs, problem = load_preferences()
print(json.dumps({"prefs": asdict(prefs), "problem": problem}))
"""
_SAVE = """
from coulisses.preferences import save_preferences
try:
    save_preferences(prefs.replace(language="en"))
    print("saved")
except OSError as exc:
    print(exc.errno)
"""


def _without_root_powers() -> list[str]:
    """A command prefix under which permission bits apply (root ignores them)."""
    if not is_root():
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root ignores permissions, and setpriv is not here to drop that power")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def _run(code: str, config: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(COULISSES_CONFIG=str(config), COULISSES_LANG="en")
    done = subprocess.run([*_without_root_powers(), sys.executable, "-c", code],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done


# ------------------------------------------------------------------ damaged: set aside once
@pytest.mark.parametrize("content", [
    b"\xff\xfe\x00\x89PNG binary garbage \xc3\x28",  # not UTF-8: was "check the permissions"
    b"{ \"interval\": 5, ",  # cut short
    b"[1, 2]",  # JSON, but not a set of preferences
    b"\"system\"",
    b"[" * 100_000,  # so deep the parser gives up (RecursionError)
], ids=["binary", "cut-short", "list", "string", "too-deep"])
def test_a_damaged_file_is_set_aside_once_with_a_timestamp(config: Path, content: bytes) -> None:
    path = config / "preferences.json"
    path.write_bytes(content)
    prefs, problem = load_preferences()
    assert prefs == Preferences()
    [aside] = [p for p in config.iterdir() if p.name != "preferences.json"]
    assert aside.name.startswith("preferences.json.") and aside.name.endswith(".damaged")
    assert aside.name != "preferences.json.damaged"  # a timestamp between the two
    assert aside.read_bytes() == content
    assert not path.exists()
    assert problem == ("Your preferences file was damaged, so the defaults are used; the old "
                       f"file was kept as {aside}.")
    assert "permission" not in problem
    # Said once: the next start finds no file and says nothing.
    assert load_preferences() == (Preferences(), None)
    assert _files(config) == [aside.name]


def test_a_second_damaged_file_does_not_overwrite_the_first(config: Path) -> None:
    path = config / "preferences.json"
    path.write_bytes(b"\xff first")
    load_preferences()
    path.write_bytes(b"\xff second")
    load_preferences()
    asides = sorted(config.iterdir())
    assert sorted(p.read_bytes() for p in asides) == [b"\xff first", b"\xff second"]


@linux_only
def test_a_damaged_file_that_cannot_be_moved_is_said_and_left(config: Path) -> None:
    path = config / "preferences.json"
    path.write_bytes(b"\xff\xfe")
    config.chmod(0o500)  # the folder refuses the rename
    try:
        done = _run(_LOAD, config)
    finally:
        config.chmod(0o700)
    result = json.loads(done.stdout)
    assert result["prefs"] == asdict(Preferences())
    assert result["problem"] == (f"Your preferences file {path} is damaged, so the defaults "
                                 "are used; it could not be moved aside (permission denied), "
                                 "so remove it or fix it by hand.")
    assert _files(config) == ["preferences.json"]


# ------------------------------------------------------------------ unreadable: left alone
@linux_only
def test_an_unreadable_file_is_not_damaged_nor_replaced(config: Path) -> None:
    """A real EACCES, in a folder the process may write: nothing may change there, and
    the next save must not replace the maker's preferences with the defaults."""
    path = config / "preferences.json"
    kept = json.dumps({"journal_folder": "/media/atelier/journal", "interval": 4.0})
    path.write_text(kept)
    path.chmod(0o000)
    try:
        done = _run(_LOAD + _SAVE, config)
    finally:
        path.chmod(0o600)
    loaded, saved = done.stdout.splitlines()
    result = json.loads(loaded)
    assert result["prefs"] == asdict(Preferences())  # the defaults, for now
    assert result["problem"] == (f"Your preferences in {path} cannot be read (permission "
                                 "denied), so the defaults are used for now; the file was "
                                 "left as it is.")
    assert saved == "13"  # EACCES: the save refused to write over it
    assert _files(config) == ["preferences.json"]
    assert path.read_text() == kept


def test_a_folder_where_the_file_should_be_is_unreadable_not_damaged(config: Path) -> None:
    (config / "preferences.json").mkdir()
    prefs, problem = load_preferences()
    assert prefs == Preferences()
    assert problem is not None and "cannot be read (it is a folder, not a file)" in problem
    assert _files(config) == ["preferences.json"]
    with pytest.raises(IsADirectoryError):
        save_preferences(Preferences(language="fr"))


# ------------------------------------------------------------------ keys of a newer version
def test_saving_keeps_the_keys_a_newer_coulisses_wrote(config: Path) -> None:
    path = config / "preferences.json"
    newer = {"interval": 5, "language": "fr", "cloud_sync": True,
             "lens_profiles": {"c920": [1.2, -0.3], "note": "réglé à l’atelier"}}
    path.write_text(json.dumps(newer, ensure_ascii=False))
    prefs, problem = load_preferences()
    assert problem is None and prefs == Preferences(interval=5.0, language="fr")
    save_preferences(prefs.replace(export_layout="fit"))
    saved = json.loads(path.read_text("utf-8"))
    assert saved["cloud_sync"] is True
    assert saved["lens_profiles"] == newer["lens_profiles"]
    assert saved["export_layout"] == "fit" and saved["interval"] == 5.0
    assert load_preferences() == (Preferences(interval=5.0, language="fr",
                                              export_layout="fit"), None)


def test_a_known_key_is_written_from_the_preferences_not_kept_from_the_file(
        config: Path) -> None:
    path = config / "preferences.json"
    path.write_text(json.dumps({"interval": 5, "future": 1}))
    save_preferences(Preferences(interval=8.0))
    assert json.loads(path.read_text()) == {**asdict(Preferences(interval=8.0)), "future": 1}


def test_saving_over_a_damaged_file_sets_it_aside_first(config: Path) -> None:
    path = config / "preferences.json"
    path.write_bytes(b"\xff\xfe damaged since it was read")
    save_preferences(Preferences(language="en"))
    assert load_preferences() == (Preferences(language="en"), None)
    [aside] = [p for p in config.iterdir() if p.name != "preferences.json"]
    assert aside.read_bytes() == b"\xff\xfe damaged since it was read"


# ------------------------------------------------------------------ the write is atomic
_SAVE_BIG = """
import resource, signal, sys
from coulisses.preferences import Preferences, save_preferences
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # Python ignores it; a real crash does not
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
save_preferences(Preferences(language="fr", maker_name="Atelier " * 2000))
print("finished")
"""


@linux_only
def test_a_save_killed_mid_write_leaves_the_old_file_whole(config: Path) -> None:
    """The process dies half-way through writing (the file size limit kills it with
    SIGXFSZ after 4 KB of a 16 KB file): an in-place write leaves 4 KB of the new
    file, an atomic one leaves the old file whole."""
    before = Preferences(interval=4.0, journal_folder="/media/atelier/journal")
    save_preferences(before)
    old = (config / "preferences.json").read_bytes()
    assert len(old) < 4096
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", _SAVE_BIG], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == -signal.SIGXFSZ, (done.returncode, done.stderr)
    assert "finished" not in done.stdout
    assert (config / "preferences.json").read_bytes() == old
    assert load_preferences() == (before, None)
    assert [n for n in _files(config) if not is_temp_name(n)] == ["preferences.json"]


def test_a_reader_of_the_old_file_never_sees_the_new_one_written_over_it(config: Path) -> None:
    """An atomic save makes a new file and renames it over the old name; an in-place
    write changes the old file itself, which a hard link taken before still shows."""
    path = config / "preferences.json"
    save_preferences(Preferences(language="en"))
    old = path.read_bytes()
    os.link(path, config / "snapshot")
    save_preferences(Preferences(language="fr", interval=30.0))
    assert (config / "snapshot").read_bytes() == old
    assert path.stat().st_ino != (config / "snapshot").stat().st_ino
    assert load_preferences()[0] == Preferences(language="fr", interval=30.0)


@linux_only
def test_the_new_file_is_on_the_disk_before_it_takes_the_name(config: Path,
                                                              monkeypatch) -> None:
    """fsync of the written file, then the rename, then fsync of the folder: a power cut
    at any instant leaves the old preferences or the new ones, never an empty file."""
    path = config / "preferences.json"
    save_preferences(Preferences())
    calls: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src, dst, *args, **kwargs) -> None:
        calls.append(("replace", f"{src} -> {dst}"))
        real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    save_preferences(Preferences(language="fr"))
    monkeypatch.undo()
    [rename] = [i for i, (kind, _) in enumerate(calls) if kind == "replace"]
    temp = calls[rename][1].split(" -> ")[0]
    assert calls[rename][1].endswith(f" -> {path}")
    assert ("fsync", temp) in calls[:rename], calls  # the data first
    assert ("fsync", str(config)) in calls[rename + 1:], calls  # then the rename itself

