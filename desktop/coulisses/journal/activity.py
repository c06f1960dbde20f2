"""When the maker last worked on a piece: the one definition (``Journal.last_activity``).

The newest of: the piece's creation, its latest still, the last time a still was
added (captured, imported or moved in: the added-stills log's time, since an
imported photo carries the time it was *taken*), a moment's creation, and the
last edit (every write of ``piece.json`` through ``Journal.tables`` leaves a
stamp). The pieces list orders by it and the window opens on its newest;
``coulisses piece list`` prints it; ``PieceSnapshot.last_activity`` holds it.

Both files are rebuildable caches: losing them only loses ordering precision.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coulisses.atomicio import write_bytes
from coulisses.journal import layout
from coulisses.journal.confine import require_inside
from coulisses.journal.model import iso, parse_iso, utc_now

log = logging.getLogger(__name__)

ACTIVITY = "activity"  # the cache folder holding the stamp below
EDITED = "edited"  # the UTC time of the piece's latest edit, as ISO text
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_EPOCH = datetime.fromtimestamp(0, UTC)


def note_edit(piece_folder: Path, when: datetime | None = None) -> None:
    """Stamp the piece as edited now (a failure only costs ordering precision)."""
    try:
        folder = layout.cache_dir(piece_folder, ACTIVITY)
        write_bytes(require_inside(piece_folder, folder / EDITED),
                    iso(when or utc_now()).encode("ascii"))
    except OSError as exc:
        log.warning("the edit time of %s was not noted: %s", piece_folder.name, exc)


def noted_times(piece_folder: Path) -> list[datetime]:
    """The edit stamp and the time a still was last added, where the files hold them."""
    out: list[datetime] = []
    edited = piece_folder / layout.CACHE / ACTIVITY / EDITED
    with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
        fd = os.open(edited, os.O_RDONLY | _NOFOLLOW)  # never read through a planted link
        try:
            out.append(parse_iso(os.read(fd, 64).decode("ascii")))
        finally:
            os.close(fd)
    with contextlib.suppress(OSError, ValueError, OverflowError):
        st = os.lstat(layout.added_log(piece_folder))
        out.append(datetime.fromtimestamp(st.st_mtime, UTC))
    return out


def _times(docs: Iterable[Any]) -> Iterable[datetime]:
    for doc in docs:
        created = doc.get("created") if isinstance(doc, dict) else None
        if isinstance(created, str):
            with contextlib.suppress(ValueError):
                yield parse_iso(created)


def last_activity(piece_folder: Path, data: dict[str, Any],
                  latest_still: datetime | None) -> datetime:
    """The newest activity of a piece from its ``piece.json`` data (as read), the time of
    its latest still and the files noted above."""
    piece = (data.get("piece") or {}).get("1") or {}
    moments = (data.get("moments") or {}).values()
    times = [*_times([piece]), *_times(moments), *noted_times(piece_folder)]
    # A still dated ahead (a camera's clock) counts from when it was added (the log).
    if latest_still is not None and latest_still <= utc_now():
        times.append(latest_still)
    return max(times, default=_EPOCH)
