"""What the companion serves, and how it acts: the open piece, its flags, its reels.

The server asks a ``Host``: the window's host flags through the bench (the same
undoable edit as F8–F11), the terminal's ``HeadlessHost`` through the journal
with the same rule for where a flag lands (``timeline.flags``). Reels are made
by ``ReelMaker`` from the piece's remembered export options, one at a time, on
a thread of their own.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from coulisses.i18n import tr
from coulisses.jobs import Cancelled, CancelToken, Progress
from coulisses.journal import Journal, JournalError
from coulisses.journal.model import Moment

log = logging.getLogger(__name__)

FLAG_KINDS = ("struggle", "fix", "milestone", "result")
RECENT_MOMENTS = 8


class HostError(Exception):
    """An action the phone asked for could not be done; the message is for the maker."""


class Host(Protocol):
    journal: Journal
    reels: ReelMaker

    def piece_id(self) -> str | None:
        """The piece the page shows: the one being recorded, else the one open."""

    def recording(self) -> bool | None:
        """Whether stills are being taken (None: this host cannot tell)."""

    def flag(self, kind: str) -> Moment:
        """Flag a moment on the latest still shown; raises ``HostError``."""

    def caption(self, piece_id: str, moment_id: str, text: str) -> None:
        """Caption a moment; raises ``HostError``."""


def moments_of(journal: Journal, piece_id: str) -> list[Moment]:
    """The piece's moments, oldest first: one read of piece.json (no still listing)."""
    with journal.tables(piece_id) as db:
        data = db.storage.read() or {}
    found = []
    for doc in (data.get("moments") or {}).values():
        with contextlib.suppress(KeyError, TypeError, ValueError):
            found.append(Moment.from_json(doc))
    return sorted(found, key=lambda m: (m.time, m.created))


# --------------------------------------------------------------------------- reels
@dataclass(frozen=True, slots=True)
class ReelState:
    running: bool = False
    fraction: float | None = None
    auto: bool = False  # started by a Result flag, not by a tap
    error: str = ""  # the last failure, for the maker
    finished: float = 0.0  # time.time() of the last reel made (the page refreshes its list)

    def to_json(self) -> dict[str, Any]:
        return {"running": self.running, "fraction": self.fraction, "auto": self.auto,
                "error": self.error, "finished": self.finished}


class ReelMaker:
    """Makes one reel at a time with the piece's remembered options (the export window's
    last choices, else the maker's defaults), into the export window's default folder."""

    def __init__(self, journal: Journal, out_dir: Path | None = None,
                 on_done: Callable[[str], None] | None = None,
                 on_failed: Callable[[str], None] | None = None) -> None:
        self.journal = journal
        self.out_dir = out_dir
        self.on_done = on_done or (lambda piece_id: None)
        self.on_failed = on_failed or (lambda message: None)
        self._lock = threading.Lock()
        self._state = ReelState()
        self._thread: threading.Thread | None = None
        self._cancel = CancelToken()
        self._done_moments: set[str] = set()

    def state(self) -> ReelState:
        with self._lock:
            return self._state

    def start(self, piece_id: str, *, auto: bool = False, moment_id: str | None = None) -> bool:
        """Start a reel of ``piece_id``; False when one is being made already (or this
        Result moment already made its reel)."""
        with self._lock:
            if self._state.running or (moment_id and moment_id in self._done_moments):
                return False
            if moment_id:
                self._done_moments.add(moment_id)
            self._state = ReelState(True, None, auto, "", self._state.finished)
            self._cancel = CancelToken()
            self._thread = threading.Thread(target=self._run, args=(piece_id, auto),
                                            name="companion-reel", daemon=True)
            self._thread.start()
        return True

    def stop(self, wait: float = 0.0) -> None:
        self._cancel.cancel()
        thread = self._thread
        if wait and thread is not None:
            thread.join(wait)

    def _options(self, piece_id: str):
        from coulisses.export.options import ExportOptions, last_options
        from coulisses.preferences import load_preferences

        options = last_options(self.journal, piece_id)
        if options == ExportOptions():  # nothing remembered: the maker's defaults, as the window
            prefs, _ = load_preferences()
            options = options.replace(preset=prefs.export_preset,
                                      duration=prefs.export_duration,
                                      layout=prefs.export_layout)
        return options

    def _run(self, piece_id: str, auto: bool) -> None:
        from coulisses.export.errors import ExportError
        from coulisses.export.options import export_with_options
        from coulisses.export.output_folder import default_reels_dir
        from coulisses.timeline.pacing import PacingError

        if auto:
            # Never at the expense of the capture: the reel's threads (x264's too, which
            # inherit it) take only what capture leaves.
            with contextlib.suppress(OSError, AttributeError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        error = ""
        cancel = self._cancel

        def progress(p: Progress) -> None:
            with self._lock:
                self._state = ReelState(True, p.fraction, auto, "", self._state.finished)

        try:
            export_with_options(self.journal.snapshot(piece_id), self.out_dir or
                                default_reels_dir(), self._options(piece_id),
                                progress=progress, cancel=cancel)
        except Cancelled:
            error = ""
        except (ExportError, PacingError, JournalError, OSError) as exc:
            error = tr("The reel could not be made: {reason}", reason=str(exc))
        except Exception as exc:  # noqa: BLE001 - a thread of its own: say it, never die silent
            log.exception("companion reel failed")
            error = tr("The reel could not be made: {reason}", reason=repr(exc))
        with self._lock:
            finished = self._state.finished if error else time.time()
            self._state = ReelState(False, None, auto, error, finished)
        if error:
            self.on_failed(error)
        elif not cancel.cancelled:
            self.on_done(piece_id)


class ResultWatcher:
    """Starts a reel when a Result moment appears on the piece, whoever flagged it (the
    phone, a key in the window, ``coulisses mark`` in a terminal). Looks at the piece's
    change token (a few stats) every ``interval`` seconds; reads moments only on a change."""

    def __init__(self, host: Host, enabled: Callable[[], bool], interval: float = 1.0) -> None:
        self.host = host
        self.enabled = enabled
        self.interval = interval
        self._piece: str | None = None
        self._token: tuple | None = None
        self._seen: set[str] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="companion-results",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception:  # noqa: BLE001 - a watcher must outlive a bad read
                log.debug("result watch failed", exc_info=True)

    def check(self) -> str | None:
        """One look; the Result moment a reel was started for, if any."""
        piece_id = self.host.piece_id()
        if not piece_id:
            return None
        journal = self.host.journal
        token = journal.change_token(piece_id)
        if piece_id == self._piece and token == self._token:
            return None
        results = {m.id for m in moments_of(journal, piece_id) if m.kind == "result"}
        if piece_id != self._piece:  # results already there when we started looking are old
            self._piece, self._token, self._seen = piece_id, token, results
            return None
        self._token = token
        new = results - self._seen
        self._seen |= results
        if not new or not self.enabled():
            return None
        moment_id = sorted(new)[-1]
        return moment_id if self.host.reels.start(piece_id, auto=True,
                                                  moment_id=moment_id) else None


# --------------------------------------------------------------------------- the terminal's
class HeadlessHost:
    """``coulisses companion``: one piece, flags straight into the journal."""

    def __init__(self, journal: Journal, piece_id: str, reels: ReelMaker | None = None) -> None:
        self.journal = journal
        self._piece_id = piece_id
        self.reels = reels or ReelMaker(journal)

    def piece_id(self) -> str | None:
        return self._piece_id

    def recording(self) -> bool | None:
        return None  # another process may be capturing: the page shows the latest still's age

    def flag(self, kind: str) -> Moment:
        from coulisses.timeline.flags import flag_target

        if kind not in FLAG_KINDS:
            raise HostError(tr("Unknown kind of moment."))
        try:
            target = flag_target(self.journal, self._piece_id)
            return self.journal.add_moment(self._piece_id, kind, at=target.at)
        except (JournalError, OSError) as exc:
            raise HostError(tr("The moment could not be saved: {reason}",
                               reason=str(exc))) from None

    def caption(self, piece_id: str, moment_id: str, text: str) -> None:
        try:
            self.journal.edit_moment(piece_id, moment_id, caption=text)
        except (JournalError, OSError) as exc:
            raise HostError(tr("The caption could not be saved: {reason}",
                               reason=str(exc))) from None
