"""Render a reel plan into one export folder: MP4, frames, SRT/VTT, cover, post text.

The export is built in a hidden partial folder and renamed into place at the
very end (``output_folder``), so the maker sees a complete export or none at
all: a cancel, a crash, a kill -9 or a full disk leaves only the hidden
folder, removed by the next export. The journal is only ever read.

The order: render the outputs, sign them, write ``export.json`` (the record of
what was made, signing included), then publish. A cancel at any step before the
publishing rename throws everything away; that rename is the point of no return,
after which a cancel is too late and the export is done (``_publish``).

The frames come from ``composer.FrameComposer`` (the same one the app's
preview uses) through ``pipeline``, which overlaps composing and encoding.
Every output is encoded from decoded pixels, so no metadata of a still (an
imported photo's EXIF, GPS position, camera serial) reaches the export.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np

from coulisses.atomicio import DiskFullError, free_bytes, write_bytes, write_text
from coulisses.export import carousel, cover, stills, subtitles
from coulisses.export.composer import LAYOUTS, FrameComposer, check_plan
from coulisses.export.errors import ExportError
from coulisses.export.frame_files import FrameFiles, encode_jpeg
from coulisses.export.mp4 import Mp4Writer
from coulisses.export.output_folder import PartialFolder, clean_stale_partials, name_for
from coulisses.export.pipeline import render_frames
from coulisses.export.post_text import platform_notes, post_text
from coulisses.export.presets import Preset, get_preset
from coulisses.export.runs import JPEG_PER_FRAME, estimate_bytes, runs_of
from coulisses.i18n import tr
from coulisses.jobs import CancelToken, Progress, ProgressCallback
from coulisses.journal.errors import UnreadableStill
from coulisses.os_errors import describe_os_error
from coulisses.timeline.plan import ReelPlan

if TYPE_CHECKING:
    from coulisses.credentials.signing import Signed

__all__ = ["ALL_OUTPUTS", "OUTPUTS", "ExportError", "ExportResult", "clean_stale_partials",
           "export_reel", "folder_name", "preview_frame"]

MB = 1 << 20
OUTPUTS = frozenset({"mp4", "frames", "srt", "vtt", "cover", "post"})  # the default
ALL_OUTPUTS = OUTPUTS | {"carousel"}  # carousel/01.jpg …: only when asked for


@dataclass(frozen=True, slots=True)
class ExportResult:
    folder: Path
    files: dict[str, Path]  # output kind -> path ("frames" -> the folder)
    frames: int
    fps: int
    warnings: tuple[str, ...] = ()
    elapsed: float = 0.0
    credentials: Signed | None = None  # what Content Credentials signing did

    @property
    def duration(self) -> float:
        return self.frames / self.fps


@dataclass(frozen=True, slots=True)
class _Options:
    preset: Preset
    layout: str
    deflicker: bool
    outputs: frozenset[str]
    lang: str | None  # language of the texts drawn in the video (None: the UI's)
    credentials_note: bool = True  # say in the post text that the files are signed


def folder_name(plan: ReelPlan, when: datetime | None = None) -> str:
    """The export folder's name: ``<piece-id>-<YYYYMMDD-HHMM>``."""
    return name_for(plan.piece.id, when)


def preview_frame(plan: ReelPlan, frame: int, preset: Preset | str = "reels", *,
                  layout: str = "fill", lang: str | None = None) -> np.ndarray:
    """One output frame (BGR) exactly as the export would draw it; nothing is written.
    Deflicker is left out (it needs the neighbours). To show many frames, keep a
    ``FrameComposer`` instead: it keeps what it decoded and drew."""
    with FrameComposer(plan, preset, layout=layout, lang=lang) as composer:
        return composer.compose(frame)


def _reading_warnings(plan: ReelPlan) -> list[str]:
    out = []
    for cue in plan.cues:
        seconds = (cue.end_frame - cue.start_frame) / plan.fps
        chars = len(" ".join(cue.text.split()))
        if chars and seconds < chars / 15 - 0.05:
            out.append(tr("The caption “{caption}” is on screen for {seconds:.1f} s, short for "
                          "its length; viewers may not finish reading it.",
                          caption=cue.text[:40], seconds=seconds))
    return out


# --------------------------------------------------------------------------- entry point
def export_reel(plan: ReelPlan, out_dir: str | os.PathLike[str], preset: Preset | str = "reels",
                *, layout: str = "fill", deflicker: bool = True,
                progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                outputs: Collection[str] = OUTPUTS, lang: str | None = None,
                when: datetime | None = None, credentials_note: bool = True) -> ExportResult:
    """Render ``plan`` into a new folder ``<out_dir>/<piece-id>-<YYYYMMDD-HHMM>/``.

    Runs in the calling thread (plus one helper thread) until done; safe to call
    from a Qt worker. Raises ``Cancelled`` when ``cancel`` fires before the folder
    is published, ``ExportError`` or ``DiskFullError`` on failure; in every such
    case nothing appears under a final name. A cancel that comes after the
    publishing rename is too late: the export is returned, complete (the caller
    can tell by ``cancel.cancelled``).
    """
    started = time.monotonic()
    preset = get_preset(preset) if isinstance(preset, str) else preset
    if layout not in LAYOUTS:
        raise ExportError(tr("Unknown layout {layout!r}; use fill or fit.", layout=layout))
    unknown = set(outputs) - ALL_OUTPUTS
    if unknown or not outputs:
        raise ExportError(tr("Unknown export outputs: {names}.",
                             names=", ".join(sorted(unknown)) or "-"))
    check_plan(plan)
    cancel = cancel or CancelToken()
    report = progress or (lambda _p: None)
    out_dir = Path(out_dir).expanduser()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(tr("The output folder {folder} cannot be created ({problem}).",
                             folder=out_dir, problem=describe_os_error(exc))) from exc
    if not os.access(out_dir, os.W_OK):
        raise ExportError(tr("The output folder {folder} is not writable; choose another "
                             "folder.", folder=out_dir))
    clean_stale_partials(out_dir)

    options = _Options(preset, layout, deflicker, frozenset(outputs), lang, credentials_note)
    warnings = list(plan.warnings) + _reading_warnings(plan)
    need = estimate_bytes(plan, preset, runs_of(plan), options.outputs)
    if "carousel" in options.outputs:
        fmt = preset.carousel
        need += int(fmt.max_images * fmt.width * fmt.height * JPEG_PER_FRAME)
    free = free_bytes(out_dir)
    if free < need:
        # No file name on purpose: the sentence names the folder, and a DiskFullError
        # without one keeps its sentence when shown (os_errors.own_sentence).
        raise DiskFullError(28, tr("Not enough free space in {folder} for this export: it "
                                   "needs about {need} MB and only {free} MB is free; free "
                                   "some space or choose another folder.", folder=out_dir,
                                   need=_megabytes(need, up=True),
                                   free=_megabytes(free, up=False)))

    folder = PartialFolder.create(out_dir, folder_name(plan, when))
    partial = folder.path
    total = plan.total_frames
    try:
        with _opencv_single_threaded():
            files, slides = _write_outputs(plan, options, partial, folder.name, warnings,
                                           report, cancel, started)
        signed = _sign(plan, options, files, warnings, report, cancel, started)
        unique = list(dict.fromkeys(warnings))  # each warning once, in order
        cancel.raise_if_cancelled()
        _write_record(plan, options, partial, files, slides, unique, signed)
        final = _publish(folder, cancel)
    except BaseException as exc:
        folder.discard()
        if isinstance(exc, OSError) and exc.errno == 28 and not isinstance(exc, DiskFullError):
            raise DiskFullError(28, tr("The disk holding {folder} filled up during the "
                                       "export; nothing was written. Free some space and "
                                       "export again.", folder=out_dir)) from exc
        raise
    files = {k: final / v.relative_to(partial) for k, v in files.items()}
    signed = signed.relocated(partial, final)
    report(Progress(total, total, tr("done"), started))
    return ExportResult(final, files, total, plan.fps, tuple(unique),
                        time.monotonic() - started, signed)


def _publish(folder: PartialFolder, cancel: CancelToken) -> Path:
    """Give the export its final name: the point of no return.

    The last look at ``cancel`` is here, right before the rename; once the folder
    has its final name, the export is complete and visible, so a cancel from then
    on no longer undoes it (it would have to delete what the maker may already see)."""
    cancel.raise_if_cancelled()
    return folder.publish()


def _megabytes(size: int, *, up: bool) -> float | int:
    """``size`` in MB as the maker reads it: one decimal under 10 MB (a small disk's
    "0.6 MB free" must not read "0"), whole above; a need rounds up, free space down."""
    value = size / MB
    rounded = math.ceil if up else math.floor
    return rounded(value * 10) / 10 if value < 10 else rounded(value)


@contextlib.contextmanager
def _opencv_single_threaded() -> Iterator[None]:
    """x264 already keeps every core busy; OpenCV's own thread pool (resize,
    colour conversion) only adds hand-offs and spinning on top of it: measured
    ~0.7 s less CPU for 300 frames, which made the export match the ffmpeg CLI."""
    previous = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        yield
    finally:
        cv2.setNumThreads(previous)


# --------------------------------------------------------------------------- credentials
def _sign(plan: ReelPlan, options: _Options, files: dict[str, Path], warnings: list[str],
          report: Callable[[Progress], None], cancel: CancelToken, started: float) -> Signed:
    """Content Credentials on the finished files, before the folder is published.
    A signing problem leaves the files unsigned and is said; it never fails the export.
    A cancel between two files raises ``Cancelled``."""
    from coulisses.credentials.signing import sign_export

    total = plan.total_frames

    def signing(path: Path) -> None:
        report(Progress(total, total, tr("signing {file}", file=path.name), started))

    signed = sign_export(plan, files, layout=options.layout, deflicker=options.deflicker,
                         size=(options.preset.width, options.preset.height), cancel=cancel,
                         on_file=signing)
    warnings.extend(signed.notices)
    if signed.problem:
        warnings.append(signed.problem)
    elif options.credentials_note and "post" in files:
        # Only once the signature is there: the post text never claims what is not so.
        note = tr("This reel carries Content Credentials: it can be checked that it was "
                  "captured at my bench, not generated.", lang=options.lang)
        text = files["post"].read_text("utf-8").rstrip("\n")
        # With the caption, before the carousel's alt texts (those go in each image's field)
        # and the notes for the maker.
        heads = [h for h in (tr("Alt text for the carousel images:", lang=options.lang),
                             tr("Notes for you (not to paste):", lang=options.lang)) if h in text]
        text = (text.replace(heads[0], f"{note}\n\n{heads[0]}", 1) if heads
                else f"{text}\n\n{note}")
        write_text(files["post"], text + "\n")
    return signed


def _credentials_record(folder: Path, files: dict[str, Path], signed: Signed,
                        ) -> dict[str, object]:
    """Whether each file that can carry Content Credentials does, and if not, why: the
    same sentence the window and the CLI show (``Signed.problem``)."""
    from coulisses.credentials.signing import files_to_sign

    done = set(signed.files)
    entries: list[dict[str, object]] = []
    for path in files_to_sign(files):
        entry: dict[str, object] = {"file": path.relative_to(folder).as_posix(),
                                    "signed": path in done}
        if path not in done:
            entry["why"] = signed.problem
        entries.append(entry)
    record: dict[str, object] = {"files": entries}
    if signed.fingerprint:  # the maker's published fingerprint, to check the files against
        record["fingerprint"] = signed.fingerprint
    return record


def _write_record(plan: ReelPlan, options: _Options, folder: Path, files: dict[str, Path],
                  slides: list[tuple[Path, str]], warnings: list[str], signed: Signed) -> None:
    """``export.json``, written last, once signing is done: it says what happened."""
    preset, total = options.preset, plan.total_frames
    record: dict[str, object] = {
        "piece": {"id": plan.piece.id, "name": plan.piece.name},
        "preset": preset.name, "size": [preset.width, preset.height], "fps": plan.fps,
        "frames": total, "duration": round(total / plan.fps, 3), "layout": options.layout,
        "deflicker": options.deflicker, "files": {k: v.name for k, v in files.items()},
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "credentials": _credentials_record(folder, files, signed),
        "warnings": warnings,
    }
    if slides:
        record["carousel"] = [{"file": f"{carousel.FOLDER}/{p.name}", "alt": alt}
                              for p, alt in slides]
    write_text(folder / "export.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n")


# --------------------------------------------------------------------------- outputs
def _write_cover(plan: ReelPlan, preset: Preset, path: Path, warnings: list[str]) -> None:
    shot = cover.cover_shot(plan)
    img = None
    if shot is not None and shot.capture is not None:
        try:
            img = stills.load(shot.capture.path, preset.width, preset.height, "fill")
        except (UnreadableStill, cv2.error, OSError) as exc:
            warnings.append(tr("The cover still could not be read: {problem}; the cover "
                               "is plain.", problem=stills.unreadable(shot.capture, exc)))
    frame = cover.render_cover(img, preset.width, preset.height,
                               shot.focus if shot else None, title=plan.piece.name)
    try:
        jpeg = encode_jpeg(frame)
    except ExportError:
        raise ExportError(tr("The cover image could not be encoded.")) from None
    write_bytes(path, jpeg)


def _write_outputs(plan: ReelPlan, options: _Options, folder: Path, name: str,
                   warnings: list[str], report: Callable[[Progress], None],
                   cancel: CancelToken, started: float,
                   ) -> tuple[dict[str, Path], list[tuple[Path, str]]]:
    """Every output into ``folder``: the files by kind, and the carousel's (image, alt)."""
    preset, outputs, lang = options.preset, options.outputs, options.lang
    total = plan.total_frames
    stem = re.sub(r"-\d{8}-\d{4}(-\d+)?$", "", name)
    files: dict[str, Path] = {}
    report(Progress(0, total, tr("starting"), started))

    writer = None
    frame_files = None
    if "frames" in outputs:
        files["frames"] = folder / "frames"
        frame_files = FrameFiles(files["frames"])
    if "mp4" in outputs:
        files["mp4"] = folder / f"{stem}.mp4"
        writer = Mp4Writer(files["mp4"], preset.width, preset.height, plan.fps,
                           crf=preset.crf, preset=preset.x264_preset)
    if writer is not None or frame_files is not None:
        try:
            composer = FrameComposer(plan, preset, layout=options.layout, lang=lang,
                                     deflicker=options.deflicker, warnings=warnings)
        except BaseException:
            if writer is not None:
                writer.abort()
            raise
        render_frames(composer, writer, frame_files, files.get("mp4"), report, cancel,
                      started)
    if frame_files is not None:
        frame_files.finish(total, plan.fps, preset.width, preset.height, lang)
    if "srt" in outputs:
        files["srt"] = folder / f"{stem}.srt"
        write_text(files["srt"], subtitles.srt(plan.cues, plan.fps))
    if "vtt" in outputs:
        files["vtt"] = folder / f"{stem}.vtt"
        write_text(files["vtt"], subtitles.vtt(plan.cues, plan.fps))
    if "cover" in outputs:
        cancel.raise_if_cancelled()
        files["cover"] = folder / f"{stem}-cover.jpg"
        _write_cover(plan, preset, files["cover"], warnings)
    slides: list[tuple[Path, str]] = []
    if "carousel" in outputs:
        report(Progress(total, total, tr("carousel"), started))
        files["carousel"] = folder / carousel.FOLDER
        slides = carousel.write_carousel(plan, files["carousel"], mode=options.layout,
                                         lang=lang, warnings=warnings, cancel=cancel,
                                         fmt=preset.carousel)
    if "post" in outputs:
        files["post"] = folder / f"{stem}-post.txt"
        write_text(files["post"], post_text(plan, lang, [alt for _, alt in slides],
                                            notes=platform_notes(preset, files, lang)))
    cancel.raise_if_cancelled()
    return files, slides
