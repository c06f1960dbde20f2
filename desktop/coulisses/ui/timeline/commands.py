"""Every timeline edit as an undoable command over the journal API.

An edit runs once *before* it is pushed: if the journal refuses it (disk
full, the piece changed meanwhile) nothing is pushed, so the stack never
holds an edit that did not happen. Each command keeps what the journal
returned (the moment with its id, the stills actually hidden, the names the
moved stills got), so undo puts back exactly what was there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from shiboken6 import isValid

from coulisses.journal import JournalError

log = logging.getLogger(__name__)

EDIT_ERRORS = (JournalError, OSError, ValueError)


class JournalEdit(QUndoCommand):
    """``do()`` returns a result; ``undo(result)`` reverses it; ``redo(result)`` does it again."""

    def __init__(self, text: str, do: Callable[[], Any], undo: Callable[[Any], Any],
                 redo: Callable[[Any], Any] | None = None) -> None:
        super().__init__(text)
        self._do, self._undo, self._redo = do, undo, redo
        self.result: Any = None
        self.error: str | None = None
        self._pushed = False

    def run_first(self) -> None:
        self.result = self._do()

    def redo(self) -> None:
        if not self._pushed:  # it already ran in run_first()
            self._pushed = True
            return
        try:
            self.result = (self._redo or (lambda _r: self._do()))(self.result)
            self.error = None
        except EDIT_ERRORS as exc:
            self.error = str(exc)

    def undo(self) -> None:
        try:
            self._undo(self.result)
            self.error = None
        except EDIT_ERRORS as exc:
            self.error = str(exc)


class EditStack(QUndoStack):
    """A QUndoStack that tells the maker in one sentence when an edit cannot be done."""

    def __init__(self, report: Callable[[str], None], parent=None) -> None:
        super().__init__(parent)
        self.report = report

    def perform(self, command: JournalEdit) -> bool:
        try:
            command.run_first()
        except EDIT_ERRORS as exc:
            self.report(self.tr("“{action}” could not be done: {reason}").format(
                action=command.text(), reason=exc))
            return False
        self.push(command)
        return True

    def _checked(self, step: Callable[[], None]) -> None:
        index = self.index()
        step()
        command = self.command(index - 1 if self.index() < index else index)
        if isinstance(command, JournalEdit) and command.error:
            # The journal no longer matches the history: keep the history true.
            self.report(self.tr("“{action}” could not be undone or redone: {reason}. The "
                                "undo history was cleared.").format(action=command.text(),
                                                                    reason=command.error))
            self.clear()

    def undo_checked(self) -> None:
        self._checked(super().undo)

    def redo_checked(self) -> None:
        self._checked(super().redo)

    def make_actions(self, parent) -> tuple[QAction, QAction]:
        """Edit → Undo / Redo, named after the action ("Undo Hide stills")."""
        self._undo_action, self._redo_action = QAction(parent), QAction(parent)
        self._undo_action.setObjectName("action_undo")
        self._redo_action.setObjectName("action_redo")
        self._undo_action.triggered.connect(self.undo_checked)
        self._redo_action.triggered.connect(self.redo_checked)
        self.indexChanged.connect(self.refresh_actions)
        self.cleanChanged.connect(self.refresh_actions)
        self.refresh_actions()
        return self._undo_action, self._redo_action

    def refresh_actions(self, *_args) -> None:
        # The stack clears itself (and signals) while being destroyed: nothing to show then.
        undo, redo = getattr(self, "_undo_action", None), getattr(self, "_redo_action", None)
        if undo is None or not (isValid(self) and isValid(undo) and isValid(redo)):
            return
        undo.setEnabled(self.canUndo())
        redo.setEnabled(self.canRedo())
        undo.setText(self.tr("&Undo {action}").format(action=self.undoText())
                     if self.canUndo() else self.tr("&Undo"))
        redo.setText(self.tr("&Redo {action}").format(action=self.redoText())
                     if self.canRedo() else self.tr("&Redo"))
