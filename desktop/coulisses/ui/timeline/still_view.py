"""The selected still, large, with the 9:16 crop frame the reel will show.

Clicking picks the focus point (the crop follows it, exactly as the export's
``crop_box`` computes it). The still is decoded in the thumbnail pool at the
size the view needs; the pixmap is made here, on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from coulisses.export.layout import crop_box
from coulisses.journal.model import Capture
from coulisses.ui.images import load_image
from coulisses.ui.tasks import Task, TaskRunner

BOUND = QSize(1600, 1600)
REEL_W, REEL_H = 1080, 1920


class StillView(QWidget):
    focus_picked = Signal(float, float)  # x, y in 0..1 of the still

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("still_view")
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._runner = TaskRunner(self, "thumbnails")
        self._capture: Capture | None = None
        self._image = QImage()
        self._pixmap = QPixmap()
        self.focus: tuple[float, float] | None = None
        self.hidden = False
        self._unreadable = False  # the still was read and is not a picture

    @property
    def capture(self) -> Capture | None:
        return self._capture

    def show_capture(self, capture: Capture | None, focus: tuple[float, float] | None,
                     hidden: bool = False) -> None:
        self.focus, self.hidden = focus, hidden
        if capture is not None and self._capture is not None and capture.path == \
                self._capture.path:
            self.update()
            return
        self._capture = capture
        if capture is None:
            self._image, self._pixmap = QImage(), QPixmap()
            self.update()
            return
        self._runner.clear_queued()
        path = capture.path
        task = Task(lambda _c, _p: (path, load_image(path, BOUND)))
        task.signals.finished.connect(self._loaded)
        self._runner.start(task)

    def _loaded(self, result) -> None:
        path, image = result
        if self._capture is None or path != self._capture.path:
            return  # the maker has stepped on already
        self._image = image
        self._pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        self._unreadable = image.isNull()
        self.update()

    def message(self) -> str:
        """What the view says when it has no picture (drawn in the language of the moment:
        Qt repaints every widget on a language switch)."""
        if not self._pixmap.isNull():
            return ""
        if self._capture is not None and self._unreadable:
            return self.tr("This still cannot be read.")
        return self.tr("Choose a still in the strip.")

    def _target(self) -> QRectF:
        if self._pixmap.isNull():
            return QRectF()
        size = QSize(self._pixmap.size()).scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        rect = QRectF(0, 0, size.width(), size.height())
        rect.moveCenter(QRectF(self.rect()).center())
        return rect

    def crop_rect(self) -> QRectF:
        """Where the reel's 9:16 frame falls on the still as shown (widget coordinates)."""
        target = self._target()
        if target.isEmpty():
            return QRectF()
        w, h = self._image.width(), self._image.height()
        x, y, cw, ch = crop_box(w, h, REEL_W, REEL_H, self.focus)
        sx, sy = target.width() / w, target.height() / h
        return QRectF(target.x() + x * sx, target.y() + y * sy, cw * sx, ch * sy)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#212121"))
        if self._pixmap.isNull():
            painter.setPen(QColor("#bdbdbd"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message())
            return
        target = self._target()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target.toRect(), self._pixmap)
        crop = self.crop_rect()
        # Dim what the reel will not show, then frame what it will.
        shade = QColor(0, 0, 0, 120)
        painter.fillRect(QRectF(target.left(), target.top(), crop.left() - target.left(),
                                target.height()), shade)
        painter.fillRect(QRectF(crop.right(), target.top(), target.right() - crop.right(),
                                target.height()), shade)
        painter.fillRect(QRectF(crop.left(), target.top(), crop.width(),
                                crop.top() - target.top()), shade)
        painter.fillRect(QRectF(crop.left(), crop.bottom(), crop.width(),
                                target.bottom() - crop.bottom()), shade)
        painter.setPen(QPen(QColor("#ffeb3b"), 2))
        painter.drawRect(crop)
        fx, fy = self.focus if self.focus is not None else (0.5, 0.5)
        point = QPointF(target.x() + fx * target.width(), target.y() + fy * target.height())
        painter.drawLine(point - QPointF(10, 0), point + QPointF(10, 0))
        painter.drawLine(point - QPointF(0, 10), point + QPointF(0, 10))
        if self.hidden:
            painter.fillRect(target, QColor(255, 255, 255, 150))
            painter.setPen(QColor("#424242"))
            painter.drawText(target.toRect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Hidden: never in a reel"))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        target = self._target()
        if target.isEmpty() or not target.contains(event.position()):
            return
        x = (event.position().x() - target.x()) / target.width()
        y = (event.position().y() - target.y()) / target.height()
        self.focus_picked.emit(round(min(1.0, max(0.0, x)), 4), round(min(1.0, max(0.0, y)), 4))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 400)


