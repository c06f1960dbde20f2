"""The one recovery policy for the journal's table files (``coulisses.json``, ``piece.json``).

Three cases, kept apart from the first read (``journal.storage``):

* **unreadable** (an I/O or permission error after a few tries): the file may be
  perfectly good behind a sleeping disk or an online-only placeholder, so
  nothing on disk changes; the piece (or the journal) is refused with one
  sentence saying what to do;
* **damaged** (not JSON, the wrong shape, a link): the file is kept in
  ``set-aside/`` and replaced by the newest kept version that reads
  (``journal.generations``), or started afresh when none does;
* **missing** where something says it should be there (a piece folder with
  stills or kept versions but no ``piece.json``: a sync client, a crash of an
  older version): recovered from the newest kept version, like a damaged one.

Every recovery is said once (``report``), naming the version used and what may
be missing. The order of steps leaves a readable file at every instant: the
damaged file is linked into ``set-aside/`` first, then the recovered version
replaces it atomically.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coulisses.atomicio import fsync_dir, make_dirs
from coulisses.i18n import tr
from coulisses.journal import generations
from coulisses.journal.errors import CorruptFile, JournalTooNew, MissingFile
from coulisses.journal.layout import SET_ASIDE
from coulisses.journal.schema import SCHEMA_VERSION, migrate, version_of
from coulisses.journal.shape import Check, tables_problem
from coulisses.journal.storage import read_json, write_table

Fresh = Callable[[], dict[str, Any]]
Report = Callable[[str, "str | None"], None]
# Whether a missing table file is damage (True) or a file that was never made.
Expected = Callable[[], bool]


def load(path: Path, check: Check) -> tuple[dict[str, Any], int, bool]:
    """A table file read, migrated in memory and checked: (data, version read, migrated).

    Raises CorruptFile when it cannot be parsed or does not fit, MissingFile,
    UnreadableFile, and JournalTooNew when a newer Coulisses wrote it.
    """
    data = read_json(path)
    problem = tables_problem(data)  # before anything walks the tables
    if problem:
        raise CorruptFile(path, problem)
    try:
        version = version_of(data)
    except (TypeError, ValueError):
        raise CorruptFile(path, tr("its schema version is not a number")) from None
    if version > SCHEMA_VERSION:
        raise JournalTooNew(tr("{path} was written by a newer Coulisses (schema {version}); "
                               "update Coulisses to open this journal", path=path,
                               version=version))
    data, changed = migrate(data)
    problem = check(data)
    if problem:
        raise CorruptFile(path, problem)
    return data, version, changed


class TableFiles:
    """Checks each table file once per process and recovers it by the policy above."""

    def __init__(self, report: Report) -> None:
        self._report = report
        self._checked: set[Path] = set()
        self._guard = threading.Lock()

    def forget(self, path: Path) -> None:
        """Check ``path`` again on next use (it was found damaged or missing since)."""
        with self._guard:
            self._checked.discard(path)

    def prepare(self, path: Path, fresh: Fresh, check: Check, scope: str | None = None,
                expected: Expected = lambda: True) -> None:
        """Make sure a table file is readable, of the right shape and at the current
        schema (once per process; call it under the file's lock).

        UnreadableFile and JournalTooNew go to the caller with nothing changed.
        """
        with self._guard:
            if path in self._checked:
                return
        try:
            data, version, migrated = load(path, check)
        except MissingFile:
            if expected():
                self.recover(path, None, fresh, check, scope)
            else:
                write_table(path, fresh(), keep_generation=False)
        except CorruptFile as exc:
            self.recover(path, exc, fresh, check, scope)
        else:
            if migrated:
                _keep_before_migration(path, version)
                write_table(path, data)
        with self._guard:
            self._checked.add(path)

    def recover(self, path: Path, damage: CorruptFile | None, fresh: Fresh, check: Check,
                scope: str | None) -> dict[str, Any]:
        """Replace a damaged (``damage``) or missing (None) file; returns its new data."""
        data, used = _newest_good(path, check)
        aside = set_aside(path) if damage is not None else None
        if used is not None:
            when = generations.describe_time(used.saved)
            if damage is not None:
                message = tr("{path} was damaged ({reason}); it was moved to {aside} and "
                             "Coulisses restored the version kept on {when} (changes made "
                             "after that may be missing).", path=path, reason=damage.reason,
                             aside=aside, when=when)
            else:
                message = tr("{path} was missing; Coulisses restored the version kept on "
                             "{when} (changes made after that may be missing).", path=path,
                             when=when)
        else:
            data = fresh()
            if damage is not None:
                message = tr("{path} was damaged ({reason}); it was moved to {aside} and "
                             "Coulisses started it afresh (no earlier version could be read: "
                             "its moments, captions and hidden stills are gone, the stills "
                             "are kept).", path=path, reason=damage.reason, aside=aside)
            else:
                message = tr("{path} was missing and no earlier version of it could be read; "
                             "Coulisses started it afresh (its moments, captions and hidden "
                             "stills are gone, the stills are kept).", path=path)
        assert data is not None
        # The damaged version must not become a generation: it is in set-aside/.
        write_table(path, data, keep_generation=False)
        self._report(message, scope)
        with self._guard:
            self._checked.add(path)
        return data


def _newest_good(path: Path, check: Check) -> tuple[dict[str, Any] | None,
                                                   generations.Generation | None]:
    for generation in generations.listing(path):
        with contextlib.suppress(CorruptFile, MissingFile, JournalTooNew):
            data, _, _ = load(generation.path, check)
            return data, generation
        # An unreadable generation (UnreadableFile) stops the search: the caller
        # refuses the piece rather than restore something older than it could.
    return None, None


def _keep_before_migration(path: Path, version: int) -> None:
    target = path.with_name(f"{path.name}.v{version}.bak")
    if target.exists():
        return
    with contextlib.suppress(FileNotFoundError):
        try:
            os.link(path, target, follow_symlinks=False)
        except OSError:
            shutil.copyfile(path, target)
        fsync_dir(path.parent)


def set_aside(path: Path) -> Path:
    """Keep a damaged file in ``set-aside/`` beside it; it stays where it is until the
    recovered version replaces it, so a crash in between leaves it to be found again."""
    folder = make_dirs(path.parent / SET_ASIDE)
    target = folder / f"{path.name}.{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%f')}.damaged"
    if os.path.islink(path) or path.is_dir():
        os.replace(path, target)  # the link or folder itself, never what it points to
    else:
        try:
            os.link(path, target, follow_symlinks=False)
        except OSError:
            shutil.copyfile(path, target, follow_symlinks=False)
    fsync_dir(folder)  # the damaged file must not vanish with a power cut
    return target


__all__ = ["TableFiles", "load", "set_aside"]
