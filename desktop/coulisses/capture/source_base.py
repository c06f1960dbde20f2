"""What every source is: one small interface for cameras, streams, files and the screen.

A source is opened once (``SourceUnavailable`` if it cannot be at all), then
read again and again. ``read`` raises ``SourceLost`` when frames stop coming
for now (unplugged camera, dropped stream) and ``SourceEnded`` when they will
never come again (end of a video file). After a loss the capture loop calls
``reopen`` from time to time until it returns True.

The concrete sources import this module; the factory that picks one from what
the maker typed (``sources.open_source``) imports them, so there is no circle.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

import numpy as np

# FFmpeg and OpenCV print their own warnings straight to stderr, sometimes with
# the stream URL in them; our messages say what matters, without passwords.
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")


def quiet_opencv() -> None:
    import cv2

    with contextlib.suppress(AttributeError):  # very old OpenCV: nothing to quieten
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


@dataclass(frozen=True, slots=True)
class Frame:
    image: np.ndarray  # BGR, uint8, HxWx3
    time: datetime  # aware UTC: when the frame was taken


class SourceError(Exception):
    """Base of source problems; the message is one sentence for the maker."""


class SourceUnavailable(SourceError):
    """The source cannot be opened at all (wrong index, bad URL, missing file)."""


class SourceLost(SourceError):
    """No frame right now; the source may come back."""


class SourceEnded(SourceError):
    """No frame will ever come again (end of a video file)."""


@runtime_checkable
class Source(Protocol):
    name: str  # shown to the maker; never holds a password
    live: bool  # a live camera/stream (frozen-frame detection applies)
    # Optional ``extra_reads: bool`` (default True): reading between scheduled
    # stills changes nothing the capture sees, so a live preview may do it.

    def open(self) -> None: ...

    def read(self) -> Frame: ...

    def reopen(self) -> bool: ...

    def close(self) -> None: ...


class ReopenByRestart:
    """Mixin: ``reopen`` closes and opens again (cameras and files).

    False while the source is not back. A driver error other than ours
    (``cv2.error``, ``RuntimeError``) is raised as is, for the caller to log
    once; the capture loop treats it as "not back yet" too.
    """

    def reopen(self) -> bool:
        # Releasing an unplugged device may throw too; the fresh open must happen anyway.
        with contextlib.suppress(Exception):
            self.close()  # type: ignore[attr-defined]
        try:
            self.open()  # type: ignore[attr-defined]
        except SourceEnded:
            raise
        except SourceError:
            return False
        return True
