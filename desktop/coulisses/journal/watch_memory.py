"""What a piece's watch folder has already brought in, so it never brings it in again.

The import's duplicate checks only see the stills that are in the piece now.
A photo the maker moved to another piece, or deleted, is no longer there, and
the phone's sync folder keeps the original forever: without a memory of its
own, the watch imported it again at every start of the app or the CLI. This
memory is not a cache: a rebuilt one could not know what was moved away, so
it lives beside the piece's stills, not under ``cache/``, and is never
rebuilt or rewritten, only appended to.

``pieces/<piece>/watch/imported.txt``, one line per file the watch took::

    <size> <mtime_ns> <name key> <sha256 of the file's bytes>

* The content hash is the photo's identity: the same bytes never come back,
  whatever their name, date or folder (a sync client that rewrites dates, a
  ``IMG_0042 (1).jpg``); a new photo that reuses a name (a phone reset starts
  at IMG_0001 again) has other bytes and is imported.
* ``(name key, size, mtime_ns)`` lets a start skip a known file with the
  ``stat`` it already made, so thousands of photos are not read again at each
  start. The name key is a hash of the path inside the watched folder: the
  memory holds identities, never a path anything could open.

A photo deleted on purpose does not come back either: the watch's job is new
photos, the original stays in the sync folder for good, and a still the maker
deleted would otherwise return at every start. Importing the file by hand
(``coulisses import``, the app's Import…) does not look here, so it is the
way to bring one back.

Crash safety: each line is one ``write`` in append mode, then ``fsync``, and
only after the still is stored (a cut in between leaves a still in the piece
that the next start finds as already imported, and remembers). A line cut
short by a crash, or damaged by hand or by a sync conflict, is skipped and
never stops a watch. Cost: the file is read once per watcher, then only what
other processes appended since (one ``stat`` per look when nothing changed);
look-ups are set accesses. Watchers in two processes (the CLI and the app)
take the memory's lock around check, import and record, so a photo is taken
by one of them only.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from coulisses.atomicio import make_dirs, write_bytes
from coulisses.journal.confine import open_append
from coulisses.journal.storage import locked

log = logging.getLogger(__name__)

# New names in the piece folder (journal.layout does not list them yet).
WATCH_DIR = "watch"
MEMORY_FILE = "imported.txt"
LOCK_FILE = ".lock"
HEADER = b"coulisses-watch-memory 1\n"
_HEADER_START = b"coulisses-watch-memory "
_LINE = re.compile(rb"^(\d{1,15}) (-?\d{1,20}) ([0-9a-f]{16}) ([0-9a-f]{64})$")


def name_key(relative: str | PurePath) -> str:
    """The key of a file's path inside the watched folder (a hash: never a path again).

    A ``str`` is taken as it is, ``/`` between folders (the same key on every system).
    """
    text = relative.as_posix() if isinstance(relative, PurePath) else relative
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class SeenFile:
    """One file of a watched folder as the watch saw it."""

    name: str  # name_key() of its path inside the watched folder
    size: int
    mtime_ns: int

    @classmethod
    def at(cls, relative: str | PurePath, signature: tuple[int, int]) -> SeenFile:
        return cls(name_key(relative), signature[0], signature[1])


def content_hasher() -> hashlib._Hash:
    """A fresh hash of a file's bytes; its ``hexdigest()`` is what the memory keeps."""
    return hashlib.sha256()


class WatchMemory:
    """The memory of one piece's watch. One object per watcher; see the module doc."""

    def __init__(self, piece_folder: Path) -> None:
        folder = Path(piece_folder) / WATCH_DIR
        self.path = folder / MEMORY_FILE
        self._lock_path = folder / LOCK_FILE
        self._files: set[SeenFile] = set()
        self._contents: set[str] = set()
        self._offset = 0  # bytes read, up to the end of the last whole line
        self._inode: tuple[int, int] | None = None
        self._size = 0  # the file's size when last looked at
        self.damaged = 0  # lines skipped (cut short, edited, a sync conflict)

    # ----------------------------------------------------------------- public
    def __len__(self) -> int:
        return len(self._contents)

    def knows_file(self, seen: SeenFile) -> bool:
        """This very file (same path, size and date) was taken before."""
        return seen in self._files

    def knows_content(self, content: str) -> bool:
        """A file with exactly these bytes (``content_hasher``) was taken before."""
        return content in self._contents

    @contextlib.contextmanager
    def locked(self) -> Iterator[WatchMemory]:
        """Exclusive across threads and processes, up to date: check, import, remember."""
        with locked(self._lock_path):
            self.refresh()
            yield self

    def refresh(self) -> None:
        """Read what was appended since the last look (one ``stat`` when nothing was).

        Needs no lock: only whole lines are taken, a line still being written is
        read at the next look. Raises OSError when the file cannot be read.
        """
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._forget_all()
            return
        inode = (st.st_dev, st.st_ino)
        if inode == self._inode and st.st_size == self._size:
            return
        with open(self.path, "rb") as fh:
            st = os.fstat(fh.fileno())
            inode = (st.st_dev, st.st_ino)
            if inode != self._inode or st.st_size < self._offset:
                self._forget_all()  # replaced (restored from a backup): read it all
                self._inode = inode
            fh.seek(self._offset)
            chunk = fh.read(max(0, st.st_size - self._offset))
        self._size = self._offset + len(chunk)
        end = chunk.rfind(b"\n") + 1
        for line in chunk[:end].split(b"\n")[:-1]:
            self._take(line)
        self._offset += end

    def remember(self, seen: Iterable[tuple[SeenFile, str]]) -> None:
        """Record files taken (or found already in the piece) with their content hash.

        Call inside ``locked()``. All lines go in one write and one ``fsync``.
        Raises OSError (DiskFullError) when they cannot be written.
        """
        fresh = [(f, c) for f, c in seen if f not in self._files or c not in self._contents]
        if not fresh:
            return
        payload = b"".join(f"{f.size} {f.mtime_ns} {f.name} {c}\n".encode() for f, c in fresh)
        if self._inode is None:
            make_dirs(self.path.parent)
            with contextlib.suppress(FileExistsError):  # another process made it first
                write_bytes(self.path, HEADER, overwrite=False)
            self.refresh()
        if self._size > self._offset:
            # A line cut short by a crash: end it, so it is one damaged line that is
            # skipped rather than glued to this one.
            payload = b"\n" + payload
        fd = open_append(self.path)  # never through a link planted at its name
        try:
            written = os.write(fd, payload)
            if written != len(payload):  # a short write: the disk filled up mid-line
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.path))
            os.fsync(fd)
        finally:
            os.close(fd)
        self.refresh()

    # ---------------------------------------------------------------- reading
    def _forget_all(self) -> None:
        self._files.clear()
        self._contents.clear()
        self._offset = self._size = 0
        self._inode = None

    def _take(self, line: bytes) -> None:
        m = _LINE.match(line)
        if m is None:
            if line.strip() and not line.startswith(_HEADER_START):
                self.damaged += 1
                log.warning("watch memory %s: a damaged line was skipped: %r",
                            self.path, line[:80])
            return
        content = m.group(4).decode()
        self._files.add(SeenFile(m.group(3).decode(), int(m.group(1)), int(m.group(2))))
        self._contents.add(content)


__all__ = ["LOCK_FILE", "MEMORY_FILE", "WATCH_DIR", "SeenFile", "WatchMemory", "content_hasher",
           "name_key"]
