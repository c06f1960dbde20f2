"""Child processes for the journal's multi-process and kill -9 tests.

Run as ``python -m tests.journal_workers ROLE ARGS…`` from the checkout's root with
no PYTHONPATH (``spawn``): each child imports the installed coulisses, as the
app, the CLI and a capture do. Roles:

- ``writer``: what a capture and the bench do to a piece (stills, moments, captions,
  hides, a snapshot now and then);
- ``window``: what the app's window does to the same piece (captions, hide and show,
  move stills to another piece and back);
- ``mover``, ``importer``, ``editor``: endless loops for tests/test_journal_kill.py,
  which kills them with SIGKILL; each prints a line after every finished operation;
- ``undo``: a move and its undo, killed at one chosen instant of the undo.

The two concurrent roles meet at a start barrier (files in a sync folder) and keep
working until every participant has done its minimum, so they really overlap. Only
the journal's public API is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# Stills the writer adds live on a day of their own, after every seeded still, so a
# hidden range of the seeded ones can never cover them.
WRITER_T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
WRITER_BASE = 1000  # still_bytes(n) numbers of the writer's stills
GIVE_UP = 60.0  # seconds: a worker still running then is stuck


def still_bytes(n: int) -> bytes:
    """A small real JPEG, different for every ``n`` (content hashes identify stills)."""
    from tests.helpers import jpeg_bytes  # OpenCV: only the children that make stills

    return jpeg_bytes(width=64 + 8 * (n // 256), value=n % 256)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ barrier
def _wait_for(path: Path, timeout: float = GIVE_UP) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > end:
            raise RuntimeError(f"{path} never appeared")
        time.sleep(0.002)


def ready_then_wait(sync: Path, name: str) -> None:
    """Say this worker is ready, then wait for the test's start signal."""
    (sync / f"ready-{name}").touch()
    _wait_for(sync / "go")


def mark_done(sync: Path, name: str) -> None:
    (sync / f"done-{name}").touch()


def all_done(sync: Path) -> bool:
    """Every participant listed in ``sync/everyone`` did its minimum."""
    if (sync / "abort").exists():
        raise RuntimeError("stopped: another participant failed")
    names = (sync / "everyone").read_text().split()
    return all((sync / f"done-{n}").exists() for n in names)


def _report(sync: Path, name: str, result: dict[str, Any]) -> None:
    (sync / f"result-{name}.json").write_text(json.dumps(result, ensure_ascii=False),
                                               encoding="utf-8")


# ------------------------------------------------------- concurrent workers
def _edit(journal: Any, piece: str, moment: str, caption: str) -> None:
    """Edit a caption; a moment already lost is left for the test to count."""
    from coulisses.journal import MomentNotFound

    with contextlib.suppress(MomentNotFound):
        journal.edit_moment(piece, moment, caption=caption)


def writer(home: str, piece: str, sync: Path, minimum: int) -> None:
    """A capture and the bench: add a still, flag it, edit the caption, hide some."""
    from coulisses.journal import Journal

    journal = Journal.open(home)
    ready_then_wait(sync, "writer")
    started = time.monotonic()
    captions: dict[str, str] = {}
    hashes: list[str] = []
    hidden: list[str] = []
    i = 0
    while i < minimum or not all_done(sync):
        data = still_bytes(WRITER_BASE + i)
        cap = journal.add_still(piece, data, WRITER_T0 + timedelta(seconds=i))
        hashes.append(digest(data))
        moment = journal.add_moment(piece, "note", at=cap.id, caption=f"writer {i}")
        caption = f"writer {i} ✓ « é »"
        captions[moment.id] = caption
        _edit(journal, piece, moment.id, caption)
        if i % 7 == 3:  # alone between visible stills: a range of one
            journal.hide_stills(piece, [cap.id])
            hidden.append(cap.id)
        if i % 10 == 9:
            journal.snapshot(piece)  # finishes a move left half done: must wait for it
        i += 1
        if i == minimum:
            mark_done(sync, "writer")
        if time.monotonic() - started > GIVE_UP:
            raise RuntimeError("the writer ran for a minute: the others never finished")
    _report(sync, "writer", {"captions": captions, "hashes": hashes, "hidden": hidden,
                             "rounds": i, "seconds": time.monotonic() - started})


def window(home: str, a: str, b: str, sync: Path, minimum: int, plan_file: str) -> None:
    """The app's window: edit captions, hide and show stills, move a block to another
    piece, touch it there, and move it back."""
    from coulisses.journal import Journal

    plan = json.loads(Path(plan_file).read_text(encoding="utf-8"))
    block: list[str] = plan["block"]
    journal = Journal.open(home)
    captions: dict[str, str] = {}
    hidden: set[str] = set(plan["hidden"])
    ready_then_wait(sync, "window")
    started = time.monotonic()

    def toggle(piece: str, still: str) -> None:
        if still in hidden:
            journal.unhide_stills(piece, [still])
            hidden.discard(still)
        else:
            journal.hide_stills(piece, [still])
            hidden.add(still)

    r = 0
    while r < minimum or not all_done(sync):
        moment = plan["moments"][r % len(plan["moments"])]
        caption = f"window {r} — l’anse"
        captions[moment] = caption
        _edit(journal, a, moment, caption)
        toggle(a, plan["hide_pool"][(r * 5) % len(plan["hide_pool"])])
        moved = journal.move_stills(a, block, b)
        if list(moved.after) != block or moved.left:
            raise RuntimeError(f"moving the block renamed or left stills: {moved}")
        away = plan["block_moments"][r % len(plan["block_moments"])]
        caption = f"window {r} away"
        captions[away] = caption
        _edit(journal, b, away, caption)
        toggle(b, plan["block_hide_pool"][(r * 3) % len(plan["block_hide_pool"])])
        back = journal.move_back(moved)
        if list(back.after) != block or back.left:
            raise RuntimeError(f"moving the block back renamed or left stills: {back}")
        r += 1
        if r == minimum:
            mark_done(sync, "window")
        if time.monotonic() - started > GIVE_UP:
            raise RuntimeError("the window ran for a minute: the others never finished")
    _report(sync, "window", {"captions": captions, "hidden": sorted(hidden), "rounds": r,
                             "seconds": time.monotonic() - started})


# --------------------------------------------------------- workers to kill
def _ack(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def mover(home: str, a: str, b: str) -> None:
    """Move the block of ``a`` (every still of its day 1) to ``b`` and back, forever.

    A kill may leave the block in ``b`` (moved, never moved back): it is brought back
    first, under the same ids, which are free in ``a``.
    """
    from coulisses.journal import Journal

    journal = Journal.open(home)  # replays a move the last kill cut short
    away = [c.id for c in journal.captures(b)[0] if c.id.startswith(MOVER_DAY)]
    if away:
        journal.move_stills(b, away, a)
    block = [c.id for c in journal.captures(a)[0] if c.id.startswith(MOVER_DAY)]
    _ack("ready")
    while True:
        moved = journal.move_stills(a, block, b)
        _ack("moved")
        journal.move_back(moved)
        _ack("back")


MOVER_DAY = "20260401"  # the stills of the mover's block are taken that day


def importer(home: str, piece: str, folder: str) -> None:
    """Import a folder of photos; one line per photo stored (or found already there)."""
    from coulisses.capture.importer import import_photos
    from coulisses.journal import Journal

    journal = Journal.open(home)
    _ack("ready")
    report = import_photos(journal, piece, [folder],
                           progress=lambda p: _ack(f"{p.done}") if p.done else None)
    _ack(f"end {len(report.imported)}")


def editor_op(i: int, moments: Sequence[str], stills: Sequence[str]) -> tuple[str, str, str]:
    """Operation ``i`` of the editor's fixed sequence: (what, moment or still, caption)."""
    if i % 2 == 0:
        return "caption", moments[(i // 2) % len(moments)], f"edit {i} — « crème »"
    if i % 4 == 1:
        return "hide", stills[(i * 7) % len(stills)], ""
    return "unhide", stills[(i * 3) % len(stills)], ""


def editor_state(done: int, moments: Sequence[str], stills: Sequence[str],
                 captions: dict[str, str], hidden: set[str]) -> tuple[dict[str, str], set[str]]:
    """The captions and hidden stills after the first ``done`` operations."""
    captions, hidden = dict(captions), set(hidden)
    for i in range(done):
        what, target, caption = editor_op(i, moments, stills)
        if what == "caption":
            captions[target] = caption
        elif what == "hide":
            hidden.add(target)
        else:
            hidden.discard(target)
    return captions, hidden


def editor(home: str, piece: str, start: str, plan_file: str) -> None:
    """Carry out the editor's operations from ``start`` on, printing each one's number."""
    from coulisses.journal import Journal

    plan = json.loads(Path(plan_file).read_text(encoding="utf-8"))
    moments, stills = plan["moments"], plan["stills"]
    journal = Journal.open(home)
    _ack("ready")
    i = int(start)
    while True:
        what, target, caption = editor_op(i, moments, stills)
        if what == "caption":
            journal.edit_moment(piece, target, caption=caption)
        elif what == "hide":
            journal.hide_stills(piece, [target])
        else:
            journal.unhide_stills(piece, [target])
        _ack(str(i))
        i += 1


def undo(home: str, a: str, b: str, first: str) -> None:
    """Move the stills of ``a`` from number ``first`` on to ``b``, undo that with
    ``move_back``, and die by SIGKILL at the first instant after the undo's intent
    record (``moving.json``) is gone.

    Everything the undo puts back must be done by then, or recorded for the next open
    to finish: a kill may land there as well as anywhere else.
    """
    import os
    import signal

    from coulisses.journal import Journal

    journal = Journal.open(home)
    block = [c.id for c in journal.captures(a)[0][int(first):]]
    result = journal.move_stills(a, block, b)
    intents = [Path(home) / "pieces" / p / "moving.json" for p in (a, b)]
    seen = False

    def kill_once_the_record_is_gone(frame: Any, event: str, arg: Any) -> None:
        nonlocal seen
        if any(p.exists() for p in intents):
            seen = True
        elif seen:
            os.kill(os.getpid(), signal.SIGKILL)

    sys.setprofile(kill_once_the_record_is_gone)
    journal.move_back(result)
    sys.setprofile(None)
    _ack("not killed: moving.json was " + ("seen" if seen else "never seen"))


def main(argv: list[str]) -> None:
    role, *args = argv
    if role == "writer":
        writer(args[0], args[1], Path(args[2]), int(args[3]))
    elif role == "window":
        window(args[0], args[1], args[2], Path(args[3]), int(args[4]), args[5])
    elif role == "mover":
        mover(*args)
    elif role == "importer":
        importer(*args)
    elif role == "editor":
        editor(*args)
    elif role == "undo":
        undo(*args)
    else:
        raise SystemExit(f"unknown role {role!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
