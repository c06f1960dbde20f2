"""Editing a piece's moments from the timeline (the Qt view and the CLI call this).

A thin layer over the journal's add/update/delete that keeps moments sound:
a span always ends at or after its start, moving a spanned moment moves its
span with it, captions are trimmed, and accepting a suggestion turns it into
a moment. Every change goes through the journal, so observers get their
``moment-changed`` event and the view rebuilds its timeline from a snapshot.

For undo, each edit returns a ``Change`` (the moment before and after, read
under the journal's lock), ``delete`` the moment as it was and ``restore``
puts it back with its id. Stills are checked against the snapshot the view
already holds (``snapshot=``), never by rescanning the piece: an edit on a
100,000-still piece costs a few milliseconds. A failed edit raises and
changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coulisses.i18n import tr
from coulisses.journal import CaptureNotFound, Journal, JournalError, MomentNotFound
from coulisses.journal.edits import Change
from coulisses.journal.model import MOMENT_KINDS, Moment, PieceSnapshot


def _clean(caption: str) -> str:
    # Line breaks typed in a one-line field become spaces; the export wraps itself.
    return " ".join(caption.split())


class MomentEditor:
    """Add, re-caption, re-kind, move, span and delete the moments of one piece.

    ``snapshot``: the piece as the caller shows it, used to check stills and
    to measure spans; set ``editor.snapshot`` when a fresh one arrives. Without
    one, the few edits that need the piece's stills (``move`` of a span) take a
    snapshot; the others only list one day folder.
    """

    def __init__(self, journal: Journal, piece_id: str,
                 snapshot: PieceSnapshot | None = None) -> None:
        self.journal = journal
        self.piece_id = piece_id
        self.snapshot = snapshot

    # ----------------------------------------------------------------- helpers
    def _snapshot(self) -> PieceSnapshot:
        if self.snapshot is None:
            return self.journal.snapshot(self.piece_id)
        return self.snapshot

    def _moment(self, moment_id: str) -> Moment:
        try:
            return self.journal.moment(self.piece_id, moment_id)
        except MomentNotFound:
            raise MomentNotFound(self._no_moment(moment_id)) from None

    @staticmethod
    def _no_moment(moment_id: str) -> str:
        return tr("There is no moment {id} in this piece; `coulisses timeline PIECE` lists "
                  "them.", id=moment_id)

    @staticmethod
    def _no_still(capture_id: str) -> str:
        return tr("There is no still {id} in this piece; `coulisses timeline PIECE --json` "
                  "lists them.", id=capture_id)

    def _index(self, snap: PieceSnapshot, capture_id: str) -> int:
        index = snap.index_of(capture_id)
        if index is None:
            raise CaptureNotFound(self._no_still(capture_id))
        return index

    def _span_snapshot(self, *capture_ids: str) -> PieceSnapshot:
        """The snapshot to measure spans on; a fresh one if it lacks one of these stills
        (a still captured or imported since it was taken)."""
        snap = self._snapshot()
        for cid in capture_ids:
            if snap.index_of(cid) is None:
                if not self.journal.has_capture(self.piece_id, cid):
                    raise CaptureNotFound(self._no_still(cid))
                snap = self.snapshot = self.journal.snapshot(self.piece_id)
        return snap

    def _edit(self, moment_id: str, **changes: Any) -> Change[Moment]:
        try:
            return self.journal.edit_moment(self.piece_id, moment_id, **changes)
        except MomentNotFound:
            raise MomentNotFound(self._no_moment(moment_id)) from None
        except CaptureNotFound as exc:
            missing = changes.get("capture") or changes.get("span_to") or ""
            raise CaptureNotFound(self._no_still(missing)) from exc

    @staticmethod
    def _kind(kind: str) -> str:
        if kind not in MOMENT_KINDS:
            raise JournalError(tr("“{kind}” is not a kind of moment; use one of {kinds}.",
                                  kind=kind, kinds=", ".join(MOMENT_KINDS)))
        return kind

    # ------------------------------------------------------------------- edits
    def add(self, kind: str, *, at: str | datetime | None = "last", caption: str = "",
            span_to: str | None = None) -> Moment:
        """Flag a moment; returns it (undo: ``delete(m.id)``, redo: ``restore(m)``)."""
        kind = self._kind(kind)
        try:  # the journal checks the stills with one day listing each
            return self.journal.add_moment(self.piece_id, kind, at=at, caption=_clean(caption),
                                           span_to=span_to)
        except CaptureNotFound as exc:
            missing = at if isinstance(at, str) and at in str(exc) else span_to
            raise CaptureNotFound(self._no_still(str(missing or span_to))) from exc

    def recaption(self, moment_id: str, caption: str) -> Change[Moment]:
        return self._edit(moment_id, caption=_clean(caption))

    def change_kind(self, moment_id: str, kind: str) -> Change[Moment]:
        return self._edit(moment_id, kind=self._kind(kind))

    def move(self, moment_id: str, capture_id: str) -> Change[Moment]:
        """Tie the moment to another still; a span keeps its length in stills."""
        moment = self._moment(moment_id)
        changes: dict[str, str | None] = {"capture": capture_id}
        if moment.span_to is not None and moment.capture is not None:
            snap = self._span_snapshot(capture_id)
            target = self._index(snap, capture_id)
            start = snap.index_of(moment.capture)
            end = snap.index_of(moment.span_to)
            if start is not None and end is not None:
                new_end = min(len(snap.captures) - 1, target + (end - start))
                changes["span_to"] = snap.captures[new_end].id
        return self._edit(moment_id, **changes)

    def set_span(self, moment_id: str, span_to: str | None) -> Change[Moment]:
        """Make the moment cover its still up to ``span_to`` (None: its still alone)."""
        moment = self._moment(moment_id)
        if span_to is not None:
            if moment.capture is None:
                raise JournalError(tr("This moment has no still, so it cannot cover a span; "
                                      "move it to a still first."))
            if span_to < moment.capture:  # ids sort in time order
                raise JournalError(tr("A span must end at or after the still its moment is "
                                      "on; pick a later still."))
            if span_to == moment.capture:
                span_to = None
        return self._edit(moment_id, span_to=span_to)

    def delete(self, moment_id: str) -> Change[Moment | None]:
        """Delete a moment; ``Change.before`` is it as it was (``restore`` brings it back)."""
        try:
            gone = self.journal.delete_moment(self.piece_id, moment_id)
        except MomentNotFound:
            raise MomentNotFound(self._no_moment(moment_id)) from None
        return Change(gone, None)

    def restore(self, moment: Moment) -> Change[Moment | None]:
        """Add back a deleted moment as it was: same id, kind, still, caption, span, time."""
        return Change(None, self.journal.restore_moment(self.piece_id, moment))

    def put_back(self, moment: Moment) -> Change[Moment]:
        """Undo an edit: every field of ``moment`` as it was (same id)."""
        return self._edit(moment.id, caption=moment.caption, kind=moment.kind,
                          capture=moment.capture, span_to=moment.span_to, time=moment.time)

    # -------------------------------------------------------------- suggestions
    def accept(self, capture_id: str, *, kind: str = "struggle", caption: str = "") -> Moment:
        """A suggestion becomes a moment on its still (the maker captions it now or later)."""
        return self.add(kind, at=capture_id, caption=caption)

    def dismiss(self, capture_id: str) -> Change[bool]:
        """Never suggest this still again (remembered in the journal)."""
        return self.journal.dismiss_suggestion(self.piece_id, capture_id)

    def undismiss(self, capture_id: str) -> Change[bool]:
        """Suggest this still again (undo of ``dismiss``)."""
        return self.journal.undismiss_suggestion(self.piece_id, capture_id)


__all__ = ["MomentEditor"]
