"""Does the reel that makes itself slow a capture running in the same process?

The window captures and renders in one process: a Result flagged while recording starts
a 1080x1920 reel of the demo piece (ReelMaker, auto: its thread and x264's at nice 19)
while a capture takes a still every second from a 1280x720 video file (keep idle, so
every tick stores one). Reference: the same capture with nothing else running.
Reported: stills stored in the window, the mean and worst gap between them, and how
late the worst one was.

Run: python tests/bench/bench_companion_capture.py [--seconds 30] [--interval 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("COULISSES_LANG", "en")


def capture(journal, piece_id: str, video: Path, seconds: float, interval: float,
            during=None) -> list[float]:
    from coulisses.capture.session import CaptureSession, CaptureSettings

    session = CaptureSession(journal, piece_id, str(video),
                             CaptureSettings(interval=interval, duration=seconds,
                                             keep_idle=True))
    session.start()
    if during is not None:
        during()
    session.wait(seconds + 60)
    captures, _ = journal.captures(piece_id)
    return [c.time.timestamp() for c in captures]


def describe(times: list[float], interval: float) -> str:
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    return (f"{len(times)} stills, gap mean {statistics.mean(gaps):.3f} s, "
            f"worst {max(gaps):.3f} s (late by {max(gaps) - interval:.3f} s)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--interval", type=float, default=1.0)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-companion-capture-"))
    os.environ["COULISSES_CONFIG"] = str(tmp / "config")

    from coulisses.capture.demo_piece import build_demo_piece
    from coulisses.capture.synthetic import Scene, write_video
    from coulisses.companion.host import ReelMaker
    from coulisses.journal import Journal

    journal = Journal.open(tmp / "journal")
    demo = build_demo_piece(journal)
    video = write_video(tmp / "bench.mp4", Scene(width=1280, height=720,
                                                 seconds=args.seconds * 3), fps=10.0,
                        noise_fields=8)
    alone = journal.create_piece("alone")
    times = capture(journal, alone.id, video, args.seconds, args.interval)
    print(f"capture alone:           {describe(times, args.interval)}")

    reels = ReelMaker(journal, out_dir=tmp / "reels")
    started: list[float] = []

    def render() -> None:
        started.append(time.monotonic())
        reels.start(demo.id, auto=True, moment_id="bench")

    loaded = journal.create_piece("with a reel")
    times = capture(journal, loaded.id, video, args.seconds, args.interval, render)
    running = reels.state().running
    while reels.state().running:
        time.sleep(0.2)
    took = time.monotonic() - started[0]
    print(f"capture during the reel: {describe(times, args.interval)}"
          f" (the reel took {took:.1f} s{', longer than the capture' if running else ''};"
          f" error: {reels.state().error or 'none'})")
    print(f"(files left in {tmp})")


if __name__ == "__main__":
    main()
