"""Terminal side of long jobs: a one-line live status and Ctrl-C as "stop cleanly"."""

from __future__ import annotations

import contextlib
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import TextIO

from coulisses.i18n import tr
from coulisses.jobs import CancelToken, Progress
from coulisses.units import format_duration


class StatusLine:
    """Rewrites one line on a terminal; prints sparse full lines elsewhere (logs, pipes)."""

    def __init__(self, stream: TextIO | None = None, min_interval: float = 0.1,
                 log_interval: float = 10.0) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.min_interval = min_interval if self.tty else log_interval
        self._last = 0.0
        self._width = 0
        self._lock = threading.Lock()

    def show(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last < self.min_interval:
                return
            self._last = now
            if self.tty:
                cols = shutil.get_terminal_size((100, 20)).columns - 1
                line = text[:cols]
                pad = max(0, self._width - len(line))
                self.stream.write("\r" + line + " " * pad)
                self._width = len(line)
            else:
                self.stream.write(text + "\n")
            self.stream.flush()

    def done(self, text: str | None = None) -> None:
        with self._lock:
            if self.tty and self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self._width = 0
            if text:
                self.stream.write(text + "\n")
            self.stream.flush()


def progress_bar(p: Progress, label: str = "", width: int = 28) -> str:
    frac = p.fraction
    if frac is None:
        return f"{label} {p.done} {p.message}".strip()
    filled = int(frac * width)
    bar = "█" * filled + "░" * (width - filled)
    eta = p.eta_seconds
    eta_text = "" if eta is None else " · " + tr("{time} left", time=format_duration(eta))
    return f"{label} {bar} {p.done}/{p.total}{eta_text} {p.message}".strip()


@contextlib.contextmanager
def ctrl_c_cancels(token: CancelToken) -> Iterator[None]:
    """First Ctrl-C asks the job to stop cleanly; a second one interrupts at once.

    SIGTERM (systemd stopping a unit, ``kill``, a shutdown) asks for the same
    clean stop, so a capture run as a service keeps its summary and last still.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    previous_term = signal.getsignal(signal.SIGTERM)

    def handler(signum: int, frame: object) -> None:
        if token.cancelled:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        token.cancel()
        if signum == signal.SIGINT:
            sys.stderr.write("\n" + tr("Stopping… (Ctrl-C again to force)") + "\n")
            sys.stderr.flush()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, previous_term)
