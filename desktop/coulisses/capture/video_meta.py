"""What a video file says about when and how fast it was filmed, read without decoding.

When: Apple's ``com.apple.quicktime.creationdate`` (the start of filming, a
local time with its UTC offset), else the QuickTime/MP4 ``creation_time``
(UTC, in the movie header), else the file's date, taken as the end of filming
(a phone closes the file when it stops), so the start is that date minus the
real duration. A zero or pre-1990 ``creation_time`` is an unset header.

How fast: a time-lapse plays hours in seconds, so a frame's place in real time
is its place in the video times the speed-up. Android writes its capture rate
(``com.android.capture.fps``: 2 frames a second played at 30 = 15x, 240 played
at 30 = slow motion); otherwise the maker says it (``--speedup``,
``--real-duration``, or the window's question), and without any of these the
video is taken as filmed in real time. ``VideoPace.source`` keeps which.

The key frames come from the container's index (MP4/MOV list every sample),
so the import can plan which frames to decode before decoding any.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import av

from coulisses.capture.exif_time import FILE_DATE
from coulisses.capture.photo_decode import INCOMPLETE, NOT_A_PHOTO, UNREADABLE, PhotoError
from coulisses.i18n import tr
from coulisses.os_errors import describe_os_error

VIDEO_EXTENSIONS = frozenset({".mp4", ".mov", ".m4v", ".3gp"})

# Where the time of filming came from (FILE_DATE is shared with photos).
APPLE_CREATIONDATE = "apple-creationdate"
CREATION_TIME = "creation-time"

# Where the speed came from.
PACE_CAPTURE_FPS = "capture-fps"  # the file's com.android.capture.fps
PACE_SPEEDUP = "speedup"  # given: --speedup or the window's answer
PACE_REAL_DURATION = "real-duration"  # given: --real-duration or the window's answer
PACE_REAL_TIME = "real-time"  # nothing said: filmed in real time

APPLE_KEY = "com.apple.quicktime.creationdate"
ANDROID_FPS_KEY = "com.android.capture.fps"
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)  # before this, a header left at zero
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*"
                  r"(Z|[+-]\d{2}:?\d{2})?\s*$")


@dataclass(frozen=True, slots=True)
class VideoInfo:
    path: Path
    duration: float  # seconds of video
    fps: float  # frames per second as played
    width: int
    height: int
    codec: str
    created: datetime | None  # aware UTC start of filming, from the file's metadata
    time_source: str  # APPLE_CREATIONDATE | CREATION_TIME | FILE_DATE
    file_date: datetime  # aware UTC modification time of the file
    capture_fps: float | None  # com.android.capture.fps, when the file says it
    key_times: tuple[float, ...]  # seconds of video of each key frame, from the index
    key_dts: tuple[int, ...]  # the same key frames' decoding timestamps (what packets carry)
    start_pts: int  # the stream's first timestamp, in time_base units
    time_base: float
    signature: tuple[int, int]  # (bytes, mtime_ns) when read
    has_audio: bool = True  # phones record time-lapses without sound

    @property
    def key_interval(self) -> float | None:
        """The longest gap between key frames (the GOP), or None without an index."""
        if len(self.key_times) < 2:
            return None
        return max(b - a for a, b in zip(self.key_times, self.key_times[1:], strict=False))


@dataclass(frozen=True, slots=True)
class VideoPace:
    speedup: float  # seconds of real time per second of video
    source: str  # PACE_*

    @property
    def is_real_time(self) -> bool:
        return abs(self.speedup - 1.0) < 1e-6


def parse_time(text: str) -> datetime | None:
    """An ISO 8601 time as containers write it, aware UTC; no offset = local time."""
    m = _ISO.match(text or "")
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
    micro = int(round(float(m.group(7) or 0) * 1_000_000))
    zone = m.group(8)
    try:
        naive = datetime(y, mo, d, h, mi, s, min(micro, 999_999))
    except ValueError:
        return None
    if zone == "Z":
        return naive.replace(tzinfo=UTC)
    if zone:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return naive.replace(tzinfo=timezone(sign * offset)).astimezone(UTC)
    return naive.astimezone().astimezone(UTC)  # no zone: this machine's local time


def _creation(container: av.container.InputContainer,
              stream: av.video.stream.VideoStream) -> tuple[datetime | None, str]:
    meta = dict(container.metadata)
    apple = parse_time(meta.get(APPLE_KEY, ""))
    if apple is not None and apple >= _EARLIEST:
        return apple, APPLE_CREATIONDATE
    for text in (meta.get("creation_time", ""), stream.metadata.get("creation_time", "")):
        when = parse_time(text)
        if when is not None and when >= _EARLIEST:
            return when, CREATION_TIME
    return None, FILE_DATE


def _capture_fps(container: av.container.InputContainer) -> float | None:
    try:
        value = float(str(container.metadata.get(ANDROID_FPS_KEY, "")).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and value > 0 else None


def probe(path: Path) -> VideoInfo:
    """Read a video's header and index; raises PhotoError (its reason says why) if it cannot."""
    path = Path(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise PhotoError(tr("it cannot be read ({error})", error=describe_os_error(exc)),
                         UNREADABLE) from None
    if not stat.S_ISREG(st.st_mode):
        raise PhotoError(tr("it is not a regular file"), UNREADABLE)
    if st.st_size == 0:
        raise PhotoError(tr("the file is empty"), INCOMPLETE)
    try:
        container = av.open(str(path), metadata_errors="replace")
    except av.error.InvalidDataError:
        # A phone writes the index (moov) last: a copy cut short has none, and
        # nothing in it can be placed or even decoded.
        raise PhotoError(tr("the video cannot be read: it is truncated (an unfinished copy?) "
                            "or damaged"), INCOMPLETE) from None
    except OSError as exc:
        raise PhotoError(tr("it cannot be read ({error})", error=describe_os_error(exc)),
                         UNREADABLE) from None
    with container:
        if not container.streams.video:
            raise PhotoError(tr("the file has no video in it"), NOT_A_PHOTO)
        stream = container.streams.video[0]
        tb = float(stream.time_base or 0) or 1 / 90_000
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate
        fps = float(rate) if rate else 30.0
        start = stream.start_time if stream.start_time is not None else 0
        if stream.duration:
            duration = stream.duration * tb
        elif container.duration:
            duration = container.duration / av.time_base
        else:
            duration = (stream.frames or 0) / fps
        # The index holds decoding times; with B-frames they run a few frames ahead of
        # the presentation times the frames show: the first key frame is shown at start.
        key_dts = tuple(e.timestamp for e in stream.index_entries if e.is_keyframe)
        shift = start - key_dts[0] if key_dts else 0
        keys = tuple(max(0.0, (ts + shift - start) * tb) for ts in key_dts)
        created, source = _creation(container, stream)
        ctx = stream.codec_context
        return VideoInfo(path, max(0.0, duration), fps, ctx.width, ctx.height, ctx.name,
                         created, source, datetime.fromtimestamp(st.st_mtime, UTC),
                         _capture_fps(container), keys, key_dts, start, tb,
                         (st.st_size, st.st_mtime_ns), bool(container.streams.audio))


def resolve_pace(info: VideoInfo, speedup: float | None = None,
                 real_duration: float | None = None) -> VideoPace:
    """The speed of ``info``: what the maker gave wins, then the file, then real time."""
    if speedup is not None:
        return VideoPace(speedup, PACE_SPEEDUP)
    if real_duration is not None and info.duration > 0:
        return VideoPace(real_duration / info.duration, PACE_REAL_DURATION)
    if info.capture_fps is not None and info.fps > 0:
        ratio = info.fps / info.capture_fps
        return VideoPace(1.0 if abs(ratio - 1) < 0.01 else ratio, PACE_CAPTURE_FPS)
    return VideoPace(1.0, PACE_REAL_TIME)


def filming_start(info: VideoInfo, pace: VideoPace) -> datetime:
    """The real time of the video's first frame (aware UTC); see the module doc."""
    if info.created is not None:
        return info.created
    return info.file_date - timedelta(seconds=info.duration * pace.speedup)


def is_video_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in VIDEO_EXTENSIONS
