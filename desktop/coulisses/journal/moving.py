"""Moving stills from one piece to another (two pieces captured in one session).

Files are renamed, never copied: the still keeps its bytes and its inode. A
crash (kill, power cut) at any instant must leave every still in exactly one
piece and every moment in the piece of its still, so a move is done in steps
that can be replayed:

1. everything the move will do is planned first (new names in the other
   piece, the moments, per-still settings, dismissed suggestions and hidden
   state that go along) and written atomically as an intent record,
   ``pieces/<src>/moving.json``;
2. each still is hard-linked under its new name, then unlinked from the old
   one (a link never replaces a file, so a still that arrived in the other
   piece under that name is never overwritten: the still then stays where it
   was); thumbnails follow, signatures and the content index are copied;
3. the other piece's ``piece.json`` gains the moments and settings of the
   stills that arrived, then the source's loses them;
4. the intent record is removed.

Both pieces are locked throughout. Whoever finds an intent record (the next
``Journal.open`` or snapshot, in any process) takes the same locks and replays
it from step 2; every step checks what is already done, so replaying twice is
harmless. Between a link and its unlink a still has two names; the replay
removes the old one.

An intent record is read from disk, so it is validated before anything in it
becomes a path (its pieces are the folder it lies in and a real piece, every
id a ``CaptureId``): a crafted or damaged one is set aside, never replayed. A
still that cannot be moved (another disk, a link, a file held open) stays
where it is and the move goes on without it; a move whose replay keeps failing
is set aside after ``MAX_TRIES`` attempts with one sentence, so the journal
always opens. A move never changes whether a still is shown: a still that was
visible arrives visible even inside a hidden stretch of the other piece.

This module sees the journal only through ``PieceStore`` (what ``Journal``
offers every caller), never its private parts.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tinydb import TinyDB

from coulisses.atomicio import DiskFullError, free_bytes, fsync_dir, make_dirs, write_bytes
from coulisses.i18n import tr
from coulisses.journal import hidden as hidden_mod
from coulisses.journal import layout, stills
from coulisses.journal.capture_id import CaptureId
from coulisses.journal.confine import is_own_file, no_link_between, open_append, require_inside
from coulisses.journal.edits import MoveResult
from coulisses.journal.errors import (
    CaptureNotFound,
    CorruptFile,
    JournalError,
    MissingFile,
)
from coulisses.journal.ids import is_valid_id
from coulisses.journal.model import Moment
from coulisses.journal.shape import moment_problem
from coulisses.journal.storage import locked, read_json
from coulisses.os_errors import describe_os_error

log = logging.getLogger(__name__)

INTENT = "moving.json"
Progress = Callable[[int, int], None]  # (stills handled, stills in the move)
MAX_TRIES = 3  # replays of one intent record before it is set aside


class PieceStore(Protocol):
    """What a move needs of the journal (``Journal`` is one)."""

    home: Path

    def piece_folder(self, piece_id: str, must_exist: bool = True) -> Path: ...

    def tables(self, piece_id: str) -> contextlib.AbstractContextManager[TinyDB]: ...

    def report(self, message: str, piece_id: str | None = None) -> None: ...


@contextlib.contextmanager
def _both_locked(a: Path, b: Path) -> Iterator[None]:
    # Always in the same order (by folder name), so two moves in opposite
    # directions cannot wait on each other forever.
    first, second = sorted((a, b), key=lambda p: p.name)
    with locked(first / layout.LOCK), locked(second / layout.LOCK):
        yield


@dataclass(frozen=True, slots=True)
class Restore:
    """What an undone move puts back in the piece the stills return to: spans the move
    cut (moment id, span end, whether that end is one of the stills moving back) and
    the cover (its id among the stills moving back)."""

    spans: tuple[tuple[str, str, bool], ...] = ()
    cover: tuple[str, bool] | None = None

    def to_json(self) -> dict[str, Any]:
        return {"spans": [list(s) for s in self.spans],
                "cover": list(self.cover) if self.cover else None}


def move(journal: PieceStore, src: str, capture_ids: Sequence[str], dst: str,
         wanted: Mapping[str, str] | None = None,
         progress: Progress | None = None, restore: Restore | None = None) -> MoveResult:
    """Plan, record and carry out a move (see the module docstring).

    ``wanted`` maps a still to the name it should get in ``dst`` when free
    (moving back restores the original ids). Raises before anything changes
    when a piece or a still is unknown.
    """
    if src == dst:
        raise JournalError(tr("the stills are already in that piece; pick another piece"))
    src_dir = journal.piece_folder(src)
    dst_dir = journal.piece_folder(dst)
    ids = sorted(set(capture_ids))
    if not ids:
        return MoveResult(src, dst, (), ())
    finish_pending(journal)  # never plan on top of a half-done move
    with _both_locked(src_dir, dst_dir):
        src_list = stills.Listing(src_dir)
        for cid in ids:
            if not src_list.exists(cid):
                raise CaptureNotFound(tr("no still {id!r} in this piece", id=cid))
        dst_list = stills.Listing(dst_dir)
        taken: set[str] = set()
        pairs: list[tuple[str, str]] = []
        for cid in ids:
            new = _free_name(dst_list, (wanted or {}).get(cid, cid), taken)
            taken.add(new)  # two stills of this move never get the same new name
            pairs.append((cid, new))
        with journal.tables(src) as db:
            data = db.storage.read() or {}
        intent = _plan(src, dst, pairs, data, src_list)
        if restore is not None:
            intent["restore"] = restore.to_json()
        payload = json.dumps(intent, ensure_ascii=False).encode("utf-8")
        _check_room(journal, len(payload), src_dir, dst_dir)
        write_bytes(src_dir / INTENT, payload)
        return _apply(journal, intent, progress)


# Besides the intent record: each piece.json is rewritten once (its old version stays
# as .bak until the next write), thumbnails and signatures append a little.
_MARGIN = 256 * 1024


def _check_room(journal: PieceStore, intent_bytes: int, *pieces: Path) -> None:
    """Refuse a move the disk cannot finish, before anything is renamed: a move cut
    short by a full disk would be finished only once space is freed."""
    need = intent_bytes + _MARGIN
    for folder in pieces:
        with contextlib.suppress(OSError):
            need += (folder / layout.PIECE_FILE).stat().st_size
    if free_bytes(journal.home) < need:
        # No file name: the sentence already says what to do, and a DiskFullError with one
        # is told as "the disk is full (folder)" instead (os_errors.own_sentence).
        raise DiskFullError(errno.ENOSPC, tr("the disk is full: moving these stills needs "
                                             "{kb} kB free; free some space and try again",
                                             kb=need // 1024 + 1))


def _free_name(dst: stills.Listing, want: str, taken: set[str]) -> str:
    parsed = CaptureId.parse(want)
    if parsed is None:  # pragma: no cover - ids come from the listing
        raise JournalError(tr("{id!r} is not a still id", id=want))
    time, seq, source = parsed.time, parsed.seq, parsed.source
    for n in range(seq, seq + 10_000):
        cid = CaptureId.make(time, n, source)
        if cid not in taken and not dst.exists(cid):
            return cid
    raise JournalError("too many stills at the same instant")  # pragma: no cover


def _plan(src: str, dst: str, pairs: list[tuple[str, str]], data: dict[str, Any],
          src_list: stills.Listing) -> dict[str, Any]:
    moving = dict(pairs)
    moved_sorted = [old for old, _ in pairs]

    def table(name: str) -> list[dict[str, Any]]:
        return list((data.get(name) or {}).values())

    def last_moved_upto(start: str, end: str) -> str | None:
        # The last moving still in [start, end] (pairs are sorted by old id).

        i = bisect_right(moved_sorted, end) - 1
        return moved_sorted[i] if i >= 0 and moved_sorted[i] >= start else None

    def last_staying_upto(start: str, end: str) -> str | None:
        probe: str | None = end
        while probe is not None and probe >= start:
            if probe not in moving and src_list.exists(probe):
                return probe
            probe = src_list.before(probe)
        return None

    going: list[dict[str, Any]] = []
    spans_left: dict[str, str | None] = {}  # moments that stay, their span cut at the move
    spans_cut: dict[str, str] = {}  # every moment whose span the move cuts: its span before
    for doc in table("moments"):
        cap, span = doc.get("capture"), doc.get("span_to")
        if cap in moving:
            new = dict(doc)
            new["capture"] = moving[cap]
            if span is not None:
                end = last_moved_upto(cap, span)
                new["span_to"] = moving[end] if end is not None and end != cap else None
                if end != span:
                    spans_cut[doc["id"]] = span
            going.append(new)
        elif cap is not None and span is not None and span in moving:
            end = last_staying_upto(cap, span)
            spans_left[doc["id"]] = end if end is not None and end != cap else None
            spans_cut[doc["id"]] = span
    meta = [{"capture": moving[d["capture"]], "meta": d.get("meta") or {}, "was": d["capture"]}
            for d in table("capture_meta") if d.get("capture") in moving]
    dismissed = [{"key": moving[d["key"]], "at": d.get("at"), "was": d["key"]}
                 for d in table("dismissed") if d.get("key") in moving]
    hidden = hidden_mod.of_data(data)
    cover = ((data.get("piece") or {}).get("1") or {}).get("settings", {}).get("cover")
    return {"version": 1, "src": src, "dst": dst, "pairs": [list(p) for p in pairs],
            "moments": going, "spans_left": spans_left, "spans_cut": spans_cut, "meta": meta,
            "dismissed": dismissed,
            "hidden": [new for old, new in pairs if old in hidden],
            "cover": cover if cover in moving else None}


def _move_file(a: Path, b: Path) -> str | None:
    """Give the still at ``a`` the name ``b``: None when it is at ``b`` afterwards, else
    why it stays at ``a`` (a still never ends under both names, nor under neither)."""
    if os.path.lexists(b) and not is_own_file(b):
        return tr("a file that is not a still has its name in the other piece")
    if not is_own_file(a):
        if not os.path.lexists(a) and is_own_file(b):
            return None  # moved before a crash
        return tr("it is not a plain file (a link?)")
    try:
        make_dirs(b.parent)
        os.link(a, b, follow_symlinks=False)
    except FileExistsError:
        try:
            same = os.path.samefile(a, b)
        except OSError:
            return tr("another still took its name in the other piece")
        if not same:
            return tr("another still took its name in the other piece")  # never overwrite
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK):
            return describe_os_error(exc)  # another disk (EXDEV), no permission…
        # No hard links on this filesystem (FAT, some network drives): a rename,
        # checked first, is the closest.
        if os.path.lexists(b):
            return tr("another still took its name in the other piece")
        try:
            os.rename(a, b)
        except OSError as rename_exc:
            return describe_os_error(rename_exc)
        return None
    try:
        os.unlink(a)
    except FileNotFoundError:
        pass
    except OSError as exc:  # held open by a viewer on Windows, say: it stays where it was
        with contextlib.suppress(OSError):
            os.unlink(b)
        return describe_os_error(exc)
    return None


def _apply(journal: PieceStore, intent: dict[str, Any],
           progress: Progress | None = None) -> MoveResult:
    from coulisses.journal import content_index

    src, dst = intent["src"], intent["dst"]
    src_dir, dst_dir = journal.piece_folder(src), journal.piece_folder(dst)
    pairs = [(CaptureId(old), CaptureId(new)) for old, new in intent["pairs"]]
    done: list[tuple[str, str]] = []
    left: list[str] = []
    why: list[tuple[str, str]] = []
    touched: set[Path] = set()
    for old, new in pairs:
        a, b = old.still_path(src_dir), new.still_path(dst_dir)
        if not (no_link_between(src_dir, a) and no_link_between(dst_dir, b)):
            reason: str | None = tr("its folder is a link to outside the journal")
        else:
            reason = _move_file(a, b)
        if reason is None:
            done.append((old, new))
            touched.update((a.parent, b.parent))
            _move_thumb(old.thumb_path(src_dir), new.thumb_path(dst_dir), src_dir, dst_dir)
        else:
            left.append(old)
            why.append((old, reason))
        if progress is not None:
            progress(len(done) + len(left), len(pairs))
    for folder in sorted(touched):
        fsync_dir(folder)  # the new names are durable before metadata says so
    moved = dict(done)
    _copy_signatures(src_dir, dst_dir, done)
    _index_content(content_index, dst_dir, done)

    back = {new: old for old, new in pairs}
    going = [d for d in intent["moments"] if back.get(d.get("capture"), "") in moved]
    going_ids = {d["id"] for d in going}
    was_hidden = set(intent["hidden"])
    # Each piece.json is written once (a TinyDB insert per record would rewrite and
    # fsync the file for every moment).
    with journal.tables(dst) as db:
        data = db.storage.read() or {}
        have = {d.get("id") for d in _docs(data, "moments")}
        for doc in going:
            if doc["id"] not in have:
                _insert(data, "moments", doc)
        have = {d.get("capture") for d in _docs(data, "capture_meta")}
        for d in intent["meta"]:
            if d["was"] in moved and d["capture"] not in have:
                _insert(data, "capture_meta", {"capture": d["capture"], "meta": d["meta"]})
        have = {d.get("key") for d in _docs(data, "dismissed")}
        for d in intent["dismissed"]:
            if d["was"] in moved and d["key"] not in have:
                _insert(data, "dismissed", {"key": d["key"], "at": d["at"]})
        hidden = hidden_mod.of_data(data)
        arrived = set(moved.values())
        # A move never changes whether a still is shown: hidden ones stay hidden, and
        # a visible one landing inside a hidden stretch of this piece is cut out of it.
        to_hide = sorted(c for c in arrived & was_hidden if c not in hidden)
        to_show = sorted(c for c in arrived - was_hidden if c in hidden)
        if to_hide or to_show:
            listing = stills.Listing(dst_dir)
            if to_show:
                hidden = hidden.without_ids(to_show, listing.before, listing.after)
            if to_hide:
                hidden = hidden_mod.hide_more(hidden, to_hide, listing)
            hidden_mod.with_data(data, hidden)
        _put_back(data, intent.get("restore"), moved)
        db.storage.write(data)
    with journal.tables(src) as db:
        data = db.storage.read() or {}
        _keep(data, "moments", lambda d: d.get("id") not in going_ids)
        for d in _docs(data, "moments"):
            if d.get("id") in intent["spans_left"]:
                d["span_to"] = intent["spans_left"][d["id"]]
        _keep(data, "capture_meta", lambda d: d.get("capture") not in moved)
        _keep(data, "dismissed", lambda d: d.get("key") not in moved)
        hidden = hidden_mod.of_data(data)
        gone = [old for old in moved if old in hidden]
        if gone:
            listing = stills.Listing(src_dir)
            hidden_mod.with_data(data, hidden.without_ids(gone, listing.before, listing.after))
        if intent["cover"] in moved:
            piece = (data.get("piece") or {}).get("1") or {}
            if isinstance(piece.get("settings"), dict):
                piece["settings"].pop("cover", None)
        db.storage.write(data)
    for folder in (src_dir, dst_dir):
        _log_change(folder, len(done))
    with contextlib.suppress(FileNotFoundError):
        os.unlink(src_dir / INTENT)
    fsync_dir(src_dir)
    for cid, reason in why:
        log.warning("still %s stayed in %s: %s", cid, src, reason)
    return MoveResult(src, dst, tuple(o for o, _ in done), tuple(n for _, n in done),
                      tuple(Moment.from_json(d) for d in going),
                      tuple((d["capture"], dict(d["meta"])) for d in intent["meta"]
                            if d["was"] in moved),
                      tuple(left), intent["cover"] if intent["cover"] in moved else None,
                      tuple(sorted(intent["spans_cut"].items())), tuple(why))


def _put_back(data: dict[str, Any], restore: dict[str, Any] | None,
              moved: Mapping[str, str]) -> None:
    """An undone move's spans and cover, in the piece the stills came back to (in the
    same write as its moments: replaying it gives the same result)."""
    if not restore:
        return

    def here(cid: str, came_back: bool) -> str | None:
        return moved.get(cid) if came_back else cid  # None: that still could not come back

    ends = {mid: here(end, back) for mid, end, back in restore["spans"]}
    for doc in _docs(data, "moments"):
        end = ends.get(doc.get("id"))
        if end is not None:
            doc["span_to"] = end
    if restore["cover"] is not None:
        cover = here(*restore["cover"])
        piece = (data.get("piece") or {}).get("1")
        if cover is not None and isinstance(piece, dict):
            piece.setdefault("settings", {})["cover"] = cover


def _docs(data: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return list((data.get(table) or {}).values())


def _insert(data: dict[str, Any], table: str, doc: dict[str, Any]) -> None:
    docs = data.setdefault(table, {})
    docs[str(max((int(k) for k in docs), default=0) + 1)] = doc


def _keep(data: dict[str, Any], table: str, wanted: Any) -> None:
    if table in data:
        data[table] = {k: d for k, d in data[table].items() if wanted(d)}


def _move_thumb(a: Path, b: Path, src_dir: Path, dst_dir: Path) -> None:
    if not (is_own_file(a) and no_link_between(src_dir, a)
            and no_link_between(dst_dir, b)):
        return  # none made, moved before a crash, or not ours: the view remakes it
    if os.path.lexists(b) and not is_own_file(b):
        return
    try:
        make_dirs(b.parent)
        os.replace(a, b)
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("thumbnail %s not moved: %s", a, exc)


def _copy_signatures(src_dir: Path, dst_dir: Path, done: list[tuple[str, str]]) -> None:
    """Stored suggestion signatures follow (a cache: a failure only costs a decode later)."""
    if not done:
        return
    from coulisses.journal import sigstore

    from_dir = src_dir / layout.CACHE / "signatures"
    if not from_dir.is_dir() or from_dir.is_symlink():
        return
    try:
        to_dir = layout.cache_dir(dst_dir, "signatures")
        by_day: dict[str, list[tuple[str, str]]] = {}
        for old, new in done:
            by_day.setdefault(stills.day_of(old), []).append((old, new))
        for day, items in by_day.items():
            for fmt in sigstore.FORMATS:  # an old journal's grey ones too
                stored = sigstore.read_day(from_dir, day, fmt)
                hit, at = sigstore.lookup(stored, sigstore.keys_of([o for o, _ in items]))
                for (_, new), ok, k in zip(items, hit.tolist(), at.tolist(), strict=True):
                    if ok:
                        sigstore.append(to_dir, stills.day_of(new), new, stored[1][k])
    except OSError as exc:
        log.warning("signatures not copied to %s: %s", dst_dir, exc)


def _index_content(content_index: Any, dst_dir: Path, done: list[tuple[str, str]]) -> None:
    """Imported photos stay known in their new piece (a re-import is not a new photo)."""
    imported = [(o, n) for o, n in done if (stills.parse_capture_id(n) or (0, 0, None))[2]]
    if not imported:
        return
    try:
        index = content_index.for_piece(dst_dir)
        with index.locked():
            for _, new in imported:
                size = stills.still_path(dst_dir, new).stat().st_size
                index.add(new, size, None)
    except OSError as exc:  # a cache: rebuilt from the files when missing
        log.warning("content index of %s not updated: %s", dst_dir, exc)


def _log_change(folder: Path, n: int) -> None:
    # The added-stills log's size is every process's change counter (change_token).
    path = layout.added_log(folder)
    try:
        make_dirs(path.parent)
        require_inside(folder, path.parent)
        fd = open_append(path)
        try:
            os.write(fd, f"moved {n}\n".encode())
        finally:
            os.close(fd)
    except OSError as exc:
        log.warning("move not logged in %s: %s", folder, exc)


def finish_pending(journal: PieceStore) -> None:
    """Replay every move a crash left half done (one stat per piece when there is none).

    Never raises: a record that is not valid is set aside at once, one whose replay
    fails is tried again at the next open, at most ``MAX_TRIES`` times, then set
    aside; each case is said once. The journal opens whatever a record holds.
    """
    root = journal.home / layout.PIECES
    try:
        with os.scandir(root) as entries:
            names = [e.name for e in entries
                     if e.is_dir(follow_symlinks=False) and is_valid_id(e.name)]
    except OSError:
        return
    for name in names:
        path = root / name / INTENT
        if not os.path.lexists(path):
            continue
        try:
            _finish_one(journal, name, path)
        except (OSError, JournalError) as exc:
            reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
            log.warning("move recorded in %s not finished: %s", path, reason)
            _count_failure(journal, name, path)
            journal.report(tr("A move of stills from piece {piece} could not be finished "
                              "yet ({reason}); Coulisses will try again when the journal is "
                              "next opened.", piece=name, reason=reason), name)


def _finish_one(journal: PieceStore, name: str, path: Path) -> None:
    src_dir = journal.piece_folder(name)
    # Checking and giving up touch the record alone: the source piece's lock is enough
    # (a lock in the other piece may be what cannot be had: a read-only disk).
    with locked(src_dir / layout.LOCK):
        intent = _readable_intent(journal, name, path)
        if intent is None:
            return
        if intent.get("tries", 0) >= MAX_TRIES:
            _give_up(journal, name, path, tr("it failed %n time(s)", None, intent["tries"]))
            return
    dst_dir = journal.piece_folder(intent["dst"])
    with _both_locked(src_dir, dst_dir):
        intent = _readable_intent(journal, name, path)
        if intent is None:
            return  # the mover finished while we waited
        result = _apply(journal, intent)
        log.info("finished moving %d stills from %s to %s", len(result.after), result.src,
                 result.dst)


def _readable_intent(journal: PieceStore, name: str, path: Path) -> dict[str, Any] | None:
    """The record if it is there and valid; a damaged or crafted one is set aside (None)."""
    try:
        raw = read_json(path)
    except MissingFile:
        return None
    except CorruptFile as exc:
        _give_up(journal, name, path, exc.reason)
        return None
    # UnreadableFile goes up: perhaps a disk waking up, tried again next time.
    problem = intent_problem(raw, name)
    if problem is not None:
        _give_up(journal, name, path, problem)
        return None
    return raw


def _count_failure(journal: PieceStore, name: str, path: Path) -> None:
    """One more failed replay, recorded in the record itself (so every process counts)."""
    try:
        with locked(journal.piece_folder(name) / layout.LOCK):
            intent = read_json(path)
            if intent_problem(intent, name) is None:
                intent["tries"] = intent.get("tries", 0) + 1
                write_bytes(path, json.dumps(intent, ensure_ascii=False).encode("utf-8"))
    except (OSError, JournalError) as exc:
        log.warning("failed move not counted in %s: %s", path, exc)


def _give_up(journal: PieceStore, name: str, path: Path, reason: str) -> None:
    """Set an intent record aside: the stills are each in one piece already (files are
    moved one by one, never copied); some moments may not have followed."""
    from coulisses.journal.recovery import set_aside

    try:
        aside = set_aside(path)
        os.unlink(path)
        fsync_dir(path.parent)
    except OSError as exc:
        log.warning("move record %s could not be set aside: %s", path, exc)
        aside = path
    journal.report(tr("A move of stills from piece {piece} could not be finished ({reason}); "
                      "its record was moved to {aside}. Every still is in one piece; check "
                      "that the moments of the moved stills followed them.", piece=name,
                      reason=reason, aside=aside), name)


def intent_problem(intent: Any, folder_piece: str) -> str | None:
    """Why an intent record read from ``pieces/<folder_piece>/moving.json`` must not be
    replayed, or None. Everything that becomes a path is checked here."""
    try:
        if not isinstance(intent, dict) or intent.get("version") != 1:
            return tr("it is not a move record Coulisses knows")
        src, dst = intent["src"], intent["dst"]
        if src != folder_piece or not isinstance(dst, str) or not is_valid_id(dst) \
                or dst == src:
            return tr("it names pieces that are not this move's")
        pairs = intent["pairs"]
        if not isinstance(pairs, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(CaptureId.parse(x) for x in p)
                for p in pairs):
            return tr("it names stills that are not still ids")
        olds = {p[0] for p in pairs}
        news = {p[1] for p in pairs}
        if len(olds) != len(pairs) or len(news) != len(pairs):
            return tr("it moves a still twice")
        for doc in intent["moments"]:
            if not isinstance(doc, dict) or moment_problem(doc) or doc.get("capture") not in news \
                    or not _id_or_none(doc.get("span_to")):
                return tr("a moment in it is not readable")
        for d in intent["meta"]:
            if d["was"] not in olds or d["capture"] not in news or not isinstance(d["meta"],
                                                                                 dict):
                return tr("the settings of a still in it are not readable")
        for d in intent["dismissed"]:
            if d["was"] not in olds or not isinstance(d["key"], str):
                return tr("a dismissed suggestion in it is not readable")
        if not all(h in news for h in intent["hidden"]):
            return tr("its hidden stills are not stills it moves")
        if intent["cover"] is not None and intent["cover"] not in olds:
            return tr("its cover is not a still it moves")
        if not all(isinstance(k, str) and _id_or_none(v)
                   for k, v in intent["spans_left"].items()) or \
                not all(isinstance(k, str) and CaptureId.parse(v)
                        for k, v in intent["spans_cut"].items()):
            return tr("a moment's span in it is not readable")
        tries = intent.get("tries", 0)
        if not isinstance(tries, int) or tries < 0:
            return tr("it is not a move record Coulisses knows")
        restore = intent.get("restore")
        if restore is not None and not _restore_ok(restore, olds):
            return tr("a moment's span in it is not readable")
    except (KeyError, TypeError, AttributeError):
        return tr("a field is missing or is not what Coulisses expects")
    return None


def _restore_ok(restore: Any, olds: set[str]) -> bool:
    def point(cid: Any, back: Any) -> bool:
        return isinstance(back, bool) and CaptureId.parse(cid) is not None and (
            not back or cid in olds)

    spans, cover = restore["spans"], restore["cover"]
    return all(isinstance(s, list) and len(s) == 3 and isinstance(s[0], str) and point(*s[1:])
               for s in spans) and (cover is None or (isinstance(cover, list) and len(cover) == 2
                                                     and point(*cover)))


def _id_or_none(value: Any) -> bool:
    return value is None or CaptureId.parse(value) is not None


__all__ = ["INTENT", "MAX_TRIES", "PieceStore", "finish_pending", "intent_problem", "move"]
