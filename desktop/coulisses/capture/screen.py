"""The primary screen, for digital makers (drawing, 3D modelling, code)."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from coulisses.capture.clock import Clock, SystemClock
from coulisses.capture.idle import IdleSettings
from coulisses.capture.source_base import Frame, ReopenByRestart, SourceLost, SourceUnavailable
from coulisses.i18n import tr


class ScreenSource(ReopenByRestart):
    live = False  # a still screen is legitimately bit-identical for a long time
    # A screen has no sensor noise but its changes are small (a line of code, a
    # brush stroke): compare a finer picture and count smaller changes.
    idle_settings = IdleSettings(pixel_threshold=10.0, min_changed=0.0005, width=480)

    def __init__(self, clock: Clock | None = None, *, monitor: int = 1) -> None:
        self.name = tr("the screen")
        self.clock = clock or SystemClock()
        self.monitor = monitor
        self._grabber: Any = None  # mss.MSS, made lazily on the capture thread
        self._owner: int | None = None  # the thread the grabber was made on

    def open(self) -> None:
        try:
            import mss

            # mss 10 renamed the factory (mss.mss is deprecated there); older ones only have it.
            grabber = mss.MSS() if hasattr(mss, "MSS") else mss.mss()
            monitors = grabber.monitors
            if len(monitors) <= self.monitor:
                grabber.close()
                raise SourceUnavailable(tr("No screen number {n} to capture.", n=self.monitor))
            grabber.grab(monitors[self.monitor])  # fails now rather than at the first still
        except SourceUnavailable:
            raise
        except Exception as exc:
            raise SourceUnavailable(tr("The screen cannot be captured here ({reason}).",
                                       reason=str(exc) or type(exc).__name__)) from None
        self._grabber = grabber
        self._owner = threading.get_ident()

    def read(self) -> Frame:
        if self._grabber is None:
            raise SourceLost(tr("The screen capture is not open."))
        if self._owner != threading.get_ident():
            # Some mss backends (Xlib) only work on the thread that made them, and the
            # capture loop reconnects on a helper thread: make one here instead.
            self.close()
            try:
                self.open()
            except SourceUnavailable as exc:
                raise SourceLost(str(exc)) from None
        try:
            shot = self._grabber.grab(self._grabber.monitors[self.monitor])
        except Exception as exc:
            raise SourceLost(tr("The screen cannot be captured right now ({reason}).",
                                reason=str(exc) or type(exc).__name__)) from None
        bgra = np.asarray(shot, dtype=np.uint8)
        return Frame(np.ascontiguousarray(bgra[:, :, :3]), self.clock.now())

    def close(self) -> None:
        if self._grabber is not None:
            try:
                self._grabber.close()
            finally:
                self._grabber = None
