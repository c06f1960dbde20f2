"""Which imported photos a piece already holds, by the bytes of the file.

A byte-identical copy of a photo under another name (a second copy of a
card, a phone's "IMG_0042 (1).jpg") must not be imported twice. The piece
keeps an append-only text file, ``pieces/<piece>/cache/content/index.txt``,
one line per still::

    <kind> <size> <sha256 hex | -> <capture id>

``kind`` is ``still`` (the stored bytes) or ``source`` (the original file of
a still that had to be re-encoded, HEIC or PNG, so the same file is known
again). A stored still is recorded by its size alone (``-``) and hashed only
when a photo of exactly that size comes in: two photos rarely share a size
to the byte, so most imports never hash anything. It is a cache: when it is
missing or damaged it is rebuilt from the still files the same way (a
``stat`` each, no reading).

Cost does not grow with the piece: a process reads the file once, then only
what was appended since, and a look-up is a dict access. Two importers (the
CLI and the app) take the piece's content lock around check-then-store, so
the same photo arriving in both is stored once.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from coulisses.atomicio import write_bytes
from coulisses.journal import layout, stills
from coulisses.journal.confine import open_append
from coulisses.journal.storage import locked

log = logging.getLogger(__name__)

CACHE_NAME = "content"  # a cache folder of the piece (journal.layout.cache_dir)
INDEX_FILE = "index.txt"
LOCK_FILE = ".lock"
HEADER = b"coulisses-content-index 1\n"
STILL = "still"
SOURCE = "source"
_KINDS = (STILL, SOURCE)
_UNKNOWN = "-"


def digest(data: bytes) -> str:
    """The content hash used by the index (SHA-256, ~3 ms for a 4 MB photo)."""
    return hashlib.sha256(data).hexdigest()


@dataclass(slots=True)
class _Entry:
    kind: str
    digest: str | None  # None: not hashed yet (rebuilt from sizes)
    capture: str


class ContentIndex:
    """The content index of one piece; get it with ``for_piece`` (one per folder)."""

    def __init__(self, piece_folder: Path) -> None:
        self.piece_folder = Path(piece_folder)
        folder = self.piece_folder / layout.CACHE / CACHE_NAME
        self.path = folder / INDEX_FILE
        self._lock_path = folder / LOCK_FILE
        self._by_size: dict[int, list[_Entry]] = {}
        self._offset = 0  # bytes of the file already read
        self._inode: tuple[int, int] | None = None

    # ----------------------------------------------------------------- public
    @contextlib.contextmanager
    def locked(self) -> Iterator[ContentIndex]:
        """Exclusive use across threads and processes, with the index up to date."""
        layout.cache_dir(self.piece_folder, CACHE_NAME)  # created durably, once it is used
        with locked(self._lock_path):
            self._refresh()
            yield self

    def find(self, size: int, content: str | Callable[[], str]) -> str | None:
        """The capture id of a still of this piece with exactly these bytes, else None.

        ``content`` is the bytes' ``digest``, or a function computing it: it is
        only called when a still of exactly that size is known (rarely), which
        spares hashing most photos. Call inside ``locked()``. A still deleted by
        the maker no longer counts.
        """
        wanted: str | None = content if isinstance(content, str) else None
        for entry in list(self._by_size.get(size, ())):
            if entry.digest is None:
                entry.digest = self._hash_still(entry.capture)
                if entry.digest is None:
                    continue
                self._append(STILL, size, entry.digest, entry.capture)
            if wanted is None:
                wanted = content() if callable(content) else content
            if entry.digest == wanted and self._still_exists(entry.capture):
                return entry.capture
        return None

    def add(self, capture_id: str, size: int, content: str | None, kind: str = STILL) -> None:
        """Record a still just stored (call inside ``locked()``).

        ``content`` None leaves a stored still to be hashed if ever a photo of
        its size comes in; a re-encoded photo's source must be hashed now.
        """
        if content is None and kind != STILL:
            raise ValueError("a source that is not stored must be recorded with its hash")
        try:
            self._append(kind, size, content or _UNKNOWN, capture_id)
        except OSError as exc:  # the still is stored; a missing line only costs a check
            log.warning("content index %s not updated for %s: %s", self.path, capture_id, exc)

    # ---------------------------------------------------------------- reading
    def _refresh(self) -> None:
        try:
            fh = open(self.path, "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            self._rebuild()
            return
        with fh:
            st = os.fstat(fh.fileno())
            inode = (st.st_dev, st.st_ino)
            if inode != self._inode or st.st_size < self._offset:
                self._by_size.clear()  # replaced (rebuilt by another process): read it all
                self._offset = 0
                self._inode = inode
            if st.st_size == self._offset:
                return
            fh.seek(self._offset)
            chunk = fh.read(st.st_size - self._offset)
        start = 0
        if self._offset == 0:
            if not chunk.startswith(HEADER):
                self._rebuild("it does not start with its header")
                return
            start = len(HEADER)
        end = chunk.rfind(b"\n") + 1
        for line in chunk[start:end].splitlines():
            if not self._parse(line):
                self._rebuild(f"line {line[:80]!r} cannot be read")
                return
        self._offset += end
        if end < len(chunk):
            # Every writer holds the lock, so a last line without its newline is an
            # append cut short by a crash: drop it (the next append starts clean).
            os.truncate(self.path, self._offset)

    def _parse(self, line: bytes) -> bool:
        try:
            kind, size, content, capture = line.decode("utf-8").split(" ", 3)
            n = int(size)
        except ValueError:  # also UnicodeDecodeError
            return False
        if kind not in _KINDS or n < 0 or stills.parse_capture_id(capture) is None:
            return False
        if content != _UNKNOWN and len(content) != 64:
            return False
        known = None if content == _UNKNOWN else content
        bucket = self._by_size.setdefault(n, [])
        for entry in bucket:
            if entry.capture == capture and entry.kind == kind:
                entry.digest = entry.digest or known  # a hash resolved later
                return True
        bucket.append(_Entry(kind, known, capture))
        return True

    # ---------------------------------------------------------------- writing
    def _rebuild(self, reason: str | None = None) -> None:
        """Start again from the still files: imported stills, by size (one ``stat`` each)."""
        if reason:
            log.warning("content index %s rebuilt: %s", self.path, reason)
        lines = [HEADER]
        captures, _ = stills.scan(self.piece_folder)
        for cap in captures:
            if cap.source is None:
                continue  # camera stills: only imports can be imported again
            try:
                size = cap.path.stat().st_size
            except OSError:
                continue
            lines.append(f"{STILL} {size} {_UNKNOWN} {cap.id}\n".encode())
        payload = b"".join(lines)
        write_bytes(self.path, payload)
        self._by_size.clear()
        for line in payload[len(HEADER):].splitlines():
            self._parse(line)
        st = os.stat(self.path)
        self._inode = (st.st_dev, st.st_ino)
        self._offset = len(payload)

    def _append(self, kind: str, size: int, content: str, capture_id: str) -> None:
        line = f"{kind} {size} {content} {capture_id}\n".encode()
        # One write() in append mode, under the lock. No fsync: a line lost in a
        # power cut only costs one duplicate check (the rest of the file is kept).
        fd = open_append(self.path)  # never through a link planted at its name
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
        self._offset += len(line)
        self._parse(line.rstrip(b"\n"))

    # ----------------------------------------------------------------- stills
    def _still_path(self, capture_id: str) -> Path:
        return stills.still_path(self.piece_folder, capture_id)

    def _still_exists(self, capture_id: str) -> bool:
        return self._still_path(capture_id).is_file()

    def _hash_still(self, capture_id: str) -> str | None:
        try:
            return digest(self._still_path(capture_id).read_bytes())
        except OSError:
            return None


_indexes: dict[Path, ContentIndex] = {}
_indexes_guard = threading.Lock()


def for_piece(piece_folder: Path) -> ContentIndex:
    """The process-wide index object of a piece folder (it remembers what it has read)."""
    key = Path(piece_folder).absolute()
    with _indexes_guard:
        index = _indexes.get(key)
        if index is None:
            index = _indexes[key] = ContentIndex(key)
        return index


__all__ = ["SOURCE", "STILL", "ContentIndex", "digest", "for_piece"]
