"""Watch folder: new photos are imported once, only when completely written."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from coulisses.capture.importer import IMPORTED, SKIPPED
from coulisses.capture.watch_folder import FolderWatcher
from tests.helpers import wait_until as wait_for
from tests.test_import_photos import exif_with, make_photo

ROOT = Path(__file__).resolve().parent.parent


def photo_bytes(taken: str, seed: int = 1, size: tuple[int, int] = (640, 480)) -> bytes:
    rng = np.random.default_rng(seed)
    arr = rng.integers(0, 256, (size[1], size[0], 3), np.uint8)  # noise: a big file
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, "JPEG", quality=92, exif=exif_with(taken).tobytes())
    return buf.getvalue()




@pytest.fixture
def piece(journal):
    return journal.create_piece("Bol")


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_a_photo_written_slowly_is_imported_once_and_only_when_complete(journal, piece, inbox):
    data = photo_bytes("2025:04:01 09:00:00")
    assert len(data) > 200_000
    outcomes = []
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=0.5, interval=0.03,
                            on_outcome=outcomes.append)
    watcher.start()
    try:
        chunks = [data[i:i + len(data) // 8] for i in range(0, len(data), len(data) // 8)]
        with open(inbox / "IMG_0001.jpg", "wb") as fh:  # a copy in progress, pauses < settle
            for chunk in chunks:
                fh.write(chunk)
                fh.flush()
                time.sleep(0.15)
                assert journal.snapshot(piece.id).captures == (), "imported while being written"
        assert wait_for(lambda: len(journal.snapshot(piece.id).captures) == 1)
        time.sleep(0.8)  # several more polls: still once
    finally:
        watcher.stop()
    (capture,) = journal.snapshot(piece.id).captures
    assert capture.source == "IMG_0001"
    assert [o.status for o in outcomes] == [IMPORTED]
    assert Image.open(capture.path).size == (640, 480)
    assert watcher.imported == 1 and watcher.skipped == 0 and not watcher.running


def test_a_file_is_taken_only_after_the_settle_time_without_change(journal, piece, inbox):
    path = inbox / "IMG_7.jpg"
    path.write_bytes(photo_bytes("2025:04:01 09:02:00", seed=6))
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=2.0)
    assert watcher.poll(now=100) == []
    assert watcher.poll(now=101.9) == [] and watcher.waiting == 1
    with open(path, "ab") as fh:  # the copier touched it again (trailing padding)
        fh.write(b"\x00" * 16)
    assert watcher.poll(now=102.5) == []  # changed: the settle time starts over
    assert watcher.poll(now=104.0) == []
    (done,) = watcher.poll(now=104.6)
    assert done.status == IMPORTED and watcher.waiting == 0


def test_a_stalled_copy_waits_and_is_taken_when_finished(journal, piece, inbox):
    """Pauses longer than the settle time: decoded as truncated, kept waiting, not reported."""
    data = photo_bytes("2025:04:01 09:05:00", seed=2)
    outcomes = []
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=1.0, give_up=60,
                            on_outcome=outcomes.append)
    path = inbox / "slow.jpg"
    path.write_bytes(data[: len(data) // 2])
    t = 1000.0
    assert watcher.poll(now=t) == []
    assert watcher.poll(now=t + 1.5) == []  # settled, tried, truncated: waiting
    assert watcher.poll(now=t + 5) == []  # unchanged: not re-decoded, not reported
    assert outcomes == [] and watcher.waiting == 1
    with open(path, "ab") as fh:
        fh.write(data[len(data) // 2:])
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1))
    assert watcher.poll(now=t + 6) == []  # changed: settle again
    (done,) = watcher.poll(now=t + 7.1)
    assert done.status == IMPORTED and done.path == path
    assert [c.source for c in journal.snapshot(piece.id).captures] == ["slow"]
    assert watcher.poll(now=t + 20) == [] and watcher.waiting == 0


def test_a_file_that_stays_truncated_is_reported_once(journal, piece, inbox):
    data = photo_bytes("2025:04:01 09:10:00", seed=3)
    (inbox / "cut.jpg").write_bytes(data[:5000])
    (inbox / "junk.jpg").write_bytes(os.urandom(3000))
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=0.5, give_up=3)
    watcher.poll(now=0)
    first = watcher.poll(now=1)  # junk.jpg cannot get better: reported now
    assert [(o.path.name, o.status) for o in first] == [("junk.jpg", SKIPPED)]
    assert watcher.poll(now=2) == []
    later = watcher.poll(now=3.5)  # cut.jpg gave up waiting
    assert [(o.path.name, o.status) for o in later] == [("cut.jpg", SKIPPED)]
    assert "truncated" in later[0].reason
    assert watcher.poll(now=10) == [] and watcher.skipped == 2
    assert journal.snapshot(piece.id).captures == ()


def test_temp_hidden_and_partial_names_are_ignored_until_renamed(journal, piece, inbox):
    data = photo_bytes("2025:04:01 09:20:00", seed=4)
    for name in ("IMG_5.jpg.crdownload", "IMG_5.jpg.part", ".IMG_5.jpg", "~IMG_5.jpg",
                 ".IMG_5.jpg.abc123.tmp", "notes.txt"):
        (inbox / name).write_bytes(data)
    (inbox / ".hidden").mkdir()
    (inbox / ".hidden" / "IMG_9.jpg").write_bytes(data)
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=0.1)
    for t in (0, 1, 2):
        assert watcher.poll(now=t) == []
    os.rename(inbox / "IMG_5.jpg.part", inbox / "IMG_5.jpg")
    watcher.poll(now=3)
    (done,) = watcher.poll(now=4)
    assert done.path.name == "IMG_5.jpg" and done.status == IMPORTED
    assert len(journal.snapshot(piece.id).captures) == 1


def test_already_handled_files_are_not_looked_at_again(journal, piece, inbox):
    from coulisses.capture.importer import import_photos

    make_photo(inbox / "old.jpg", "2025:04:01 08:00:00")
    (inbox / "junk.jpg").write_bytes(b"not a photo at all")
    report = import_photos(journal, piece.id, [inbox])
    assert [p.name for p, _ in report.skipped] == ["junk.jpg"]
    calls = []
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=0.1, on_outcome=calls.append)
    watcher.mark_handled(report.outcomes)
    watcher.poll(now=0)
    assert watcher.waiting == 0  # old.jpg and junk.jpg are known: not even queued
    (inbox / "sub").mkdir()
    make_photo(inbox / "sub" / "new.jpg", "2025:04:01 08:30:00")
    watcher.poll(now=1)
    watcher.poll(now=2)
    watcher.poll(now=3)
    assert [o.path.name for o in calls] == ["new.jpg"]  # junk.jpg is not reported twice
    assert [c.source for c in journal.snapshot(piece.id).captures] == ["old", "new"]


def test_a_vanished_folder_is_reported_once_and_watched_for(journal, piece, tmp_path):
    folder = tmp_path / "usb"
    errors = []
    watcher = FolderWatcher(journal, piece.id, [folder], settle=0.1, on_error=errors.append)
    for t in range(3):
        assert watcher.poll(now=t) == []
    assert len(errors) == 1 and "cannot be reached" in errors[0]
    folder.mkdir()  # plugged back in
    make_photo(folder / "back.jpg", "2025:04:01 10:00:00")
    watcher.poll(now=10)
    (done,) = watcher.poll(now=11)
    assert done.status == IMPORTED and len(errors) == 1


def test_watching_the_journal_itself_is_refused(journal, piece, home, cli):
    from coulisses.journal import JournalError

    with pytest.raises(JournalError, match="inside the Coulisses journal"):
        FolderWatcher(journal, piece.id, [home / "pieces"])
    code, out, err = cli("import", piece.id, str(home), "--watch")
    assert code == 1 and "inside the Coulisses journal" in err
    assert out == "" and err.count("\n") == 1  # refused before importing anything


def test_the_watch_thread_stops_promptly(journal, piece, inbox):
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=0.1, interval=5)
    watcher.start()
    assert watcher.running
    thread = watcher._thread
    assert thread is not None and thread.is_alive()
    started = time.monotonic()
    watcher.stop()  # mid-way through a 5 s wait between polls
    assert time.monotonic() - started < 2 and not watcher.running
    assert not thread.is_alive()
    assert thread not in threading.enumerate()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_cli_watch_imports_existing_then_new_photos_and_stops_on_ctrl_c(home, inbox):
    from coulisses.journal import Journal

    journal = Journal.open(home)
    piece = journal.create_piece("Bol")
    make_photo(inbox / "before.jpg", "2025:04:01 07:00:00")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"), COULISSES_LANG="en",
               PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "coulisses", "--home", str(home), "import", piece.id, str(inbox),
         "--watch", "--settle", "0.3s", "--every", "0.1s"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert wait_for(lambda: len(journal.snapshot(piece.id).captures) == 1, timeout=30)
        (inbox / "after.jpg").write_bytes(photo_bytes("2025:04:01 07:30:00", seed=5))
        assert wait_for(lambda: len(journal.snapshot(piece.id).captures) == 2, timeout=15)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Photos imported into “Bol”: 1." in out
    assert "Imported after.jpg" in out
    assert "Watching" in err and "Stopped watching" in err
    assert [c.source for c in journal.snapshot(piece.id).captures] == ["before", "after"]


def test_a_photo_that_cannot_be_written_is_skipped_once_not_retried_forever(
        journal, piece, inbox, monkeypatch):
    """A write error on one photo (not a full disk) is that photo's outcome, given once."""
    import errno

    real = journal.add_still
    tries = []

    def refuse_one(piece_id, jpeg, taken_at, **kw):
        if kw.get("source") == "bad":
            tries.append(taken_at)
            raise OSError(errno.EIO, "Input/output error")
        return real(piece_id, jpeg, taken_at, **kw)

    monkeypatch.setattr(journal, "add_still", refuse_one)
    (inbox / "bad.jpg").write_bytes(photo_bytes("2025:04:01 11:00:00", seed=8))
    (inbox / "good.jpg").write_bytes(photo_bytes("2025:04:01 11:01:00", seed=9))
    errors, outcomes = [], []
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=0.5, on_error=errors.append,
                            on_outcome=outcomes.append)
    watcher.poll(now=0)
    watcher.poll(now=1)
    for t in range(2, 30):
        assert watcher.poll(now=t) == []  # nothing tried again
    assert len(tries) == 1 and errors == []
    assert sorted((o.path.name, o.status) for o in outcomes) == [
        ("bad.jpg", SKIPPED), ("good.jpg", IMPORTED)]
    bad = next(o for o in outcomes if o.status == SKIPPED)
    assert "could not be written" in bad.reason and "input/output error" in bad.reason
    assert watcher.skipped == 1 and watcher.imported == 1 and watcher.waiting == 0
    assert [c.source for c in journal.snapshot(piece.id).captures] == ["good"]


def test_a_photo_with_a_very_long_non_ascii_name_is_imported_by_the_watcher(
        journal, piece, inbox):
    name = "陶芸" * 41 + ".jpg"  # 82 characters, 250 bytes: as long as a name can be
    assert len(name.encode()) == 250
    (inbox / name).write_bytes(photo_bytes("2025:04:01 12:00:00", seed=10))
    watcher = FolderWatcher(journal, piece.id, [inbox], settle=0.1)
    watcher.poll(now=0)
    (done,) = watcher.poll(now=1)
    assert done.status == IMPORTED, done.reason
    (capture,) = journal.snapshot(piece.id).captures
    assert capture.source.endswith("陶芸") and len(capture.path.name.encode()) <= 255 - 14
