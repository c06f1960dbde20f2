"""Where frames come from: one small interface for cameras, streams, files and the screen.

A source is opened once (``SourceUnavailable`` if it cannot be at all), then
read again and again. ``read`` raises ``SourceLost`` when frames stop coming
for now (unplugged camera, dropped stream) and ``SourceEnded`` when they will
never come again (end of a video file). After a loss the capture loop calls
``reopen`` from time to time until it returns True.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from coulisses.capture.clock import Clock, SystemClock
from coulisses.capture.redact import redact
from coulisses.i18n import tr

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

    def open(self) -> None: ...

    def read(self) -> Frame: ...

    def reopen(self) -> bool: ...

    def close(self) -> None: ...


class ReopenByRestart:
    """Mixin: ``reopen`` closes and opens again (cameras and files)."""

    def reopen(self) -> bool:
        self.close()  # type: ignore[attr-defined]
        try:
            self.open()  # type: ignore[attr-defined]
        except SourceError:
            return False
        return True


_V4L2_DEVICE = re.compile(r"^/dev/video(\d+)$")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://")
STREAM_SCHEMES = ("rtsp", "rtsps", "rtmp", "http", "https", "udp", "tcp", "srt")


def describe(spec: str) -> str:
    """A human name for a source spec (password-free)."""
    s = spec.strip()
    if s.isdigit():
        return tr("camera {index}", index=s)
    device = _V4L2_DEVICE.match(s)
    if device:
        return tr("camera {index}", index=device.group(1))
    if s.lower() == "screen":
        return tr("the screen")
    return redact(s)


def open_source(spec: str, clock: Clock | None = None, **options: object) -> Source:
    """Make the source a maker typed: ``0``, ``rtsp://…``/``http://…``, a video file, ``screen``.

    The source is created, not opened: call ``open()`` (the capture session does).
    Raises ``SourceUnavailable`` for something that is none of these.
    """
    s = spec.strip()
    clock = clock or SystemClock()
    if not s:
        raise SourceUnavailable(tr("No source given: use a camera number (0), a stream URL, "
                                   "a video file or 'screen'."))
    if s.isdigit():
        from coulisses.capture.camera import CameraSource

        return CameraSource(int(s), clock=clock, **options)  # type: ignore[arg-type]
    device = _V4L2_DEVICE.match(s)
    if device:  # /dev/video2 on Linux is camera 2
        from coulisses.capture.camera import CameraSource

        index = int(device.group(1))
        return CameraSource(index, clock=clock, **options)  # type: ignore[arg-type]
    if s.lower() == "screen":
        from coulisses.capture.screen import ScreenSource

        return ScreenSource(clock=clock, **options)  # type: ignore[arg-type]
    if _URL.match(s):
        scheme = s.split(":", 1)[0].lower()
        if scheme == "file":
            s = s[len("file://"):]
        elif scheme in STREAM_SCHEMES:
            from coulisses.capture.stream import StreamSource

            return StreamSource(s, clock=clock, **options)  # type: ignore[arg-type]
        else:
            raise SourceUnavailable(tr("{source} is not a source Coulisses can read (use rtsp://, "
                                       "http:// or https://).", source=redact(s)))
    path = Path(s).expanduser()
    if path.is_file():
        from coulisses.capture.videofile import VideoFileSource

        return VideoFileSource(path, clock=clock, **options)  # type: ignore[arg-type]
    if path.exists():
        raise SourceUnavailable(tr("{source} is a folder, not a video file.", source=str(path)))
    raise SourceUnavailable(tr("Source {source} not found: use a camera number (0), a stream URL, "
                               "a video file or 'screen'.", source=redact(s)))
