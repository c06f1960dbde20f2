"""export/output_folder.py, where the mutation run found survivors (issue 20): the
publish that takes the next free name when a rival export took its own at the last
instant, and the rule that another computer's partial export is only cleaned once
it is more than 24 hours old (its process cannot be checked from here)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coulisses.export.output_folder import (
    MARKER,
    OTHER_HOST_STALE_AFTER,
    PartialFolder,
    clean_stale_partials,
    marker_text,
    partial_name,
)

BASE = "vase-20260101-1200"
DAY = 86400


# ------------------------------------------------------------------ the publish race
def _made(out: Path) -> PartialFolder:
    folder = PartialFolder.create(out, BASE)
    (folder.path / "vase.mp4").write_bytes(b"our reel")
    return folder


def _rival_takes(names: list[str], out: Path, monkeypatch) -> list[str]:
    """Just before each of our renames into ``out``, a rival export publishes under the
    next name of ``names`` (a real, non-empty folder). The names our renames aimed at."""
    real_rename = os.rename
    aimed: list[str] = []

    def rename(src, dst, *args, **kwargs):
        if Path(src).parent == out and Path(src).name.endswith(".partial"):
            aimed.append(Path(dst).name)
            if len(aimed) > 10:  # a publish that never moves on fails, not hangs
                raise RuntimeError(f"publish keeps aiming at {aimed[-3:]}")
            if names:
                rival = out / names.pop(0)
                rival.mkdir()
                (rival / "their.mp4").write_bytes(b"their reel")
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    return aimed


def _check_published(final: Path, folder: PartialFolder, out: Path) -> None:
    assert folder.path == final and folder.published and folder.name == final.name
    assert (final / "vase.mp4").read_bytes() == b"our reel"
    assert not (final / MARKER).exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".partial")]


def test_a_rival_taking_the_name_at_the_last_instant_sends_us_to_the_next(
        tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "reels"
    out.mkdir()
    folder = _made(out)
    aimed = _rival_takes([BASE], out, monkeypatch)
    final = folder.publish()
    monkeypatch.undo()
    assert aimed == [BASE, f"{BASE}-2"]  # refused once, then the next free name
    assert final == out / f"{BASE}-2"
    _check_published(final, folder, out)
    assert (out / BASE / "their.mp4").read_bytes() == b"their reel"  # theirs, untouched
    assert sorted(p.name for p in (out / BASE).iterdir()) == ["their.mp4"]


def test_the_retry_goes_on_as_long_as_rivals_keep_taking_names(tmp_path: Path,
                                                               monkeypatch) -> None:
    out = tmp_path / "reels"
    out.mkdir()
    folder = _made(out)
    aimed = _rival_takes([BASE, f"{BASE}-2", f"{BASE}-3"], out, monkeypatch)
    final = folder.publish()
    monkeypatch.undo()
    assert aimed == [BASE, f"{BASE}-2", f"{BASE}-3", f"{BASE}-4"]
    assert final == out / f"{BASE}-4"
    _check_published(final, folder, out)
    for name in (BASE, f"{BASE}-2", f"{BASE}-3"):
        assert sorted(p.name for p in (out / name).iterdir()) == ["their.mp4"]


def test_a_name_taken_before_the_publish_is_skipped_without_a_failed_rename(
        tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "reels"
    out.mkdir()
    folder = _made(out)
    (out / BASE).mkdir()  # the maker's own folder of that name, made meanwhile
    (out / BASE / "notes.txt").write_text("mine")
    aimed = _rival_takes([], out, monkeypatch)
    final = folder.publish()
    monkeypatch.undo()
    assert aimed == [f"{BASE}-2"]
    _check_published(final, folder, out)
    assert (out / BASE / "notes.txt").read_text() == "mine"


def test_a_file_taking_the_name_at_the_last_instant_is_kept_too(tmp_path: Path,
                                                                 monkeypatch) -> None:
    out = tmp_path / "reels"
    out.mkdir()
    folder = _made(out)
    real_rename = os.rename

    def rename(src, dst, *args, **kwargs):
        if Path(dst) == out / BASE:
            Path(dst).write_text("the maker's notes")  # renaming a folder onto it: ENOTDIR
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    final = folder.publish()
    monkeypatch.undo()
    assert final == out / f"{BASE}-2"
    _check_published(final, folder, out)
    assert (out / BASE).read_text() == "the maker's notes"


def test_a_partial_that_already_had_a_suffix_counts_on_from_the_name_asked_for(
        tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "reels"
    (out / BASE).mkdir(parents=True)  # an earlier export of the same minute
    folder = _made(out)
    assert folder.name == f"{BASE}-2"
    aimed = _rival_takes([f"{BASE}-2"], out, monkeypatch)
    final = folder.publish()
    monkeypatch.undo()
    assert aimed == [f"{BASE}-2", f"{BASE}-3"]
    _check_published(final, folder, out)


def test_another_rename_failure_is_raised_not_retried(tmp_path: Path, monkeypatch) -> None:
    """Only a name taken is retried: a refusal is raised at once, even when the name
    it aimed at happens to exist by then."""
    out = tmp_path / "reels"
    out.mkdir()
    folder = _made(out)
    calls: list[str] = []

    def refuse(src, dst, *args, **kwargs):
        calls.append(str(dst))
        if len(calls) > 3:
            raise RuntimeError("retried a refusal")
        Path(dst).mkdir()
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "rename", refuse)
    with pytest.raises(PermissionError):
        folder.publish()
    monkeypatch.undo()
    assert calls == [str(out / BASE)]
    assert not folder.published and folder.path == out / partial_name(BASE)


def test_a_failure_that_is_not_about_the_name_is_never_retried(tmp_path: Path,
                                                               monkeypatch) -> None:
    """The output folder is replaced by a file at the last instant (a drive pulled and
    something else at that path): the rename fails with ENOTDIR though no rival took
    the name; it is raised, not retried for ever."""
    out = tmp_path / "reels"
    out.mkdir()
    folder = _made(out)
    real_rename = os.rename
    calls: list[str] = []

    def rename(src, dst, *args, **kwargs):
        if Path(src).parent == out and Path(src).name.endswith(".partial"):
            calls.append(str(dst))
            if len(calls) > 3:
                raise RuntimeError("retried a failure that is not about the name")
            if len(calls) == 1:
                real_rename(out, tmp_path / "reels-pulled")
                out.write_text("not a folder any more")
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(NotADirectoryError):
        folder.publish()
    monkeypatch.undo()
    assert calls == [str(out / BASE)]
    assert not folder.published


# ------------------------------------------------------------------ the 24 h rule
NOW = 1_800_000_000.0  # a whole number of seconds: an age of exactly 24 h is exact


@pytest.fixture
def clock(monkeypatch) -> float:
    """The time the cleaner reads; the folders' ages are set from it with os.utime."""
    monkeypatch.setattr(time, "time", lambda: NOW)
    return NOW


def _partial(out: Path, n: int, *, host: str, pid: int, age: float) -> Path:
    folder = out / partial_name(f"{BASE}-{n}")
    folder.mkdir(parents=True)
    (folder / MARKER).write_text(marker_text(pid, host))
    (folder / "half.mp4").write_bytes(b"half a reel")
    os.utime(folder, (NOW - age, NOW - age))  # after the files: they touch its mtime
    return folder


def _dead_pid() -> int:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(gone.stdout)


def test_the_day_is_24_hours_and_strictly_more(tmp_path: Path, clock: float) -> None:
    assert OTHER_HOST_STALE_AFTER == 24 * 3600
    other = "another-laptop"
    kept = [_partial(tmp_path, 1, host=other, pid=4242, age=60),
            _partial(tmp_path, 2, host=other, pid=4242, age=23.5 * 3600),
            _partial(tmp_path, 3, host=other, pid=4242, age=DAY)]  # exactly a day: not more
    cleaned = [_partial(tmp_path, 4, host=other, pid=4242, age=DAY + 1),
               _partial(tmp_path, 5, host=other, pid=4242, age=3 * DAY)]
    assert sorted(clean_stale_partials(tmp_path)) == cleaned
    assert all(p.is_dir() and (p / "half.mp4").exists() for p in kept)
    assert not any(p.exists() for p in cleaned)


def test_another_computers_partial_is_judged_by_its_age_not_by_a_local_pid(
        tmp_path: Path, clock: float) -> None:
    """A pid from another computer means nothing here: alive or dead locally, only the
    age decides."""
    other = "another-laptop"
    alive_here = os.getppid()
    dead_here = _dead_pid()
    fresh_dead = _partial(tmp_path, 1, host=other, pid=dead_here, age=3600)
    old_alive = _partial(tmp_path, 2, host=other, pid=alive_here, age=2 * DAY)
    old_ours = _partial(tmp_path, 3, host=other, pid=os.getpid(), age=2 * DAY)
    assert sorted(clean_stale_partials(tmp_path)) == [old_alive, old_ours]
    assert fresh_dead.is_dir()


def test_this_computers_partial_is_judged_by_its_pid_not_by_its_age(tmp_path: Path,
                                                                    clock: float) -> None:
    here = socket.gethostname()
    fresh_dead = _partial(tmp_path, 1, host=here, pid=_dead_pid(), age=60)
    old_alive = _partial(tmp_path, 2, host=here, pid=os.getppid(), age=3 * DAY)
    old_ours = _partial(tmp_path, 3, host=here, pid=os.getpid(), age=3 * DAY)
    assert clean_stale_partials(tmp_path) == [fresh_dead]
    assert old_alive.is_dir() and old_ours.is_dir()

