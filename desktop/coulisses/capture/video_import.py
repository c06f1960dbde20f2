"""A video (a phone's clip or time-lapse) becomes stills at the real time each frame shows.

One still every ``every`` seconds of *real* time (``video_meta`` says when the
filming started and how fast it was sped up), idle ones skipped by the same
``SceneChangeDetector`` as a capture, each stored as a capture stores it
(``encode_still``: the still, its thumbnail, its signature), named after the
video so that importing it again finds every still already there.

Speed, on two cores: only the frames that become stills are converted to
full-size pictures; the idle test looks at a small copy scaled by FFmpeg
itself. When the step is longer than the gap between key frames (a phone
writes one a second), the frames are planned from the container's index and
only those key frames are sent to the decoder (sought when far): the others
are read past, never decoded. Otherwise frames are decoded in order (threads
on) and the ones on the step kept, each group of pictures only up to its last
step. JPEG encoding runs beside the decoding.

What decodes is imported: a video cut short (an unfinished copy) gives the
stills before the cut and says how much is missing. A copy of a video
already imported (another name) is found by the piece's content index, from
a hash of sampled bytes (``file_digest``).
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import av
import cv2
import numpy as np

from coulisses.capture.idle import SIGNATURE_WIDTH, IdleSettings, SceneChangeDetector
from coulisses.capture.photo_decode import DAMAGED, MAX_SIDE
from coulisses.capture.video_meta import (
    VideoInfo,
    VideoPace,
    filming_start,
    probe,
    resolve_pace,
)
from coulisses.heap import give_back
from coulisses.i18n import tr
from coulisses.jobs import CancelToken
from coulisses.journal import Capture, Journal, stills
from coulisses.journal.codec import encode_still
from coulisses.journal.content_index import SOURCE, ContentIndex
from coulisses.journal.ids import safe_filename_part
from coulisses.units import format_duration

log = logging.getLogger(__name__)

KEYS = "keys"  # only planned key frames decoded
FRAMES = "frames"  # every frame decoded
_SMALL_WIDTH = 2 * SIGNATURE_WIDTH  # the idle test's copy (it shrinks it again, by area)
_ENCODERS = 2
# Full-size pictures waiting for (or in) the JPEG encoders: three 1080p frames, two 4K ones.
_IN_FLIGHT_BYTES = 56 << 20
_HASH_EDGE = 1 << 20  # file_digest: bytes read at each end
_HASH_SLICE = 64 << 10  # and in each of _HASH_SLICES places between
_HASH_SLICES = 32
# A key frame further ahead than this (seconds of video) is sought, not read up to.
SEEK_AHEAD = 3.0

# Rotation (FFmpeg's counter-clockwise degrees of the display matrix) -> making it upright.
_UPRIGHT = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
            270: cv2.ROTATE_90_COUNTERCLOCKWISE}


@dataclass(frozen=True, slots=True)
class VideoSettings:
    every: float = 10.0  # seconds of real time between two stills
    keep_idle: bool = False
    idle: IdleSettings = field(default_factory=IdleSettings)
    speedup: float | None = None  # seconds of real time per second of video, if given
    real_duration: float | None = None  # seconds of real time the video covers, if given


@dataclass(frozen=True, slots=True)
class VideoResult:
    """What the decode-and-store pass did (the importer wraps it in an outcome)."""

    info: VideoInfo
    pace: VideoPace
    start: datetime  # aware UTC, real time of the first frame
    mode: str
    captures: tuple[Capture, ...] = ()
    already: int = 0  # stills of this video the piece had (an import done before)
    idle_skipped: int = 0
    cancelled: bool = False
    lost: str | None = None  # the part that could not be read, said for people

    @property
    def real_seconds(self) -> float:
        return self.info.duration * self.pace.speedup


def file_digest(path: Path) -> str:
    """The content hash the index keeps for a video: SHA-256 of its size, its first and last
    MiB and 32 slices of 64 KiB spread over the rest.

    Hashing all of a 1 GB video would read it all, which the import itself does not
    (it seeks to the frames it keeps). The sampled bytes hold the container's index
    (moov: every frame's size and place, at the start or the end) and the headers of
    frames all along, so two different videos of the same size to the byte do not
    share them; a copy does.
    """
    h = hashlib.sha256(b"coulisses video sample 1\n")
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        h.update(str(size).encode() + b"\n")
        if size <= 2 * _HASH_EDGE + _HASH_SLICES * _HASH_SLICE:
            while chunk := fh.read(_HASH_EDGE):
                h.update(chunk)
            return h.hexdigest()
        h.update(fh.read(_HASH_EDGE))
        inner = size - 2 * _HASH_EDGE - _HASH_SLICE
        for k in range(_HASH_SLICES):
            fh.seek(_HASH_EDGE + inner * k // max(1, _HASH_SLICES - 1))
            h.update(fh.read(_HASH_SLICE))
        fh.seek(size - _HASH_EDGE)
        h.update(fh.read(_HASH_EDGE))
    return h.hexdigest()


def find_copy(index: ContentIndex, info: VideoInfo) -> str | None:
    """The still a copy of this video gave before, or None (hashes on a size match only)."""
    with index.locked():
        return index.find(info.signature[0], lambda: file_digest(info.path))


def grid_count(duration: float, step: float) -> int:
    """How many steps of ``step`` start inside ``duration`` seconds of video (0, step, …)."""
    return max(1, math.ceil(duration / step - 1e-9)) if step > 0 else 1


def plan_keys(key_times: tuple[float, ...], step: float, duration: float) -> list[float]:
    """For each step of the grid, the nearest key frame (each at most once), in order."""
    return [key_times[i] for i in _plan_key_indices(key_times, step, duration)]


def _plan_key_indices(key_times: tuple[float, ...], step: float, duration: float) -> list[int]:
    chosen: list[int] = []
    if not key_times:
        return chosen
    keys = np.asarray(key_times)
    for k in range(grid_count(duration, step)):
        i = int(np.abs(keys - k * step).argmin())
        if not chosen or keys[i] > keys[chosen[-1]]:
            chosen.append(i)
    return chosen


def _upright(image: np.ndarray, rotation: int) -> np.ndarray:
    turn = _UPRIGHT.get((-rotation) % 360)
    return image if turn is None else cv2.rotate(image, turn)


def _small(frame: av.VideoFrame) -> np.ndarray:
    w, h = frame.width, frame.height
    width = min(w, _SMALL_WIDTH)
    height = max(2, round(h * width / max(1, w)) // 2 * 2)
    return frame.reformat(width=width, height=height, format="bgr24",
                          interpolation="AREA").to_ndarray()


def _full(frame: av.VideoFrame) -> np.ndarray:
    w, h = frame.width, frame.height
    if max(w, h) <= MAX_SIDE:
        return frame.to_ndarray(format="bgr24")
    scale = MAX_SIDE / max(w, h)
    return frame.reformat(width=round(w * scale) // 2 * 2, height=round(h * scale) // 2 * 2,
                          format="bgr24", interpolation="AREA").to_ndarray()


class _Decoder:
    """The frames of one video that are worth looking at, with their time in video seconds.

    KEYS: the planned key frames only. Each is reached by reading on when it is
    near, or by seeking to it (the container's index says where it is) when the
    packets before it would take longer to read than to skip: a 10-minute phone
    video with a still every 10 s reads 60 key frames, not its 1 GB.
    FRAMES: the frames on the grid of ``step`` are given. Once the last one
    before the next key frame is out, the rest of that group of pictures is read
    past, not decoded: what follows a key frame never needs what came before it
    (that is what the index's key frames are), so only frames shown before the
    key frame, which are not wanted, could suffer.
    """

    def __init__(self, info: VideoInfo, step: float) -> None:
        self.info = info
        self.step = step
        gop = info.key_interval
        # An index that stops short (a file still being written) cannot plan the end.
        whole = gop is not None and info.key_times[-1] >= info.duration - max(2.0, 2 * gop)
        picked = _plan_key_indices(info.key_times, step, info.duration) \
            if whole and gop is not None and step >= gop * 0.999 else []
        self.keys = [info.key_times[i] for i in picked]
        self.key_dts = [info.key_dts[i] for i in picked]
        self.mode = KEYS if self.keys else FRAMES
        self.total = len(self.keys) if self.keys else grid_count(info.duration, step)
        self.last_seen = -1.0  # video seconds of the last packet read
        self.missed_keys = 0  # planned key frames that could not be read (a cut file)
        self.error: str | None = None
        self.decoded = 0  # packets sent to the decoder
        # Key frames to skip ahead to (FRAMES), from an index that reaches the end.
        self._skip_to = np.asarray(info.key_times) if whole else None

    @property
    def ended_early(self) -> bool:
        if self.error is not None or self.missed_keys:
            return True
        if self.mode == KEYS:
            return False
        return self.last_seen + 1 / max(1.0, self.info.fps) < self.info.duration - 1.0

    def frames(self) -> Iterator[tuple[float, av.VideoFrame]]:
        with av.open(str(self.info.path), metadata_errors="replace") as container:
            stream = container.streams.video[0]
            ctx = stream.codec_context
            # Key frames one at a time gain nothing from frame threads (each seek drains
            # them), which would each hold a copy of the decoder's pictures.
            ctx.thread_type = "SLICE" if self.mode == KEYS else "AUTO"
            try:
                if self.mode == KEYS:
                    ctx.skip_frame = "NONKEY"
                    yield from self._keys(container, stream, ctx)
                else:
                    yield from self._all(container, stream, ctx)
            except av.error.FFmpegError as exc:  # the file ends or breaks here
                self.error = str(exc)
                log.info("reading %s stopped: %s", self.info.path, exc)

    def _seen(self, packet) -> int | None:
        ts = packet.dts if packet.dts is not None else packet.pts
        if ts is not None:
            self.last_seen = max(self.last_seen,
                                 (ts - self.info.start_pts) * self.info.time_base)
        return ts

    def _keys(self, container, stream, ctx) -> Iterator[tuple[float, av.VideoFrame]]:
        tb = self.info.time_base
        packets: Iterator | None = None
        at: int | None = None  # dts of the last packet read
        for dts in self.key_dts:
            if packets is None or at is None or (dts - at) * tb > SEEK_AHEAD:
                # Seeking empties the decoder: what it still holds comes out first.
                yield from self._decoded(ctx, None)
                container.seek(dts, stream=stream, backward=True)
                packets = container.demux(stream)
            found = False
            for packet in packets:
                if packet.size == 0:
                    break
                ts = self._seen(packet)
                if ts is None:
                    continue
                at = ts
                if ts >= dts:
                    found = ts == dts and packet.is_keyframe
                    if found:
                        yield from self._decoded(ctx, packet)
                    break
            if not found:
                self.missed_keys += 1
                packets = None  # seek to the next one, if it is there at all
        yield from self._decoded(ctx, None)

    def _all(self, container, stream, ctx) -> Iterator[tuple[float, av.VideoFrame]]:
        half = 0.5 / max(1.0, self.info.fps)
        next_t = 0.0
        skipping = False  # reading past the end of a group of pictures
        for packet in container.demux(stream):
            if packet.size == 0:  # the end: what the decoder holds comes out
                decoded = self._decoded(ctx, None)
            else:
                self._seen(packet)
                if skipping and not packet.is_keyframe:
                    continue
                skipping = False
                decoded = self._decoded(ctx, packet)
            for t, frame in decoded:
                if t + half >= next_t:
                    next_t = (math.floor((t + half) / self.step) + 1) * self.step
                    skipping = self._next_key_first(t, next_t + half)
                    yield t, frame

    def _next_key_first(self, t: float, before: float) -> bool:
        """Whether a key frame comes after ``t`` and before ``before`` (the next step, half a
        frame on): the frames between come too early for the next step."""
        keys = self._skip_to
        if keys is None:
            return False
        i = int(np.searchsorted(keys, t, side="right"))
        return i < len(keys) and keys[i] < before

    def _decoded(self, ctx, packet) -> Iterator[tuple[float, av.VideoFrame]]:
        tb, start = self.info.time_base, self.info.start_pts
        self.decoded += packet is not None
        try:
            frames = ctx.decode(packet)
        except av.error.InvalidDataError as exc:  # one damaged packet: the next key frame heals
            log.info("a packet of %s does not decode: %s", self.info.path, exc)
            return
        for frame in frames:
            pts = frame.pts if frame.pts is not None else 0
            yield max(0.0, (pts - start) * tb), frame


def decode_video(journal: Journal, piece_id: str, info: VideoInfo, settings: VideoSettings,
                 index: ContentIndex, *, progress: Callable[[int, int], None] | None = None,
                 cancel: CancelToken | None = None) -> VideoResult:
    """Store the stills of ``info``'s video into the piece; see the module doc.

    Raises DiskFullError (the import stops), JournalError/OSError for a journal
    that cannot be written; a video that ends early is a result with ``lost`` set.
    """
    cancel = cancel or CancelToken()
    pace = resolve_pace(info, settings.speedup, settings.real_duration)
    start = filming_start(info, pace)
    step = settings.every / pace.speedup  # seconds of video between stills
    decoder = _Decoder(info, step)
    report = progress or (lambda _d, _t: None)
    detector = SceneChangeDetector(settings.idle)
    stem = os.path.splitext(info.path.name)[0] or info.path.name
    captures: list[Capture] = []
    already = idle = done = 0
    first_id: str | None = None
    cancelled = False
    rotation: int | None = None
    pending: deque[tuple[datetime, Future[tuple[bytes, bytes]], int]] = deque()

    def store(when: datetime, future: Future[tuple[bytes, bytes]]) -> None:
        nonlocal already
        jpeg, thumb = future.result()
        with index.locked():
            capture = journal.add_still(piece_id, jpeg, when, thumbnail=thumb, source=stem,
                                        skip_duplicate=True)
            if capture is None:
                already += 1
                return
            index.add(capture.id, len(jpeg), None)
        captures.append(capture)

    report(0, decoder.total)
    with ThreadPoolExecutor(_ENCODERS, thread_name_prefix="video-still") as pool:
        try:
            for t, frame in decoder.frames():
                if cancel.cancelled:
                    cancelled = True
                    break
                done = min(decoder.total, done + 1)
                real = t * pace.speedup
                when = start + timedelta(seconds=real)
                if rotation is None:
                    rotation = int(round(frame.rotation or 0))
                small = _upright(_small(frame), rotation)
                decision = detector.decide(small, real, force=settings.keep_idle)
                if not decision.keep:
                    idle += 1
                    report(done, decoder.total)
                    continue
                detector.remember(decision)
                if first_id is None:
                    first_id = stills.capture_id(when, 0, safe_filename_part(stem))
                if journal.has_still(piece_id, when, stem):
                    already += 1  # an earlier import of this video (cancelled, or the same)
                    report(done, decoder.total)
                    continue
                image = _upright(_full(frame), rotation)
                del frame
                pending.append((when, pool.submit(encode_still, image), image.nbytes))
                del image
                while len(pending) > _ENCODERS or (
                        len(pending) > 1 and sum(n for *_, n in pending) > _IN_FLIGHT_BYTES):
                    store(*pending.popleft()[:2])
                report(done, decoder.total)
            while pending:
                store(*pending.popleft()[:2])
        finally:
            for _, future, _n in pending:
                future.cancel()
    give_back()  # the decoder's and the encoders' big buffers, freed in their threads' arenas
    lost = _lost(decoder, info) if not cancelled else None
    if not cancelled and first_id is not None:
        _remember_source(index, info, captures[0].id if captures else first_id)
    return VideoResult(info, pace, start, decoder.mode, tuple(captures), already, idle,
                       cancelled, lost)


def _lost(decoder: _Decoder, info: VideoInfo) -> str | None:
    """What could not be read at the end of a video cut short, in words; None if whole."""
    if not decoder.ended_early:
        return None
    seen = min(info.duration, max(0.0, decoder.last_seen + 1 / max(1.0, info.fps)))
    missing = info.duration - seen
    if missing <= 0.5:
        return None
    return tr("the video stops at {at} of its {total}: the last {lost} could not be read "
              "(a truncated copy?)", at=format_duration(seen),
              total=format_duration(info.duration), lost=format_duration(missing))


def _remember_source(index: ContentIndex, info: VideoInfo, capture_id: str) -> None:
    try:
        content = file_digest(info.path)
    except OSError as exc:  # the stills are stored; a copy would only be imported again
        log.warning("could not hash %s: %s", info.path, exc)
        return
    with index.locked():
        if index.find(info.signature[0], content) is None:
            index.add(capture_id, info.signature[0], content, SOURCE)


def damaged_reason(exc: BaseException) -> tuple[str, str]:
    """(reason, kind) for a video a library refused in an unexpected way."""
    log.warning("video import failed: %s", exc)
    return tr("the video could not be decoded ({detail})",
              detail=" ".join(str(exc).split()) or type(exc).__name__), DAMAGED


__all__ = ["FRAMES", "KEYS", "VideoResult", "VideoSettings", "decode_video", "find_copy",
           "plan_keys", "probe"]
