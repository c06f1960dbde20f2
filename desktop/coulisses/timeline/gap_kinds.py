"""What kind of pause a recorded gap was: the source lost, or capture paused.

The capture session records each gap with its kind (``Gap.kind``) and a reason
in words, in the language it ran in ("paused: disk full", « en pause : disque
plein », "Camera 0 lost: …"). Journals written before the kind was stored have
the words alone: a pause for a full disk must not be told as a lost camera, so
the kind is read back from those words, in every language we speak; any other
reason (a lost source, or a gap recorded before reasons were) is a lost source,
what a gap meant before pauses were recorded.
"""

from __future__ import annotations

import functools

from coulisses.i18n import SUPPORTED, tr
from coulisses.journal.model import DISK_FULL, GAP_KINDS, SOURCE_LOST, WRITE_ERROR, Gap

# In the order a summary names them.
KINDS = (DISK_FULL, WRITE_ERROR, SOURCE_LOST)


@functools.cache
def _reasons() -> dict[str, str]:
    """Each pause reason the capture records, in every language, -> its kind."""
    # The very strings capture/session.py records (lupdate files them there too).
    english = {DISK_FULL: "paused: disk full", WRITE_ERROR: "paused: write error"}
    found: dict[str, str] = {}
    for kind, text in english.items():
        found[_plain(text)] = kind
        for code in SUPPORTED:
            found[_plain(tr(text, lang=code))] = kind
    return found


def _plain(text: str) -> str:
    # The no-break spaces of French typography, whatever a hand edit made of them.
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split()).casefold()


def gap_kind(gap: Gap | str) -> str:
    """``DISK_FULL``, ``WRITE_ERROR`` or ``SOURCE_LOST`` for a gap (its stored kind) or for
    a recorded reason (an older journal's words)."""
    if isinstance(gap, Gap):
        if gap.kind in GAP_KINDS:
            return gap.kind
        gap = gap.reason
    return _reasons().get(_plain(gap), SOURCE_LOST)


def pause_summary(gaps: list[Gap] | list[str]) -> list[str]:
    """One phrase per kind of pause, with its count, in the UI language:
    ["paused 1 time: disk full", "camera or stream lost 2 times"]."""
    counts = {kind: 0 for kind in KINDS}
    for gap in gaps:
        counts[gap_kind(gap)] += 1
    phrases = {
        DISK_FULL: lambda n: tr("paused %n time(s): disk full", None, n),
        WRITE_ERROR: lambda n: tr("paused %n time(s): write error", None, n),
        SOURCE_LOST: lambda n: tr("camera or stream lost %n time(s)", None, n),
    }
    return [phrases[kind](counts[kind]) for kind in KINDS if counts[kind]]


__all__ = ["DISK_FULL", "KINDS", "SOURCE_LOST", "WRITE_ERROR", "gap_kind", "pause_summary"]
