"""Suggestion benchmark (issue 23): recall and false suggestions on generated scenes.

Every scene of ``tests/bench/scenes.py`` is stored through ``Journal.add_still``
as capture stores stills (still JPEG at the scene's quality, thumbnail, the
signature the journal stores with them), then the piece's suggestions are
found as the window finds them (``find_suggestions`` on a fresh snapshot).

Per scene and in all it prints:
- recall: lasting changes with a suggestion within ±2 stills of them;
- false suggestions (any suggestion not within ±2 stills of a lasting change)
  and false suggestions per hour of capture, and per 8 hours at a 10 s interval;
- camera moves the finder reported (never suggestions).

The journals take minutes to draw; ``--keep DIR`` keeps them, and a later run
with the same DIR only searches again. ``--world N`` draws the same matrix of
scenes from other seeds: scenes the finder was not tuned on; ``--world 0-9``
searches ten worlds in one run and prints their totals, the lowest recall in
one world and the most false suggestions at 10 s in one world.

The real photo sets in tests/fixtures/ are searched too when they carry ground
truth (a ``truth.json`` beside the piece: {"piece id": [still indices]}).

Run: python tests/bench/bench_suggestions.py [--world 0|0-9] [--keep DIR] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coulisses.journal import Journal  # noqa: E402
from coulisses.journal.codec import encode_jpeg, make_thumbnail  # noqa: E402
from coulisses.timeline import suggestions as sugmod  # noqa: E402
from coulisses.timeline.suggestions import clear_memo, find_suggestions  # noqa: E402
from tests.bench.scenes import Scene, Spec, specs  # noqa: E402

T0 = datetime(2026, 10, 5, 7, 0, tzinfo=UTC)
TOLERANCE = 2  # stills either side of a lasting change
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def build(journal: Journal, spec: Spec) -> tuple[str, Scene]:
    """The scene's piece in ``journal`` (made once: a kept journal is reused)."""
    scene = Scene(spec)
    for piece in journal.pieces():
        if piece.name == spec.name and len(journal.snapshot(piece.id).captures) == spec.stills:
            return piece.id, scene
        if piece.name == spec.name:
            raise SystemExit(f"{spec.name}: a run was cut short in {journal.home}; delete it")
    piece = journal.create_piece(spec.name)
    if scene.focus is not None:
        journal.set_focus(piece.id, scene.focus)
    real_fsync = os.fsync
    os.fsync = lambda fd: None  # drawing the bench, not what is measured
    try:
        for i, frame in enumerate(scene.frames()):
            journal.add_still(piece.id, encode_jpeg(frame, scene.quality),
                              T0 + timedelta(seconds=spec.interval * i),
                              thumbnail=make_thumbnail(frame))
    finally:
        os.fsync = real_fsync
    return piece.id, scene


def score(indices: list[int], truth: list[int]) -> tuple[int, int]:
    """(lasting changes found, false suggestions)."""
    found = sum(1 for t in truth if any(abs(i - t) <= TOLERANCE for i in indices))
    false = sum(1 for i in indices if all(abs(i - t) > TOLERANCE for t in truth))
    return found, false


def camera_moves(snap) -> list[int]:
    """Stills where the finder saw the camera move, when it says (the bench reports them)."""
    moved = getattr(sugmod, "camera_moves", None)
    if moved is None:
        return []
    return [i for i in (snap.index_of(c) for c in moved(snap)) if i is not None]


def worlds(text: str) -> list[int]:
    """``3`` or ``0-9``: the worlds to draw."""
    lo, _, hi = text.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--world", type=worlds, default=[0], metavar="N|A-B",
                    help="the world (or worlds: 0-9) of scenes to draw")
    ap.add_argument("--keep", metavar="DIR", help="keep the journals here (and reuse them)")
    ap.add_argument("--only", nargs="*", help="scene names (or parts of them)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-sugg-"))
    rows: list[dict] = []
    try:
        for world in args.world:
            if len(args.world) > 1:
                print(f"== world {world}")
            mine = search_world(root, world, args.only)
            print(summary("ALL", mine), flush=True)
            rows += mine
        if len(args.world) > 1:
            print(summary(f"WORLDS {args.world[0]}-{args.world[-1]}", rows))
            per = [[r for r in rows if r["world"] == w] for w in args.world]
            recalls = [sum(r["hits"] for r in p) / max(1, sum(len(r["truth"]) for r in p))
                       for p in per]
            print(f"  lowest recall in one world {100 * min(recalls):.1f} %; "
                  f"most false at 10 s in one world {max(_per8h(p) for p in per):.2f} per 8 h")
        fixture_sets(root)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1))
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def search_world(root: Path, world: int, only: list[str] | None) -> list[dict]:
    """Draw (or reuse) one world's scenes, find their suggestions, print a row each."""
    journal = Journal.open(root / f"world-{world}")
    chosen = [s for s in specs(world) if not only or any(o in s.name for o in only)]
    print(f"{'scene':<30} {'every':>5} {'stills':>6} {'hours':>5} {'changes':>7} "
          f"{'found':>5} {'false':>5} {'false/h':>7} {'moved':>9} {'CPU s':>6}")
    rows = []
    for spec in chosen:
        t0 = time.perf_counter()
        pid, scene = build(journal, spec)
        made = time.perf_counter() - t0
        snap = journal.snapshot(pid)
        clear_memo()
        c0 = time.process_time()
        found = find_suggestions(snap, use_cache=True)
        cpu = time.process_time() - c0
        indices = sorted(i for i in (snap.index_of(s.capture) for s in found) if i is not None)
        hit, false = score(indices, scene.truth)
        moved = camera_moves(snap)
        moved_ok = sum(1 for n in scene.nudges if any(abs(m - n) <= TOLERANCE for m in moved))
        rows.append({"world": world, "scene": spec.name, "interval": spec.interval,
                     "stills": spec.stills, "hours": spec.hours, "truth": scene.truth,
                     "found": indices, "hits": hit, "false": false, "nudges": scene.nudges,
                     "moved": moved, "cpu": cpu})
        print(f"{spec.name:<30} {spec.interval:>5g} {spec.stills:>6} {spec.hours:>5.1f} "
              f"{len(scene.truth):>7} {hit:>5} {false:>5} {false / spec.hours:>7.2f} "
              f"{moved_ok:>4}/{len(scene.nudges):<4} {cpu:>6.2f}"
              + (f"   (drawn in {made:.0f} s)" if made > 5 else ""), flush=True)
        if hit < len(scene.truth) or false:
            print(f"{'':<30}   truth {scene.truth}  suggested {indices}", flush=True)
    return rows


def _per8h(rows: list[dict]) -> float:
    """False suggestions per 8 hours of capture at a 10 s interval."""
    at10 = [r for r in rows if r["interval"] == 10]
    return 8 * sum(r["false"] for r in at10) / max(sum(r["hours"] for r in at10), 1e-9)


def summary(label: str, rows: list[dict]) -> str:
    changes = sum(len(r["truth"]) for r in rows)
    hits = sum(r["hits"] for r in rows)
    false = sum(r["false"] for r in rows)
    hours = sum(r["hours"] for r in rows)
    at10 = [r for r in rows if r["interval"] == 10]
    return (f"{label}: recall {hits}/{changes} = {100 * hits / max(changes, 1):.1f} %, "
            f"{false} false in {hours:.1f} h = {false / max(hours, 1e-9):.2f} per hour; "
            f"at 10 s: {sum(r['false'] for r in at10)} false in "
            f"{sum(r['hours'] for r in at10):.1f} h = {_per8h(rows):.2f} per 8 h; "
            f"CPU {sum(r['cpu'] for r in rows):.1f} s")


def fixture_sets(root: Path) -> None:
    """The real photo sets in tests/fixtures/: scored when they say where the changes are."""
    for home in sorted(p for p in FIXTURES.iterdir() if (p / "pieces").is_dir()):
        copy = root / f"fixture-{home.name}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(home, copy)  # a journal may migrate on open: never the fixture
        journal = Journal.open(copy)
        truth_file = home / "truth.json"
        truth = json.loads(truth_file.read_text()) if truth_file.exists() else None
        for piece in journal.pieces():
            snap = journal.snapshot(piece.id)
            found = find_suggestions(snap, use_cache=False)
            if truth is None or piece.id not in truth:
                print(f"fixture {home.name}/{piece.id}: {len(snap.captures)} stills, "
                      f"{len(found)} suggestions (no ground truth: not scored)")
                continue
            indices = [snap.index_of(s.capture) for s in found]
            hit, false = score([i for i in indices if i is not None], truth[piece.id])
            print(f"fixture {home.name}/{piece.id}: {hit}/{len(truth[piece.id])} found, "
                  f"{false} false")


if __name__ == "__main__":
    main()
