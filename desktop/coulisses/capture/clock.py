"""Time for the capture loop, injectable so tests and benchmarks need not wait.

``SystemClock`` is what the CLI and the app use. ``SimulatedClock`` jumps
forward instead of sleeping: a 60 s video file is "filmed" in a fraction of a
second with every still taken at exactly the right second of the file.
``AcceleratedClock`` runs real time N times faster (for threads that must
really wait, e.g. a stream server in a test).
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for scheduling)."""
        ...

    def now(self) -> datetime:
        """Aware UTC wall-clock time (for the time stamped on stills)."""
        ...

    def sleep(self, seconds: float, wake: threading.Event) -> bool:
        """Wait ``seconds`` or until ``wake`` is set; True if woken."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float, wake: threading.Event) -> bool:
        return wake.wait(max(0.0, seconds))


class SimulatedClock:
    """Virtual time: ``sleep`` advances it at once (only for sources that never wait)."""

    def __init__(self, start: datetime | None = None) -> None:
        self._t = 0.0
        self._wall0 = start or datetime.now(UTC)
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self._t

    def now(self) -> datetime:
        return self._wall0 + timedelta(seconds=self.monotonic())

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._t += max(0.0, seconds)

    def sleep(self, seconds: float, wake: threading.Event) -> bool:
        if wake.is_set():
            return True
        self.advance(seconds)
        return False


class AcceleratedClock:
    """Real time running ``speed`` times faster."""

    def __init__(self, speed: float) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._real0 = time.monotonic()
        self._wall0 = datetime.now(UTC)

    def monotonic(self) -> float:
        return (time.monotonic() - self._real0) * self.speed

    def now(self) -> datetime:
        return self._wall0 + timedelta(seconds=self.monotonic())

    def sleep(self, seconds: float, wake: threading.Event) -> bool:
        return wake.wait(max(0.0, seconds) / self.speed)
