"""A QR code drawn by Qt on the GUI thread (segno gives the modules, QPainter the pixels)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(text: str, size: int = 280) -> QImage:
    """``text`` as a black-on-white QR code about ``size`` px square, quiet zone included
    (phones read it badly without one), each module a whole number of pixels."""
    import segno

    matrix = segno.make(text, error="m").matrix
    border = 4
    count = len(matrix) + 2 * border
    module = max(1, size // count)
    side = module * count
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(QRect((x + border) * module, (y + border) * module,
                                       module, module))
    painter.end()
    return image
