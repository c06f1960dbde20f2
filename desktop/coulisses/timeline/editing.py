"""Editing a piece's moments from the timeline (the Qt view and the CLI call this).

A thin layer over the journal's add/update/delete that keeps moments sound:
a span always ends at or after its start, moving a spanned moment moves its
span with it, captions are trimmed, and accepting a suggestion turns it into
a moment. Every change goes through the journal, so observers get their
``moment-changed`` event and the view rebuilds its timeline from a snapshot.
"""

from __future__ import annotations

from datetime import datetime

from coulisses.i18n import tr
from coulisses.journal import CaptureNotFound, Journal, JournalError, MomentNotFound
from coulisses.journal.model import MOMENT_KINDS, Moment, PieceSnapshot


def _clean(caption: str) -> str:
    # Line breaks typed in a one-line field become spaces; the export wraps itself.
    return " ".join(caption.split())


class MomentEditor:
    """Add, re-caption, re-kind, move, span and delete the moments of one piece."""

    def __init__(self, journal: Journal, piece_id: str) -> None:
        self.journal = journal
        self.piece_id = piece_id

    # ----------------------------------------------------------------- helpers
    def _snapshot(self) -> PieceSnapshot:
        return self.journal.snapshot(self.piece_id)

    def _moment(self, snap: PieceSnapshot, moment_id: str) -> Moment:
        for m in snap.moments:
            if m.id == moment_id:
                return m
        raise MomentNotFound(tr("There is no moment {id} in this piece; `coulisses timeline "
                                "PIECE` lists them.", id=moment_id))

    def _index(self, snap: PieceSnapshot, capture_id: str) -> int:
        index = snap.index_of(capture_id)
        if index is None:
            raise CaptureNotFound(tr("There is no still {id} in this piece; `coulisses "
                                     "timeline PIECE --json` lists them.", id=capture_id))
        return index

    @staticmethod
    def _kind(kind: str) -> str:
        if kind not in MOMENT_KINDS:
            raise JournalError(tr("“{kind}” is not a kind of moment; use one of {kinds}.",
                                  kind=kind, kinds=", ".join(MOMENT_KINDS)))
        return kind

    # ------------------------------------------------------------------- edits
    def add(self, kind: str, *, at: str | datetime | None = "last", caption: str = "",
            span_to: str | None = None) -> Moment:
        return self.journal.add_moment(self.piece_id, self._kind(kind), at=at,
                                       caption=_clean(caption), span_to=span_to)

    def recaption(self, moment_id: str, caption: str) -> Moment:
        self._moment(self._snapshot(), moment_id)
        return self.journal.update_moment(self.piece_id, moment_id, caption=_clean(caption))

    def change_kind(self, moment_id: str, kind: str) -> Moment:
        self._moment(self._snapshot(), moment_id)
        return self.journal.update_moment(self.piece_id, moment_id, kind=self._kind(kind))

    def move(self, moment_id: str, capture_id: str) -> Moment:
        """Tie the moment to another still; a span keeps its length in stills."""
        snap = self._snapshot()
        moment = self._moment(snap, moment_id)
        target = self._index(snap, capture_id)
        changes: dict[str, str | None] = {"capture": capture_id}
        if moment.span_to is not None and moment.capture is not None:
            start = snap.index_of(moment.capture)
            end = snap.index_of(moment.span_to)
            if start is not None and end is not None:
                new_end = min(len(snap.captures) - 1, target + (end - start))
                changes["span_to"] = snap.captures[new_end].id
        return self.journal.update_moment(self.piece_id, moment_id, **changes)

    def set_span(self, moment_id: str, span_to: str | None) -> Moment:
        """Make the moment cover its still up to ``span_to`` (None: its still alone)."""
        snap = self._snapshot()
        moment = self._moment(snap, moment_id)
        if span_to is not None:
            end = self._index(snap, span_to)
            start = snap.index_of(moment.capture) if moment.capture else None
            if start is None:
                raise JournalError(tr("This moment has no still, so it cannot cover a span; "
                                      "move it to a still first."))
            if end < start:
                raise JournalError(tr("A span must end at or after the still its moment is "
                                      "on; pick a later still."))
            if end == start:
                span_to = None
        return self.journal.update_moment(self.piece_id, moment_id, span_to=span_to)

    def delete(self, moment_id: str) -> Moment:
        """Delete a moment; returns it so a caller can offer to add it back."""
        moment = self._moment(self._snapshot(), moment_id)
        self.journal.delete_moment(self.piece_id, moment_id)
        return moment

    def restore(self, moment: Moment) -> Moment:
        """Add back a deleted moment (same kind, still, caption and span; new id)."""
        return self.journal.add_moment(self.piece_id, moment.kind,
                                       at=moment.capture or moment.time,
                                       caption=moment.caption, span_to=moment.span_to)

    # -------------------------------------------------------------- suggestions
    def accept(self, capture_id: str, *, kind: str = "struggle", caption: str = "") -> Moment:
        """A suggestion becomes a moment on its still (the maker captions it now or later)."""
        snap = self._snapshot()
        self._index(snap, capture_id)
        return self.add(kind, at=capture_id, caption=caption)

    def dismiss(self, capture_id: str) -> None:
        """Never suggest this still again (remembered in the journal)."""
        self.journal.dismiss_suggestion(self.piece_id, capture_id)


__all__ = ["MomentEditor"]
