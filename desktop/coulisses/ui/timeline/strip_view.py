"""The strip: a horizontal run of thumbnails with sessions, gaps, moments and suggestions.

A custom scroll area that paints only the visible cells (the layout finds
them by binary search), because a QListView lays out every row (~220 ms for
100,000 stills, and again per appended row). Paint never touches the disk:
thumbnails come from the cache, and misses are requested for the visible
range plus a screen either side.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from coulisses.i18n import format_date
from coulisses.journal.model import Moment
from coulisses.labels import kind_label
from coulisses.timeline.build import Timeline
from coulisses.timeline.effort import format_worked
from coulisses.timeline.gap_kinds import SOURCE_LOST, gap_kind
from coulisses.ui.moments import COLOURS
from coulisses.ui.timeline.strip_layout import (
    GAP,
    SESSION,
    STILL,
    StripLayout,
    Zoom,
    build_layout,
    nearest_still_cell,
)
from coulisses.ui.timeline.thumbs import ThumbnailCache

KIND_COLOURS = {**COLOURS, "note": "#546e7a"}
SUGGESTION = "#ef6c00"
BAND = 20  # moment band at the top of a cell
FOOT = 18  # time under the thumbnail
THUMB = QSize(104, 78)
HEIGHT = BAND + THUMB.height() + FOOT + 10


class StripView(QAbstractScrollArea):
    current_changed = Signal(int)  # capture index
    selection_changed = Signal(int, int)  # first, last capture index (inclusive)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFixedHeight(HEIGHT + self.horizontalScrollBar().sizeHint().height() + 4)
        self.thumbs = ThumbnailCache(THUMB, parent=self)
        self.thumbs.loaded.connect(self.viewport().update)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.timeline: Timeline | None = None
        self.layout_: StripLayout | None = None
        self.zoom = Zoom.EVERY
        self.suggested: dict[int, object] = {}  # capture index -> Suggestion
        self._suggested_at = np.zeros(0, np.int64)  # its keys, sorted (a cell's: a bisect)
        self.current = -1  # capture index
        self.anchor = -1  # other end of the selected range
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(6.0, self.font().pointSizeF() - 1.5))

    # ----------------------------------------------------------------- data
    def set_timeline(self, timeline: Timeline, keep_position: bool = True,
                     layout: StripLayout | None = None) -> None:
        """Show ``timeline`` (``layout``: already built off the GUI thread for this zoom)."""
        old_id = self._capture_id(self.current)
        at_end = self._at_end()
        self.timeline = timeline
        snap = timeline.snapshot
        self.suggested = {i: s for s in timeline.suggestions
                          if (i := snap.index_of(s.capture)) is not None}
        self._suggested_at = np.asarray(sorted(self.suggested), dtype=np.int64)
        self.layout_ = layout if layout is not None and layout.zoom == self.zoom else \
            build_layout(timeline, self.zoom)
        self._update_range()
        n = len(snap.captures)
        if old_id is not None and keep_position:
            index = snap.index_of(old_id)
            self.current = index if index is not None else min(self.current, n - 1)
        elif n and self.current < 0:
            self.current = n - 1
        self.anchor = self.current if self.anchor < 0 or self.anchor >= n else self.anchor
        if at_end or not keep_position:
            self.scroll_to_end()
        self._request_visible()
        self.viewport().update()

    def set_zoom(self, zoom: Zoom) -> None:
        if zoom == self.zoom or self.timeline is None:
            self.zoom = zoom
            return
        self.zoom = zoom
        self.layout_ = build_layout(self.timeline, zoom)
        self._update_range()
        self.ensure_visible(self.current)
        self._request_visible()
        self.viewport().update()

    def _capture_id(self, index: int) -> str | None:
        caps = self.timeline.snapshot.captures if self.timeline else ()
        return caps[index].id if 0 <= index < len(caps) else None

    @property
    def selection(self) -> tuple[int, int]:
        a, b = sorted((self.current, self.anchor))
        return a, b

    # ------------------------------------------------------------ scrolling
    def _update_range(self) -> None:
        width = self.layout_.width if self.layout_ else 0
        bar = self.horizontalScrollBar()
        bar.setRange(0, max(0, width - self.viewport().width()))
        bar.setPageStep(self.viewport().width())
        bar.setSingleStep(THUMB.width())

    def _at_end(self) -> bool:
        bar = self.horizontalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def scroll_to_end(self) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().maximum())

    def ensure_visible(self, capture_index: int) -> None:
        if self.layout_ is None or capture_index < 0:
            return
        cell = self.layout_.cell_of_capture(capture_index)
        if cell < 0:
            return
        x = int(self.layout_.x[cell])
        w = self.layout_.cell_width(cell)
        bar = self.horizontalScrollBar()
        if x < bar.value():
            bar.setValue(max(0, x - w))
        elif x + w > bar.value() + self.viewport().width():
            bar.setValue(x + 2 * w - self.viewport().width())

    def _scrolled(self, _value: int) -> None:
        self._request_visible()
        self.viewport().update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        at_end = self._at_end()  # the newest still stays in view as the strip widens
        super().resizeEvent(event)
        self._update_range()
        if at_end:
            self.scroll_to_end()
        self._request_visible()

    def _request_visible(self) -> None:
        if self.layout_ is None or self.timeline is None:
            return
        left = self.horizontalScrollBar().value()
        width = self.viewport().width()
        caps = self.timeline.snapshot.captures
        lay = self.layout_
        visible = [int(lay.refs[c]) for c in lay.visible(left, left + width)
                   if lay.kinds[c] == STILL]
        ahead = [int(lay.refs[c]) for c in lay.visible(left + width, left + 2 * width)
                 if lay.kinds[c] == STILL]
        behind = [int(lay.refs[c]) for c in lay.visible(left - width, left)
                  if lay.kinds[c] == STILL]
        current = [self.current] if 0 <= self.current < len(caps) else []  # drawn zoomed out
        self.thumbs.request([caps[i] for i in current + visible + ahead + behind[::-1]])

    # -------------------------------------------------------------- input
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta()
        step = delta.x() or delta.y()
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() - step)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.layout_ is None:
            return
        cell = self.layout_.cell_at(event.position().x() + self.horizontalScrollBar().value())
        if cell < 0:
            return
        cell = nearest_still_cell(self.layout_, cell, +1)
        if cell < 0:
            return
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.set_current(int(self.layout_.refs[cell]), extend=extend)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.layout_ is None or self.timeline is None:
            return super().keyPressEvent(event)
        n = len(self.timeline.snapshot.captures)
        per_screen = max(1, self.viewport().width() // THUMB.width())
        key = event.key()
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1,
                Qt.Key.Key_PageUp: -per_screen, Qt.Key.Key_PageDown: per_screen}.get(key)
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Home:
            self.set_current(0, extend=extend)
        elif key == Qt.Key.Key_End:
            self.set_current(n - 1, extend=extend)
        elif step is not None and n:
            self.set_current(self._step(step), extend=extend)
        else:
            super().keyPressEvent(event)

    def _step(self, cells: int) -> int:
        """The capture index ``cells`` still cells away from the current one."""
        lay = self.layout_
        assert lay is not None
        cell = lay.cell_of_capture(self.current)
        direction = 1 if cells > 0 else -1
        for _ in range(abs(cells)):
            nxt = nearest_still_cell(lay, cell + direction, direction)
            if nxt == cell:
                break
            cell = nxt
        return int(lay.refs[cell])

    def set_current(self, capture_index: int, extend: bool = False) -> None:
        if self.timeline is None or not self.timeline.snapshot.captures:
            return
        capture_index = max(0, min(capture_index, len(self.timeline.snapshot.captures) - 1))
        self.current = capture_index
        if not extend:
            self.anchor = capture_index
        self.ensure_visible(capture_index)
        if self.zoom != Zoom.EVERY:
            self._request_visible()  # its thumbnail, which a zoomed-out cell now shows
        self.viewport().update()
        self.current_changed.emit(capture_index)
        self.selection_changed.emit(*self.selection)

    # ------------------------------------------------------------------ paint
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), QColor("#fafafa"))
        lay, tl = self.layout_, self.timeline
        if lay is None or tl is None or not len(lay):
            painter.setPen(QColor("#757575"))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No still yet: start a capture or import photos."))
            return
        left = self.horizontalScrollBar().value()
        first, last = self.selection
        caps = tl.snapshot.captures
        is_hidden = tl.snapshot.is_hidden
        for cell in lay.visible(left, left + self.viewport().width()):
            x = int(lay.x[cell]) - left
            w = lay.cell_width(cell)
            kind = int(lay.kinds[cell])
            rect = QRect(x, 0, w, HEIGHT)
            if kind == SESSION:
                self._paint_session(painter, rect, tl.sessions[int(lay.refs[cell])])
                continue
            if kind == GAP:
                self._paint_gap(painter, rect, lay.gaps[int(lay.refs[cell])])
                continue
            lo, hi = int(lay.first[cell]), int(lay.last[cell])
            # Zoomed out, a cell stands for stills lo..hi: the one holding the current
            # still shows it (thumbnail and time), as the large view does.
            cap = caps[self.current if lo <= self.current <= hi else int(lay.refs[cell])]
            thumb_rect = QRect(x + 4, BAND + 2, w - 8, THUMB.height())
            pix = self.thumbs.pixmap(cap)
            if pix is None or pix.isNull():
                painter.fillRect(thumb_rect, QColor("#e0e0e0"))
            else:
                target = QRect(0, 0, pix.width(), pix.height())
                target.moveCenter(thumb_rect.center())
                painter.drawPixmap(target, pix)
            if is_hidden(cap.id):
                painter.fillRect(thumb_rect, QColor(255, 255, 255, 170))
                painter.setPen(QColor("#616161"))
                painter.drawText(thumb_rect, Qt.AlignmentFlag.AlignCenter, self.tr("hidden"))
            moments = lay.moments_in(int(lay.first[cell]), int(lay.last[cell]))
            if moments:
                self._paint_moments(painter, QRect(x + 2, 1, w - 4, BAND - 2), moments)
            suggestion = self._suggestion_in(int(lay.first[cell]), int(lay.last[cell]))
            if suggestion is not None:
                painter.setPen(QPen(QColor(SUGGESTION), 2, Qt.PenStyle.DashLine))
                painter.drawRect(thumb_rect.adjusted(1, 1, -1, -1))
                badge = QRect(thumb_rect.right() - 17, thumb_rect.top() + 2, 16, 16)
                painter.setBrush(QColor(SUGGESTION))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(badge)
                painter.setPen(QColor("white"))
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "?")
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setFont(self._small)
            painter.setPen(QColor("#424242"))
            stamp = cap.time.astimezone().strftime("%H:%M:%S" if lay.zoom == Zoom.EVERY
                                                   else "%H:%M")
            painter.drawText(QRect(x, BAND + THUMB.height() + 3, w, FOOT),
                             Qt.AlignmentFlag.AlignCenter, stamp)
            painter.setFont(self.font())
            if hi >= first and lo <= last:
                painter.setPen(QPen(QColor("#1565c0"), 3 if lo <= self.current <= hi else 2))
                painter.drawRect(QRect(x + 2, BAND, w - 4, THUMB.height() + 4))

    def _suggestion_in(self, lo: int, hi: int):
        """The first suggestion on a still in [lo, hi] (a zoomed-out cell covers many)."""
        at = self._suggested_at
        i = int(np.searchsorted(at, lo)) if at.size else 0
        return self.suggested.get(int(at[i])) if i < at.size and at[i] <= hi else None

    def _paint_moments(self, painter: QPainter, rect: QRect,
                       moments: tuple[Moment, ...]) -> None:
        m = moments[0]
        painter.fillRect(rect, QColor(KIND_COLOURS.get(m.kind, "#546e7a")))
        painter.setPen(QColor("white"))
        painter.setFont(self._small)
        text = m.caption or kind_label(m.kind)
        if len(moments) > 1:
            text = f"{text} +{len(moments) - 1}"
        metrics = painter.fontMetrics()
        painter.drawText(rect.adjusted(3, 0, -3, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 6))
        painter.setFont(self.font())

    def session_label(self, session) -> str:
        """The lines on a session's header cell: its number, day, start and time worked."""
        day = session.start.astimezone()
        lines = [self.tr("Session {n}").format(n=session.index + 1),
                 format_date(day), day.strftime("%H:%M")]  # the one way dates are written
        if session.seconds >= 1:  # one still alone has no span: "0 s" would read as no work
            lines.append(format_worked(session.seconds))
        return "\n".join(lines)

    def _paint_session(self, painter: QPainter, rect: QRect, session) -> None:
        painter.fillRect(rect.adjusted(2, 0, -2, 0), QColor("#37474f"))
        painter.setPen(QColor("white"))
        painter.setFont(self._small)
        painter.drawText(rect.adjusted(4, 4, -4, -4), Qt.AlignmentFlag.AlignCenter,
                         self.session_label(session))
        painter.setFont(self.font())

    def _paint_gap(self, painter: QPainter, rect: QRect, gap) -> None:
        painter.fillRect(rect.adjusted(2, BAND, -2, -FOOT), QColor("#ffcdd2"))
        painter.setPen(QColor("#b71c1c"))
        painter.setFont(self._small)
        end = gap.end or datetime.now(gap.start.tzinfo)
        minutes = max(1, round((end - gap.start).total_seconds() / 60))
        text = (self.tr("lost\n{n} min") if gap_kind(gap) == SOURCE_LOST
                else self.tr("paused\n{n} min"))
        painter.drawText(rect.adjusted(2, BAND, -2, -FOOT), Qt.AlignmentFlag.AlignCenter,
                         text.format(n=minutes))
        painter.setFont(self.font())
