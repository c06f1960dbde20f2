"""Peak memory of importing a folder of tiny PNGs that open to huge pictures (issue 20, defect 9).

    python tests/bench/bench_import_huge.py [--huge 4] [--side 13000] [--big 3]
                                            [--big-side 10500] [--workers 4]
                                            [--no-phone] [--keep DIR]

A 13,000×13,000 PNG of one colour is a 164 KB file that decodes to 169 million
pixels. The folder holds ``--huge`` of them (palette PNGs, each its own colour,
plus one RGB one), ``--big`` PNGs just under the limit (10,500×10,500: 110 MP,
imported, each ~0.5 GB to decode), one 200-megapixel phone JPEG (16320×12240,
the largest photo a camera makes today; ``--no-phone`` leaves it out), and four
ordinary photos (three 12-MP JPEGs, one PNG) that must be imported whatever the rest.

The import runs in a child process, alone, with ``--workers`` threads; the
child reports its own peak RSS (``VmHWM``, not ``ru_maxrss``: see memory.py),
so file generation (done in another child) never counts. A second child that
only loads the same modules and opens the journal gives the baseline. Prints
both, the time, and what became of each file.
"""

from __future__ import annotations

import argparse
import json
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
PHONE = (16320, 12240)  # a 200 MP phone photo (Samsung Galaxy S23/S24 Ultra, Xiaomi, Motorola)


# ------------------------------------------------------------------ builders
def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _idat(row: bytes, height: int) -> bytes:
    """``height`` copies of one filtered row, deflated as they come (a few MB of memory)."""
    comp = zlib.compressobj(6)
    parts, block, left = [], row * 64, height
    while left:
        n = min(64, left)
        parts.append(comp.compress(block if n == 64 else row * n))
        left -= n
    parts.append(comp.flush())
    return b"".join(parts)


def flat_png_idat(width: int, height: int) -> bytes:
    """The pixels of a one-colour palette PNG (every index 0), for ``flat_png(idat=…)``."""
    return _idat(b"\x00" + bytes(width), height)


def flat_png(width: int, height: int, colour: tuple[int, int, int], palette: bool = True,
             idat: bytes | None = None) -> bytes:
    """A valid PNG of one colour: ~164 KB for 13,000×13,000 with a palette, ~550 KB in RGB."""
    if palette:
        ihdr = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
        head = _chunk(b"PLTE", bytes(colour))
        data = idat if idat is not None else flat_png_idat(width, height)
    else:
        # PNG's 'Sub' filter: each row is the colour once, then zeros (repeat the left pixel).
        ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
        head = b""
        data = _idat(b"\x01" + bytes(colour) + bytes(3 * (width - 1)), height)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + head + _chunk(b"IDAT", data)
            + _chunk(b"IEND", b""))


def write_flat_png(path: Path, width: int, height: int,
                   colour: tuple[int, int, int] = (200, 120, 40), palette: bool = True) -> Path:
    path.write_bytes(flat_png(width, height, colour, palette))
    return path


def _photo(path: Path, size: tuple[int, int], taken: str, seed: int, fmt: str = "JPEG") -> None:
    import numpy as np
    from PIL import ExifTags, Image

    rng = np.random.default_rng(seed)
    w, h = size
    small = rng.integers(0, 256, (h // 16 + 1, w // 16 + 1, 3), np.uint8)
    img = Image.fromarray(small).resize(size, Image.Resampling.BILINEAR)  # photo-like, not noise
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    kwargs = {"quality": 90} if fmt == "JPEG" else {}
    img.save(path, fmt, exif=exif.tobytes(), **kwargs)


def generate(folder: Path, huge: int, side: int, big: int, big_side: int,
             phone: bool) -> list[str]:
    """Writes the bench folder; returns what it holds, one line per kind."""
    folder.mkdir(parents=True, exist_ok=True)
    idat = flat_png_idat(side, side)
    for i in range(huge):
        colour = (40 + 50 * i % 200, 120, 200 - 30 * i % 150)
        (folder / f"poster_{i}.png").write_bytes(flat_png(side, side, colour, True, idat))
    idat = flat_png_idat(big_side, big_side)
    for i in range(big):  # under the limit: imported, one decode at a time
        colour = (200 - 40 * i % 200, 60 + 30 * i % 150, 90)
        (folder / f"scan_{i}.png").write_bytes(flat_png(big_side, big_side, colour, True, idat))
    write_flat_png(folder / "poster_rgb.png", side, side, (30, 160, 90), palette=False)
    for i in range(3):
        _photo(folder / f"IMG_{i:04d}.JPG", (4000, 3000), f"2025:03:0{i + 1} 10:00:00", i)
    _photo(folder / "sketch.png", (1600, 1200), "2025:03:05 10:00:00", 9, "PNG")
    lines = [f"{huge} palette PNGs + 1 RGB PNG of {side}x{side} "
             f"({(folder / 'poster_0.png').stat().st_size // 1000} KB and "
             f"{(folder / 'poster_rgb.png').stat().st_size // 1000} KB)",
             f"{big} palette PNGs of {big_side}x{big_side} "
             f"({big_side * big_side / 1e6:.0f} MP, under the limit)",
             "3 JPEGs 4000x3000 and 1 PNG 1600x1200 (ordinary photos)"]
    if phone:
        import cv2
        import numpy as np

        w, h = PHONE
        img = np.zeros((h, w, 3), np.uint8)
        img[:] = (90, 140, 190)
        cv2.circle(img, (w // 2, h // 2), h // 3, (30, 60, 220), -1)
        ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 90])
        assert ok
        del img
        (folder / "PHONE_200MP.jpg").write_bytes(buf.tobytes())
        lines.append(f"1 JPEG {w}x{h} (a 200 MP phone photo, "
                     f"{(folder / 'PHONE_200MP.jpg').stat().st_size // 1000} KB)")
    return lines


# --------------------------------------------------------------- the child
def child(folder: Path | None, workers: int) -> None:
    sys.path.insert(0, str(DESKTOP))
    sys.path.insert(0, str(DESKTOP.parent))
    from coulisses.capture.importer import IMPORTED, import_photos
    from coulisses.journal import Journal
    from tests.bench.memory import peak_rss_mb

    home = Path(tempfile.mkdtemp(prefix="coulisses-bench-huge-home-"))
    try:
        journal = Journal.open(home)
        piece = journal.create_piece("Bench")
        result: dict[str, object] = {}
        if folder is not None:
            t0 = time.perf_counter()
            report = import_photos(journal, piece.id, [folder], workers=workers)
            result["seconds"] = time.perf_counter() - t0
            result["outcomes"] = [(o.path.name, o.status if o.status == IMPORTED else
                                   f"{o.status}: {o.reason}") for o in report.outcomes]
        result["peak_mb"] = peak_rss_mb()
        print(json.dumps(result))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _run_child(folder: Path | None, workers: int) -> dict:
    argv = [sys.executable, __file__, "--child", "--workers", str(workers)]
    if folder is not None:
        argv += ["--folder", str(folder)]
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        signal = -done.returncode if done.returncode < 0 else None
        return {"failed": f"exit {done.returncode}"
                          + (f" (killed by signal {signal})" if signal else "")
                          + f": {done.stderr.strip()[-400:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--huge", type=int, default=4, help="palette PNGs of --side pixels")
    ap.add_argument("--side", type=int, default=13000)
    ap.add_argument("--big", type=int, default=3, help="palette PNGs of --big-side pixels")
    ap.add_argument("--big-side", type=int, default=10500)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--no-phone", action="store_true", help="leave out the 200 MP JPEG")
    ap.add_argument("--keep", type=Path, default=None, help="generate into (or reuse) DIR")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.folder, args.workers)
        return 0

    folder = args.keep or Path(tempfile.mkdtemp(prefix="coulisses-bench-huge-"))
    try:
        if not any(folder.glob("*.png")):
            print("generating the folder (not measured)…", flush=True)
            # In a child: the 200 MP JPEG is made from a 600 MB array.
            call = (f"generate(Path({str(folder)!r}), {args.huge}, {args.side}, {args.big}, "
                    f"{args.big_side}, {not args.no_phone})")
            code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                    f"from pathlib import Path; from bench_import_huge import generate; "
                    f"print('\\n'.join({call}))")
            held = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                  text=True).stdout.strip().splitlines()
        else:
            held = [f"{len(list(folder.iterdir()))} files reused from {folder}"]
        base = _run_child(None, args.workers)
        result = _run_child(folder, args.workers)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)

    print(f"command: python tests/bench/bench_import_huge.py --huge {args.huge} "
          f"--side {args.side} --big {args.big} --big-side {args.big_side} "
          f"--workers {args.workers}"
          + (" --no-phone" if args.no_phone else ""))
    for line in held:
        print(f"input: {line}")
    print(f"baseline (modules loaded, journal open): {base.get('peak_mb', 0):.0f} MB peak RSS")
    if "failed" in result:
        print(f"import: FAILED, {result['failed']}")
        return 1
    print(f"import: {result['seconds']:.1f} s, {result['peak_mb']:.0f} MB peak RSS "
          f"({args.workers} worker threads)")
    for name, what in result["outcomes"]:
        print(f"  {name}: {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
