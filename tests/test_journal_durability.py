"""What reaches the disk, in which order: every file written is fsynced before it
gets its name, its folder is fsynced after, and every folder the journal makes is
fsynced into its parent. The system calls are recorded, not guessed."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.atomicio import make_dirs, write_bytes
from coulisses.journal import Journal
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Op:
    kind: str  # mkdir | fsync-file | fsync-dir | replace | rename | link | unlink
    path: Path
    target: Path | None = None  # replace/link destination
    content: bytes | None = None  # a file's bytes when it was fsynced


class Recorder:
    """Wraps os.mkdir/fsync/replace/link/unlink; each call is recorded, then done."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ops: list[Op] = []
        real = {name: getattr(os, name) for name in ("mkdir", "fsync", "replace", "rename",
                                                     "link", "unlink")}

        def mkdir(path, *a, **k):
            real["mkdir"](path, *a, **k)
            self.ops.append(Op("mkdir", Path(path)))

        def fsync(fd):
            real["fsync"](fd)
            path = Path(os.readlink(f"/proc/self/fd/{fd}"))
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                self.ops.append(Op("fsync-dir", path))
            else:
                self.ops.append(Op("fsync-file", path, content=path.read_bytes()))

        def replace(src, dst, *a, **k):
            real["replace"](src, dst, *a, **k)
            self.ops.append(Op("replace", Path(src), Path(dst)))

        def rename(src, dst, *a, **k):
            real["rename"](src, dst, *a, **k)
            self.ops.append(Op("rename", Path(src), Path(dst)))

        def link(src, dst, *a, **k):
            real["link"](src, dst, *a, **k)
            self.ops.append(Op("link", Path(src), Path(dst)))

        def unlink(path, *a, **k):
            real["unlink"](path, *a, **k)
            self.ops.append(Op("unlink", Path(path)))

        for name, fn in (("mkdir", mkdir), ("fsync", fsync), ("replace", replace),
                         ("rename", rename), ("link", link), ("unlink", unlink)):
            monkeypatch.setattr(os, name, fn)

    def index(self, pred, start: int = 0) -> int | None:
        for i in range(start, len(self.ops)):
            if pred(self.ops[i]):
                return i
        return None

    def assert_durable(self, final: Path) -> None:
        """``final`` got its name from a temp file that was fsynced with all its bytes
        before, and its folder was fsynced after; each new folder on its way was fsynced
        into its parent before the file was named."""
        final = Path(final)
        content = final.read_bytes()
        named = self.index(lambda o: o.kind in ("replace", "link") and o.target == final)
        assert named is not None, f"{final.name} was not renamed or linked into place"
        temp = self.ops[named].path
        assert temp.parent == final.parent and temp.name.startswith(".")
        synced = [i for i, o in enumerate(self.ops[:named])
                  if o.kind == "fsync-file" and o.path == temp]
        assert synced, f"{final.name}: its temp file was never fsynced before the rename"
        assert self.ops[synced[-1]].content == content, \
            f"{final.name}: fsynced before all of it was written"
        dir_synced = self.index(lambda o: o.kind == "fsync-dir" and o.path == final.parent,
                                named + 1)
        assert dir_synced is not None, f"{final.name}: its folder was not fsynced after the rename"
        for i, op in enumerate(self.ops[:named]):
            if op.kind == "mkdir" and final.is_relative_to(op.path):
                parent_synced = self.index(
                    lambda o, op=op: o.kind == "fsync-dir" and o.path == op.path.parent, i + 1)
                assert parent_synced is not None and parent_synced < named, \
                    f"new folder {op.path} was not fsynced into its parent before use"

    def assert_folder_durable(self, folder: Path) -> None:
        made = self.index(lambda o: o.kind == "mkdir" and o.path == folder)
        assert made is not None, f"{folder} was not made"
        assert self.index(lambda o: o.kind == "fsync-dir" and o.path == folder.parent,
                          made + 1) is not None, f"{folder} was not fsynced into its parent"


def test_a_still_and_its_thumbnail_on_a_new_day_are_durable(journal: Journal,
                                                             monkeypatch) -> None:
    piece = journal.create_piece("Bol")
    rec = Recorder(monkeypatch)
    cap = journal.add_still(piece.id, jpeg_bytes(value=40), T0, thumbnail=jpeg_bytes(value=41))
    assert cap is not None
    rec.assert_durable(cap.path)
    rec.assert_durable(cap.thumb_path)
    for folder in (cap.path.parent, cap.thumb_path.parent):
        rec.assert_folder_durable(folder)
    # The still is linked (never overwrites) and its temp name removed afterwards.
    linked = rec.index(lambda o: o.kind == "link" and o.target == cap.path)
    assert rec.index(lambda o: o.kind == "unlink" and o.path == rec.ops[linked].path,
                     linked) is not None


def test_piece_json_writes_are_durable(journal: Journal, monkeypatch) -> None:
    rec = Recorder(monkeypatch)
    piece = journal.create_piece("Bol")
    # A new piece is made whole in a temp folder, then renamed in and its parent fsynced:
    # a crash never leaves a piece folder without its piece.json.
    renamed = rec.index(lambda o: o.kind == "rename" and o.target == piece.folder)
    assert renamed is not None, "the piece folder was not renamed into place"
    temp = rec.ops[renamed].path
    assert temp.parent == piece.folder.parent and temp.name.startswith(".")
    rec.assert_folder_durable(temp)
    named = rec.index(lambda o: o.kind == "replace" and o.target == temp / "piece.json")
    assert named is not None and named < renamed
    assert rec.index(lambda o: o.kind == "fsync-file" and o.path.parent == temp) < named
    assert rec.index(lambda o: o.kind == "fsync-dir" and o.path == temp, named) < renamed
    assert rec.index(lambda o: o.kind == "fsync-dir" and o.path == piece.folder.parent,
                     renamed) is not None, "the new piece folder was not made durable"
    rec.ops.clear()
    journal.add_moment(piece.id, "struggle", caption="Trop d'eau")
    path = piece.folder / "piece.json"
    rec.assert_durable(path)
    assert json.loads(path.read_text())["moments"]["1"]["caption"] == "Trop d'eau"


def test_set_aside_folder_and_cache_folders_are_durable(journal: Journal, home: Path,
                                                         monkeypatch) -> None:
    piece = journal.create_piece("Bol")
    (piece.folder / "piece.json").write_text("{ not json")
    rec = Recorder(monkeypatch)
    fresh = Journal.open(home)
    fresh.snapshot(piece.id)
    rec.assert_folder_durable(piece.folder / "set-aside")
    moved = rec.index(lambda o: o.kind in ("replace", "link") and o.target is not None
                      and o.target.parent.name == "set-aside")
    assert moved is not None
    assert rec.index(lambda o: o.kind == "fsync-dir" and o.path == piece.folder / "set-aside",
                     moved) is not None
    rec.assert_durable(piece.folder / "piece.json")
    folder = fresh.cache_dir(piece.id, "signatures")
    assert folder.is_dir()
    rec.assert_folder_durable(folder.parent)  # cache/ (made by the snapshot's sweep)
    rec.assert_folder_durable(folder)


def test_make_dirs_fsyncs_each_new_level_and_is_cheap_when_it_exists(tmp_path: Path,
                                                                     monkeypatch) -> None:
    rec = Recorder(monkeypatch)
    deep = tmp_path / "a" / "b" / "c"
    assert make_dirs(deep) == deep and deep.is_dir()
    for level in (tmp_path / "a", tmp_path / "a" / "b", deep):
        rec.assert_folder_durable(level)
    rec.ops.clear()
    make_dirs(deep)
    assert rec.ops == []
    (tmp_path / "file").write_text("x")
    with pytest.raises(FileExistsError):
        make_dirs(tmp_path / "file")
    with pytest.raises((FileExistsError, NotADirectoryError)):
        make_dirs(tmp_path / "file" / "below")


def test_the_recorder_catches_a_missing_fsync(tmp_path: Path, monkeypatch) -> None:
    """The checks above fail when a file or folder fsync is skipped or comes too early."""
    import coulisses.atomicio as atomicio

    target = tmp_path / "day" / "still.jpg"
    rec = Recorder(monkeypatch)
    monkeypatch.setattr(atomicio, "fsync_dir", lambda folder: None)
    write_bytes(target, b"data")
    with pytest.raises(AssertionError, match="folder was not fsynced"):
        rec.assert_durable(target)
    with pytest.raises(AssertionError, match="not fsynced into its parent"):
        rec.assert_folder_durable(target.parent)
    monkeypatch.undo()

    rec = Recorder(monkeypatch)
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # the recorder sees nothing either
    write_bytes(target.with_name("other.jpg"), b"data")
    monkeypatch.setattr(os, "fsync", real_fsync)
    with pytest.raises(AssertionError, match="never fsynced"):
        rec.assert_durable(target.with_name("other.jpg"))


def test_many_stills_keep_one_durable_order(journal: Journal, monkeypatch) -> None:
    piece = journal.create_piece("Bol")
    rec = Recorder(monkeypatch)
    caps = [journal.add_still(piece.id, jpeg_bytes(value=v), T0 + timedelta(hours=12 * v),
                              thumbnail=jpeg_bytes(value=v + 1)) for v in range(3)]
    for cap in caps:
        assert cap is not None
        rec.assert_durable(cap.path)
        rec.assert_durable(cap.thumb_path)
