"""Parsing what makers type for durations: ``10s``, ``5m``, ``2h``, ``1h30m``, ``90``."""

from __future__ import annotations

import re

_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(ms|h|m|min|s|sec|d)?", re.IGNORECASE)
_SCALE = {"ms": 0.001, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, None: 1}


def parse_duration(text: str) -> float:
    """Seconds in ``text``; raises ValueError with a readable message."""
    s = text.strip().lower().replace(" ", "")
    if not s:
        raise ValueError("empty duration")
    total = 0.0
    pos = 0
    while pos < len(s):
        m = _PART.match(s, pos)
        if not m or m.end() == pos:
            raise ValueError(f"{text!r} is not a duration (try 10s, 5m, 2h or 1h30m)")
        unit = m.group(2)
        total += float(m.group(1).replace(",", ".")) * _SCALE[unit.lower() if unit else None]
        pos = m.end()
    if total <= 0:
        raise ValueError(f"{text!r} must be longer than zero")
    return total
