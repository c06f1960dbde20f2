"""Frames of a rendered reel, decoded with PyAV for frame-exact scrubbing (plain Python).

Seeking goes to the keyframe at or before the wanted frame, then decodes
forward to it: exact, whatever the GOP. Playing on reads frames in order
without seeking again.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np


class ReelDecoder:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.container = av.open(str(self.path))
        self.stream = self.container.streams.video[0]
        self.stream.thread_type = "AUTO"
        rate = self.stream.average_rate or Fraction(30)
        self.fps = float(rate)
        self.frames = int(self.stream.frames or 0)
        self.time_base = self.stream.time_base
        self._iter = None
        self._next = 0  # index of the frame the iterator gives next

    def _index(self, frame) -> int:
        return int(round(float(frame.pts * self.time_base) * self.fps)) if frame.pts is not None \
            else self._next

    def frame(self, n: int) -> np.ndarray:
        """Frame ``n`` (0-based) as RGB."""
        if self._iter is None or n < self._next or n > self._next + 2 * self.fps:
            target = int(n / self.fps / self.time_base)
            self.container.seek(target, stream=self.stream, backward=True, any_frame=False)
            self._iter = self.container.decode(self.stream)
            self._next = -1
        for frame in self._iter:
            index = self._index(frame)
            self._next = index + 1
            if index >= n:
                return frame.to_ndarray(format="rgb24")
        raise IndexError(f"the reel has no frame {n}")

    def close(self) -> None:
        self.container.close()
