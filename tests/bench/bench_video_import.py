"""Video import speed: a 10-minute 1080p phone-like video imported as timed stills.

    python tests/bench/bench_video_import.py [--minutes 10] [--every 10s] [--clean]

The video (H.264 1080p30, a key frame every second as phones write them, about
12 Mbit/s of textured content with a moving object) is made once with PyAV into
a cache folder in the system temp dir; making it is never timed. Then, each in a
fresh process so their peak memory is their own:

- the reference: a plain PyAV decode of every frame of the same file
  (``for frame in container.decode(video=0)``, threads on), the cheapest way to
  look at the whole video with the library Coulisses uses;
- the import: ``coulisses.capture.importer.import_photos`` of that video into a
  fresh journal, one still every ``--every`` of real time.

Prints each one's seconds, the import's speed in multiples of real time, its
ratio to the plain decode, and both peak RSS figures. Targets (issue 25): the
import at >= 20x real time, peak RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

W, H, FPS = 1920, 1080, 30


def make_video(path: Path, minutes: float) -> None:
    import av

    frames = int(minutes * 60 * FPS)
    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:H, 0:W].astype(np.float32)
    base = np.empty((H, W, 3), np.float32)
    base[..., 0] = 90 + 60 * np.sin(x / 300) + 30 * np.cos(y / 210)
    base[..., 1] = 110 + 50 * np.cos((x + y) / 420)
    base[..., 2] = 120 + 70 * np.sin(y / 260)
    # A few grain patterns taken in turn: a phone's sensor noise, cheap to make.
    grains = [np.clip(base + rng.normal(0, 6, base.shape), 0, 255).astype(np.uint8)
              for _ in range(4)]
    tmp = path.with_suffix(".part.mp4")
    with av.open(str(tmp), "w", options={"movflags": "use_metadata_tags"}) as out:
        out.metadata["creation_time"] = "2026-05-01T08:00:00.000000Z"
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        stream.codec_context.gop_size = FPS  # a key frame a second, like a phone
        stream.codec_context.bit_rate = 12_000_000
        stream.codec_context.options = {"preset": "ultrafast", "bf": "0"}
        for i in range(frames):
            img = grains[i % len(grains)].copy()
            # The maker's hands: a block crossing the bench every 20 s.
            cx = int((i / (20 * FPS)) % 1.0 * (W - 300))
            img[400:700, cx:cx + 300] = (40, 60, 200)
            frame = av.VideoFrame.from_ndarray(img, format="bgr24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    tmp.replace(path)


def child_decode(path: Path) -> dict:
    import av

    from tests.bench.memory import peak_rss_mb

    started = time.perf_counter()
    n = 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        for _frame in container.decode(stream):
            n += 1
    return {"seconds": time.perf_counter() - started, "frames": n, "peak_mb": peak_rss_mb()}


def child_import(path: Path, every: float) -> dict:
    from coulisses.capture.importer import import_photos
    from coulisses.capture.video_import import VideoSettings
    from coulisses.journal import Journal
    from tests.bench.memory import peak_rss_mb

    home = Path(tempfile.mkdtemp(prefix="coulisses-bench-video-"))
    try:
        journal = Journal(home)
        piece = journal.create_piece("Bench video")
        started = time.perf_counter()
        report = import_photos(journal, piece.id, [path], video=VideoSettings(every=every))
        seconds = time.perf_counter() - started
        video = report.videos[0]
        return {"seconds": seconds, "stills": len(video.captures), "idle": video.idle_skipped,
                "mode": video.mode, "peak_mb": peak_rss_mb(),
                "video_seconds": video.video_seconds}
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--every", default="10s")
    ap.add_argument("--clean", action="store_true", help="make the video again")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, path = args.child[0], Path(args.child[1])
        result = (child_decode(path) if kind == "decode"
                  else child_import(path, float(args.child[2])))
        print(json.dumps(result))
        return
    from coulisses.units import parse_duration

    every = parse_duration(args.every)
    cache = Path(tempfile.gettempdir()) / "coulisses-bench-video"
    cache.mkdir(exist_ok=True)
    video = cache / f"phone-1080p-{args.minutes:g}min.mp4"
    if args.clean or not video.exists():
        print(f"making {video} ({args.minutes:g} min of 1080p30, not timed)…", flush=True)
        t = time.perf_counter()
        make_video(video, args.minutes)
        print(f"  made in {time.perf_counter() - t:.0f} s, "
              f"{video.stat().st_size / 1e6:.0f} MB", flush=True)
    real = args.minutes * 60
    decode = _run_child("decode", str(video))
    imp = _run_child("import", str(video), str(every))
    print(f"video: {video.name}, {real:.0f} s, {video.stat().st_size / 1e6:.0f} MB")
    print(f"plain PyAV decode (reference): {decode['seconds']:.2f} s for {decode['frames']} "
          f"frames = {real / decode['seconds']:.1f}x real time, peak RSS "
          f"{decode['peak_mb']:.0f} MB")
    print(f"import, a still every {args.every}: {imp['seconds']:.2f} s "
          f"({imp['stills']} stills, {imp['idle']} idle skipped, mode {imp['mode']}) = "
          f"{real / imp['seconds']:.1f}x real time (target >= 20x), peak RSS "
          f"{imp['peak_mb']:.0f} MB (target <= 300 MB)")
    print(f"import / plain decode time: {imp['seconds'] / decode['seconds']:.3f} "
          f"(the import is {decode['seconds'] / imp['seconds']:.1f}x faster)")


if __name__ == "__main__":
    main()
