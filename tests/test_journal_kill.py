"""kill -9 at random instants: the journal opens, and nothing complete is lost or doubled.

A child process works on a journal and is killed with SIGKILL after a random delay:

- the mover moves a block of 300 stills (with thumbnails, moments, spans, hidden
  stills and focus points) to another piece and back, forever; sometimes the next
  mover, which starts by finishing the move, is killed too;
- the importer imports a folder of real JPEG photos into a new piece;
- the editor edits captions and hides and shows stills, a fixed sequence of operations.

After each kill, ``Journal.open`` must succeed, every piece's snapshot must work without
problems, every still must be in exactly one piece (content hashes against the set
before), moments, hidden stills and focus points must be as before (they follow their
stills), the editor's piece must be as after its last acknowledged operation or the one
after (never a mix), and no still under a final name may be a truncated JPEG.

The delays come from a seeded generator; the seed is printed and in every failure
message. ``COULISSES_KILL_SEED=<seed>`` replays a run's delays (the instants a kill
lands at still depend on the machine's speed).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PIL import ExifTags, Image

from coulisses.journal import Journal, PieceSnapshot
from tests import installed
from tests.journal_workers import MOVER_DAY, digest, editor_state, still_bytes

MOVER_T0 = datetime.strptime(MOVER_DAY, "%Y%m%d").replace(hour=9, tzinfo=UTC)
N_BLOCK, N_STAYING, N_VASE, N_NOTEBOOK, N_PHOTOS = 300, 20, 10, 40, 30
JPEG_START, JPEG_END = b"\xff\xd8", b"\xff\xd9"


def worker(role: str, errors: Path, *args: object) -> subprocess.Popen[str]:
    """A child importing the installed package (no PYTHONPATH), see tests/journal_workers.

    It prints a line after every finished operation; stderr goes to a file.
    """
    with open(errors, "ab") as err:
        return subprocess.Popen([sys.executable, "-m", "tests.journal_workers", role,
                                 *map(str, args)], cwd=installed.ROOT,
                                env=installed.clean_env(), stdout=subprocess.PIPE,
                                stderr=err, text=True)


def file_hash(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(JPEG_START) and data.endswith(JPEG_END), \
        f"{path.name} is not a whole JPEG ({len(data)} bytes)"
    return digest(data)


@dataclass
class World:
    """The journal under test and what must hold in it after every kill."""

    home: Path
    work: Path
    photos: Path
    photo_hashes: set[str]
    bol: str = ""
    vase: str = ""
    notebook: str = ""
    imports: list[str] = field(default_factory=list)  # the last one may be unfinished
    import_done: bool = False  # the last import ran to its end
    mover_stills: Counter[str] = field(default_factory=Counter)
    mover_moments: dict[str, tuple] = field(default_factory=dict)
    mover_hidden: set[str] = field(default_factory=set)
    mover_focus: dict[str, object] = field(default_factory=dict)
    mover_thumbs: set[str] = field(default_factory=set)
    notebook_stills: set[str] = field(default_factory=set)
    notebook_captions: dict[str, str] = field(default_factory=dict)
    plan: dict[str, list[str]] = field(default_factory=dict)
    edits_done: int = 0  # the editor's operations carried out so far


def build(home: Path, work: Path, photos: Path, photo_hashes: set[str]) -> World:
    world = World(home, work, photos, photo_hashes)
    journal = Journal.open(home)
    world.bol = bol = journal.create_piece("Bol").id
    world.vase = vase = journal.create_piece("Vase").id
    world.notebook = notebook = journal.create_piece("Carnet").id
    # The mover's block (all of MOVER_DAY), then stills of the next day that stay.
    block = [journal.add_still(bol, still_bytes(n), MOVER_T0 + timedelta(seconds=10 * n),
                               thumbnail=still_bytes(n)).id for n in range(N_BLOCK)]
    staying = [journal.add_still(bol, still_bytes(N_BLOCK + n),
                                 MOVER_T0 + timedelta(days=1, seconds=n)).id
               for n in range(N_STAYING)]
    for n in range(N_VASE):
        journal.add_still(vase, still_bytes(400 + n), MOVER_T0 - timedelta(days=30, seconds=n))
    for k in range(3, N_BLOCK - 5, 23):  # spans inside the block: a move never cuts them
        journal.add_moment(bol, "struggle", at=block[k], caption=f"bloc {k} — « anse »",
                           span_to=block[k + 4] if k % 2 else None)
    journal.add_moment(bol, "result", at=staying[5], caption="reste")
    journal.hide_stills(bol, block[100:121] + [block[200], staying[3]])  # never an edge
    journal.set_focus(bol, (0.25, 0.75), block[150])
    journal.set_focus(bol, (0.5, 0.2), staying[7])
    snap = journal.snapshot(bol)
    hashes = {c.id: file_hash(c.path) for c in snap.captures}
    world.mover_stills = Counter(hashes.values())
    world.mover_stills.update(file_hash(c.path) for c in journal.snapshot(vase).captures)
    world.mover_moments = {m.id: moment_key(m, hashes) for m in snap.moments}
    world.mover_hidden = {hashes[c] for c in hashes if snap.is_hidden(c)}
    world.mover_focus = {hashes[c]: snap.still_settings(c).focus for c in hashes
                         if snap.still_settings(c).focus is not None}
    world.mover_thumbs = {hashes[c] for c in block}
    assert len(world.mover_stills) == N_BLOCK + N_STAYING + N_VASE  # all different
    # The editor's notebook: stills and moments it rewrites.
    stills = [journal.add_still(notebook, still_bytes(500 + n),
                                MOVER_T0 + timedelta(days=5, minutes=n)).id
              for n in range(N_NOTEBOOK)]
    moments = [journal.add_moment(notebook, "note", at=stills[k], caption=f"note {k}").id
               for k in range(0, N_NOTEBOOK, 5)]
    world.notebook_stills = {digest(still_bytes(500 + n)) for n in range(N_NOTEBOOK)}
    world.notebook_captions = {m.id: m.caption for m in journal.snapshot(notebook).moments}
    world.plan = {"moments": moments, "stills": stills}
    (work / "plan.json").write_text(json.dumps(world.plan), encoding="utf-8")
    return world


def moment_key(m, hashes: dict[str, str]) -> tuple:
    """A moment as the maker knows it: what it says and which stills it is on (by content)."""
    return (m.kind, m.caption, hashes.get(m.capture), hashes.get(m.span_to) if m.span_to else None)


# ----------------------------------------------------------------- the checks
def check(world: World, context: str, after_edits: tuple[int, int]) -> int:
    """Every promise after a kill; returns how many editor operations are in the journal."""
    journal = Journal.open(world.home)  # finishes a move cut short
    assert not journal.problems, f"{context}: {journal.problems}"
    snaps: dict[str, PieceSnapshot] = {}
    hashes: dict[str, dict[str, str]] = {}
    for pid in journal.piece_ids():
        folder = world.home / "pieces" / pid
        assert not (folder / "moving.json").exists(), f"{context}: a move was left unfinished"
        json.loads((folder / "piece.json").read_text("utf-8"))
        snaps[pid] = snap = journal.snapshot(pid)
        assert not snap.problems, f"{context}: {pid}: {snap.problems}"
        hashes[pid] = {c.id: file_hash(c.path) for c in snap.captures}  # whole JPEGs only
    check_mover(world, context, snaps, hashes)
    for pid in world.imports:
        got = Counter(hashes[pid].values())
        assert max(got.values(), default=1) == 1, f"{context}: a photo was imported twice"
        assert set(got) <= world.photo_hashes, f"{context}: a stored photo is not one of ours"
        if pid != world.imports[-1] or world.import_done:
            assert set(got) == world.photo_hashes, f"{context}: a finished import lacks photos"
    assert set(hashes[world.notebook].values()) == world.notebook_stills, context
    return check_editor(world, context, snaps[world.notebook], after_edits)


def check_mover(world: World, context: str, snaps: dict[str, PieceSnapshot],
                hashes: dict[str, dict[str, str]]) -> None:
    pair = (world.bol, world.vase)
    stills = Counter(h for pid in pair for h in hashes[pid].values())
    doubled = [h for h, n in stills.items() if n > 1]
    assert not doubled, f"{context}: {len(doubled)} stills are in both pieces"
    lost = world.mover_stills - stills
    assert not lost, f"{context}: {sum(lost.values())} stills were lost"
    assert stills == world.mover_stills, f"{context}: stills appeared from nowhere"
    in_vase = sum(1 for c in snaps[world.vase].captures if c.id.startswith(MOVER_DAY))
    assert in_vase in (0, N_BLOCK), f"{context}: a move stopped half way ({in_vase} moved)"
    moments: dict[str, tuple] = {}
    hidden: set[str] = set()
    focus: dict[str, object] = {}
    for pid in pair:
        snap, own = snaps[pid], hashes[pid]
        for m in snap.moments:
            assert m.id not in moments, f"{context}: moment {m.id} is in both pieces"
            assert m.capture in own and (m.span_to is None or m.span_to in own), \
                f"{context}: moment {m.id} is not in the piece of its stills"
            moments[m.id] = moment_key(m, own)
        hidden |= {own[c] for c in own if snap.is_hidden(c)}
        focus |= {own[c]: snap.still_settings(c).focus for c in own
                  if snap.still_settings(c).focus is not None}
        for c in snap.captures:
            if own[c.id] in world.mover_thumbs:
                assert c.thumb_path.is_file(), f"{context}: the thumbnail of {c.id} is lost"
        thumbs = {p.stem for p in (world.home / "pieces" / pid / "thumbs").rglob("*.jpg")}
        assert thumbs <= set(own), f"{context}: thumbnails left without their still in {pid}"
    assert moments == world.mover_moments, f"{context}: the moved moments changed"
    assert hidden == world.mover_hidden, f"{context}: the hidden stills changed"
    assert focus == world.mover_focus, f"{context}: the focus points changed"


def check_editor(world: World, context: str, snap: PieceSnapshot,
                 after_edits: tuple[int, int]) -> int:
    captions = {m.id: m.caption for m in snap.moments}
    hidden = {c.id for c in snap.captures if snap.is_hidden(c.id)}
    moments, stills = world.plan["moments"], world.plan["stills"]
    for done in range(after_edits[1], after_edits[0] - 1, -1):
        if (captions, hidden) == editor_state(done, moments, stills, world.notebook_captions,
                                              set()):
            return done
    expected = editor_state(after_edits[0], moments, stills, world.notebook_captions, set())
    raise AssertionError(f"{context}: the notebook is neither as after operation "
                         f"{after_edits[0]} nor after the next one: captions "
                         f"{sorted(set(captions.items()) ^ set(expected[0].items()))[:4]}, "
                         f"hidden {sorted(hidden ^ expected[1])[:4]}")


# ---------------------------------------------------------------- the trials
@dataclass
class Tally:
    trials: Counter[str] = field(default_factory=Counter)
    cut: Counter[str] = field(default_factory=Counter)  # killed in the middle of the work


def kill_after(proc: subprocess.Popen[str], delay: float, errors: Path,
               wait_ready: bool = True, lines_first: int = 0) -> list[str]:
    """Wait for the child's "ready" (or not) and ``lines_first`` more lines (finished
    operations), then ``delay`` s, then SIGKILL; returns the lines it printed."""
    lines: list[str] = []
    if wait_ready:
        first = proc.stdout.readline()
        if first.strip() != "ready":
            proc.kill()
            proc.wait()
            raise AssertionError(f"the child did not start: {first!r}\n"
                                 f"{errors.read_text('utf-8', 'replace')}")
    for _ in range(lines_first):
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
    time.sleep(delay)
    proc.kill()
    out, _ = proc.communicate()
    lines += out.splitlines()
    return lines


def mover_trial(world: World, rng: random.Random, tally: Tally, errors: Path) -> str:
    delay = rng.uniform(0.0, 0.5)  # a move of the block takes 0.1-0.3 s
    again = rng.random() < 0.3  # then kill the next mover too, maybe while it replays
    second = rng.uniform(0.0, 0.4)
    lines = kill_after(worker("mover", errors, world.home, world.bol, world.vase), delay, errors)
    intent = any((world.home / "pieces" / p / "moving.json").exists()
                 for p in (world.bol, world.vase))
    tally.cut["mover"] += intent
    how = f"mover killed {delay:.3f} s after ready ({len(lines)} moves done)"
    if again:
        proc = worker("mover", errors, world.home, world.bol, world.vase)
        kill_after(proc, second, errors, wait_ready=False)
        how += f", the next one {second:.3f} s after it started"
    return how


def importer_trial(world: World, rng: random.Random, tally: Tally, errors: Path) -> str:
    """Import the folder into the current import piece, which a kill may have left
    half imported (the import then starts again, finding what is there already)."""
    journal = Journal.open(world.home)
    if not world.imports or world.import_done:
        world.imports.append(journal.create_piece(f"Import {len(world.imports) + 1}").id)
    piece = world.imports[-1]
    before = len(journal.captures(piece)[0])
    # After a random number of photos stored, within the next one or two: the whole
    # import may take less time than starting the child did.
    after = rng.randrange(max(1, N_PHOTOS - before))
    delay = rng.uniform(0.0, 0.05)
    lines = kill_after(worker("importer", errors, world.home, piece, world.photos), delay,
                       errors, lines_first=after)
    world.import_done = any(line.startswith("end ") for line in lines)
    tally.cut["importer"] += not world.import_done
    acked = max((int(x) for x in lines if x.isdigit()), default=0)
    stored = len(journal.captures(piece)[0])
    assert stored >= acked, f"{acked} photos were acknowledged, {stored} are stored"
    return (f"importer killed {delay:.3f} s after {after} photos, with {before} already "
            f"there ({acked} acknowledged{', finished' if world.import_done else ''})")


def editor_trial(world: World, rng: random.Random, tally: Tally,
                 errors: Path) -> tuple[str, tuple[int, int]]:
    delay = rng.uniform(0.0, 0.2)  # an operation takes 5-20 ms
    lines = kill_after(worker("editor", errors, world.home, world.notebook, world.edits_done,
                              world.work / "plan.json"), delay, errors)
    acked = [int(x) for x in lines if x.isdigit()]
    done = acked[-1] + 1 if acked else world.edits_done
    tally.cut["editor"] += 1
    return (f"editor killed {delay:.3f} s after ready (operations {world.edits_done} to "
            f"{done - 1} acknowledged)", (done, done + 1))


def finish_import(world: World, context: str) -> None:
    """Import again where the last kill stopped: every photo ends up there exactly once."""
    from coulisses.capture.importer import import_photos

    if not world.imports:
        return
    journal = Journal.open(world.home)
    pid = world.imports[-1]
    report = import_photos(journal, pid, [world.photos])
    assert report.complete, f"{context}: {report.skipped or report.stopped}"
    got = Counter(file_hash(c.path) for c in journal.snapshot(pid).captures)
    assert got == Counter(world.photo_hashes), \
        f"{context}: {pid} does not hold each photo exactly once after importing again"


def run_trials(world: World, trials: int, seed: int) -> Tally:
    rng = random.Random(seed)
    tally = Tally()
    errors = world.work / "stderr.txt"
    kinds = ("mover", "importer", "editor")
    for t in range(trials):
        kind = kinds[t % len(kinds)]
        tally.trials[kind] += 1
        edits = (world.edits_done, world.edits_done)
        if kind == "mover":
            how = mover_trial(world, rng, tally, errors)
        elif kind == "importer":
            how = importer_trial(world, rng, tally, errors)
        else:
            how, edits = editor_trial(world, rng, tally, errors)
        context = f"seed {seed}, trial {t}: {how}"
        world.edits_done = check(world, context, edits)
    finish_import(world, f"seed {seed}, after {trials} trials")
    return tally


def make_photos(folder: Path) -> set[str]:
    """Real camera-like JPEGs (noise, EXIF capture times), stored by the importer as is."""
    folder.mkdir()
    rng = np.random.default_rng(7)
    hashes = set()
    for n in range(N_PHOTOS):
        pixels = rng.integers(0, 256, (240, 320, 3), dtype=np.uint8)
        img = Image.fromarray(pixels)
        exif = Image.Exif()
        taken = f"2025:05:01 10:{n // 60:02d}:{n % 60:02d}"
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
        path = folder / f"IMG_{1000 + n}.JPG"
        img.save(path, "JPEG", quality=85, exif=exif.tobytes())
        hashes.add(digest(path.read_bytes()))
    return hashes


def seed_for_run() -> int:
    seed = int(os.environ.get("COULISSES_KILL_SEED") or random.SystemRandom().randrange(10**6))
    print(f"kill seed: {seed} (COULISSES_KILL_SEED={seed} replays these delays)")
    return seed


def run(home: Path, tmp_path: Path, trials: int) -> Tally:
    seed = seed_for_run()
    work = tmp_path / "work"
    work.mkdir()
    photos = tmp_path / "photos"
    photo_hashes = make_photos(photos)
    with pytest.MonkeyPatch.context() as setup:
        setup.setattr(os, "fsync", lambda fd: None)  # the setup is not what is tested
        world = build(home, work, photos, photo_hashes)
    started = time.monotonic()
    tally = run_trials(world, trials, seed)
    print(f"{trials} trials in {time.monotonic() - started:.1f} s: {dict(tally.trials)}, "
          f"killed mid-operation: {dict(tally.cut)}")
    return tally


def test_kill_9_at_random_instants_loses_nothing(home: Path, tmp_path: Path) -> None:
    run(home, tmp_path, 6)


@pytest.mark.slow
def test_kill_9_at_fifty_random_instants_loses_nothing(home: Path, tmp_path: Path) -> None:
    tally = run(home, tmp_path, 51)
    # Most kills must land mid-move and mid-import, or this proves little.
    assert tally.cut["mover"] >= 5 and tally.cut["importer"] >= 5, tally


def test_a_kill_just_after_move_back_moved_the_stills_leaves_the_undo_whole(
        home: Path, tmp_path: Path) -> None:
    """An undone move is all undone or not at all: stills, the span it cut, the cover.

    ``move_back`` puts the stills back through an intent record (finished by the next
    open after a kill), then restores the cut span and the cover in a second write of
    piece.json. The child is killed at the first instant after the record is gone:
    whatever the undo still had to do then must already be done.
    """
    journal = Journal.open(home)
    bol, vase = journal.create_piece("Bol").id, journal.create_piece("Vase").id
    ids = [journal.add_still(bol, still_bytes(n), MOVER_T0 + timedelta(seconds=n)).id
           for n in range(10)]
    moment = journal.add_moment(bol, "struggle", at=ids[2], caption="effondré",
                                span_to=ids[7])  # the move of ids[5:] cuts it to ids[4]
    journal.set_cover(bol, ids[6])
    errors = tmp_path / "stderr.txt"
    proc = worker("undo", errors, home, bol, vase, 5)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == -9, f"the child was not killed: {out}\n{errors.read_text()}"

    journal = Journal.open(home)
    in_bol = [c.id for c in journal.captures(bol)[0]]
    where = bol if moment.id in {m.id for m in journal.snapshot(bol).moments} else vase
    state = (len(in_bol), journal.moment(where, moment.id).span_to,
             journal.piece(bol).typed_settings.cover)
    undone = (10, ids[7], ids[6])
    not_undone = (5, ids[4], None)  # as moved: the span cut, the cover gone with its still
    assert state in (undone, not_undone), \
        f"the undo is half done: {state[0]} stills in Bol, span to {state[1]}, cover {state[2]}"
