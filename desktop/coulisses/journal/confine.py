"""The journal never touches a file outside its folder, whatever a synced or shared
journal holds.

Ids are validated before they become names (``capture_id``, ``ids.is_valid_id``),
so a name never climbs out with ``..`` or ``/``. What is left is a link planted
inside the journal (a day folder, a cache folder, a still pointing elsewhere):
every place that writes, moves or reads a file by a path made of journal names
asks ``no_link_between`` first (an ``lstat`` per level, a few microseconds).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class OutsideJournal(OSError):
    """A path that would lead out of the journal through a link; nothing was done."""


def no_link_between(root: Path, path: Path) -> bool:
    """True when no level from ``root`` (excluded) down to ``path`` (included) is a link."""
    level = path
    while level != root:
        if os.path.islink(level):
            return False
        if level == level.parent:
            return False  # path is not under root at all
        level = level.parent
    return True


def require_inside(root: Path, path: Path) -> Path:
    """``path``, or OutsideJournal when a link on the way would lead outside ``root``."""
    if not no_link_between(root, path):
        raise OutsideJournal(errno.ELOOP, "a link inside the journal leads elsewhere", str(path))
    return path


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def open_append(path: Path) -> int:
    """An fd appending to ``path`` (created if missing), never through a link at its name
    (ELOOP instead): the journal's logs are appended to, never rewritten."""
    return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW, 0o644)


def open_lock(path: Path) -> int:
    """An fd to lock on; a link planted at the lock file's name is removed, not followed."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
    except OSError as exc:
        if exc.errno != errno.ELOOP or not os.path.islink(path):
            raise
    os.unlink(path)  # the link itself, inside the journal; what it points to is untouched
    return os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)


def is_own_file(path: Path) -> bool:
    """A plain file (not a link, not a folder)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


__all__ = ["OutsideJournal", "is_own_file", "no_link_between", "open_append", "open_lock",
           "require_inside"]
