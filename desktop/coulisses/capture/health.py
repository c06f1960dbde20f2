"""Frames that look fine to OpenCV but mean the camera is gone.

After an unplug some drivers keep returning the last frame forever
(opencv#5221, #6107), others return black frames. A real sensor is never
bit-identical twice (noise), so a frame identical to the previous one for
``frozen_after`` seconds is a frozen source; a frame that stays nearly black
for ``black_after`` seconds is a dead one. Both are treated as a lost camera.
Only live sources are checked: a video file or a screen may really repeat.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from coulisses.i18n import tr

BLACK_MEAN = 6.0  # out of 255
BLACK_PEAK = 24.0  # the brightest 0.5 % stays under this


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str  # frozen | black
    since: datetime  # when the bad frames started (the gap starts there)
    message: str


def _fingerprint(image: np.ndarray) -> int:
    # Every third pixel on every third row: noise makes real frames differ almost
    # everywhere, so this sees any live change at a fraction of the cost.
    return zlib.crc32(np.ascontiguousarray(image[::3, ::3]).data)


def is_black(image: np.ndarray) -> bool:
    sample = image[::8, ::8]
    if float(sample.mean()) > BLACK_MEAN:
        return False
    return float(np.percentile(sample, 99.5)) < BLACK_PEAK


class FrameHealth:
    def __init__(self, frozen_after: float = 10.0, black_after: float = 5.0) -> None:
        self.frozen_after = frozen_after
        self.black_after = black_after
        self._last_obj: np.ndarray | None = None
        self._last_print: int | None = None
        self._same_since: tuple[float, datetime] | None = None
        self._black_since: tuple[float, datetime] | None = None
        self._last_seen: tuple[float, datetime] | None = None
        # The last frame checked repeats the previous one bit for bit: a live
        # sensor never does that, so it is no new picture and is not stored.
        self.repeated = False

    def check(self, image: np.ndarray, at: float, when: datetime) -> Problem | None:
        """None if the frame is healthy; ``at`` is monotonic seconds, ``when`` wall time."""
        if image is self._last_obj:
            # The same frame object again (a stream between two frames): no new evidence.
            self.repeated = True
            return self._current(at)
        self._last_obj = image
        fp = _fingerprint(image)
        self.repeated = fp == self._last_print
        if self.repeated:
            if self._same_since is None:
                # Frozen since the first copy of this picture was seen.
                self._same_since = self._last_seen or (at, when)
        else:
            self._same_since = None
        self._last_print = fp
        self._last_seen = (at, when)
        if is_black(image):
            if self._black_since is None:
                self._black_since = (at, when)
        else:
            self._black_since = None
        return self._current(at)

    def _current(self, at: float) -> Problem | None:
        # Black first: a dead sensor's black frames are also bit-identical, and "black"
        # tells the maker more than "frozen" (lens cap, light off, camera dead).
        if self._black_since is not None and at - self._black_since[0] >= self.black_after:
            return Problem("black", self._black_since[1],
                           tr("the picture has been black for {seconds} s",
                              seconds=max(1, round(at - self._black_since[0]))))
        if self._same_since is not None and at - self._same_since[0] >= self.frozen_after:
            return Problem("frozen", self._same_since[1],
                           tr("the picture has been frozen for {seconds} s",
                              seconds=max(1, round(at - self._same_since[0]))))
        return None
