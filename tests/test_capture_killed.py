"""kill -9 at random instants during a capture: every stored still is whole, the journal opens."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

from coulisses.atomicio import is_temp_name
from coulisses.capture.synthetic import Scene, write_video
from coulisses.journal import Journal
from coulisses.journal.codec import read_still

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"


def _stills_on_disk(home: Path) -> list[Path]:
    return [p for p in (home / "pieces").rglob("*.jpg") if not is_temp_name(p.name)]


def test_kill_9_during_capture(tmp_path):
    # Big noisy frames: each still takes a while to write, so kills land mid-write too.
    video = write_video(tmp_path / "bench.mp4",
                        Scene(width=1280, height=720, seconds=10.0, noise=6.0),
                        fps=10.0, noise_fields=3)
    home = tmp_path / "journal"
    piece = Journal.open(home).create_piece("Saladier")
    env = dict(os.environ, PYTHONPATH=str(DESKTOP) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    rng = random.Random(20261123)
    trials = 5
    for _ in range(trials):
        before = len(_stills_on_disk(home))
        proc = subprocess.Popen(
            [sys.executable, "-m", "coulisses", "--home", str(home), "capture", piece.id,
             "--source", str(video), "--every", "0.02s", "--keep-idle", "--disk-margin", "0"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            end = time.monotonic() + 20
            while len(_stills_on_disk(home)) == before and time.monotonic() < end:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.5))
        finally:
            proc.kill()
            proc.wait()
        assert proc.returncode == -9
    journal = Journal.open(home)  # opens after five kills
    captures, problems = journal.captures(piece.id)
    assert len(captures) >= trials
    assert not problems
    for cap in captures:
        assert not is_temp_name(cap.path.name)
        img = read_still(cap.path)  # raises on a truncated or empty file
        assert img.shape == (720, 1280, 3)
        if cap.thumb_path.exists():
            assert read_still(cap.thumb_path).shape[1] == 320
    # Interrupted writes may leave temp files behind: they are never counted as stills.
    on_disk = {p.name for p in (home / "pieces").rglob("*") if p.is_file()}
    assert {c.path.name for c in captures} <= on_disk
    snap = journal.snapshot(piece.id)
    assert len(snap.captures) == len(captures)
