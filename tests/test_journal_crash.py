"""A kill or a full disk at any instant leaves the journal readable."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coulisses.journal import DiskFullError, Journal
from tests.helpers import fill_disk, jpeg_bytes

WRITER = textwrap.dedent("""
    import sys
    from coulisses.journal import Journal
    j = Journal.open(sys.argv[1])
    pid = sys.argv[2]
    i = 0
    while True:
        m = j.add_moment(pid, "note", caption=f"moment {i} — é✨")
        # Acknowledge only after add_moment returned: that moment must survive.
        sys.stdout.write(m.caption + "\\n")
        sys.stdout.flush()
        i += 1
""")


def _env() -> dict[str, str]:
    # No PYTHONPATH: the writer imports the installed package.
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def test_kill_9_while_writing_moments_never_loses_an_acknowledged_one(home: Path) -> None:
    journal = Journal.open(home)
    piece = journal.create_piece("Vase bleu")
    rng = random.Random(1234)
    acknowledged: list[str] = []
    for _trial in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(home), piece.id],
                                stdout=subprocess.PIPE, env=_env(), text=True)
        # Let it start, then kill at a random instant mid-stream.
        first = proc.stdout.readline()
        assert first, "writer did not start"
        acknowledged.append(first.strip())
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged.extend(line for line in rest.splitlines() if line)
        # The journal opens every time, with every acknowledged moment.
        snap = Journal.open(home).snapshot(piece.id)
        stored = {m.caption for m in snap.moments}
        missing = [c for c in acknowledged if c not in stored]
        assert not missing, f"lost {missing[:3]}"
        assert not snap.problems
    assert len(acknowledged) > 12


@pytest.fixture
def tiny_disk(tmpfs):
    return tmpfs("1m")


def test_disk_full_fails_clearly_and_keeps_the_previous_state(tiny_disk: Path) -> None:
    journal = Journal.open(tiny_disk / "journal")
    piece = journal.create_piece("Bol")
    journal.add_moment(piece.id, "struggle", caption="avant")
    stored = []
    big = jpeg_bytes(width=640, height=480) * 20  # ~100+ kB a still
    with pytest.raises(DiskFullError, match="disk is full"):
        for i in range(100):
            c = journal.add_still(piece.id, big, datetime(2026, 11, 23, 10, 0, i, tzinfo=UTC))
            stored.append(c)
    # No temp file was left behind and every stored still is whole.
    for c in stored:
        assert c.path.read_bytes() == big
    leftovers = [p for p in (tiny_disk / "journal").rglob("*.tmp")]
    assert leftovers == []
    # Fill the rest of the disk, then a moment write fails and the old state stays.
    filler = tiny_disk / "filler"
    fill_disk(filler)
    with pytest.raises(DiskFullError):
        for _ in range(200):
            journal.add_moment(piece.id, "note", caption="x" * 2000)
    snap = Journal.open(tiny_disk / "journal").snapshot(piece.id)
    assert "avant" in [m.caption for m in snap.moments]
    assert len(snap.captures) == len(stored)
    filler.unlink()
    journal.add_moment(piece.id, "fix", caption="après")
    assert "après" in [m.caption for m in Journal.open(tiny_disk / "journal")
                       .snapshot(piece.id).moments]
