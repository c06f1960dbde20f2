"""Thumbnails for the strip: decoded in the thumbnail pool, cached as pixmaps on the GUI thread.

``data()`` and paint never touch the disk: the view asks ``pixmap()`` (a dict
lookup) and, for a miss, ``request()``s the visible range. Loads go in small
batches to the "thumbnails" pool as QImage; a scroll drops the batches not yet
started (stale requests), and the pixmaps are made here, on the GUI thread.
The cache keeps the most recently shown thumbnails up to a byte budget: a
window left open on a capture for a week sees every new still's thumbnail, and
a count cap of a few thousand would hold ~100 MB of pixmaps nobody scrolls back
to. Reloading one costs a small JPEG decode in the pool.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage, QPixmap

from coulisses.journal.model import Capture
from coulisses.ui.images import load_image
from coulisses.ui.tasks import Task, TaskRunner

BATCH = 24
# ~250 strip thumbnails (104x78, 32 bits): a dozen screens either side of the view. Twice
# that held 8 MB more for the weeks a window stays open, for scrolls that rarely come.
DEFAULT_LIMIT_BYTES = 8 * 2**20


def _load(batch: list[tuple[str, Capture]], bound: QSize,
          key: int) -> tuple[int, list[tuple[str, QImage]]]:
    out = []
    for name, cap in batch:
        thumb = cap.own_thumb()
        image = load_image(thumb, bound) if thumb is not None else QImage()
        if image.isNull():  # no thumbnail (an old journal, a failed write): the still itself
            image = load_image(cap.path, bound)
        out.append((name, image))
    return key, out


def _size(pix: QPixmap) -> int:
    return pix.width() * pix.height() * max(pix.depth(), 8) // 8


class ThumbnailCache(QObject):
    loaded = Signal()  # some thumbnails arrived: repaint

    def __init__(self, bound: QSize, limit_bytes: int = DEFAULT_LIMIT_BYTES,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bound = bound
        self.limit_bytes = limit_bytes
        self.bytes = 0  # what the cached pixmaps hold
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._pending: set[str] = set()
        self._batches: dict[int, list[str]] = {}  # batch -> keys, to forget dropped requests
        self._tasks: dict[int, int] = {}  # id(task) -> batch
        self._serial = 0
        self._runner = TaskRunner(self, "thumbnails")
        self.missing = QPixmap()  # an unreadable still: drawn as a placeholder

    def pixmap(self, capture: Capture) -> QPixmap | None:
        key = str(capture.path)
        pix = self._pixmaps.get(key)
        if pix is not None:
            self._pixmaps.move_to_end(key)
        return pix

    def request(self, captures: Sequence[Capture]) -> None:
        """Load these (visible first), dropping earlier requests not started yet."""
        for task in self._runner.clear_queued():
            key = self._tasks.pop(id(task), None)
            self._pending.difference_update(self._batches.pop(key, ()))
        todo = []
        for cap in captures:
            key = str(cap.path)
            if key not in self._pixmaps and key not in self._pending:
                todo.append((key, cap))
                self._pending.add(key)
        bound = QSize(self.bound)
        for start in range(0, len(todo), BATCH):
            batch = todo[start:start + BATCH]
            self._serial += 1
            key = self._serial
            task = Task(lambda _c, _p, b=batch, k=key: _load(b, bound, k))
            self._tasks[id(task)] = key
            self._batches[key] = [k for k, _ in batch]
            task.signals.finished.connect(self._arrived)  # a bound slot: dropped with us
            self._runner.start(task)

    def _arrived(self, result: tuple[int, list[tuple[str, QImage]]]) -> None:
        key, results = result
        self._batches.pop(key, None)
        self._tasks = {t: k for t, k in self._tasks.items() if k != key}
        for key, image in results:
            self._pending.discard(key)
            self._drop(key)
            pix = QPixmap.fromImage(image) if not image.isNull() else self.missing
            self._pixmaps[key] = pix
            self.bytes += _size(pix)
        while self.bytes > self.limit_bytes and len(self._pixmaps) > 1:
            _key, pix = self._pixmaps.popitem(last=False)  # the least recently shown
            self.bytes -= _size(pix)
        self.loaded.emit()

    def _drop(self, key: str) -> None:
        pix = self._pixmaps.pop(key, None)
        if pix is not None:
            self.bytes -= _size(pix)

    def forget(self, captures: Sequence[Capture]) -> None:
        """Drop these (a still hidden, moved, replaced)."""
        for cap in captures:
            self._drop(str(cap.path))

    def __len__(self) -> int:
        return len(self._pixmaps)
