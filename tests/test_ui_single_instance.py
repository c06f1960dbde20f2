"""One app per journal: real processes racing, a secondary waking the primary, stale locks."""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from coulisses.ui import single_instance
from coulisses.ui.single_instance import SingleInstance, key_for

OTHER_USER = 65534  # "nobody": a local user who is not us


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch):
    """The user's cache folder (where the lock goes without XDG_RUNTIME_DIR), for this test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def short_cache(monkeypatch):
    """A cache folder short enough for a socket path (tmp_path is not): the usual case."""
    folder = Path(tempfile.mkdtemp(prefix="c"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _owner_only(folder: Path) -> bool:
    st = os.lstat(folder)
    return (stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid()
            and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH | stat.S_IRWXO))

# A tiny app: waits until a shared start time (so launches really overlap), then
# acquires. The primary prints one line per activation and quits after `expect`
# of them, shortly after (or after 20 s); a secondary prints its verdict and exits 0.
SCRIPT = """
import sys, time
from PySide6.QtCore import QCoreApplication, QTimer
from coulisses.ui.single_instance import SingleInstance

key, start_at, expect = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
# A slow machine: the primary starts listening a while after deciding it is the
# primary, the window in which connect-then-listen lets a second primary in.
listen = SingleInstance._listen
def slow_listen(self):
    time.sleep(0.3)
    listen(self)
SingleInstance._listen = slow_listen
app = QCoreApplication([])
instance = SingleInstance(key)
time.sleep(max(0.0, start_at - time.time()))
t0 = time.monotonic()
if not instance.acquire():
    print(f"secondary {time.monotonic() - t0:.3f}", flush=True)
    sys.exit(0)
print("primary", flush=True)
seen = []
def on_activated():
    seen.append(1)
    print("activated", flush=True)
    if len(seen) >= expect:
        QTimer.singleShot(500, app.quit)
instance.activated.connect(on_activated)
QTimer.singleShot(20000, app.quit)
app.exec()
instance.release()
"""


@pytest.fixture
def launch(tmp_path: Path):
    script = tmp_path / "instance.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started: list[subprocess.Popen] = []

    def run(key: str, start_at: float, expect: int = 1) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, str(script), key, str(start_at), str(expect)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env)
        started.append(proc)
        return proc

    yield run
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def _key(tmp_path: Path) -> str:
    return key_for(tmp_path / "journal")


def test_launches_started_together_make_exactly_one_primary(launch, tmp_path: Path) -> None:
    key = _key(tmp_path)
    # Far enough ahead for every interpreter to have imported Qt on a loaded machine.
    start_at = time.time() + 4.0
    procs = [launch(key, start_at, expect=2) for _ in range(3)]
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=40)
        assert proc.returncode == 0, err
        outputs.append(out)
    primaries = [o for o in outputs if o.startswith("primary")]
    secondaries = [o for o in outputs if o.startswith("secondary")]
    assert len(primaries) == 1, outputs
    assert len(secondaries) == 2, outputs
    # Each secondary reached the primary, which heard both.
    assert primaries[0].split().count("activated") == 2, primaries[0]
    for out in secondaries:
        assert float(re.match(r"secondary (\S+)", out).group(1)) < 3.0, out


def test_killed_primary_does_not_block_the_next_launch(launch, tmp_path: Path) -> None:
    key = _key(tmp_path)
    first = launch(key, 0.0)
    assert first.stdout.readline().strip() == "primary"
    first.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    first.wait(timeout=10)
    lock = SingleInstance(key).lock_path
    assert lock.exists(), "the killed primary should have left its lock behind"
    second = launch(key, 0.0)
    line = second.stdout.readline().strip()
    assert line == "primary", line + second.stderr.read() if line != "primary" else ""


def test_secondary_in_process_wakes_the_primary(qtbot, tmp_path: Path) -> None:
    key = _key(tmp_path)
    primary = SingleInstance(key)
    assert primary.acquire()
    assert primary.is_primary
    other = SingleInstance(key)
    with qtbot.waitSignal(primary.activated, timeout=5000):
        # Same thread: the primary cannot acknowledge until the event loop runs, so
        # the secondary gives up waiting for the answer but has been heard.
        assert other.acquire(timeout_ms=300) is False
    assert not other.is_primary
    primary.release()
    third = SingleInstance(key)
    assert third.acquire(timeout_ms=300), "a released lock is free again"
    third.release()


def test_a_primary_that_never_answers_does_not_make_two(tmp_path: Path) -> None:
    from PySide6.QtCore import QLockFile

    key = _key(tmp_path)
    probe = SingleInstance(key)
    holder = QLockFile(str(probe.lock_path))
    holder.setStaleLockTime(0)
    assert holder.tryLock(0)  # locked, but nobody listens (a hung or starting primary)
    try:
        t0 = time.monotonic()
        assert probe.acquire(timeout_ms=400) is False
        assert 0.3 < time.monotonic() - t0 < 2.0
    finally:
        holder.unlock()


def test_key_is_short_safe_and_per_folder(tmp_path: Path) -> None:
    a = key_for(tmp_path / "a")
    assert a == key_for(tmp_path / "a" / ".." / "a")
    assert a != key_for(tmp_path / "b")
    assert re.fullmatch(r"[a-z0-9-]{1,40}", a), a


def test_a_primary_running_for_days_keeps_its_lock(qtbot, tmp_path: Path) -> None:
    key = _key(tmp_path)
    primary = SingleInstance(key)
    assert primary.acquire()
    two_days_ago = time.time() - 2 * 86400
    os.utime(primary.lock_path, (two_days_ago, two_days_ago))
    with qtbot.waitSignal(primary.activated, timeout=5000):
        assert SingleInstance(key).acquire(timeout_ms=300) is False
    primary.release()


def test_an_unreadable_old_lock_does_not_block_for_ever(tmp_path: Path) -> None:
    key = _key(tmp_path)
    instance = SingleInstance(key)
    instance.lock_path.write_bytes(b"")  # a crash between creating and writing the lock
    a_minute_ago = time.time() - 60
    os.utime(instance.lock_path, (a_minute_ago, a_minute_ago))
    assert instance.acquire(timeout_ms=300)
    instance.release()
    assert not instance.lock_path.exists()


# ------------------------------------------------ nobody else can stop a launch
posix_only = pytest.mark.skipif(os.name == "nt", reason="modes and owners are POSIX's")


@posix_only
def test_without_xdg_runtime_dir_lock_and_socket_live_in_an_owner_only_folder(
        qtbot, tmp_path: Path, short_cache: Path) -> None:
    instance = SingleInstance(_key(tmp_path))
    assert instance.acquire(timeout_ms=300)
    try:
        folder = instance.lock_path.parent
        assert folder != Path(tempfile.gettempdir())
        assert _owner_only(folder) and stat.S_IMODE(os.lstat(folder).st_mode) == 0o700
        if not Path(f"/run/user/{os.getuid()}").is_dir():  # else that one is used
            assert folder == short_cache / "coulisses" / "run"
        # The local server's name is a socket path in that same folder.
        assert instance.server_name == str(folder / instance.key)
        assert stat.S_ISSOCK(os.lstat(instance.server_name).st_mode)
        assert instance.lock_path.is_file()
        with qtbot.waitSignal(instance.activated, timeout=5000):
            assert SingleInstance(instance.key).acquire(timeout_ms=300) is False
    finally:
        instance.release()
    assert not instance.lock_path.exists()


@posix_only
def test_a_lock_and_a_socket_planted_at_the_old_tmp_names_do_not_stop_a_launch(
        tmp_path: Path, short_cache: Path) -> None:
    from PySide6.QtCore import QLockFile
    from PySide6.QtNetwork import QLocalServer

    key = _key(tmp_path)
    old = Path(tempfile.gettempdir())
    # Another user's doing: a lock naming a live process, and a socket that answers.
    planted = QLockFile(str(old / f"{key}.lock"))
    assert planted.tryLock(0)
    squatter = QLocalServer()
    QLocalServer.removeServer(key)
    assert squatter.listen(key) and Path(squatter.fullServerName()).parent == old
    if os.getuid() == 0:
        os.chown(old / f"{key}.lock", OTHER_USER, OTHER_USER)
        os.chown(squatter.fullServerName(), OTHER_USER, OTHER_USER)
    instance = SingleInstance(key)
    try:
        assert instance.acquire(timeout_ms=500), "a planted lock stopped the launch"
        assert instance.is_primary and instance.lock_path.parent != old
        assert (old / f"{key}.lock").exists()  # left alone: not ours to judge
    finally:
        instance.release()
        squatter.close()
        planted.unlock()
        (old / f"{key}.lock").unlink(missing_ok=True)


@posix_only
def test_a_runtime_dir_others_can_write_in_is_not_trusted(
        tmp_path: Path, short_cache: Path, monkeypatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    assert SingleInstance(_key(tmp_path)).lock_path.parent != shared
    link = tmp_path / "link"
    link.symlink_to(shared)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(link))
    assert SingleInstance(_key(tmp_path)).lock_path.parent != link
    own = tmp_path / "own"
    own.mkdir(mode=0o700)
    own.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(own))
    assert SingleInstance(_key(tmp_path)).lock_path.parent == own  # the usual case
    if os.getuid() == 0:
        os.chown(own, OTHER_USER, OTHER_USER)
        assert SingleInstance(_key(tmp_path)).lock_path.parent != own


@posix_only
def test_the_cache_folder_is_made_owner_only_and_a_stranger_s_is_refused(
        tmp_path: Path, short_cache: Path, caplog) -> None:
    run = short_cache / "coulisses" / "run"
    run.mkdir(parents=True, mode=0o777)
    run.chmod(0o777)  # left open by an older version or a careless umask
    if Path(f"/run/user/{os.getuid()}").is_dir():
        pytest.skip("/run/user/<uid> is used before the cache folder here")
    assert SingleInstance(_key(tmp_path)).lock_path.parent == run
    assert stat.S_IMODE(os.lstat(run).st_mode) == 0o700
    if os.getuid() != 0:
        return
    os.chown(run, OTHER_USER, OTHER_USER)  # someone else's folder in our cache
    instance = SingleInstance(_key(tmp_path))
    try:
        assert instance.lock_path.parent != run and _owner_only(instance.lock_path.parent)
        assert "launches will not be merged" in caplog.text
    finally:
        shutil.rmtree(instance.lock_path.parent, ignore_errors=True)


@posix_only
def test_a_socket_path_too_long_listens_on_an_unguessable_name(qtbot, tmp_path: Path,
                                                                 short_cache: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setattr(single_instance, "MAX_SOCKET_PATH", 10)
    primary = SingleInstance(_key(tmp_path))
    assert primary.fixed_name is None
    assert primary.acquire(timeout_ms=300)
    try:
        socket_dir = Path(primary.server_name).parent
        assert socket_dir != Path(tempfile.gettempdir()) and _owner_only(socket_dir)
        assert primary.name_file.read_text("utf-8") == primary.server_name
        assert _owner_only(primary.name_file.parent)
        with qtbot.waitSignal(primary.activated, timeout=5000):
            assert SingleInstance(primary.key).acquire(timeout_ms=300) is False
    finally:
        primary.release()
    assert not primary.name_file.exists() and not socket_dir.exists()
