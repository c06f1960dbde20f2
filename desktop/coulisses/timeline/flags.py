"""Where a flag lands: the newest still a reel shows (the window's F8–F11, the phone's
buttons and the companion's headless host all flag through here)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from coulisses.journal import Journal
from coulisses.journal.stills import Listing


@dataclass(frozen=True)
class FlagTarget:
    """Where a flag key puts its moment: the newest still a reel shows."""

    at: str  # a capture id, or "last" when the piece has no still yet
    passed_hidden: bool = False  # newer stills are hidden: the moment goes before them
    all_hidden: bool = False  # no still is shown: the newest, which the reel leaves out


def flag_target(journal: Journal, piece_id: str) -> FlagTarget:
    """The newest still not hidden. A moment on a hidden still is left out of the reel,
    so a flag after Stop on stills the maker has hidden goes to the last one shown.
    Costs one day folder and piece.json when the newest still is shown (the usual case,
    and always while recording); walks back over hidden ranges otherwise."""
    latest = journal.latest_capture(piece_id)
    if latest is None:
        return FlagTarget("last")
    hidden = journal.hidden(piece_id)
    if latest.id not in hidden:
        return FlagTarget(latest.id)
    ranges = hidden.ranges
    starts = [a for a, _ in ranges]
    listing = Listing(journal.piece_folder(piece_id))
    cid: str | None = latest.id
    while cid is not None and cid in hidden:
        start = ranges[bisect_right(starts, cid) - 1][0]
        cid = listing.before(start)  # the still just before this hidden run
    if cid is None:
        return FlagTarget(latest.id, all_hidden=True)
    return FlagTarget(cid, passed_hidden=True)
