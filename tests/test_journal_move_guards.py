"""The guards of a move that a mutation run found untested (issue 20): a still is never
unlinked while its new name holds another file, two stills of one move never get the
same new name, and the new names are made durable before the metadata says so."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta

from coulisses.journal import Journal
from tests.helpers import jpeg_bytes
from tests.test_journal_durability import Recorder

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_a_replay_never_unlinks_a_still_whose_new_name_holds_another_file(
        journal: Journal) -> None:
    a = journal.create_piece("Bol").id
    b = journal.create_piece("Vase").id
    mine = journal.add_still(a, jpeg_bytes(value=10), T0)
    # After the mover planned (new name free in b) and died, another still took the name.
    theirs = journal.add_still(b, jpeg_bytes(value=200), T0)
    assert theirs.id == mine.id
    intent = {"version": 1, "src": a, "dst": b, "pairs": [[mine.id, mine.id]],
              "moments": [], "spans_left": {}, "spans_cut": {}, "meta": [], "dismissed": [],
              "hidden": [], "cover": None}
    (journal.home / "pieces" / a / "moving.json").write_text(json.dumps(intent))
    j = Journal.open(journal.home)
    assert mine.path.read_bytes() == jpeg_bytes(value=10), "the still was unlinked"
    assert theirs.path.read_bytes() == jpeg_bytes(value=200), "another still was overwritten"
    assert [c.id for c in j.captures(a)[0]] == [mine.id]
    assert not (journal.home / "pieces" / a / "moving.json").exists()


def test_two_stills_of_one_move_never_get_the_same_new_name(journal: Journal) -> None:
    a = journal.create_piece("Bol").id
    b = journal.create_piece("Vase").id
    first = journal.add_still(a, jpeg_bytes(value=1), T0).id            # T
    second = journal.add_still(a, jpeg_bytes(value=2), T0).id           # T-1
    journal.add_still(b, jpeg_bytes(value=3), T0)                       # b has T
    result = journal.move_stills(a, [first, second], b)
    # T must become T-1 in b and T-1 the next free one, T-2: both move, none left.
    assert result.left == () and len(set(result.after)) == 2
    assert result.after == (f"{first}-1", f"{first}-2")
    assert len(journal.captures(b)[0]) == 3 and journal.captures(a)[0] == []


def test_new_names_are_durable_before_piece_json_says_they_moved(journal: Journal,
                                                                 monkeypatch) -> None:
    a = journal.create_piece("Bol").id
    b = journal.create_piece("Vase").id
    ids = [journal.add_still(a, jpeg_bytes(value=i), T0 + timedelta(seconds=i)).id
           for i in range(3)]
    rec = Recorder(monkeypatch)
    journal.move_stills(a, ids, b)
    unlinked = [i for i, o in enumerate(rec.ops)
                if o.kind == "unlink" and o.path.parent.name == "2026-11-20"
                and o.path.parent.parent.parent.name == a]
    assert len(unlinked) == 3
    dst_day = journal.home / "pieces" / b / "stills" / "2026-11-20"
    src_day = journal.home / "pieces" / a / "stills" / "2026-11-20"
    dst_json = journal.home / "pieces" / b / "piece.json"
    written = rec.index(lambda o: o.kind == "replace" and o.target == dst_json)
    assert written is not None
    for day in (dst_day, src_day):
        synced = rec.index(lambda o, day=day: o.kind == "fsync-dir" and o.path == day,
                           unlinked[-1])
        assert synced is not None and synced < written, f"{day} not fsynced before piece.json"
    assert os.listdir(src_day) == []
