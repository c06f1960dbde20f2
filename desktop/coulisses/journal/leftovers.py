"""What interrupted work leaves in the journal, and how it is avoided or cleaned.

* A new piece is made whole in a temp folder (``pieces/.new-<id>-<random>``) and
  renamed in, so a full disk or a kill never leaves a half-made piece; an empty
  piece folder left by an older Coulisses is not a piece and its name is free.
* An atomic write killed before its rename leaves ``.<name>.<random>.tmp``
  (``atomicio``) in ``stills/``, ``thumbs/`` or beside ``piece.json``. Such files
  older than ``STALE_AFTER`` are removed when a piece is opened for a snapshot,
  at most once a day per piece (a marker file's time says when), so it costs
  nothing on the capture path.

Only names of these exact shapes are ever removed, never through a link.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import time
from pathlib import Path

from coulisses.atomicio import fsync_dir, is_temp_name, make_dirs, write_bytes
from coulisses.journal.confine import no_link_between

log = logging.getLogger(__name__)

NEW_PREFIX = ".new-"
STALE_AFTER = 3600.0  # s: an atomic write takes milliseconds; a day-old temp file is dead
SWEEP_EVERY = 24 * 3600.0
SWEPT_MARKER = "swept"  # in the piece's cache folder
# What makes a folder a piece even without its piece.json (then it is damage).
CONTENT = ("stills", "thumbs", "backups", "set-aside", "cache", "moving.json", "piece.json.bak")


def has_content(folder: Path) -> bool:
    return any(os.path.lexists(folder / name) for name in CONTENT)


def is_piece(folder: Path, table: str = "piece.json") -> bool:
    """A folder of ``pieces/`` that is a piece: its table file, or anything of a piece
    (then a missing table file is damage). A folder with neither is not listed."""
    return os.path.lexists(folder / table) or has_content(folder)


def is_leftover(folder: Path, table: str = "piece.json") -> bool:
    """A folder an older Coulisses left while making a piece: nothing but a lock and
    temp files. Its name can be given again; a folder holding anything else (a file of
    the maker's, a Finder .DS_Store) keeps its name."""
    if is_piece(folder, table):
        return False
    try:
        with os.scandir(folder) as entries:
            return all(e.name == ".lock" or is_temp_name(e.name) for e in entries)
    except OSError:
        return False


def create(root: Path, piece_id: str, payload: bytes, table: str) -> Path:
    """Make ``root/piece_id`` holding ``table`` in one rename (call under the journal lock)."""
    final = root / piece_id
    tmp = root / f"{NEW_PREFIX}{piece_id}-{secrets.token_hex(4)}"
    try:
        make_dirs(tmp)
        write_bytes(tmp / table, payload)
        if os.path.lexists(final):  # an empty leftover (is_leftover): its name is free
            _remove_empty_piece(final)
        os.rename(tmp, final)
    except BaseException:
        _remove_temp_folder(tmp)
        raise
    fsync_dir(root)
    return final


def _remove_empty_piece(folder: Path) -> None:
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False) and (entry.name == ".lock"
                                                     or is_temp_name(entry.name)):
            os.unlink(entry.path)
    os.rmdir(folder)  # fails (and keeps everything) if anything else is in it


def _remove_temp_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
        os.rmdir(folder)


def sweep_new(root: Path, now: float | None = None) -> None:
    """Remove temp piece folders a kill left behind (``pieces/.new-…``, old enough)."""
    now = time.time() if now is None else now
    with contextlib.suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            if entry.name.startswith(NEW_PREFIX) and entry.is_dir(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                        _remove_temp_folder(Path(entry.path))


def sweep_piece(piece_folder: Path, cache: Path, now: float | None = None) -> int:
    """Remove stale temp files of a piece, at most once every ``SWEEP_EVERY``; returns
    how many were removed. ``cache``: the piece's cache folder (for the marker)."""
    now = time.time() if now is None else now
    marker = cache / SWEPT_MARKER
    own_marker = no_link_between(piece_folder, marker)  # else: no marker, never outside
    with contextlib.suppress(OSError):
        if own_marker and now - os.stat(marker).st_mtime < SWEEP_EVERY:
            return 0
    removed = _sweep_folder(piece_folder, now)
    for sub in ("stills", "thumbs"):
        with contextlib.suppress(OSError), os.scandir(piece_folder / sub) as days:
            for day in days:
                if day.is_dir(follow_symlinks=False):
                    removed += _sweep_folder(Path(day.path), now)
    try:
        if own_marker:
            make_dirs(cache)
            write_bytes(marker, b"")
    except OSError as exc:
        log.info("sweep marker of %s not written: %s", piece_folder, exc)
    if removed:
        log.info("removed %d temp files left by interrupted writes in %s", removed,
                 piece_folder)
    return removed


def _sweep_folder(folder: Path, now: float) -> int:
    removed = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not is_temp_name(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                    os.unlink(entry.path)
                    removed += 1
    return removed


__all__ = ["CONTENT", "NEW_PREFIX", "create", "has_content", "is_leftover", "sweep_new",
           "sweep_piece"]
