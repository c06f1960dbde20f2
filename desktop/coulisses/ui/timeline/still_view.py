"""The selected still, large, with the 9:16 crop frame the reel will show.

Clicking picks the focus point (the crop follows it, exactly as the export's
``crop_box`` computes it). The still is decoded in the thumbnail pool at the
size the view needs; the pixmap is made here, on the GUI thread.

For a suggested moment it shows the still before the change and the suggested
one side by side, each with its time, and why it was suggested under them
(``show_comparison``): accepting or dismissing takes one look.

The maker can also draw where the piece is (``start_drawing``: press, drag,
release): suggestions then judge changes there rather than anywhere in the
picture. The area is outlined on the still.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from coulisses.export.layout import crop_box
from coulisses.i18n import format_datetime
from coulisses.journal.model import Capture
from coulisses.timeline.suggestions import SHAPE, reason_text
from coulisses.ui.images import load_image
from coulisses.ui.tasks import Task, TaskRunner

BOUND = QSize(1600, 1600)
REEL_W, REEL_H = 1080, 1920
PAD = 8  # pixels between and around the two stills of a comparison


class StillView(QWidget):
    focus_picked = Signal(float, float)  # x, y in 0..1 of the still
    area_drawn = Signal(float, float, float, float)  # left, top, right, bottom in 0..1

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
        # A comparison: the still before the change, beside the suggested one (_capture).
        self._before: Capture | None = None
        self._before_pixmap = QPixmap()
        self._before_unreadable = False
        self._reason: tuple[float, str] = (0.0, SHAPE)  # the suggestion's area and code
        # The piece's area (left, top, right, bottom in 0..1), outlined; and one being drawn.
        self.piece_area: tuple[float, float, float, float] | None = None
        self.drawing = False
        self._drag: tuple[QPointF, QPointF] | None = None  # widget coordinates

    @property
    def capture(self) -> Capture | None:
        """The still on show (in a comparison: the suggested one, the "after")."""
        return self._capture

    @property
    def comparing(self) -> bool:
        return self._before is not None

    def shown_ids(self) -> tuple[str, ...]:
        """The capture ids on show, left to right: one still, or before and after."""
        if self._capture is None:
            return ()
        if self._before is not None:
            return self._before.id, self._capture.id
        return (self._capture.id,)

    def ready(self) -> bool:
        """Every still on show has been read (a picture, or known to be unreadable)."""
        if self._capture is None:
            return True
        after = not self._pixmap.isNull() or self._unreadable
        if self._before is None:
            return after
        return after and (not self._before_pixmap.isNull() or self._before_unreadable)

    def show_comparison(self, before: Capture, after: Capture, area: float, code: str,
                        focus: tuple[float, float] | None, hidden: bool = False) -> None:
        """``before`` and ``after`` side by side, with why ``after`` was suggested (its
        area and reason code, said in the language of the moment when painted)."""
        self._reason = (area, code)
        same = self._before is not None and self._before.path == before.path and (
            not self._before_pixmap.isNull() or self._before_unreadable)  # read already
        self._before = before
        self._show(after, focus, hidden)
        if not same:
            self._before_pixmap, self._before_unreadable = QPixmap(), False
            self._start(before)
        self.setCursor(Qt.CursorShape.ArrowCursor)  # no focus point is picked here

    def show_capture(self, capture: Capture | None, focus: tuple[float, float] | None,
                     hidden: bool = False) -> None:
        if self._before is not None:
            self._before, self._before_pixmap = None, QPixmap()
            self.setCursor(Qt.CursorShape.CrossCursor)
        self._show(capture, focus, hidden)

    def start_drawing(self, on: bool = True) -> None:
        """The next press and drag on the still draws the piece's area (not a focus point)."""
        self.drawing, self._drag = on, None
        self.update()

    def _show(self, capture: Capture | None, focus: tuple[float, float] | None,
              hidden: bool) -> None:
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
        self._start(capture)

    def _start(self, capture: Capture) -> None:
        path = capture.path
        task = Task(lambda _c, _p: (path, load_image(path, BOUND)))
        task.signals.finished.connect(self._loaded)
        self._runner.start(task)

    def _loaded(self, result) -> None:
        path, image = result
        if self._before is not None and path == self._before.path:
            self._before_pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
            self._before_unreadable = image.isNull()
            self.update()
            return
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
        if self._before is not None and self._capture is not None:
            self._paint_comparison(painter, self._before, self._capture)
            return
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
        self._paint_area(painter, target)
        fx, fy = self.focus if self.focus is not None else (0.5, 0.5)
        point = QPointF(target.x() + fx * target.width(), target.y() + fy * target.height())
        painter.drawLine(point - QPointF(10, 0), point + QPointF(10, 0))
        painter.drawLine(point - QPointF(0, 10), point + QPointF(0, 10))
        if self.hidden:
            painter.fillRect(target, QColor(255, 255, 255, 150))
            painter.setPen(QColor("#424242"))
            painter.drawText(target.toRect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Hidden: never in a reel"))

    def _to_still(self, point: QPointF, target: QRectF) -> QPointF:
        """A widget point as 0..1 of the still, held inside it."""
        return QPointF(min(1.0, max(0.0, (point.x() - target.x()) / target.width())),
                       min(1.0, max(0.0, (point.y() - target.y()) / target.height())))

    def _paint_area(self, painter: QPainter, target: QRectF) -> None:
        """The piece's area, dashed; the one being drawn, solid."""
        if self.piece_area is not None and self._drag is None:
            x0, y0, x1, y1 = self.piece_area
            painter.setPen(QPen(QColor("#4dd0e1"), 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(target.x() + x0 * target.width(),
                                    target.y() + y0 * target.height(),
                                    (x1 - x0) * target.width(), (y1 - y0) * target.height()))
        if self._drag is not None:
            painter.setPen(QPen(QColor("#4dd0e1"), 2))
            painter.drawRect(QRectF(*self._drag).normalized())
        if self.drawing and self._drag is None:
            painter.setPen(QColor("#ffffff"))
            painter.drawText(target.adjusted(8, 8, -8, -8).toRect(),
                             int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
                                 | Qt.TextFlag.TextWordWrap),
                             self.tr("Drag around the piece"))

    def caption(self, which: str) -> str:
        """The line over one still of a comparison: "Before · 09:00:10" ("after")."""
        capture = self._before if which == "before" else self._capture
        if capture is None:
            return ""
        when = format_datetime(capture.time, seconds=True)
        if which == "before":
            return self.tr("Before · {time}").format(time=when)
        return self.tr("After · {time}").format(time=when)

    def reason(self) -> str:
        """Why the still on the right was suggested, in the language of the moment."""
        area, code = self._reason
        return reason_text(area, code=code) if self._before is not None else ""

    def _paint_comparison(self, painter: QPainter, before: Capture, after: Capture) -> None:
        """Before on the left, after on the right, each under its time, and why under
        both: one block, centred, so the words sit against the pictures."""
        metrics = painter.fontMetrics()
        line = metrics.height()
        inner = self.rect().adjusted(PAD, PAD, -PAD, -PAD)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        why = self.reason()  # wrapped to as many lines as the language needs
        why_h = metrics.boundingRect(QRect(0, 0, inner.width(), 10 * line), flags, why).height()
        half = (inner.width() - PAD) // 2
        room = QSize(half, max(1, inner.height() - line - why_h - 2 * PAD))
        sides = ((before, self._before_pixmap, self._before_unreadable, "before", 0),
                 (after, self._pixmap, self._unreadable, "after", half + PAD))
        sizes = [p.size().scaled(room, Qt.AspectRatioMode.KeepAspectRatio) if not p.isNull()
                 else QSize() for _c, p, _u, _w, _x in sides]
        tall = max((z.height() for z in sizes if z.isValid()), default=room.height())
        top = inner.top() + max(0, (inner.height() - (line + tall + why_h + 2 * PAD)) // 2)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for (_capture, pixmap, unreadable, which, dx), size in zip(sides, sizes, strict=True):
            box = QRect(inner.left() + dx, top + line + PAD, half, tall)
            painter.setPen(QColor("#ffeb3b") if which == "after" else QColor("#e0e0e0"))
            painter.drawText(QRect(box.left(), top, half, line), int(Qt.AlignmentFlag.AlignCenter),
                             metrics.elidedText(self.caption(which), Qt.TextElideMode.ElideRight,
                                                half))
            if pixmap.isNull():
                painter.setPen(QColor("#bdbdbd"))
                text = self.tr("This still cannot be read.") if unreadable else ""
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter
                                          | Qt.TextFlag.TextWordWrap), text)
                continue
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(box.center())
            painter.drawPixmap(target, pixmap)
            if which == "after":
                painter.setPen(QPen(QColor("#ffeb3b"), 2))
                painter.drawRect(target.adjusted(-1, -1, 1, 1))
                if self.hidden:
                    painter.fillRect(target, QColor(255, 255, 255, 150))
                    painter.setPen(QColor("#424242"))
                    painter.drawText(target, int(Qt.AlignmentFlag.AlignCenter),
                                     self.tr("Hidden: never in a reel"))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRect(inner.left(), top + line + tall + 2 * PAD, inner.width(), why_h),
                         flags, why)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._before is not None:
            return  # a comparison: the focus point is picked on the still alone
        target = self._target()
        if target.isEmpty() or not target.contains(event.position()):
            return
        if self.drawing:
            self._drag = (event.position(), event.position())
            self.update()
            return
        x = (event.position().x() - target.x()) / target.width()
        y = (event.position().y() - target.y()) / target.height()
        self.focus_picked.emit(round(min(1.0, max(0.0, x)), 4), round(min(1.0, max(0.0, y)), 4))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        target = self._target()
        if self._drag is None or target.isEmpty():
            return
        point = event.position()
        held = QPointF(min(max(point.x(), target.left()), target.right()),
                       min(max(point.y(), target.top()), target.bottom()))
        self._drag = (self._drag[0], held)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        target, drag = self._target(), self._drag
        if drag is None or target.isEmpty():
            return
        self.mouseMoveEvent(event)
        a, b = self._to_still(drag[0], target), self._to_still(event.position(), target)
        self.drawing, self._drag = False, None
        self.update()
        self.area_drawn.emit(round(min(a.x(), b.x()), 4), round(min(a.y(), b.y()), 4),
                             round(max(a.x(), b.x()), 4), round(max(a.y(), b.y()), 4))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 400)


