"""The desktop app's cheap checks: what changed (across processes), the latest still,
how many stills; and the paths other layers ask the journal for."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.journal import Journal, is_journal_root, stills
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _other_process(home: Path, code: str) -> None:
    """Run journal code in another process (as `coulisses mark` next to the app would)."""
    script = ("import sys\nfrom datetime import datetime, timedelta, UTC\n"
              "from coulisses.journal import Journal\n"
              f"j = Journal.open(sys.argv[1])\n{code}\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", script, str(home)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_piece_token_changes_when_another_process_writes(journal: Journal, home: Path) -> None:
    pid = journal.create_piece("Bol").id
    journal.add_still(pid, jpeg_bytes(), T0)
    token = journal.change_token(pid)
    assert journal.change_token(pid) == token  # nothing changed: equal
    still = str(journal.snapshot(pid).captures[0].path)
    _other_process(home, f"j.add_still({pid!r}, open({still!r}, 'rb').read(), "
                         "datetime(2026, 11, 23, 9, 31, tzinfo=UTC))")
    after_still = journal.change_token(pid)
    assert after_still != token
    _other_process(home, f"j.add_moment({pid!r}, 'struggle', caption='Effondrement')")
    after_moment = journal.change_token(pid)
    assert after_moment != after_still
    _other_process(home, f"j.update_moment({pid!r}, j.snapshot({pid!r}).moments[0].id, "
                         "caption='Trop d eau')")
    assert journal.change_token(pid) != after_moment
    assert journal.change_token(pid) == journal.change_token(pid)


def test_an_older_photo_imported_into_an_older_day_changes_the_token(journal: Journal) -> None:
    pid = journal.create_piece("Bol").id
    journal.add_still(pid, jpeg_bytes(), T0)
    token = journal.change_token(pid)
    journal.add_still(pid, jpeg_bytes(), T0 - timedelta(days=3), source="IMG_1.jpg")
    assert journal.change_token(pid) != token
    assert journal.latest_capture(pid).time == T0  # the newest is still the newest


def test_journal_token_sees_new_pieces_renames_and_stills(journal: Journal, home: Path) -> None:
    pid = journal.create_piece("Bol").id
    token = journal.change_token()
    assert journal.change_token() == token
    _other_process(home, "j.create_piece('Tasse')")
    created = journal.change_token()
    assert created != token
    _other_process(home, f"j.rename_piece({pid!r}, 'Grand bol')")
    renamed = journal.change_token()
    assert renamed != created
    journal.add_still(pid, jpeg_bytes(), T0)
    assert journal.change_token() != renamed


def test_latest_capture_reads_only_the_newest_day(journal: Journal, monkeypatch) -> None:
    pid = journal.create_piece("Bol").id
    assert journal.latest_capture(pid) is None
    for day in range(3):
        for s in range(4):
            journal.add_still(pid, jpeg_bytes(), T0 + timedelta(days=day, seconds=s))
    newest = journal.snapshot(pid).captures[-1]
    listed: list[str] = []
    real = os.listdir

    def listdir(path="."):
        listed.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)
    latest = journal.latest_capture(pid)
    assert latest == newest and latest.path.is_file()
    assert listed == ["2026-11-25"]
    monkeypatch.undo()
    # A newest day folder holding only a leftover temp file: the day before counts.
    empty = journal.piece(pid).folder / "stills" / "2026-11-30"
    empty.mkdir()
    (empty / ".20261130T000000.000Z.jpg.x.tmp").write_bytes(b"")
    assert journal.latest_capture(pid) == newest


def test_still_count_matches_the_scan_and_lists_only_changed_days(journal: Journal,
                                                                  monkeypatch) -> None:
    pid = journal.create_piece("Bol").id
    assert journal.still_count(pid) == 0
    for day in range(4):
        for s in range(5):
            journal.add_still(pid, jpeg_bytes(), T0 + timedelta(days=day, seconds=s))
    root = journal.piece(pid).folder / "stills"
    (root / "2026-11-23" / "notes.txt").write_text("the maker's own file")
    assert journal.still_count(pid) == len(journal.snapshot(pid).captures) == 20
    # Settled day folders (unchanged for a while) are not listed again.
    past = (T0 - timedelta(days=1)).timestamp()
    for day in root.iterdir():
        os.utime(day, (past, past))
    assert journal.still_count(pid) == 20
    counted: list[str] = []
    real = stills.count_in_day
    monkeypatch.setattr(stills, "count_in_day",
                        lambda folder: counted.append(folder.name) or real(folder))
    assert journal.still_count(pid) == 20 and counted == []
    journal.add_still(pid, jpeg_bytes(), T0 + timedelta(days=1, seconds=30))
    assert journal.still_count(pid) == 21 and counted == ["2026-11-24"]
    counted.clear()
    # A day folder changed twice within one timestamp tick is never cached while recent.
    journal.add_still(pid, jpeg_bytes(), T0 + timedelta(days=1, seconds=31))
    assert journal.still_count(pid) == 22
    journal.add_still(pid, jpeg_bytes(), T0 + timedelta(days=1, seconds=32))
    assert journal.still_count(pid) == 23


def test_cache_dir_is_made_in_the_piece_and_names_are_checked(journal: Journal) -> None:
    piece = journal.create_piece("Bol")
    folder = journal.cache_dir(piece.id, "signatures")
    assert folder.is_dir() and folder.parent.parent == piece.folder
    for bad in ("../x", "", "A", "a/b", ".hidden"):
        with pytest.raises(ValueError):
            journal.cache_dir(piece.id, bad)


def test_is_journal_root(journal: Journal, home: Path, tmp_path: Path) -> None:
    assert is_journal_root(home)
    assert not is_journal_root(tmp_path / "elsewhere")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "coulisses.json").write_text("{}")
    assert not is_journal_root(tmp_path / "photos")  # no pieces/ folder beside it
