"""Still files: naming, where they go, and scanning them back.

The files are the capture index. A still is
``pieces/<piece>/stills/<YYYY-MM-DD>/<YYYYMMDDTHHMMSS.mmmZ>[-n][~source].jpg``
(UTC), so sorting names sorts by time, one folder per day keeps folders small,
and adding a still never reads or rewrites anything that grows with the piece.
"""

from __future__ import annotations

import contextlib
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from coulisses.journal.capture_id import (
    EXT,
    MAX_SEQ,
    STILLS,
    THUMBS,
    CaptureId,
    is_capture_id,
    read_name,
    stamp,
)
from coulisses.journal.confine import no_link_between
from coulisses.journal.model import Capture


def day_folder(t: datetime) -> str:
    s = stamp(t)
    return f"{s[0:4]}-{s[4:6]}-{s[6:8]}"


def capture_id(t: datetime, seq: int = 0, source: str | None = None) -> CaptureId:
    return CaptureId.make(t, seq, source)


def parse_stamp(s: str) -> datetime:
    # fromisoformat reads the basic format and is ~5x faster than building the
    # datetime by hand (strptime: 50x); this runs for every still on load.
    return datetime.fromisoformat(s[:19] + "+00:00")


def parse_capture_id(cid: str) -> tuple[datetime, int, str | None] | None:
    parsed = CaptureId.parse(cid)
    if parsed is None:
        return None
    return parsed.time, parsed.seq, parsed.source


def still_path(piece_dir: Path, cid: str) -> Path:
    """Where the still ``cid`` is; raises InvalidCaptureId (a ValueError) for any
    text that is not a valid id, so nothing read from disk reaches a path unchecked."""
    return CaptureId(cid).still_path(piece_dir)


def thumb_path(piece_dir: Path, cid: str) -> Path:
    return CaptureId(cid).thumb_path(piece_dir)


def day_names(piece_dir: Path) -> list[str]:
    """The piece's day folders, oldest first (never a link: nothing outside is read)."""
    root = piece_dir / STILLS
    if os.path.islink(root):
        return []
    try:
        with os.scandir(root) as entries:
            return sorted(e.name for e in entries
                          if e.is_dir(follow_symlinks=False) and not e.name.startswith("."))
    except (FileNotFoundError, NotADirectoryError):
        return []


def _still_names(folder: Path) -> Iterator[str]:
    """Capture ids in one day folder, unordered (a plain listing: no stat, no Capture)."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return
    for name in names:
        if name.endswith(EXT) and not name.startswith(".") and is_capture_id(name[: -len(EXT)]):
            yield name[: -len(EXT)]


def newest(piece_dir: Path) -> tuple[str | None, str | None]:
    """(day folder, capture id) of the newest still, reading only the newest day folders."""
    root = piece_dir / STILLS
    for day in reversed(day_names(piece_dir)):
        latest = max(_still_names(root / day), default=None)
        if latest is not None:
            return day, latest
    return None, None


def count_in_day(folder: Path) -> int:
    return sum(1 for _ in _still_names(folder))


def scan(piece_dir: Path, misnamed: list[Path] | None = None
         ) -> tuple[list[Capture], list[str]]:
    """All complete stills of a piece in time order, and messages about skipped files.

    Files named like a still but not valid UTF-8 (written by an older Coulisses
    from a file name a camera or a file system gave) are added to ``misnamed``:
    ``rename_misnamed`` gives them a valid name.
    """
    root = piece_dir / STILLS
    captures: list[Capture] = []
    problems: list[str] = []
    for day in day_names(piece_dir):
        folder = root / day
        captures.extend(_scan_day(folder, misnamed))
    captures.sort(key=lambda c: c.id)
    return captures, problems


def _scan_day(folder: Path, misnamed: list[Path] | None) -> Iterator[Capture]:
    # No stat per file: an empty or damaged still is reported when it is read
    # (journal.images), which keeps loading 100,000 stills well under a second.
    # A link is never a still (d_type, no stat): the journal reads nothing outside it.
    try:
        entries = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    with entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not name.endswith(EXT):
                continue  # temp files of interrupted writes, the maker's own files
            got = read_name(name[: -len(EXT)])
            if got is None:
                if misnamed is not None and _undecodable(name) and not entry.is_symlink():
                    misnamed.append(folder / name)
                continue
            if entry.is_symlink():
                continue
            yield Capture(got[0], got[1], folder, got[2])


def _undecodable(name: str) -> bool:
    # os.listdir gives bytes that are not UTF-8 as lone surrogates (surrogateescape).
    return any("\udc80" <= ch <= "\udcff" for ch in name)


def rename_misnamed(paths: list[Path]) -> list[tuple[Path, CaptureId]]:
    """Give stills whose names are not valid UTF-8 a valid id (never overwriting one)."""
    from coulisses.journal.ids import safe_filename_part

    done: list[tuple[Path, CaptureId]] = []
    for path in paths:
        stem = path.name[: -len(EXT)]
        head = read_name(stem[:20])  # the time part is ASCII digits
        if head is None or not path.is_file() or path.is_symlink():
            continue
        rest = stem[20:]
        source = safe_filename_part(rest.split("~", 1)[1]) if "~" in rest else None
        for seq in range(MAX_SEQ):
            cid = CaptureId.make(head[1], seq, source)
            target = path.with_name(cid.file_name)
            try:
                os.link(path, target, follow_symlinks=False)
            except FileExistsError:
                continue
            except OSError:
                break  # no hard links here: leave it, it is only unlisted
            os.unlink(path)
            thumb = path.parent.parent.parent / THUMBS / path.parent.name / path.name
            with contextlib.suppress(OSError):  # a thumbnail can be made again
                os.replace(thumb, cid.thumb_path(path.parent.parent.parent))
            done.append((path, cid))
            break
    return done


def day_of(cid: str) -> str:
    """The day folder of a capture id or of a probe sorting among them (its first 8
    characters are the UTC date). Only ``Listing.ids`` and ``CaptureId`` turn a day
    into a path, and both check it first."""
    return f"{cid[0:4]}-{cid[4:6]}-{cid[6:8]}"


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Listing:
    """Sorted capture ids of a piece, one day folder listed at a time and only once.

    For edits that must know a few stills' neighbours (hide, cover, moments)
    without scanning the 100,000 stills of the piece: each day read costs a
    listing of that day alone.
    """

    def __init__(self, piece_dir: Path) -> None:
        self.piece_dir = piece_dir
        self._days: list[str] | None = None
        self._ids: dict[str, list[str]] = {}

    def days(self) -> list[str]:
        if self._days is None:
            self._days = day_names(self.piece_dir)
        return self._days

    def ids(self, day: str) -> list[str]:
        got = self._ids.get(day)
        if got is None:
            # A probe's day ("\x7f", an id read from a damaged file) is never a path.
            folder = self.piece_dir / STILLS / day
            names = _still_names(folder) if _DAY.match(day) and no_link_between(
                self.piece_dir, folder) else ()
            got = self._ids[day] = sorted(names)
        return got

    def exists(self, cid: str) -> bool:
        if not is_capture_id(cid):
            return False
        ids = self.ids(day_of(cid))
        i = bisect_left(ids, cid)
        return i < len(ids) and ids[i] == cid

    def between(self, a: str, b: str) -> bool:
        """Whether any still sorts strictly between ids ``a`` and ``b``."""
        if b <= a:
            return False
        first, last = day_of(a), day_of(b)
        if first == last:  # the usual case: one bisect pair in one listing
            ids = self.ids(first)
            return bisect_right(ids, a) < bisect_left(ids, b)
        days = self.days()
        for day in days[bisect_left(days, first):bisect_right(days, last)]:
            ids = self.ids(day)
            if bisect_right(ids, a) < bisect_left(ids, b):
                return True
        return False

    def before(self, cid: str) -> str | None:
        """The still just before ``cid`` (which need not exist), None at the start."""
        days = self.days()
        for day in reversed(days[:bisect_right(days, day_of(cid))]):
            ids = self.ids(day)
            i = bisect_left(ids, cid)
            if i > 0:
                return ids[i - 1]
        return None

    def after(self, cid: str) -> str | None:
        days = self.days()
        for day in days[bisect_left(days, day_of(cid)):]:
            ids = self.ids(day)
            i = bisect_right(ids, cid)
            if i < len(ids):
                return ids[i]
        return None

    def first(self) -> str | None:
        return self.after("")
