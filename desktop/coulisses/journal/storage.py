"""A TinyDB storage that never writes in place, and a lock between processes.

TinyDB's JSONStorage truncates and rewrites its file: a crash mid-write leaves
it unreadable. Here every write goes to a temp file that replaces the old one
atomically, and the version replaced is kept among the file's generations
(``journal.generations``) to recover from a file damaged by something else.

Reading keeps three outcomes apart (``journal.recovery`` acts on them): a file
that cannot be *read* now (an I/O or permission error: ``UnreadableFile``,
after a few tries), a *damaged* one (``CorruptFile``) and a *missing* one
(``MissingFile``). Links are not followed: a table file is never read from
outside the journal.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from coulisses.atomicio import make_dirs, write_bytes
from coulisses.i18n import tr
from coulisses.journal import generations
from coulisses.journal.confine import open_lock
from coulisses.journal.errors import CorruptFile, MissingFile, UnreadableFile
from coulisses.journal.shape import Check
from coulisses.os_errors import describe_os_error

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

log = logging.getLogger(__name__)

# A disk waking up, a network drive reconnecting: a read is tried again after
# these pauses (1.2 s in all) before the file is called unreadable. Permission
# errors are not retried: they do not go away on their own.
RETRY_PAUSES = (0.1, 0.3, 0.8)
_NO_RETRY = {errno.EACCES, errno.EPERM}
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_bytes(path: Path, pauses: tuple[float, ...] = RETRY_PAUSES) -> bytes:
    """The bytes of a journal file; MissingFile, CorruptFile (a link, a folder) or,
    after retries, UnreadableFile. Never changes anything on disk."""
    for attempt in range(len(pauses) + 1):
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        except (FileNotFoundError, NotADirectoryError):
            raise MissingFile(path) from None
        except OSError as exc:
            if exc.errno == errno.ELOOP and os.path.islink(path):
                raise CorruptFile(path, tr("it is a link to another file")) from exc
            if exc.errno == errno.EISDIR:
                raise CorruptFile(path, tr("it is a folder, not a file")) from exc
            if exc.errno in _NO_RETRY or attempt == len(pauses):
                raise UnreadableFile(path, describe_os_error(exc)) from exc
        else:
            try:
                with os.fdopen(fd, "rb") as fh:
                    return fh.read()
            except IsADirectoryError as exc:
                raise CorruptFile(path, tr("it is a folder, not a file")) from exc
            except OSError as exc:
                if exc.errno in _NO_RETRY or attempt == len(pauses):
                    raise UnreadableFile(path, describe_os_error(exc)) from exc
        log.info("%s could not be read, trying again", path)
        time.sleep(pauses[attempt])
    raise AssertionError("unreachable")  # pragma: no cover


def read_json(path: Path) -> Any:
    """Parse a JSON file: CorruptFile naming it when damaged, MissingFile, UnreadableFile."""
    raw = read_bytes(path)
    if not raw.strip():
        raise CorruptFile(path, tr("the file is empty"))
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        log.warning("%s is not UTF-8 text: %s", path, exc)
        raise CorruptFile(path, tr("it is not text Coulisses can read")) from exc
    except json.JSONDecodeError as exc:
        # The parser's own English ("Expecting property name enclosed in double
        # quotes") stays in the log; the maker reads where the damage is.
        log.warning("%s is not valid JSON: %s", path, exc)
        raise CorruptFile(path, tr("its text is not valid JSON at line {line}, column {column}",
                                   line=exc.lineno, column=exc.colno)) from exc


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace on write, clear error on a damaged file.

    ``check`` says why a parsed document has the wrong shape (journal.shape);
    every read runs it, so a file changed behind our back is caught too. A file
    that is not there is missing (``MissingFile``), never an empty journal:
    table files are created by the journal, never by a first write.
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True,
                 check: Check | None = None) -> None:
        self.path = Path(path)
        self._check = check

    def read(self) -> dict[str, dict[str, Any]] | None:
        data = read_json(self.path)
        if not isinstance(data, dict):
            raise CorruptFile(self.path, tr("it is not a journal table file"))
        problem = self._check(data) if self._check is not None else None
        if problem:
            raise CorruptFile(self.path, problem)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_table(self.path, data)

    def close(self) -> None:
        pass


def write_table(path: Path, data: Any, *, keep_generation: bool = True) -> None:
    """Replace a table file atomically, keeping the version it replaces (unless
    that version is the damaged one recovery is replacing)."""
    payload = encode(data)
    if keep_generation:
        generations.keep(path)
    write_bytes(path, payload)


class _FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.rlock = threading.RLock()
        self.depth = 0
        self.fd: int | None = None


_locks: dict[Path, _FileLock] = {}
_locks_guard = threading.Lock()


@contextlib.contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """Exclusive, re-entrant lock across threads and processes (capture, `mark`, the app)."""
    with _locks_guard:
        lock = _locks.setdefault(lock_file, _FileLock(lock_file))
    with lock.rlock:
        if lock.depth == 0:
            make_dirs(lock_file.parent)
            fd = open_lock(lock_file)
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            else:  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
            lock.fd = fd
        lock.depth += 1
        try:
            yield
        finally:
            lock.depth -= 1
            if lock.depth == 0 and lock.fd is not None:
                if fcntl is not None:
                    fcntl.flock(lock.fd, fcntl.LOCK_UN)
                os.close(lock.fd)
                lock.fd = None


def open_db(path: Path, check: Check | None = None) -> TinyDB:
    return TinyDB(path, storage=AtomicJSONStorage, check=check)
