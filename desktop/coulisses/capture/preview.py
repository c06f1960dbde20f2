"""A live picture for the window, before and during a capture, without opening a source twice.

``Previewer`` is for the moments before a capture starts: it opens the source
through ``open_source`` in its own daemon thread, keeps only the latest
downscaled frame, and releases the device on ``stop()`` so that the capture
can open it next. During a capture the session itself publishes previews
(``CaptureSession.set_preview``), from the frames it reads.

Frames are downscaled here, off the GUI thread, and handed out read-only:
the window may keep one while the next is being made.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from coulisses.capture.source_base import Source, SourceEnded, SourceError
from coulisses.capture.sources import open_source
from coulisses.i18n import tr
from coulisses.redaction import redact

log = logging.getLogger(__name__)

RETRY_FIRST = 0.5
RETRY_MAX = 4.0


@dataclass(frozen=True)
class PreviewFrame:
    image: np.ndarray  # BGR, long side <= max_side, read-only
    seq: int  # 1, 2, 3… in the order the frames were made
    taken: float  # time.monotonic() when the frame was read


def downscale(image: np.ndarray, max_side: int) -> np.ndarray:
    """A read-only copy of ``image`` whose long side is at most ``max_side``."""
    h, w = image.shape[:2]
    scale = max_side / max(h, w)
    if scale < 1.0:
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    else:
        small = image.copy()  # never hand out the source's own buffer
    small.setflags(write=False)
    return small


class Previewer:
    """Reads ``source`` at about ``fps`` in a daemon thread; ``latest()`` is the newest frame.

    A source that cannot be opened or is lost is retried with a capped backoff
    (a camera plugged in later shows up by itself), ``error`` saying why
    meanwhile; a spec that names no source at all ends the thread with
    ``error`` set. ``stop()`` returns False if the device is still held after
    ``timeout`` (a driver still opening): it is released as soon as that returns.
    """

    def __init__(self, source: str, *, max_side: int = 640, fps: float = 12.0,
                 opener: Callable[[str], Source] = open_source) -> None:
        if max_side <= 0 or fps <= 0:
            raise ValueError("max_side and fps must be positive")
        self.spec = source
        self.max_side = max_side
        self.period = 1.0 / fps
        self._opener = opener  # tests hand in a fake source
        self._latest: PreviewFrame | None = None
        self._error: str | None = None
        self._seq = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ public seam
    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a previewer can only be started once")
        self._thread = threading.Thread(target=self._run, name="coulisses-preview", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop reading and release the device; True once it is released."""
        self._stop.set()
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def latest(self) -> PreviewFrame | None:
        return self._latest

    @property
    def error(self) -> str | None:
        """One sentence for the maker when the source cannot be opened or is lost."""
        return self._error

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # ------------------------------------------------------------------ thread
    def _publish(self, image: np.ndarray) -> None:
        small = downscale(image, self.max_side)
        with self._lock:
            self._seq += 1
            self._latest = PreviewFrame(small, self._seq, time.monotonic())

    def _run(self) -> None:
        try:
            source = self._opener(self.spec)
        except SourceError as exc:
            self._error = redact(str(exc))
            return
        except Exception as exc:  # never let a preview thread die with a traceback
            log.exception("preview: the source could not be made")
            self._error = tr("{source} cannot be opened ({reason}).", source=redact(self.spec),
                             reason=redact(str(exc) or type(exc).__name__))
            return
        try:
            self._open(source)
            self._loop(source)
        finally:
            with contextlib.suppress(Exception):
                source.close()

    def _open(self, source: Source) -> None:
        """Open, retrying with a capped backoff until it works or ``stop()``."""
        delay = RETRY_FIRST
        while not self._stop.is_set():
            try:
                source.open()
                self._error = None
                return
            except Exception as exc:  # SourceUnavailable or a driver error: say it, retry
                self._error = self._sentence(source, exc)
            if self._stop.wait(delay):
                return
            delay = min(delay * 2, RETRY_MAX)

    def _loop(self, source: Source) -> None:
        delay = RETRY_FIRST
        next_at = time.monotonic()
        while not self._stop.is_set():
            try:
                frame = source.read()
            except SourceEnded:
                return  # the end of a video file: the last frame stays on screen
            except Exception as exc:  # lost: say so, reopen with a capped backoff
                self._error = self._sentence(source, exc)
                if self._stop.wait(delay):
                    return
                delay = min(delay * 2, RETRY_MAX)
                with contextlib.suppress(Exception):
                    source.reopen()
                continue
            delay = RETRY_FIRST
            self._error = None
            self._publish(frame.image)
            next_at = max(next_at + self.period, time.monotonic())
            self._stop.wait(next_at - time.monotonic())

    @staticmethod
    def _sentence(source: Source, exc: BaseException) -> str:
        if isinstance(exc, SourceError):
            return redact(str(exc))
        return tr("{source} gave no picture ({reason}).",
                  source=redact(source.name), reason=redact(str(exc) or type(exc).__name__))
