"""The numbered image sequence: ``frames/000001.jpg …`` any video editor imports.

One JPEG per distinct frame; its repeats are hard links to it (a still held
for two seconds is one file, not sixty), with copies on file systems without
links. ``sequence.json`` and ``README.txt`` say the frame rate.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import cv2
import numpy as np

from coulisses.atomicio import fsync_dir, write_text
from coulisses.export import yuv
from coulisses.export.errors import ExportError
from coulisses.export.runs import Run
from coulisses.i18n import tr

JPEG_QUALITY = 92


def encode_jpeg(bgr: np.ndarray) -> bytes:
    """A composed frame as JPEG: from pixels, so nothing of a still's metadata travels."""
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ExportError(tr("A frame could not be encoded as JPEG."))
    return buf.tobytes()


def frame_jpeg(i420: np.ndarray) -> bytes:
    return encode_jpeg(yuv.to_bgr(i420))


class FrameFiles:
    """frames/000001.jpg …: one file per distinct frame, hard links for its repeats."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()

    def path(self, n: int) -> Path:
        return self.folder / f"{n:06d}.jpg"

    def write_run(self, run: Run, jpeg: bytes) -> None:
        first = self.path(run.start + 1)
        with open(first, "wb") as fh:
            fh.write(jpeg)
            fh.flush()
            os.fsync(fh.fileno())
        for n in range(run.start + 2, run.start + run.count + 1):
            try:
                os.link(first, self.path(n))
            except OSError:  # a file system without hard links (FAT/exFAT stick)
                with open(self.path(n), "wb") as fh:
                    fh.write(jpeg)

    def finish(self, total: int, fps: int, width: int, height: int,
               lang: str | None = None) -> None:
        """Make the frames durable and describe the sequence beside them."""
        fsync_dir(self.folder)
        seq = {"fps": fps, "frames": total, "pattern": "%06d.jpg", "first": 1,
               "width": width, "height": height}
        write_text(self.folder / "sequence.json", json.dumps(seq, indent=2) + "\n")
        write_text(self.folder / "README.txt", tr(
            "{total} frames numbered from 000001.jpg. Import them as an image sequence at "
            "{fps} frames per second ({seconds:.2f} s).", lang=lang, total=total, fps=fps,
            seconds=total / fps) + "\n" + tr(
            "A still held on screen repeats the same picture; those repeats are hard links "
            "to one file, so they take no extra space (a program that edits one of them in "
            "place changes its repeats too).", lang=lang) + "\n")
