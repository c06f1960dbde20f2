"""Watching folders (a phone's sync folder, a tethered camera's output) for new photos.

Polling, not OS notifications: it works the same on Linux, macOS, Windows,
network shares and FUSE mounts, needs no extra dependency, and a listing
every second or two costs nothing next to decoding a photo.

A file is taken once its size and modification time have not changed for
``settle`` seconds, and only if it then decodes completely. A copy that
stalls longer than ``settle`` is therefore not imported half-written: it
fails as truncated, is kept waiting, and is tried again as soon as it grows.
Each file is imported once; a file that changes afterwards is looked at
again, and the import's duplicate checks (time and name, then content) keep
it from being stored twice.

What a watch took is remembered in the piece (``journal.watch_memory``), by
the file's bytes: a photo the maker moved to another piece, hid or deleted is
not brought back at the next start, nor when a sync client rewrites its date
or name, while a new photo that reuses an old name is imported. A file is
hashed once it has settled, before it is imported; a start recognises the
files it already took by the ``stat`` its listing makes, without reading them.

A photo that cannot be stored (a write error on that one file) is reported
once, like a broken one, not retried forever; only a full disk or an
unreachable journal makes the watcher wait and retry.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from coulisses.atomicio import DiskFullError
from coulisses.capture.importer import (
    DUPLICATE,
    IMPORTED,
    SKIPPED,
    PhotoOutcome,
    import_one,
    is_journal_root,
    is_photo_name,
    resolved,
)
from coulisses.capture.photo_decode import INCOMPLETE, MAX_SIDE, UNREADABLE
from coulisses.i18n import tr
from coulisses.jobs import CancelToken
from coulisses.journal import Journal, JournalError
from coulisses.journal.watch_memory import SeenFile, WatchMemory, content_hasher
from coulisses.os_errors import describe_error

log = logging.getLogger(__name__)

OutcomeCallback = Callable[[PhotoOutcome], None]
ErrorCallback = Callable[[str], None]

DEFAULT_SETTLE = 2.0
DEFAULT_INTERVAL = 1.0


@dataclass(frozen=True, slots=True)
class _Identity:
    signature: tuple[int, int]  # (bytes, mtime_ns) of the file as read
    content: str | None  # its content hash; None: it changed while it was read, or unreadable

    @property
    def readable(self) -> bool:
        return self.signature != _UNREADABLE


@dataclass(slots=True)
class _Pending:
    signature: tuple[int, int]  # (bytes, mtime_ns)
    since: float  # monotonic time this signature was first seen
    incomplete: bool = False  # decoded as truncated with this signature: wait for a change


class FolderWatcher:
    """Imports photos appearing in ``folders`` into ``piece_id``.

    Drive it either with ``poll()`` from your own loop or timer, or with
    ``start()``/``stop()`` (a background thread polling every ``interval``).
    ``on_outcome`` is called for every file imported or skipped (duplicates
    are quiet), on the polling thread: a Qt view must queue it to its own.
    """

    def __init__(self, journal: Journal, piece_id: str, folders: Iterable[str | os.PathLike[str]],
                 *, settle: float = DEFAULT_SETTLE, interval: float = DEFAULT_INTERVAL,
                 give_up: float | None = None, max_side: int = MAX_SIDE,
                 on_outcome: OutcomeCallback | None = None,
                 on_error: ErrorCallback | None = None) -> None:
        piece = journal.piece(piece_id)  # PieceNotFound now, not in the thread
        self.journal = journal
        self.piece_id = piece_id
        self.folders = tuple(Path(f) for f in folders)
        self._prefixes = tuple(str(f).rstrip(os.sep) + os.sep for f in self.folders)
        self.settle = max(0.0, settle)
        self.interval = max(0.01, interval)
        # A file that stays truncated this long is reported, not waited on forever.
        self.give_up = give_up if give_up is not None else max(30.0, 10 * self.settle)
        self.max_side = max_side
        self.on_outcome = on_outcome
        self.on_error = on_error
        self._pending: dict[Path, _Pending] = {}
        self._done: dict[Path, tuple[int, int]] = {}
        # What this piece's watches took, across restarts and processes.
        self.memory = WatchMemory(piece.folder)
        self._identities: dict[Path, _Identity] = {}  # hashed by fresh_files(), for mark_handled
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._token = CancelToken()
        self._errors: dict[str, str] = {}
        self._exclude = resolved(journal.home)
        for folder in self.folders:
            if resolved(folder).is_relative_to(self._exclude):
                # It would import the journal's own stills, again and again.
                raise JournalError(tr("{folder} is inside the Coulisses journal; watch the "
                                      "folder where new photos arrive instead", folder=folder))
        self.imported = 0
        self.skipped = 0
        self.known_before = 0  # photos fresh_files() left out: a watch of the piece took them

    # ------------------------------------------------------------------ state
    def fresh_files(self) -> list[Path]:
        """The photos in the folders that no watch of this piece took before.

        What an import done before watching should take (``import --watch``), so
        that a restart does not bring back what the maker moved or deleted. A
        file known by its bytes under another name or date is remembered as
        such now; ``known_before`` counts the photos left out. Raises OSError
        when the memory cannot be read.
        """
        with self._lock:
            self.memory.refresh()
            self.known_before = 0
            fresh: list[Path] = []
            known: list[tuple[SeenFile, str]] = []
            for path, sig in sorted(self._listing().items()):
                seen = self._seen(path, sig)
                if seen is not None and self.memory.knows_file(seen):
                    self._done[path] = sig
                    self.known_before += 1
                    continue
                identity = _identify(path)
                if seen is not None and identity.content is not None and identity.signature == sig \
                        and self.memory.knows_content(identity.content):
                    self._done[path] = sig
                    self.known_before += 1
                    known.append((seen, identity.content))
                    continue
                self._identities[path] = identity
                fresh.append(path)
            self._remember(known)
            return fresh

    def mark_handled(self, outcomes: Iterable[PhotoOutcome]) -> None:
        """Files an import already dealt with (e.g. the import done before watching).

        Files that were incomplete then stay watched: they may still be copying.
        Photos imported, or found already in the piece, are remembered for good.
        """
        with self._lock:
            try:
                self.memory.refresh()
            except OSError as exc:
                log.warning("watch memory not read: %s", exc)
            taken: list[tuple[SeenFile, str]] = []
            for o in outcomes:
                if o.signature is None or (o.status == SKIPPED and o.kind == INCOMPLETE):
                    continue
                path = Path(o.path)
                self._done[path] = o.signature
                seen = self._seen(path, o.signature)
                if o.status not in (IMPORTED, DUPLICATE) or seen is None \
                        or self.memory.knows_file(seen):
                    continue
                identity = self._identities.pop(path, None)
                if identity is None or identity.signature != o.signature:
                    identity = _identify(path)
                if identity.content is not None and identity.signature == o.signature:
                    taken.append((seen, identity.content))
            self._identities.clear()
            self._remember(taken)

    @property
    def waiting(self) -> int:
        """Files seen but not taken yet (still being written, or settling)."""
        with self._lock:
            return len(self._pending)

    # ------------------------------------------------------------------- poll
    def poll(self, now: float | None = None) -> list[PhotoOutcome]:
        """Look once; import what is ready. Returns the imports and skips of this pass."""
        with self._lock:
            return self._poll(time.monotonic() if now is None else now)

    def _poll(self, now: float, cancel: CancelToken | None = None) -> list[PhotoOutcome]:
        try:
            self.memory.refresh()  # what another watch (the CLI, the app) took meanwhile
        except OSError as exc:
            # Importing without it could bring back photos the maker moved away: wait.
            self._error("memory", tr("The journal could not be read ({error}); new photos "
                                     "will be imported once it can be.",
                                     error=describe_error(exc)))
            return []
        self._errors.pop("memory", None)
        present = self._listing()
        for gone in [p for p in self._pending if p not in present]:
            del self._pending[gone]
        for gone in [p for p in self._done if p not in present]:
            del self._done[gone]  # deleted or renamed: a file coming back is looked at again
        ready: list[Path] = []
        for path, sig in present.items():
            if self._done.get(path) == sig:
                continue
            seen = self._seen(path, sig)
            if seen is not None and self.memory.knows_file(seen):
                self._done[path] = sig  # taken before (this run or an earlier one)
                self._pending.pop(path, None)
                continue
            entry = self._pending.get(path)
            if entry is None or entry.signature != sig:
                self._pending[path] = _Pending(sig, now)
                continue
            stable_for = now - entry.since
            if sig[0] == 0 or entry.incomplete:
                if stable_for >= self.give_up:
                    ready.append(path)  # will be reported as empty / truncated
                continue
            if stable_for >= self.settle:
                ready.append(path)
        results: list[PhotoOutcome] = []
        for path in sorted(ready):
            if cancel is not None and cancel.cancelled:
                break  # stopping: the rest waits for the next start (a first start hashes all)
            outcome = self._take(path, now)
            if outcome is not None:
                results.append(outcome)
        return results

    def _take(self, path: Path, now: float) -> PhotoOutcome | None:
        entry = self._pending[path]
        identity = _identify(path)
        if identity.readable and (identity.content is None
                                  or identity.signature != entry.signature):
            self._pending[path] = _Pending(identity.signature, now)  # changed: settle again
            return None
        seen = self._seen(path, identity.signature)
        try:
            with self.memory.locked():  # check, import, remember: once across watchers
                if identity.content is not None and self.memory.knows_content(identity.content):
                    # Taken before under another name or date (a sync client's rename),
                    # then moved, hidden or deleted by the maker: not brought back.
                    del self._pending[path]
                    self._done[path] = identity.signature
                    if seen is not None:
                        self._remember([(seen, identity.content)])
                    return None
                outcome = import_one(self.journal, self.piece_id, path, self.max_side)
                if outcome.status in (IMPORTED, DUPLICATE) and seen is not None \
                        and identity.content is not None \
                        and outcome.signature == identity.signature:
                    self._remember([(seen, identity.content)])
        except DiskFullError:
            entry.since = now  # try again after another settle period
            self._error("disk", tr("The disk holding the journal is full; free some space. "
                                   "New photos will be imported once there is room."))
            return None
        except (OSError, JournalError) as exc:
            entry.since = now
            self._error("journal", tr("The journal could not be written ({error}).",
                                      error=describe_error(exc)))
            return None
        self._errors.pop("disk", None)
        self._errors.pop("journal", None)
        if outcome.status == SKIPPED and outcome.kind == INCOMPLETE \
                and now - entry.since < self.give_up:
            entry.incomplete = True  # probably still being written: wait for it to change
            return None
        if outcome.status == SKIPPED and outcome.kind == UNREADABLE and not path.exists():
            del self._pending[path]  # moved away between listing and reading
            return None
        del self._pending[path]
        self._done[path] = outcome.signature or entry.signature
        if outcome.status == IMPORTED:
            self.imported += 1
        elif outcome.status == SKIPPED:
            self.skipped += 1
        else:
            return None  # already in the journal: nothing to say
        if self.on_outcome is not None:
            try:
                self.on_outcome(outcome)
            except Exception:
                log.exception("watch folder callback failed")
        return outcome

    def _seen(self, path: Path, signature: tuple[int, int]) -> SeenFile | None:
        """``path`` as the memory knows it: by its place inside the watched folder."""
        text = str(path)
        for prefix in self._prefixes:  # string work: this runs for every file at a start
            if text.startswith(prefix):
                return SeenFile.at(text[len(prefix):].replace(os.sep, "/"), signature)
        for folder in self.folders:
            if path.is_relative_to(folder):
                return SeenFile.at(path.relative_to(folder), signature)
        return None

    def _remember(self, taken: list[tuple[SeenFile, str]]) -> None:
        if not taken:
            return
        try:
            with self.memory.locked():
                self.memory.remember(taken)
        except OSError as exc:
            # The photos are in the piece; without this line a photo moved away before
            # the next start would come back once. Not worth stopping the watch for.
            log.warning("watch memory %s not written: %s", self.memory.path, exc)

    def _listing(self) -> dict[Path, tuple[int, int]]:
        found: dict[Path, tuple[int, int]] = {}
        for folder in self.folders:
            if not folder.is_dir():
                self._error(f"gone:{folder}", tr(
                    "The folder {folder} cannot be reached; watching for it to come back.",
                    folder=folder))
                continue
            self._errors.pop(f"gone:{folder}", None)
            for root, dirs, names in os.walk(folder):
                here = Path(root)
                dirs[:] = [d for d in dirs if not d.startswith(".")
                           and not resolved(here / d).is_relative_to(self._exclude)
                           and not is_journal_root(here / d)]
                for name in names:
                    if not is_photo_name(name):
                        continue
                    path = here / name
                    try:
                        st = path.stat()
                    except OSError:
                        continue  # vanished between listing and stat
                    found[path] = (st.st_size, st.st_mtime_ns)
        return found

    def _error(self, key: str, message: str) -> None:
        # Said once until it clears, not on every poll.
        if self._errors.get(key) == message:
            return
        self._errors[key] = message
        log.warning(message)
        if self.on_error is not None:
            try:
                self.on_error(message)
            except Exception:
                log.exception("watch folder error callback failed")

    # ----------------------------------------------------------------- thread
    def run(self, cancel: CancelToken) -> None:
        """Poll until ``cancel`` is cancelled (blocking; ``start`` runs it in a thread)."""
        while not cancel.cancelled:
            try:
                with self._lock:  # cancel ends a long pass (a first start) between photos
                    self._poll(time.monotonic(), cancel)
            except Exception:  # keep watching: one bad pass must not end the session
                log.exception("watch folder pass failed")
            if cancel.wait(self.interval):
                break

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._token = CancelToken()
        self._thread = threading.Thread(target=self.run, args=(self._token,),
                                        name="coulisses-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = 10.0) -> None:
        """Stop polling; a photo being imported is finished first."""
        self._token.cancel()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


_CHUNK = 1 << 20
_UNREADABLE = (-1, -1)


def _identify(path: Path) -> _Identity:
    """The file's signature and content hash, read in one go (a few ms for a photo)."""
    hasher = content_hasher()
    try:
        with open(path, "rb") as fh:
            before = os.fstat(fh.fileno())
            read = 0
            while chunk := fh.read(_CHUNK):
                hasher.update(chunk)
                read += len(chunk)
            after = os.fstat(fh.fileno())
    except OSError:
        return _Identity(_UNREADABLE, None)  # the import will say what is wrong with it
    signature = (after.st_size, after.st_mtime_ns)
    if (before.st_size, before.st_mtime_ns) != signature or read != after.st_size:
        return _Identity(signature, None)  # still being written
    return _Identity(signature, hasher.hexdigest())

