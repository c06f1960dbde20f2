"""App start-up benchmark: from process start to the main window painted.

Two journals: an empty one, and one whose most recent piece holds 100,000
stills (built through ``Journal.add_still`` with fsync off for the setup, as
bench_journal does; 3,000 stills a day). Each launch is ``python -m coulisses``
with COULISSES_BENCH_STARTUP=1: the app prints ``startup-ms=<n>`` once the
window has painted and the event loop turned, then quits; COULISSES_BENCH_T0
is taken just before the process is started, so interpreter start-up and
imports count. The journal is named the way the desktop entry launches
(``coulisses`` with COULISSES_HOME) and, separately, with ``--home DIR`` (which
goes through the CLI's full parser first). One warm-up launch per journal is
discarded (disk cache); the launches alternate. CPU time (user + system) of
each launch is shown too: the wall time swings with other load on the machine.

Run: python tests/bench/bench_app_start.py [--stills 100000] [--runs 5] [--keep DIR]
(offscreen by default; under Xvfb pass --platform xcb). Target: < 1.5 s both.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_journal import PER_DAY, no_fsync, thumbnail, tiny_jpeg  # noqa: E402

from coulisses.journal import Journal  # noqa: E402

TARGET_MS = 1500


def build_big(home: Path, stills: int) -> None:
    """A journal whose most recent piece has ``stills`` stills (skipped if already built)."""
    marker = home / f".bench-{stills}"
    if marker.exists():
        return
    journal = Journal.open(home)
    journal.create_piece("Older piece")
    piece = journal.create_piece("Grand vase, 100k stills")
    data, thumb = tiny_jpeg(), thumbnail()
    start = datetime.now(UTC) - timedelta(days=stills // PER_DAY + 1)
    t0 = time.perf_counter()
    with no_fsync():
        for i in range(stills):
            day, k = divmod(i, PER_DAY)
            journal.add_still(piece.id, data, start + timedelta(days=day, seconds=10 * k),
                              thumbnail=thumb)
            if i and i % 10_000 == 0:
                print(f"  {i} stills ({time.perf_counter() - t0:.0f} s)", flush=True)
    marker.write_text("built\n")
    print(f"setup: {stills} stills in {time.perf_counter() - t0:.0f} s", flush=True)


def launch(home: Path, config: Path, platform: str, flag: bool) -> dict[str, float]:
    """startup-ms printed by the app, wall and CPU ms of the whole process."""
    env = {**os.environ, "COULISSES_BENCH_STARTUP": "1", "COULISSES_CONFIG": str(config),
           "QT_QPA_PLATFORM": platform}
    argv = [sys.executable, "-m", "coulisses"]
    if flag:
        argv += ["--home", str(home)]
        env.pop("COULISSES_HOME", None)
    else:
        env["COULISSES_HOME"] = str(home)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env["COULISSES_BENCH_T0"] = repr(time.time())
    t0 = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    found = re.search(r"startup-ms=(\d+)", done.stderr)
    if done.returncode != 0 or not found:
        raise SystemExit(f"launch failed ({done.returncode}):\n{done.stderr}")
    stages = re.search(r"startup-stages=(\S+)", done.stderr)
    shown_cpu = re.search(r"startup-cpu-ms=(\d+)", done.stderr)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return {"shown": float(found.group(1)), "wall": wall, "cpu": cpu,
            "shown_cpu": float(shown_cpu.group(1)) if shown_cpu else float("nan"),
            "stages": stages.group(1) if stages else ""}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stills", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build (or reuse) the journals in this folder")
    ap.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        empty, big, config = root / "empty", root / f"big-{args.stills}", Path(tmp) / "config"
        Journal.open(empty)
        build_big(big, args.stills)
        journals = {"empty journal": empty, f"{args.stills:,}-still piece": big}
        series = {(name, flag): (home, flag) for name, home in journals.items()
                  for flag in (False, True)}
        results: dict[tuple[str, bool], list[dict]] = {key: [] for key in series}
        for home in journals.values():
            launch(home, config, args.platform, False)  # warm-up, discarded
        for i in range(args.runs):
            order = list(series.items())
            for key, (home, flag) in order if i % 2 == 0 else reversed(order):
                results[key].append(launch(home, config, args.platform, flag))
        print(f"platform {args.platform}, Python {sys.version.split()[0]}, load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, {args.runs} launches each "
              "(median):")
        for (name, flag), runs in results.items():
            shown = statistics.median(r["shown"] for r in runs)
            wall = statistics.median(r["wall"] for r in runs)
            cpu = statistics.median(r["cpu"] for r in runs)
            shown_cpu = statistics.median(r["shown_cpu"] for r in runs)
            how = "--home DIR" if flag else "COULISSES_HOME"
            verdict = "ok" if shown < TARGET_MS else "OVER TARGET"
            median_run = min(runs, key=lambda r: abs(r["shown"] - shown))
            each = ", ".join(f"{r['shown']:.0f}" for r in runs)
            print(f"  {name:>20}, {how:>14}: window painted at {shown:.0f} ms "
                  f"(runs {each}), CPU {shown_cpu:.0f} ms until painted, {cpu:.0f} ms in all, "
                  f"process ended at {wall:.0f} ms; target < {TARGET_MS} ms: {verdict}")
            print(f"  {'':>37}stages (ms) of the median run: {median_run['stages']}")

if __name__ == "__main__":
    main()
