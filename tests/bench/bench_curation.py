"""Curation benchmark on a 100,000-still piece: moment edits (the timeline's undoable
calls), hiding 10,000 stills, moving 1,000 stills to another piece and back.

The piece is built fast: hard links of one small JPEG into the journal's layout
(3,000 stills a day, one every 10 s), which is what a scan and a listing see.

Run: python tests/bench/bench_curation.py [--stills 100000] [--hide 10000] [--move 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from coulisses.journal import Journal, stills  # noqa: E402
from coulisses.timeline.editing import MomentEditor  # noqa: E402

PER_DAY = 3000


def build(journal: Journal, piece_id: str, n: int, start: datetime) -> list[str]:
    ok, buf = cv2.imencode(".jpg", np.full((8, 8, 3), 90, np.uint8))
    assert ok
    template = journal.home / "template.jpg"
    folder = journal.piece(piece_id).folder
    ids = []
    made: set[Path] = set()
    for i in range(n):
        day, k = divmod(i, PER_DAY)
        cid = stills.capture_id(start + timedelta(days=day, seconds=10 * k))
        path = stills.still_path(folder, cid)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        if i % 50_000 == 0:  # a file takes at most ~65,000 links (ext4)
            template = journal.home / f"template-{i}.jpg"
            template.write_bytes(buf.tobytes())
        os.link(template, path)
        ids.append(cid)
    return ids


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    s = time.perf_counter()
    out = fn()
    return (time.perf_counter() - s) * 1000, out


def median_ms(fn: Callable[[], object], runs: int = 15) -> float:
    return statistics.median(timed(fn)[0] for _ in range(runs))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stills", type=int, default=100_000)
    ap.add_argument("--hide", type=int, default=10_000)
    ap.add_argument("--move", type=int, default=1_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.open(Path(tmp) / "journal")
        big = journal.create_piece("Big piece").id
        other = journal.create_piece("Other piece").id
        start = datetime(2026, 1, 1, 8, tzinfo=UTC)
        ms, ids = timed(lambda: build(journal, big, args.stills, start))
        print(f"setup: {args.stills} stills hard-linked in {ms / 1000:.1f} s")

        ms, snap = timed(lambda: journal.snapshot(big))
        print(f"snapshot: {ms:.0f} ms (what an edit used to rescan: journal.captures "
              f"{median_ms(lambda: journal.captures(big), 3):.0f} ms)")

        editor = MomentEditor(journal, big, snapshot=snap)
        mid = ids[len(ids) // 2]
        m = editor.add("struggle", at=mid, caption="Effondré")
        editor.set_span(m.id, ids[len(ids) // 2 + 5])
        costs = {
            "add (at a still)": lambda: editor.delete(editor.add("note", at=mid).id),
            "add (at last)": lambda: editor.delete(editor.add("note").id),
            "recaption": lambda: editor.recaption(m.id, "Trop d'eau"),
            "change kind": lambda: editor.change_kind(m.id, "fix"),
            "move (a span)": lambda: editor.move(m.id, ids[len(ids) // 3]),
            "delete + restore": lambda: editor.restore(editor.delete(m.id).before),
            "set cover": lambda: journal.set_cover(big, mid),
            "set focus (a still)": lambda: journal.set_focus(big, (0.3, 0.4), mid),
        }
        for name, fn in costs.items():
            print(f"edit on a {args.stills}-still piece, {name}: median "
                  f"{median_ms(fn):.1f} ms")

        first = len(ids) // 4
        chunk = ids[first:first + args.hide]
        ms, change = timed(lambda: journal.hide_stills(big, chunk))
        print(f"hide {len(chunk)} consecutive stills: {ms:.0f} ms, stored as "
              f"{len(change.after.ranges)} range(s)")
        ms, _ = timed(lambda: journal.snapshot(big))
        print(f"snapshot with them hidden: {ms:.0f} ms")
        every_other = ids[first:first + args.hide:2]
        ms, _ = timed(lambda: journal.unhide_stills(big, change.ids))
        print(f"unhide them (undo): {ms:.0f} ms")
        ms, change = timed(lambda: journal.hide_stills(big, every_other))
        print(f"hide {len(every_other)} scattered stills (every other one): {ms:.0f} ms, "
              f"{len(change.after.ranges)} ranges")
        journal.unhide_stills(big, change.ids)

        moving = ids[first:first + args.move]
        for k in range(0, len(moving), 20):
            journal.add_moment(big, "note", at=moving[k], caption=f"m{k}")
        ms, result = timed(lambda: journal.move_stills(big, moving, other))
        print(f"move {len(moving)} stills (+{len(result.moments)} moments) to another "
              f"piece: {ms:.0f} ms")
        ms, back = timed(lambda: journal.move_back(result))
        print(f"move them back (undo): {ms:.0f} ms, ids restored: "
              f"{back.after == tuple(moving)}")


if __name__ == "__main__":
    main()
