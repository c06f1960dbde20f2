"""Flagging moments at one key: four big buttons and the caption field that follows.

F8 struggle, F9 fix, F10 milestone, F11 result work anywhere in the window
(the shortcuts live in main_window/actions.py); this module is the view. The
caption field offers the piece's craft's caption starters (coulisses.crafts)
as small buttons; ↓ and ↑ step through them from the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.crafts import caption_starters
from coulisses.i18n import language, tr
from coulisses.journal import Journal
from coulisses.journal.model import Moment
from coulisses.labels import kind_label
from coulisses.timeline.flags import FlagTarget, flag_target  # noqa: F401 - the bench's
from coulisses.ui.flow import FlowLayout
from coulisses.ui.tasks import Task, TaskRunner

KINDS = ("struggle", "fix", "milestone", "result")
KEYS = {"struggle": "F8", "fix": "F9", "milestone": "F10", "result": "F11"}
COLOURS = {"struggle": "#c62828", "fix": "#1565c0", "milestone": "#6a1b9a", "result": "#2e7d32"}


class MomentBar(QWidget):
    """Four buttons big enough for a knuckle with clay on it."""

    flag = Signal(str)  # moment kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for i, kind in enumerate(KINDS):
            b = QPushButton(self)
            b.setObjectName(f"flag_{kind}")
            b.setMinimumHeight(64)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steal the caption's focus
            b.setStyleSheet(f"QPushButton {{ background: {COLOURS[kind]}; color: white; "
                            "font-size: 15pt; font-weight: bold; border-radius: 8px; }"
                            "QPushButton:pressed { background: #212121; }"
                            "QPushButton:disabled { background: #9e9e9e; }")
            b.clicked.connect(lambda _=False, k=kind: self.flag.emit(k))
            grid.addWidget(b, 0, i)  # one row: the bench keeps them in sight
            self.buttons[kind] = b
        self.retranslate()

    def retranslate(self) -> None:
        for kind, b in self.buttons.items():
            b.setText(f"{kind_label(kind).capitalize()}\n{KEYS[kind]}")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _CaptionEdit(QLineEdit):
    escaped = Signal()
    step = Signal(int)  # ↓ +1, ↑ -1: the next or previous caption starter

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not event.modifiers():
            self.step.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


def flag_note(target: FlagTarget, moment: Moment, time_text: str) -> tuple[str, str] | None:
    """What the maker is told when the flag did not land on the newest still as usual, and
    how (a banner level): nothing went wrong, so never as an error."""
    kind = kind_label(moment.kind)
    if target.all_hidden:  # the reel will leave it out: worth a warning
        return tr("Every still of this piece is hidden, so the reel leaves this {kind} out: "
                  "show its still in the timeline to keep it.", kind=kind), "warning"
    if target.passed_hidden:
        return tr("The latest stills are hidden, so the {kind} is flagged on the last still "
                  "shown, at {time}.", kind=kind, time=time_text), "info"
    return None


def starters_for(journal: Journal, piece_id: str, kind: str, lang: str) -> list[str]:
    """The caption starters of the piece's craft for a moment just flagged (a pool thread:
    the snapshot lists the piece's stills)."""
    snap = journal.snapshot(piece_id)
    count = sum(1 for m in snap.moments if m.kind == kind)
    return caption_starters(snap.piece.typed_settings.craft, kind, lang, max(count, 1))


class StarterButtons(QWidget):
    """Small buttons, one per caption starter, wrapping onto new lines; never focused,
    so the caption field keeps the keyboard (Enter still saves)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caption_starters")
        self.flow = FlowLayout(self)
        self.buttons: list[QPushButton] = []

    @property
    def texts(self) -> list[str]:
        return [b.text() for b in self.buttons]

    def set_texts(self, texts: list[str]) -> None:
        for b in self.buttons:
            self.flow.removeWidget(b)
            b.deleteLater()
        self.buttons = []
        for text in texts:
            b = QPushButton(text, self)
            b.setObjectName("starter")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.setStyleSheet("QPushButton { background: white; border: 1px solid #ffb300;"
                            " border-radius: 10px; padding: 3px 10px; }"
                            "QPushButton:hover { background: #ffecb3; }")
            b.clicked.connect(lambda _=False, t=text: self.chosen.emit(t))
            self.flow.addWidget(b)
            self.buttons.append(b)
        self.updateGeometry()


class CaptionPrompt(QFrame):
    """Appears after a flag, focused: type a caption and press Enter, or Escape to skip.

    Skipping loses nothing: the moment is already saved; its caption can be
    written later in the timeline.
    """

    submitted = Signal(str, str, str)  # piece id, moment id, caption
    starters_ready = Signal(list)  # the starters now offered (tests wait on it)

    def __init__(self, parent: QWidget | None = None, journal: Journal | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("caption_prompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#caption_prompt { background: #fff8e1; border: 1px solid #ffb300;"
                           " border-radius: 6px; }")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.edit = _CaptionEdit(self)
        self.edit.setObjectName("caption_edit")
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #616161;")
        self.starters_label = QLabel(self)
        self.starters_label.setStyleSheet("color: #616161;")
        self.starters = StarterButtons(self)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.starters_label)
        layout.addWidget(self.starters)
        layout.addWidget(self.hint)
        self._target: tuple[str, str] | None = None
        self._kind = ""
        self._when = ""  # the time the prompt was asked with
        self._runner = TaskRunner(self)
        self.edit.returnPressed.connect(self._submit)
        self.edit.escaped.connect(self.dismiss)
        self.edit.step.connect(self.step_starter)
        self.starters.chosen.connect(self.use_starter)
        self._show_starters([])
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("What happened? (optional)"))
        self.hint.setText(self.tr("Enter saves the caption · Escape skips it (add it later)"))
        self.starters_label.setText(self.tr("Start with (click one, or press ↓):"))
        kind = kind_label(self._kind).capitalize() if self._kind else ""
        if self._when:
            self.title.setText(self.tr("{kind} flagged at {time}").format(kind=kind,
                                                                          time=self._when))
        elif self._kind:
            self.title.setText(self.tr("{kind} flagged").format(kind=kind))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._target is not None:
                self._load_starters()  # the starters of the new language
        super().changeEvent(event)

    @property
    def target(self) -> tuple[str, str] | None:
        return self._target

    def ask(self, piece_id: str, moment_id: str, kind: str, when: str) -> None:
        """Show the prompt for a moment just flagged (a new flag replaces an unfinished one)."""
        if self._target is not None and self.edit.text().strip():
            self._submit()  # a caption typed for the previous moment is kept
        self._target = (piece_id, moment_id)
        self._kind, self._when = kind, when
        self.retranslate()
        self.edit.clear()
        self._show_starters([])  # the previous moment's, until this one's are read
        self._load_starters()
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------- starters
    def _journal(self) -> Journal | None:
        """The journal given, else the window's (the main window has one)."""
        if self.journal is not None:
            return self.journal
        found = getattr(self.window(), "journal", None)
        return found if isinstance(found, Journal) else None

    def _load_starters(self) -> None:
        journal = self._journal()
        if journal is None or self._target is None:
            return
        target, kind, lang = self._target, self._kind, language()
        task = Task(lambda _c, _p: (target, starters_for(journal, target[0], kind, lang)))
        task.signals.finished.connect(self._starters_read)  # a slot: none once the prompt is gone
        self._runner.start(task)

    def _starters_read(self, result: tuple[tuple[str, str], list[str]]) -> None:
        target, texts = result
        if target == self._target:  # still the moment the prompt asks about
            self._show_starters(texts)

    def _show_starters(self, texts: list[str]) -> None:
        self.starters.set_texts(texts)
        self.starters.setVisible(bool(texts))
        self.starters_label.setVisible(bool(texts))
        if texts:
            self.starters_ready.emit(list(texts))

    def use_starter(self, text: str) -> None:
        """Put a starter in the field, the cursor after it, ready to go on typing."""
        self.edit.setText(text)
        self.edit.end(False)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def step_starter(self, step: int) -> None:
        """↓/↑: the next/previous starter, when the field is empty or holds one as offered."""
        texts = self.starters.texts
        current = self.edit.text()
        if not texts or (current and current not in texts):
            return  # the maker's own words are never replaced from the keyboard
        index = texts.index(current) + step if current else (0 if step > 0 else -1)
        self.use_starter(texts[index % len(texts)])

    def _submit(self) -> None:
        if self._target is None:
            return
        text = self.edit.text().strip()
        piece_id, moment_id = self._target
        if text:
            self.submitted.emit(piece_id, moment_id, text)
        self.dismiss()

    def withdraw(self, moment_id: str) -> None:
        """The moment was captioned elsewhere (the phone): stop asking, unless the maker has
        started typing here too."""
        if self._target is not None and self._target[1] == moment_id \
                and not self.edit.text().strip():
            self.dismiss()

    def dismiss(self) -> None:
        self._target = None
        self._kind = self._when = ""
        self.edit.clear()
        self.hide()
