"""The one place where pixels become Qt images.

QImage is safe on any thread; QPixmap only on the GUI thread. Workers return
QImage (or numpy arrays), and views turn them into pixmaps when they paint.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader


def qimage_from_bgr(frame: np.ndarray) -> QImage:
    """A deep copy of a BGR (or grey) frame as a QImage: the array may change afterwards."""
    if frame.ndim == 2:
        h, w = frame.shape
        data = np.ascontiguousarray(frame)
        return QImage(data.data, w, h, data.strides[0], QImage.Format.Format_Grayscale8).copy()
    h, w = frame.shape[:2]
    data = np.ascontiguousarray(frame[:, :, :3])
    # Format_BGR888 exists since Qt 5.14: no channel swap in Python.
    return QImage(data.data, w, h, data.strides[0], QImage.Format.Format_BGR888).copy()


def load_image(path: Path, bound: QSize | None = None) -> QImage:
    """Read a JPEG upright (EXIF orientation applied), scaled to fit ``bound``; any thread.

    Returns a null QImage when the file cannot be read: a thumbnail is never worth an error.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    if bound is not None:
        size = reader.size()  # as stored: a rotated photo has its sides swapped
        side = max(bound.width(), bound.height())
        if size.isValid() and max(size.width(), size.height()) > side:
            # libjpeg scales while decoding (much faster than decoding then scaling);
            # a square bound keeps this right whatever the EXIF rotation.
            reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if bound is not None and not image.isNull() and (
            image.width() > bound.width() or image.height() > bound.height()):
        image = image.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image
