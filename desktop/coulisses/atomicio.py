"""Crash-safe file writes: temp file in the same folder, fsync, rename, fsync folder.

Every file Coulisses writes goes through here, so that a kill or a power cut
at any instant leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".tmp"
TEMP_PREFIX = "."


class DiskFullError(OSError):
    """The disk (or quota) is full; nothing was written under the final name."""


def is_temp_name(name: str) -> bool:
    """A leftover of an interrupted atomic write (never a real file)."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def fsync_path(path: Path) -> None:
    """Flush a file that was written by someone else (e.g. an encoder) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable. Not possible on Windows; harmless to skip there.
    if os.name != "nt":
        fsync_path(folder)


def make_dirs(folder: Path) -> Path:
    """Create ``folder`` and any missing parents, each made durable.

    A new folder's entry lives in its parent: until the parent is fsynced a
    power cut can take the folder away with every file already renamed into
    it (the first still of a day). Existing levels cost one ``stat``.
    """
    folder = Path(folder)
    if folder.is_dir():
        return folder
    missing: list[Path] = []
    probe = folder
    while not probe.is_dir():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for level in reversed(missing):
        try:
            level.mkdir()
        except FileExistsError:
            if not level.is_dir():
                raise
        # Also when another process won the race: it may not have fsynced yet.
        fsync_dir(level.parent)
    return folder


def _raise_friendly(exc: OSError, path: Path) -> None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        raise DiskFullError(exc.errno, f"the disk is full while writing {path}", str(path)) from exc
    raise exc


@contextlib.contextmanager
def atomic_open(path: Path, *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """Open a temp file beside ``path``; on clean exit it becomes ``path`` atomically.

    With ``overwrite=False`` an existing ``path`` is never replaced and
    ``FileExistsError`` is raised instead (hard link, which fails if the name exists).
    """
    path = Path(path)
    folder = path.parent
    try:
        make_dirs(folder)
    except OSError as exc:
        _raise_friendly(exc, folder)
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX + path.name + ".", suffix=TEMP_SUFFIX,
                                    dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except (AttributeError, NotImplementedError, PermissionError):  # pragma: no cover
                if path.exists():
                    raise FileExistsError(errno.EEXIST, "file exists", str(path)) from None
                os.replace(tmp, path)
            else:
                os.unlink(tmp)
        fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, FileExistsError | DiskFullError):
            raise
        _raise_friendly(exc, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    with atomic_open(path, overwrite=overwrite) as fh:
        fh.write(data)


def write_text(path: Path, text: str, *, overwrite: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def copy_file(src: Path, dst: Path, *, overwrite: bool = True) -> None:
    with atomic_open(dst, overwrite=overwrite) as out, open(src, "rb") as inp:
        shutil.copyfileobj(inp, out, 1 << 20)


def free_bytes(path: Path) -> int:
    """Free space for an unprivileged writer on the filesystem holding ``path``."""
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return shutil.disk_usage(probe).free
