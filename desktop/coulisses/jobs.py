"""Progress and cancellation shared by every long job (capture, import, export).

Plain Python so the CLI and the Qt workers drive the same code: a job takes a
``CancelToken`` and an optional ``ProgressCallback`` and never blocks on the UI.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """Raised inside a job when its token was cancelled."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds; True if cancelled meanwhile."""
        return self._event.wait(max(0.0, timeout))


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int | None  # None when the job has no known end (live capture)
    message: str = ""
    started: float = 0.0  # time.monotonic() at job start, for ETA

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)

    @property
    def eta_seconds(self) -> float | None:
        if not self.total or not self.done or not self.started:
            return None
        elapsed = time.monotonic() - self.started
        return elapsed / self.done * (self.total - self.done)


ProgressCallback = Callable[[Progress], None]
