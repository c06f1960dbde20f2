"""Runs a photo and video import in the work pool and reports it on the GUI thread.

The capture layer does the work (``capture.importer.import_photos``): one
file's problem never stops the others, cancelling keeps what was stored.
The strip fills as stills land, through the journal's own events.

When videos come in, their headers are read first (off the GUI thread): a
video that does not say how fast it was filmed (a time-lapse from an iPhone
does not) makes the controller ask once, through ``pace_needed``; the window
answers with ``answer_pace`` (or ``cancel``), then the import runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from coulisses.capture.importer import ImportReport, import_photos, videos_without_pace
from coulisses.capture.video_import import VideoSettings
from coulisses.journal import Journal
from coulisses.ui.tasks import Task, TaskRunner


class ImportController(QObject):
    started = Signal(str)  # piece id
    progress = Signal(object)  # Progress
    finished = Signal(object)  # ImportReport
    failed = Signal(str)
    pace_needed = Signal(object)  # list[VideoInfo]: videos whose speed the file does not say

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._runner = TaskRunner(self, "work", makers_work=True)
        self.task: Task | None = None
        self._waiting: tuple[str, list[str], VideoSettings] | None = None  # asked, not answered

    @property
    def running(self) -> bool:
        return self.task is not None or self._waiting is not None

    def start(self, piece_id: str, paths: Sequence[str | Path],
              video: VideoSettings | None = None) -> bool:
        if self.running or not piece_id or not paths:
            return False
        journal, items = self.journal, [str(p) for p in paths]
        settings = video or VideoSettings()
        look = Task(lambda cancel, progress: videos_without_pace(journal, items))
        look.signals.finished.connect(lambda infos: self._looked(piece_id, items, settings, infos))
        look.signals.failed.connect(self._failed)
        look.signals.cancelled.connect(self._cancelled)
        self.task = look
        self._runner.start(look)
        self.started.emit(piece_id)
        return True

    def _looked(self, piece_id: str, items: list[str], settings: VideoSettings,
                infos: list) -> None:
        self.task = None
        if infos and settings.speedup is None and settings.real_duration is None:
            self._waiting = (piece_id, items, settings)
            self.pace_needed.emit(infos)
            return
        self._run(piece_id, items, settings)

    def answer_pace(self, speedup: float | None = None,
                    real_duration: float | None = None) -> None:
        """The maker's answer: a speed-up, a real duration, or neither (real time)."""
        if self._waiting is None:
            return
        piece_id, items, settings = self._waiting
        self._waiting = None
        self._run(piece_id, items, replace(settings, speedup=speedup,
                                           real_duration=real_duration))

    def _run(self, piece_id: str, items: list[str], settings: VideoSettings) -> None:
        journal = self.journal
        task = Task(lambda cancel, progress: import_photos(
            journal, piece_id, items, progress=progress, cancel=cancel, video=settings))
        task.signals.progress.connect(self.progress)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        self.task = task
        self._runner.start(task)

    def cancel(self) -> None:
        if self._waiting is not None:  # the question was not answered: nothing was imported
            self._waiting = None
            self.finished.emit(ImportReport(cancelled=True))
        elif self.task is not None:
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
