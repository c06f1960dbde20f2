"""The timeline of one piece: sessions, moments, effort and suggestions, frozen.

``build_timeline(snapshot)`` is what the Qt timeline view and the ``timeline``
command consume. It only reads: the snapshot never changes under it, and a
fresh one is built after each journal event. Finding suggestions decodes
thumbnails (cached per day), so it takes a cancel token and a progress
callback and can run on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from coulisses.jobs import CancelToken, ProgressCallback
from coulisses.journal import piece_settings
from coulisses.journal.model import Moment, Piece, PieceSnapshot
from coulisses.timeline.effort import Effort, compute_effort
from coulisses.timeline.sessions import (
    DEFAULT_GAP,
    Session,
    moment_anchor,
    session_of,
    split_sessions,
    timestamps,
)
from coulisses.timeline.suggestions import Suggestion, find_suggestions

SESSION_GAP_SETTING = piece_settings.SESSION_GAP  # kept for callers of the old name


def session_gap_of(snapshot: PieceSnapshot, gap: float | None = None) -> float:
    """The gap that splits sessions: the caller's, else the piece's setting, else 30 min."""
    if gap is not None:
        return float(gap)
    return snapshot.settings.session_gap or DEFAULT_GAP


@dataclass(frozen=True, slots=True)
class Timeline:
    snapshot: PieceSnapshot
    sessions: tuple[Session, ...]
    effort: Effort
    suggestions: tuple[Suggestion, ...]
    session_gap: float
    suggestions_done: bool = True  # False when they were skipped or cancelled

    @property
    def piece(self) -> Piece:
        return self.snapshot.piece

    @property
    def moments(self) -> tuple[Moment, ...]:
        return self.snapshot.moments

    def moment(self, moment_id: str) -> Moment | None:
        return next((m for m in self.snapshot.moments if m.id == moment_id), None)

    def session_of_capture(self, capture_id: str) -> Session | None:
        index = self.snapshot.index_of(capture_id)
        return None if index is None else session_of(self.sessions, index)

    def session_of_moment(self, moment: Moment) -> Session | None:
        anchor = moment_anchor(self.snapshot, moment)
        return None if anchor is None else session_of(self.sessions, anchor)

    def to_json(self, captures: bool = True) -> dict[str, Any]:
        sessions = [s.to_json() for s in self.sessions]
        effort = self.effort.to_json()
        effort["session_gap"] = self.session_gap
        effort["sessions_detail"] = sessions
        snap = self.snapshot
        out: dict[str, Any] = {
            "piece": {"id": snap.piece.id, "name": snap.piece.name},
            "captures": [c.to_json() for c in snap.captures] if captures else [],
            "moments": [m.to_json() for m in snap.moments],
            "gaps": [g.to_json() for g in snap.gaps],
            "effort": effort,
            "sessions": sessions,
            "suggestions": [s.to_json() for s in self.suggestions],
        }
        if not self.suggestions_done:
            out["suggestions_skipped"] = True
        return out


def build_timeline(snapshot: PieceSnapshot, *, gap: float | None = None,
                   suggestions: bool = True, use_cache: bool = True,
                   token: CancelToken | None = None, progress: ProgressCallback | None = None,
                   lang: str | None = None) -> Timeline:
    """Sessions, effort and (unless ``suggestions=False``) suggested moments of a piece.

    Raises ``Cancelled`` if ``token`` is cancelled while suggestions are found.
    """
    session_gap = session_gap_of(snapshot, gap)
    times = timestamps(snapshot.captures)
    sessions = split_sessions(snapshot, session_gap, times)
    effort = compute_effort(snapshot, sessions, times)
    if snapshot.hidden:
        # Worked time counts hidden stills (the maker worked them); the still count
        # is what a reel can show.
        effort = replace(effort, stills=len(snapshot.captures)
                         - snapshot.hidden.count_in(snapshot.captures))
    found: tuple[Suggestion, ...] = ()
    if suggestions:
        found = find_suggestions(snapshot, sessions, use_cache=use_cache, token=token,
                                 progress=progress, lang=lang)
        # A hidden still is not offered as a moment: it will never be in a reel.
        found = tuple(s for s in found if not snapshot.is_hidden(s.capture))
    return Timeline(snapshot=snapshot, sessions=sessions, effort=effort, suggestions=found,
                    session_gap=session_gap, suggestions_done=suggestions)


__all__ = ["SESSION_GAP_SETTING", "Timeline", "build_timeline", "session_gap_of"]
