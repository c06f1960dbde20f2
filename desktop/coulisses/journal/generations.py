"""Earlier versions of a table file, kept so that recovery never hangs on one backup.

Before a table file (``piece.json``, ``coulisses.json``) is replaced by a new
version, the version being replaced is kept in ``backups/`` beside it as
``<name>.<UTC time>`` (a hard link: no copy, and the file is never written
again, so later writes cannot reach it; a small copy where the file system
has no hard links). Kept: the last ``KEEP_RECENT`` versions and, for each of
the last ``KEEP_DAYS`` days, the newest version of that day. A sync client
deleting ``piece.json``, a bad sector or a hand edit can then be recovered from
the newest version that still reads, not from a single ``.bak`` that ordinary
writes keep overwriting.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coulisses.atomicio import fsync_dir, make_dirs

log = logging.getLogger(__name__)

FOLDER = "backups"
KEEP_RECENT = 5
KEEP_DAYS = 7
LEGACY_SUFFIX = ".bak"  # the one backup older versions kept beside the file
_STAMP = re.compile(r"^(\d{8}T\d{6}\.\d{6}Z)(?:-(\d{1,3}))?$")


@dataclass(frozen=True, slots=True)
class Generation:
    path: Path
    saved: datetime  # when this version was replaced by a newer one (UTC)


def folder_of(path: Path) -> Path:
    return path.parent / FOLDER


def keep(path: Path, now: datetime | None = None) -> Path | None:
    """Keep the current version of ``path`` (about to be replaced); returns where.

    Never raises: a generation that cannot be kept only narrows recovery (the
    atomic replace alone still protects the file), so it is logged.
    """
    if not path.is_file() or path.is_symlink():
        return None
    now = now or datetime.now(UTC)
    try:
        folder = make_dirs(folder_of(path))
        target = _link_or_copy(path, folder, now)
        prune(path, now)
        fsync_dir(folder)
        return target
    except OSError as exc:
        log.warning("earlier version of %s not kept: %s", path, exc)
        return None


def _link_or_copy(path: Path, folder: Path, now: datetime) -> Path:
    base = f"{path.name}.{now.strftime('%Y%m%dT%H%M%S.%f')}Z"
    for n in range(1000):
        target = folder / (base if n == 0 else f"{base}-{n}")
        try:
            os.link(path, target, follow_symlinks=False)
            return target
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK,
                                 errno.ENOSYS):
                raise
        # No hard links here (FAT, some network drives): a small copy, made durable.
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as out, open(path, "rb") as inp:
            shutil.copyfileobj(inp, out)
            out.flush()
            os.fsync(out.fileno())
        return target
    raise FileExistsError(errno.EEXIST, "too many versions kept at the same instant", str(path))


def listing(path: Path) -> list[Generation]:
    """The kept versions of ``path``, newest first (older ``NAME.bak`` last)."""
    found: list[Generation] = []
    prefix = path.name + "."
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder_of(path)):
            if not entry.name.startswith(prefix) or entry.is_symlink():
                continue
            saved = _saved(entry.name[len(prefix):])
            if saved is not None:
                found.append(Generation(Path(entry.path), saved))
    found.sort(key=lambda g: (g.saved, g.path.name), reverse=True)
    legacy = path.with_name(path.name + LEGACY_SUFFIX)
    with contextlib.suppress(OSError):
        st = os.lstat(legacy)
        if not os.path.islink(legacy):
            found.append(Generation(legacy, datetime.fromtimestamp(st.st_mtime, UTC)))
    return found


def _saved(suffix: str) -> datetime | None:
    m = _STAMP.match(suffix)
    if m is None:
        return None
    try:
        return datetime.strptime(m.group(1), "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def prune(path: Path, now: datetime | None = None) -> list[Path]:
    """Remove versions beyond the policy (module docstring); returns those removed."""
    now = now or datetime.now(UTC)
    kept = [g for g in listing(path) if g.path.parent == folder_of(path)]
    keep_paths = {g.path for g in kept[:KEEP_RECENT]}
    days_seen: set[str] = set()
    first_day = (now - timedelta(days=KEEP_DAYS)).date()
    for g in kept:  # newest first: the first of each day is that day's newest
        day = g.saved.strftime("%Y-%m-%d")
        if g.saved.date() >= first_day and day not in days_seen:
            keep_paths.add(g.path)
        days_seen.add(day)
    removed = []
    for g in kept:
        if g.path not in keep_paths:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(g.path)
                removed.append(g.path)
    return removed


def describe_time(saved: datetime) -> str:
    """A kept version's time as the maker reads it (local time, to the second)."""
    from coulisses.i18n import format_datetime

    return format_datetime(saved, seconds=True)


__all__ = ["FOLDER", "KEEP_DAYS", "KEEP_RECENT", "Generation", "describe_time", "folder_of",
           "keep", "listing", "prune"]
