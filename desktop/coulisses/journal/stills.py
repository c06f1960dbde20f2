"""Still files: naming, where they go, and scanning them back.

The files are the capture index. A still is
``pieces/<piece>/stills/<YYYY-MM-DD>/<YYYYMMDDTHHMMSS.mmmZ>[-n][~source].jpg``
(UTC), so sorting names sorts by time, one folder per day keeps folders small,
and adding a still never reads or rewrites anything that grows with the piece.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from coulisses.journal.model import Capture

STILLS = "stills"
THUMBS = "thumbs"
EXT = ".jpg"
_NAME = re.compile(r"^(\d{8}T\d{6}\.\d{3}Z)(?:-(\d+))?(?:~(.+))?$")


def stamp(t: datetime) -> str:
    t = t.astimezone(UTC)
    return t.strftime("%Y%m%dT%H%M%S") + f".{t.microsecond // 1000:03d}Z"


def day_folder(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%d")


def capture_id(t: datetime, seq: int = 0, source: str | None = None) -> str:
    out = stamp(t)
    if seq:
        out += f"-{seq}"
    if source:
        out += f"~{source}"
    return out


def parse_stamp(s: str) -> datetime:
    # fromisoformat reads the basic format and is ~5x faster than building the
    # datetime by hand (strptime: 50x); this runs for every still on load.
    return datetime.fromisoformat(s[:19] + "+00:00")


def parse_capture_id(cid: str) -> tuple[datetime, int, str | None] | None:
    m = _NAME.match(cid)
    if not m:
        return None
    try:
        t = parse_stamp(m.group(1))
    except ValueError:
        return None
    return t, int(m.group(2) or 0), m.group(3)


def still_path(piece_dir: Path, cid: str) -> Path:
    parsed = parse_capture_id(cid)
    if parsed is None:
        raise ValueError(f"not a capture id: {cid}")
    return piece_dir / STILLS / day_folder(parsed[0]) / f"{cid}{EXT}"


def thumb_path(piece_dir: Path, cid: str) -> Path:
    p = still_path(piece_dir, cid)
    return piece_dir / THUMBS / p.parent.name / p.name


def day_names(piece_dir: Path) -> list[str]:
    """The piece's day folders, oldest first."""
    try:
        return sorted(e.name for e in os.scandir(piece_dir / STILLS)
                      if e.is_dir() and not e.name.startswith("."))
    except FileNotFoundError:
        return []


def _still_names(folder: Path) -> Iterator[str]:
    """Capture ids in one day folder, unordered (a plain listing: no stat, no Capture)."""
    match = _NAME.match
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return
    for name in names:
        if name.endswith(EXT) and not name.startswith(".") and match(name[: -len(EXT)]):
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


def scan(piece_dir: Path) -> tuple[list[Capture], list[str]]:
    """All complete stills of a piece in time order, and messages about skipped files."""
    root = piece_dir / STILLS
    captures: list[Capture] = []
    problems: list[str] = []
    try:
        days = sorted(e.name for e in os.scandir(root) if e.is_dir() and not e.name.startswith("."))
    except FileNotFoundError:
        return captures, problems
    for day in days:
        folder = root / day
        for cap, problem in _scan_day(folder):
            if cap is not None:
                captures.append(cap)
            elif problem:
                problems.append(problem)
    captures.sort(key=lambda c: c.id)
    return captures, problems


def _scan_day(folder: Path) -> Iterator[tuple[Capture | None, str | None]]:
    # No stat per file: an empty or damaged still is reported when it is read
    # (journal.images), which keeps loading 100,000 stills well under a second.
    match = _NAME.match
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not name.endswith(EXT):
                continue  # temp files of interrupted writes, the maker's own files
            cid = name[: -len(EXT)]
            m = match(cid)
            if m is None:
                continue
            try:
                t = datetime.fromisoformat(cid[:19] + "+00:00")
            except ValueError:
                continue
            yield Capture(cid, t, folder, m.group(3)), None


def day_of(cid: str) -> str:
    """The day folder of a capture id (its first 8 characters are the UTC date)."""
    return f"{cid[0:4]}-{cid[4:6]}-{cid[6:8]}"


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
            got = self._ids[day] = sorted(_still_names(self.piece_dir / STILLS / day))
        return got

    def exists(self, cid: str) -> bool:
        if _NAME.match(cid) is None:
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
