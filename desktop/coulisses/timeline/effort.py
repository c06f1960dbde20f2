"""The honest effort figures of a piece, computed from the journal, never typed in.

Definitions (also in the README):

- **sessions**: groups of stills with no pause longer than the session gap
  (30 min by default), see ``sessions.py``.
- **worked time**: the sum of the sessions' spans, first still to last still.
  Pauses between sessions are not work; a short camera dropout inside a
  session is (the maker kept working, the camera did not).
- **days**: distinct calendar days (local time of this computer) with a still.
- **stills**, **struggles**, **fixes**, **milestones**, **results**, **notes**:
  counts of stills and of moments of each kind.
- **attempts**: how many times the maker (re)started the piece. Attempt 1
  starts at the first still. Walking the moments in time order, every *fix*
  or *result* that comes after a *struggle* (with no fix or result in between)
  starts a new attempt. So "struggle, struggle, fix" is 2 attempts, and
  "struggle, fix, struggle, result" is 3. A piece with no still and no
  moment has 0 attempts.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coulisses.i18n import language, tr
from coulisses.journal.model import Moment, PieceSnapshot, iso
from coulisses.timeline.sessions import Session


@dataclass(frozen=True, slots=True)
class Effort:
    sessions: int
    worked_seconds: float
    days: int
    stills: int
    struggles: int
    fixes: int
    milestones: int
    results: int
    notes: int
    attempts: int
    first: datetime | None = None  # first still
    last: datetime | None = None  # last still

    def to_json(self) -> dict[str, Any]:
        return {
            "sessions": self.sessions,
            "worked_seconds": round(self.worked_seconds, 3),
            "days": self.days,
            "stills": self.stills,
            "struggles": self.struggles,
            "fixes": self.fixes,
            "milestones": self.milestones,
            "results": self.results,
            "notes": self.notes,
            "attempts": self.attempts,
            "first": iso(self.first) if self.first else None,
            "last": iso(self.last) if self.last else None,
        }


def count_attempts(moments: tuple[Moment, ...] | list[Moment], has_stills: bool) -> int:
    """Attempts as defined in the module docstring (moments in time order)."""
    if not has_stills and not moments:
        return 0
    attempts = 1
    after_struggle = False
    for m in sorted(moments, key=lambda m: (m.time, m.created)):
        if m.kind == "struggle":
            after_struggle = True
        elif m.kind in ("fix", "result") and after_struggle:
            attempts += 1
            after_struggle = False
    return attempts


def count_days(times: list[float]) -> int:
    """Distinct local calendar days among POSIX timestamps."""
    days = set()
    last_key = None
    for t in times:
        # Consecutive stills mostly share a minute: skip localtime() for those.
        key = int(t) // 60
        if key == last_key:
            continue
        last_key = key
        lt = _time.localtime(t)
        days.add((lt.tm_year, lt.tm_yday))
    return len(days)


def compute_effort(snapshot: PieceSnapshot, sessions: tuple[Session, ...],
                   times: list[float] | None = None) -> Effort:
    from coulisses.timeline.sessions import timestamps

    times = times if times is not None else timestamps(snapshot.captures)
    kinds = [m.kind for m in snapshot.moments]
    caps = snapshot.captures
    return Effort(
        sessions=len(sessions),
        worked_seconds=sum(s.seconds for s in sessions),
        days=count_days(times),
        stills=len(caps),
        struggles=kinds.count("struggle"),
        fixes=kinds.count("fix"),
        milestones=kinds.count("milestone"),
        results=kinds.count("result"),
        notes=kinds.count("note"),
        attempts=count_attempts(snapshot.moments, bool(caps)),
        first=caps[0].time if caps else None,
        last=caps[-1].time if caps else None,
    )


# ------------------------------------------------------------------ wording
def format_worked(seconds: float, lang: str | None = None) -> str:
    """"11 h 40", "25 min", "40 s": the worked time as a maker says it."""
    seconds = max(0, int(round(seconds)))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    if h:
        return tr("{h} h {m:02d}", lang=lang, h=h, m=m)
    if m:
        return tr("{m} min", lang=lang, m=m)
    return tr("{s} s", lang=lang, s=s)


def effort_parts(effort: Effort, lang: str | None = None) -> dict[str, str]:
    """Each figure as a short phrase in the UI language; zero counts are left out.

    Every phrase is a literal ``tr()`` plural, so each language picks its own
    form (French says "0 effondrement", English "0 collapses").
    """
    lang = lang or language()
    parts: dict[str, str] = {}
    # Photos taken far apart (a phone picture every few hours) make sessions of
    # one still each, with no span to measure: "0 s of work" would be a false
    # figure on the end card, so the worked time is left out instead.
    if effort.worked_seconds >= 1:
        parts["worked"] = tr("{time} of work", lang=lang,
                             time=format_worked(effort.worked_seconds, lang))
    n = effort.struggles
    if n:
        parts["struggles"] = tr("%n struggle(s)", None, n, lang=lang)
    n = effort.fixes
    if n:
        parts["fixes"] = tr("%n fix(es)", None, n, lang=lang)
    n = effort.attempts
    if n > 1:
        parts["attempts"] = tr("%n attempt(s)", None, n, lang=lang)
    n = effort.sessions
    if n:
        parts["sessions"] = tr("%n session(s)", None, n, lang=lang)
    n = effort.days
    if n:
        parts["days"] = tr("%n day(s)", None, n, lang=lang)
    return parts


def effort_line(effort: Effort, lang: str | None = None) -> str:
    """One line for the post text: "11 h 40 of work · 3 struggles · 2 fixes"."""
    p = effort_parts(effort, lang)
    keys = ("worked", "struggles", "fixes", "attempts")
    return " · ".join(p[k] for k in keys if k in p)


def card_lines(effort: Effort, lang: str | None = None) -> tuple[str, ...]:
    """The closing card, first line largest: worked time, then the struggles, then days."""
    p = effort_parts(effort, lang)
    lines = [p["worked"]] if "worked" in p else []
    middle = " · ".join(p[k] for k in ("struggles", "fixes", "attempts") if k in p)
    if middle:
        lines.append(middle)
    tail = " · ".join(p[k] for k in ("sessions", "days") if k in p)
    if tail:
        lines.append(tail)
    return tuple(lines)


__all__ = ["Effort", "card_lines", "compute_effort", "count_attempts", "count_days",
           "effort_line", "effort_parts", "format_worked"]
