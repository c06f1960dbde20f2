"""Names of the journal's files and folders: the one place that knows the disk layout.

Other layers ask the journal for paths (``Journal.cache_dir``, ``Capture.path``)
rather than joining these names themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

from coulisses.atomicio import make_dirs
from coulisses.journal.confine import require_inside

ROOT_FILE = "coulisses.json"
PIECES = "pieces"
PIECE_FILE = "piece.json"
SET_ASIDE = "set-aside"
LOCK = ".lock"
CACHE = "cache"
# One line per still added (its capture id), appended: its size is a change
# counter every process sees with one stat (Journal.change_token).
ADDED_LOG = "stills-added.log"

_CACHE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def is_journal_root(folder: Path) -> bool:
    """A Coulisses journal (ours, a backup, a synced copy): its stills are not new photos.

    Never raises: a folder that cannot be looked into (permission denied) is not
    taken for a journal, so a walk goes on and lists it, where its own error
    names it, instead of one unreadable folder ending a whole listing.
    """
    try:
        return (folder / ROOT_FILE).is_file() and (folder / PIECES).is_dir()
    except (OSError, ValueError):  # ValueError: a name the system cannot even look up
        return False


def cache_dir(piece_folder: Path, name: str) -> Path:
    """``<piece>/cache/<name>/``, created durably: files anyone may delete and rebuild."""
    if not _CACHE_NAME.match(name):
        raise ValueError(f"not a cache name: {name!r}")
    folder = piece_folder / CACHE / name
    require_inside(piece_folder, folder)  # OutsideJournal (an OSError) through a planted link
    return make_dirs(folder)


def added_log(piece_folder: Path) -> Path:
    return piece_folder / CACHE / ADDED_LOG


__all__ = ["ADDED_LOG", "CACHE", "LOCK", "PIECES", "PIECE_FILE", "ROOT_FILE", "SET_ASIDE",
           "added_log", "cache_dir", "is_journal_root"]
