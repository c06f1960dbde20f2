"""Import throughput: 200 12-MP JPEGs (4000x3000, textured, with EXIF times) into a piece.

    python tests/bench/bench_import.py [--count 200] [--workers N] [--clean]

The photos are generated once into a cache folder in the system temp dir
(reused by later runs; generation is never timed). Prints photos/s for a
first import, for a second import of the same files (all duplicates by name
and time), for the same files under other names (hard links: duplicates
found by content), and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
from PIL import ExifTags, Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coulisses.capture.importer import default_workers, import_photos  # noqa: E402
from coulisses.journal import Journal  # noqa: E402
from tests.bench.memory import peak_rss_mb  # noqa: E402

W, H = 4000, 3000


def _base_textures(n: int = 3) -> list[np.ndarray]:
    """Photo-like content: gradients, shapes, fine grain (compresses like a real shot)."""
    rng = np.random.default_rng(42)
    out = []
    for k in range(n):
        y, x = np.mgrid[0:H, 0:W].astype(np.float32)
        img = np.empty((H, W, 3), np.float32)
        img[..., 0] = 90 + 60 * np.sin(x / (300 + 50 * k)) + 30 * np.cos(y / 210)
        img[..., 1] = 110 + 50 * np.cos((x + y) / (420 + 30 * k))
        img[..., 2] = 120 + 70 * np.sin(y / (260 + 40 * k))
        for _ in range(60):
            cx, cy, r = rng.integers(0, W), rng.integers(0, H), rng.integers(40, 400)
            cv2.circle(img, (int(cx), int(cy)), int(r), rng.integers(0, 255, 3).tolist(), -1)
        img += rng.normal(0, 9, (H, W, 3)).astype(np.float32)  # sensor grain
        out.append(np.clip(img, 0, 255).astype(np.uint8))
    return out


def _exif_segment(taken: str, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Bench"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    payload = exif.tobytes()
    if not payload.startswith(b"Exif\x00\x00"):
        payload = b"Exif\x00\x00" + payload
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def generate(folder: Path, count: int) -> list[Path]:
    marker = folder / ".complete"  # holds how many photos were fully generated
    files = [folder / f"IMG_{i:04d}.JPG" for i in range(count)]
    try:
        ready = int(marker.read_text())
    except (OSError, ValueError):
        ready = 0
    if ready >= count and all(f.exists() for f in files):
        return files
    folder.mkdir(parents=True, exist_ok=True)
    print(f"generating {count} photos of {W}x{H} in {folder} (once)…", flush=True)
    bases = _base_textures()
    rng = np.random.default_rng(1)
    order = rng.permutation(count)  # EXIF times out of name order

    def make(i: int) -> None:
        arr = np.roll(bases[i % len(bases)], shift=(i * 37) % W, axis=1)
        cv2.putText(arr, f"photo {i}", (200, 400), cv2.FONT_HERSHEY_SIMPLEX, 8,
                    (255, 255, 255), 20)
        ok, buf = cv2.imencode(".jpg", arr, [cv2.IMWRITE_JPEG_QUALITY, 92])
        assert ok
        minute = int(order[i])
        taken = f"2025:05:{1 + minute // 600:02d} {8 + minute // 60 % 10:02d}:{minute % 60:02d}:00"
        data = buf.tobytes()
        files[i].write_bytes(data[:2] + _exif_segment(taken, 6 if i % 4 == 0 else 1) + data[2:])

    with ThreadPoolExecutor(max_workers=default_workers()) as pool:
        list(pool.map(make, range(count)))
    marker.write_text(str(count))
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--cache", type=Path,
                    default=Path(tempfile.gettempdir()) / "coulisses-bench-import")
    ap.add_argument("--clean", action="store_true", help="delete the generated photos afterwards")
    ap.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.generate_only:
        generate(args.cache, args.count)
        return 0
    # Generated in a child process so the peak memory printed below is the import's own.
    subprocess.run([sys.executable, __file__, "--generate-only", "--count", str(args.count),
                    "--cache", str(args.cache)], check=True)
    files = generate(args.cache, args.count)  # already there: only checks
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    workers = args.workers or default_workers()
    home = Path(tempfile.mkdtemp(prefix="coulisses-bench-home-"))
    renamed: Path | None = None
    try:
        journal = Journal.open(home)
        piece = journal.create_piece("Bench")
        for f in files[:2]:  # warm the page cache fairly for the first run
            f.read_bytes()
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        c0, t0 = time.process_time(), time.perf_counter()
        first = import_photos(journal, piece.id, files, workers=workers)
        c1, t1 = time.process_time(), time.perf_counter()
        second = import_photos(journal, piece.id, files, workers=workers)
        t2 = time.perf_counter()
        # The same bytes under other names (a copied card), beside the cache: same disk.
        renamed = Path(tempfile.mkdtemp(prefix="renamed-", dir=args.cache))
        for i, f in enumerate(files):
            os.link(f, renamed / f"copy_{i:04d}.jpg")
        t3 = time.perf_counter()
        third = import_photos(journal, piece.id, [renamed], workers=workers)
        t4 = time.perf_counter()
        assert len(first.imported) == args.count, first.skipped
        assert len(second.duplicates) == args.count
        assert len(third.duplicates) == args.count, (len(third.imported), third.skipped)
        o = first.outcomes[0]
        kept = o.capture is not None and o.capture.path.read_bytes() == o.path.read_bytes()
        stored = journal.snapshot(piece.id).captures
        sample = Image.open(stored[0].path).size
        stored_mb = sum(c.path.stat().st_size for c in stored) / 1e6
        rss = f"{peak_rss_mb():.0f} MB peak RSS of the importing process"
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if renamed is not None:
            shutil.rmtree(renamed, ignore_errors=True)
        if args.clean:
            shutil.rmtree(args.cache, ignore_errors=True)

    print(f"command: python tests/bench/bench_import.py --count {args.count} "
          f"--workers {workers}")
    print(f"input: {args.count} JPEGs {W}x{H} ({size_mb / args.count:.1f} MB each), "
          f"{workers} worker thread(s)")
    print(f"first import:  {t1 - t0:6.1f} s  {args.count / (t1 - t0):6.2f} photos/s "
          f"(stored {sample[0]}x{sample[1]}, {stored_mb / args.count:.1f} MB each)")
    print(f"CPU per photo: {(c1 - c0) / args.count * 1000:.0f} ms (all threads; "
          f"load average {load:.1f} when the run started, {os.cpu_count()} cores)")
    print(f"second import: {t2 - t1:6.2f} s  {args.count / (t2 - t1):6.0f} photos/s "
          f"(all duplicates by name and time, no decoding)")
    print(f"renamed copies: {t4 - t3:5.2f} s  {args.count / (t4 - t3):6.0f} photos/s "
          f"(all duplicates by content: read and hashed, no decoding)")
    print(f"stored as the original bytes: {'yes' if kept else 'no (re-encoded)'}")
    print(f"memory: {rss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
