"""Benchmark: the timeline strip over a 100,000-still piece (issue 11's targets).

    python tests/bench/bench_strip.py [--stills 100000]

Builds the piece fast (hard links of a few small JPEGs and thumbnails into the
journal's own layout, as `journal.stills` names them), then, offscreen:
- snapshot load, and the layout of the strip cells (numpy; done off the GUI thread);
- first paint: the GUI-thread cost of showing the loaded timeline and painting
  the strip (target < 100 ms);
- scroll to the end and paint (target < 50 ms);
- one new still arriving while capturing: the GUI-thread cost of swapping in
  the reloaded timeline and repainting (target < 5 ms);
- RSS after scrolling end to end and back (target < 400 MB, no growth);
- for comparison, a QListView with uniform item sizes over the same rows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import psutil  # noqa: E402
from PySide6.QtCore import QStringListModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QListView  # noqa: E402

from coulisses.journal import Journal  # noqa: E402
from coulisses.journal.codec import encode_still  # noqa: E402
from coulisses.journal.stills import capture_id, still_path, thumb_path  # noqa: E402
from coulisses.timeline.build import build_timeline  # noqa: E402
from coulisses.ui.timeline.strip_layout import Zoom, build_layout  # noqa: E402
from coulisses.ui.timeline.strip_view import StripView  # noqa: E402


def build_piece(home: Path, n: int) -> str:
    journal = Journal.open(home)
    piece = journal.create_piece("Cent mille")
    sources = []
    for k in range(8):
        frame = np.full((120, 160, 3), 60 + 20 * k, np.uint8)
        frame[:, 20 * k:20 * k + 20] = 20
        jpeg, thumb = encode_still(frame)
        a, b = home / f"s{k}.jpg", home / f"t{k}.jpg"
        a.write_bytes(jpeg)
        b.write_bytes(thumb)
        sources.append((a, b))
    t = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    made: set[Path] = set()
    for i in range(n):
        # 14 days of 8-hour sessions at 5 s a still
        day, k = divmod(i, 5760)
        when = t + timedelta(days=day, seconds=5 * k)
        cid = capture_id(when)
        s, th = sources[i % len(sources)]
        p, q = still_path(piece.folder, cid), thumb_path(piece.folder, cid)
        for folder in (p.parent, q.parent):
            if folder not in made:
                folder.mkdir(parents=True, exist_ok=True)
                made.add(folder)
        os.link(s, p)
        os.link(th, q)
    return piece.id


def ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stills", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    proc = psutil.Process()
    with tempfile.TemporaryDirectory() as d:
        home = Path(d) / "journal"
        t0 = time.perf_counter()
        piece_id = build_piece(home, args.stills)
        print(f"built {args.stills:,} stills in {ms(t0) / 1000:.1f} s")
        journal = Journal.open(home)
        t0 = time.perf_counter()
        snap = journal.snapshot(piece_id)
        snap_ms = ms(t0)
        t0 = time.perf_counter()
        timeline = build_timeline(snap, suggestions=False)
        lay = build_layout(timeline, Zoom.EVERY)
        layout_ms = ms(t0)
        print(f"snapshot {snap_ms:.0f} ms (target < 500); sessions + strip layout "
              f"{layout_ms:.0f} ms ({len(lay):,} cells) — both on the loader thread")

        strip = StripView()
        strip.resize(1200, strip.height())
        strip.show()
        app.processEvents()
        t0 = time.perf_counter()
        strip.set_timeline(timeline, keep_position=False, layout=lay)
        strip.viewport().repaint()
        print(f"first paint (GUI thread): {ms(t0):.1f} ms (target < 100)")
        app.processEvents()
        strip.horizontalScrollBar().setValue(0)
        strip.viewport().repaint()
        t0 = time.perf_counter()
        strip.scroll_to_end()
        strip.viewport().repaint()
        print(f"scroll to the end + paint: {ms(t0):.1f} ms (target < 50)")

        # One new still: the loader thread rebuilds; the GUI swaps and repaints.
        snap2 = journal.snapshot(piece_id)
        timeline2 = build_timeline(snap2, suggestions=False)
        lay2 = build_layout(timeline2, Zoom.EVERY)
        t0 = time.perf_counter()
        strip.set_timeline(timeline2, layout=lay2)
        strip.viewport().repaint()
        print(f"a new still while capturing (GUI thread): {ms(t0):.1f} ms (target < 5)")

        # Scroll end to end and back, letting thumbnails load, and watch memory.
        rss = []
        bar = strip.horizontalScrollBar()
        for sweep in range(2):
            for v in np.linspace(0 if sweep == 0 else bar.maximum(),
                                 bar.maximum() if sweep == 0 else 0, 60):
                bar.setValue(int(v))
                deadline = time.monotonic() + 0.05
                while time.monotonic() < deadline:
                    app.processEvents()
            rss.append(proc.memory_info().rss / 2**20)
        print(f"RSS after sweeps end to end and back: {', '.join(f'{r:.0f}' for r in rss)} MB "
              f"(target < 400 MB, flat); thumbnails cached: {len(strip.thumbs)}")

        rows = [c.id for c in snap.captures]
        view = QListView()
        view.setUniformItemSizes(True)
        view.setFlow(QListView.Flow.LeftToRight)
        view.resize(1200, 160)
        view.show()
        t0 = time.perf_counter()
        model = QStringListModel(rows)
        view.setModel(model)
        app.processEvents()
        view.repaint()
        list_ms = ms(t0)
        t0 = time.perf_counter()
        model.insertRows(model.rowCount(), 1)
        app.processEvents()
        view.repaint()
        print(f"for comparison, QListView (uniform sizes): first layout {list_ms:.0f} ms, "
              f"one appended row {ms(t0):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
