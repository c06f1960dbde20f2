"""Runs a photo import in the work pool and reports it on the GUI thread.

The capture layer does the work (``capture.importer.import_photos``): one
photo's problem never stops the others, cancelling keeps what was stored.
The strip fills as photos land, through the journal's own events.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from coulisses.capture.importer import ImportReport, import_photos
from coulisses.journal import Journal
from coulisses.ui.tasks import Task, TaskRunner


class ImportController(QObject):
    started = Signal(str)  # piece id
    progress = Signal(object)  # Progress
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._runner = TaskRunner(self, "work", makers_work=True)
        self.task: Task | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, piece_id: str, paths: Sequence[str | Path]) -> bool:
        if self.task is not None or not piece_id or not paths:
            return False
        journal, items = self.journal, [str(p) for p in paths]
        task = Task(lambda cancel, progress: import_photos(journal, piece_id, items,
                                                           progress=progress, cancel=cancel))
        task.signals.progress.connect(self.progress)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        self.task = task
        self._runner.start(task)
        self.started.emit(piece_id)
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _finished(self, report: ImportReport) -> None:
        self.task = None
        self.finished.emit(report)

    def _failed(self, message: str) -> None:
        self.task = None
        self.failed.emit(message)

    def _cancelled(self) -> None:  # import_photos returns a report even when cancelled
        self.task = None
        self.finished.emit(ImportReport(cancelled=True))
