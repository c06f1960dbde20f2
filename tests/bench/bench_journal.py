"""Journal benchmark: adding a still costs the same at 100,000 stills as at 0,
and the timeline of a 100,000-still piece loads quickly.

Run: python tests/bench/bench_journal.py [--stills 100000] [--adds 300]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from coulisses.journal import Journal  # noqa: E402
from coulisses.journal.stills import capture_id, still_path  # noqa: E402


def tiny_jpeg() -> bytes:
    ok, buf = cv2.imencode(".jpg", np.full((8, 8, 3), 90, np.uint8))
    assert ok
    return buf.tobytes()


def fill(journal: Journal, piece_id: str, n: int, start: datetime) -> None:
    """Create n stills fast (plain writes, no fsync: setup, not what is measured)."""
    data = tiny_jpeg()
    folder = journal.home / "pieces" / piece_id
    made: set[Path] = set()
    for i in range(n):
        t = start + timedelta(seconds=2 * i)
        path = still_path(folder, capture_id(t))
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stills", type=int, default=100_000)
    ap.add_argument("--adds", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.open(Path(tmp) / "journal")
        big = journal.create_piece("Big piece")
        empty = journal.create_piece("Empty piece")
        t0 = time.perf_counter()
        start = datetime(2026, 1, 1, tzinfo=UTC)
        fill(journal, big.id, args.stills, start)
        print(f"setup: {args.stills} stills in {time.perf_counter() - t0:.1f} s")

        still = cv2.imencode(".jpg", np.random.default_rng(0).integers(
            0, 255, (480, 640, 3), np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 90])[1].tobytes()
        thumb = tiny_jpeg()
        later = start + timedelta(days=30)
        costs: dict[str, list[float]] = {big.id: [], empty.id: []}
        for i in range(args.adds):
            # Interleave so disk and cache effects hit both pieces alike.
            for pid in (big.id, empty.id) if i % 2 == 0 else (empty.id, big.id):
                t = later + timedelta(seconds=i)
                s = time.perf_counter()
                journal.add_still(pid, still, t, thumbnail=thumb)
                costs[pid].append(time.perf_counter() - s)
        big_ms = statistics.median(costs[big.id]) * 1000
        empty_ms = statistics.median(costs[empty.id]) * 1000
        print(f"add_still median: empty piece {empty_ms:.2f} ms, "
              f"{args.stills}-still piece {big_ms:.2f} ms, ratio {big_ms / empty_ms:.2f}x "
              f"(target <= 1.1x)")

        from coulisses.commands.timeline import timeline_json

        loads = []
        for _ in range(3):
            s = time.perf_counter()
            snap = journal.snapshot(big.id)
            data = timeline_json(snap)
            loads.append(time.perf_counter() - s)
        print(f"timeline of {len(data['captures'])} stills: snapshot + JSON "
              f"{min(loads):.3f} s best, {statistics.median(loads):.3f} s median (target < 1 s)")


if __name__ == "__main__":
    main()
