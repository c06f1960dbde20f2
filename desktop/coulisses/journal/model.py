"""Immutable values the journal hands out. Nothing here touches the disk."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from coulisses.journal.hidden import EMPTY as NOTHING_HIDDEN
from coulisses.journal.hidden import HiddenRanges
from coulisses.journal.piece_settings import PieceSettings, StillSettings

MOMENT_KINDS = ("struggle", "fix", "milestone", "result", "note")
# Why capture stopped for a while (a gap's kind).
SOURCE_LOST, DISK_FULL, WRITE_ERROR = "source-lost", "disk-full", "write-error"
GAP_KINDS = (SOURCE_LOST, DISK_FULL, WRITE_ERROR)


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(t: datetime) -> str:
    """ISO 8601 in UTC with milliseconds: ``2026-11-23T12:50:30.123Z``."""
    return t.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """Parse ISO 8601; a time without zone is taken as local time (what a maker types)."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.astimezone()  # local wall-clock time
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Piece:
    id: str
    name: str
    created: datetime
    settings: MappingProxyType[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    folder: Path = Path()

    @property
    def typed_settings(self) -> PieceSettings:
        """The settings as declared in ``piece_settings`` (read through this, not by key)."""
        return PieceSettings.from_mapping(self.settings)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "created": iso(self.created),
                "settings": dict(self.settings)}


@dataclass(frozen=True, slots=True)
class Capture:
    """One still. Its file name is its identity and its time (UTC, ms).

    The day folder is shared by all captures of that day and the file path is
    built on demand: a 100,000-still snapshot then costs no Path per still.
    """

    id: str
    time: datetime
    folder: Path  # the day folder holding the still
    source: str | None = None  # original file name for imported photos

    @property
    def path(self) -> Path:
        return self.folder / f"{self.id}.jpg"

    @property
    def thumb_path(self) -> Path:
        """Where the capture's thumbnail is, if one was made (check before use)."""
        return self.folder.parent.parent / "thumbs" / self.folder.name / f"{self.id}.jpg"

    def own_thumb(self) -> Path | None:
        """The thumbnail when there is one of the journal's own (a plain file, not a link
        planted to show a file from elsewhere), else None: one ``lstat``."""
        path = self.thumb_path
        try:
            return path if stat.S_ISREG(os.lstat(path).st_mode) else None
        except OSError:
            return None

    @property
    def iso_time(self) -> str:
        s = self.id  # YYYYMMDDTHHMMSS.mmmZ: slicing beats formatting a datetime
        return f"{s[0:4]}-{s[4:6]}-{s[6:8]}T{s[9:11]}:{s[11:13]}:{s[13:19]}Z"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "time": self.iso_time,
                               "path": f"{self.folder}{os.sep}{self.id}.jpg"}
        if self.source is not None:
            out["source"] = self.source
        return out


@dataclass(frozen=True, slots=True)
class Moment:
    id: str
    kind: str
    capture: str | None
    time: datetime
    caption: str = ""
    created: datetime = field(default_factory=utc_now)
    span_to: str | None = None  # last capture of a moment that covers a span

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "capture": self.capture,
                "time": iso(self.time), "caption": self.caption,
                "created": iso(self.created), "span_to": self.span_to}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Moment:
        """A moment document as stored (journal.shape checked it)."""
        return cls(id=d["id"], kind=d["kind"], capture=d.get("capture"),
                   time=parse_iso(d["time"]), caption=d.get("caption", ""),
                   created=parse_iso(d["created"]) if d.get("created") else utc_now(),
                   span_to=d.get("span_to"))


@dataclass(frozen=True, slots=True)
class Gap:
    """A stretch where the source was lost (unplugged camera, dropped stream)."""

    start: datetime
    end: datetime | None
    reason: str = ""
    # One of GAP_KINDS; "" in journals older than the field, whose kind is read from the
    # reason's words (timeline.gap_kinds).
    kind: str = ""

    def to_json(self) -> dict[str, Any]:
        out = {"start": iso(self.start), "end": iso(self.end) if self.end else None,
               "reason": self.reason}
        if self.kind:
            out["kind"] = self.kind
        return out


@dataclass(frozen=True, slots=True)
class PieceSnapshot:
    """A frozen view of one piece: it never changes while capture keeps writing."""

    piece: Piece
    captures: tuple[Capture, ...]
    moments: tuple[Moment, ...]
    gaps: tuple[Gap, ...]
    dismissed: frozenset[str]
    capture_meta: MappingProxyType[str, MappingProxyType[str, Any]]
    taken_at: datetime
    problems: tuple[str, ...] = ()
    # Hidden stills stay in ``captures`` (the timeline shows them dimmed); an export
    # never shows them.
    hidden: HiddenRanges = NOTHING_HIDDEN
    # When the maker last worked on the piece, as the journal read it when the snapshot
    # was taken (``journal.activity``: imports and edits count too); None in a snapshot
    # made by hand, whose own stills and moments then say it.
    activity: datetime | None = None

    def is_hidden(self, capture_id: str) -> bool:
        return capture_id in self.hidden

    def still_settings(self, capture_id: str) -> StillSettings:
        return StillSettings.from_mapping(self.capture_meta.get(capture_id))

    @property
    def settings(self) -> PieceSettings:
        return self.piece.typed_settings

    def capture(self, capture_id: str) -> Capture | None:
        index = self.index_of(capture_id)
        return None if index is None else self.captures[index]

    def index_of(self, capture_id: str) -> int | None:
        # Captures are sorted by id (= time order), so bisect instead of a dict.
        from bisect import bisect_left

        ids = _IdView(self.captures)
        i = bisect_left(ids, capture_id)
        if i < len(self.captures) and self.captures[i].id == capture_id:
            return i
        return None

    @property
    def last_activity(self) -> datetime:
        """The one definition, ``Journal.last_activity`` (``journal.activity``)."""
        if self.activity is not None:
            return self.activity
        times = [self.piece.created]
        if self.captures:
            times.append(self.captures[-1].time)
        times.extend(m.created for m in self.moments)
        return max(times)


class _IdView:
    """Sequence of capture ids without building a list (for bisect)."""

    __slots__ = ("_c",)

    def __init__(self, captures: tuple[Capture, ...]) -> None:
        self._c = captures

    def __len__(self) -> int:
        return len(self._c)

    def __getitem__(self, i: int) -> str:
        return self._c[i].id
