"""The planned reel, frame by frame, composed by the export's own FrameComposer.

Planning and composing run in the "preview" pool (one thread: the composer is
used by one thread at a time); the newest scrub request replaces a waiting
one. Frames come back as QImage; the dialog makes the pixmap.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from coulisses.journal import Journal
from coulisses.ui.images import qimage_from_bgr
from coulisses.ui.tasks import Task, TaskRunner

PREVIEW = QSize(360, 640)


class _Holder:
    """The snapshot, plan and composer of the current options (preview thread only)."""

    def __init__(self) -> None:
        self.composer = None

    def replace(self, composer) -> None:
        if self.composer is not None:
            self.composer.close()
        self.composer = composer


def _plan(journal: Journal, piece_id: str, options, holder: _Holder):
    from coulisses.export import FrameComposer
    from coulisses.export.options import plan_for_options

    snapshot = journal.snapshot(piece_id)
    plan = plan_for_options(snapshot, options)
    holder.replace(FrameComposer(plan, options.preset, layout=options.layout, lang=options.lang,
                                 deflicker=options.deflicker))
    return snapshot, plan


def _compose(holder: _Holder, frame: int, token: int) -> tuple[int, int, QImage]:
    image = qimage_from_bgr(holder.composer.compose(frame))
    return token, frame, image.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)


class PreviewController(QObject):
    planned = Signal(object, object)  # snapshot, ReelPlan
    plan_failed = Signal(str)
    frame_ready = Signal(int, QImage)

    def __init__(self, journal: Journal, piece_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal, self.piece_id = journal, piece_id
        self._runner = TaskRunner(self, "preview")
        self._holder = _Holder()
        self._generation = 0
        self._busy = False
        self._wanted: int | None = None
        self.plan = None

    def set_options(self, options) -> None:
        self._generation += 1
        self.plan = None
        journal, piece_id, holder = self.journal, self.piece_id, self._holder
        gen = self._generation
        task = Task(lambda _c, _p: (gen, *_plan(journal, piece_id, options, holder)))
        task.signals.finished.connect(self._planned)  # a bound slot: dropped with us
        task.signals.failed.connect(self.plan_failed)
        self._runner.start(task)

    def _planned(self, result) -> None:
        generation, snapshot, plan = result
        if generation != self._generation:
            return
        self.plan = plan
        self.planned.emit(snapshot, plan)

    def show_frame(self, frame: int) -> None:
        if self.plan is None:
            return
        if self._busy:
            self._wanted = frame
            return
        self._busy = True
        holder, gen = self._holder, self._generation
        task = Task(lambda _c, _p: _compose(holder, frame, gen))
        task.signals.finished.connect(self._composed)
        task.signals.failed.connect(self._compose_failed)
        self._runner.start(task)

    def _composed(self, result) -> None:
        self._busy = False
        generation, frame, image = result
        if generation == self._generation:
            self.frame_ready.emit(frame, image)
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.show_frame(wanted)

    def _compose_failed(self, message: str) -> None:
        self._busy = False
        self.plan_failed.emit(message)

    def close(self) -> None:
        self._runner.wait(3000)
        self._holder.replace(None)
