"""The timeline tab: the strip, the large still, moments and suggestions, the effort plot.

Behaviour lives here as a thin controller over the journal and timeline APIs:
every edit goes through the EditStack (undoable, never recorded if it
failed); views are refreshed from a fresh snapshot built off the GUI thread.

While a capture runs (this window's or ``coulisses capture`` in a terminal),
new stills cost a constant amount of work whatever the piece's size: the page
reads the stills added since its last look (``journal.added``), grows its
timeline and strip layout by them on the GUI thread (``timeline.growing``,
``extend_layout``), and looks for suggestions at most once a minute. A fresh
snapshot is taken only when something else changed (an edit here or in
another program, a move, a piece chosen).
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.heap import give_back
from coulisses.i18n import format_datetime
from coulisses.journal import Journal, JournalError
from coulisses.journal.added import Mark, added_since, mark
from coulisses.journal.model import MOMENT_KINDS, Capture
from coulisses.journal.piece_settings import AREA, parse_area
from coulisses.labels import kind_label
from coulisses.timeline.build import Timeline, build_timeline
from coulisses.timeline.editing import MomentEditor
from coulisses.timeline.growing import compact, grow
from coulisses.timeline.suggestions import Suggestion, find_suggestions
from coulisses.ui.tasks import Task, TaskRunner
from coulisses.ui.timeline import commands
from coulisses.ui.timeline.commands import (
    AddMoment,
    DeleteMoment,
    EditStack,
    HideStills,
    JournalEdit,
    MomentEdit,
    MoveStills,
    Words,
)
from coulisses.ui.timeline.effort_plot import EffortPlot
from coulisses.ui.timeline.side_panel import SidePanel
from coulisses.ui.timeline.still_view import StillView
from coulisses.ui.timeline.strip_layout import Zoom, build_layout, extend_layout, session_cells
from coulisses.ui.timeline.strip_view import StripView

log = logging.getLogger(__name__)
RELOAD_MS = 150
JUMP_CHARS = 18  # the jump menu's width, in characters, whatever it lists
# While stills arrive, suggestions are looked for at most this often: a search reads
# the signatures of up to 4,000 stills, and a suggestion needs a dozen stills after
# the change it points at anyway. An edit looks again at once.
SUGGEST_EVERY_MS = 60_000


def _load(journal: Journal, piece_id: str, zoom: Zoom):
    at = mark(journal, piece_id)  # before the snapshot: what comes after is read again
    snapshot = journal.snapshot(piece_id)
    timeline = build_timeline(snapshot, suggestions=False)
    layout = build_layout(timeline, zoom)
    return piece_id, at, compact(timeline), layout  # ~30 bytes a still from here on


def _suggest(timeline: Timeline, cancel, progress) -> tuple[str, tuple[Suggestion, ...]]:
    snap = timeline.snapshot
    found = find_suggestions(snap, timeline.sessions, token=cancel, progress=progress)
    # A hidden still is not offered as a moment: it will never be in a reel.
    return snap.piece.id, tuple(s for s in found if not snap.is_hidden(s.capture))



def _shorter(caption: str, limit: int = 60) -> str:
    """A caption short enough for a menu line (the moments list shows it whole)."""
    caption = " ".join(caption.split())
    return caption if len(caption) <= limit else caption[:limit - 1].rstrip() + "…"

class TimelinePage(QWidget):
    problem = Signal(str)
    loaded = Signal()  # a fresh timeline is on screen (tests wait on it)

    def __init__(self, journal: Journal, stack: EditStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.stack = stack
        self.piece_id = ""
        self.timeline: Timeline | None = None
        self._loads = TaskRunner(self, "timeline")
        self._suggestions = TaskRunner(self, "work")
        self._suggest_task: Task | None = None
        self._suggested_for: object = None
        self._searched_at = -SUGGEST_EVERY_MS / 1000  # monotonic seconds of the last search
        self._suggest_later = QTimer(self)
        self._suggest_later.setSingleShot(True)
        self._suggest_later.timeout.connect(self._suggest_due)
        self._mark: Mark | None = None  # where the timeline on screen stands in the journal
        self._jump_for: object = None  # the sessions and moments the jump menu lists
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_MS)
        self._reload.timeout.connect(self.reload_now)
        self._loading = False
        self._again = False
        self._stale = False
        self._comparing: str | None = None  # the suggestion shown beside the still before it

        # --- toolbar
        self.zoom = QComboBox(self)
        self.zoom.setObjectName("zoom")
        self.zoom.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # any language
        self.jump = QComboBox(self)
        self.jump.setObjectName("jump")
        # As wide as "Jump to…" needs, never as wide as the longest caption in its list.
        self.jump.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.jump.setMinimumContentsLength(JUMP_CHARS)
        self.flag_button = QToolButton(self)
        self.flag_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.flag_menu = QMenu(self)
        self.flag_button.setMenu(self.flag_menu)
        self.hide_button = QPushButton(self)
        self.move_button = QPushButton(self)
        self.cover_button = QPushButton(self)
        self.focus_for_piece = QCheckBox(self)
        # Where the piece is: drawn on the still; the menu forgets it.
        self.area_button = QToolButton(self)
        self.area_button.setObjectName("piece_area")
        self.area_button.setCheckable(True)
        self.area_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.area_menu = QMenu(self)
        self.forget_area_action = self.area_menu.addAction("", self.forget_area)
        self.area_button.setMenu(self.area_menu)
        self.info = QLabel(self)
        self.info.setObjectName("still_info")
        # Two short rows rather than one long one: the window must fit a small laptop.
        bar = QVBoxLayout()
        for widgets in ((self.zoom, self.jump, self.focus_for_piece, self.area_button),
                        (self.flag_button, self.hide_button, self.move_button, self.cover_button)):
            row = QHBoxLayout()
            for w in widgets:
                row.addWidget(w)
            row.addStretch(1)
            bar.addLayout(row)
        # --- views
        self.strip = StripView(self)
        self.still = StillView(self)
        self.side = SidePanel(self)
        self.effort = EffortPlot(self)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.still, 1)
        lv.addWidget(self.info)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.strip)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.effort)

        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.jump.activated.connect(self._jump_chosen)
        self.strip.current_changed.connect(self._still_chosen)
        self.strip.selection_changed.connect(lambda *_a: self._update_buttons())
        self.still.focus_picked.connect(self.set_focus)
        self.still.area_drawn.connect(self.set_area)
        self.area_button.toggled.connect(self._draw_area)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.move_button.clicked.connect(self.ask_move_to_piece)
        self.cover_button.clicked.connect(self.set_cover)
        s = self.side
        s.jump_to.connect(self.jump_to_capture)
        s.compare.connect(self.compare_suggestion)
        s.recaption.connect(self.recaption)
        s.change_kind.connect(self.change_kind)
        s.move_here.connect(self.move_moment_here)
        s.delete.connect(self.delete_moment)
        s.accept.connect(self.accept_suggestion)
        s.dismiss.connect(self.dismiss_suggestion)
        self.retranslate()

    # ------------------------------------------------------------- language
    def retranslate(self) -> None:
        current = self.zoom.currentIndex()
        self.zoom.blockSignals(True)
        self.zoom.clear()
        self.zoom.addItem(self.tr("Every still"), Zoom.EVERY.value)
        self.zoom.addItem(self.tr("One per minute"), Zoom.MINUTE.value)
        self.zoom.addItem(self.tr("One per session"), Zoom.SESSION.value)
        self.zoom.setCurrentIndex(max(0, current))
        self.zoom.blockSignals(False)
        self.flag_button.setText(self.tr("Flag as…"))
        self.flag_menu.clear()
        for kind in MOMENT_KINDS:
            self.flag_menu.addAction(kind_label(kind).capitalize(),
                                     lambda k=kind: self.flag_selection(k))
        self.move_button.setText(self.tr("Move to another piece…"))
        self.cover_button.setText(self.tr("Set as cover"))
        self.focus_for_piece.setText(self.tr("Focus for the whole piece"))
        self.area_button.setText(self.tr("Draw the piece's area"))
        self.area_button.setToolTip(self.tr(
            "Drag around the piece on the still: suggested moments look for changes there"))
        self.forget_area_action.setText(self.tr("Forget the piece's area"))
        self._fill_jump()
        self._current_changed(self.strip.current)  # the line under the still; the buttons

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --------------------------------------------------------------- loading
    def set_piece(self, piece_id: str) -> None:
        if piece_id == self.piece_id:
            return
        self.piece_id = piece_id
        self.timeline = None
        self.area_button.setChecked(False)  # an area is drawn on the piece it is for
        self._mark = None
        self.strip.current = self.strip.anchor = -1
        self.reload_now()

    def reload(self) -> None:
        """Reload soon (a burst of changes makes one reload); when shown, if hidden now.

        A capture left running for days in the tray must not rebuild a timeline
        (and search it for suggestions) after every still that nobody looks at.
        """
        if not self.isVisible():
            self._stale = True
            return
        if not self._reload.isActive():
            self._reload.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload_now()

    def reload_now(self) -> None:
        """Show the journal as it is: the new stills appended when nothing else changed,
        else a fresh snapshot built off the GUI thread."""
        if not self.piece_id:
            return
        if self._loading:
            self._again = True
            return
        if self._grow():
            return
        self._loading = True
        journal, piece_id, zoom = self.journal, self.piece_id, Zoom(self.zoom.currentData())
        task = Task(lambda _c, _p: _load(journal, piece_id, zoom))
        task.signals.finished.connect(self._loaded)
        task.signals.failed.connect(self._failed)
        self._loads.start(task)

    def _grow(self) -> bool:
        """Append the stills added since the timeline on screen was read; False when a
        fresh snapshot is needed instead. Costs what the new stills cost, not the piece."""
        tl, at = self.timeline, self._mark
        if tl is None or at is None or tl.piece.id != self.piece_id:
            return False
        try:
            got = added_since(self.journal, self.piece_id, at)
        except (JournalError, OSError) as exc:
            log.debug("stills added to %s not read: %s", self.piece_id, exc)
            return False
        if got is None:
            return False
        added, self._mark = got
        if not added:  # the poll seeing this window's own stills again
            return True
        grown = grow(tl, added)
        if grown is None:
            return False
        if grown is tl:
            return True
        layout = self.strip.layout_
        if layout is not None and layout.captures == len(tl.snapshot.captures) \
                and layout.zoom == self.strip.zoom:
            layout = extend_layout(layout, grown)
        else:
            layout = None  # the strip lays it out again (it was zoomed meanwhile)
        self._show(grown, layout, grown=True)
        self._suggest_soon()
        return True

    def _failed(self, message: str) -> None:
        self._loading = False
        self.problem.emit(message)

    def _loaded(self, result) -> None:
        self._loading = False
        piece_id, at, timeline, layout = result
        if piece_id == self.piece_id:
            self._mark = at
            self._show(timeline, layout)
            self._find_suggestions(timeline)
        give_back()  # the snapshot this one replaced
        if self._again:
            self._again = False
            self.reload_now()

    def _show(self, timeline: Timeline, layout=None, grown: bool = False) -> None:
        """Put ``timeline`` on screen; ``grown``: the one on screen with stills appended
        (the moments, suggestions and the still on show are the same: left as they are,
        so a caption being typed stays open)."""
        old = self.timeline
        if not grown and old is not None and not timeline.suggestions and old.suggestions:
            # Keep the suggestions already found until the new search finishes.
            snap = timeline.snapshot
            kept = tuple(s for s in old.suggestions if s.capture not in snap.dismissed
                         and not snap.is_hidden(s.capture)
                         and snap.index_of(s.capture) is not None)
            timeline = replace(timeline, suggestions=kept)
        first = old is None
        self.timeline = timeline
        self.strip.set_timeline(timeline, keep_position=not first, layout=layout)
        if not grown:
            self.side.set_timeline(timeline)
        self.effort.set_timeline(timeline)
        jump = (timeline.piece.id, len(timeline.sessions), timeline.moments)
        if jump != self._jump_for:  # the menu lists sessions and moments, not stills
            self._fill_jump()
        if not grown:
            self._current_changed(self.strip.current)
        self.loaded.emit()

    def _suggest_soon(self) -> None:
        """Look for suggestions again once SUGGEST_EVERY_MS has passed since the last look."""
        if self._suggest_later.isActive():
            return
        since = (time.monotonic() - self._searched_at) * 1000
        self._suggest_later.start(int(max(0.0, SUGGEST_EVERY_MS - since)))

    def _suggest_due(self) -> None:
        if self._suggest_task is not None:
            self._suggest_soon()  # the last search is still running: let it finish
            return
        if self.timeline is not None and self.isVisible():
            self._find_suggestions(self.timeline)

    def _find_suggestions(self, timeline: Timeline) -> None:
        snapshot = timeline.snapshot
        key = (snapshot.piece.id, len(snapshot.captures),
               snapshot.captures[-1].id if snapshot.captures else None, snapshot.dismissed,
               snapshot.hidden, tuple((m.id, m.capture, m.span_to) for m in snapshot.moments),
               snapshot.settings.focus, snapshot.settings.area)
        if key == self._suggested_for:
            return
        self._suggested_for = key
        self._suggest_later.stop()
        self._searched_at = time.monotonic()
        if self._suggest_task is not None:
            self._suggest_task.cancel()
        task = Task(lambda c, p: _suggest(timeline, c, p))
        task.signals.finished.connect(self._suggestions_found)
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(self._search_ended)
        self._suggest_task = task
        self._suggestions.start(task)

    def _search_ended(self, *_args) -> None:
        task = self._suggest_task
        if task is not None and self.sender() is task.signals:
            self._suggest_task = None
        give_back()  # the ~20 MB the search took for a moment, on a worker thread

    def _suggestions_found(self, result: tuple[str, tuple[Suggestion, ...]]) -> None:
        piece_id, found = result
        if self.timeline is None or piece_id != self.piece_id:
            return
        current = self.timeline
        snap = current.snapshot
        fresh = tuple(s for s in found if s.capture not in snap.dismissed
                      and not snap.is_hidden(s.capture))
        if fresh == current.suggestions:
            return
        self.timeline = replace(current, suggestions=fresh)
        self.strip.set_timeline(self.timeline, layout=self.strip.layout_)
        self.side.set_timeline(self.timeline)
        if self._comparing is not None and all(s.capture != self._comparing for s in fresh):
            self._current_changed(self.strip.current)  # accepted or gone: the still alone

    # ------------------------------------------------------------ navigation
    def _zoom_changed(self) -> None:
        self.strip.set_zoom(Zoom(self.zoom.currentData()))

    def _fill_jump(self) -> None:
        tl = self.timeline
        self._jump_for = (tl.piece.id, len(tl.sessions), tl.moments) if tl else None
        self.jump.clear()
        self.jump.addItem(self.tr("Jump to…"), "")
        tl = self.timeline
        if tl is None:
            return
        for s in tl.sessions:
            self.jump.addItem(self.tr("Session {n} — {date}").format(
                n=s.index + 1, date=format_datetime(s.start)), s.captures[0].id)
        for m in sorted(tl.moments, key=lambda m: m.time):
            if m.capture:
                what = _shorter(m.caption) or format_datetime(m.time)
                self.jump.addItem(f"{kind_label(m.kind).capitalize()} — {what}", m.capture)

    def _jump_chosen(self, index: int) -> None:
        capture_id = self.jump.itemData(index)
        if capture_id:
            self.jump_to_capture(capture_id)
        self.jump.setCurrentIndex(0)

    def jump_to_capture(self, capture_id: str) -> None:
        if self.timeline is None:
            return
        index = self.timeline.snapshot.index_of(capture_id)
        if index is not None:
            self.strip.set_current(index)

    def jump_to_session(self, n: int) -> None:
        lay = self.strip.layout_
        if lay is not None and 0 <= n < len(session_cells(lay)) and self.timeline:
            self.strip.set_current(self.timeline.sessions[n].first)

    def compare_suggestion(self, capture_id: str) -> None:
        """Go to this suggested still and show it beside the still before the change."""
        self.jump_to_capture(capture_id)  # the still alone, as any jump
        tl = self.timeline
        if tl is not None and tl.snapshot.index_of(capture_id) == self.strip.current:
            self._comparing = capture_id
            self._current_changed(self.strip.current)

    def _still_chosen(self, index: int) -> None:
        """A still chosen in the strip (a click, a key, a jump): shown alone."""
        self._comparing = None
        self._current_changed(index)

    def compared(self) -> tuple[Suggestion, Capture] | None:
        """The suggestion on show beside the still before it, and that still; None when
        the large view shows one still."""
        tl = self.timeline
        if tl is None or self._comparing is None:
            return None
        suggestion = next((s for s in tl.suggestions if s.capture == self._comparing), None)
        snap = tl.snapshot
        index = snap.index_of(self._comparing)
        if suggestion is None or index is None or index != self.strip.current:
            return None
        # The suggestion is the first still after the change: the still before it is the
        # shown one just before (a hidden still is never in the reel the maker pictures).
        for i in range(index - 1, -1, -1):
            if not snap.is_hidden(snap.captures[i].id):
                return suggestion, snap.captures[i]
        return None

    def _current_changed(self, index: int) -> None:
        tl = self.timeline
        if tl is None or not (0 <= index < len(tl.snapshot.captures)):
            self._comparing = None
            self.still.show_capture(None, None)
            self.info.setText("")
            self._update_buttons()
            return
        cap = tl.snapshot.captures[index]
        self.still.piece_area = tl.snapshot.settings.area
        self.forget_area_action.setEnabled(tl.snapshot.settings.area is not None)
        pair = self.compared()
        if pair is None:
            self._comparing = None
            self.still.show_capture(cap, self.focus_of(cap.id), self.is_hidden(cap.id))
        else:
            suggestion, before = pair
            self.still.show_comparison(before, cap, suggestion.area, suggestion.code,
                                       self.focus_of(cap.id), self.is_hidden(cap.id))
        session = tl.session_of_capture(cap.id)
        parts = [format_datetime(cap.time, seconds=True)]
        if cap.source:
            parts.append(self.tr("from {source}").format(source=cap.source))
        if session is not None:
            parts.append(self.tr("session {n}").format(n=session.index + 1))
        if self.cover_id() == cap.id:
            parts.append(self.tr("cover"))
        self.info.setText(" · ".join(parts))
        self._update_buttons()

    # ------------------------------------------------------- reading state
    def cover_id(self) -> str | None:
        return self.timeline.snapshot.settings.cover if self.timeline else None

    def focus_of(self, capture_id: str) -> tuple[float, float] | None:
        """The still's own focus point, else the piece's (None: the centre)."""
        if self.timeline is None:
            return None
        snap = self.timeline.snapshot
        return snap.still_settings(capture_id).focus or snap.settings.focus

    def is_hidden(self, capture_id: str) -> bool:
        return bool(self.timeline and self.timeline.snapshot.is_hidden(capture_id))

    def selected_ids(self) -> list[str]:
        if self.timeline is None or not self.timeline.snapshot.captures:
            return []
        a, b = self.strip.selection
        return [c.id for c in self.timeline.snapshot.captures[a:b + 1]]

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        has = bool(ids)
        for w in (self.flag_button, self.hide_button, self.move_button, self.cover_button):
            w.setEnabled(has)
        all_hidden = has and all(self.is_hidden(i) for i in ids)
        if len(ids) > 1:
            self.hide_button.setText(self.tr("Show these %n stills", "", len(ids))
                                     if all_hidden else
                                     self.tr("Hide these %n stills", "", len(ids)))
        else:
            self.hide_button.setText(self.tr("Show this still") if all_hidden
                                     else self.tr("Hide this still"))

    # ---------------------------------------------------------------- edits
    # Each edit is a command over what the journal returns (commands.py), never over
    # this page's snapshot, which may be a reload behind.
    def _editor(self) -> MomentEditor:
        return MomentEditor(self.journal, self.piece_id)

    def _perform(self, command: JournalEdit, then=None) -> bool:
        ok = self.stack.perform(command, then)
        self.reload()
        return ok

    def flag_selection(self, kind: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        span_to = ids[-1] if len(ids) > 1 else None
        editor = self._editor()
        self._add_moment(lambda: self.tr("Flag {kind}").format(kind=kind_label(kind)),
                         lambda: editor.add(kind, at=ids[0], span_to=span_to))

    def _add_moment(self, text: Words, add) -> None:
        """A new moment (undo deletes it, redo brings it back with its id), then its caption."""
        self._perform(AddMoment(text, self.journal, self.piece_id, add), self._caption_new)

    def _caption_new(self, command: AddMoment) -> None:
        self.caption_when_listed(command.moment.id)

    def caption_when_listed(self, moment_id: str) -> None:
        """Open this moment's caption for typing once the list shows it (a flag made on
        this page, or a flag key pressed while it is shown)."""
        self._caption_after_load = moment_id
        self.loaded.connect(self._open_caption, Qt.ConnectionType.SingleShotConnection)

    def _open_caption(self) -> None:
        moment_id = getattr(self, "_caption_after_load", None)
        if moment_id:
            self.side.edit_caption(moment_id)

    def _edit_moment(self, text: Words, edit) -> None:
        self._perform(MomentEdit(text, self.journal, self.piece_id, edit))

    def recaption(self, moment_id: str, caption: str) -> None:
        editor = self._editor()
        self._edit_moment(lambda: self.tr("Edit caption"),
                          lambda: editor.recaption(moment_id, caption))

    def change_kind(self, moment_id: str, kind: str) -> None:
        editor = self._editor()
        self._edit_moment(lambda: self.tr("Change kind to {kind}").format(kind=kind_label(kind)),
                          lambda: editor.change_kind(moment_id, kind))

    def move_moment_here(self, moment_id: str) -> None:
        if self.timeline is None or not self.selected_ids():
            return
        capture_id = self.timeline.snapshot.captures[self.strip.current].id
        editor = self._editor()
        self._edit_moment(lambda: self.tr("Move moment"),
                          lambda: editor.move(moment_id, capture_id))

    def delete_moment(self, moment_id: str) -> None:
        editor = self._editor()
        self._perform(DeleteMoment(lambda: self.tr("Delete moment"), self.journal, self.piece_id,
                                   lambda: editor.delete(moment_id).before))

    def accept_suggestion(self, capture_id: str) -> None:
        editor = self._editor()
        self._add_moment(lambda: self.tr("Accept suggestion"), lambda: editor.accept(capture_id))

    def dismiss_suggestion(self, capture_id: str) -> None:
        self._perform(commands.dismiss_suggestion(lambda: self.tr("Dismiss suggestion"),
                                                  self.journal, self.piece_id, capture_id))

    def toggle_hidden(self) -> None:
        """Hide the selection, or show it when every still of it is hidden; undo acts on
        the stills the journal says changed, never on the ones this page thought would."""
        ids = self.selected_ids()
        if not ids:
            return
        hide = not all(self.is_hidden(i) for i in ids)
        # The strip paints the hidden state over the thumbnails: they stay as they are.
        words = (lambda: self.tr("Hide stills")) if hide else (lambda: self.tr("Show stills"))
        self._perform(HideStills(words, self.journal, self.piece_id, ids, hide))

    def set_cover(self) -> None:
        if not self.selected_ids() or self.timeline is None:
            return
        target = self.timeline.snapshot.captures[self.strip.current].id
        self._perform(commands.set_cover(lambda: self.tr("Set cover"), self.journal,
                                         self.piece_id, target))

    def set_focus(self, x: float, y: float) -> None:
        if self.timeline is None or self.strip.current < 0:
            return
        if self.focus_for_piece.isChecked():
            command = commands.set_focus(lambda: self.tr("Set the piece's focus point"),
                                         self.journal, self.piece_id, (x, y))
        else:
            capture_id = self.timeline.snapshot.captures[self.strip.current].id
            command = commands.set_focus(lambda: self.tr("Set this still's focus point"),
                                         self.journal, self.piece_id, (x, y), capture_id)
        self._perform(command)
        self.still.focus = (x, y)
        self.still.update()

    def _draw_area(self, on: bool) -> None:
        """Draw the piece's area on the still alone (a comparison gives way to it)."""
        if on and self._comparing is not None:
            self._still_chosen(self.strip.current)
        self.still.start_drawing(on and self.still.capture is not None)
        if on and self.still.capture is None:
            self.area_button.setChecked(False)

    def set_area(self, left: float, top: float, right: float, bottom: float) -> None:
        """The piece's area as drawn (a click, not a drag, draws nothing: draw again)."""
        if self.timeline is None or parse_area((left, top, right, bottom)) is None:
            self.still.start_drawing(self.area_button.isChecked())
            return
        self.area_button.setChecked(False)
        area = (left, top, right, bottom)
        self._perform(commands.set_piece_setting(lambda: self.tr("Draw the piece's area"),
                                                 self.journal, self.piece_id, AREA, area))
        self.still.piece_area = parse_area(area)
        self.still.update()

    def forget_area(self) -> None:
        if self.timeline is None or self.timeline.snapshot.settings.area is None:
            return
        self._perform(commands.set_piece_setting(lambda: self.tr("Forget the piece's area"),
                                                 self.journal, self.piece_id, AREA, None))
        self.still.piece_area = None
        self.still.update()

    def ask_move_to_piece(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        others = [p for p in self.journal.pieces() if p.id != self.piece_id]
        if not others:
            self.problem.emit(self.tr("There is no other piece to move these stills to: "
                                      "create one first."))
            return
        names = [p.name for p in others]
        name, ok = QInputDialog.getItem(self, self.tr("Move to another piece"),
                                        self.tr("Move %n still(s) to:", "", len(ids)),
                                        names, 0, False)
        if ok and name:
            self.move_to_piece(ids, others[names.index(name)].id)

    def move_to_piece(self, ids: list[str], target: str) -> bool:
        return self._perform(MoveStills(
            lambda: self.tr("Move %n still(s) to another piece", "", len(ids)), self.journal,
            self.piece_id, ids, target))
