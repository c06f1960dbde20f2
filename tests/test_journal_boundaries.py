"""Issue 20, items 5-7 and 12: a move never changes whether a still is shown, a move
that cannot finish never makes the journal unopenable, any file name a file system
gives becomes a valid still, and nothing a crafted journal holds leads outside it."""

from __future__ import annotations

import builtins
import io
import json
import os
import shutil
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.journal import Journal
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
INTENT = "moving.json"


def fill(journal: Journal, pid: str, n: int, start: datetime = T0, step: int = 10,
         thumbnail: bool = True) -> list[str]:
    thumb = jpeg_bytes(32, 24) if thumbnail else None
    return [journal.add_still(pid, jpeg_bytes(value=20 + i % 200),
                              start + timedelta(seconds=step * i), thumbnail=thumb).id
            for i in range(n)]


def where_is(journal: Journal) -> dict[int, list[str]]:
    """Every still file (its inode: a move renames, never copies) -> the pieces holding it
    (exactly one each, always)."""
    out: dict[int, list[str]] = {}
    for pid in journal.piece_ids():
        for cap in journal.captures(pid)[0]:
            out.setdefault(os.stat(cap.path).st_ino, []).append(pid)
    return out


# ------------------------------------------------ 5: a move never hides or shows
def test_a_visible_still_moved_into_a_hidden_stretch_stays_visible_and_comes_back_so(
        journal: Journal) -> None:
    a = journal.create_piece("Bol").id
    b = journal.create_piece("Vase").id
    in_a = fill(journal, a, 6, start=T0, step=20)            # 09:00:00, :20, :40, …
    in_b = fill(journal, b, 6, start=T0 + timedelta(seconds=5), step=20)  # 09:00:05, :25, …
    journal.hide_stills(b, in_b)  # the whole of b is one hidden stretch
    journal.hide_stills(a, [in_a[4]])
    result = journal.move_stills(a, [in_a[2], in_a[4]], b)  # lands between b's hidden stills
    visible, hidden = result.mapping[in_a[2]], result.mapping[in_a[4]]
    snap_b = journal.snapshot(b)
    assert visible not in snap_b.hidden, "a visible still was hidden by the move"
    assert hidden in snap_b.hidden
    assert all(c in snap_b.hidden for c in in_b), "b's own hidden stills were shown"
    back = journal.move_back(result)
    snap_a = journal.snapshot(a)
    assert back.mapping[visible] == in_a[2] and in_a[2] not in snap_a.hidden
    assert in_a[4] in snap_a.hidden
    assert [c for c in in_a if c in snap_a.hidden] == [in_a[4]]


# -------------------------------------------- 6: a move that cannot finish
def test_stills_on_another_disk_stay_and_the_move_finishes(journal: Journal, tmpfs) -> None:
    """A real cross-device link: the other piece's day folder is another file system."""
    a = journal.create_piece("Bol").id
    b = journal.create_piece("Vase").id
    ids = fill(journal, a, 6)
    day = journal.home / "pieces" / b / "stills" / "2026-11-20"
    day.parent.mkdir(parents=True, exist_ok=True)
    day.mkdir()
    mounted = tmpfs("4m", "otherdisk")
    subprocess.run(["mount", "--bind", str(mounted), str(day)], check=True)
    try:
        moment = journal.add_moment(a, "struggle", at=ids[2], caption="Effondrement")
        result = journal.move_stills(a, ids[1:4], b)
        assert result.after == () and sorted(result.left) == ids[1:4]
        assert all(reason for _, reason in result.why)
        assert not (journal.home / "pieces" / a / INTENT).exists()
        started = time.perf_counter()
        again = Journal.open(journal.home)  # opens, nothing pending
        opened = time.perf_counter() - started
        assert opened < 5
        assert [c.id for c in again.snapshot(a).captures] == ids
        assert again.snapshot(a).moments == (moment,)
        assert all(len(p) == 1 for p in where_is(again).values())
    finally:
        subprocess.run(["umount", "-l", str(day)], check=False)


def test_a_move_whose_replay_keeps_failing_is_set_aside_and_the_journal_opens(
        journal: Journal, tmpfs) -> None:
    a = journal.create_piece("Bol").id
    ids = fill(journal, a, 8)
    # The other piece lives on a disk that went read-only (a real one: a tmpfs
    # remounted read-only), and a crash left the move to be finished.
    b = journal.create_piece("Vase").id
    dst = journal.home / "pieces" / b
    disk = tmpfs("4m", "ro")
    shutil.copytree(dst, disk, dirs_exist_ok=True)
    subprocess.run(["mount", "--bind", str(disk), str(dst)], check=True)
    try:
        # The mover died after writing its intent record: plant that record.
        intent = {"version": 1, "src": a, "dst": b, "pairs": [[c, c] for c in ids[2:5]],
                  "moments": [], "spans_left": {}, "spans_cut": {}, "meta": [],
                  "dismissed": [], "hidden": [], "cover": None}
        (journal.home / "pieces" / a / INTENT).write_text(json.dumps(intent))
        subprocess.run(["mount", "-o", "remount,ro,bind", str(dst)], check=True)
        times = []
        for _ in range(4):
            started = time.perf_counter()
            j = Journal.open(journal.home)  # never raises
            times.append(time.perf_counter() - started)
        assert not (journal.home / "pieces" / a / INTENT).exists(), "never set aside"
        aside = list((journal.home / "pieces" / a / "set-aside").iterdir())
        assert any(p.name.startswith(INTENT) for p in aside)
        assert any("could not be finished" in p for p in j.problems_of(a))
        assert max(times) < 5
        assert all(len(p) == 1 for p in where_is(j).values())
        assert len(j.captures(a)[0]) + len(j.captures(b)[0]) == 8
    finally:
        subprocess.run(["umount", "-l", str(dst)], check=False)


# ------------------------------------------------- 7: names that are not UTF-8
def test_a_photo_named_in_latin_1_is_imported_under_a_valid_name_and_curated(
        journal: Journal, tmp_path: Path) -> None:
    from coulisses.capture.importer import import_photos

    pid = journal.create_piece("Bol").id
    other = journal.create_piece("Vase").id
    folder = tmp_path / "carte"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9 \xff\xfe.jpg"  # a camera card written on Windows
    with open(raw, "wb") as fh:
        fh.write(jpeg_bytes(value=90))
    report = import_photos(journal, pid, [folder])
    assert len(report.imported) == 1, report.skipped
    cap = report.imported[0]
    cap.id.encode("utf-8")  # a valid name
    assert "café" in cap.id
    # Everything that failed with UnicodeEncodeError before works.
    journal.add_moment(pid, "struggle", at=cap.id, caption="x")
    journal.hide_stills(pid, [cap.id])
    journal.set_cover(pid, cap.id)
    snap = journal.snapshot(pid)
    assert snap.index_of(cap.id) is not None and cap.id in snap.hidden
    moved = journal.move_stills(pid, [cap.id], other)
    assert moved.after and moved.after[0] in journal.snapshot(other).hidden


def test_a_still_stored_under_an_undecodable_name_is_renamed_on_open(journal: Journal) -> None:
    pid = journal.create_piece("Bol").id
    fill(journal, pid, 2)
    day = os.fsencode(journal.home / "pieces" / pid / "stills" / "2026-11-20")
    with open(day + b"/20261120T093000.000Z~caf\xe9.jpg", "wb") as fh:  # an older version
        fh.write(jpeg_bytes(value=99))
    snap = journal.snapshot(pid)
    assert len(snap.captures) == 3
    renamed = [c for c in snap.captures if c.source]
    assert [c.id for c in renamed] == ["20261120T093000.000Z~café"]
    assert any("could not use" in p for p in journal.problems_of(pid))
    journal.add_moment(pid, "fix", at=renamed[0].id, caption="ok")
    journal.hide_stills(pid, [renamed[0].id])
    assert Journal.open(journal.home).snapshot(pid).moments[0].capture == renamed[0].id


@pytest.mark.parametrize("name", ["a/b.jpg", "..", "../../etc/passwd", "x\x00y", "\udce9t\u00e9",
                                  "C:\\photos\\img.jpg", "e" * 400, "IMG~1.jpg", " .hidden"])
def test_any_name_becomes_a_valid_bounded_single_component(name: str) -> None:
    from coulisses.journal.capture_id import CaptureId
    from coulisses.journal.ids import safe_filename_part

    part = safe_filename_part(name)
    cid = CaptureId.make(T0, 3, part)  # raises if it is not a valid id
    assert "/" not in cid and "\\" not in cid and "\x00" not in cid
    assert len(cid.encode("utf-8")) <= 240
    assert cid.still_path(Path("/j/p")).parent == Path("/j/p/stills/2026-11-20")


# ---------------------------------------- 12: nothing outside the journal
class Accesses:
    """Every path the journal opened, listed, linked, renamed or removed, as resolved on
    disk. Recorded after the call succeeds: an open refused because its name is a link
    (O_NOFOLLOW) touched nothing. Calls that act on a name itself (unlink, rename, link
    without following) are resolved up to the name's folder only."""

    FOLLOWS = ("open", "scandir", "listdir", "utime")

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[tuple[str, str]] = []
        self._wrap(monkeypatch, os, ("open", "scandir", "listdir", "link", "unlink", "remove",
                                     "replace", "rename", "rmdir", "mkdir", "utime"))
        real_open = builtins.open

        def opened(file, *a, **k):
            got = real_open(file, *a, **k)
            if isinstance(file, str | bytes | os.PathLike):
                self._note("open", file)
            return got

        monkeypatch.setattr(builtins, "open", opened)
        monkeypatch.setattr(io, "open", opened)

    def _note(self, what: str, path) -> None:
        if isinstance(path, int):
            return
        path = os.fsdecode(path)
        if what in self.FOLLOWS:
            self.paths.append((what, os.path.realpath(path)))
        else:
            folder, name = os.path.split(os.path.abspath(path))
            self.paths.append((what, os.path.join(os.path.realpath(folder), name)))

    def _wrap(self, monkeypatch, module, names) -> None:
        for name in names:
            real = getattr(module, name)

            def wrapper(*args, _real=real, _name=name, **kwargs):
                result = _real(*args, **kwargs)
                for arg in args[:2]:
                    if isinstance(arg, str | bytes | os.PathLike):
                        self._note(_name, arg)
                return result

            monkeypatch.setattr(module, name, wrapper)

    def outside(self, folder: Path) -> list[tuple[str, str]]:
        root = os.path.realpath(folder)
        return [(w, p) for w, p in self.paths if p == root or p.startswith(root + os.sep)]


def snapshot_of(folder: Path) -> dict[str, tuple]:
    out = {}
    for path in sorted(folder.rglob("*")):
        st = os.lstat(path)
        out[str(path)] = (st.st_ino, st.st_nlink, st.st_mtime_ns, st.st_size,
                          path.read_bytes() if path.is_file() and not path.is_symlink() else None)
    return out


def test_a_crafted_journal_never_reads_changes_or_removes_a_file_outside_it(
        home: Path, tmp_path: Path, monkeypatch) -> None:
    outside = tmp_path / "outside"
    (outside / "photos").mkdir(parents=True)
    victim = outside / "victim.jpg"
    victim.write_bytes(jpeg_bytes(value=7))
    for n in range(3):
        (outside / "photos" / f"20261120T0900{n}0.000Z.jpg").write_bytes(jpeg_bytes(value=8))
    (outside / "secret.json").write_text('{"piece": {"1": {"name": "stolen"}}}')
    (outside / "log.txt").write_text("keep me\n")

    journal = Journal.open(home)
    a = journal.create_piece("Bol").id
    b = journal.create_piece("Vase").id
    c = journal.create_piece("Tasse").id
    ids = fill(journal, a, 6)
    fill(journal, b, 3, start=T0 + timedelta(days=1))
    journal.add_moment(a, "struggle", at=ids[1], caption="x")
    pa, pb, pc = (home / "pieces" / p for p in (a, b, c))

    # Traversal and absolute paths in the move's intent record.
    rel = os.path.relpath(victim.with_suffix(""), pa / "stills" / "2026-11-20")
    intent = {"version": 1, "src": a, "dst": b,
              "pairs": [[ids[0], "20261120T090000.000Z~" + rel],
                        [f"20261120T090000.000Z~{rel}", ids[0]],
                        [str(victim), ids[1]]],
              "moments": [], "spans_left": {}, "spans_cut": {}, "meta": [], "dismissed": [],
              "hidden": [], "cover": None}
    (pa / INTENT).write_text(json.dumps(intent))
    # An intent record in one piece naming another as its source.
    (pb / INTENT).write_text(json.dumps({**intent, "src": a, "pairs": [[ids[2], ids[2]]]}))
    # Links pointing out: a day folder, a still, a thumbnail, a cache folder, a log, a lock,
    # piece.json itself, and a whole piece folder.
    (pb / "stills" / "2026-11-25").symlink_to(outside / "photos")
    day_a = pa / "stills" / "2026-11-20"
    (day_a / "20261120T095959.000Z.jpg").symlink_to(victim)
    thumb = pa / "thumbs" / "2026-11-20" / f"{ids[3]}.jpg"
    thumb.unlink()
    thumb.symlink_to(victim)
    (pb / "cache").rename(pb / "cache-was")
    (pb / "cache").symlink_to(outside)
    log = pa / "cache" / "stills-added.log"
    log.unlink()
    log.symlink_to(outside / "log.txt")
    (pc / ".lock").unlink(missing_ok=True)
    (pc / ".lock").symlink_to(outside / "log.txt")
    (pc / "piece.json").unlink()
    (pc / "piece.json").symlink_to(outside / "secret.json")
    (home / "pieces" / "dehors").symlink_to(outside / "photos")
    # Ids that climb out, in piece.json itself.
    data = json.loads((pa / "piece.json").read_text())
    data["hidden"] = {"1": {"ranges": [["../../../../outside", "../../../../outside/zz"]]}}
    (pa / "piece.json").write_text(json.dumps(data))

    before = snapshot_of(outside)
    seen = Accesses(monkeypatch)
    j = Journal.open(home)
    pieces = {p.id for p in j.pieces()}
    for pid in (a, b, c):
        snap = j.snapshot(pid)
        if snap.captures:
            j.add_moment(pid, "note", caption="still here")
            j.hide_stills(pid, [snap.captures[-1].id])
        j.change_token(pid)
        j.still_count(pid)
        j.latest_capture(pid)
    j.add_still(b, jpeg_bytes(value=50), T0 + timedelta(days=4), thumbnail=jpeg_bytes(16, 12))
    with pytest.raises(OSError, match="link"):  # the day whose folder is a planted link
        j.add_still(b, jpeg_bytes(value=50), T0 + timedelta(days=5))
    j.add_still(a, jpeg_bytes(value=51), T0 + timedelta(seconds=3))
    planted = j.move_stills(a, ["20261120T095959.000Z"], b)  # a link is never moved
    assert planted.after == () and planted.left == ("20261120T095959.000Z",)
    j.move_stills(a, [i for i in ids[2:5]], b)
    monkeypatch.undo()

    touched = seen.outside(outside)
    assert touched == [], f"the journal touched files outside its folder: {touched}"
    assert snapshot_of(outside) == before
    assert "dehors" not in pieces
    assert any("dehors" in p for p in j.problems)
    assert all(len(p) == 1 for p in where_is(Journal.open(home)).values())
    assert not (pa / INTENT).exists() and not (pb / INTENT).exists()
