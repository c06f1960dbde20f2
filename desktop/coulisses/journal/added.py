"""The stills added to a piece since a reader last looked, without rescanning the piece.

A window following a capture (its own, or ``coulisses capture`` in a terminal)
must not list 100,000 stills after each new one. Every still added is one
line appended to the piece's added-stills log (``Journal.add_still``), and
every other change of the piece either rewrites ``piece.json`` (moments, gaps,
hidden stills, settings) or appends a ``moved`` line (``journal.moving``). So a
reader keeps a ``Mark`` (piece.json's stamp and the log's size), and
``added_since`` reads only the log's new lines: the stills they name when
nothing else changed, else None, and the reader takes a fresh snapshot.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coulisses.journal import layout, stills
from coulisses.journal.capture_id import STILLS, CaptureId
from coulisses.journal.confine import no_link_between
from coulisses.journal.model import Capture

if TYPE_CHECKING:
    from coulisses.journal.journal import Journal

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
MAX_LINES = 5000  # more than this since the last look: a fresh snapshot is as cheap


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a reader stands: piece.json's (inode, mtime ns, size) and the log's size."""

    tables: tuple[int, int, int] | None
    log: int


def _stamp(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def mark(journal: Journal, piece_id: str) -> Mark:
    """The piece as it is now; take it *before* the snapshot it goes with, so that
    anything added meanwhile is read again (``added_since`` skips nothing twice: the
    reader drops the stills it already has)."""
    folder = journal.piece_folder(piece_id)
    log = layout.added_log(folder)
    try:
        size = os.lstat(log).st_size
    except OSError:
        size = 0
    return Mark(_stamp(str(folder / layout.PIECE_FILE)), size)


def stamp(journal: Journal, piece_id: str) -> tuple:
    """What a poll compares to notice another program's change to a piece, in a few
    stats: piece.json's stamp, the log's size and the newest day folder's stamp (a still
    whose log line could not be written). ``Journal.change_token`` lists that folder
    instead: 8,640 names by the evening at one still every 10 s, 172,800 at two a second,
    every second the window polls."""
    folder = journal.piece_folder(piece_id)
    at = mark(journal, piece_id)
    days = stills.day_names(folder)
    newest = days[-1] if days else None
    return (piece_id, at.tables, at.log, newest,
            _stamp(str(folder / STILLS / newest)) if newest else None)


def added_since(journal: Journal, piece_id: str, since: Mark,
                limit: int = MAX_LINES) -> tuple[list[Capture], Mark] | None:
    """The stills added since ``since`` (in the order they were logged) and the new mark.

    None when anything but additions happened (piece.json rewritten, stills moved
    in or out, the log replaced), when more than ``limit`` stills came, or when a
    logged still is not there as a plain file: a fresh snapshot says what is.
    """
    folder = journal.piece_folder(piece_id)
    now = mark(journal, piece_id)
    if now.tables != since.tables or now.log < since.log:
        return None
    if now.log == since.log:
        return [], since
    path = layout.added_log(folder)
    if not no_link_between(folder, path):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    try:
        os.lseek(fd, since.log, os.SEEK_SET)
        data = os.read(fd, min(now.log - since.log, limit * 256))
    finally:
        os.close(fd)
    end = data.rfind(b"\n") + 1  # a line being written is read next time
    lines = data[:end].split(b"\n")[:-1]
    if len(lines) > limit:
        return None
    out: list[Capture] = []
    day_folder = None
    for line in lines:
        cid = CaptureId.parse(line.decode("utf-8", "replace"))
        if cid is None:  # "moved 12": stills left or came in bulk
            return None
        still = cid.still_path(folder)
        if day_folder is None or still.parent != day_folder:
            day_folder = still.parent  # one Path per day, as a scan shares them
            if not no_link_between(folder, day_folder):
                return None
        try:
            if not os.path.isfile(still) or os.path.islink(still):
                return None
        except OSError:
            return None
        out.append(Capture(cid, cid.time, day_folder, cid.source))
    return out, Mark(now.tables, since.log + end)


__all__ = ["MAX_LINES", "Mark", "added_since", "mark", "stamp"]
