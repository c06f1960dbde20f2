"""Every edit the maker makes in the window, as an undoable command over the journal API.

A command keeps what the journal returned (its ``Change``, its ``MoveResult``,
the moment as added), never what a view showed, and undoes only if the journal
still holds that: each undo and redo hands the journal the value it last saw
(``expect=``, ``exact=``: a compare-and-swap under the piece's lock). A value
changed elsewhere meanwhile (the command line, another window) is left as it is,
the maker is told in one sentence, and the command leaves the history.

Each piece has its own history: ``EditStack.set_piece`` switches to it, and the
Edit menu names the piece. An edit runs once before it is recorded: if the
journal refuses it, nothing is recorded. An edit of many stills (more than
``LONG``), and any edit of a piece while one of its edits is running, runs on
the "work" pool so the window stays responsive; the piece's undo and redo wait
for it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from shiboken6 import isValid

from coulisses.i18n import format_count, tr
from coulisses.jobs import Progress
from coulisses.journal import (
    CaptureNotFound,
    ChangedElsewhere,
    Journal,
    JournalError,
    MomentNotFound,
    PieceNotFound,
)
from coulisses.journal.edits import Change, MoveResult
from coulisses.journal.model import Moment
from coulisses.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

EDIT_ERRORS = (JournalError, OSError, ValueError)
# What the command would act on is no longer there as it left it: it can never apply.
GONE = (ChangedElsewhere, MomentNotFound, CaptureNotFound, PieceNotFound)
LONG = 500  # stills: hiding or moving more runs off the GUI thread

StepProgress = Callable[[int, int], None] | None  # (done, total)


def _deleted_elsewhere() -> ChangedElsewhere:
    return ChangedElsewhere(tr("the moment was deleted elsewhere meanwhile"))


# ------------------------------------------------------------------- commands
Words = str | Callable[[], str]  # a command's name; a function: translated when shown


class JournalEdit:
    """One edit of one piece. ``do`` runs it the first time and says whether anything
    changed (nothing changed: nothing to record); ``undo`` and ``redo`` raise
    ChangedElsewhere (or MomentNotFound, CaptureNotFound) when the journal no longer
    holds what this command left there, having changed nothing."""

    long = False

    def __init__(self, text: Words, piece_id: str) -> None:
        self._words = text
        self.piece_id = piece_id

    @property
    def text(self) -> str:
        """What the Edit menu calls it, in the language in force now: a text given as a
        function is said again after a live switch (never "Annuler : Dismiss suggestion")."""
        return self._words() if callable(self._words) else self._words

    def do(self, progress: StepProgress = None) -> bool:
        raise NotImplementedError

    def undo(self, progress: StepProgress = None) -> None:
        raise NotImplementedError

    def redo(self, progress: StepProgress = None) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.text!r} of {self.piece_id}>"


class MomentEdit(JournalEdit):
    """A moment's caption, kind, still or span (``edit`` returns the journal's Change)."""

    def __init__(self, text: Words, journal: Journal, piece_id: str,
                 edit: Callable[[], Change[Moment]]) -> None:
        super().__init__(text, piece_id)
        self.journal, self._edit = journal, edit

    def do(self, progress: StepProgress = None) -> bool:
        change = self._edit()
        self.before, self.after, self.now = change.before, change.after, change.after
        return change.changed

    def undo(self, progress: StepProgress = None) -> None:
        self.now = self._put(self.before)

    def redo(self, progress: StepProgress = None) -> None:
        self.now = self._put(self.after)

    def _put(self, m: Moment) -> Moment:
        try:
            return self.journal.edit_moment(
                self.piece_id, m.id, expect=self.now, caption=m.caption, kind=m.kind,
                capture=m.capture, span_to=m.span_to, time=m.time).after
        except MomentNotFound:
            raise _deleted_elsewhere() from None


class AddMoment(JournalEdit):
    """A new moment (a flag, an accepted suggestion): undo deletes it if it is still as
    this command left it; redo brings it back with its id."""

    def __init__(self, text: Words, journal: Journal, piece_id: str,
                 add: Callable[[], Moment]) -> None:
        super().__init__(text, piece_id)
        self.journal, self._add = journal, add

    def do(self, progress: StepProgress = None) -> bool:
        self.moment = self._add()
        return True

    def undo(self, progress: StepProgress = None) -> None:
        try:
            self.journal.delete_moment(self.piece_id, self.moment.id, expect=self.moment)
        except MomentNotFound:
            raise _deleted_elsewhere() from None

    def redo(self, progress: StepProgress = None) -> None:
        self.moment = self.journal.restore_moment(self.piece_id, self.moment)


class DeleteMoment(JournalEdit):
    """A moment deleted (``delete`` returns it as it was): undo puts it back with its id
    unless one of that id is there and differs; redo deletes it if unchanged."""

    def __init__(self, text: Words, journal: Journal, piece_id: str,
                 delete: Callable[[], Moment]) -> None:
        super().__init__(text, piece_id)
        self.journal, self._delete = journal, delete

    def do(self, progress: StepProgress = None) -> bool:
        self.moment = self._delete()
        return True

    def undo(self, progress: StepProgress = None) -> None:
        self.moment = self.journal.restore_moment(self.piece_id, self.moment)

    def redo(self, progress: StepProgress = None) -> None:
        try:
            self.journal.delete_moment(self.piece_id, self.moment.id, expect=self.moment)
        except MomentNotFound:
            raise _deleted_elsewhere() from None


class HideStills(JournalEdit):
    """Hide (or show) stills. Undo and redo act on exactly the stills this edit changed
    (``Change.ids``), and only while every one of them is as it left them: a still hidden
    elsewhere is never shown by undoing this."""

    def __init__(self, text: Words, journal: Journal, piece_id: str, ids: Sequence[str],
                 hide: bool) -> None:
        super().__init__(text, piece_id)
        self.journal, self.asked, self.hide = journal, list(ids), hide
        self.long = len(self.asked) > LONG
        self.ids: tuple[str, ...] = ()

    def _call(self, hide: bool, ids: Sequence[str], exact: bool) -> Change:
        call = self.journal.hide_stills if hide else self.journal.unhide_stills
        return call(self.piece_id, ids, exact=exact)

    def do(self, progress: StepProgress = None) -> bool:
        self.ids = self._call(self.hide, self.asked, False).ids
        return bool(self.ids)

    def undo(self, progress: StepProgress = None) -> None:
        self._call(not self.hide, self.ids, True)

    def redo(self, progress: StepProgress = None) -> None:
        self._call(self.hide, self.ids, True)


class ValueEdit(JournalEdit):
    """One value (the cover, a focus point, a dismissed suggestion): ``first()`` makes the
    edit, ``put(value, expect)`` writes a value if the stored one is ``expect``."""

    def __init__(self, text: Words, piece_id: str, first: Callable[[], Change],
                 put: Callable[[Any, Any], Change]) -> None:
        super().__init__(text, piece_id)
        self._first, self._put = first, put

    def do(self, progress: StepProgress = None) -> bool:
        change = self._first()
        self.before, self.after, self.now = change.before, change.after, change.after
        return change.changed

    def undo(self, progress: StepProgress = None) -> None:
        self.now = self._put(self.before, self.now).after

    def redo(self, progress: StepProgress = None) -> None:
        self.now = self._put(self.after, self.now).after


def set_cover(text: Words, journal: Journal, piece_id: str, capture_id: str | None) -> ValueEdit:
    return ValueEdit(text, piece_id, lambda: journal.set_cover(piece_id, capture_id),
                     lambda value, expect: journal.set_cover(piece_id, value, expect=expect))


def set_focus(text: Words, journal: Journal, piece_id: str, point: tuple[float, float] | None,
              capture_id: str | None = None) -> ValueEdit:
    """The piece's focus point (``capture_id`` None) or one still's."""
    return ValueEdit(text, piece_id, lambda: journal.set_focus(piece_id, point, capture_id),
                     lambda value, expect: journal.set_focus(piece_id, value, capture_id,
                                                             expect=expect))


def dismiss_suggestion(text: Words, journal: Journal, piece_id: str, key: str) -> ValueEdit:
    def put(dismissed: bool, expect: bool) -> Change:
        call = journal.dismiss_suggestion if dismissed else journal.undismiss_suggestion
        return call(piece_id, key, expect=expect)

    return ValueEdit(text, piece_id, lambda: journal.dismiss_suggestion(piece_id, key), put)


def rename_piece(text: Words, journal: Journal, piece_id: str, name: str) -> ValueEdit:
    def put(value: str, expect: str) -> Change[str]:
        return Change(expect, journal.rename_piece(piece_id, value, expect=expect).name)

    return ValueEdit(text, piece_id, lambda: put(name, journal.piece(piece_id).name), put)


def set_piece_setting(text: Words, journal: Journal, piece_id: str, name: str,
                      value: Any) -> ValueEdit:
    """A piece's craft (or another declared setting) from the pieces panel."""
    return ValueEdit(text, piece_id, lambda: journal.set_piece_setting(piece_id, name, value),
                     lambda v, expect: journal.set_piece_setting(piece_id, name, v,
                                                                 expect=expect))


class MoveStills(JournalEdit):
    """Stills moved to another piece with their moments. Undo moves back exactly the
    stills that arrived (``MoveResult.after``), refused whole if one of them left that
    piece since; redo moves the ones that came back, under the ids they have now."""

    def __init__(self, text: Words, journal: Journal, src: str, ids: Sequence[str],
                 dst: str) -> None:
        super().__init__(text, src)
        self.journal, self.asked, self.dst = journal, list(ids), dst
        self.long = len(self.asked) > LONG

    def do(self, progress: StepProgress = None) -> bool:
        self.result = self.journal.move_stills(self.piece_id, self.asked, self.dst,
                                               progress=progress)
        return bool(self.result.after)

    def undo(self, progress: StepProgress = None) -> None:
        self.back: MoveResult = self.journal.move_back(self.result)

    def redo(self, progress: StepProgress = None) -> None:
        self.result = self.journal.move_stills(self.piece_id, self.back.after, self.dst,
                                               progress=progress)


# -------------------------------------------------------------------- history
DO, UNDO, REDO = "do", "undo", "redo"


@dataclass
class History:
    """One piece's edits: ``done`` (undo pops the last), ``undone`` (redo pops the last)."""

    done: list[JournalEdit] = field(default_factory=list)
    undone: list[JournalEdit] = field(default_factory=list)
    running: int = 0  # steps of this piece still running on the pool
    records: int = 0  # edits recorded so far: an undo ending late knows a new edit came


def _step(command: JournalEdit, how: str, progress: StepProgress = None) -> tuple[Any, ...]:
    """Run one step; ("ok", changed) or ("error", exception): never raises a journal error,
    so a step run on the pool comes back with its exception's class."""
    try:
        if how == DO:
            return ("ok", command.do(progress))
        getattr(command, how)(progress)
        return ("ok", True)
    except EDIT_ERRORS as exc:
        return ("error", exc)


class EditStack(QObject):
    """The window's undo and redo: one history per piece, one sentence when a step cannot
    be done. ``settled(command)`` after each step ends (tests and the views wait on it);
    ``busy(text)`` while a step runs off the GUI thread ("" when none)."""

    settled = Signal(object)
    busy = Signal(str)

    def __init__(self, report: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.piece_id = ""
        self.piece_name = ""
        self._histories: dict[str, History] = {}
        self._runner = TaskRunner(self, "work", makers_work=True)
        self._running: list[JournalEdit] = []
        self._said_at = 0.0  # when the status line last told a long edit's progress

    # ----------------------------------------------------------- the histories
    def history(self, piece_id: str | None = None) -> History:
        key = self.piece_id if piece_id is None else piece_id
        return self._histories.setdefault(key, History())

    def set_piece(self, piece_id: str, name: str = "") -> None:
        """The piece on screen: its history is the one Undo and Redo walk."""
        self.piece_id, self.piece_name = piece_id or "", name
        self.refresh_actions()

    # What QUndoStack offered, for the active piece.
    def count(self) -> int:
        h = self.history()
        return len(h.done) + len(h.undone)

    def index(self) -> int:
        return len(self.history().done)

    def command(self, index: int) -> JournalEdit:
        h = self.history()
        return (h.done + h.undone[::-1])[index]

    def can_undo(self) -> bool:
        h = self.history()
        return bool(h.done) and not h.running

    def can_redo(self) -> bool:
        h = self.history()
        return bool(h.undone) and not h.running

    def clear(self) -> None:
        h = self.history()
        h.done.clear()
        h.undone.clear()
        self.refresh_actions()

    # ------------------------------------------------------------------ steps
    def perform(self, command: JournalEdit,
                then: Callable[[JournalEdit], None] | None = None) -> bool:
        """Do an edit and record it; ``then(command)`` once it is done (at once unless it
        runs on the pool). False, with one sentence for the maker, if it failed."""
        h = self.history(command.piece_id)
        if command.long or h.running:
            self._start(h, command, DO, then)
            return True
        return self._settle(h, command, DO, _step(command, DO), h.records, then)

    def undo_checked(self) -> None:
        self._walk(UNDO)

    def redo_checked(self) -> None:
        self._walk(REDO)

    def _walk(self, how: str) -> None:
        h = self.history()
        side = h.done if how == UNDO else h.undone
        if h.running or not side:
            return
        command = side.pop()  # out of the history while it runs: a late end puts it back
        if command.long:
            self._start(h, command, how, None)
        else:
            self._settle(h, command, how, _step(command, how), h.records, None)

    def _start(self, h: History, command: JournalEdit, how: str,
               then: Callable[[JournalEdit], None] | None) -> None:
        h.running += 1
        self._running.append(command)
        records = h.records

        def job(_cancel, report) -> tuple[Any, ...]:
            def progress(done: int, total: int) -> None:
                report(Progress(done, total, command.text))

            return _step(command, how, progress)

        def ended(outcome: tuple[Any, ...] | None) -> None:
            h.running -= 1
            self._running.remove(command)
            if outcome is None:  # the window is closing: nothing to record or to say
                self.refresh_actions()
            else:
                self._settle(h, command, how, outcome, records, then)
            self._say_busy()

        task = Task(job)
        task.signals.finished.connect(ended)
        task.signals.failed.connect(lambda message: ended(("error", JournalError(message))))
        task.signals.cancelled.connect(lambda: ended(None))
        task.signals.progress.connect(lambda p: self._say_busy(p))
        self._runner.start(task)
        self._say_busy()
        self.refresh_actions()

    def _settle(self, h: History, command: JournalEdit, how: str, outcome: tuple[Any, ...],
                records: int, then: Callable[[JournalEdit], None] | None) -> bool:
        """Put the command where its outcome says; tell the maker what did not happen."""
        ok, value = outcome
        came_after = h.records != records  # a new edit was recorded while this one ran
        if how == DO:
            if ok == "ok":
                if value:
                    h.done.append(command)
                    h.undone.clear()
                    h.records += 1
                if then is not None:
                    then(command)
            else:
                self.report(self.tr("“{action}” could not be done: {reason}").format(
                    action=command.text, reason=value))
        elif ok == "ok":
            if how == REDO:
                h.done.append(command)
            elif not came_after:  # a new edit since makes a new branch: no redo of this
                h.undone.append(command)
        elif isinstance(value, GONE):
            # Changed elsewhere: left as it is, and this command leaves the history.
            self.report((self.tr("“{action}” could not be undone: {reason}. It was left as it "
                                 "is.") if how == UNDO else
                         self.tr("“{action}” could not be redone: {reason}. It was left as it "
                                 "is.")).format(action=command.text, reason=value))
        else:  # a disk or a file problem: the command stays where it was, to try again
            if how == UNDO:
                h.done.append(command)
            elif not came_after:
                h.undone.append(command)
            self.report((self.tr("“{action}” could not be undone: {reason}") if how == UNDO
                         else self.tr("“{action}” could not be redone: {reason}")).format(
                action=command.text, reason=value))
        self.refresh_actions()
        self.settled.emit(command)
        return ok == "ok"

    def _say_busy(self, progress: Progress | None = None) -> None:
        if not self._running:
            self.busy.emit("")
            return
        command = self._running[0]
        if progress is not None:
            # A move reports every still: the status line changes a few times a second.
            now = time.monotonic()
            if now - self._said_at < 0.25 and progress.done != progress.total:
                return
            self._said_at = now
        if progress is not None and progress.total:
            self.busy.emit(self.tr("{action}: {done} of {total}…").format(
                action=command.text, done=format_count(progress.done),
                total=format_count(progress.total)))
        else:
            self.busy.emit(self.tr("{action}…").format(action=command.text))

    @property
    def running(self) -> bool:
        return bool(self._running)

    # ---------------------------------------------------------------- actions
    def make_actions(self, parent) -> tuple[QAction, QAction]:
        """Edit → Undo / Redo, named after the edit ("Undo Hide stills"), and
        ``piece_action``, the line naming whose history they walk."""
        self._undo_action, self._redo_action = QAction(parent), QAction(parent)
        self._undo_action.setObjectName("action_undo")
        self._redo_action.setObjectName("action_redo")
        self.piece_action = QAction(parent)
        self.piece_action.setObjectName("action_history_piece")
        self.piece_action.setEnabled(False)
        self._undo_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Undo))
        self._redo_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Redo,
                                                 QKeySequence("Ctrl+Shift+Z")))
        for action in (self._undo_action, self._redo_action):
            # Anywhere in the window; a text field being typed in keeps its own undo.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._undo_action.triggered.connect(self.undo_checked)
        self._redo_action.triggered.connect(self.redo_checked)
        self.refresh_actions()
        return self._undo_action, self._redo_action

    def refresh_actions(self, *_args) -> None:
        undo, redo = getattr(self, "_undo_action", None), getattr(self, "_redo_action", None)
        if undo is None or not (isValid(self) and isValid(undo) and isValid(redo)):
            return  # no actions yet, or the window is being destroyed
        h = self.history()
        undo.setEnabled(self.can_undo())
        redo.setEnabled(self.can_redo())
        undo.setText(self.tr("&Undo {action}").format(action=h.done[-1].text)
                     if h.done else self.tr("&Undo"))
        redo.setText(self.tr("&Redo {action}").format(action=h.undone[-1].text)
                     if h.undone else self.tr("&Redo"))
        self.piece_action.setText(self.tr("Edits to “{piece}”").format(
            piece=self.piece_name or self.piece_id) if self.piece_id else
            self.tr("No piece chosen"))


def shortcuts(standard: QKeySequence.StandardKey, *more: QKeySequence) -> list[QKeySequence]:
    """The platform's keys for ``standard`` and ``more``, each once: a key given twice to
    one action makes Qt call it ambiguous and do nothing (Ctrl+Shift+Z on Linux)."""
    keys: list[QKeySequence] = []
    for key in (*QKeySequence.keyBindings(standard), *more):
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys


__all__ = ["LONG", "AddMoment", "DeleteMoment", "EditStack", "HideStills", "History",
           "JournalEdit", "MomentEdit", "MoveStills", "ValueEdit", "dismiss_suggestion",
           "set_cover", "set_focus", "shortcuts"]
