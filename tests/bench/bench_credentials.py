"""Content Credentials benchmark: what signing adds to an export (issue 15).

The bench_export job (300 stills of 1920x1080, one frame each, 10 s at 30 fps,
1080x1920) plus a cover and a 10-slide carousel, exported with signing. Prints
the export's time, the signing share (target < 2 %), its parts (hashing the
stills shown, c2pa per file) and the bytes it adds per file.

Run: python tests/bench/bench_credentials.py [--stills 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coulisses.credentials.process import shown_captures, still_hashes  # noqa: E402
from coulisses.export import export_reel  # noqa: E402
from coulisses.journal import Journal  # noqa: E402
from tests.bench.bench_export import make_stills, plan_of  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stills", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best is kept")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="coulisses-bench-credentials-"))
    try:
        journal = Journal.open(tmp / "journal")
        piece, captures = make_stills(journal, args.stills)
        plan = replace(plan_of(piece, captures), source=journal.snapshot(piece.id))
        shown = shown_captures(plan)
        runs = []
        for r in range(args.repeat):
            t = time.perf_counter()
            still_hashes(shown)
            hashing = time.perf_counter() - t
            result = export_reel(plan, tmp / f"out{r}", "reels", deflicker=False,
                                 outputs={"mp4", "cover", "carousel"})
            signed = result.credentials
            assert signed is not None and signed.ok, signed
            runs.append((result.elapsed, signed.seconds, hashing, signed))
        elapsed, signing, hashing, signed = min(runs, key=lambda r: r[1])
        files = len(signed.files)
        per_file = (signing - hashing) / files * 1000
        print(f"export: {plan.total_frames} frames 1080x1920 + cover + "
              f"{files - 2} carousel slides in {elapsed:.2f} s")
        print(f"signing: {signing * 1000:.0f} ms = {signing / elapsed * 100:.2f} % of the "
              f"export (target < 2 %)")
        print(f"  hashing {len(shown)} stills shown: {hashing * 1000:.0f} ms; "
              f"c2pa: {per_file:.1f} ms per file ({files} files)")
        print(f"bytes added: {signed.added_bytes} in total, "
              f"~{signed.added_bytes // files} per file")
        for name, seconds, grew in signed.per_file:
            print(f"  {name}: {seconds * 1000:.1f} ms, +{grew} bytes")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
