"""A scriptable source for capture-loop tests: frames on demand, faults on command."""

from __future__ import annotations

import threading

import cv2
import numpy as np

from coulisses.capture.clock import Clock, SystemClock
from coulisses.capture.source_base import Frame, SourceEnded, SourceLost


class ScriptedSource:
    """A live source whose behaviour a test switches with ``mode``.

    ``ok``: a new noisy frame at every read (numbered in its first pixels).
    ``lost``: ``read`` raises SourceLost, ``reopen`` returns False.
    ``raise``: ``read`` and ``reopen`` raise ``error`` (a driver exception).
    ``ended``: ``read`` raises SourceEnded.
    ``block_reopen``: set, ``reopen`` waits until it is cleared (a slow driver).
    """

    name = "camera 9"

    def __init__(self, clock: Clock | None = None, *, live: bool = True,
                 size: tuple[int, int] = (320, 240), error: BaseException | None = None) -> None:
        self.clock = clock or SystemClock()
        self.live = live
        self.size = size
        self.error = error or RuntimeError("VIDIOC_DQBUF: No such device")
        self.mode = "ok"
        self.reads = 0
        self.reopens = 0
        self.closes = 0
        self.reads_after_close = 0
        self.opened = False
        self.block_reopen = threading.Event()
        self.reopen_started = threading.Event()
        self._rng = np.random.default_rng(0)
        self._lock = threading.Lock()

    def image(self, seq: int) -> np.ndarray:
        w, h = self.size
        img = np.full((h, w, 3), 110, np.uint8)
        img += self._rng.integers(0, 6, img.shape, dtype=np.uint8)  # a sensor is never still
        cv2.circle(img, (w // 2, h // 2), h // 4, (60, 120, 200), -1)
        img[0, 0:4, 0] = np.frombuffer(np.uint32(seq).tobytes(), np.uint8)
        return img

    def open(self) -> None:
        self.opened = True

    def read(self) -> Frame:
        with self._lock:
            self.reads += 1
            if not self.opened:
                self.reads_after_close += 1
            seq = self.reads
        if self.mode == "lost":
            raise SourceLost("Camera 9 stopped sending pictures.")
        if self.mode == "raise":
            raise self.error
        if self.mode == "ended":
            raise SourceEnded("End of the video.")
        return Frame(self.image(seq), self.clock.now())

    def reopen(self) -> bool:
        with self._lock:
            self.reopens += 1
        self.reopen_started.set()
        while self.block_reopen.is_set():
            threading.Event().wait(0.01)
        if self.mode == "raise":
            raise self.error
        if self.mode == "lost":
            return False
        self.opened = True
        return True

    def close(self) -> None:
        self.closes += 1
        self.opened = False
