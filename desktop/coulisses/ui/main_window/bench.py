"""What happens at the bench: start and stop capture, snap, flag moments, caption them.

A controller with no layout of its own: the window connects its panels here.
Every journal write reports failure as one sentence (``problem``), never a traceback.
Flags and captions are edits of the window's per-piece history (``EditStack``): Ctrl+Z
takes back a flag from F8–F11 like any edit of the timeline.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from coulisses.capture.session import CaptureSettings
from coulisses.i18n import tr
from coulisses.journal import Journal, JournalError
from coulisses.journal.model import Moment
from coulisses.labels import kind_label
from coulisses.ui.capture.controller import CaptureController
from coulisses.ui.moments import flag_note, flag_target
from coulisses.ui.timeline.commands import AddMoment, EditStack, JournalEdit, MomentEdit

log = logging.getLogger(__name__)

TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def typing_in_text_field() -> bool:
    return isinstance(QApplication.focusWidget(), TEXT_INPUTS)


class Bench(QObject):
    problem = Signal(str)
    notice = Signal(str, str)  # text, banner level ("info", "warning"): not a problem
    flagged = Signal(str, object)  # piece id, Moment

    def __init__(self, journal: Journal, capture: CaptureController, edits: EditStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.capture = capture
        self.edits = edits
        self.selected_piece = ""

    @property
    def target_piece(self) -> str:
        """Flags go to the piece being recorded, else to the one on screen."""
        return self.capture.piece_id or self.selected_piece

    def start(self, source: str, settings: CaptureSettings) -> bool:
        if self.capture.recording:
            return False
        if not self.selected_piece:
            self.problem.emit(tr("Create or choose a piece first: every still belongs to one."))
            return False
        if not source:
            self.problem.emit(tr("Choose a source first: a camera, a phone URL, a video file "
                                 "or the screen."))
            return False
        return self.capture.start(self.selected_piece, source, settings)

    def stop(self) -> None:
        self.capture.stop(wait=False)

    def snap(self, from_key: bool = False) -> bool:
        """Snap now. From the keyboard, never while the maker is typing."""
        if from_key and typing_in_text_field():
            return False
        if not self.capture.recording:
            self.problem.emit(tr("Start recording to snap a still."))
            return False
        return self.capture.snap_now()

    def flag(self, kind: str) -> Moment | None:
        """Flag the latest still shown of the target piece (the current time if it has none);
        said when newer stills are hidden, since the reel leaves out a moment on one."""
        piece_id = self.target_piece
        if not piece_id:
            self.problem.emit(tr("Create or choose a piece first: every still belongs to one."))
            return None
        try:
            target = flag_target(self.journal, piece_id)
        except (JournalError, OSError) as exc:
            self.problem.emit(tr("The moment could not be saved: {reason}", reason=str(exc)))
            return None
        journal, made = self.journal, []

        def done(command: JournalEdit) -> None:
            assert isinstance(command, AddMoment)
            made.append(command.moment)
            note = flag_note(target, command.moment, moment_time_text(command.moment))
            if note:
                self.notice.emit(*note)
            self.flagged.emit(piece_id, command.moment)

        # An undoable edit of that piece's history (the window's Edit menu names it).
        self.edits.perform(AddMoment(lambda: tr("Flag {kind}", kind=kind_label(kind)), journal,
                                     piece_id, lambda: journal.add_moment(piece_id, kind,
                                                                          at=target.at)),
                           done)
        return made[0] if made else None  # None too while an edit of the piece runs

    def caption(self, piece_id: str, moment_id: str, text: str) -> bool:
        journal = self.journal
        return self.edits.perform(MomentEdit(
            lambda: tr("Edit caption"), journal, piece_id,
            lambda: journal.edit_moment(piece_id, moment_id, caption=text)))


def moment_time_text(moment: Moment) -> str:
    return moment.time.astimezone().strftime("%H:%M:%S") if isinstance(moment.time, datetime) \
        else ""
