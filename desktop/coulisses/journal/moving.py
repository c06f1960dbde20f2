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
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coulisses.atomicio import DiskFullError, free_bytes, fsync_dir, make_dirs, write_bytes
from coulisses.i18n import tr
from coulisses.journal import hidden as hidden_mod
from coulisses.journal import layout, stills
from coulisses.journal.edits import MoveResult
from coulisses.journal.errors import CaptureNotFound, CorruptFile, JournalError
from coulisses.journal.model import Moment
from coulisses.journal.storage import locked, read_json

if TYPE_CHECKING:
    from coulisses.journal.journal import Journal

log = logging.getLogger(__name__)

INTENT = "moving.json"


@contextlib.contextmanager
def _both_locked(a: Path, b: Path) -> Iterator[None]:
    # Always in the same order (by folder name), so two moves in opposite
    # directions cannot wait on each other forever.
    first, second = sorted((a, b), key=lambda p: p.name)
    with locked(first / layout.LOCK), locked(second / layout.LOCK):
        yield


def move(journal: Journal, src: str, capture_ids: Sequence[str], dst: str,
         wanted: Mapping[str, str] | None = None) -> MoveResult:
    """Plan, record and carry out a move (see the module docstring).

    ``wanted`` maps a still to the name it should get in ``dst`` when free
    (moving back restores the original ids). Raises before anything changes
    when a piece or a still is unknown.
    """
    if src == dst:
        raise JournalError(tr("the stills are already in that piece; pick another piece"))
    src_dir = journal._piece_folder(src)
    dst_dir = journal._piece_folder(dst)
    ids = sorted(set(capture_ids))
    if not ids:
        return MoveResult(src, dst, (), ())
    journal._finish_moves()  # never plan on top of a half-done move
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
            taken.add(new)
            pairs.append((cid, new))
        with journal._db(src) as db:
            data = db.storage.read() or {}
        intent = _plan(src, dst, pairs, data, src_list)
        payload = json.dumps(intent, ensure_ascii=False).encode("utf-8")
        _check_room(journal, len(payload), src_dir, dst_dir)
        write_bytes(src_dir / INTENT, payload)
        return _apply(journal, intent)


# Besides the intent record: each piece.json is rewritten once (its old version stays
# as .bak until the next write), thumbnails and signatures append a little.
_MARGIN = 256 * 1024


def _check_room(journal: Journal, intent_bytes: int, *pieces: Path) -> None:
    """Refuse a move the disk cannot finish, before anything is renamed: a move cut
    short by a full disk would be finished only once space is freed."""
    need = intent_bytes + _MARGIN
    for folder in pieces:
        with contextlib.suppress(OSError):
            need += (folder / layout.PIECE_FILE).stat().st_size
    if free_bytes(journal.home) < need:
        raise DiskFullError(errno.ENOSPC, f"the disk is full: moving these stills needs "
                            f"{need // 1024 + 1} kB free; free some space and try again",
                            str(journal.home))


def _free_name(dst: stills.Listing, want: str, taken: set[str]) -> str:
    parsed = stills.parse_capture_id(want)
    if parsed is None:  # pragma: no cover - ids come from the listing
        raise JournalError(tr("{id!r} is not a still id", id=want))
    time, seq, source = parsed
    for n in range(seq, seq + 10_000):
        cid = stills.capture_id(time, n, source)
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
        from bisect import bisect_right

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


def _move_file(a: Path, b: Path) -> bool:
    """Give the still at ``a`` the name ``b``; True when it is at ``b`` afterwards."""
    make_dirs(b.parent)
    try:
        os.link(a, b)
    except FileNotFoundError:
        return not a.exists() and b.exists()  # moved before a crash
    except FileExistsError:
        try:
            same = os.path.samefile(a, b)
        except FileNotFoundError:
            return b.exists()
        if not same:
            return False  # another still took the name since: this one stays
    except OSError:
        # No hard links on this filesystem (FAT, some network drives): a rename,
        # checked first, is the closest.
        if b.exists():
            return False
        os.rename(a, b)
        return True
    os.unlink(a)
    return True


def _apply(journal: Journal, intent: dict[str, Any]) -> MoveResult:
    from coulisses.journal import content_index

    src, dst = intent["src"], intent["dst"]
    src_dir, dst_dir = journal._piece_folder(src), journal._piece_folder(dst)
    pairs = [(old, new) for old, new in intent["pairs"]]
    done: list[tuple[str, str]] = []
    left: list[str] = []
    touched: set[Path] = set()
    for old, new in pairs:
        a, b = stills.still_path(src_dir, old), stills.still_path(dst_dir, new)
        if _move_file(a, b):
            done.append((old, new))
            touched.update((a.parent, b.parent))
            _move_thumb(stills.thumb_path(src_dir, old), stills.thumb_path(dst_dir, new))
        else:
            left.append(old)
    for folder in touched:
        fsync_dir(folder)  # the new names are durable before metadata says so
    moved = dict(done)
    _copy_signatures(journal, src_dir, dst_dir, done)
    _index_content(content_index, dst_dir, done)

    back = {new: old for old, new in pairs}
    going = [d for d in intent["moments"] if back.get(d.get("capture"), "") in moved]
    going_ids = {d["id"] for d in going}
    # Each piece.json is written once (a TinyDB insert per record would rewrite and
    # fsync the file for every moment).
    with journal._db(dst) as db:
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
        todo = sorted(c for c in set(intent["hidden"]) & set(moved.values()) if c not in hidden)
        if todo:
            listing = stills.Listing(dst_dir)
            hidden_mod.with_data(data, hidden_mod.hide_more(hidden, todo, listing))
        db.storage.write(data)
    with journal._db(src) as db:
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
    return MoveResult(src, dst, tuple(o for o, _ in done), tuple(n for _, n in done),
                      tuple(Moment.from_json(d) for d in going),
                      tuple((d["capture"], dict(d["meta"])) for d in intent["meta"]
                            if d["was"] in moved),
                      tuple(left), intent["cover"] if intent["cover"] in moved else None,
                      tuple(sorted(intent["spans_cut"].items())))


def _docs(data: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return list((data.get(table) or {}).values())


def _insert(data: dict[str, Any], table: str, doc: dict[str, Any]) -> None:
    docs = data.setdefault(table, {})
    docs[str(max((int(k) for k in docs), default=0) + 1)] = doc


def _keep(data: dict[str, Any], table: str, wanted: Any) -> None:
    if table in data:
        data[table] = {k: d for k, d in data[table].items() if wanted(d)}


def _move_thumb(a: Path, b: Path) -> None:
    try:
        make_dirs(b.parent)
        os.replace(a, b)
    except FileNotFoundError:
        pass  # none made, or moved before a crash: the view remakes a missing one
    except OSError as exc:
        log.warning("thumbnail %s not moved: %s", a, exc)


def _copy_signatures(journal: Journal, src_dir: Path, dst_dir: Path,
                     done: list[tuple[str, str]]) -> None:
    """Stored suggestion signatures follow (a cache: a failure only costs a decode later)."""
    if not done:
        return
    from coulisses.journal import sigstore

    from_dir = src_dir / layout.CACHE / "signatures"
    if not from_dir.is_dir():
        return
    try:
        to_dir = layout.cache_dir(dst_dir, "signatures")
        by_day: dict[str, list[tuple[str, str]]] = {}
        for old, new in done:
            by_day.setdefault(stills.day_of(old), []).append((old, new))
        for day, items in by_day.items():
            stored = sigstore.read_day(from_dir, day)
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
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"moved {n}\n".encode())
        finally:
            os.close(fd)
    except OSError as exc:
        log.warning("move not logged in %s: %s", folder, exc)


def finish_pending(journal: Journal) -> None:
    """Replay every move a crash left half done (one stat per piece when there is none)."""
    root = journal.home / layout.PIECES
    try:
        entries = [e.name for e in os.scandir(root) if e.is_dir()]
    except FileNotFoundError:
        return
    for name in entries:
        path = root / name / INTENT
        if not path.exists():
            continue
        try:
            intent = read_json(path)
            src_dir = journal._piece_folder(intent["src"])
            dst_dir = journal._piece_folder(intent["dst"])
        except (CorruptFile, KeyError, TypeError, JournalError) as exc:
            # Written atomically, so never torn: only a hand edit gets here.
            log.warning("move intent %s cannot be read: %r", path, exc)
            if isinstance(exc, CorruptFile):
                reason = exc.reason
            elif isinstance(exc, JournalError):
                reason = str(exc)
            else:  # KeyError('src') or a TypeError: Python's words stay in the log
                reason = tr("a field is missing or is not what Coulisses expects")
            journal._problem(tr("{path} cannot be read ({reason}); a move of stills to another "
                                "piece may be unfinished", path=path, reason=reason), name)
            continue
        with _both_locked(src_dir, dst_dir):
            if not path.exists():  # the mover finished while we waited
                continue
            result = _apply(journal, read_json(path))
            log.info("finished moving %d stills from %s to %s", len(result.after),
                     result.src, result.dst)


__all__ = ["INTENT", "finish_pending", "move"]
