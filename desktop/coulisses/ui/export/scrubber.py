"""A slider over the reel's frames that shows where the moments' captions fall.

Captions are drawn as coloured spans under the groove; a span in amber means
pacing had to give that caption less time than it needs to be read
(~1 s per 15 characters), so the maker knows where to look.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSlider, QStyle, QWidget

from coulisses.timeline.plan import ReelPlan
from coulisses.ui.timeline.strip_view import KIND_COLOURS

CHARS_PER_SECOND = 15.0
TOO_SHORT = "#ff8f00"


def compressed_cues(plan: ReelPlan) -> list[int]:
    """Indices of the cues shown for less time than their text needs."""
    out = []
    for i, cue in enumerate(plan.cues):
        needed = len(cue.text) / CHARS_PER_SECOND * plan.fps
        if cue.end_frame - cue.start_frame + 1 < needed:
            out.append(i)
    return out


class Scrubber(QSlider):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("scrubber")
        self.setMinimumHeight(34)
        self.plan: ReelPlan | None = None
        self.short: set[int] = set()

    def set_plan(self, plan: ReelPlan | None) -> None:
        self.plan = plan
        self.short = set(compressed_cues(plan)) if plan else set()
        self.setRange(0, max(0, (plan.total_frames - 1) if plan else 0))
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # A click goes straight to that instant (a scrubber, not a page-by-page slider).
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > 0:
            value = QStyle.sliderValueFromPosition(self.minimum(), self.maximum(),
                                                   int(event.position().x()) - 8,
                                                   max(1, self.width() - 16))
            self.setValue(value)
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        plan = self.plan
        if plan is None or not plan.total_frames:
            return
        painter = QPainter(self)
        width = self.width() - 16
        y = self.height() - 8
        for i, cue in enumerate(plan.cues):
            x0 = 8 + width * cue.start_frame / plan.total_frames
            x1 = 8 + width * cue.end_frame / plan.total_frames
            colour = TOO_SHORT if i in self.short else KIND_COLOURS.get(cue.kind, "#546e7a")
            painter.fillRect(QRectF(x0, y, max(2.0, x1 - x0), 6), QColor(colour))
