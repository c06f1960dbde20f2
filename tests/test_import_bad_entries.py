"""One bad entry skips that entry, named; the photos beside it are imported (issue 20, defect 10).

Each case puts one odd entry in a folder of good photos: a link to itself
(``ln -s pic.jpg pic.jpg``), a link to nothing, an unreadable subfolder, a FIFO
named like a photo, a photo deleted between the listing and the reading. The
import must end normally, import the good photos and name the bad entry in its
report, through the engine, the ``coulisses import`` command and the watch folder.

Root reads every folder, and the suite runs as root here: the unreadable
folder is then made unreadable the only way possible, by having the two calls
the kernel would refuse (listing it, looking inside it) fail with the
PermissionError a maker's account gets. Run as another user, the real
``chmod 000`` case runs too.
"""

from __future__ import annotations

import errno
import os
import pathlib
import threading
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from coulisses.capture import importer
from coulisses.capture.importer import IMPORTED, SKIPPED, import_photos
from coulisses.capture.photo_decode import UNREADABLE
from coulisses.capture.watch_folder import FolderWatcher
from tests.conftest import is_root

GOOD = ("IMG_0001.jpg", "IMG_0002.jpg", "IMG_0003.png")


def _photo(path: Path, taken: str, fmt: str = "JPEG") -> Path:
    img = Image.new("RGB", (96, 64), (110, 130, 150))
    img.paste((220, 30, 30), (0, 0, 32, 21))
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    img.save(path, fmt, exif=exif.tobytes())
    return path


@pytest.fixture
def piece(journal):
    return journal.create_piece("Tabouret")


@pytest.fixture
def card(tmp_path) -> Path:
    """A card with three good photos, one of them in a subfolder."""
    folder = tmp_path / "card"
    (folder / "DCIM").mkdir(parents=True)
    _photo(folder / "IMG_0001.jpg", "2025:06:01 09:00:00")
    _photo(folder / "DCIM" / "IMG_0002.jpg", "2025:06:01 09:30:00")
    _photo(folder / "IMG_0003.png", "2025:06:01 10:00:00", "PNG")
    return folder


def _import(journal, piece, paths, **kwargs):
    """import_photos in a thread: a hang (a FIFO opened for reading) fails instead of blocking."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["report"] = import_photos(journal, piece.id, paths, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the test below
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "the import hangs"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["report"]


def _check(report, bad: Path, *words: str) -> str:
    """The good photos are in; ``bad`` is skipped with a reason holding ``words``."""
    assert sorted(o.path.name for o in report.outcomes if o.status == IMPORTED) == sorted(GOOD)
    skipped = [o for o in report.outcomes if o.status == SKIPPED]
    assert [o.path for o in skipped] == [bad], skipped
    reason = skipped[0].reason or ""
    assert skipped[0].kind == UNREADABLE
    for word in words:
        assert word in reason, reason
    return reason


# ------------------------------------------------------------------ links
def test_a_link_to_itself_named_like_a_photo(journal, piece, card):
    loop = card / "pic.jpg"
    os.symlink("pic.jpg", loop)  # ln -s pic.jpg pic.jpg: resolve() raised RuntimeError
    report = _import(journal, piece, [card])
    reason = _check(report, loop, "it is a link to a file that cannot be read",
                    "too many symbolic links")
    assert reason == ("it is a link to a file that cannot be read "
                      "(too many symbolic links in the path)")


def test_a_link_to_itself_named_on_the_command_line(journal, piece, card):
    loop = card / "pic.jpg"
    os.symlink("pic.jpg", loop)
    report = _import(journal, piece, [loop, card / "IMG_0001.jpg", card / "DCIM",
                                      card / "IMG_0003.png"])
    _check(report, loop, "link", "too many symbolic links")


def test_a_link_to_nothing(journal, piece, card):
    dangling = card / "DCIM" / "IMG_0009.jpg"
    os.symlink(card / "gone" / "IMG_0009.jpg", dangling)
    report = _import(journal, piece, [card])
    _check(report, dangling, "it is a link to a file that cannot be read (not found)")


def test_a_link_loop_between_folders_is_not_followed(journal, piece, card):
    os.symlink("..", card / "DCIM" / "up")  # a folder link back up: never walked into
    report = _import(journal, piece, [card])
    assert sorted(o.path.name for o in report.outcomes) == sorted(GOOD)


# ------------------------------------------------------------ odd files
def test_a_fifo_named_like_a_photo(journal, piece, card):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = card / "DCIM" / "stream.jpg"
    os.mkfifo(fifo)  # opening it for reading would wait forever for a writer
    report = _import(journal, piece, [card])
    _check(report, fifo, "it is not a regular file")


def test_a_photo_deleted_between_listing_and_reading(journal, piece, card, monkeypatch):
    doomed = _photo(card / "IMG_0004.jpg", "2025:06:01 11:00:00")
    real_collect = importer.collect_photos

    def collect_then_delete(paths, exclude=None):
        found = real_collect(paths, exclude)
        assert doomed in found.files
        doomed.unlink()  # the maker empties the card while the import starts
        return found

    monkeypatch.setattr(importer, "collect_photos", collect_then_delete)
    report = _import(journal, piece, [card])
    _check(report, doomed, "it was moved or deleted before it could be read")


# ------------------------------------------------------ unreadable folder
def _deny(monkeypatch, locked: Path) -> None:
    """What the kernel does to a non-root account for a ``chmod 000`` folder.

    Listing it and looking up any name inside it fail with EACCES.
    """
    real_scandir, real_stat = os.scandir, pathlib.Path.stat

    def scandir(path=".", *args, **kwargs):
        if Path(os.fsdecode(path)) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path, *args, **kwargs)

    def stat(self, *args, **kwargs):
        if self.parent == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(pathlib.Path, "stat", stat)


def test_an_unreadable_subfolder_is_named_and_the_rest_imported(journal, piece, card,
                                                                monkeypatch):
    locked = card / "private"
    locked.mkdir()
    _photo(locked / "IMG_0099.jpg", "2025:06:01 12:00:00")
    _deny(monkeypatch, locked)
    report = _import(journal, piece, [card])
    _check(report, locked, "the folder cannot be read (permission denied)")


def test_an_unreadable_subfolder_with_chmod(journal, piece, card):
    if is_root():
        pytest.skip("root reads every folder: the case above stands in for this one")
    locked = card / "private"
    locked.mkdir()
    _photo(locked / "IMG_0099.jpg", "2025:06:01 12:00:00")
    locked.chmod(0)
    try:
        report = _import(journal, piece, [card])
    finally:
        locked.chmod(0o755)
    _check(report, locked, "the folder cannot be read (permission denied)")


def test_a_photo_named_inside_an_unreadable_folder(journal, piece, card, monkeypatch):
    locked = card / "private"
    locked.mkdir()
    hidden = _photo(locked / "IMG_0099.jpg", "2025:06:01 12:00:00")
    _deny(monkeypatch, locked)
    report = _import(journal, piece, [hidden, card / "IMG_0001.jpg", card / "DCIM",
                                      card / "IMG_0003.png"])
    _check(report, hidden, "it cannot be read (permission denied)")


# -------------------------------------------------- all of them, through the CLI
def test_the_cli_imports_the_good_photos_and_names_every_bad_entry(journal, piece, card, cli,
                                                                    monkeypatch):
    os.symlink("pic.jpg", card / "pic.jpg")
    os.symlink(card / "nowhere.jpg", card / "DCIM" / "IMG_0009.jpg")
    if hasattr(os, "mkfifo"):
        os.mkfifo(card / "DCIM" / "stream.jpg")
    locked = card / "private"
    locked.mkdir()
    _photo(locked / "IMG_0099.jpg", "2025:06:01 12:00:00")
    _deny(monkeypatch, locked)
    code, out, err = cli("import", piece.id, str(card))
    assert code == 1, err  # some were skipped: not a crash (that would be 2, or a traceback)
    assert "Traceback" not in err
    assert "Photos imported into “Tabouret”: 3." in out
    assert sorted(c.source for c in journal.snapshot(piece.id).captures) == \
        ["IMG_0001", "IMG_0002", "IMG_0003"]
    assert f"{card / 'pic.jpg'}: it is a link to a file that cannot be read" in err
    assert f"{card / 'DCIM' / 'IMG_0009.jpg'}: it is a link to a file that cannot be read" in err
    assert f"{locked}: the folder cannot be read (permission denied)" in err
    if hasattr(os, "mkfifo"):
        assert f"{card / 'DCIM' / 'stream.jpg'}: it is not a regular file" in err


# ------------------------------------------------------------ watch folder
def test_the_watch_folder_imports_beside_bad_entries(journal, piece, card, monkeypatch):
    os.symlink("pic.jpg", card / "pic.jpg")
    os.symlink(card / "nowhere.jpg", card / "DCIM" / "IMG_0009.jpg")
    if hasattr(os, "mkfifo"):
        os.mkfifo(card / "DCIM" / "stream.jpg")
    locked = card / "private"
    locked.mkdir()
    _deny(monkeypatch, locked)
    errors: list[str] = []
    watcher = FolderWatcher(journal, piece.id, [card], settle=0.0, interval=0.01,
                            on_error=errors.append)
    outcomes = []
    for now in (100.0, 101.0, 102.0):  # seen, settled, taken
        outcomes += watcher.poll(now)
    assert sorted(o.path.name for o in outcomes if o.status == IMPORTED) == sorted(GOOD)
    assert watcher.imported == 3
    assert all(o.path.name != "pic.jpg" or o.status == SKIPPED for o in outcomes)
