"""Drift-free ticks: the n-th still is due at start + n·interval.

Sleeping "interval" after each still drifts by the time each still takes
(encoding, writing, a slow camera): over a day at 2 s that is minutes. Here
the due time is computed from the start, so a late tick never delays the next.
After a long stall (outage, paused disk) missed ticks are skipped, not
taken in a burst.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tick:
    index: int  # n: due at start + n·interval
    due: float  # on the clock's monotonic scale


class Scheduler:
    def __init__(self, interval: float, start: float, duration: float | None = None) -> None:
        if interval <= 0:
            raise ValueError("the interval must be longer than zero")
        self.interval = float(interval)
        self.start = float(start)
        self.duration = duration
        self._next = 0

    def due(self, n: int) -> float:
        return self.start + n * self.interval

    @property
    def next_tick(self) -> Tick | None:
        """The next tick to wait for, or None when the duration is over."""
        if self.duration is not None and self._next * self.interval >= self.duration - 1e-9:
            return None
        return Tick(self._next, self.due(self._next))

    def advance(self, now: float) -> int:
        """Mark the current tick done; skip any tick already more than one interval late.

        Returns how many ticks were skipped (0 in normal running).
        """
        after = self._next + 1
        # The earliest tick that is not yet more than one interval overdue.
        catch_up = math.floor((now - self.start) / self.interval)
        if catch_up > after:
            skipped = catch_up - after
            self._next = catch_up
            return skipped
        self._next = after
        return 0
