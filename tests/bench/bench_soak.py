"""Soak benchmark (issue 22): the window open for a week of stills, memory and work per still.

    python tests/bench/bench_soak.py [--tab timeline|bench|tray] [--stills 60000]
                                     [--batch 20] [--every 10] [--poll-ms 1000]
                                     [--json soak.json] [--home DIR]

The window runs in this process (QT_QPA_PLATFORM=offscreen, a fresh journal and
config folder, preview off); a second process (this script with ``--feed``)
adds stills to one piece through ``Journal.add_still``, as ``coulisses
capture`` does: real small JPEGs with their thumbnails, timed ``--every``
seconds apart (10 s: 60,000 stills are a week, one day folder per day).

Back-pressure: the feeder writes ``--batch`` stills, then waits until the
window has taken them in before writing more, so the run goes as fast as the
window keeps up and never measures a backlog. "Taken in" is what the maker
would see: the strip's newest still (``timeline``), the pieces list's count and
newest still (``bench``), the window's poll having seen the newest still (the
added-stills log's size) while the window is hidden, as in the tray (``tray``).

Every 1,000 stills it samples this process's RSS and VmHWM (``/proc``, not
``ru_maxrss``: see memory.py), its CPU time (all threads: the GUI thread, the
timeline and thumbnail pools) and the GUI thread's own CPU time, and prints a
row; the JSON holds the same series. Targets: RSS growth after the first 1,000
stills at most 20 MB over the run, CPU per still in the last thousand within
2x of the first thousand's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

FRAMES = 48  # distinct pre-encoded frames the feeder cycles through


# ------------------------------------------------------------------- feeder
def feed(home: Path, piece_id: str, every: float, start: float) -> int:
    """The second process: on "N" from stdin, add stills up to N, then print "N <id> <log>"
    (the newest still's id and the size of the piece's added-stills log)."""
    import numpy as np

    from coulisses.journal import Journal
    from coulisses.journal import layout as journal_layout
    from coulisses.journal.codec import encode_still

    journal = Journal.open(home)
    rng = np.random.default_rng(7)
    frames = []
    for k in range(FRAMES):  # a bench with a hand moving over it, some sensor noise
        frame = np.full((240, 320, 3), (150, 140, 120), np.uint8)
        frame[80:200, 110:210] = (60, 90, 160)  # the piece
        x = (k * 23) % 290
        frame[150:240, x:x + 30] = (120, 160, 200)  # a hand
        frame = np.clip(frame + rng.normal(0, 4, frame.shape), 0, 255).astype(np.uint8)
        frames.append(encode_still(frame))
    t0 = datetime.fromtimestamp(start, UTC)
    done = 0
    for line in sys.stdin:
        word = line.strip()
        if word == "q" or not word:
            break
        target = int(word)
        last = ""
        while done < target:
            jpeg, thumb = frames[done % FRAMES]
            cap = journal.add_still(piece_id, jpeg, t0 + timedelta(seconds=done * every),
                                    thumbnail=thumb)
            last = cap.id if cap is not None else last
            done += 1
        log = journal_layout.added_log(journal.piece_folder(piece_id)).stat().st_size
        print(f"{done} {last} {log}", flush=True)
    return 0


# ------------------------------------------------------------------- window
def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def soak(args: argparse.Namespace) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import subprocess

    from coulisses.heap import one_arena

    if not args.arenas:
        one_arena()  # as run_app does, before Qt starts its threads

    import psutil
    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    from coulisses.journal import Journal
    from coulisses.preferences import Preferences
    from coulisses.ui import bridges

    tmp = Path(tempfile.mkdtemp(prefix="coulisses-soak-"))
    home = Path(args.home) if args.home else tmp / "journal"
    os.environ["COULISSES_CONFIG"] = str(tmp / "config")
    bridges.POLL_MS = args.poll_ms
    app = QApplication.instance() or QApplication([])
    from coulisses.ui.main_window import MainWindow

    journal = Journal.open(home)
    piece = journal.create_piece("Soak")
    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.capture_panel.preview_on.setChecked(False)  # the preview is not under test
    window.show()
    deadline = time.monotonic() + 30
    while window.pieces.current_piece_id != piece.id and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if args.tab == "timeline":
        window.show_page(window.timeline)
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    if args.tab == "tray":
        window.hide()  # what "keep recording in the tray" does

    start = time.time() - args.stills * args.every  # the last still is about now
    feeder = subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), "--feed", str(home), piece.id,
         "--every", str(args.every), "--start", repr(start)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    assert feeder.stdout is not None and feeder.stdin is not None
    proc = psutil.Process()
    state = {"asked": 0, "written": 0, "last": "", "log": 0, "buffer": ""}
    rows: list[dict] = []
    clock = {"t": time.monotonic(), "cpu": sum(proc.cpu_times()[:2]),
             "gui": time.thread_time()}

    def seen() -> bool:
        """Whether the window has taken in the newest still written."""
        last = state["last"]
        if args.tab == "timeline":
            tl = window.timeline.timeline
            caps = tl.snapshot.captures if tl is not None else ()
            return bool(caps) and caps[-1].id == last
        if args.tab == "bench":
            s = window.pieces.current_summary()
            return s is not None and s.latest is not None and s.latest.id == last
        # The poll's view of the piece holds the log's size (change_token's and the stamp).
        token = window.bridge._tokens.get(piece.id)
        return token is not None and state["log"] in token

    traced: list = []

    def sample(n: int) -> None:
        if args.trace:  # what Python allocated since the first sample, biggest first
            import tracemalloc

            snap = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__)])
            if traced:
                for stat in snap.compare_to(traced[0], "lineno")[:args.trace]:
                    print(f"    {stat}")
            else:
                traced.append(snap)
        now, cpu, gui = time.monotonic(), sum(proc.cpu_times()[:2]), time.thread_time()
        done = n - (rows[-1]["stills"] if rows else 0)
        row = {"stills": n, "rss_mb": round(proc.memory_info().rss / 2**20, 1),
               "hwm_mb": round(_status_kb("VmHWM") / 1024, 1),
               "cpu_ms_per_still": round(1000 * (cpu - clock["cpu"]) / done, 3),
               "gui_ms_per_still": round(1000 * (gui - clock["gui"]) / done, 3),
               "wall_s": round(now - clock["t"], 1)}
        clock.update(t=now, cpu=cpu, gui=gui)
        rows.append(row)
        print(f"{n:>7} stills  RSS {row['rss_mb']:7.1f} MB  HWM {row['hwm_mb']:7.1f} MB  "
              f"CPU {row['cpu_ms_per_still']:7.3f} ms/still  GUI thread "
              f"{row['gui_ms_per_still']:7.3f} ms/still  {row['wall_s']:6.1f} s", flush=True)

    def ask_more() -> None:
        if state["asked"] >= args.stills:
            app.quit()
            return
        state["asked"] = min(args.stills, state["asked"] + args.batch)
        feeder.stdin.write(f"{state['asked']}\n")
        feeder.stdin.flush()

    def check() -> None:
        if state["written"] != state["asked"] or not state["last"] or not seen():
            return
        n = state["written"]
        if n // 1000 > (rows[-1]["stills"] // 1000 if rows else 0):
            sample(n)
        state["last"] = ""  # taken in: wait for the next batch
        ask_more()

    def read_feeder() -> None:
        data = os.read(feeder.stdout.fileno(), 4096).decode()
        if not data:
            notifier.setEnabled(False)
            app.quit()
            return
        state["buffer"] += data
        *lines, state["buffer"] = state["buffer"].split("\n")
        for line in lines:
            count, last, log = line.split(" ")
            state["written"], state["last"], state["log"] = int(count), last, int(log)
        check()

    notifier = QSocketNotifier(feeder.stdout.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(read_feeder)
    window.timeline.loaded.connect(check)
    window.pieces.loaded.connect(check)
    window.bridge.changed.connect(lambda *_a: check())
    fallback = QTimer()
    fallback.setInterval(100)  # a signal that came before the feeder's line
    fallback.timeout.connect(check)
    fallback.start()
    if args.trace:
        import tracemalloc

        tracemalloc.start(8)
    t_start = time.monotonic()
    ask_more()
    app.exec()
    total = time.monotonic() - t_start
    feeder.stdin.write("q\n")
    feeder.stdin.close()
    feeder.wait(30)
    window.capture.shutdown()
    window._quitting = True
    window.close()

    result: dict = {"tab": args.tab, "stills": args.stills, "batch": args.batch,
                    "every": args.every, "poll_ms": args.poll_ms,
                    "wall_s": round(total, 1), "rows": rows}
    if len(rows) >= 2:
        growth = rows[-1]["rss_mb"] - rows[0]["rss_mb"]
        last = rows[-1]["cpu_ms_per_still"]
        ratio = last / max(rows[0]["cpu_ms_per_still"], 1e-6)
        second = last / max(rows[1]["cpu_ms_per_still"], 1e-6)
        gui = rows[-1]["gui_ms_per_still"] / max(rows[0]["gui_ms_per_still"], 1e-6)
        result.update(rss_growth_mb=round(growth, 1), cpu_last_over_first=round(ratio, 2),
                      cpu_last_over_second=round(second, 2),
                      gui_last_over_first=round(gui, 2))
        print(f"{args.tab}: {rows[-1]['stills']} stills in {total:.0f} s; RSS "
              f"{rows[0]['rss_mb']:.1f} -> {rows[-1]['rss_mb']:.1f} MB after the first 1,000 "
              f"({growth:+.1f} MB, target <= 20 MB); CPU per still, last thousand over the "
              f"first {ratio:.2f}x (target <= 2x; over the second {second:.2f}x), GUI thread "
              f"{gui:.2f}x")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tab", choices=("timeline", "bench", "tray"), default="timeline")
    parser.add_argument("--stills", type=int, default=60_000)
    parser.add_argument("--batch", type=int, default=20,
                        help="stills written before waiting for the window (default 20)")
    parser.add_argument("--every", type=float, default=10.0,
                        help="seconds between the stills' times (default 10)")
    parser.add_argument("--poll-ms", type=int, default=1000,
                        help="the window's poll of other processes' work (the app's: 1000)")
    parser.add_argument("--json", help="write the series here")
    parser.add_argument("--home", help="journal folder (default: a fresh temporary one)")
    parser.add_argument("--arenas", action="store_true",
                        help="leave glibc's arenas one per thread (the window limits them)")
    parser.add_argument("--trace", type=int, default=0, metavar="N",
                        help="print the N lines whose Python allocations grew most")
    parser.add_argument("--feed", nargs=2, metavar=("HOME", "PIECE"), help=argparse.SUPPRESS)
    parser.add_argument("--start", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.feed:
        return feed(Path(args.feed[0]), args.feed[1], args.every, args.start)
    result = soak(args)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
