"""Which source a maker means: ``0``, ``/dev/video2``, ``rtsp://…``, a video file, ``screen``.

The base types live in ``source_base``; they are re-exported here so that
``from coulisses.capture.sources import SourceError`` keeps working.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from coulisses.capture.camera import CameraSource
from coulisses.capture.clock import Clock, SystemClock
from coulisses.capture.screen import ScreenSource
from coulisses.capture.source_base import (
    Frame,
    ReopenByRestart,
    Source,
    SourceEnded,
    SourceError,
    SourceLost,
    SourceUnavailable,
    quiet_opencv,
)
from coulisses.capture.stream import StreamSource
from coulisses.capture.videofile import VideoFileSource
from coulisses.i18n import tr
from coulisses.redaction import redact

__all__ = [
    "STREAM_SCHEMES", "Frame", "ReopenByRestart", "Source", "SourceEnded", "SourceError",
    "SourceLost", "SourceUnavailable", "describe", "network_address", "open_source",
    "quiet_opencv",
]

_V4L2_DEVICE = re.compile(r"^/dev/video(\d+)$")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://")
STREAM_SCHEMES = ("rtsp", "rtsps", "rtmp", "http", "https", "udp", "tcp", "srt")
# host:port[/path] typed without a scheme: "192.168.1.20:8080/video", "phone.local:4747".
# The port is required: every phone app shows one, and no file name looks like that.
_BARE_ADDRESS = re.compile(r"^(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+:\d{1,5}(?:/\S*)?$")
# The word the CLI takes for the screen: quoted, never translated, in the messages.
SCREEN_WORD = "screen"


def describe(spec: str) -> str:
    """A human name for a source spec (password-free)."""
    s = spec.strip()
    if s.isdigit():
        return tr("camera {index}", index=s)
    device = _V4L2_DEVICE.match(s)
    if device:
        return tr("camera {index}", index=device.group(1))
    if s.lower() == SCREEN_WORD:
        return tr("the screen")
    return redact(s)


def network_address(text: str) -> str:
    """What a maker typed in a field meant for a phone's address, as a URL.

    Phone apps show "http://192.168.1.20:8080/video", but "192.168.1.20:8080/video"
    is often what gets typed: in a field that only takes network addresses it
    gains ``http://`` (the scheme every common phone app serves). Anything with a
    scheme, or that does not look like host:port[/path], is left as typed.
    """
    s = text.strip()
    if not s or _URL.match(s) or not _BARE_ADDRESS.match(s):
        return s
    return "http://" + s


def open_source(spec: str, clock: Clock | None = None, **options: object) -> Source:
    """Make the source a maker typed: ``0``, ``rtsp://…``/``http://…``, a video file, ``screen``.

    The source is created, not opened: call ``open()`` (the capture session does).
    Raises ``SourceUnavailable`` for something that is none of these.
    """
    s = spec.strip()
    clock = clock or SystemClock()
    if not s:
        raise SourceUnavailable(tr("No source given: use a camera number (0), a stream URL, "
                                   "a video file or {word!r}.", word=SCREEN_WORD))
    if s.isdigit():
        return CameraSource(int(s), clock=clock, **options)  # type: ignore[arg-type]
    device = _V4L2_DEVICE.match(s)
    if device:  # /dev/video2 on Linux is camera 2
        index = int(device.group(1))
        return CameraSource(index, clock=clock, **options)  # type: ignore[arg-type]
    if s.lower() == SCREEN_WORD:
        return ScreenSource(clock=clock, **options)  # type: ignore[arg-type]
    if _URL.match(s):
        scheme = s.split(":", 1)[0].lower()
        if scheme == "file":
            s = s[len("file://"):]
        elif scheme in STREAM_SCHEMES:
            return StreamSource(s, clock=clock, **options)  # type: ignore[arg-type]
        else:
            raise SourceUnavailable(tr("{source} is not a source Coulisses can read (use rtsp://, "
                                       "http:// or https://).", source=redact(s)))
    path = Path(s).expanduser()
    if path.is_file():
        return VideoFileSource(path, clock=clock, **options)  # type: ignore[arg-type]
    if path.exists():
        raise SourceUnavailable(tr("{source} is a folder, not a video file.", source=str(path)))
    address = network_address(s)
    if address != s:  # "192.168.1.20:8080/video": a phone's address without its http://
        return open_source(address, clock, **options)
    if path.suffix or os.sep in s or "/" in s:  # meant as a file (the window's "Video file")
        raise SourceUnavailable(tr("There is no video file at {source}: check its name and "
                                   "folder, or choose it again.", source=redact(str(path))))
    raise SourceUnavailable(tr("Source {source} not found: use a camera number (0), a stream URL, "
                               "a video file or {word!r}.", source=redact(s), word=SCREEN_WORD))
