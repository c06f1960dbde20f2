"""Carousel benchmark: 10 images at 1080x1350 from a piece's stills, captions burnt in.

A piece of 40 stills (phone photos, 4032x3024 by default, or webcam stills
with --size 1920x1080) with 8 captioned moments and a result: the carousel
is the finished piece, 7 moments, the result and the effort card (10
images). Times the drawing and encoding (``render_slides`` + JPEG), and a
whole carousel-only export (plan, files, fsync, post text, history).

Run: python tests/bench/bench_carousel.py [--size 4032x3024] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from coulisses.export import ExportOptions, export_with_options  # noqa: E402
from coulisses.export.carousel import render_slides  # noqa: E402
from coulisses.export.frame_files import encode_jpeg  # noqa: E402
from coulisses.export.options import CAROUSEL_ONLY, plan_for_options  # noqa: E402
from coulisses.journal import Journal  # noqa: E402

KINDS = ["struggle", "fix", "milestone", "struggle", "fix", "struggle", "milestone", "fix"]


def still(i: int, w: int, h: int) -> bytes:
    rng = np.random.default_rng(i)
    img = rng.integers(60, 200, (h // 8, w // 8, 3), np.uint8)
    img = cv2.resize(img, (w, h), interpolation=cv2.INTER_CUBIC)  # textured, like clay
    cv2.circle(img, (w // 2, h // 2), h // 4, (240, 240, 240), -1)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    return buf.tobytes()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="4032x3024")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.open(Path(tmp) / "journal")
        piece = journal.create_piece("Vase bleu")
        t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
        for i in range(40):
            journal.add_still(piece.id, still(i, w, h), t0 + timedelta(minutes=i))
        caps, _ = journal.captures(piece.id)
        for i, kind in enumerate(KINDS):
            journal.add_moment(piece.id, kind, at=caps[3 + 4 * i].id,
                               caption=f"Étape {i} : trop d'eau, le col s'effondre 💔")
        journal.add_moment(piece.id, "result", at=caps[-1].id, caption="Le vase bleu, fini.")
        snap = journal.snapshot(piece.id)
        options = ExportOptions(outputs=CAROUSEL_ONLY)
        plan = plan_for_options(snap, options)
        draw, whole = [], []
        for k in range(args.repeat):
            start = time.perf_counter()
            images = [encode_jpeg(img) for _, img, _ in render_slides(plan)]
            draw.append(time.perf_counter() - start)
            assert len(images) == 10, len(images)
            start = time.perf_counter()
            result = export_with_options(snap, Path(tmp) / f"out{k}", options)
            whole.append(time.perf_counter() - start)
            assert len(list((result.folder / "carousel").glob("*.jpg"))) == 10
        print(f"stills {w}x{h}: 10 carousel images drawn and encoded in "
              f"{min(draw):.2f} s (best of {args.repeat}); whole carousel-only export "
              f"{min(whole):.2f} s; {sum(len(i) for i in images) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
