"""Several real processes writing the same piece at once lose nothing.

A capture-like writer, the window and a few ``coulisses mark`` commands all change
``bol/piece.json`` at the same time, while the window moves a block of stills to
another piece and back. The lock per piece (taken for every read-modify-write of
piece.json) is what keeps one process from writing back a piece.json read before
another's change: without it moments, captions and hidden stills go missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.journal import Journal, PieceSnapshot
from tests import installed
from tests.journal_workers import still_bytes

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)  # the seeded stills of "Bol"
T_VASE = datetime(2026, 2, 20, 10, 0, tzinfo=UTC)  # "Vase"'s own, before them
N_BOL, N_VASE = 120, 10
BLOCK = range(40, 60)  # the stills the window moves to "Vase" and back
BLOCK_HIDE_POOL = range(44, 56)  # never a block's edge: its ranges stay inside it
HIDE_POOL = range(5, 26)  # stills 4 and 26 are never hidden: ranges stay inside too
MOMENTS_AT = range(2, 120, 10)  # seeded moments (two of them on block stills)
CLI_MARKS = 3
WRITER_MIN, WINDOW_MIN = 20, 5


def worker(role: str, sync: Path, *args: object) -> subprocess.Popen[bytes]:
    """A child that imports the installed package (no PYTHONPATH), see journal_workers.

    Its stderr goes to a file: a pipe nobody reads while it runs could fill and stop it.
    """
    with open(sync / f"stderr-{role}.txt", "wb") as err:
        return subprocess.Popen([sys.executable, "-m", "tests.journal_workers", role,
                                 *map(str, args)], cwd=installed.ROOT,
                                env=installed.clean_env(), stdout=subprocess.DEVNULL,
                                stderr=err)


def wait_for(paths: list[Path], procs: list[subprocess.Popen[bytes]], sync: Path,
             timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while not all(p.exists() for p in paths):
        if any(proc.poll() is not None for proc in procs):
            raise AssertionError(f"a worker stopped before the start:\n{stderr_of(sync)}")
        assert time.monotonic() < end, "the workers never got ready"
        time.sleep(0.005)


def stderr_of(sync: Path) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text('utf-8', 'replace')}"
                     for p in sorted(sync.glob("stderr-*.txt")))


def finish(procs: list[subprocess.Popen[bytes]], sync: Path, timeout: float = 90) -> None:
    """Wait for the workers; the first to fail stops the others (no waiting a minute)."""
    end = time.monotonic() + timeout
    while any(p.poll() is None for p in procs) and time.monotonic() < end:
        if any(p.poll() not in (None, 0) for p in procs):
            (sync / "abort").touch()
        time.sleep(0.01)
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert all(p.returncode == 0 for p in procs), f"a worker failed:\n{stderr_of(sync)}"


def hashes_of(snap: PieceSnapshot) -> list[str]:
    from tests.journal_workers import digest

    return [digest(c.path.read_bytes()) for c in snap.captures]


def hidden_ids(snap: PieceSnapshot) -> set[str]:
    return {c.id for c in snap.captures if snap.is_hidden(c.id)}


def test_a_writer_the_window_and_the_cli_on_one_piece_lose_nothing(home: Path,
                                                                   tmp_path: Path) -> None:
    journal = Journal.open(home)
    bol = journal.create_piece("Bol").id
    vase = journal.create_piece("Vase").id
    with pytest.MonkeyPatch.context() as setup:
        setup.setattr(os, "fsync", lambda fd: None)  # the setup is not what is tested
        ids = [journal.add_still(bol, still_bytes(n), T0 + timedelta(seconds=10 * n)).id
               for n in range(N_BOL)]
        for n in range(N_VASE):
            journal.add_still(vase, still_bytes(N_BOL + n), T_VASE + timedelta(seconds=n))
        seeded = {journal.add_moment(bol, "struggle", at=ids[k], caption=f"seed {k}").id:
                  ids[k] for k in MOMENTS_AT}
        journal.hide_stills(bol, [ids[10], ids[11], ids[50]])
    before = journal.snapshot(bol)
    assert hidden_ids(before) == {ids[10], ids[11], ids[50]}
    block = [ids[k] for k in BLOCK]
    plan = {"block": block, "hidden": sorted(hidden_ids(before)),
            "moments": list(seeded), "hide_pool": [ids[k] for k in HIDE_POOL],
            "block_hide_pool": [ids[k] for k in BLOCK_HIDE_POOL],
            "block_moments": [m for m, cap in seeded.items() if cap in block]}
    assert len(plan["block_moments"]) == 2
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    seeded_stills = [still_bytes(n) for n in range(N_BOL + N_VASE)]

    sync = tmp_path / "sync"
    sync.mkdir()
    (sync / "everyone").write_text("writer window cli")
    started = time.monotonic()
    procs = [worker("writer", sync, home, bol, sync, WRITER_MIN),
             worker("window", sync, home, bol, vase, sync, WINDOW_MIN, plan_file)]
    try:
        wait_for([sync / "ready-writer", sync / "ready-window"], procs, sync)
        (sync / "go").touch()
        # The CLI, meanwhile, as a maker typing in a terminal: each opens the journal
        # (finishing any move it finds half done) and adds a moment.
        marked: dict[str, str] = {}
        for k in range(CLI_MARKS):
            caption = f"cli {k} — ça colle"
            done = installed.run("mark", "Bol", "note", "--at", ids[80 + k], "--caption",
                                 caption, home=home)
            assert done.returncode == 0, done.stderr
            marked[done.stdout.split()[-1]] = caption
        (sync / "done-cli").touch()
        finish(procs, sync)
        results = {role: json.loads((sync / f"result-{role}.json").read_text("utf-8"))
                   for role in ("writer", "window")}
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    elapsed = time.monotonic() - started
    writer, window = results["writer"], results["window"]
    print(f"writer: {writer['rounds']} rounds in {writer['seconds']:.1f} s, window: "
          f"{window['rounds']} rounds in {window['seconds']:.1f} s, {CLI_MARKS} marks; "
          f"{elapsed:.1f} s in all")

    # Every file parses, no move is left half done.
    for pid in (bol, vase):
        folder = home / "pieces" / pid
        json.loads((folder / "piece.json").read_text("utf-8"))
        assert not (folder / "moving.json").exists()
    journal = Journal.open(home)
    bol_snap, vase_snap = journal.snapshot(bol), journal.snapshot(vase)
    assert not bol_snap.problems and not vase_snap.problems

    # Every still is in exactly one piece: the block came back, the writer's were added.
    from tests.journal_workers import digest

    expected = {digest(b) for b in seeded_stills[:N_BOL]} | set(writer["hashes"])
    got = Counter(hashes_of(bol_snap))
    assert not [h for h, n in got.items() if n > 1], "a still is in Bol twice"
    assert set(got) == expected, (f"{len(expected - set(got))} stills missing from Bol, "
                                  f"{len(set(got) - expected)} unexpected")
    assert sorted(hashes_of(vase_snap)) == sorted(digest(b) for b in seeded_stills[N_BOL:])

    # Every moment that anyone wrote is there once, with its last caption.
    assert not vase_snap.moments, "a moment stayed behind in Vase"
    captions = {m.id: m.caption for m in bol_snap.moments}
    assert len(captions) == len(bol_snap.moments), "a moment is there twice"
    wanted = {m: f"seed {ids.index(cap)}" for m, cap in seeded.items()}
    wanted |= window["captions"] | writer["captions"] | marked
    lost = sorted(set(wanted) - set(captions))
    assert not lost, f"{len(lost)} of {len(wanted)} moments were lost, e.g. {lost[:3]}"
    assert set(captions) == set(wanted), "a moment appeared from nowhere"
    stale = {m: (captions[m], c) for m, c in wanted.items() if captions[m] != c}
    assert not stale, f"{len(stale)} captions are not the last written: {list(stale.items())[:3]}"
    for moment in bol_snap.moments:
        assert bol_snap.index_of(moment.capture) is not None, "a moment lost its still"

    # The hidden stills are exactly those both processes left hidden.
    assert hidden_ids(bol_snap) == set(window["hidden"]) | set(writer["hidden"])
    assert not hidden_ids(vase_snap)

    # The CLI reads the same story.
    done = installed.run("timeline", "--json", "Bol", home=home)
    assert done.returncode == 0, done.stderr
    story = json.loads(done.stdout)
    assert {m["id"]: m["caption"] for m in story["moments"]} == wanted
    assert len(story["captures"]) == len(expected)
