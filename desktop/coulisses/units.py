"""Durations and sizes: parsing what makers type (``10s``, ``1h30m``) and writing them back.

Pure functions, no terminal and no Qt: the capture layer, the CLI and the app all use them.
"""

from __future__ import annotations

import re

from coulisses.i18n import tr

_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(ms|h|m|min|s|sec|d)?", re.IGNORECASE)
_SCALE = {"ms": 0.001, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, None: 1}


def parse_duration(text: str) -> float:
    """Seconds in ``text``; raises ValueError with a readable message."""
    s = text.strip().lower().replace(" ", "")
    if not s:
        raise ValueError(tr("empty duration"))
    total = 0.0
    pos = 0
    while pos < len(s):
        m = _PART.match(s, pos)
        if not m or m.end() == pos:
            raise ValueError(tr("{text!r} is not a duration (try 10s, 5m, 2h or 1h30m)", text=text))
        unit = m.group(2)
        total += float(m.group(1).replace(",", ".")) * _SCALE[unit.lower() if unit else None]
        pos = m.end()
    if total <= 0:
        raise ValueError(tr("{text!r} must be longer than zero", text=text))
    return total


MB = 1024 * 1024


def format_duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``2 h 07``: rounded to the second, never negative."""
    seconds = max(0, int(round(seconds)))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    if h:
        return f"{h} h {m:02d}"
    if m:
        return f"{m} min {s:02d} s"
    return f"{s} s"
