"""A video file played as if it were a live camera.

The still taken at second *t* of the capture is the file's frame at *t*
(frame index ``floor(t · fps)``), whatever the interval; the capture ends
cleanly when the file ends. Frames are reached by decoding forward (cheap
for the short hops of a capture) and by seeking only for long jumps.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np

from coulisses.capture.clock import Clock, SystemClock
from coulisses.capture.source_base import (
    Frame,
    ReopenByRestart,
    SourceEnded,
    SourceLost,
    SourceUnavailable,
    quiet_opencv,
)
from coulisses.i18n import tr

# Beyond this many frames ahead, seeking (decode from the previous key frame)
# is cheaper than decoding every frame in between.
SEEK_BEYOND = 90


class VideoFileSource(ReopenByRestart):
    live = False
    # Extra reads would only decode frames nobody keeps: the preview of a file is
    # the stills the capture reads anyway.
    extra_reads = False

    def __init__(self, path: str | Path, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self.name = str(self.path)
        self.clock = clock or SystemClock()
        self._cap: cv2.VideoCapture | None = None
        self._fps = 0.0
        self._frames = 0
        self._next_index = 0  # index of the frame the next grab() decodes
        self._current: np.ndarray | None = None
        self._current_index = -1
        self._t0: float | None = None  # capture start on the clock, kept across reopen

    @property
    def fps(self) -> float:
        return self._fps

    @property
    def frame_count(self) -> int:
        return self._frames

    def open(self) -> None:
        quiet_opencv()
        cap = cv2.VideoCapture(str(self.path), cv2.CAP_FFMPEG)
        if not cap.isOpened():
            cap.release()
            raise SourceUnavailable(tr("The video file {path} cannot be opened (not a video, or "
                                       "damaged).", path=self.path))
        fps = cap.get(cv2.CAP_PROP_FPS)
        if not fps or not math.isfinite(fps) or fps <= 0:
            fps = 25.0
        self._cap = cap
        self._fps = float(fps)
        self._frames = max(0, int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0))
        self._next_index = 0
        self._current = None
        self._current_index = -1
        if self._t0 is None:
            self._t0 = self.clock.monotonic()

    def elapsed(self) -> float:
        return 0.0 if self._t0 is None else self.clock.monotonic() - self._t0

    def read(self) -> Frame:
        if self._cap is None:
            raise SourceLost(tr("The video file {path} is not open.", path=self.path))
        now = self.clock.now()
        index = int(math.floor(self.elapsed() * self._fps + 1e-6))
        if self._frames and index >= self._frames:
            raise SourceEnded(tr("End of the video file {path}.", path=self.path))
        image = self._frame_at(index)
        return Frame(image, now)

    def _frame_at(self, index: int) -> np.ndarray:
        cap = self._cap
        assert cap is not None
        if index == self._current_index and self._current is not None:
            return self._current
        ahead = index - self._next_index
        if ahead < 0 or ahead > SEEK_BEYOND:
            cap.set(cv2.CAP_PROP_POS_FRAMES, index)
            self._next_index = index
        while self._next_index < index:
            if not cap.grab():
                raise SourceEnded(tr("End of the video file {path}.", path=self.path))
            self._next_index += 1
        ok, image = cap.read()
        if not ok or image is None:
            raise SourceEnded(tr("End of the video file {path}.", path=self.path))
        self._next_index = index + 1
        if image.ndim == 2:
            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        self._current, self._current_index = image, index
        return image

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
        self._current = None
