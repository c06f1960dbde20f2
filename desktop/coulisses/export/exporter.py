"""Render a reel plan into one export folder: MP4, frames, SRT/VTT, cover, post text.

Everything is built inside a hidden ``.<name>.partial`` folder beside the
final one and renamed into place at the very end, so the maker sees a
complete export or none at all: a cancel, a crash, a kill -9 or a full disk
leaves only the hidden folder, removed by the next export. The journal is
only ever read.

Work is split so decoding overlaps encoding (libx264 dominates): a worker
thread decodes, deflickers, lays out and captions each distinct frame,
directly in the encoder's I420 format; the calling thread encodes and
writes. A still shown for many frames is laid out once.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np

from coulisses.atomicio import (
    DiskFullError,
    free_bytes,
    fsync_dir,
    fsync_path,
    write_bytes,
    write_text,
)
from coulisses.export import cards, cover, deflicker, layout, stills, subtitles, yuv
from coulisses.export.captions import render_caption
from coulisses.export.mp4 import Mp4Writer
from coulisses.export.patches import Patch, YuvPatch
from coulisses.export.post_text import post_text
from coulisses.export.presets import Preset, get_preset
from coulisses.i18n import tr
from coulisses.jobs import Cancelled, CancelToken, Progress, ProgressCallback
from coulisses.journal.errors import UnreadableStill
from coulisses.timeline.plan import END_CARD, RESULT_FIRST, ReelPlan, Shot

log = logging.getLogger(__name__)

OUTPUTS = frozenset({"mp4", "frames", "srt", "vtt", "cover", "post"})
PARTIAL_SUFFIX = ".partial"
OWNER_FILE = ".owner"
JPEG_QUALITY = 92
QUEUE_DEPTH = 4  # distinct frames decoded ahead of the encoder (~3 MB each)


class ExportError(Exception):
    """The export could not be made; nothing was written under a final name."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    folder: Path
    files: dict[str, Path]  # output kind -> path ("frames" -> the folder)
    frames: int
    fps: int
    warnings: tuple[str, ...] = ()
    elapsed: float = 0.0

    @property
    def duration(self) -> float:
        return self.frames / self.fps


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive identical output frames: one shot, one set of captions."""

    start: int
    count: int
    shot_index: int
    cue_indices: tuple[int, ...]


@dataclass(slots=True)
class _Rendered:
    run: Run
    i420: np.ndarray
    jpeg: bytes | None


@dataclass(slots=True)
class _Job:
    plan: ReelPlan
    preset: Preset
    mode: str
    deflicker: bool
    outputs: frozenset[str]
    warnings: list[str] = field(default_factory=list)
    lang: str | None = None  # language of the texts drawn in the video (None: the UI's)


# --------------------------------------------------------------------------- naming
def folder_name(plan: ReelPlan, when: datetime | None = None) -> str:
    when = when or datetime.now()
    safe_id = re.sub(r"[^\w.-]+", "-", plan.piece.id).strip(".-") or "reel"
    return f"{safe_id}-{when:%Y%m%d-%H%M}"


def _free_name(out_dir: Path, base: str) -> str:
    name, n = base, 2
    while (out_dir / name).exists() or (out_dir / f".{name}{PARTIAL_SUFFIX}").exists():
        name = f"{base}-{n}"
        n += 1
    return name


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _owner_line() -> str:
    return f"{os.getpid()} {socket.gethostname()}\n"


def _abandoned(path: Path) -> bool:
    """True when the export that owns this partial folder is gone."""
    try:
        fields = (path / OWNER_FILE).read_text().split()
        pid, host = int(fields[0]), (fields[1] if len(fields) > 1 else socket.gethostname())
    except (OSError, ValueError, IndexError):
        pid, host = -1, socket.gethostname()
    if host != socket.gethostname():
        # Another computer's export into a shared folder: its process cannot be
        # checked from here, so only a day-old leftover is taken as abandoned.
        try:
            return time.time() - path.stat().st_mtime > 86400
        except OSError:
            return False
    return pid != os.getpid() and not _pid_alive(pid)


def clean_stale_partials(out_dir: Path) -> list[Path]:
    """Remove hidden leftovers of exports that were killed (their process is gone)."""
    removed = []
    try:
        entries = list(os.scandir(out_dir))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(PARTIAL_SUFFIX)
                and entry.is_dir(follow_symlinks=False)):
            continue
        path = Path(entry.path)
        if _abandoned(path):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


# --------------------------------------------------------------------------- planning
def runs_of(plan: ReelPlan) -> list[Run]:
    """Split the reel into runs of identical frames (same shot, same captions)."""
    total = plan.total_frames
    bounds = {0, total}
    shot_starts = []
    pos = 0
    for shot in plan.shots:
        shot_starts.append(pos)
        bounds.add(pos)
        pos += shot.frames
    for cue in plan.cues:
        bounds.add(min(total, max(0, cue.start_frame)))
        bounds.add(min(total, max(0, cue.end_frame)))
    edges = sorted(bounds)
    runs: list[Run] = []
    shot_i = 0
    for a, b in zip(edges, edges[1:], strict=False):
        if b <= a:
            continue
        while shot_i + 1 < len(plan.shots) and shot_starts[shot_i + 1] <= a:
            shot_i += 1
        while plan.shots[shot_i].frames == 0 and shot_i + 1 < len(plan.shots):
            shot_i += 1
        active = tuple(i for i, c in enumerate(plan.cues)
                       if c.start_frame <= a and c.end_frame >= b and c.text.strip())
        runs.append(Run(a, b - a, shot_i, active))
    return runs


def estimate_bytes(plan: ReelPlan, preset: Preset, runs: list[Run],
                   outputs: Collection[str]) -> int:
    pixels = preset.width * preset.height
    need = 0
    if "mp4" in outputs:
        need += int(plan.duration * 1.5e6) + (1 << 20)  # CRF 20 rarely exceeds 12 Mbit/s
    if "frames" in outputs:
        need += len(runs) * int(pixels * 0.35)  # JPEG q92 of a photo: ~0.3 byte/pixel
    if "cover" in outputs:
        need += int(pixels * 0.4)
    return need + (4 << 20)


# --------------------------------------------------------------------------- rendering
class _Renderer:
    """Turns runs into finished frames; lives in the worker thread."""

    def __init__(self, job: _Job, stop: threading.Event) -> None:
        self.job = job
        self.stop = stop
        p = job.preset
        self.w, self.h = p.width, p.height
        self.safe = p.safe_box
        self._base_key: tuple | None = None
        self._base: np.ndarray | None = None
        self._last_good: np.ndarray | None = None
        self.loaded = 0  # stills decoded fine / not at all (an export of nothing but
        self.failed = 0  # grey frames must fail, not succeed quietly)
        self._last_still: np.ndarray | None = None
        self._cue_patches: dict[int, list[Patch]] = {}
        self._label: Patch | None = None
        self._yuv_patches: dict[tuple[int, int, int], YuvPatch] = {}
        self._levels: list[Future[np.ndarray | None]] = []
        self._pool: ThreadPoolExecutor | None = None
        self._gains: dict[int, float] = {}
        self._still_shots = [i for i, s in enumerate(job.plan.shots)
                             if s.capture is not None and s.kind != END_CARD]
        self._rank = {shot_i: k for k, shot_i in enumerate(self._still_shots)}
        if job.deflicker:
            self._start_levels()

    # -- deflicker: brightness of each still, measured ahead in a helper thread
    def _start_levels(self) -> None:
        shots = self.job.plan.shots
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="export-levels")

        def level(shot: Shot) -> np.ndarray | None:
            # Only webcam/screen stills flicker; imported photos and the
            # result-first hook are left exactly as they are.
            if self.stop.is_set() or shot.capture is None or shot.capture.source is not None \
                    or shot.kind == RESULT_FIRST:
                return None
            try:
                return deflicker.signature(stills.load_small(shot.capture.path))
            except (UnreadableStill, cv2.error):
                return None

        self._levels = [self._pool.submit(level, shots[i]) for i in self._still_shots]

    def _gain(self, shot_index: int) -> float:
        if not self._levels or shot_index not in self._rank:
            return 1.0
        if shot_index in self._gains:
            return self._gains[shot_index]
        k = self._rank[shot_index]
        lo, hi = max(0, k - deflicker.WINDOW), min(len(self._levels), k + deflicker.WINDOW + 1)
        window = [f.result() for f in self._levels[lo:hi]]
        g = deflicker.gains(window)[k - lo]
        self._gains[shot_index] = g
        return g

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    # -- frames
    def _load(self, shot: Shot) -> np.ndarray | None:
        assert shot.capture is not None
        try:
            img = stills.load(shot.capture.path, self.w, self.h, self.job.mode)
        except (UnreadableStill, cv2.error, OSError) as exc:
            self.job.warnings.append(tr("A still could not be read and the previous one is "
                                        "shown in its place: {problem}", problem=str(exc)))
            self.failed += 1
            return None
        self.loaded += 1
        self._last_still = img
        return img

    def _base_for(self, shot_index: int) -> np.ndarray:
        """The shot's laid-out picture as I420, cached while consecutive runs reuse it."""
        shot = self.job.plan.shots[shot_index]
        key = (shot.capture.id if shot.capture else None, shot.focus, shot.kind,
               shot.card_lines, self._gain(shot_index))
        if key == self._base_key and self._base is not None:
            return self._base
        gain = key[-1]
        if shot.capture is None or shot.kind == END_CARD:
            lines = shot.card_lines or (self.job.plan.effort_line,)
            base = yuv.to_i420(cards.end_card(tuple(x for x in lines if x), self.w, self.h,
                                              self.safe, background=self._last_still))
        else:
            img = self._load(shot)
            if img is None:
                base = self._last_good if self._last_good is not None else \
                    yuv.to_i420(np.full((self.h, self.w, 3), 16, np.uint8))
            elif self.job.mode == layout.FILL:
                # Crop first, then correct and scale only what is shown.
                crop = deflicker.apply_gain(layout.fill_crop(img, self.w, self.h, shot.focus),
                                            gain)
                base = yuv.scale_to_i420(crop, self.w, self.h)
            else:
                img = deflicker.apply_gain(img, gain)
                base = yuv.to_i420(layout.lay_out(img, self.w, self.h, self.job.mode,
                                                  shot.focus))
            if img is not None:
                self._last_good = base
        self._base_key, self._base = key, base
        return base

    def _patches(self, cue_index: int) -> list[Patch]:
        if cue_index not in self._cue_patches:
            cue = self.job.plan.cues[cue_index]
            rendered = render_caption(cue.text, self.safe, self.w, kind=cue.kind)
            self.job.warnings.extend(rendered.warnings)
            self._cue_patches[cue_index] = [rendered.patch] if rendered.patch else []
        return self._cue_patches[cue_index]

    def _yuv_patch(self, patch: Patch) -> YuvPatch:
        key = (id(patch.premul), patch.x, patch.y)
        found = self._yuv_patches.get(key)
        if found is None:
            found = self._yuv_patches[key] = YuvPatch.from_patch(patch)
        return found

    def compose_i420(self, run: Run) -> np.ndarray:
        """The finished frame of a run (I420): laid-out still or card, plus overlays."""
        shot = self.job.plan.shots[run.shot_index]
        base = self._base_for(run.shot_index)
        overlays: list[Patch] = []
        if shot.kind == RESULT_FIRST:
            if self._label is None:
                self._label = cards.result_label(
                    self.w, self.safe, tr("The finished piece", lang=self.job.lang))
            overlays.append(self._label)
        # Several captions at once stack upwards from the bottom of the safe zone.
        gap = max(2, self.w // 80)
        next_bottom: int | None = None
        for ci in run.cue_indices:
            for patch in self._patches(ci):
                if next_bottom is not None:
                    patch = patch.moved(patch.x, next_bottom - patch.height)
                overlays.append(patch)
                next_bottom = patch.y - gap
        if not overlays:
            return base
        frame = base.copy()
        for patch in overlays:
            self._yuv_patch(patch).blend_into_i420(frame, self.w, self.h)
        return frame

    def compose(self, run: Run) -> np.ndarray:
        """The same frame as BGR (previews, the image sequence)."""
        return yuv.to_bgr(self.compose_i420(run))

    def render(self, run: Run) -> _Rendered:
        i420 = self.compose_i420(run)
        jpeg = None
        if "frames" in self.job.outputs:
            ok, buf = cv2.imencode(".jpg", yuv.to_bgr(i420),
                                   [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
            if not ok:
                raise ExportError(tr("A frame could not be encoded as JPEG."))
            jpeg = buf.tobytes()
        return _Rendered(run, i420, jpeg)


def _produce(renderer: _Renderer, runs: Iterable[Run], out: queue.Queue,
             stop: threading.Event) -> None:
    """Worker thread: render each run and hand it over; an error travels to the encoder."""

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
            hand_over(renderer.render(run))
        hand_over(None)
    except BaseException as exc:  # noqa: BLE001 - re-raised in the export thread
        hand_over(exc)
    finally:
        renderer.close()


# --------------------------------------------------------------------------- files
class _FrameFiles:
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


def _write_cover(job: _Job, path: Path) -> None:
    shot = cover.cover_shot(job.plan)
    img = None
    if shot is not None and shot.capture is not None:
        try:
            img = stills.load(shot.capture.path, job.preset.width, job.preset.height, "fill")
        except (UnreadableStill, OSError) as exc:
            job.warnings.append(tr("The cover still could not be read ({problem}); the cover "
                                   "is plain.", problem=str(exc)))
    frame = cover.render_cover(img, job.preset.width, job.preset.height,
                               shot.focus if shot else None, title=job.plan.piece.name)
    ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ExportError(tr("The cover image could not be encoded."))
    write_bytes(path, buf.tobytes())


def _umask() -> int:
    """The process umask, read without changing it (os.umask would briefly set it
    for every thread, e.g. a capture writing stills at the same moment)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _share_modes(folder: Path) -> None:
    """Crash-safe temp files are created private (0600); an export is meant to be
    shared, so give its files the user's usual permissions."""
    mask = _umask()
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                os.chmod(path, 0o666 & ~mask)


def _check_plan(plan: ReelPlan) -> None:
    if not plan.shots or plan.total_frames <= 0:
        raise ExportError(tr("There is nothing to export: the reel plan has no frames."))
    if plan.fps <= 0:
        raise ExportError(tr("The reel plan has no frame rate."))
    if any(s.frames < 0 for s in plan.shots):
        raise ExportError(tr("The reel plan is damaged (a shot has a negative length)."))


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


def preview_frame(plan: ReelPlan, frame: int, preset: Preset | str = "reels", *,
                  layout: str = "fill", lang: str | None = None) -> np.ndarray:
    """One output frame (BGR) exactly as the export would draw it, for a preview
    in the app; nothing is written. Deflicker is left out (it needs the neighbours)."""
    preset = get_preset(preset) if isinstance(preset, str) else preset
    _check_plan(plan)
    if not 0 <= frame < plan.total_frames:
        raise ExportError(tr("Frame {n} is outside the reel (0 to {last}).", n=frame,
                             last=plan.total_frames - 1))
    job = _Job(plan, preset, layout, False, frozenset(), [], lang)
    run = next(r for r in runs_of(plan) if r.start <= frame < r.start + r.count)
    renderer = _Renderer(job, threading.Event())
    try:
        if plan.shots[run.shot_index].kind == END_CARD:
            # the card's backdrop is the last still shown before it
            for i in range(run.shot_index - 1, -1, -1):
                if plan.shots[i].capture is not None:
                    renderer._base_for(i)
                    break
        return renderer.compose(run)
    finally:
        renderer.close()


# --------------------------------------------------------------------------- entry point
def export_reel(plan: ReelPlan, out_dir: str | os.PathLike[str], preset: Preset | str = "reels",
                *, layout: str = "fill", deflicker: bool = True,
                progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                outputs: Collection[str] = OUTPUTS, lang: str | None = None,
                when: datetime | None = None) -> ExportResult:
    """Render ``plan`` into a new folder ``<out_dir>/<piece-id>-<YYYYMMDD-HHMM>/``.

    Runs in the calling thread (plus one helper thread) until done; safe to call
    from a Qt worker. Raises ``Cancelled`` when ``cancel`` fires, ``ExportError``
    or ``DiskFullError`` on failure; in every such case nothing appears under
    a final name.
    """
    started = time.monotonic()
    preset = get_preset(preset) if isinstance(preset, str) else preset
    if layout not in ("fill", "fit"):
        raise ExportError(tr("Unknown layout {layout!r}; use fill or fit.", layout=layout))
    unknown = set(outputs) - OUTPUTS
    if unknown or not outputs:
        raise ExportError(tr("Unknown export outputs: {names}.",
                             names=", ".join(sorted(unknown)) or "-"))
    _check_plan(plan)
    cancel = cancel or CancelToken()
    report = progress or (lambda _p: None)
    out_dir = Path(out_dir).expanduser()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(tr("The output folder {folder} cannot be created ({problem}).",
                             folder=out_dir, problem=exc.strerror or exc)) from exc
    if not os.access(out_dir, os.W_OK):
        raise ExportError(tr("The output folder {folder} is not writable; choose another "
                             "folder.", folder=out_dir))
    clean_stale_partials(out_dir)

    job = _Job(plan, preset, layout, deflicker, frozenset(outputs), list(plan.warnings), lang)
    job.warnings.extend(_reading_warnings(plan))
    runs = runs_of(plan)
    need = estimate_bytes(plan, preset, runs, job.outputs)
    if free_bytes(out_dir) < need:
        raise DiskFullError(28, tr("Not enough free space in {folder} for this export (about "
                                   "{mb} MB needed); free some space or choose another "
                                   "folder.", folder=out_dir, mb=need // (1 << 20)),
                            str(out_dir))

    name = _free_name(out_dir, folder_name(plan, when))
    partial = out_dir / f".{name}{PARTIAL_SUFFIX}"
    partial.mkdir()
    try:
        write_text(partial / OWNER_FILE, _owner_line())
        with _opencv_single_threaded():
            files = _render_all(job, runs, partial, name, report, cancel, started, lang)
        (partial / OWNER_FILE).unlink()
        _share_modes(partial)
        fsync_dir(partial)
        final = out_dir / name
        if final.exists():  # someone made it meanwhile: never replace their folder
            name = _free_name(out_dir, name)
            final = out_dir / name
        os.rename(partial, final)
        fsync_dir(out_dir)
    except BaseException as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(exc, OSError) and exc.errno == 28 and not isinstance(exc, DiskFullError):
            raise DiskFullError(28, tr("The disk filled up during the export; nothing was "
                                       "written. Free some space and export again."),
                                str(out_dir)) from exc
        raise
    files = {k: final / v.relative_to(partial) for k, v in files.items()}
    seen: set[str] = set()
    warnings = tuple(w for w in job.warnings if not (w in seen or seen.add(w)))
    return ExportResult(final, files, plan.total_frames, plan.fps, warnings,
                        time.monotonic() - started)


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


def _render_frames(job: _Job, runs: list[Run], writer: Mp4Writer | None,
                   frame_files: _FrameFiles | None, files: dict[str, Path],
                   report: Callable[[Progress], None], cancel: CancelToken,
                   started: float) -> None:
    """Draw every run in the worker thread; encode and write them here."""
    total = job.plan.total_frames
    stop = threading.Event()
    handoff: queue.Queue = queue.Queue(maxsize=QUEUE_DEPTH)
    renderer = _Renderer(job, stop)
    worker = threading.Thread(target=_produce, args=(renderer, runs, handoff, stop),
                              name="export-render", daemon=True)
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
            fsync_path(files["mp4"])
            writer = None
    finally:
        stop.set()
        if writer is not None:
            writer.abort()
        worker.join(timeout=10)
    if renderer.failed and not renderer.loaded:
        raise ExportError(tr("None of the piece's stills could be read, so there is nothing "
                             "to show; check the journal folder ({problem}).",
                             problem=job.warnings[-1] if job.warnings else "-"))


def _render_all(job: _Job, runs: list[Run], folder: Path, name: str,
                report: Callable[[Progress], None], cancel: CancelToken, started: float,
                lang: str | None) -> dict[str, Path]:
    plan, preset = job.plan, job.preset
    total = plan.total_frames
    stem = re.sub(r"-\d{8}-\d{4}(-\d+)?$", "", name)
    files: dict[str, Path] = {}
    report(Progress(0, total, tr("starting"), started))

    writer = None
    frame_files = None
    if "frames" in job.outputs:
        files["frames"] = folder / "frames"
        frame_files = _FrameFiles(files["frames"])
    if "mp4" in job.outputs:
        files["mp4"] = folder / f"{stem}.mp4"
        writer = Mp4Writer(files["mp4"], preset.width, preset.height, plan.fps,
                           crf=preset.crf, preset=preset.x264_preset)

    if writer is not None or frame_files is not None:
        _render_frames(job, runs, writer, frame_files, files, report, cancel, started)

    if frame_files is not None:
        fsync_dir(frame_files.folder)
        seq = {"fps": plan.fps, "frames": total, "pattern": "%06d.jpg", "first": 1,
               "width": preset.width, "height": preset.height}
        write_text(frame_files.folder / "sequence.json", json.dumps(seq, indent=2) + "\n")
        write_text(frame_files.folder / "README.txt", tr(
            "{total} frames numbered from 000001.jpg. Import them as an image sequence at "
            "{fps} frames per second ({seconds:.2f} s).", lang=lang, total=total, fps=plan.fps,
            seconds=total / plan.fps) + "\n" + tr(
            "A still held on screen repeats the same picture; those repeats are hard links "
            "to one file, so they take no extra space (a program that edits one of them in "
            "place changes its repeats too).", lang=lang) + "\n")
    if "srt" in job.outputs:
        files["srt"] = folder / f"{stem}.srt"
        write_text(files["srt"], subtitles.srt(plan.cues, plan.fps))
    if "vtt" in job.outputs:
        files["vtt"] = folder / f"{stem}.vtt"
        write_text(files["vtt"], subtitles.vtt(plan.cues, plan.fps))
    if "cover" in job.outputs:
        cancel.raise_if_cancelled()
        files["cover"] = folder / f"{stem}-cover.jpg"
        _write_cover(job, files["cover"])
    if "post" in job.outputs:
        files["post"] = folder / f"{stem}-post.txt"
        write_text(files["post"], post_text(plan, lang))
    cancel.raise_if_cancelled()
    manifest = {
        "piece": {"id": plan.piece.id, "name": plan.piece.name},
        "preset": preset.name, "size": [preset.width, preset.height], "fps": plan.fps,
        "frames": total, "duration": round(total / plan.fps, 3), "layout": job.mode,
        "deflicker": job.deflicker, "files": {k: v.name for k, v in files.items()},
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "warnings": job.warnings,
    }
    write_text(folder / "export.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    report(Progress(total, total, tr("done"), started))
    return files
