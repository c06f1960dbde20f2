"""A TinyDB storage that never writes in place, and a lock between processes.

TinyDB's JSONStorage truncates and rewrites its file: a crash mid-write leaves
it unreadable. Here every write goes to a temp file that replaces the old one
atomically; the previous version stays beside it as ``NAME.bak`` (a hard link,
so it costs no copy) to recover from a file damaged by something else.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from coulisses.atomicio import fsync_dir, make_dirs, write_bytes
from coulisses.i18n import tr
from coulisses.journal.errors import CorruptFile
from coulisses.journal.shape import Check
from coulisses.os_errors import describe_os_error

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

log = logging.getLogger(__name__)


def read_json(path: Path) -> Any:
    """Parse a JSON file or raise CorruptFile naming it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorruptFile(path, describe_os_error(exc)) from exc
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


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace on write, clear error on a damaged file.

    ``check`` says why a parsed document has the wrong shape (journal.shape);
    every read runs it, so a file changed behind our back is caught too.
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True,
                 check: Check | None = None) -> None:
        self.path = Path(path)
        self._create = create
        self._check = check

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self.path.exists():
            return None
        data = read_json(self.path)
        if not isinstance(data, dict):
            raise CorruptFile(self.path, tr("it is not a journal table file"))
        problem = self._check(data) if self._check is not None else None
        if problem:
            raise CorruptFile(self.path, problem)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        if self.path.exists():
            _keep_previous(self.path)
        write_bytes(self.path, payload)

    def close(self) -> None:
        pass


def _keep_previous(path: Path) -> None:
    bak = backup_path(path)
    tmp = bak.with_name("." + bak.name + ".link.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.link(path, tmp)
        os.replace(tmp, bak)
    except OSError:
        # Filesystems without hard links (some network or FAT drives): no backup,
        # the atomic replace alone still protects the file.
        with contextlib.suppress(OSError):
            tmp.unlink()
        return
    fsync_dir(path.parent)


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
            fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
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
