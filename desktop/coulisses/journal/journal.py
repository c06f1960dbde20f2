"""The journal: pieces, their stills and the moments the maker authored.

Layout under the journal root (see DESIGN.md, "Journal guarantees")::

    coulisses.json                 journal-wide settings, schema version
    pieces/<piece-id>/piece.json   the piece, its moments, gaps, dismissed suggestions
    pieces/<piece-id>/stills/<day>/<capture-id>.jpg
    pieces/<piece-id>/thumbs/<day>/<capture-id>.jpg
    pieces/<piece-id>/set-aside/   damaged files moved out of the way, never deleted
    pieces/<piece-id>/cache/       files that can be rebuilt (signatures, the added-stills log)

Only what the maker authors goes into TinyDB; stills are indexed by their file
names, so adding one costs the same for the first still and the 100,000th.
Every method is safe to call from several threads and processes at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time as _time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from tinydb import Query, TinyDB

from coulisses.atomicio import free_bytes, make_dirs, write_bytes
from coulisses.i18n import tr
from coulisses.journal import activity as activity_mod
from coulisses.journal import generations, layout, leftovers, moving, piece_settings, stills
from coulisses.journal import hidden as hidden_mod
from coulisses.journal.confine import open_append, require_inside
from coulisses.journal.edits import Change, MoveResult
from coulisses.journal.errors import (
    CaptureNotFound,
    ChangedElsewhere,
    CorruptFile,
    JournalError,
    MissingFile,
    MomentNotFound,
    PieceNotFound,
)
from coulisses.journal.hidden import HiddenRanges
from coulisses.journal.home import resolve_home
from coulisses.journal.ids import is_valid_id, safe_filename_part, slugify, unique_id
from coulisses.journal.layout import LOCK, PIECE_FILE, PIECES, ROOT_FILE
from coulisses.journal.model import (
    MOMENT_KINDS,
    Capture,
    Gap,
    Moment,
    Piece,
    PieceSnapshot,
    iso,
    parse_iso,
    utc_now,
)
from coulisses.journal.problems import Problems
from coulisses.journal.recovery import TableFiles
from coulisses.journal.schema import SCHEMA_VERSION
from coulisses.journal.shape import piece_problem, root_problem
from coulisses.journal.storage import encode, locked, open_db
from coulisses.redaction import redact

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

SIGNATURES = "signatures"  # the cache folder of stored suggestion signatures
# A day folder's still count is cached when the folder is older than this: a
# change within the same timestamp tick would not change its mtime.
_SETTLED_NS = 2_000_000_000

Stamp = tuple[int, int, int] | None  # (inode, mtime ns, size) of a file, None if absent
# ``expect=`` left out: the edit happens whatever the value is now (see ``_check``).
ANY: Any = object()


@dataclass(frozen=True, slots=True)
class JournalEvent:
    """What changed, for observers (the app refreshes its views from these)."""

    kind: str  # piece-created | capture-added | moment-changed | gap-recorded | piece-changed
    piece_id: str
    payload: Any = None


Listener = Callable[[JournalEvent], None]


class Journal:
    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self._listeners: list[Listener] = []
        self._problems = Problems()
        self._tables = TableFiles(self._problems.add)
        self._day_counts: dict[Path, tuple[tuple[int, int], int]] = {}
        try:
            make_dirs(self.home / PIECES)
        except (FileExistsError, NotADirectoryError):
            in_the_way = next((p for p in (self.home / PIECES, *(self.home / PIECES).parents)
                               if p.exists() and not p.is_dir()), self.home)
            raise JournalError(tr(
                "{home} cannot be used as the journal folder ({path} is a file, not a folder); "
                "choose another folder", home=self.home, path=in_the_way)) from None
        with locked(self.home / LOCK):
            root = self.home / ROOT_FILE
            # A journal that has pieces but lost coulisses.json is recovered, a new one made.
            self._tables.prepare(root, fresh=_fresh_root_data, check=root_problem,
                                 expected=lambda: bool(self.piece_ids()) or bool(
                                     generations.listing(root)))
            leftovers.sweep_new(self.home / PIECES)
        self.finish_moves()

    @classmethod
    def open(cls, home: str | os.PathLike[str] | None = None) -> Journal:
        return cls(resolve_home(home))

    # ----------------------------------------------------------------- observers
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every change; returns a function that unsubscribes.

        Listeners run on the thread that made the change: a Qt view must hop to
        its own thread (a queued signal) before touching widgets.
        """
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, kind: str, piece_id: str, payload: Any = None) -> None:
        event = JournalEvent(kind, piece_id, payload)
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # an observer must never break a capture
                log.exception("journal listener failed")

    @property
    def problems(self) -> tuple[str, ...]:
        """Messages about damaged files found since the journal was opened (the last 100)."""
        return self._problems.all()

    def problems_of(self, piece_id: str | None) -> tuple[str, ...]:
        """The problems of one piece, or with None those of the journal as a whole."""
        return self._problems.of(piece_id)

    def report(self, message: str, piece_id: str | None = None) -> None:
        """Say a problem once (the app shows them, the CLI prints them)."""
        self._problems.add(message, piece_id)

    # ------------------------------------------------------------------- pieces
    def piece_folder(self, piece_id: str, must_exist: bool = True) -> Path:
        """The piece's folder; the only way from a piece id (validated here) to a path.

        A piece folder that is a link is refused: the journal never writes outside
        its own folder, whatever a synced or shared journal holds.
        """
        if not is_valid_id(piece_id):
            raise PieceNotFound(tr("no piece with id {id!r}", id=piece_id))
        folder = self.home / PIECES / piece_id
        if must_exist and (not folder.is_dir() or folder.is_symlink()):
            raise PieceNotFound(
                tr("no piece {id!r} in {home}; `coulisses piece list` shows the pieces",
                   id=piece_id, home=self.home))
        return folder

    @contextlib.contextmanager
    def tables(self, piece_id: str) -> Iterator[TinyDB]:
        """The piece's ``piece.json`` as a TinyDB, under the piece's lock (threads and
        processes), checked and recovered first. Every read and write of a piece's
        metadata goes through here."""
        folder = self.piece_folder(piece_id)
        path = folder / PIECE_FILE
        fresh = lambda: _fresh_piece_data(piece_id, piece_id)  # noqa: E731
        with locked(folder / LOCK):
            self._tables.prepare(path, fresh, piece_problem, piece_id,
                                 expected=lambda: leftovers.has_content(folder))
            db = open_db(path, piece_problem)
            before = _stamp(path)  # a write replaces the file: a new stamp
            try:
                yield db
            except (CorruptFile, MissingFile) as exc:
                # Damaged or removed by something else since we checked: recover, then
                # let the caller see a clear error rather than half an operation.
                self._tables.forget(path)
                self._tables.recover(path, exc if isinstance(exc, CorruptFile) else None,
                                     fresh, piece_problem, piece_id)
                raise JournalError(tr("{path} was damaged and has been repaired; try again",
                                        path=path)) from None
            finally:
                db.close()
            if _stamp(path) != before:  # an edit: when the maker last worked on the piece
                activity_mod.note_edit(folder)

    def create_piece(self, name: str) -> Piece:
        name = " ".join(name.split())
        if not name:
            raise JournalError(tr("a piece needs a name"))
        if len(name) > 200:
            name = name[:200]
        with locked(self.home / LOCK):
            root = self.home / PIECES
            taken = {p.name for p in root.iterdir()}
            taken -= {t for t in taken if leftovers.is_leftover(root / t)}
            # Compared without case: on macOS and Windows (and once synced there) the
            # maker's own folder 'Bol' is the folder 'bol', never a place for a piece.
            piece_id = unique_id(slugify(name), {t.casefold() for t in taken})
            # Made whole in a temp folder, then renamed in: a full disk or a kill leaves
            # no half-made piece behind (and a retry gets the same id).
            leftovers.create(root, piece_id, encode(_fresh_piece_data(piece_id, name)),
                            PIECE_FILE)
        piece = self.piece(piece_id)
        self._emit("piece-created", piece_id, piece)
        return piece

    def piece_ids(self) -> list[str]:
        root = self.home / PIECES
        with os.scandir(root) as entries:
            return sorted(e.name for e in entries
                          if e.is_dir(follow_symlinks=False) and is_valid_id(e.name)
                          and leftovers.is_piece(Path(e.path)))

    def pieces(self) -> list[Piece]:
        out = []
        for link in _linked_pieces(self.home / PIECES):
            self.report(tr("{path} is a link to a folder elsewhere; Coulisses only keeps pieces "
                           "inside the journal folder, so it leaves it alone: move that folder "
                           "into {pieces} to use it again.", path=link,
                           pieces=self.home / PIECES), None)
        for pid in self.piece_ids():
            try:
                out.append(self.piece(pid))
            except JournalError as exc:
                self.report(str(exc), pid)
        return out

    def piece(self, piece_id: str) -> Piece:
        with self.tables(piece_id) as db:
            return self._piece_of(piece_id, db.table("piece").get(doc_id=1) or {})

    def _piece_of(self, piece_id: str, doc: dict[str, Any]) -> Piece:
        created = doc.get("created")
        return Piece(
            id=piece_id,
            name=doc.get("name") or piece_id,
            created=parse_iso(created) if created else utc_now(),
            settings=MappingProxyType(dict(doc.get("settings") or {})),
            folder=self.piece_folder(piece_id),
        )

    def find_piece(self, ref: str) -> Piece:
        """A piece by id or by name (what a maker types on the command line)."""
        if is_valid_id(ref) and (self.home / PIECES / ref).is_dir():
            return self.piece(ref)
        wanted = " ".join(ref.split()).casefold()
        pieces = self.pieces()
        for p in pieces:
            if p.name.casefold() == wanted:
                return p
        slug = slugify(ref)
        for p in pieces:
            if p.id == slug:
                return p
        raise PieceNotFound(tr("no piece called {name!r}; `coulisses piece list` shows the "
                               "pieces", name=ref))

    def update_piece_settings(self, piece_id: str, **settings: Any) -> Piece:
        """Change declared settings (``piece_settings.PieceSettings``); None restores a
        setting's default. An unknown setting or a value of the wrong type is refused."""
        try:
            values = piece_settings.checked(**settings)
        except ValueError as exc:
            raise JournalError(tr("{problem}; nothing was changed", problem=exc)) from None
        self._write_settings(piece_id, values)
        self._emit("piece-changed", piece_id)
        return self.piece(piece_id)

    def _write_settings(self, piece_id: str, values: dict[str, Any],
                        check: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
        """Merge stored settings (None removes one); returns the settings as they were.
        ``check(settings as stored)`` may refuse the change (it raises), under the lock."""
        with self.tables(piece_id) as db:
            table = db.table("piece")
            doc: dict[str, Any] = dict(table.get(doc_id=1) or {})
            before = dict(doc.get("settings") or {})
            if check is not None:
                check(before)
            merged = dict(before)
            for key, value in values.items():
                if value is None:
                    merged.pop(key, None)
                else:
                    merged[key] = value
            if merged != before:
                table.update({"settings": merged}, doc_ids=[1])
        return before

    def set_piece_setting(self, piece_id: str, name: str, value: Any, *,
                          expect: Any = ANY) -> Change[Any]:
        """One declared setting (craft, archived…; None: its default), compare-and-swap:
        ``expect`` is its value now as ``PieceSettings`` reads it, else ChangedElsewhere."""
        try:
            values = piece_settings.checked(**{name: value})
        except ValueError as exc:
            raise JournalError(tr("{problem}; nothing was changed", problem=exc)) from None

        def read(stored: dict[str, Any]) -> Any:
            return getattr(piece_settings.PieceSettings.from_mapping(stored), name)

        before = self._write_settings(piece_id, values, lambda now: _check(
            read(now), expect, tr("this setting of the piece was changed elsewhere meanwhile")))
        after = {k: v for k, v in {**before, **values}.items() if v is not None}
        self._emit("piece-changed", piece_id)
        return Change(read(before), read(after))

    def rename_piece(self, piece_id: str, name: str, *, expect: str | None = None) -> Piece:
        """``expect``: the name now, else ChangedElsewhere (undo of a rename)."""
        name = " ".join(name.split())
        if not name:
            raise JournalError(tr("a piece needs a name"))
        with self.tables(piece_id) as db:
            table = db.table("piece")
            if expect is not None:
                doc = table.get(doc_id=1)
                _check(doc.get("name") if isinstance(doc, dict) else None, expect,
                       tr("the piece was renamed elsewhere meanwhile"))
            table.update({"name": name}, doc_ids=[1])
        self._emit("piece-changed", piece_id)
        return self.piece(piece_id)

    # ------------------------------------------------------------------ stills
    def add_still(self, piece_id: str, jpeg: bytes, taken_at: datetime, *,
                  thumbnail: bytes | None = None, source: str | None = None,
                  skip_duplicate: bool = False,
                  signature: np.ndarray | bytes | None = None) -> Capture | None:
        """Store one still (JPEG bytes) taken at ``taken_at``; atomic, never overwrites.

        ``source`` is the original file name of an imported photo. With
        ``skip_duplicate`` a photo already imported (same time, same source)
        is not stored again and None is returned. Raises DiskFullError when the
        disk is full, with nothing written under a final name.

        The still's suggestion signature (``signature``, else made from
        ``thumbnail``) is stored beside it, so the first timeline of a fresh
        piece decodes nothing.
        """
        if taken_at.tzinfo is None:
            raise ValueError("taken_at must carry a time zone")
        if signature is not None:
            signature = _signature_array(signature)  # refused before anything is written
        folder = self.piece_folder(piece_id)
        src = safe_filename_part(source) if source else None
        for seq in range(10_000):
            cid = stills.capture_id(taken_at, seq, src)
            path = stills.still_path(folder, cid)
            require_inside(folder, path.parent)  # a planted link never takes a still outside
            try:
                write_bytes(path, jpeg, overwrite=False)
            except FileExistsError:
                if skip_duplicate:
                    return None
                continue
            break
        else:  # pragma: no cover - ten thousand stills in one millisecond
            raise JournalError("too many stills at the same instant")
        if thumbnail is not None:
            try:
                write_bytes(require_inside(folder, stills.thumb_path(folder, cid).parent)
                            / path.name, thumbnail)
            except OSError as exc:  # the still is safe; a thumbnail can be remade
                log.warning("thumbnail for %s not written: %s", cid, exc)
        self._store_signature(folder, path.parent.name, cid, signature, thumbnail)
        self._log_added(folder, cid)
        time, _, _ = stills.parse_capture_id(cid)  # type: ignore[misc]
        capture = Capture(cid, time, path.parent, source if source else None)
        self._emit("capture-added", piece_id, capture)
        return capture

    def _store_signature(self, folder: Path, day: str, cid: str,
                         signature: np.ndarray | bytes | None, thumbnail: bytes | None) -> None:
        from coulisses.journal import codec, sigstore  # numpy/OpenCV only when storing

        if signature is None and thumbnail is not None:
            signature = codec.signature_from_jpeg(thumbnail)  # ~0.2 ms: a 1/8 decode
        if signature is None:
            return  # computed from the still when first needed
        signature = _signature_array(signature)
        try:
            where = layout.cache_dir(folder, SIGNATURES)
        except OSError as exc:
            log.warning("signature of %s not stored: %s", cid, exc)
            return
        sigstore.append(where, day, cid, signature)

    def _log_added(self, folder: Path, cid: str) -> None:
        # One O_APPEND line: its file size is the change counter other processes stat.
        path = layout.added_log(folder)
        try:
            make_dirs(require_inside(folder, path.parent))
            fd = open_append(path)
            try:
                os.write(fd, cid.encode("utf-8") + b"\n")
            finally:
                os.close(fd)
        except OSError as exc:  # only the app's refresh would notice, and late
            log.warning("still %s not logged: %s", cid, exc)

    def cache_dir(self, piece_id: str, name: str) -> Path:
        """A folder for files the piece can rebuild (``name``: lowercase letters, digits,
        ``-``), created durably. Only the journal knows where it is."""
        return layout.cache_dir(self.piece_folder(piece_id), name)

    # ------------------------------------------------------- cheap change checks
    def change_token(self, piece_id: str | None = None) -> tuple:
        """Equal tokens mean nothing visible changed (across processes); a few stats.

        For a piece: its newest still (newest day folder, then one folder
        listing), piece.json's inode/mtime/size (every write replaces the file
        and the previous inode lives on as ``.bak``, so each write gives a new
        stamp) and the size of the added-stills log (an older photo imported
        into an older day changes nothing else). For None: every piece's id
        and stamps, and coulisses.json's.
        """
        if piece_id is None:
            root = self.home / PIECES
            return ("journal", _stamp(self.home / ROOT_FILE),
                    tuple((pid, _stamp(root / pid / PIECE_FILE),
                           _size(layout.added_log(root / pid))) for pid in self.piece_ids()))
        folder = self.piece_folder(piece_id)
        day, newest = stills.newest(folder)
        return ("piece", piece_id, day, newest, _stamp(folder / PIECE_FILE),
                _size(layout.added_log(folder)))

    def latest_capture(self, piece_id: str) -> Capture | None:
        """The newest still, from the newest day folder alone (cheap at any size)."""
        folder = self.piece_folder(piece_id)
        day, newest = stills.newest(folder)
        if day is None or newest is None:
            return None
        parsed = stills.parse_capture_id(newest)
        if parsed is None:  # pragma: no cover - newest() only returns valid names
            return None
        return Capture(newest, parsed[0], folder / stills.STILLS / day, parsed[2])

    def last_activity(self, piece_id: str, *, latest: Capture | None = None) -> datetime:
        """When the maker last worked on the piece: a still, a moment, an import or an
        edit (``journal.activity``); one read of piece.json, one day listing (none when
        given the ``latest`` still just read), two stats."""
        with self.tables(piece_id) as db:
            data = db.storage.read() or {}
        latest = latest or self.latest_capture(piece_id)
        return activity_mod.last_activity(self.piece_folder(piece_id), data,
                                          latest.time if latest is not None else None)

    def still_count(self, piece_id: str) -> int:
        """How many stills the piece has: one listing per changed day folder."""
        root = self.piece_folder(piece_id) / stills.STILLS
        total = 0
        settled = _time.time_ns() - _SETTLED_NS
        for day in stills.day_names(root.parent):
            path = root / day
            try:
                st = os.stat(path)
            except FileNotFoundError:
                continue
            key = (st.st_ino, st.st_mtime_ns)
            cached = self._day_counts.get(path)
            if cached is not None and cached[0] == key:
                total += cached[1]
                continue
            count = stills.count_in_day(path)
            if st.st_mtime_ns < settled:
                self._day_counts[path] = (key, count)
            total += count
        return total

    def has_still(self, piece_id: str, taken_at: datetime, source: str | None = None) -> bool:
        folder = self.piece_folder(piece_id)
        src = safe_filename_part(source) if source else None
        return stills.still_path(folder, stills.capture_id(taken_at, 0, src)).exists()

    def has_capture(self, piece_id: str, capture_id: str) -> bool:
        """Whether the piece has this still (one listing of its day folder)."""
        return stills.Listing(self.piece_folder(piece_id)).exists(capture_id)

    def captures(self, piece_id: str) -> tuple[list[Capture], list[str]]:
        return stills.scan(self.piece_folder(piece_id))

    def free_bytes(self) -> int:
        return free_bytes(self.home)

    # ----------------------------------------------------------------- snapshot
    def snapshot(self, piece_id: str) -> PieceSnapshot:
        """An immutable view of the piece as it is now."""
        self.finish_moves()  # a move another process left half done (one stat a piece)
        with self.tables(piece_id) as db:
            # One read of piece.json for the whole view (each TinyDB table call re-reads it).
            data = db.storage.read() or {}
            folder = self.piece_folder(piece_id)
            leftovers.sweep_piece(folder, folder / layout.CACHE)

        def table(name: str) -> list[dict[str, Any]]:
            return list((data.get(name) or {}).values())

        piece = self._piece_of(piece_id, (data.get("piece") or {}).get("1") or {})
        moment_docs, gap_docs, meta_docs = table("moments"), table("gaps"), table("capture_meta")
        dismissed = frozenset(d["key"] for d in table("dismissed") if "key" in d)
        hidden = hidden_mod.of_data(data)
        misnamed: list[Path] = []
        captures, problems = stills.scan(piece.folder, misnamed)
        if misnamed:
            captures, problems = self._rename_misnamed(piece_id, misnamed)
        moments = sorted((_moment(d) for d in moment_docs), key=lambda m: (m.time, m.created))
        gaps = sorted((Gap(parse_iso(d["start"]), parse_iso(d["end"]) if d.get("end") else None,
                           redact(d.get("reason", "")), d.get("kind", "")) for d in gap_docs),
                      key=lambda g: g.start)
        meta = MappingProxyType({d["capture"]: MappingProxyType(dict(d.get("meta") or {}))
                                 for d in meta_docs if "capture" in d})
        own = self.problems_of(None) + self.problems_of(piece_id)
        return PieceSnapshot(piece=piece, captures=tuple(captures), moments=tuple(moments),
                             gaps=tuple(gaps), dismissed=dismissed, capture_meta=meta,
                             taken_at=utc_now(), problems=own + tuple(problems),
                             hidden=hidden, activity=activity_mod.last_activity(
                                 piece.folder, data, captures[-1].time if captures else None))

    def _rename_misnamed(self, piece_id: str,
                         paths: list[Path]) -> tuple[list[Capture], list[str]]:
        """Stills an older Coulisses stored under names that are not valid UTF-8 get a
        valid one (nothing in piece.json can name them: writing it failed)."""
        folder = self.piece_folder(piece_id)
        with locked(folder / LOCK):
            for old, new in stills.rename_misnamed(paths):
                self.report(tr("The still {old} had a name Coulisses could not use; it is now "
                               "{new}.", old=os.fsencode(old.name).decode("utf-8", "replace"),
                               new=new.file_name), piece_id)
        return stills.scan(folder)

    # ------------------------------------------------------------------ moments
    def add_moment(self, piece_id: str, kind: str, *, at: str | datetime | None = "last",
                   caption: str = "", span_to: str | None = None) -> Moment:
        """Flag a moment. ``at``: "last" (latest still), a capture id, or a time.

        A time is tied to the nearest still at or before it (or after it when
        there is none before); with no still yet the moment keeps the time alone.
        """
        if kind not in MOMENT_KINDS:
            raise JournalError(tr("unknown moment kind {kind!r}; use one of {kinds}",
                                  kind=kind, kinds=", ".join(MOMENT_KINDS)))
        listing = stills.Listing(self.piece_folder(piece_id))
        capture, time = _resolve_at(listing, at)
        if span_to is not None:
            _require(listing, span_to)
            if capture is None or span_to < capture.id:
                raise JournalError(tr("a span must end at or after the still it starts from"))
        now = utc_now()
        moment = Moment(id="m" + uuid.uuid4().hex[:10], kind=kind,
                        capture=capture.id if capture else None, time=time,
                        caption=caption, created=now, span_to=span_to)
        moment = _moment(_moment_doc(moment))  # as stored (ms): equal to what a read returns
        with self.tables(piece_id) as db:
            db.table("moments").insert(_moment_doc(moment))
        self._emit("moment-changed", piece_id, moment)
        return moment

    def update_moment(self, piece_id: str, moment_id: str, **changes: Any) -> Moment:
        """Change a moment's ``caption``, ``kind``, ``capture`` or ``span_to``."""
        return self.edit_moment(piece_id, moment_id, **changes).after

    def moment(self, piece_id: str, moment_id: str) -> Moment:
        """One moment as stored now (reads piece.json only, never the stills)."""
        with self.tables(piece_id) as db:
            doc = db.table("moments").get(Query().id == moment_id)
        if doc is None:
            raise MomentNotFound(tr("no moment {moment!r} in piece {piece!r}",
                                        moment=moment_id, piece=piece_id))
        return _moment(doc)  # type: ignore[arg-type]

    def edit_moment(self, piece_id: str, moment_id: str, *, expect: Moment | None = None,
                    **changes: Any) -> Change[Moment]:
        """``update_moment`` returning the moment before and after (read under the lock).

        ``expect``: the moment as the caller last saw it (an undo: its ``Change.after``);
        if the stored one differs, ChangedElsewhere and nothing changes.
        A still named by ``capture`` or ``span_to`` is checked with one day
        listing, not a scan of the piece.
        """
        allowed = {"caption", "kind", "capture", "span_to", "time"}
        unknown = set(changes) - allowed
        if unknown:
            raise JournalError(tr("cannot change {fields} of a moment",
                                  fields=", ".join(sorted(unknown))))
        if "kind" in changes and changes["kind"] not in MOMENT_KINDS:
            raise JournalError(tr("unknown moment kind {kind!r}", kind=changes["kind"]))
        update: dict[str, Any] = dict(changes)
        if isinstance(update.get("time"), datetime):  # undo puts a stillless moment back
            update["time"] = iso(update["time"])
        elif "time" in update:
            raise JournalError(tr("a moment's time must be a date and time"))
        listing = stills.Listing(self.piece_folder(piece_id))
        if changes.get("capture") is not None:
            update["time"] = iso(_require(listing, changes["capture"]).time)  # wins over time
        if changes.get("span_to") is not None:
            _require(listing, changes["span_to"])
        with self.tables(piece_id) as db:
            table = db.table("moments")
            q = Query()
            doc = table.get(q.id == moment_id)
            if doc is None:
                raise MomentNotFound(tr("no moment {moment!r} in piece {piece!r}",
                                        moment=moment_id, piece=piece_id))
            before = _moment(doc)  # type: ignore[arg-type]
            _check_moment(before, expect)
            start = update.get("capture", before.capture)
            end = update.get("span_to", before.span_to)
            if end is not None and (start is None or end < start):
                raise JournalError(tr("a span must end at or after the still it starts from"))
            table.update(update, q.id == moment_id)
            after = _moment(table.get(q.id == moment_id))  # type: ignore[arg-type]
        self._emit("moment-changed", piece_id, after)
        return Change(before, after)

    def delete_moment(self, piece_id: str, moment_id: str, *,
                      expect: Moment | None = None) -> Moment:
        """Delete a moment; returns it as it was (``restore_moment`` brings it back).
        ``expect``: as in ``edit_moment``."""
        with self.tables(piece_id) as db:
            table = db.table("moments")
            doc = table.get(Query().id == moment_id)
            if doc is None:
                raise MomentNotFound(tr("no moment {moment!r} in piece {piece!r}",
                                        moment=moment_id, piece=piece_id))
            _check_moment(_moment(doc), expect)  # type: ignore[arg-type]
            table.remove(Query().id == moment_id)
        self._emit("moment-changed", piece_id, None)
        return _moment(doc)  # type: ignore[arg-type]

    def restore_moment(self, piece_id: str, moment: Moment) -> Moment:
        """Add back a deleted moment with its id, still, caption and creation time.

        Restoring a moment that is already there as it was does nothing; one of
        the same id that differs is refused (it was edited since).
        """
        if moment.kind not in MOMENT_KINDS:
            raise JournalError(tr("unknown moment kind {kind!r}", kind=moment.kind))
        if not moment.id:
            raise JournalError(tr("a moment needs an id"))
        moment = _moment(_moment_doc(moment))  # as stored (ms)
        with self.tables(piece_id) as db:
            table = db.table("moments")
            doc = table.get(Query().id == moment.id)
            if doc is not None:
                if _moment(doc) == moment:  # type: ignore[arg-type]
                    return moment
                raise ChangedElsewhere(tr("moment {id} was changed since; it cannot be put "
                                          "back as it was", id=moment.id))
            table.insert(_moment_doc(moment))
        self._emit("moment-changed", piece_id, moment)
        return moment

    # ----------------------------------------------- gaps, suggestions, capture meta
    def record_gap(self, piece_id: str, start: datetime, end: datetime | None = None,
                   reason: str = "", kind: str = "") -> int:
        """Record that capture stopped at ``start`` (``kind``: why, as
        ``timeline.gap_kinds`` names it; ``reason`` in words); ``end_gap`` closes it."""
        doc: dict[str, Any] = {"start": iso(start), "end": iso(end) if end else None,
                               "reason": redact(reason)}
        if kind:
            doc["kind"] = kind
        with self.tables(piece_id) as db:
            gid = db.table("gaps").insert(doc)
        self._emit("gap-recorded", piece_id, gid)
        return gid

    def end_gap(self, piece_id: str, gap_id: int, end: datetime) -> None:
        with self.tables(piece_id) as db:
            db.table("gaps").update({"end": iso(end)}, doc_ids=[gap_id])
        self._emit("gap-recorded", piece_id, gap_id)

    def dismiss_suggestion(self, piece_id: str, key: str, *,
                           expect: bool | None = None) -> Change[bool]:
        """Never suggest ``key`` again; Change(before=was it dismissed, after=True).
        ``expect``: whether it is dismissed now, else ChangedElsewhere."""
        with self.tables(piece_id) as db:
            table = db.table("dismissed")
            was = bool(table.search(Query().key == key))
            _check_dismissed(was, expect)
            if not was:
                table.insert({"key": key, "at": iso(utc_now())})
        self._emit("piece-changed", piece_id)
        return Change(was, True)

    def undismiss_suggestion(self, piece_id: str, key: str, *,
                             expect: bool | None = None) -> Change[bool]:
        """Suggest ``key`` again (undo of a dismissal); ``expect`` as in dismissing."""
        with self.tables(piece_id) as db:
            table = db.table("dismissed")
            if expect is not None:
                _check_dismissed(bool(table.search(Query().key == key)), expect)
            was = bool(table.remove(Query().key == key))
        self._emit("piece-changed", piece_id)
        return Change(was, False)

    # ------------------------------------------------------ curation: hide, cover, focus
    def hidden(self, piece_id: str) -> HiddenRanges:
        with self.tables(piece_id) as db:
            return hidden_mod.of_data(db.storage.read() or {})

    def hide_stills(self, piece_id: str, capture_ids: Sequence[str], *,
                    exact: bool = False) -> Change[HiddenRanges]:
        """Hide stills from every export (they stay on disk and in the timeline).

        ``Change.ids`` are the stills that were visible and are hidden now:
        ``unhide_stills(piece_id, change.ids, exact=True)`` undoes exactly this call.
        ``exact``: every one must be shown now, else ChangedElsewhere and nothing changes.
        """
        ids = sorted(set(capture_ids))
        listing = stills.Listing(self.piece_folder(piece_id))
        for cid in ids:
            if not listing.exists(cid):
                raise CaptureNotFound(tr("no still {id!r} in this piece", id=cid))
        with self.tables(piece_id) as db:
            before = hidden_mod.of_data(db.storage.read() or {})
            new = [c for c in ids if c not in before]
            _check_all(exact, new, ids)
            if not new:
                return Change(before, before)
            after = hidden_mod.hide_more(before, new, listing)
            _store_hidden(db, after)
        self._emit("piece-changed", piece_id)
        return Change(before, after, tuple(new))

    def unhide_stills(self, piece_id: str, capture_ids: Sequence[str], *,
                      exact: bool = False) -> Change[HiddenRanges]:
        """Show stills again; ``Change.ids`` are those that were hidden (``exact``: every
        one must be hidden now, else ChangedElsewhere)."""
        ids = sorted(set(capture_ids))
        listing = stills.Listing(self.piece_folder(piece_id))
        with self.tables(piece_id) as db:
            before = hidden_mod.of_data(db.storage.read() or {})
            shown = [c for c in ids if c in before]
            _check_all(exact, shown, ids)
            if not shown:
                return Change(before, before)
            after = before.without_ids(shown, listing.before, listing.after)
            _store_hidden(db, after)
        self._emit("piece-changed", piece_id)
        return Change(before, after, tuple(shown))

    def set_cover(self, piece_id: str, capture_id: str | None, *,
                  expect: Any = ANY) -> Change[str | None]:
        """The still the export's cover shows (None: the export picks the result).
        ``expect``: the cover now (None included), else ChangedElsewhere."""
        if capture_id is not None:
            _require(stills.Listing(self.piece_folder(piece_id)), capture_id)
        before = self._write_settings(
            piece_id, {piece_settings.COVER: capture_id}, lambda now: _check(
                piece_settings.PieceSettings.from_mapping(now).cover, expect,
                tr("the cover was changed elsewhere meanwhile")))
        self._emit("piece-changed", piece_id)
        return Change(piece_settings.PieceSettings.from_mapping(before).cover, capture_id)

    def set_focus(self, piece_id: str, focus: tuple[float, float] | None,
                  capture_id: str | None = None, *,
                  expect: Any = ANY) -> Change[tuple[float, float] | None]:
        """The focus point of the 9:16 crop, for one still or (``capture_id`` None) the piece.

        ``focus`` is (x, y) in 0..1 of the still (clamped); None removes it, so the
        still follows the piece's focus again, or the piece the centre. ``expect``: the
        point now (None included), else ChangedElsewhere.
        """
        moved = tr("the focus point was changed elsewhere meanwhile")
        point = piece_settings.parse_focus(focus)
        if focus is not None and point is None:
            raise JournalError(tr("{focus!r} is not a focus point; give two numbers, x and y "
                                  "between 0 and 1", focus=focus))
        if capture_id is None:
            old = self._write_settings(
                piece_id, {piece_settings.FOCUS: piece_settings.focus_json(point)},
                lambda now: _check(piece_settings.PieceSettings.from_mapping(now).focus, expect,
                                   moved))
            self._emit("piece-changed", piece_id)
            return Change(piece_settings.PieceSettings.from_mapping(old).focus, point)
        _require(stills.Listing(self.piece_folder(piece_id)), capture_id)
        with self.tables(piece_id) as db:
            table = db.table("capture_meta")
            q = Query()
            doc: dict[str, Any] | None = table.get(q.capture == capture_id)  # type: ignore[assignment]
            meta = dict((doc or {}).get("meta") or {})
            was = piece_settings.StillSettings.from_mapping(meta).focus
            _check(was, expect, moved)
            if point is None:
                meta.pop(piece_settings.STILL_FOCUS, None)
            else:
                meta[piece_settings.STILL_FOCUS] = piece_settings.focus_json(point)
            if meta:
                table.upsert({"capture": capture_id, "meta": meta}, q.capture == capture_id)
            elif doc is not None:
                table.remove(q.capture == capture_id)
        self._emit("piece-changed", piece_id)
        return Change(was, point)

    # ------------------------------------------------------------- moving stills
    def move_stills(self, src_piece: str, capture_ids: Sequence[str], dst_piece: str,
                    progress: Callable[[int, int], None] | None = None) -> MoveResult:
        """Move stills to another piece with their moments, settings and hidden state.

        Files are renamed (never copied), and a crash at any instant leaves each
        still in exactly one piece: an intent record written first lets the next
        ``Journal.open`` (or snapshot) finish the move. See ``journal.moving``.
        ``progress(done, total)`` is called (on this thread) as each still is handled.
        """
        result = moving.move(self, src_piece, capture_ids, dst_piece, progress=progress)
        self._emit("piece-changed", src_piece, result)
        self._emit("piece-changed", dst_piece, result)
        return result

    def move_back(self, result: MoveResult) -> MoveResult:
        """Undo a move: the stills go back to their piece under their old ids where free."""
        # The spans and the cover the move cut are put back by the back move itself (its
        # intent record carries them), so a kill can never leave the undo half done.
        there = result.mapping  # original id -> id in dst now
        restore = moving.Restore(
            spans=tuple((mid, there.get(end, end), end in there) for mid, end in result.spans),
            cover=(there[result.cover], True) if result.cover in there else None)
        back = moving.move(self, result.dst, result.after, result.src,
                           wanted=dict(zip(result.after, result.before, strict=True)),
                           restore=restore)
        self._emit("piece-changed", result.dst, back)
        self._emit("piece-changed", result.src, back)
        return back

    def finish_moves(self) -> None:
        """Finish (or set aside) every move a crash left half done; never raises."""
        moving.finish_pending(self)

    def set_capture_meta(self, piece_id: str, capture_id: str, **meta: Any) -> None:
        """Per-still settings the maker chose (e.g. focus point); few, so TinyDB is fine."""
        with self.tables(piece_id) as db:
            table = db.table("capture_meta")
            q = Query()
            doc: dict[str, Any] | None = table.get(q.capture == capture_id)  # type: ignore[assignment]
            merged = dict((doc or {}).get("meta") or {})
            merged.update(meta)
            table.upsert({"capture": capture_id, "meta": merged}, q.capture == capture_id)
        self._emit("piece-changed", piece_id)


# ---------------------------------------------------------------------- helpers
def _signature_array(signature: np.ndarray | bytes) -> np.ndarray:
    import numpy as np

    from coulisses.journal.codec import SIG_SIZE

    if isinstance(signature, bytes | bytearray | memoryview):
        array = np.frombuffer(signature, np.uint8)
    else:
        array = np.asarray(signature)
        if array.dtype != np.uint8:
            raise ValueError("a signature is made of uint8 levels")
    if array.size != SIG_SIZE:
        raise ValueError(f"a signature has {SIG_SIZE} values, not {array.size}")
    return array.reshape(-1)


def _stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0


def _linked_pieces(root: Path) -> list[Path]:
    with contextlib.suppress(OSError), os.scandir(root) as entries:
        return [Path(e.path) for e in entries if e.is_symlink() and is_valid_id(e.name)]
    return []


def _fresh_root_data() -> dict[str, Any]:
    return {"_meta": {"1": {"schema": SCHEMA_VERSION}}}


def _fresh_piece_data(piece_id: str, name: str) -> dict[str, Any]:
    return {"_meta": {"1": {"schema": SCHEMA_VERSION}},
            "piece": {"1": {"id": piece_id, "name": name, "created": iso(utc_now()),
                            "settings": {}}}}


def _moment_doc(m: Moment) -> dict[str, Any]:
    return m.to_json()


_moment = Moment.from_json


def _capture(listing: stills.Listing, cid: str) -> Capture:
    parsed = stills.parse_capture_id(cid)
    assert parsed is not None
    return Capture(cid, parsed[0], listing.piece_dir / stills.STILLS / stills.day_of(cid),
                   parsed[2])


def _require(listing: stills.Listing, capture_id: str) -> Capture:
    """The still, or CaptureNotFound (one day folder listed, cached for the call)."""
    if not listing.exists(capture_id):
        raise CaptureNotFound(tr("no still {id!r} in this piece", id=capture_id))
    return _capture(listing, capture_id)


def _check(now: Any, expect: Any, changed: str) -> None:
    """Compare-and-swap: refuse when the stored value is not the one expected."""
    if expect is not ANY and now != expect:
        raise ChangedElsewhere(changed)


def _check_moment(now: Moment, expect: Moment | None) -> None:
    if expect is not None:
        _check(now, _moment(_moment_doc(expect)),  # as stored (ms)
               tr("this moment was changed elsewhere meanwhile"))


def _check_dismissed(now: bool, expect: bool | None) -> None:
    if expect is not None:
        _check(now, expect, tr("this suggestion was dismissed or brought back elsewhere "
                               "meanwhile"))


def _check_all(exact: bool, changing: Sequence[str], asked: Sequence[str]) -> None:
    if exact and len(changing) != len(asked):
        raise ChangedElsewhere(tr("some of these stills were hidden or shown elsewhere "
                                  "meanwhile"))


def _store_hidden(db: TinyDB, hidden: HiddenRanges) -> None:
    data = db.storage.read() or {}
    hidden_mod.with_data(data, hidden)
    db.storage.write(data)


def _resolve_at(listing: stills.Listing,
                at: str | datetime | None) -> tuple[Capture | None, datetime]:
    if at is None or at == "last":
        last = listing.before("\x7f")
        if last is not None:
            cap = _capture(listing, last)
            return cap, cap.time
        return None, utc_now()
    if isinstance(at, str) and stills.parse_capture_id(at) is not None:
        cap = _require(listing, at)
        return cap, cap.time
    if isinstance(at, str):
        try:
            when = parse_iso(at)
        except ValueError:
            raise JournalError(tr("{at!r} is neither “last”, a still id nor a date and time "
                                  "like 2026-11-23T14:05", at=at)) from None
    else:
        when = at.astimezone(UTC)
    # Every id of that millisecond (with a -n or ~source tail) sorts before "\x7f".
    found = listing.before(stills.stamp(when) + "\x7f") or listing.first()
    if found is None:
        return None, when
    cap = _capture(listing, found)
    return cap, cap.time


__all__ = ["Journal", "JournalEvent"]
