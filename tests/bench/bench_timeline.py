"""Timeline benchmark: sessions + effort + suggestions (+ a reel plan) on a 100,000-still piece.

The piece is built through ``Journal.add_still``, as capture and import store
stills (still, thumbnail, and the signature the journal stores with them), with
fsync switched off for the setup only (not what is measured): tiny stills and
real 320×240 thumbnails of a pot on a wheel with sensor noise and hands, ~500
stills per session, a collapse in the middle of every fifth session. Then it
measures, each with its time and peak memory (resident set size above the
start, sampled every 5 ms; and tracemalloc's peak for Python + NumPy allocations):

- snapshot (the journal scan, for reference),
- sessions + effort,
- suggestions, first run (the signatures stored with the stills, no cache),
- suggestions again (memo cleared),
- suggestions on an old journal (no stored signatures: every thumbnail decoded),
- the same again with the lazy per-day signature cache,
- build_timeline again (finished sessions memoised),
- build_timeline after one more still (what the app does after each capture),
- plan_reel for a 30 s reel,
- and, on a second journal: the first ``coulisses timeline --json`` of a
  10,000-still piece right after it was stored (a subprocess, wall time: Python
  start, imports, scan, sessions, suggestions, JSON).

Run: python tests/bench/bench_timeline.py [--stills 100000] [--cold-stills 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import psutil  # noqa: E402

from coulisses.journal import Journal  # noqa: E402
from coulisses.journal.codec import make_thumbnail  # noqa: E402
from coulisses.timeline.build import build_timeline  # noqa: E402
from coulisses.timeline.effort import compute_effort  # noqa: E402
from coulisses.timeline.pacing import plan_reel  # noqa: E402
from coulisses.timeline.sessions import split_sessions, timestamps  # noqa: E402
from coulisses.timeline.signatures import forget_cache, signature_dir  # noqa: E402
from coulisses.timeline.suggestions import clear_memo, find_suggestions  # noqa: E402

W, H = 640, 480
PER_SESSION = 500  # stills per session (--session-stills)
COLLAPSE_EVERY = 5  # sessions


def frame(rng: np.random.Generator, slumped: bool, hands: bool) -> np.ndarray:
    img = np.full((H, W, 3), (120, 125, 130), np.float32)
    img += cv2.GaussianBlur(np.random.default_rng(7).normal(0, 25, (H, W)).astype(np.float32),
                            (0, 0), 3)[..., None]
    cv2.ellipse(img, (W // 2, H - 120), (220, 60), 0, 0, 360, (60, 60, 70), -1)
    cx = W // 2
    pts = ([[cx - 120, H - 125], [cx + 110, H - 125], [cx + 80, H - 200], [cx - 95, H - 190]]
           if slumped else
           [[cx - 70, H - 130], [cx + 70, H - 130], [cx + 55, H - 330], [cx - 55, H - 330]])
    cv2.fillPoly(img, [np.array(pts)], (60, 80, 110))
    if hands:
        x, y = int(rng.integers(W // 2 - 200, W // 2 + 200)), int(rng.integers(90, 340))
        cv2.ellipse(img, (x, y), (60, 35), float(rng.uniform(0, 180)), 0, 360,
                    (140, 170, 220), -1)
    img += rng.normal(0, 7, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def bank(rng: np.random.Generator) -> dict[tuple[bool, bool], list[bytes]]:
    """Encoded thumbnails per (slumped, hands) state, reused for every still.

    Enough of them that the same hand rarely sits in most of a window: real
    footage never repeats a frame exactly, a small bank would.
    """
    return {(s, h): [make_thumbnail(frame(rng, s, h)) for _ in range(40 if h else 12)]
            for s in (False, True) for h in (False, True)}


def fill(journal: Journal, piece_id: str, n: int, start: datetime) -> list[int]:
    """Store n stills + thumbnails through add_still; returns the collapse indices."""
    rng = np.random.default_rng(1)
    thumbs = bank(rng)
    ok, buf = cv2.imencode(".jpg", np.full((8, 8, 3), 90, np.uint8))
    still = buf.tobytes()
    collapses = []
    t = start
    real_fsync = os.fsync
    os.fsync = lambda fd: None  # setup only: not what is measured
    try:
        for i in range(n):
            session, k = divmod(i, PER_SESSION)
            if k == 0 and i:
                t += timedelta(hours=2 if session % 3 else 20)  # lunch, or the night
            else:
                t += timedelta(seconds=10)
            collapse = session % COLLAPSE_EVERY == 0 and PER_SESSION > 40
            slumped = collapse and k >= PER_SESSION // 2
            if collapse and k == PER_SESSION // 2:
                collapses.append(i)
            choices = thumbs[(slumped, bool(rng.random() < 0.3))]
            journal.add_still(piece_id, still, t,
                              thumbnail=choices[int(rng.integers(len(choices)))])
    finally:
        os.fsync = real_fsync
    return collapses


def cold_timeline(root: Path, n: int) -> None:
    """The first `coulisses timeline --json` of an n-still piece just stored (wall time)."""
    journal = Journal.open(root / "cold-journal")
    piece = journal.create_piece("Fresh import")
    t0 = time.perf_counter()
    fill(journal, piece.id, n, datetime(2026, 3, 2, 8, tzinfo=UTC))
    print(f"setup: {n} stills + thumbnails through add_still in {time.perf_counter() - t0:.1f} s")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "desktop"))
    started = time.perf_counter()
    before = os.times()
    done = subprocess.run([sys.executable, "-m", "coulisses", "--home", str(journal.home),
                           "timeline", piece.id, "--json"], capture_output=True, env=env)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system
                                                          - before.children_system)
    assert done.returncode == 0, done.stderr.decode()
    import json

    doc = json.loads(done.stdout)
    print(f"cold `coulisses timeline --json`, {n} stills: {wall:.2f} s wall, end to end, "
          f"CPU {cpu:.2f} s ({len(doc['suggestions'])} suggestions; target < 1 s)")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import coulisses.cli, coulisses.timeline.build"],
                   check=True, env=env)
    print(f"  (of which Python start + imports: {time.perf_counter() - started:.2f} s)")


class Peak:
    """Peak RSS above the start while a block runs (sampled) and tracemalloc's peak."""

    def __init__(self, trace: bool) -> None:
        self.proc = psutil.Process()
        self.trace = trace

    def run(self, fn: Callable[[], Any]) -> tuple[Any, float, float, float | None]:
        """(result, wall seconds, peak RSS MB, tracemalloc MB); CPU seconds in ``self.cpu``."""
        base = self.proc.memory_info().rss
        peak = [base]
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.005):
                peak[0] = max(peak[0], self.proc.memory_info().rss)

        th = threading.Thread(target=sample, daemon=True)
        if self.trace:
            tracemalloc.start()
        th.start()
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            out = fn()
        finally:
            elapsed = time.perf_counter() - t0
            self.cpu = time.process_time() - c0
            stop.set()
            th.join()
        traced = None
        if self.trace:
            traced = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        peak[0] = max(peak[0], self.proc.memory_info().rss)
        return out, elapsed, (peak[0] - base) / 2**20, traced


def main() -> None:
    global PER_SESSION
    ap = argparse.ArgumentParser()
    ap.add_argument("--stills", type=int, default=100_000)
    ap.add_argument("--keep", metavar="DIR", help="build the piece here and keep it")
    ap.add_argument("--cold-stills", type=int, default=10_000,
                    help="stills of the piece whose cold `timeline --json` is timed (0: skip)")
    ap.add_argument("--session-stills", type=int, default=PER_SESSION,
                    help="stills per session (100000: one single long session)")
    ap.add_argument("--tracemalloc", action="store_true",
                    help="also report tracemalloc peaks (slower: it traces every allocation)")
    args = ap.parse_args()
    PER_SESSION = args.session_stills
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-timeline-"))
    try:
        journal = Journal.open(root / "journal")
        existing = [p for p in journal.pieces() if p.name == "Big piece"]
        t0 = time.perf_counter()
        if existing and args.keep:
            piece = existing[0]
            collapses = [s * PER_SESSION + PER_SESSION // 2
                         for s in range(0, args.stills // PER_SESSION, COLLAPSE_EVERY)]
        else:
            piece = journal.create_piece("Big piece")
            collapses = fill(journal, piece.id, args.stills, datetime(2026, 1, 5, 8, tzinfo=UTC))
        print(f"setup: {args.stills} stills + thumbnails in {time.perf_counter() - t0:.1f} s "
              f"({len(collapses)} collapses planted) under {root}")
        meter = Peak(args.tracemalloc)

        def line(label: str, elapsed: float, rss: float, traced: float | None) -> None:
            extra = f", tracemalloc peak {traced:.0f} MB" if traced is not None else ""
            # CPU time (all threads) beside wall time: a shared machine's load swings the wall.
            print(f"{label:<38} {elapsed:7.2f} s   CPU {meter.cpu:6.2f} s   "
                  f"peak RSS +{rss:.0f} MB{extra}")

        snap, el, rss, tr_ = meter.run(lambda: journal.snapshot(piece.id))
        line(f"snapshot ({len(snap.captures)} stills)", el, rss, tr_)

        def sessions_effort():
            times = timestamps(snap.captures)
            sessions = split_sessions(snap, 1800, times)
            return sessions, compute_effort(snap, sessions, times)

        (sessions, effort), el, rss, tr_ = meter.run(sessions_effort)
        line(f"sessions + effort ({len(sessions)} sessions)", el, rss, tr_)
        forget_cache(piece.folder)  # the lazy cache only: stored signatures stay
        clear_memo()
        found, el, rss, tr_ = meter.run(lambda: find_suggestions(snap, sessions))
        line("suggestions, first run (stored sigs)", el, rss, tr_)
        cap_index = {c.id: i for i, c in enumerate(snap.captures)}
        hits = [min(abs(cap_index[s.capture] - c) for c in collapses) for s in found]
        near = sum(1 for h in hits if h <= 1)
        clear_memo()
        found2, el, rss, tr_ = meter.run(lambda: find_suggestions(snap, sessions))
        line("suggestions, second run (memo cleared)", el, rss, tr_)
        assert [s.capture for s in found2] == [s.capture for s in found]
        sig_dir = signature_dir(piece.folder)
        stored = sum(p.stat().st_size for p in sig_dir.glob("*.csg"))
        forget_cache(piece.folder, stored=True)  # now an old journal
        clear_memo()
        found3, el, rss, tr_ = meter.run(lambda: find_suggestions(snap, sessions))
        line("suggestions, old journal (decode)", el, rss, tr_)
        assert [s.capture for s in found3] == [s.capture for s in found]
        clear_memo()
        found4, el, rss, tr_ = meter.run(lambda: find_suggestions(snap, sessions))
        line("suggestions, old journal, .npz cache", el, rss, tr_)
        assert [s.capture for s in found4] == [s.capture for s in found]
        tl, el, rss, tr_ = meter.run(lambda: build_timeline(snap))
        line("build_timeline again (sessions memo)", el, rss, tr_)
        # What the app does after each new still: one more still in the live session.
        last = snap.captures[-1]
        journal.add_still(piece.id, last.path.read_bytes(), last.time + timedelta(seconds=10),
                          thumbnail=last.thumb_path.read_bytes())
        snap2, el_snap, _, _ = meter.run(lambda: journal.snapshot(piece.id))
        tl2, el, rss, tr_ = meter.run(lambda: build_timeline(snap2))
        line("after one new still: build_timeline", el, rss, tr_)
        print(f"  (+ snapshot {el_snap:.2f} s; {len(tl2.suggestions)} suggestions)")
        plan, el, rss, tr_ = meter.run(lambda: plan_reel(snap, duration=30, fps=30))
        line(f"plan_reel 30 s ({len(plan.shots)} shots)", el, rss, tr_)
        size = sum(p.stat().st_size for p in sig_dir.glob("*.npz"))
        print(f"stored signatures: {stored / 2**20:.1f} MB; lazy cache of the old-journal "
              f"run: {len(list(sig_dir.glob('*.npz')))} day files, {size / 2**20:.1f} MB")
        print(f"suggestions: {len(found)} found, {near} within 1 still of the "
              f"{len(collapses)} planted collapses, {len(found) - near} elsewhere")
        print(f"effort: {effort.sessions} sessions, {effort.worked_seconds / 3600:.1f} h worked, "
              f"{effort.days} days, {effort.stills} stills")
        print(f"total process RSS now {psutil.Process().memory_info().rss / 2**20:.0f} MB; "
              f"cpu count {os.cpu_count()}")
        if args.cold_stills:
            cold_timeline(root, args.cold_stills)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
