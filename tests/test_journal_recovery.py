"""Issue 20, items 1-3 and 11: a file that cannot be read is not damage, a missing
piece.json is, recovery uses the newest good kept version and says which, and
interrupted work (a new piece on a full disk, temp files of a kill) leaves nothing."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.journal import DiskFullError, Journal, JournalError
from coulisses.journal import storage as storage_mod
from tests.helpers import fill_disk, jpeg_bytes

T0 = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def kept_versions(path: Path):
    from coulisses.journal import generations  # not imported at the top: the old code has none

    return generations.listing(path)


def tree(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder`` but caches: (inode, content hash), to see that nothing
    the maker made changed."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.name != ".lock" \
                and "cache" not in path.relative_to(folder).parts:
            out[str(path.relative_to(folder))] = (path.stat().st_ino,
                                                  hashlib.sha256(path.read_bytes()).hexdigest())
    return out


def _piece(home: Path) -> tuple[Journal, str, list[str]]:
    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    ids = [journal.add_still(pid, jpeg_bytes(value=40 + i), T0 + timedelta(seconds=10 * i)).id
           for i in range(6)]
    journal.add_moment(pid, "struggle", at=ids[1], caption="Trop d'eau")
    journal.hide_stills(pid, ids[3:5])
    journal.add_moment(pid, "fix", at=ids[5], caption="Deuxième essai")
    return journal, pid, ids


@pytest.fixture
def failing_reads(monkeypatch):
    """Make reads of chosen files fail like a disk that errs (EIO, EACCES, ETIMEDOUT):
    a failing disk cannot be had here, so this is the one thing mocked. ``plan[path]``
    is the list of errors the next reads get, one each; then reads work again."""
    real_open = os.open
    plan: dict[Path, list[int]] = {}

    def fake_open(path, flags, *args, **kwargs):
        errs = plan.get(Path(os.fsdecode(path)))
        if errs and not flags & (os.O_WRONLY | os.O_RDWR):
            code = errs.pop(0)
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(storage_mod, "RETRY_PAUSES", (0.01, 0.01, 0.01), raising=False)
    return plan


# --------------------------------------------------------------- 1: unreadable
@pytest.mark.parametrize("code", [errno.EIO, errno.EACCES, errno.ETIMEDOUT])
def test_a_file_that_cannot_be_read_is_refused_and_nothing_on_disk_changes(
        home: Path, failing_reads, code: int) -> None:
    _, pid, _ = _piece(home)
    path = home / "pieces" / pid / "piece.json"
    before = tree(home)
    failing_reads[path] = [code] * 100
    fresh = Journal.open(home)
    with pytest.raises(JournalError) as info:
        fresh.snapshot(pid)
    message = str(info.value)
    assert str(path) in message and "nothing was changed" in message
    assert "try again" in message
    # The piece is left out of the list with that one sentence, not started afresh.
    assert fresh.pieces() == [] and any(str(path) in p for p in fresh.problems_of(pid))
    assert tree(home) == before, "a read error changed the journal"
    # Once the disk answers again, the last edit is there.
    failing_reads.clear()
    snap = Journal.open(home).snapshot(pid)
    assert [m.caption for m in snap.moments] == ["Trop d'eau", "Deuxième essai"]
    assert len(snap.hidden.ranges) == 1


def test_a_read_that_fails_twice_is_tried_again(home: Path, failing_reads) -> None:
    _, pid, _ = _piece(home)
    path = home / "pieces" / pid / "piece.json"
    before = tree(home)
    failing_reads[path] = [errno.EIO, errno.ETIMEDOUT]  # a disk waking up
    snap = Journal.open(home).snapshot(pid)
    assert failing_reads[path] == [] and len(snap.moments) == 2
    assert tree(home) == before


# ------------------------------------------------------------------ 2: missing
def test_a_missing_piece_file_is_recovered_from_the_newest_kept_version(home: Path) -> None:
    journal, pid, ids = _piece(home)
    path = home / "pieces" / pid / "piece.json"
    path.unlink()  # a sync client removed it, or a kill between set-aside and rewrite
    fresh = Journal.open(home)
    snap = fresh.snapshot(pid)
    problems = fresh.problems_of(pid)
    assert len(problems) == 1 and "was missing" in problems[0]
    assert "restored the version kept on" in problems[0]
    # The newest kept version is the one before the last edit: the hidden stills stay
    # hidden (an export must never show them), the first moment is there.
    assert snap.piece.name == "Bol"
    assert [m.caption for m in snap.moments] == ["Trop d'eau"]
    assert ids[3] in snap.hidden and ids[4] in snap.hidden
    # The next edits do not eat the versions recovery may still need.
    kept_before = [g.path.name for g in kept_versions(path)]
    fresh.add_moment(pid, "note", caption="après")
    kept_after = [g.path.name for g in kept_versions(path)]
    assert set(kept_before[:4]) <= set(kept_after)


def test_a_missing_piece_file_with_nothing_kept_is_said_not_hidden(home: Path) -> None:
    journal, pid, _ = _piece(home)
    folder = home / "pieces" / pid
    (folder / "piece.json").unlink()
    for g in kept_versions(folder / "piece.json"):
        g.path.unlink()
    fresh = Journal.open(home)
    snap = fresh.snapshot(pid)
    assert len(snap.captures) == 6
    assert any("was missing" in p and "started it afresh" in p for p in fresh.problems_of(pid))


# ------------------------------------------------------------- 3: generations
def test_recovery_skips_damaged_versions_and_says_which_it_used(home: Path) -> None:
    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    for n in range(8):
        journal.add_moment(pid, "note", caption=f"m{n}")
    path = home / "pieces" / pid / "piece.json"
    kept = kept_versions(path)
    assert len(kept) == 5  # the last five writes, not one .bak
    path.write_text("{ torn")
    kept[0].path.write_text("also torn")  # the newest kept version is damaged too
    fresh = Journal.open(home)
    snap = fresh.snapshot(pid)
    # The second newest version: eight moments minus the last two edits.
    assert [m.caption for m in snap.moments] == [f"m{n}" for n in range(6)]
    message = fresh.problems_of(pid)[0]
    assert kept[1].saved.astimezone().strftime("%Y-%m-%d %H:%M:%S") in message
    assert "changes made after that may be missing" in message


def test_one_version_a_day_is_kept_for_a_week(tmp_path: Path) -> None:
    from coulisses.journal import generations

    path = tmp_path / "piece.json"
    now = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)
    # Ten days of edits, three a day.
    for day in range(10, 0, -1):
        for hour in (9, 12, 17):
            path.write_text(json.dumps({"day": day, "hour": hour}))
            generations.keep(path, now=now - timedelta(days=day) + timedelta(hours=hour - 18))
    for minute in range(3):  # and three edits today
        path.write_text(json.dumps({"today": minute}))
        generations.keep(path, now=now - timedelta(minutes=10 - minute))
    kept = kept_versions(path)
    by_day: dict[object, list[datetime]] = {}
    for g in kept:
        by_day.setdefault(g.saved.date(), []).append(g.saved)
    today = now.date()
    # The five newest (today's three, yesterday's two newest)...
    assert len(by_day.pop(today)) == 3
    assert sorted(t.hour for t in by_day.pop(today - timedelta(days=1))) == [12, 17]
    # ...and the newest of each day of the week before, nothing older.
    assert sorted(by_day) == [today - timedelta(days=d) for d in range(7, 1, -1)]
    assert all(len(times) == 1 and times[0].hour == 17 for times in by_day.values())


# ---------------------------------------------------------------- 11: leftovers
def test_a_new_piece_on_a_full_disk_leaves_nothing_and_the_retry_gets_its_name(tmpfs) -> None:
    home = tmpfs("1m") / "journal"
    journal = Journal.open(home)
    journal.create_piece("Vase")
    fill_disk(home / "filler")
    before = sorted(p.name for p in (home / "pieces").iterdir())
    with pytest.raises((DiskFullError, JournalError)):
        journal.create_piece("Bol bleu")
    assert sorted(p.name for p in (home / "pieces").iterdir()) == before
    (home / "filler").unlink()
    assert journal.create_piece("Bol bleu").id == "bol-bleu"  # not bol-bleu-2
    assert [p.name for p in Journal.open(home).pieces()] == ["Bol bleu", "Vase"]


def test_an_empty_piece_folder_left_by_an_older_version_is_not_a_piece(home: Path) -> None:
    journal = Journal.open(home)
    (home / "pieces" / "bol").mkdir()  # what `piece new` on a full disk used to leave
    (home / "pieces" / "bol" / ".lock").touch()
    assert journal.pieces() == []
    assert journal.create_piece("Bol").id == "bol"
    assert [p.name for p in journal.pieces()] == ["Bol"]


def test_stale_temp_files_of_a_kill_are_swept_and_fresh_ones_kept(home: Path) -> None:
    journal, pid, ids = _piece(home)
    folder = home / "pieces" / pid
    day = folder / "stills" / "2026-11-23"
    thumbs = folder / "thumbs" / "2026-11-23"
    thumbs.mkdir(parents=True, exist_ok=True)
    old = time.time() - 2 * 3600
    stale = [day / f".{ids[0]}.jpg.abcd1234.tmp", thumbs / f".{ids[1]}.jpg.efgh5678.tmp",
             folder / ".piece.json.ijkl9012.tmp"]
    fresh_tmp = day / f".{ids[2]}.jpg.mnop3456.tmp"  # a write in progress right now
    for p in (*stale, fresh_tmp):
        p.write_bytes(b"partial")
    for p in stale:
        os.utime(p, (old, old))
    Journal.open(home).snapshot(pid)
    assert not any(p.exists() for p in stale)
    assert fresh_tmp.exists()
    assert len(Journal.open(home).snapshot(pid).captures) == 6


# ------------------------------------------------------------------- root file
def test_a_journal_that_lost_its_root_file_gets_it_back_and_keeps_its_pieces(home: Path) -> None:
    journal, pid, _ = _piece(home)
    (home / "coulisses.json").unlink()
    fresh = Journal.open(home)
    assert [p.id for p in fresh.pieces()] == [pid]
    assert (home / "coulisses.json").is_file()
