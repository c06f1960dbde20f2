"""Benchmark: the bench companion window while it records, for issue 10's targets.

    python tests/bench/bench_window.py [--latency-seconds 30] [--hidden-seconds 60]
                                       [--stills 2000] [--only latency|hidden|memory]

0. (--only import) photos/s of an import dropped on the window vs `coulisses import`.
1. GUI event-loop latency while capturing 1 still/s from a 1080p video file with
   the live preview on and the window shown: a 5 ms timer records how late each
   tick comes; p50/p99/max lateness (target p99 < 30 ms).
2. CPU of the whole app while recording 1 still / 5 s with the window hidden
   (tray use): process CPU time over the run / wall time (target < 5 % of a core).
3. Memory: RSS after 200 and after N stills (default 2,000) recorded at 0.1 s
   with the window shown and the preview on (target: flat within 10 MB).

Runs offscreen (QT_QPA_PLATFORM=offscreen) in a fresh journal and config folder.
A video file plays in real time, as a live camera does.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from coulisses.capture.synthetic import Scene, write_video  # noqa: E402
from coulisses.journal import Journal  # noqa: E402
from coulisses.preferences import Preferences  # noqa: E402


def _window(home: Path, video: Path, interval: float, keep_idle: bool = True):
    from coulisses.ui.main_window import MainWindow

    journal = Journal.open(home)
    piece = journal.create_piece("Banc")
    window = MainWindow(journal, Preferences(default_source=str(video), interval=interval),
                        tray=False)
    window.show()
    app = QApplication.instance()
    deadline = time.monotonic() + 10
    while window.pieces.current_piece_id != piece.id and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.capture_panel.set_source(str(video))
    window.capture_panel.interval.setValue(interval)
    window.capture_panel.skip_idle.setChecked(not keep_idle)
    window.capture_panel.preview_on.setChecked(True)
    return window, journal, piece


def _run_for(seconds: float, until=None) -> None:
    app = QApplication.instance()
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (until and until()):
        app.processEvents()
        time.sleep(0.002)


def latency(tmp: Path, seconds: float) -> None:
    video = write_video(tmp / "hd.mp4", Scene(width=1920, height=1080, seconds=seconds + 20,
                                              noise=4.0), fps=10.0, noise_fields=3)
    window, _journal, _piece = _window(tmp / "j-latency", video, 1.0)
    window.start_capture()
    _run_for(5, lambda: window.capture.state is not None and window.capture.state.kept >= 2)
    late: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    period_ms = 5.0

    def tick() -> None:
        now = clock.nsecsElapsed()
        late.append(max(0.0, (now - last[0]) / 1e6 - period_ms))
        last[0] = now

    timer = QTimer()
    timer.setInterval(int(period_ms))
    timer.timeout.connect(tick)
    timer.start()
    frames = []
    window.capture.preview_image.connect(lambda _img: frames.append(time.monotonic()))
    app = QApplication.instance()
    timer_end = time.monotonic() + seconds
    kept0 = window.capture.state.kept
    while time.monotonic() < timer_end:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    kept = window.capture.state.kept - kept0
    window.capture.shutdown()
    late.sort()
    p = lambda q: late[min(len(late) - 1, int(q * len(late)))]  # noqa: E731
    fps = len(frames) / seconds
    print(f"latency: {len(late)} ticks over {seconds:.0f} s while capturing 1080p at 1 still/s "
          f"({kept} stills), preview {fps:.1f} fps: lateness p50 {p(0.5):.1f} ms, "
          f"p99 {p(0.99):.1f} ms, max {late[-1]:.1f} ms (target p99 < 30 ms)")
    window.close()


def hidden_cpu(tmp: Path, seconds: float) -> None:
    video = write_video(tmp / "sd.mp4", Scene(width=1280, height=720, seconds=seconds + 30,
                                              noise=4.0), fps=10.0, noise_fields=3)
    window, _journal, _piece = _window(tmp / "j-hidden", video, 5.0)
    window.start_capture()
    _run_for(8, lambda: window.capture.state is not None and window.capture.state.kept >= 1)
    window.hide()
    proc = psutil.Process()
    _run_for(2)
    cpu0 = sum(proc.cpu_times()[:2])
    t0 = time.monotonic()
    _run_for(seconds)
    cpu = sum(proc.cpu_times()[:2]) - cpu0
    wall = time.monotonic() - t0
    kept = window.capture.state.kept
    window.capture.shutdown()
    print(f"hidden: {cpu:.2f} s CPU over {wall:.0f} s recording 1 still / 5 s with the window "
          f"hidden = {100 * cpu / wall:.1f} % of a core ({kept} stills; target < 5 %)")
    window.close()


def memory(tmp: Path, stills: int) -> None:
    # Long enough that a loaded machine missing ticks does not reach the end first.
    seconds = stills * 0.4 + 60
    video = write_video(tmp / "mem.mp4", Scene(width=320, height=240, seconds=seconds,
                                               noise=4.0), fps=5.0, noise_fields=3)
    window, _journal, _piece = _window(tmp / "j-memory", video, 0.1)
    window.start_capture()
    proc = psutil.Process()
    samples: dict[int, float] = {}
    marks = sorted({200, stills // 2, stills})
    app = QApplication.instance()
    deadline = time.monotonic() + seconds + 60
    while time.monotonic() < deadline and marks:
        app.processEvents()
        time.sleep(0.005)
        state = window.capture.state
        if state is not None and state.kept >= marks[0]:
            samples[marks.pop(0)] = proc.memory_info().rss / 2**20
        if state is not None and not window.capture.recording:
            break
    window.capture.shutdown()
    parts = ", ".join(f"{n} stills {mb:.1f} MB" for n, mb in samples.items())
    if 200 in samples and stills in samples:
        print(f"memory (window shown, preview on): {parts}; growth 200 -> {stills}: "
              f"{samples[stills] - samples[200]:+.1f} MB (target within 10 MB)")
    else:
        state = window.capture.state
        print(f"memory: incomplete run: {parts}; capture ended: {state.status} "
              f"{state.finished} {state.error or state.message}")
    window.close()


def import_speed(tmp: Path, photos: int) -> None:
    """Photos/s dropped on the window (work pool, progress, strip refresh) vs the CLI."""
    import subprocess

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_import import generate  # the import bench's 12-MP phone photos

    folder = tmp / "dcim"
    folder.mkdir()
    generate(folder, photos)
    journal = Journal.open(tmp / "j-import")
    piece = journal.create_piece("Import")
    from coulisses.ui.main_window import MainWindow

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.show()
    app = QApplication.instance()
    _run_for(5, lambda: window.pieces.current_piece_id == piece.id)
    done: list[object] = []
    window.importer.finished.connect(done.append)
    t0 = time.perf_counter()
    window.import_paths([str(folder)])
    _run_for(3600, lambda: bool(done))
    window_s = time.perf_counter() - t0
    app.processEvents()
    window.close()
    cli = Path(sys.executable).parent / "coulisses"
    t0 = time.perf_counter()
    subprocess.run([str(cli), "--home", str(tmp / "j-cli"), "piece", "new", "Import"],
                   check=True, capture_output=True)
    subprocess.run([str(cli), "--home", str(tmp / "j-cli"), "import", "import", str(folder)],
                   check=True, capture_output=True)
    cli_s = time.perf_counter() - t0
    print(f"import of {photos} 12-MP photos: window {photos / window_s:.1f} photos/s "
          f"({window_s:.1f} s), CLI {photos / cli_s:.1f} photos/s ({cli_s:.1f} s, "
          f"process start included): window/CLI time {window_s / cli_s:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency-seconds", type=float, default=30.0)
    parser.add_argument("--hidden-seconds", type=float, default=60.0)
    parser.add_argument("--stills", type=int, default=2000)
    parser.add_argument("--photos", type=int, default=60)
    parser.add_argument("--only", choices=("latency", "hidden", "memory", "import"))
    args = parser.parse_args()
    QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as d:
        os.environ["COULISSES_CONFIG"] = str(Path(d) / "config")
        tmp = Path(d)
        if args.only in (None, "latency"):
            latency(tmp, args.latency_seconds)
        if args.only in (None, "hidden"):
            hidden_cpu(tmp, args.hidden_seconds)
        if args.only in (None, "memory"):
            memory(tmp, args.stills)
        if args.only in (None, "import"):
            import_speed(tmp, args.photos)
    return 0


if __name__ == "__main__":
    sys.exit(main())
