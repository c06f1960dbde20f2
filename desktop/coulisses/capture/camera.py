"""A USB/built-in camera by index, through OpenCV.

What makes a webcam trustworthy for hours of stills:
- ask for MJPG at 1080p: raw YUYV at 1080p is usually capped at a few fps
  over USB 2, MJPG is what webcams offer at their best resolution;
- drop about a second of frames after opening: auto-exposure and white
  balance need that long, the first frames are dark or green;
- flush stale frames before each still: V4L2 queues ~4 buffers, so after a
  wait of seconds the next ``read`` returns a picture seconds old
  (opencv#13145). We grab until a grab actually waits for the sensor
  (takes a good part of a frame period), i.e. the buffer is empty and the
  frame is fresh.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import cv2

from coulisses.capture.clock import Clock, SystemClock
from coulisses.capture.source_base import (
    Frame,
    ReopenByRestart,
    SourceLost,
    SourceUnavailable,
    quiet_opencv,
)
from coulisses.i18n import tr

PREFERRED_SIZE = (1920, 1080)
WARMUP_SECONDS = 1.0
MAX_FLUSH_GRABS = 8
FIRST_FRAME_TIMEOUT = 3.0  # more than the driver's queue (4 on V4L2), fewer than a second's worth


def default_backend() -> int:
    if sys.platform.startswith("linux"):
        return cv2.CAP_V4L2
    if sys.platform == "win32":
        return cv2.CAP_MSMF
    if sys.platform == "darwin":
        return cv2.CAP_AVFOUNDATION
    return cv2.CAP_ANY


CaptureFactory = Callable[[int, int], Any]  # (index, backend) -> cv2.VideoCapture-like


class CameraSource(ReopenByRestart):
    live = True

    def __init__(self, index: int, clock: Clock | None = None, *,
                 backend: int | None = None,
                 capture_factory: CaptureFactory | None = None,
                 warmup: float = WARMUP_SECONDS,
                 size: tuple[int, int] = PREFERRED_SIZE) -> None:
        self.index = int(index)
        self.name = tr("camera {index}", index=self.index)
        self.clock = clock or SystemClock()
        self.backend = default_backend() if backend is None else backend
        self._factory: CaptureFactory = capture_factory or cv2.VideoCapture
        self.warmup = warmup
        self.size = size
        self._cap: Any = None
        self.frame_period = 1 / 30
        self.actual_size: tuple[int, int] = (0, 0)

    def open(self) -> None:
        quiet_opencv()
        cap = self._factory(self.index, self.backend)
        if cap is None or not cap.isOpened():
            if cap is not None:
                cap.release()
            raise SourceUnavailable(tr("Camera {index} cannot be opened: check that it is plugged "
                                       "in and that no other program is using it.",
                                       index=self.index))
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.size[0])
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.size[1])
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # honoured by some backends; flushing covers the rest
        w, h = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
        self.actual_size = (w, h)
        fps = cap.get(cv2.CAP_PROP_FPS) or 0
        self.frame_period = 1 / fps if 1 <= fps <= 240 else 1 / 30
        self._cap = cap
        if not self._settle():
            self.close()
            raise SourceUnavailable(tr("Camera {index} opened but gives no picture.",
                                       index=self.index))

    def _settle(self) -> bool:
        """Drop frames for ``warmup`` seconds; True once at least one frame came.

        A camera that gives nothing for a few seconds after opening is not usable.
        """
        got = False
        start = time.monotonic()
        give_up = start + max(self.warmup, FIRST_FRAME_TIMEOUT)
        while True:
            if self._cap.grab():
                got = True
            else:
                time.sleep(0.02)
            now = time.monotonic()
            if got and now - start >= self.warmup:
                return True
            if not got and now >= give_up:
                return False

    def _flush(self) -> None:
        """Drop queued frames so that the next retrieve is a fresh one."""
        fresh_after = self.frame_period * 0.5
        waited = 0
        for _ in range(MAX_FLUSH_GRABS):
            t = time.monotonic()
            if not self._cap.grab():
                raise SourceLost(tr("Camera {index} stopped sending pictures.", index=self.index))
            # A grab that waited for the sensor means the queue was empty. Two in a
            # row, so that one slow grab on a busy machine is not mistaken for it.
            waited = waited + 1 if time.monotonic() - t >= fresh_after else 0
            if waited >= 2:
                return

    def read(self) -> Frame:
        if self._cap is None:
            raise SourceLost(tr("Camera {index} is not open.", index=self.index))
        self._flush()
        ok, image = self._cap.retrieve()
        if not ok or image is None or image.size == 0:
            raise SourceLost(tr("Camera {index} stopped sending pictures.", index=self.index))
        if image.ndim == 2:
            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        return Frame(image, self.clock.now())

    def close(self) -> None:
        if self._cap is not None:
            try:
                self._cap.release()
            finally:
                self._cap = None
