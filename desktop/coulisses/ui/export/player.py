"""Play a rendered reel in the window: PyAV decoding, frame-exact scrubbing.

Frames are decoded in the "player" pool (one thread, so the decoder is used
by one thread at a time); a request made while another is in flight replaces
the waiting one, so scrubbing never queues up stale frames.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from coulisses.i18n import format_decimal
from coulisses.ui.capture.panel import PreviewLabel
from coulisses.ui.export.decoder import ReelDecoder
from coulisses.ui.tasks import Task, TaskRunner


def _rgb_image(rgb) -> QImage:
    rgb = np.ascontiguousarray(rgb)  # PyAV may hand rows with padding
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, rgb.strides[0], QImage.Format.Format_RGB888).copy()


class ReelPlayer(QWidget):
    frame_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player")
        self.view = PreviewLabel(self)
        self.view.setMinimumSize(180, 320)
        self.play_button = QPushButton(self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.position = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.position)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self._runner = TaskRunner(self, "player")
        self._decoder: ReelDecoder | None = None
        self._busy = False
        self._wanted: int | None = None
        self.shown = -1
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.play_button.clicked.connect(self.toggle)
        self.slider.valueChanged.connect(self.seek)
        self.retranslate()

    def retranslate(self) -> None:
        self.play_button.setText(self.tr("Pause") if self._timer.isActive() else self.tr("Play"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self, path: Path) -> None:
        self.close_reel()
        self._decoder = ReelDecoder(path)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, self._decoder.frames - 1))
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self._timer.setInterval(int(1000 / max(1.0, self._decoder.fps)))
        self.seek(0)

    @property
    def frames(self) -> int:
        return self._decoder.frames if self._decoder else 0

    def seek(self, n: int) -> None:
        if self._decoder is None:
            return
        if self._busy:
            self._wanted = n  # the newest request wins
            return
        self._busy = True
        decoder = self._decoder
        task = Task(lambda _c, _p: (n, _rgb_image(decoder.frame(n))))
        task.signals.finished.connect(self._decoded)
        task.signals.failed.connect(self._failed)
        self._runner.start(task)

    def _decoded(self, result) -> None:
        self._busy = False
        n, image = result
        self.shown = n
        self.view.show_image(image)
        fps = self._decoder.fps if self._decoder else 30.0
        self.position.setText(format_decimal(n / fps, 2) + "\u00a0s")
        self.frame_shown.emit(n)
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            if wanted != n:
                self.seek(wanted)

    def _failed(self, message: str) -> None:
        self._busy = False
        self._timer.stop()
        self.view.clear_image(message)

    def toggle(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
        elif self._decoder is not None:
            if self.slider.value() >= self.slider.maximum():
                self.slider.setValue(0)
            self._timer.start()
        self.retranslate()

    def _tick(self) -> None:
        if self._busy:
            return  # decoding slower than real time: skip rather than queue
        if self.slider.value() >= self.slider.maximum():
            self.toggle()
            return
        self.slider.setValue(self.slider.value() + 1)

    def close_reel(self) -> None:
        self._timer.stop()
        self._runner.wait(2000)
        if self._decoder is not None:
            self._decoder.close()
            self._decoder = None
