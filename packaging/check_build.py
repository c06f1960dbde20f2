"""Check a PyInstaller build of Coulisses the way a maker would use it, and print its figures.

    python packaging/check_build.py /tmp/coulisses-dist/coulisses [--runs 5]

In a fresh journal folder it runs the built `coulisses demo` (seeds, fonts, every
stage of an export, Content Credentials), then the commands that load what the demo
does not (OpenCV reading a video, the photo importer, c2pa verifying), opens the built
window offscreen until it has painted (COULISSES_BENCH_STARTUP=1, see ui/app.py) and
reports the folder size and the start-up times. Nothing here imports Coulisses or Qt:
only the built programs run, with a clean environment, so the checkout cannot stand
in for them.
Exit status 1 with one line saying what failed.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLATFORM_PLUGINS = ("offscreen", "xcb", "wayland")  # Linux: a desktop needs xcb or wayland
STARTUP = re.compile(r"^startup-ms=(\d+)$", re.MULTILINE)


class CheckFailed(Exception):
    pass


def program(dist: Path, name: str) -> Path:
    return dist / (f"{name}.exe" if sys.platform == "win32" else name)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No PYTHONPATH or PYTHONHOME: the built program must find everything inside itself."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COULISSES_"))}
    env.update(COULISSES_HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def run(argv: list[str], env: dict[str, str], cwd: Path,
        timeout: float = 600) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=timeout)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(nothing on stderr)"])[-1]
        raise CheckFailed(f"{' '.join(argv[:2])} exited with {done.returncode}: {last}")
    return done


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def check_plugins(dist: Path) -> None:
    if sys.platform != "linux":
        return
    plugins = next(dist.rglob("plugins/platforms"), None)
    missing = [p for p in PLATFORM_PLUGINS
               if plugins is None or not (plugins / f"libq{p}.so").is_file()]
    if missing:
        raise CheckFailed(f"Qt platform plugins missing from the build: {', '.join(missing)}")


def check_demo(dist: Path, work: Path) -> float:
    """Seconds the built `coulisses demo` took; fails unless it wrote its reel."""
    out = work / "demo-out"
    started = time.perf_counter()
    run([str(program(dist, "coulisses")), "demo", "--out", str(out)],
        clean_env(work / "journal"), cwd=work)
    seconds = time.perf_counter() - started
    if not any(out.rglob("*.mp4")):
        raise CheckFailed(f"`coulisses demo` wrote no MP4 in {out}")
    return seconds


def check_commands(dist: Path, work: Path) -> None:
    """A piece captured from the demo's MP4 (OpenCV + FFmpeg), a frame imported, the MP4
    verified: each of these loads libraries the demo alone never touches."""
    coulisses = str(program(dist, "coulisses"))
    env = clean_env(work / "journal")
    reel = next((work / "demo-out").rglob("*.mp4"))
    frame = next((work / "demo-out").rglob("frames/*.jpg"))
    run([coulisses, "piece", "new", "Built check"], env, cwd=work)
    piece = "built-check"
    run([coulisses, "capture", piece, "--source", str(reel), "--every", "1s", "--count", "2"],
        env, cwd=work)
    run([coulisses, "import", piece, str(frame)], env, cwd=work)
    run([coulisses, "verify", str(reel)], env, cwd=work)
    listed = run([coulisses, "piece", "list"], env, cwd=work).stdout
    if not any(line.split()[:1] == [piece] and "3" in line.split() for line in
               listed.splitlines()):
        raise CheckFailed(f"the built capture and import did not give {piece} 3 stills: "
                          f"{listed!r}")


def check_french(dist: Path, work: Path) -> None:
    """The compiled French catalogue is inside the build and loads: without it the app
    would quietly speak English to a French maker."""
    env = clean_env(work / "journal", COULISSES_LANG="fr")
    said = run([str(program(dist, "coulisses")), "--help"], env, cwd=work).stdout
    for french in ("Capturez votre travail", "arguments positionnels"):
        if french not in said:
            raise CheckFailed(f"the built app does not speak French ({french!r} missing from "
                              f"`coulisses --help`): is assets/translations/*.qm bundled?")


def startup_ms(dist: Path, name: str, work: Path) -> int:
    """Process start to the window's first paint, as the app's own benchmark hook says."""
    env = clean_env(work / "journal", COULISSES_BENCH_STARTUP="1",
                    COULISSES_BENCH_T0=repr(time.time()))
    done = run([str(program(dist, name))], env, cwd=work, timeout=120)
    found = STARTUP.search(done.stderr)
    if found is None:
        raise CheckFailed(f"the built {name} never painted its window: {done.stderr[-300:]!r}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="the built folder (holds coulisses and _internal)")
    parser.add_argument("--runs", type=int, default=5, help="window start-ups to time")
    args = parser.parse_args()
    dist = args.dist.resolve()
    try:
        if not program(dist, "coulisses").is_file():
            raise CheckFailed(f"{dist} holds no built coulisses program; build it first "
                              "(packaging/README.md)")
        check_plugins(dist)
        with tempfile.TemporaryDirectory(prefix="coulisses-check-") as tmp:
            work = Path(tmp)
            demo = check_demo(dist, work)
            print(f"demo: ok, {demo:.1f} s (demo piece drawn and exported)")
            check_commands(dist, work)
            print("capture from a video, import, verify: ok")
            check_french(dist, work)
            print("French catalogue: ok")
            times = [startup_ms(dist, "coulisses", work) for _ in range(args.runs)]
            print(f"startup-ms: median {statistics.median(times):.0f} "
                  f"(runs: {', '.join(map(str, times))})")
            print(f"coulisses-gui startup-ms: {startup_ms(dist, 'coulisses-gui', work)}")
        print(f"folder: {folder_size(dist) / 1e6:.0f} MB ({dist})")
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"check_build: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
