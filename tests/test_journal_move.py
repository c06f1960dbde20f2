"""Moving stills to another piece: what goes along, names that clash, moving back, and
a kill at any instant leaving every still in exactly one piece."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.journal import (
    CaptureNotFound,
    DiskFullError,
    Journal,
    JournalError,
    sigstore,
    stills,
)
from coulisses.journal import moving as moving_mod
from tests.helpers import fill_disk, jpeg_bytes

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def fill(journal: Journal, piece_id: str, n: int, start: datetime = T0,
         thumbnail: bool = False) -> list[str]:
    jpeg = jpeg_bytes()
    thumb = jpeg_bytes(32, 24) if thumbnail else None
    return [journal.add_still(piece_id, jpeg, start + timedelta(seconds=10 * i),
                              thumbnail=thumb).id for i in range(n)]


def inodes(journal: Journal, piece_id: str) -> dict[int, str]:
    caps, _ = journal.captures(piece_id)
    return {os.stat(c.path).st_ino: c.id for c in caps}


@pytest.fixture
def two(journal):
    a = journal.create_piece("Bol")
    b = journal.create_piece("Vase")
    ids = fill(journal, a.id, 20, thumbnail=True)
    fill(journal, b.id, 5, start=T0 + timedelta(days=1))
    return a.id, b.id, ids


def test_move_takes_moments_settings_hidden_and_files_along(journal, two):
    a, b, ids = two
    on = journal.add_moment(a, "struggle", at=ids[6], caption="Effondré", span_to=ids[17])
    stays = journal.add_moment(a, "fix", at=ids[2], caption="reprise", span_to=ids[7])
    kept = journal.add_moment(a, "note", at=ids[18])
    journal.set_focus(a, (0.1, 0.9), ids[8])
    journal.hide_stills(a, ids[9:11])
    journal.dismiss_suggestion(a, ids[12])
    journal.set_cover(a, ids[6])
    was = journal.snapshot(a)
    signatures_before = sigstore.read_day(a and journal.cache_dir(a, "signatures"),
                                          stills.day_of(ids[6]))
    assert signatures_before[0].size == 20

    result = journal.move_stills(a, ids[5:15], b)
    assert result.before == tuple(ids[5:15]) and result.after == tuple(ids[5:15])
    assert not (journal.home / "pieces" / a / moving_mod.INTENT).exists()
    sa, sb = journal.snapshot(a), journal.snapshot(b)
    assert [c.id for c in sa.captures] == ids[:5] + ids[15:]
    assert len(sb.captures) == 15 and all(sb.index_of(c) is not None for c in ids[5:15])
    for cid in ids[5:15]:
        assert stills.thumb_path(journal.piece(b).folder, cid).exists()
        assert not stills.thumb_path(journal.piece(a).folder, cid).exists()
    # The moment on a moved still went along with its id, its span cut at the last moved still.
    (went,) = sb.moments
    assert (went.id, went.capture, went.span_to, went.caption) == (on.id, ids[6], ids[14],
                                                                   "Effondré")
    assert result.moments == (went,)
    # A moment that stays keeps the part of its span that stayed.
    assert {m.id: m.span_to for m in sa.moments} == {stays.id: ids[4], kept.id: None}
    assert sb.still_settings(ids[8]).focus == (0.1, 0.9) and ids[8] not in sa.capture_meta
    assert sb.is_hidden(ids[9]) and sb.is_hidden(ids[10]) and not sb.is_hidden(ids[11])
    assert not sa.hidden
    assert ids[12] in sb.dismissed and ids[12] not in sa.dismissed
    assert sa.settings.cover is None  # the cover left with its still
    # Stored signatures followed (the timeline of the other piece decodes nothing).
    moved_sigs = sigstore.read_day(journal.cache_dir(b, "signatures"), stills.day_of(ids[6]))
    assert moved_sigs[0].size == 10

    # Undo: everything as it was, spans and cover included.
    journal.move_back(result)
    now = journal.snapshot(a)
    assert [c.id for c in now.captures] == ids
    assert now.moments == was.moments
    assert (now.capture_meta, now.hidden, now.dismissed, now.piece.settings) == (
        was.capture_meta, was.hidden, was.dismissed, was.piece.settings)
    assert journal.snapshot(b).moments == ()


def test_a_clash_gets_the_next_seq_and_moving_back_restores_the_ids(journal, two):
    a, b, ids = two
    jpeg = jpeg_bytes(value=30)
    clash = journal.add_still(b, jpeg, stills.parse_capture_id(ids[3])[0]).id
    assert clash == ids[3]
    m = journal.add_moment(a, "struggle", at=ids[3], caption="x")
    journal.set_focus(a, (0.3, 0.3), ids[3])
    before_a = inodes(journal, a)
    result = journal.move_stills(a, ids[2:5], b)
    assert result.after == (ids[2], ids[3] + "-1", ids[4])
    sb = journal.snapshot(b)
    assert sb.moments[0].capture == ids[3] + "-1" and sb.moments[0].id == m.id
    assert sb.still_settings(ids[3] + "-1").focus == (0.3, 0.3)
    assert sb.still_settings(ids[3]).focus is None  # b's own still untouched

    back = journal.move_back(result)
    assert back.after == tuple(ids[2:5])
    assert inodes(journal, a) == before_a
    sa = journal.snapshot(a)
    assert sa.moments == (m,)
    assert sa.still_settings(ids[3]).focus == (0.3, 0.3)
    assert [c.id for c in journal.snapshot(b).captures].count(ids[3]) == 1


def test_unknown_still_or_same_piece_moves_nothing(journal, two):
    a, b, ids = two
    before = inodes(journal, a), inodes(journal, b)
    with pytest.raises(CaptureNotFound):
        journal.move_stills(a, [ids[1], "20990101T000000.000Z"], b)
    with pytest.raises(JournalError, match="already in that piece"):
        journal.move_stills(a, ids[:2], a)
    assert (inodes(journal, a), inodes(journal, b)) == before
    assert not (journal.home / "pieces" / a / moving_mod.INTENT).exists()


@pytest.mark.parametrize("where", ["rename:0", "rename:1", "rename:4", "signatures",
                                   "before-log"])
def test_a_move_cut_short_is_finished_by_the_next_open(journal, two, monkeypatch, where):
    """The process dies mid-move (after some renames, after all of them, after the
    metadata): the next open finishes it."""
    a, b, ids = two
    m = journal.add_moment(a, "milestone", at=ids[9])
    calls = []

    def die(*_a):
        raise KeyboardInterrupt  # stands for the kill

    if where.startswith("rename:"):
        real = moving_mod._move_file

        def dying(src: Path, dst: Path) -> bool:
            if len(calls) == int(where.split(":")[1]):
                die()
            calls.append(src)
            return real(src, dst)

        monkeypatch.setattr(moving_mod, "_move_file", dying)
    elif where == "signatures":
        monkeypatch.setattr(moving_mod, "_copy_signatures", die)
    else:
        monkeypatch.setattr(moving_mod, "_log_change", die)
    with pytest.raises(KeyboardInterrupt):
        journal.move_stills(a, ids[8:14], b)
    monkeypatch.undo()
    assert (journal.home / "pieces" / a / moving_mod.INTENT).exists()
    fresh = Journal.open(journal.home)
    assert not (journal.home / "pieces" / a / moving_mod.INTENT).exists()
    sa, sb = fresh.snapshot(a), fresh.snapshot(b)
    assert [c.id for c in sa.captures] == ids[:8] + ids[14:]
    assert sb.moments == (m,) and sa.moments == ()


MOVER = textwrap.dedent("""
    import sys
    from coulisses.journal import Journal
    j = Journal.open(sys.argv[1])
    a, b = sys.argv[2], sys.argv[3]
    while True:
        caps, _ = j.captures(a)
        result = j.move_stills(a, [c.id for c in caps[40:160]], b)
        print("moved", flush=True)
        j.move_back(result)
        print("back", flush=True)
""")


def test_kill_9_mid_move_leaves_every_still_in_exactly_one_piece(journal):
    a = journal.create_piece("Bol").id
    b = journal.create_piece("Vase").id
    with pytest.MonkeyPatch.context() as setup:
        setup.setattr(os, "fsync", lambda fd: None)  # the setup is not what is tested
        ids = fill(journal, a, 200, thumbnail=True)
        fill(journal, b, 20, start=T0 + timedelta(days=3))
    for k in range(0, 200, 7):
        journal.add_moment(a, "note", at=ids[k], caption=f"m{k}", span_to=ids[min(k + 3, 199)])
    all_inodes = set(inodes(journal, a)) | set(inodes(journal, b))
    moment_ids = {m.id for m in journal.snapshot(a).moments}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    rng = random.Random(11)
    cut_short = 0
    for _trial in range(8):
        proc = subprocess.Popen([sys.executable, "-c", MOVER, str(journal.home), a, b],
                                stdout=subprocess.PIPE, env=env, text=True)
        assert proc.stdout.readline(), "the mover did not start"
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        cut_short += any((journal.home / "pieces" / p / moving_mod.INTENT).exists()
                         for p in (a, b))
        j = Journal.open(journal.home)
        assert not any((journal.home / "pieces" / p / moving_mod.INTENT).exists()
                       for p in (a, b))
        in_a, in_b = inodes(j, a), inodes(j, b)
        assert not set(in_a) & set(in_b), "a still is in both pieces"
        assert set(in_a) | set(in_b) == all_inodes, "a still was lost"
        sa, sb = j.snapshot(a), j.snapshot(b)
        assert {m.id for m in sa.moments} | {m.id for m in sb.moments} == moment_ids
        assert not {m.id for m in sa.moments} & {m.id for m in sb.moments}
        for snap in (sa, sb):
            for m in snap.moments:
                assert snap.index_of(m.capture) is not None, "a moment left its still"
                assert m.span_to is None or snap.index_of(m.span_to) is not None
            assert not snap.problems
    # The mover is always inside a move once it has printed, so most kills land
    # mid-move (an intent record left behind); none would make this test pointless.
    assert cut_short >= 1


def test_a_full_disk_refuses_the_move_before_anything_moves(tmpfs):
    home = tmpfs("2m") / "journal"
    journal = Journal.open(home)
    a = journal.create_piece("Bol").id
    b = journal.create_piece("Vase").id
    ids = fill(journal, a, 10)
    journal.add_moment(a, "note", at=ids[3], caption="x" * 500)
    filler = home.parent / "filler"
    fill_disk(filler)
    before = inodes(journal, a), inodes(journal, b)
    with pytest.raises(DiskFullError, match="free some space"):
        journal.move_stills(a, ids[2:6], b)
    assert (inodes(journal, a), inodes(journal, b)) == before
    assert not (home / "pieces" / a / moving_mod.INTENT).exists()
    filler.unlink()
    assert journal.move_stills(a, ids[2:6], b).after == tuple(ids[2:6])
