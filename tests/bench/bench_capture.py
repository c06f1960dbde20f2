"""Benchmark: a long capture from a 1080p video, CPU per still and memory over the run.

    python tests/bench/bench_capture.py [--stills 2000] [--keep DIR]

1. Generates a 1080p bench video (noise, light drift, hands, a lasting change).
2. Captures one still per frame of it (``--keep-idle``, simulated clock, so
   the run is as fast as the machine allows) into a fresh journal: every tick
   decodes a 1080p frame, encodes the JPEG (q90) and its thumbnail and writes
   both atomically with fsync, exactly as a live capture does.
3. Prints CPU ms per still, wall ms per still, RSS at start and end (with
   samples along the way), and the fraction of stills skipped by idle
   detection on the same footage and on the test suite's 320x240 video.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import shutil
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

from coulisses.capture.clock import SimulatedClock  # noqa: E402
from coulisses.capture.session import CaptureSession, CaptureSettings  # noqa: E402
from coulisses.capture.synthetic import Scene, write_video  # noqa: E402
from coulisses.capture.videofile import VideoFileSource  # noqa: E402
from coulisses.journal import Journal  # noqa: E402

FPS = 25.0


def bench_scene(frames: int) -> Scene:
    seconds = frames / FPS
    return Scene(width=1920, height=1080, seconds=seconds, hands_from=seconds * 0.4,
                 change_at=seconds * 0.55, noise=3.0)


def write_1080p(path: Path, frames: int) -> Scene:
    """The bench scene at 1080p, fast enough for thousands of frames.

    Static stretches reuse two precomputed pictures with the light drift applied
    per frame; the hands are drawn at half size and scaled up; sensor noise is
    full resolution, from 8 precomputed fields.
    """
    scene = bench_scene(frames)
    seconds = scene.seconds
    half = dataclasses.replace(scene, width=960, height=540)
    flat = dataclasses.replace(half, drift=0.0)
    size = (1920, 1080)

    def up(img: np.ndarray) -> np.ndarray:
        return cv2.resize(np.clip(img, 0, 255).astype(np.uint8), size,
                          interpolation=cv2.INTER_LINEAR)

    before, after = up(flat.clean(0.0)), up(flat.clean(scene.change_at + 1))
    rng = np.random.default_rng(0)
    fields = []
    for _ in range(8):
        n = rng.normal(0, scene.noise, (1080, 1920, 3))
        fields.append((np.clip(n, 0, 255).astype(np.uint8), np.clip(-n, 0, 255).astype(np.uint8)))
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), FPS, size)
    for i in range(frames):
        t = i / FPS
        if scene.hands_from <= t < scene.change_at:
            img = up(half.clean(t))
        else:
            gain = 1.0 + scene.drift * np.sin(2 * np.pi * t / seconds)  # as in Scene.clean
            img = cv2.convertScaleAbs(before if t < scene.hands_from else after, alpha=gain)
        plus, minus = fields[i % len(fields)]
        writer.write(cv2.subtract(cv2.add(img, plus), minus))
    writer.release()
    return scene


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def capture(video: Path, home: Path, interval: float, keep_idle: bool,
            samples: list[tuple[int, float]] | None = None) -> tuple[object, float, float]:
    journal = Journal.open(home)
    piece = journal.create_piece(f"bench {time.time_ns()}")
    clock = SimulatedClock()
    session = CaptureSession(journal, piece.id, VideoFileSource(video, clock),
                             CaptureSettings(interval=interval, keep_idle=keep_idle,
                                             disk_margin=0), clock)
    if samples is not None:
        def sample(event) -> None:
            if event.kind == "kept" and event.state.kept % 100 == 0:
                samples.append((event.state.kept, rss_mb()))
        session.subscribe(sample)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    state = session.run()
    return state, time.process_time() - cpu0, time.perf_counter() - wall0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stills", type=int, default=2000)
    ap.add_argument("--keep", type=Path, help="keep the work folder here")
    args = ap.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="coulisses-bench-capture-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        video = work / "bench-1080p.mp4"
        t = time.perf_counter()
        # In a child process, so its big buffers do not count in this process's RSS.
        child = multiprocessing.get_context("spawn").Process(target=write_1080p,
                                                             args=(video, args.stills))
        child.start()
        child.join()
        if child.exitcode != 0:
            print("could not generate the bench video", file=sys.stderr)
            return 1
        scene = bench_scene(args.stills)
        print(f"generated {args.stills} frames of 1920x1080 in {time.perf_counter() - t:.0f} s "
              f"({video.stat().st_size / 1e6:.0f} MB)")

        samples: list[tuple[int, float]] = []
        rss_start = rss_mb()
        state, cpu, wall = capture(video, work / "journal-all", 1 / FPS, True, samples)
        rss_end = rss_mb()
        n = state.kept
        warm = [mb for k, mb in samples if k >= 200]
        print(f"\nlong run: {n} stills kept of {state.ticks} ticks ({state.finished})")
        print(f"  CPU per still : {cpu / n * 1000:.1f} ms  (decode 1080p + JPEG q90 + thumbnail "
              "+ 2 fsync'd writes, all threads of this process)")
        print(f"  wall per still: {wall / n * 1000:.1f} ms")
        last_k, last_mb = samples[-1]
        print(f"  RSS before the first still {rss_start:.0f} MB; "
              f"after 200 stills {warm[0]:.1f} MB, "
              f"after {last_k} {last_mb:.1f} MB (growth {last_mb - warm[0]:+.1f} MB); "
              f"after the session closed {rss_end:.0f} MB")
        print("  RSS samples (stills: MB): "
              + ", ".join(f"{k}: {mb:.1f}" for k, mb in samples[::4] + [samples[-1]]))
        size = sum(p.stat().st_size for p in (work / "journal-all").rglob("*.jpg"))
        print(f"  disk: {size / n / 1e3:.0f} kB per still with its thumbnail")

        state, cpu, wall = capture(video, work / "journal-idle", 1.0, False)
        total = state.kept + state.skipped
        print(f"\nidle skipping on the 1080p footage, one look per second: {state.kept} kept, "
              f"{state.skipped} skipped of {total} ({state.skipped / total:.0%} skipped); "
              f"hands {scene.hands_from:.0f}-{scene.change_at:.0f} s of {scene.seconds:.0f} s")
        small = write_video(work / "test-320.mp4", Scene(noise=4.0), fps=5.0, noise_fields=12)
        state, cpu, wall = capture(small, work / "journal-small", 1.0, False)
        total = state.kept + state.skipped
        print(f"idle skipping on the test video (320x240, 60 s, hands 20-32 s): {state.kept} kept, "
              f"{state.skipped} skipped of {total} ({state.skipped / total:.0%} skipped)")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
