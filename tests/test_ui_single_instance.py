"""One app per journal: real processes racing, a secondary waking the primary, stale locks."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coulisses.ui.single_instance import SingleInstance, key_for

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
