"""A piece's watch folder as the app shows it: switched on and off, surviving restarts.

The folder and the switch are the piece's settings (``watch_folder``,
``watch_on``), so the app turns a watch back on at start-up with
``PieceWatch(journal, piece_id).start()`` when ``watch_on`` says so. The
watching itself is ``watch_folder.FolderWatcher`` (its own polling thread);
this adds the state a window shows: watching or not, when the last photo
came in, and a folder that cannot be reached.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from coulisses.capture.importer import IMPORTED, PhotoOutcome
from coulisses.capture.watch_folder import DEFAULT_INTERVAL, DEFAULT_SETTLE, FolderWatcher
from coulisses.journal import Journal


@dataclass(frozen=True, slots=True)
class WatchState:
    folder: Path | None  # the piece's watch folder (None: none chosen)
    on: bool  # the maker's switch (the piece setting)
    running: bool  # the watcher is polling now
    missing: bool  # the folder cannot be reached (unplugged drive, renamed folder)
    last_photo: datetime | None  # when the last photo was imported from it (UTC), this run
    imported: int  # photos imported since this watch started
    problem: str | None  # the last problem reported, one sentence; None once it clears


def watch_settings(journal: Journal, piece_id: str) -> tuple[Path | None, bool]:
    """(watch folder, switch) as stored for the piece."""
    settings = journal.piece(piece_id).typed_settings
    return (Path(settings.watch_folder) if settings.watch_folder else None), settings.watch_on


def set_watch_settings(journal: Journal, piece_id: str, folder: str | Path | None,
                       on: bool) -> None:
    """Store the piece's watch folder and switch (None: no folder, which also means off)."""
    journal.update_piece_settings(piece_id, watch_folder=str(folder) if folder else None,
                                  watch_on=bool(on and folder) or None)


class PieceWatch:
    """The watch of one piece. ``on_change(state)`` is called on the watcher's thread
    after each imported photo or reported problem (a Qt view queues it to its own);
    ``state()`` may be asked from any thread at any time (a few stats)."""

    def __init__(self, journal: Journal, piece_id: str, *,
                 on_change: Callable[[WatchState], None] | None = None,
                 on_outcome: Callable[[PhotoOutcome], None] | None = None,
                 settle: float = DEFAULT_SETTLE, interval: float = DEFAULT_INTERVAL) -> None:
        self.journal = journal
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

    def start(self) -> WatchState:
        """Start watching if the piece's switch is on (idempotent); the state after.

        Raises ``JournalError`` when the folder is inside the journal."""
        folder, on = watch_settings(self.journal, self.piece_id)
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

        Raises ``JournalError`` (nothing stored) for a folder inside the journal."""
        current, _ = watch_settings(self.journal, self.piece_id)
        folder = folder or current
        if on and folder is not None:
            # refused now (a folder inside the journal), not stored to fail at every start
            FolderWatcher(self.journal, self.piece_id, [folder])
        set_watch_settings(self.journal, self.piece_id, folder, on)
        return self.start()

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
        return WatchState(folder, on, bool(watcher and watcher.running), missing,
                          self._last_photo, watcher.imported if watcher else 0, problem)

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


__all__ = ["PieceWatch", "WatchState", "set_watch_settings", "watch_settings"]
