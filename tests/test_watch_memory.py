"""A watch folder never brings back a photo it took, wherever the maker moved or hid it.

Real watchers on a real folder of real JPEGs, a real journal on disk; a
"restart" is a new Journal and a new FolderWatcher (nothing kept in memory),
and the CLI watch runs in its own process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from coulisses.capture.importer import IMPORTED
from coulisses.capture.piece_watch import PieceWatch
from coulisses.capture.watch_folder import FolderWatcher
from coulisses.journal import Journal
from coulisses.journal.watch_memory import WatchMemory
from tests.helpers import wait_until
from tests.test_import_watch import photo_bytes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def pieces(journal):
    return journal.create_piece("Bol"), journal.create_piece("Vase")


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "Phone sync"
    folder.mkdir()
    return folder


def arrive(path: Path, data: bytes) -> Path:
    """A sync client's way: written under a temporary name, then renamed."""
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)
    return path


def watch_once(home: Path, piece_id: str, inbox: Path) -> tuple[list, Journal]:
    """A fresh start of the app or the CLI: a new journal, a new watcher, a few looks."""
    journal = Journal.open(home)
    watcher = FolderWatcher(journal, piece_id, [inbox], settle=0.5)
    outcomes = []
    for t in (0, 1, 2, 5):
        outcomes += watcher.poll(now=t)
    return outcomes, journal


def sources(journal: Journal, piece_id: str) -> list[str | None]:
    return sorted(c.source or "" for c in journal.snapshot(piece_id).captures)


def take_all(home: Path, piece_id: str, inbox: Path, n: int) -> Journal:
    outcomes, journal = watch_once(home, piece_id, inbox)
    assert [o.status for o in outcomes] == [IMPORTED] * n
    return journal


def ids_of(journal: Journal, piece_id: str, *names: str) -> list[str]:
    return [c.id for c in journal.snapshot(piece_id).captures if c.source in names]


def test_a_photo_moved_to_another_piece_is_not_imported_again_after_a_restart(
        home, pieces, inbox):
    bol, vase = pieces
    arrive(inbox / "IMG_0001.jpg", photo_bytes("2025:04:01 09:00:00", seed=1))
    arrive(inbox / "IMG_0002.jpg", photo_bytes("2025:04:01 09:01:00", seed=2))
    journal = take_all(home, bol.id, inbox, 2)
    moved = journal.move_stills(bol.id, ids_of(journal, bol.id, "IMG_0001"), vase.id)
    assert len(moved.after) == 1

    outcomes, journal = watch_once(home, bol.id, inbox)  # the app starts again
    assert outcomes == []
    assert sources(journal, bol.id) == ["IMG_0002"]
    assert sources(journal, vase.id) == ["IMG_0001"]

    # The sync client renames it and rewrites its date: the same bytes, still not back.
    os.rename(inbox / "IMG_0001.jpg", inbox / "IMG_0001 (1).jpg")
    later = time.time() + 3600
    os.utime(inbox / "IMG_0001 (1).jpg", (later, later))
    outcomes, journal = watch_once(home, bol.id, inbox)
    assert outcomes == []
    assert sources(journal, bol.id) == ["IMG_0002"]
    assert sources(journal, vase.id) == ["IMG_0001"]


def test_hidden_moved_and_deleted_stills_are_not_brought_back(home, pieces, inbox):
    """Hidden stills stay in the piece (hidden still); a hidden still moved to another
    piece, and a still the maker deleted, do not come back at the next start."""
    bol, vase = pieces
    for i, name in enumerate(("hidden", "hidden-moved", "deleted", "kept")):
        arrive(inbox / f"{name}.jpg", photo_bytes(f"2025:04:02 10:0{i}:00", seed=10 + i))
    journal = take_all(home, bol.id, inbox, 4)
    journal.hide_stills(bol.id, ids_of(journal, bol.id, "hidden", "hidden-moved"))
    journal.move_stills(bol.id, ids_of(journal, bol.id, "hidden-moved"), vase.id)
    (deleted,) = [c for c in journal.snapshot(bol.id).captures if c.source == "deleted"]
    deleted.path.unlink()  # the maker deletes it on purpose, in the file manager

    outcomes, journal = watch_once(home, bol.id, inbox)
    assert outcomes == []
    assert sources(journal, bol.id) == ["hidden", "kept"]
    assert sources(journal, vase.id) == ["hidden-moved"]
    snap = journal.snapshot(bol.id)
    assert [c.source for c in snap.captures if snap.is_hidden(c.id)] == ["hidden"]
    vase_snap = journal.snapshot(vase.id)
    assert all(vase_snap.is_hidden(c.id) for c in vase_snap.captures)


def test_a_new_photo_that_reuses_an_old_name_is_imported(home, pieces, inbox):
    """A phone reset numbers from IMG_0001 again: new bytes under an old name come in,
    while the old photo (filed away in a subfolder, its date touched) does not."""
    bol, vase = pieces
    arrive(inbox / "IMG_0001.jpg", photo_bytes("2025:04:03 08:00:00", seed=20))
    journal = take_all(home, bol.id, inbox, 1)
    journal.move_stills(bol.id, ids_of(journal, bol.id, "IMG_0001"), vase.id)

    (inbox / "2025").mkdir()
    os.rename(inbox / "IMG_0001.jpg", inbox / "2025" / "IMG_0001.jpg")
    os.utime(inbox / "2025" / "IMG_0001.jpg")
    arrive(inbox / "IMG_0001.jpg", photo_bytes("2025:06:01 14:00:00", seed=21))

    outcomes, journal = watch_once(home, bol.id, inbox)
    assert [(o.path, o.status) for o in outcomes] == [(inbox / "IMG_0001.jpg", IMPORTED)]
    (new,) = journal.snapshot(bol.id).captures
    assert new.source == "IMG_0001" and new.time.month == 6
    assert [c.time.month for c in journal.snapshot(vase.id).captures] == [4]


def test_a_damaged_line_in_the_memory_is_skipped_and_the_rest_still_counts(
        home, pieces, inbox):
    bol, vase = pieces
    for i in range(3):
        arrive(inbox / f"P{i}.jpg", photo_bytes(f"2025:04:04 11:0{i}:00", seed=30 + i))
    journal = take_all(home, bol.id, inbox, 3)
    journal.move_stills(bol.id, [c.id for c in journal.snapshot(bol.id).captures], vase.id)

    memory = WatchMemory(journal.piece(bol.id).folder).path
    lines = memory.read_bytes().split(b"\n")
    assert len(lines) == 5  # header, three photos, the empty string after the last newline
    lines.insert(2, b"1234 garbage \xff\xfe not a line")  # a hand edit, a sync conflict
    memory.write_bytes(b"\n".join(lines) + b"41213 1712345678000000000 ab")  # cut by a crash

    journal = Journal.open(home)
    watcher = FolderWatcher(journal, bol.id, [inbox], settle=0.5)
    outcomes = [o for t in (0, 1, 2, 5) for o in watcher.poll(now=t)]
    assert outcomes == [] and sources(journal, bol.id) == []
    assert len(watcher.memory) == 3 and watcher.memory.damaged == 1

    # A new photo is taken and remembered on a line of its own, after the cut one.
    arrive(inbox / "P9.jpg", photo_bytes("2025:04:04 12:00:00", seed=39))
    (done,) = [o for t in (10, 11) for o in watcher.poll(now=t)]
    assert done.status == IMPORTED
    fresh = WatchMemory(journal.piece(bol.id).folder)
    fresh.refresh()
    assert len(fresh) == 4 and fresh.damaged == 2
    journal.move_stills(bol.id, [done.capture.id], vase.id)
    outcomes, journal = watch_once(home, bol.id, inbox)
    assert outcomes == [] and len(journal.snapshot(vase.id).captures) == 4


def test_a_memory_that_cannot_be_read_makes_the_watch_wait_not_import(home, pieces, inbox):
    bol, _ = pieces
    journal = Journal.open(home)
    memory = WatchMemory(journal.piece(bol.id).folder).path
    memory.mkdir(parents=True)  # unreadable as a file, for root too
    arrive(inbox / "IMG_5.jpg", photo_bytes("2025:04:05 09:00:00", seed=40))
    errors = []
    watcher = FolderWatcher(journal, bol.id, [inbox], settle=0.5, on_error=errors.append)
    for t in range(5):
        assert watcher.poll(now=t) == []
    assert journal.snapshot(bol.id).captures == ()
    assert len(errors) == 1 and "could not be read" in errors[0]
    memory.rmdir()
    (done,) = [o for t in (10, 11) for o in watcher.poll(now=t)]
    assert done.status == IMPORTED and len(errors) == 1


def test_the_import_before_watching_leaves_out_what_a_watch_took(home, pieces, inbox):
    """``import --watch`` imports the folder first: through fresh_files() and
    mark_handled(), what it took is remembered, and a restart leaves it out."""
    from coulisses.capture.importer import import_photos

    bol, vase = pieces
    for i in range(3):
        arrive(inbox / f"IMG_{i}.jpg", photo_bytes(f"2025:04:07 08:0{i}:00", seed=60 + i))
    journal = Journal.open(home)
    watcher = FolderWatcher(journal, bol.id, [inbox])
    files = watcher.fresh_files()
    assert [p.name for p in files] == ["IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg"]
    watcher.mark_handled(import_photos(journal, bol.id, files).outcomes)
    assert len(watcher.memory) == 3
    journal.move_stills(bol.id, ids_of(journal, bol.id, "IMG_0", "IMG_1"), vase.id)
    os.rename(inbox / "IMG_1.jpg", inbox / "renamed.jpg")  # known by its bytes
    arrive(inbox / "IMG_3.jpg", photo_bytes("2025:04:07 08:03:00", seed=63))

    journal = Journal.open(home)  # the command run again
    watcher = FolderWatcher(journal, bol.id, [inbox])
    assert [p.name for p in watcher.fresh_files()] == ["IMG_3.jpg"]
    assert watcher.known_before == 3
    assert watcher.poll(now=0) == [] and watcher.waiting == 1  # only IMG_3 is looked at


def test_stopping_ends_a_long_first_pass_between_two_photos(home, pieces, inbox):
    """A first start hashes every photo it does not know: stopping must not wait for all."""
    from coulisses.jobs import CancelToken

    bol, _ = pieces
    for i in range(5):
        arrive(inbox / f"IMG_{i}.jpg", photo_bytes(f"2025:04:09 10:0{i}:00", seed=80 + i))
    token = CancelToken()
    watcher = FolderWatcher(Journal.open(home), bol.id, [inbox], settle=0, interval=0.01,
                            on_outcome=lambda _o: token.cancel())
    watcher.run(token)
    assert watcher.imported == 1 and watcher.waiting == 4


def _cli_watch(home: Path, piece_id: str, inbox: Path) -> tuple[subprocess.Popen, list[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"), COULISSES_LANG="en",
               PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "coulisses", "--home", str(home), "import", piece_id,
         str(inbox), "--watch", "--settle", "0.3s", "--every", "0.1s"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    err: list[str] = []
    threading.Thread(target=lambda: err.extend(proc.stderr), daemon=True).start()
    return proc, err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_the_cli_and_the_app_watching_one_folder_take_each_photo_once(home, pieces, inbox):
    bol, vase = pieces
    journal = Journal.open(home)
    proc, err = _cli_watch(home, bol.id, inbox)
    app_outcomes = []
    app = PieceWatch(journal, bol.id, settle=0.3, interval=0.1, on_outcome=app_outcomes.append)
    try:
        assert wait_until(lambda: any("Watching" in line for line in err), timeout=30), err
        assert app.switch(True, inbox).running  # the maker chose this folder on this computer
        for i in range(3):
            arrive(inbox / f"IMG_{i}.jpg", photo_bytes(f"2025:04:06 10:0{i}:00", seed=50 + i))
        assert wait_until(lambda: len(journal.snapshot(bol.id).captures) == 3, timeout=20)
        time.sleep(1.0)  # both watchers look many more times
        assert len(journal.snapshot(bol.id).captures) == 3

        journal.move_stills(bol.id, [c.id for c in journal.snapshot(bol.id).captures], vase.id)
        later = time.time() + 60
        for i in range(3):  # the sync client rewrites every date: both watchers look again
            os.utime(inbox / f"IMG_{i}.jpg", (later, later))
        time.sleep(2.0)
        assert journal.snapshot(bol.id).captures == ()
        assert len(journal.snapshot(vase.id).captures) == 3
    finally:
        app.stop()
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=15)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0, "".join(err)
    assert "Traceback" not in "".join(err)
    by_cli = out.count("Imported IMG_")
    by_app = sum(o.status == IMPORTED for o in app_outcomes)
    assert by_cli + by_app == 3, (out, app_outcomes)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_import_watch_run_again_leaves_out_what_it_took_before(home, pieces, inbox):
    """`coulisses import PIECE FOLDER --watch`, stopped, stills moved, run again."""
    bol, vase = pieces
    journal = Journal.open(home)
    arrive(inbox / "IMG_1.jpg", photo_bytes("2025:04:08 09:00:00", seed=70))
    arrive(inbox / "IMG_2.jpg", photo_bytes("2025:04:08 09:01:00", seed=71))
    outs = []
    for _run in range(2):
        proc, err = _cli_watch(home, bol.id, inbox)
        try:
            watching = lambda err=err: any("Watching" in line for line in err)  # noqa: E731
            assert wait_until(watching, timeout=30), err
            proc.send_signal(signal.SIGINT)
            out, _ = proc.communicate(timeout=15)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 0, "".join(err)
        outs.append(out)
        if _run == 0:
            assert "Photos imported into “Bol”: 2." in out
            journal.move_stills(bol.id, ids_of(journal, bol.id, "IMG_1"), vase.id)
    assert "Photos imported into “Bol”: 0." in outs[1]
    assert "Taken by this watch before, left alone even if moved, hidden or deleted since: 2." \
        in outs[1]
    assert sources(journal, bol.id) == ["IMG_2"] and sources(journal, vase.id) == ["IMG_1"]
