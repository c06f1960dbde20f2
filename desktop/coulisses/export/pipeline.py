"""Decoding overlaps encoding: a worker thread composes, the export thread encodes.

libx264 dominates an export, so the worker composes each run of identical
frames (decode, deflicker, lay out, captions, directly in the encoder's I420
format, plus its JPEG when frames are wanted) while the calling thread
encodes and writes. At most ``QUEUE_DEPTH`` runs wait between the two; a
cancel stops within a frame; an error in the worker is raised here.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coulisses.atomicio import fsync_path
from coulisses.export.composer import FrameComposer
from coulisses.export.errors import ExportError
from coulisses.export.frame_files import FrameFiles, frame_jpeg
from coulisses.export.mp4 import Mp4Writer
from coulisses.export.runs import Run
from coulisses.i18n import tr
from coulisses.jobs import Cancelled, CancelToken, Progress

QUEUE_DEPTH = 4  # distinct frames composed ahead of the encoder (~3 MB each)


@dataclass(slots=True)
class _Composed:
    run: Run
    i420: np.ndarray
    jpeg: bytes | None


def _produce(composer: FrameComposer, runs: Iterable[Run], with_jpeg: bool, out: queue.Queue,
             stop: threading.Event) -> None:
    """Worker thread: compose each run and hand it over; an error travels to the encoder."""

    def hand_over(item: object) -> None:
        # Never block for good: the encoder may have stopped taking (cancel, error).
        while not stop.is_set():
            try:
                out.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    try:
        for run in runs:
            if stop.is_set():
                return
            i420 = composer.run_i420(run)
            hand_over(_Composed(run, i420, frame_jpeg(i420) if with_jpeg else None))
        hand_over(None)
    except BaseException as exc:  # noqa: BLE001 - re-raised in the export thread
        hand_over(exc)
    finally:
        composer.close()


def render_frames(composer: FrameComposer, writer: Mp4Writer | None,
                  frame_files: FrameFiles | None, mp4_path: Path | None,
                  report: Callable[[Progress], None], cancel: CancelToken,
                  started: float) -> None:
    """Compose every run in a worker thread; encode and write them in this one.

    Closes ``composer`` and ``writer`` (aborting the writer on any failure).
    """
    total = composer.total_frames
    stop = threading.Event()
    handoff: queue.Queue = queue.Queue(maxsize=QUEUE_DEPTH)
    worker = threading.Thread(target=_produce, name="export-render",
                              args=(composer, composer.runs, frame_files is not None, handoff,
                                    stop), daemon=True)
    worker.start()
    done = 0
    try:
        while True:
            if cancel.cancelled:
                raise Cancelled()
            try:
                item = handoff.get(timeout=0.1)
            except queue.Empty:
                continue
            if item is None:
                break
            if isinstance(item, BaseException):
                raise item
            run = item.run
            if frame_files is not None and item.jpeg is not None:
                frame_files.write_run(run, item.jpeg)
            for _ in range(run.count):
                if cancel.cancelled:  # checked every frame: a cancel stops within ~40 ms
                    raise Cancelled()
                if writer is not None:
                    writer.write_i420(item.i420)
                done += 1
                report(Progress(done, total, "", started))
        if writer is not None:
            report(Progress(done, total, tr("finishing the video"), started))
            writer.close()
            if writer.frames != total:  # pragma: no cover - a bug, never ship it
                raise ExportError(tr("The video has {n} frames instead of {total}.",
                                     n=writer.frames, total=total))
            if mp4_path is not None:
                fsync_path(mp4_path)
            writer = None
    finally:
        stop.set()
        composer.cancel()
        if writer is not None:
            writer.abort()
        worker.join(timeout=10)
    if composer.failed and not composer.loaded:
        raise ExportError(tr("None of the piece's stills could be read, so there is nothing "
                             "to show; check the journal folder ({problem}).",
                             problem=composer.warnings[-1] if composer.warnings else "-"))
