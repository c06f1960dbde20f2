"""A piece's watch folder as the app shows it: switched on and off, surviving restarts.

The folder and the switch are the piece's settings (``watch_folder``,
``watch_on``), so the app turns a watch back on at start-up with
``PieceWatch(journal, piece_id).start()`` when ``watch_on`` says so. The
watching itself is ``watch_folder.FolderWatcher`` (its own polling thread);
this adds the state a window shows: watching or not, when the last photo
came in, and a folder that cannot be reached.

The journal syncs between computers (and is copied, shared, restored), so its
settings alone never start an import: a watch resumes only for a folder the
maker chose *on this computer*, remembered in this computer's config folder
(``WatchConsent``), keyed by journal and piece. A journal from elsewhere that
names a folder shows the watch as paused until the maker says yes.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coulisses.atomicio import make_dirs, write_text
from coulisses.capture.importer import IMPORTED, PhotoOutcome
from coulisses.capture.watch_folder import DEFAULT_INTERVAL, DEFAULT_SETTLE, FolderWatcher
from coulisses.journal import Journal

log = logging.getLogger(__name__)

CONSENT_FILE = "watched-folders.json"  # beside preferences.json: this computer's, never synced


@dataclass(frozen=True, slots=True)
class WatchState:
    folder: Path | None  # the piece's watch folder (None: none chosen)
    on: bool  # the maker's switch (the piece setting)
    running: bool  # the watcher is polling now
    missing: bool  # the folder cannot be reached (unplugged drive, renamed folder)
    last_photo: datetime | None  # when the last photo was imported from it (UTC), this run
    imported: int  # photos imported since this watch started
    problem: str | None  # the last problem reported, one sentence; None once it clears
    # On in the piece's settings, for a folder not chosen on this computer: waits for a yes.
    paused: bool = False


def watch_settings(journal: Journal, piece_id: str) -> tuple[Path | None, bool]:
    """(watch folder, switch) as stored for the piece."""
    settings = journal.piece(piece_id).typed_settings
    return (Path(settings.watch_folder) if settings.watch_folder else None), settings.watch_on


def set_watch_settings(journal: Journal, piece_id: str, folder: str | Path | None,
                       on: bool) -> None:
    """Store the piece's watch folder and switch (None: no folder, which also means off)."""
    journal.update_piece_settings(piece_id, watch_folder=str(folder) if folder else None,
                                  watch_on=bool(on and folder) or None)


def _same_folder(a: str | Path, b: str | Path) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


class WatchConsent:
    """The watch folders the maker chose on this computer, per journal and piece.

    A JSON file in this computer's config folder (beside the preferences), not
    in the journal: a journal synced or copied from elsewhere brings its
    settings, never this yes. A file that cannot be read counts as no yes (the
    maker is asked again); nothing is lost that the journal does not still hold.
    """

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        if self._path is not None:
            return self._path
        from coulisses.preferences import preferences_path

        return preferences_path().parent / CONSENT_FILE

    @staticmethod
    def _keys(journal: Journal, piece_id: str) -> tuple[str, str]:
        return os.path.normcase(os.path.abspath(journal.home)), piece_id

    def _read(self) -> dict[str, Any]:
        try:
            doc = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("cannot read %s: %s; watches wait for the maker's yes", self.path, exc)
            return {}
        journals = doc.get("journals") if isinstance(doc, dict) else None
        return journals if isinstance(journals, dict) else {}

    def allows(self, journal: Journal, piece_id: str, folder: str | Path) -> bool:
        """True if the maker chose ``folder`` for this piece of this journal, here."""
        home, piece = self._keys(journal, piece_id)
        pieces = self._read().get(home)
        chosen = pieces.get(piece) if isinstance(pieces, dict) else None
        return isinstance(chosen, str) and _same_folder(chosen, folder)

    def remember(self, journal: Journal, piece_id: str, folder: str | Path) -> None:
        """The maker chose ``folder`` here. Raises OSError when it cannot be written."""
        home, piece = self._keys(journal, piece_id)
        journals = self._read()
        pieces = journals.get(home)
        if not isinstance(pieces, dict):
            pieces = journals[home] = {}
        pieces[piece] = os.path.abspath(folder)
        make_dirs(self.path.parent)
        write_text(self.path, json.dumps({"version": 1, "journals": journals}, indent=2,
                                         ensure_ascii=False, sort_keys=True) + "\n")


class PieceWatch:
    """The watch of one piece. ``on_change(state)`` is called on the watcher's thread
    after each imported photo or reported problem (a Qt view queues it to its own);
    ``state()`` may be asked from any thread at any time (a few stats)."""

    def __init__(self, journal: Journal, piece_id: str, *,
                 on_change: Callable[[WatchState], None] | None = None,
                 on_outcome: Callable[[PhotoOutcome], None] | None = None,
                 settle: float = DEFAULT_SETTLE, interval: float = DEFAULT_INTERVAL,
                 consent: WatchConsent | None = None) -> None:
        self.journal = journal
        self.consent = consent or WatchConsent()
        self.piece_id = piece_id
        self.on_change = on_change
        self.on_outcome = on_outcome
        self.settle = settle
        self.interval = interval
        self._lock = threading.Lock()
        self._watcher: FolderWatcher | None = None
        self._last_photo: datetime | None = None
        self._problem: str | None = None
        self._problem_is_folder = False  # said while the folder was unreachable
        self._yes: Path | None = None  # the folder the maker switched on in this run

    def start(self) -> WatchState:
        """Start watching if the piece's switch is on (idempotent); the state after.

        Only for a folder the maker chose on this computer: one named by the
        journal alone (synced or copied from elsewhere) stays ``paused`` until
        ``switch(True)``. Raises ``JournalError`` when the folder is inside the journal."""
        folder, on = watch_settings(self.journal, self.piece_id)
        if on and folder is not None and not self._chosen_here(folder):
            on = False
        with self._lock:
            if self._watcher is not None and (not on or self._watcher.folders != (folder,)):
                self._watcher.stop()
                self._watcher = None
            if on and folder is not None and self._watcher is None:
                self._watcher = FolderWatcher(self.journal, self.piece_id, [folder],
                                              settle=self.settle, interval=self.interval,
                                              on_outcome=self._outcome, on_error=self._error)
                self._watcher.start()
        return self.state()

    def switch(self, on: bool, folder: str | Path | None = None) -> WatchState:
        """The maker's switch: stores it (and a new folder, if given), then starts or stops.

        Switching on is the maker's yes for that folder on this computer: remembered,
        so later starts resume it. Raises ``JournalError`` (nothing stored) for a
        folder inside the journal."""
        current, _ = watch_settings(self.journal, self.piece_id)
        folder = folder or current
        if on and folder is not None:
            # refused now (a folder inside the journal), not stored to fail at every start
            FolderWatcher(self.journal, self.piece_id, [folder])
            self._yes = Path(folder)
            try:
                self.consent.remember(self.journal, self.piece_id, folder)
            except OSError as exc:  # still watched now; asked again at the next start
                log.warning("cannot remember the watch folder's yes: %s", exc)
        set_watch_settings(self.journal, self.piece_id, folder, on)
        return self.start()

    def _chosen_here(self, folder: Path) -> bool:
        if self._yes is not None and _same_folder(self._yes, folder):
            return True  # said in this run, even if it could not be written down
        return self.consent.allows(self.journal, self.piece_id, folder)

    def stop(self) -> None:
        """Stop watching for now (closing the app), leaving the switch as it is."""
        with self._lock:
            watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()

    def state(self) -> WatchState:
        folder, on = watch_settings(self.journal, self.piece_id)
        watcher = self._watcher
        missing = folder is not None and not folder.is_dir()
        # the watcher clears a problem quietly once the folder is back: so does the state
        problem = None if self._problem_is_folder and not missing else self._problem
        running = bool(watcher and watcher.running)
        paused = on and folder is not None and not running and not self._chosen_here(folder)
        return WatchState(folder, on, running, missing, self._last_photo,
                          watcher.imported if watcher else 0, problem, paused)

    def _outcome(self, outcome: PhotoOutcome) -> None:
        if outcome.status == IMPORTED:
            self._last_photo = datetime.now(UTC)
            self._problem, self._problem_is_folder = None, False
        if self.on_outcome is not None:
            self.on_outcome(outcome)
        self._changed()

    def _error(self, message: str) -> None:
        folder, _ = watch_settings(self.journal, self.piece_id)
        self._problem = message
        self._problem_is_folder = folder is not None and not folder.is_dir()
        self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self.state())


__all__ = ["PieceWatch", "WatchConsent", "WatchState", "set_watch_settings", "watch_settings"]
