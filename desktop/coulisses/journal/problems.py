"""What went wrong with the journal's files since it was opened, said once each.

A journal stays open for weeks in the app: the list keeps the most recent
problems only, each once (``pieces()`` meets the same damaged file on every
call), scoped to a piece or to the journal as a whole.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

log = logging.getLogger(__name__)

MAX_PROBLEMS = 100


class Problems:
    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self._limit = limit
        # (piece id or None for journal-wide, message), oldest first, no repeats.
        self._items: OrderedDict[tuple[str | None, str], None] = OrderedDict()
        self._guard = threading.Lock()

    def add(self, message: str, piece_id: str | None = None) -> None:
        key = (piece_id, message)
        with self._guard:
            if key in self._items:
                self._items.move_to_end(key)
                return
            self._items[key] = None
            while len(self._items) > self._limit:
                self._items.popitem(last=False)
        log.warning(message)

    def all(self) -> tuple[str, ...]:
        with self._guard:
            return tuple(message for _, message in self._items)

    def of(self, piece_id: str | None) -> tuple[str, ...]:
        with self._guard:
            return tuple(message for scope, message in self._items if scope == piece_id)


__all__ = ["MAX_PROBLEMS", "Problems"]
