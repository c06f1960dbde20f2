"""The effort figures and a small drawing of the piece's arc (QPainter; no Qt Charts)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coulisses.timeline.build import Timeline
from coulisses.timeline.effort import Effort, effort_parts, format_worked
from coulisses.ui.timeline.arc import Arc, worked_arc
from coulisses.ui.timeline.strip_view import KIND_COLOURS

BANDS = ("#eceff1", "#fff3e0")


class EffortPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("effort_plot")
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.arc: Arc | None = None
        self.effort: Effort | None = None
        self.session_gap = 0.0
        self.summary = ""

    def set_timeline(self, timeline: Timeline) -> None:
        self.arc = worked_arc(timeline)
        self.effort = timeline.effort
        self.session_gap = timeline.session_gap
        self.retranslate()

    def retranslate(self) -> None:
        """The figures in the UI language (the arc's labels are drawn in it too)."""
        self.summary = " · ".join(effort_parts(self.effort).values()) \
            if self.effort is not None else ""
        self.setToolTip(self.summary)
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def empty_text(self) -> str:
        """Why there is no arc to draw: no stills yet, or no span of work to measure."""
        if self.effort is None or not self.effort.stills:
            return self.tr("The arc of the piece appears once it has stills.")
        # Stills all more than a session gap apart (photos imported from a phone
        # taken hours apart): each is a session of its own, with no time to measure.
        return self.tr("The arc appears once stills are less than {gap} apart: the time "
                       "worked is measured between them.").format(
                           gap=format_worked(self.session_gap))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor("#212121"))
        text_h = painter.fontMetrics().height()
        painter.drawText(QRectF(8, 4, self.width() - 16, text_h),
                         Qt.AlignmentFlag.AlignLeft, self.summary)
        arc = self.arc
        plot = QRectF(8, text_h + 12, self.width() - 16, self.height() - text_h - 34)
        if arc is None or arc.total <= 0:
            painter.setPen(QColor("#9e9e9e"))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text())
            return

        def x(seconds: float) -> float:
            return plot.left() + plot.width() * seconds / arc.total

        for i, (a, b) in enumerate(arc.attempts):  # attempts as alternating bands
            painter.fillRect(QRectF(x(a), plot.top(), max(1.0, x(b) - x(a)), plot.height()),
                             QColor(BANDS[i % 2]))
            painter.setPen(QColor("#78909c"))
            painter.drawText(QRectF(x(a) + 3, plot.top() + 2, 120, text_h),
                             Qt.AlignmentFlag.AlignLeft,
                             self.tr("attempt {n}").format(n=i + 1))
        painter.setPen(QPen(QColor("#90a4ae"), 1, Qt.PenStyle.DashLine))
        for start, _end in arc.sessions[1:]:  # where a new session began
            painter.drawLine(QPointF(x(start), plot.top()), QPointF(x(start), plot.bottom()))
        base = plot.bottom()
        painter.setPen(QPen(QColor("#455a64"), 1.5))
        painter.drawLine(QPointF(plot.left(), base), QPointF(plot.right(), base))
        for at, kind, _caption in arc.marks:  # a lollipop per moment, coloured by kind
            colour = QColor(KIND_COLOURS.get(kind, "#546e7a"))
            top = plot.top() + text_h + 6 if kind in ("struggle", "result") else \
                plot.top() + plot.height() * 0.55
            painter.setPen(QPen(colour, 2))
            painter.drawLine(QPointF(x(at), base), QPointF(x(at), top))
            path = QPainterPath()
            path.addEllipse(QPointF(x(at), top), 5, 5)
            painter.fillPath(path, colour)
        painter.setPen(QColor("#616161"))
        painter.drawText(QRectF(plot.left(), base + 2, 120, text_h), Qt.AlignmentFlag.AlignLeft,
                         "0")
        painter.drawText(QRectF(plot.right() - 160, base + 2, 160, text_h),
                         Qt.AlignmentFlag.AlignRight, format_worked(arc.total))
