"""A network stream (``rtsp://…``, ``http://…`` MJPEG from a phone IP-camera app).

OpenCV's FFmpeg backend can block forever on a dead stream (opencv#4468), so:
- open and read timeouts are set on the capture itself;
- a background reader thread drains the stream continuously (or it lags
  behind real time) and converts to BGR only the frames the capture loop
  asks for, so the loop gets a fresh frame within one frame period and
  never waits on the network;
- when the stream drops, the reader reconnects by itself with a capped
  backoff; the capture loop sees ``SourceLost`` while no fresh frame exists.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np

from coulisses.capture.clock import Clock, SystemClock
from coulisses.capture.source_base import Frame, SourceLost, SourceUnavailable, quiet_opencv
from coulisses.i18n import tr
from coulisses.redaction import redact

log = logging.getLogger(__name__)

OPEN_TIMEOUT = 8.0
READ_TIMEOUT = 5.0
RETRY_FIRST = 0.5
RETRY_MAX = 4.0  # a phone that comes back is picked up within a few seconds

StreamFactory = Callable[[str, int, list[int]], Any]


class StreamSource:
    live = True

    def __init__(self, url: str, clock: Clock | None = None, *,
                 open_timeout: float = OPEN_TIMEOUT, read_timeout: float = READ_TIMEOUT,
                 stale_after: float | None = None, retry_max: float = RETRY_MAX,
                 capture_factory: StreamFactory | None = None) -> None:
        self.url = url
        self.name = redact(url)
        self.clock = clock or SystemClock()
        self.open_timeout = open_timeout
        self.read_timeout = read_timeout
        # A frame older than this means the stream has stalled.
        self.stale_after = stale_after if stale_after is not None else read_timeout + 1.0
        self.retry_max = retry_max
        self._factory: StreamFactory = capture_factory or cv2.VideoCapture
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._latest: np.ndarray | None = None
        self._latest_time = self.clock.now()
        self._latest_mono = 0.0
        self._grab_mono = 0.0
        self._want = threading.Event()  # the capture loop wants the next frame converted
        self._delivered = threading.Event()
        self.frames_received = 0
        self.frames_converted = 0
        self.reconnects = 0

    # ------------------------------------------------------------------ opening
    def _connect(self) -> Any | None:
        quiet_opencv()
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, int(self.open_timeout * 1000),
                  cv2.CAP_PROP_READ_TIMEOUT_MSEC, int(self.read_timeout * 1000)]
        try:
            cap = self._factory(self.url, cv2.CAP_FFMPEG, params)
        except cv2.error as exc:  # pragma: no cover - backend refused the parameters
            log.debug("stream open failed: %s", redact(str(exc)))
            return None
        if cap is None or not cap.isOpened():
            if cap is not None:
                cap.release()
            return None
        return cap

    def open(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        cap = self._connect()
        if cap is None:
            raise SourceUnavailable(tr(
                "The stream {url} cannot be opened: check the address, that the camera or phone "
                "is on and streaming, and that this computer can reach it.", url=self.name))
        self._stop.clear()
        self._thread = threading.Thread(target=self._reader, args=(cap,),
                                        name="coulisses-stream-reader", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ reading
    def _reader(self, cap: Any) -> None:
        retry = RETRY_FIRST
        try:
            while not self._stop.is_set():
                if cap is None:
                    if self._stop.wait(retry):
                        break
                    retry = min(retry * 2, self.retry_max)
                    cap = self._connect()
                    if cap is None:
                        continue
                    self.reconnects += 1
                if not cap.grab():
                    cap.release()
                    cap = None
                    continue
                retry = RETRY_FIRST
                with self._lock:
                    self._grab_mono = time.monotonic()
                    self.frames_received += 1
                    want = self._want.is_set() or self._latest is None
                if not want:
                    continue  # drained, not converted: only the frames asked for cost that
                grabbed_at = self.clock.now()
                ok, image = cap.retrieve()
                if not ok or image is None or image.size == 0:
                    continue
                if image.ndim == 2:
                    image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
                with self._lock:
                    self._latest = image
                    self._latest_time = grabbed_at
                    self._latest_mono = self._grab_mono
                    self.frames_converted += 1
                    self._want.clear()
                    self._delivered.set()
        finally:
            if cap is not None:
                with contextlib.suppress(Exception):
                    cap.release()

    def _streaming(self) -> bool:
        """Frames arrived recently (the stream is alive)."""
        with self._lock:
            return self._grab_mono > 0 and time.monotonic() - self._grab_mono <= self.stale_after

    def wait_first_frame(self, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                if self._latest is not None:
                    return True
            if self._stop.wait(0.02):
                return False
        return self._latest is not None

    def read(self) -> Frame:
        if self._thread is None:
            raise SourceLost(tr("The stream {url} is not open.", url=self.name))
        if self._latest is None:
            # Just opened: give the first frame a moment to arrive.
            self.wait_first_frame(self.stale_after)
        lost = SourceLost(tr("The stream {url} stopped sending pictures.", url=self.name))
        if not self._streaming():
            raise lost
        # Ask the reader to convert the next frame it receives; a slow stream (a
        # phone at 1 fps) gets a bounded wait, then the last frame is used again.
        with self._lock:
            self._delivered.clear()
            self._want.set()
        self._delivered.wait(min(self.stale_after, 1.0))
        with self._lock:
            image, taken = self._latest, self._latest_time
            if image is None or time.monotonic() - self._latest_mono > self.stale_after:
                raise lost
        return Frame(image, taken)

    def reopen(self) -> bool:
        # The reader thread reconnects on its own; we only report whether it has.
        if self._thread is None or not self._thread.is_alive():
            try:
                self.open()
            except SourceUnavailable:
                return False
        return self._streaming()

    def close(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            # Do not make Stop wait for a network timeout: the reader sees the stop
            # flag when its current read or connect returns, and releases the capture.
            thread.join(min(2.0, self.read_timeout + 0.5))
        with self._lock:
            self._latest = None
            self._grab_mono = 0.0
