"""kill -9 at random instants during a capture: every stored still is whole, the journal opens."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coulisses.atomicio import is_temp_name
from coulisses.capture.synthetic import Scene, write_video
from coulisses.journal import Journal
from coulisses.journal.codec import read_still

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"


def _stills_on_disk(home: Path) -> list[Path]:
    """Stills under their final names (thumbnails and temp files left out)."""
    return [p for p in (home / "pieces").glob("*/stills/*/*.jpg") if not is_temp_name(p.name)]


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
            assert len(_stills_on_disk(home)) > before  # this run is storing stills
            time.sleep(rng.uniform(0.0, 0.5))
        finally:
            proc.kill()
            proc.wait()
        assert proc.returncode == -9
    journal = Journal.open(home)  # opens after five kills
    captures, _ = journal.captures(piece.id)
    assert len(captures) >= trials  # each run stored at least one still before its kill
    stills_dir = home / "pieces" / piece.id / "stills"
    on_disk = [p for p in stills_dir.rglob("*") if p.is_file()]
    finals = {p for p in on_disk if not is_temp_name(p.name)}
    leftovers = [p for p in on_disk if is_temp_name(p.name)]
    # Every file under a final name is a capture and every capture is a file: an
    # interrupted write can only leave a temp file, which is never counted.
    assert finals and finals == {c.path for c in captures}
    assert len(leftovers) + len(finals) == len(on_disk)
    assert all(p.name.startswith(".") for p in leftovers)  # hidden, not a still to any tool
    for cap in captures:
        img = read_still(cap.path)  # raises on a truncated or empty file
        assert img.shape == (720, 1280, 3)
    # read_still really does refuse a still cut by a kill: the check above can fail.
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(captures[-1].path.read_bytes()[: captures[-1].path.stat().st_size // 2])
    with pytest.raises(Exception):  # noqa: B017 - any refusal will do, a picture will not
        read_still(cut)
    # Thumbnails: a kill between a still and its thumbnail may leave a still without
    # one (made again on demand), never a broken one.
    thumbs = [c.thumb_path for c in captures if c.thumb_path.exists()]
    assert thumbs
    for thumb in thumbs:
        assert read_still(thumb).shape[1] == 320
    snap = journal.snapshot(piece.id)
    assert [c.id for c in snap.captures] == [c.id for c in captures]
