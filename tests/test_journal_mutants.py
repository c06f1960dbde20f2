"""Survivors of the mutation run over the journal (issue 20, tests/bench/MUTATION.md): each
test here fails with one or more mutants of journal/moving.py, recovery.py,
generations.py, storage.py, capture_id.py, confine.py, leftovers.py or ids.py applied,
and passes without. Real files on disk; a disk with an exact number of bytes free is
the one thing stood in for (``free_bytes``)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from coulisses.atomicio import DiskFullError
from coulisses.journal import CaptureNotFound, Journal, JournalError, sigstore, stills
from coulisses.journal import moving as moving_mod
from coulisses.journal.edits import MoveResult
from coulisses.os_errors import describe_os_error
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
INTENT = "moving.json"
DAY = "2026-11-20"


def fill(journal: Journal, pid: str, n: int, start: datetime = T0, step: int = 10,
         thumbnail: bool = True) -> list[str]:
    thumb = jpeg_bytes(32, 24) if thumbnail else None
    return [journal.add_still(pid, jpeg_bytes(value=20 + i % 200),
                              start + timedelta(seconds=step * i), thumbnail=thumb).id
            for i in range(n)]


def two_pieces(journal: Journal) -> tuple[str, str]:
    return journal.create_piece("Bol").id, journal.create_piece("Vase").id


def raw(journal: Journal, pid: str) -> dict[str, Any]:
    """piece.json as stored."""
    return json.loads((journal.home / "pieces" / pid / "piece.json").read_text("utf-8"))


def docs(journal: Journal, pid: str, table: str) -> list[dict[str, Any]]:
    return list((raw(journal, pid).get(table) or {}).values())


def plant(journal: Journal, src: str, dst: str, pairs: list[list[str]],
          **fields: Any) -> Path:
    """A move's intent record as a mover that died after writing it leaves it."""
    intent = {"version": 1, "src": src, "dst": dst, "pairs": pairs, "moments": [],
              "spans_left": {}, "spans_cut": {}, "meta": [], "dismissed": [], "hidden": [],
              "cover": None, **fields}
    path = journal.home / "pieces" / src / INTENT
    path.write_text(json.dumps(intent), "utf-8")
    return path


def still(journal: Journal, pid: str, cid: str) -> Path:
    return stills.still_path(journal.home / "pieces" / pid, cid)


# ------------------------------------------------------------ the intent record's check
A = "20261120T090000.000Z"
B = "20261120T090010.000Z"
B1 = "20261120T090010.000Z-1"
C = "20261120T090020.000Z"
OTHER = "20261120T090030.000Z"  # a still of the source the record does not move


def valid_intent() -> dict[str, Any]:
    """A record using every field: a clash (B arrives as B-1), a restore."""
    moment = {"id": "m1", "kind": "note", "time": "2026-11-20T09:00:00.000Z",
              "created": "2026-11-20T09:00:00.000Z", "caption": "x", "capture": B1,
              "span_to": C}
    return {"version": 1, "src": "bol", "dst": "vase",
            "pairs": [[A, A], [B, B1], [C, C]],
            "moments": [moment], "spans_left": {"m2": None, "m3": A}, "spans_cut": {"m2": B},
            "meta": [{"capture": B1, "meta": {"focus": [0.1, 0.2]}, "was": B}],
            "dismissed": [{"key": B1, "at": None, "was": B}],
            "hidden": [B1], "cover": B, "tries": 2,
            "restore": {"spans": [["m4", B, True], ["m5", OTHER, False]], "cover": [C, True]}}


def changed(**fields: Any) -> dict[str, Any]:
    intent = valid_intent()
    for key, value in fields.items():
        if value is ...:
            del intent[key]
        else:
            intent[key] = value
    return intent


def with_moment(**fields: Any) -> dict[str, Any]:
    intent = valid_intent()
    intent["moments"] = [{**intent["moments"][0], **fields}]
    return intent


def with_restore(spans: Any = None, cover: Any = ...) -> dict[str, Any]:
    intent = valid_intent()
    if spans is not None:
        intent["restore"]["spans"] = spans
    if cover is not ...:
        intent["restore"]["cover"] = cover
    return intent


KNOWS = "it is not a move record Coulisses knows"
PIECES = "it names pieces that are not this move's"
IDS = "it names stills that are not still ids"
TWICE = "it moves a still twice"
MOMENT = "a moment in it is not readable"
META = "the settings of a still in it are not readable"
DISMISSED = "a dismissed suggestion in it is not readable"
HIDDEN = "its hidden stills are not stills it moves"
COVER = "its cover is not a still it moves"
SPAN = "a moment's span in it is not readable"
FIELD = "a field is missing or is not what Coulisses expects"

BAD_INTENTS = {
    "a list": ([valid_intent()], KNOWS),
    "version 2": (changed(version=2), KNOWS),
    "another source": (changed(src="tasse"), PIECES),
    "a number for the other piece": (changed(dst=5), PIECES),
    "a path for the other piece": (changed(dst="../vase"), PIECES),
    "the same piece": (changed(dst="bol"), PIECES),
    "pairs not a list": (changed(pairs={"a": "b"}), IDS),
    "a pair of three": (changed(pairs=[[A, A, A], [B, B1], [C, C]]), IDS),
    "a path as a still": (changed(pairs=[[A, "../../x"], [B, B1], [C, C]]), IDS),
    "a still moved twice": (changed(pairs=[[A, A], [A, B1], [C, C]]), TWICE),
    "two stills to one name": (changed(pairs=[[A, A], [B, A], [C, C]]), TWICE),
    "a moment that is a list": (changed(moments=[[]]), MOMENT),
    "a moment of an unknown kind": (with_moment(kind="rant"), MOMENT),
    "a moment on a still not moved": (with_moment(capture=OTHER), MOMENT),
    "a moment spanning to a path": (with_moment(span_to="../x"), MOMENT),
    "settings of a still not moved": (changed(meta=[{"capture": B1, "meta": {},
                                                     "was": OTHER}]), META),
    "settings arriving under no name": (changed(meta=[{"capture": OTHER, "meta": {},
                                                       "was": B}]), META),
    "settings that are not a set": (changed(meta=[{"capture": B1, "meta": [1],
                                                   "was": B}]), META),
    "a dismissal of a still not moved": (changed(dismissed=[{"key": B1, "at": None,
                                                             "was": OTHER}]), DISMISSED),
    "a dismissal without a key": (changed(dismissed=[{"key": 3, "at": None, "was": B}]),
                                  DISMISSED),
    "a hidden still not moved": (changed(hidden=[OTHER]), HIDDEN),
    "a cover not moved": (changed(cover=OTHER), COVER),
    "a span left to a path": (changed(spans_left={"m2": "../x"}), SPAN),
    "a span cut from nothing": (changed(spans_cut={"m2": None}), SPAN),
    "a span cut from a path": (changed(spans_cut={"m2": "../x"}), SPAN),
    "tries as text": (changed(tries="2"), KNOWS),
    "tries below zero": (changed(tries=-1), KNOWS),
    "a restored span not a list": (with_restore(spans=["m4"]), SPAN),
    "a restored span of two": (with_restore(spans=[["m4", B]]), SPAN),
    "a restored span of a number": (with_restore(spans=[[4, B, True]]), SPAN),
    "a restored span coming back as text": (with_restore(spans=[["m4", B, "yes"]]), SPAN),
    "a restored span ending at a path": (with_restore(spans=[["m4", "../x", False]]), SPAN),
    "a restored span coming back unmoved": (with_restore(spans=[["m4", OTHER, True]]), SPAN),
    "a restored cover of three": (with_restore(cover=[C, True, True]), SPAN),
    "a restored cover not a list": (with_restore(cover=C), SPAN),
    "a restored cover coming back unmoved": (with_restore(cover=[OTHER, True]), SPAN),
    "a restored cover as text": (with_restore(cover=[C, "yes"]), SPAN),
    "no pairs": (changed(pairs=...), FIELD),
}


def test_a_record_using_every_field_is_replayable() -> None:
    assert moving_mod.intent_problem(valid_intent(), "bol") is None
    # Without the optional fields (older records have neither) and with a restore that
    # names no cover and a span coming back to a still the record does not move.
    assert moving_mod.intent_problem(changed(tries=..., restore=...), "bol") is None
    assert moving_mod.intent_problem(with_restore(cover=None), "bol") is None


@pytest.mark.parametrize("case", list(BAD_INTENTS))
def test_each_damage_of_a_record_is_named(case: str) -> None:
    intent, reason = BAD_INTENTS[case]
    assert moving_mod.intent_problem(intent, "bol") == reason


def test_a_record_with_bad_spans_and_a_good_restored_cover_is_refused() -> None:
    intent = with_restore(spans=[["m4", "../x", False]], cover=[C, True])
    assert moving_mod.intent_problem(intent, "bol") == SPAN


# ------------------------------------------------------------------- moving stills
def link_as_still(journal: Journal, pid: str, cid: str) -> Path:
    """Replace a still by a link to its bytes elsewhere (a synced journal can hold one)."""
    path = still(journal, pid, cid)
    target = journal.home.parent / f"elsewhere-{cid}.jpg"
    path.rename(target)
    path.symlink_to(target)
    return target


def test_moving_nothing_or_to_the_same_piece_or_an_unknown_still(journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    assert journal.move_stills(a, [], b) == MoveResult(a, b, (), ())
    with pytest.raises(JournalError) as same:
        journal.move_stills(a, ids, a)
    assert str(same.value) == "the stills are already in that piece; pick another piece"
    with pytest.raises(CaptureNotFound) as unknown:
        journal.move_stills(a, [ids[0], OTHER], b)
    assert str(unknown.value) == f"no still “{OTHER}” in this piece"


def test_a_text_that_is_not_a_still_id_is_never_a_still_to_move(journal: Journal) -> None:
    a, b = two_pieces(journal)
    fill(journal, a, 1)
    for text in ("../../escape", f"{A}.jpg", ""):
        with pytest.raises(CaptureNotFound) as unknown:
            journal.move_stills(a, [text], b)
        assert str(unknown.value) == f"no still “{text}” in this piece"
    assert not (journal.home / "pieces" / a / INTENT).exists()


def test_files_of_the_maker_in_a_day_folder_never_hide_the_stills_beside_them(
        journal: Journal, tmp_path: Path) -> None:
    """A photo of the maker's, a Finder copy of a still, a PNG and a link, each named
    like a still or not, made before and after the stills (a listing's order is the
    file system's): every still is listed, and none of those files is touched."""
    pid = journal.create_piece("Bol").id
    day = journal.home / "pieces" / pid / "stills" / DAY
    day.mkdir(parents=True)
    target = tmp_path / "elsewhere.jpg"
    target.write_bytes(jpeg_bytes(8, 8))
    made = [day / "IMG_1234.jpg", day / f"{B} copy.jpg"]
    for path in made:
        path.write_bytes(b"mine")
    ids = fill(journal, pid, 20)
    later = [day / "IMG_1235.jpg", day / "20261120T091000.000Z.png"]
    for path in later:
        path.write_bytes(b"mine")
    link = day / "20261120T091500.000Z.jpg"
    link.symlink_to(target)
    assert [c.id for c in journal.snapshot(pid).captures] == ids
    assert all(p.read_bytes() == b"mine" for p in made + later)
    assert link.is_symlink() and target.read_bytes() == jpeg_bytes(8, 8)


def test_a_still_behind_a_day_folder_linked_outside_is_never_one_of_the_piece(
        journal: Journal, tmp_path: Path) -> None:
    pid = journal.create_piece("Bol").id
    fill(journal, pid, 1)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "20261121T090000.000Z.jpg").write_bytes(jpeg_bytes(8, 8))
    (journal.home / "pieces" / pid / "stills" / "2026-11-21").symlink_to(outside)
    with pytest.raises(CaptureNotFound):
        journal.add_moment(pid, "note", at="20261121T090000.000Z", caption="x")
    assert journal.snapshot(pid).moments == ()


def test_progress_counts_every_still_handled_moved_or_not(journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 3)
    link_as_still(journal, a, ids[1])
    calls: list[tuple[int, int]] = []
    result = journal.move_stills(a, ids, b, progress=lambda done, total: calls.append(
        (done, total)))
    assert result.left == (ids[1],)
    assert calls == [(1, 3), (2, 3), (3, 3)]


def exact_need(journal: Journal, a: str, b: str, ids: list[str], tmp_path: Path,
               monkeypatch: pytest.MonkeyPatch) -> int:
    """What the move of ``ids`` needs free: its intent record (read from a twin journal
    whose mover dies right after writing it), both piece.json files and 256 KiB."""
    twin = tmp_path / "twin"
    shutil.copytree(journal.home, twin)

    def dies(*_a: Any, **_k: Any) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(moving_mod, "_apply", dies)
        with pytest.raises(KeyboardInterrupt):
            Journal.open(twin).move_stills(a, ids, b)
    record = (twin / "pieces" / a / INTENT).stat().st_size
    tables = sum((journal.home / "pieces" / p / "piece.json").stat().st_size for p in (a, b))
    return record + tables + 256 * 1024


def test_the_room_a_move_needs_is_its_record_both_piece_files_and_a_margin(
        journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 4)
    journal.add_moment(a, "struggle", at=ids[1], caption="Effondré ✨" * 40)
    journal.add_moment(b, "note", caption="b" * 3000)  # b's file counts too
    need = exact_need(journal, a, b, ids[1:3], tmp_path, monkeypatch)
    before = sorted(p.name for p in (journal.home / "pieces" / a).rglob("*.jpg"))
    monkeypatch.setattr(moving_mod, "free_bytes", lambda _home: need - 1)
    with pytest.raises(DiskFullError) as full:
        journal.move_stills(a, ids[1:3], b)
    assert full.value.errno == errno.ENOSPC
    assert full.value.strerror == (f"the disk is full: moving these stills needs "
                                   f"{need // 1024 + 1} kB free; free some space and try again")
    assert sorted(p.name for p in (journal.home / "pieces" / a).rglob("*.jpg")) == before
    assert not (journal.home / "pieces" / a / INTENT).exists()
    monkeypatch.setattr(moving_mod, "free_bytes", lambda _home: need)
    assert journal.move_stills(a, ids[1:3], b).after == tuple(ids[1:3])


def test_a_refused_move_says_how_much_room_it_needs(journal: Journal,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from coulisses.os_errors import describe_os_error_at

    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    monkeypatch.setattr(moving_mod, "free_bytes", lambda _home: 0)
    with pytest.raises(DiskFullError) as full:
        journal.move_stills(a, ids, b)
    assert "free some space and try again" in describe_os_error_at(full.value)


def test_a_move_into_a_piece_whose_file_went_missing_recovers_it_first(
        journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 3)
    fill(journal, b, 2, start=T0 + timedelta(days=1))
    (journal.home / "pieces" / b / "piece.json").unlink()  # a sync client deleted it
    j = Journal.open(journal.home)
    result = j.move_stills(a, ids[:2], b)
    assert result.after == tuple(ids[:2])
    assert any("was missing" in p for p in j.problems_of(b))
    assert len(j.snapshot(b).captures) == 4


def test_a_still_keeps_its_sequence_number_and_its_source_when_the_name_is_free(
        journal: Journal, tmp_path: Path) -> None:
    from coulisses.capture.importer import import_photos

    a, b = two_pieces(journal)
    first = journal.add_still(a, jpeg_bytes(value=1), T0).id
    second = journal.add_still(a, jpeg_bytes(value=2), T0).id  # same instant: "-1"
    assert second == f"{first}-1"
    card = tmp_path / "card"
    card.mkdir()
    (card / "IMG_0042.jpg").write_bytes(jpeg_bytes(value=90))
    imported = import_photos(journal, a, [card]).imported[0].id
    assert "~IMG_0042" in imported
    result = journal.move_stills(a, [second, imported], b)
    assert result.after == (second, imported)
    assert journal.move_back(result).after == (second, imported)


def test_spans_the_move_cuts_and_only_those(journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 8)
    alone = journal.add_moment(a, "struggle", at=ids[2], span_to=ids[3])  # 3 stays: cut to 2
    stays = journal.add_moment(a, "fix", at=ids[0], span_to=ids[2])  # 1 and 2 go: cut to 0
    untouched = journal.add_moment(a, "note", at=ids[5], span_to=ids[6])
    pointlike = journal.add_moment(a, "milestone", at=ids[7])
    result = journal.move_stills(a, [ids[1], ids[2]], b)
    went = {m.id: m for m in journal.snapshot(b).moments}
    assert went[alone.id].capture == ids[2] and went[alone.id].span_to is None
    left = {m.id: m for m in journal.snapshot(a).moments}
    assert left[stays.id].span_to is None  # what is left of it is its own still
    assert left[untouched.id].span_to == ids[6] and left[pointlike.id].span_to is None
    assert result.spans == tuple(sorted([(alone.id, ids[3]), (stays.id, ids[2])]))
    back = journal.move_back(result)
    assert back.after == (ids[1], ids[2])
    assert {m.id: m.span_to for m in journal.snapshot(a).moments} == {
        alone.id: ids[3], stays.id: ids[2], untouched.id: ids[6], pointlike.id: None}


def test_a_span_whose_first_still_was_deleted_by_hand_is_cut_cleanly(
        journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 4)
    moment = journal.add_moment(a, "struggle", at=ids[1], span_to=ids[3])
    for gone in ids[:2]:  # the maker deleted the first two stills in a file manager
        still(journal, a, gone).unlink()
    result = journal.move_stills(a, ids[2:], b)
    assert result.after == tuple(ids[2:])
    (kept,) = journal.snapshot(a).moments
    assert kept.id == moment.id and kept.span_to is None


def test_dismissals_keep_their_time_and_the_others_stay(journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 3)
    journal.dismiss_suggestion(a, ids[0])
    journal.dismiss_suggestion(a, ids[1])
    journal.dismiss_suggestion(a, "gap:overnight")  # a suggestion that is not a still
    at = {d["key"]: d["at"] for d in docs(journal, a, "dismissed")}
    journal.move_stills(a, [ids[1]], b)
    assert [(d["key"], d["at"]) for d in docs(journal, b, "dismissed")] == [
        (ids[1], at[ids[1]])]
    assert sorted(d["key"] for d in docs(journal, a, "dismissed")) == sorted(
        [ids[0], "gap:overnight"])


def test_a_piece_whose_record_has_no_settings_can_move_and_take_back_its_cover(
        journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 3)
    path = journal.home / "pieces" / a / "piece.json"
    data = raw(journal, a)
    data["piece"]["1"].pop("settings", None)  # an older or hand-edited file: allowed
    path.write_text(json.dumps(data), "utf-8")
    j = Journal.open(journal.home)
    assert j.move_stills(a, [ids[0]], b).after == (ids[0],)
    j.set_cover(a, ids[1])
    result = j.move_stills(a, [ids[1]], b)
    assert result.cover == ids[1]
    data = raw(j, a)
    data["piece"]["1"].pop("settings", None)  # edited again before the undo
    path.write_text(json.dumps(data), "utf-8")
    j = Journal.open(journal.home)
    j.move_back(result)
    assert j.snapshot(a).settings.cover == ids[1]


def test_undo_puts_a_span_back_on_a_still_that_had_to_take_another_name(
        journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 5)
    journal.add_still(b, jpeg_bytes(value=3), T0 + timedelta(seconds=30))  # b has ids[3]
    moment = journal.add_moment(a, "struggle", at=ids[1], span_to=ids[3])
    result = journal.move_stills(a, ids[3:], b)  # ids[3] arrives as ids[3]-1
    assert result.mapping[ids[3]] == f"{ids[3]}-1"
    assert result.spans == ((moment.id, ids[3]),)
    journal.move_back(result)
    (back,) = journal.snapshot(a).moments
    assert back.span_to == ids[3]


def test_undo_never_clears_a_cover_chosen_since_when_the_old_one_cannot_come_back(
        journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 3)
    journal.set_cover(a, ids[0])
    result = journal.move_stills(a, [ids[0]], b)
    assert result.cover == ids[0]
    journal.set_cover(a, ids[1])
    link_as_still(journal, b, ids[0])  # the old cover cannot come back (a link now)
    back = journal.move_back(result)
    assert back.left == (ids[0],)
    assert journal.snapshot(a).settings.cover == ids[1]


# ------------------------------------------------------ one still's rename, and why not
def test_why_each_still_stayed_when_its_new_name_was_taken_during_the_move(
        journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 4)
    still(journal, a, ids[3]).unlink()
    still(journal, a, ids[3]).mkdir()  # a folder with a still's name: listed, never moved
    dst_day = journal.home / "pieces" / b / "stills" / DAY

    def meanwhile(done: int, _total: int) -> None:
        # Another program writes into the other piece while the move runs.
        if done == 1:
            (dst_day / f"{ids[1]}.jpg").mkdir()
            (dst_day / f"{ids[2]}.jpg").write_bytes(jpeg_bytes(value=250))
            (dst_day / f"{ids[3]}.jpg").write_bytes(jpeg_bytes(value=251))

    result = journal.move_stills(a, ids, b, progress=meanwhile)
    assert result.after == (ids[0],)
    assert result.why == (
        (ids[1], "a file that is not a still has its name in the other piece"),
        (ids[2], "another still took its name in the other piece"),
        (ids[3], "it is not a plain file (a link?)"))
    assert [c.id for c in journal.captures(a)[0]] == ids[1:]
    assert (dst_day / f"{ids[2]}.jpg").read_bytes() == jpeg_bytes(value=250)


def test_a_still_left_with_two_names_by_a_crash_is_given_its_new_one(
        journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    plant(journal, a, b, [[ids[0], ids[0]]])
    new = still(journal, b, ids[0])
    new.parent.mkdir(parents=True)
    os.link(still(journal, a, ids[0]), new)  # killed between the link and the unlink
    j = Journal.open(journal.home)
    assert [c.id for c in j.captures(a)[0]] == [ids[1]]
    assert [c.id for c in j.captures(b)[0]] == [ids[0]]
    assert os.stat(new).st_nlink == 1


def test_a_folder_of_the_other_piece_that_leads_outside_keeps_the_still(
        journal: Journal, tmp_path: Path) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    outside = tmp_path / "outside"
    outside.mkdir()
    (journal.home / "pieces" / b / "stills").mkdir(parents=True, exist_ok=True)
    (journal.home / "pieces" / b / "stills" / DAY).symlink_to(outside)
    result = journal.move_stills(a, [ids[0]], b)
    assert result.why == ((ids[0], "its folder is a link to outside the journal"),)
    assert list(outside.iterdir()) == []
    assert [c.id for c in journal.captures(a)[0]] == ids


@pytest.fixture
def ext4(tmp_path: Path):
    """A small real ext4 disk (a loop device): hard-link limits and chattr attributes."""
    from tests.conftest import is_root

    if not is_root() or not shutil.which("mkfs.ext4"):
        pytest.skip("a loop-mounted ext4 needs root and mkfs.ext4")
    image, mnt = tmp_path / "disk.img", tmp_path / "ext4"
    mnt.mkdir()
    with open(image, "wb") as fh:
        fh.truncate(32 * 1024 * 1024)
    made = subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], capture_output=True)
    mounted = subprocess.run(["mount", "-o", "loop", str(image), str(mnt)], capture_output=True)
    if made.returncode or mounted.returncode:
        pytest.skip(f"cannot mount an ext4 image here: {mounted.stderr.decode().strip()}")
    attributes: list[Path] = []
    try:
        yield mnt, attributes
    finally:
        for path in attributes:  # an immutable folder cannot be removed by the cleanup
            subprocess.run(["chattr", "-a", "-i", str(path)], check=False)
        subprocess.run(["umount", str(mnt)], check=False)


def chattr(ext4, flag: str, path: Path) -> None:
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True)
    if done.returncode:
        pytest.skip(f"chattr {flag} is refused here: {done.stderr.decode().strip()}")
    ext4[1].append(path)


def test_a_still_that_cannot_take_another_link_is_renamed_instead(ext4) -> None:
    """ext4 allows 65,000 names per file (a backup tool hard-linking stills reaches it):
    the link fails with EMLINK and the still is renamed, keeping its inode."""
    journal = Journal.open(ext4[0] / "journal")
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    path = still(journal, a, ids[0])
    backups = ext4[0] / "backups"
    backups.mkdir()
    here, there = os.open(path.parent, os.O_RDONLY), os.open(backups, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            for n in range(70_000):
                os.link(path.name, str(n), src_dir_fd=here, dst_dir_fd=there)
    finally:
        os.close(here)
        os.close(there)
    assert os.stat(path).st_nlink > 60_000
    inode = os.stat(path).st_ino
    result = journal.move_stills(a, ids, b)
    assert result.after == tuple(ids) and result.left == ()
    assert os.stat(still(journal, b, ids[0])).st_ino == inode
    assert not os.path.lexists(path)


def test_a_still_stays_whole_when_the_other_piece_refuses_new_names(ext4) -> None:
    journal = Journal.open(ext4[0] / "journal")
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    fill(journal, b, 1, start=T0 + timedelta(seconds=5))
    day = journal.home / "pieces" / b / "stills" / DAY
    chattr(ext4, "+i", day)  # immutable: no link, no rename into it (EPERM)
    result = journal.move_stills(a, [ids[0]], b)
    denied = describe_os_error(PermissionError(errno.EPERM, "x"))
    assert result.why == ((ids[0], denied),)
    assert still(journal, a, ids[0]).read_bytes() == jpeg_bytes(value=20)


def test_a_still_that_cannot_leave_its_folder_keeps_one_name(ext4) -> None:
    journal = Journal.open(ext4[0] / "journal")
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    day = journal.home / "pieces" / a / "stills" / DAY
    chattr(ext4, "+a", day)  # append-only: a new name elsewhere, but no unlink here
    result = journal.move_stills(a, [ids[0]], b)
    denied = describe_os_error(PermissionError(errno.EPERM, "x"))
    assert result.why == ((ids[0], denied),)
    assert os.stat(still(journal, a, ids[0])).st_nlink == 1  # the new name was removed
    assert not os.path.lexists(still(journal, b, ids[0]))



def test_a_still_whose_two_names_both_refuse_removal_is_said_to_stay(ext4) -> None:
    """Both day folders append-only: the link is made, neither name can be removed. The
    still is then under both names (nothing can be done about it on such a disk); the
    move says it stayed and goes on."""
    journal = Journal.open(ext4[0] / "journal")
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    fill(journal, b, 1, start=T0 + timedelta(seconds=5))
    chattr(ext4, "+a", journal.home / "pieces" / a / "stills" / DAY)
    chattr(ext4, "+a", journal.home / "pieces" / b / "stills" / DAY)
    result = journal.move_stills(a, [ids[0]], b)
    denied = describe_os_error(PermissionError(errno.EPERM, "x"))
    assert result.after == () and result.why == ((ids[0], denied),)
    assert still(journal, a, ids[0]).read_bytes() == jpeg_bytes(value=20)

# ------------------------------------------------------- what goes along, and replays
def test_a_replay_after_the_metadata_was_written_adds_nothing_twice(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 4)
    journal.set_focus(a, (0.2, 0.8), ids[1])
    journal.dismiss_suggestion(a, ids[1])
    journal.set_cover(a, ids[1])

    def dies(*_a: Any) -> None:
        raise KeyboardInterrupt  # killed once both piece.json files were written

    monkeypatch.setattr(moving_mod, "_log_change", dies)
    with pytest.raises(KeyboardInterrupt):
        journal.move_stills(a, ids[1:3], b)
    monkeypatch.undo()
    j = Journal.open(journal.home)  # replays the whole record
    assert not (journal.home / "pieces" / a / INTENT).exists()
    assert [d["capture"] for d in docs(j, b, "capture_meta")] == [ids[1]]
    assert [d["key"] for d in docs(j, b, "dismissed")] == [ids[1]]
    assert j.snapshot(a).settings.cover is None and j.snapshot(b).settings.cover is None


def test_what_a_still_that_stayed_has_stays_with_it(journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 3)
    journal.set_focus(a, (0.3, 0.4), ids[0])
    journal.set_focus(a, (0.6, 0.7), ids[1])
    journal.dismiss_suggestion(a, ids[1])
    journal.set_cover(a, ids[1])
    still(journal, a, ids[1]).unlink()
    still(journal, a, ids[1]).mkdir()  # not a plain file: it stays
    result = journal.move_stills(a, ids[:2], b)
    assert result.after == (ids[0],) and result.left == (ids[1],)
    assert result.meta == ((ids[0], {"focus": [0.3, 0.4]}),)
    assert result.cover is None
    assert [d["capture"] for d in docs(journal, b, "capture_meta")] == [ids[0]]
    assert docs(journal, b, "dismissed") == []
    assert [d["key"] for d in docs(journal, a, "dismissed")] == [ids[1]]
    sa = journal.snapshot(a)
    assert sa.settings.cover == ids[1] and sa.still_settings(ids[1]).focus == (0.6, 0.7)


def test_thumbnails_follow_but_a_planted_link_is_never_carried(journal: Journal,
                                                              tmp_path: Path) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 3)
    ids += fill(journal, a, 1, start=T0 + timedelta(days=1))
    pa, pb = journal.home / "pieces" / a, journal.home / "pieces" / b
    outside = tmp_path / "outside"
    outside.mkdir()
    (pb / "thumbs").mkdir(parents=True, exist_ok=True)
    (pb / "thumbs" / "2026-11-21").symlink_to(outside)  # the next day's thumbnails
    planted = stills.thumb_path(pa, ids[0])
    planted.unlink()
    planted.symlink_to(journal.home.parent / "somewhere.jpg")
    stale = stills.thumb_path(pb, ids[1])  # left by a still deleted by hand long ago
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old thumbnail")
    mine = stills.thumb_path(pa, ids[1]).read_bytes()
    journal.move_stills(a, [*ids[:2], ids[3]], b)
    assert not os.path.lexists(stills.thumb_path(pb, ids[0]))  # the view makes a new one
    assert list(outside.iterdir()) == []
    assert os.path.islink(planted)
    assert stale.read_bytes() == mine and not os.path.lexists(stills.thumb_path(pa, ids[1]))


def test_signatures_are_never_copied_through_a_link(journal: Journal, tmp_path: Path) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 3)
    fill(journal, b, 1, start=T0 + timedelta(days=1))
    folder = journal.cache_dir(a, "signatures")
    elsewhere = tmp_path / "elsewhere"
    folder.rename(elsewhere)
    folder.symlink_to(elsewhere)
    assert sigstore.read_day(elsewhere, DAY)[0].size == 3
    journal.move_stills(a, ids[:2], b)
    assert sigstore.read_day(journal.cache_dir(b, "signatures"), DAY)[0].size == 0


def test_an_imported_photo_moved_is_not_imported_again_in_its_new_piece(
        journal: Journal, tmp_path: Path) -> None:
    from coulisses.capture.importer import import_photos

    a, b = two_pieces(journal)
    card = tmp_path / "card"
    card.mkdir()
    (card / "IMG_0001.jpg").write_bytes(jpeg_bytes(value=91))
    (card / "IMG_0002.jpg").write_bytes(jpeg_bytes(value=92))
    import_photos(journal, b, [card / "IMG_0002.jpg"])  # b knows what it holds
    (moved,) = import_photos(journal, a, [card / "IMG_0001.jpg"]).imported
    journal.move_stills(a, [moved.id], b)
    copy = tmp_path / "second card"
    copy.mkdir()
    (copy / "DSC_7777.jpg").write_bytes(jpeg_bytes(value=91))  # the same bytes renamed
    again = import_photos(journal, b, [copy])
    assert again.imported == ()
    assert len(journal.captures(b)[0]) == 2


def test_a_move_counts_as_a_change_of_both_pieces_for_readers(journal: Journal) -> None:
    from coulisses.journal import added

    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    before = added.mark(journal, a).log, added.mark(journal, b).log
    journal.move_stills(a, [ids[0]], b)
    after = added.mark(journal, a).log, added.mark(journal, b).log
    assert after[0] > before[0] and after[1] > before[1]


# ------------------------------------------------------ moves a crash left half done
def yet(piece: str, reason: str) -> str:
    return (f"A move of stills from piece {piece} could not be finished yet ({reason}); "
            "Coulisses will try again when the journal is next opened.")


def given_up(piece: str, reason: str, aside: Path) -> str:
    return (f"A move of stills from piece {piece} could not be finished ({reason}); its "
            f"record was moved to {aside}. Every still is in one piece; check that the "
            "moments of the moved stills followed them.")


def set_aside_records(journal: Journal, pid: str) -> list[Path]:
    folder = journal.home / "pieces" / pid / "set-aside"
    return sorted(p for p in folder.iterdir() if p.name.startswith(INTENT))


def test_a_replay_that_keeps_failing_is_said_each_time_then_set_aside(
        journal: Journal) -> None:
    a, _b = two_pieces(journal)
    ids = fill(journal, a, 2)
    plant(journal, a, "tasse", [[ids[0], ids[0]]])  # the other piece is gone
    missing = (f"no piece “tasse” in {journal.home}; `coulisses piece list` shows the "
               "pieces")
    for _ in range(3):
        j = Journal.open(journal.home)
        assert j.problems_of(a) == (yet(a, missing),)
        assert j.problems_of(None) == ()
    j = Journal.open(journal.home)
    (aside,) = set_aside_records(j, a)
    assert j.problems_of(a) == (given_up(a, "it failed 3 times", aside),)
    assert not (journal.home / "pieces" / a / INTENT).exists()
    assert [c.id for c in j.captures(a)[0]] == ids


def test_a_replay_failing_on_the_disk_says_why_in_words(journal: Journal) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    plant(journal, a, b, [[ids[0], ids[0]]])
    lock = journal.home / "pieces" / b / ".lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()  # the other piece cannot be locked
    j = Journal.open(journal.home)
    reason = describe_os_error(IsADirectoryError(errno.EISDIR, "x"))
    assert j.problems_of(a) == (yet(a, reason),)


@pytest.mark.parametrize("content, reason", [
    ("{not json", "its text is not valid JSON at line 1, column 2"),
    (json.dumps({"version": 2}), KNOWS),
])
def test_a_damaged_record_is_set_aside_at_once_saying_why(
        journal: Journal, content: str, reason: str) -> None:
    a, b = two_pieces(journal)
    fill(journal, a, 2)
    (journal.home / "pieces" / a / INTENT).write_text(content, "utf-8")
    j = Journal.open(journal.home)
    (aside,) = set_aside_records(j, a)
    assert aside.read_text("utf-8") == content
    assert j.problems_of(a) == (given_up(a, reason, aside),)
    assert not (journal.home / "pieces" / a / INTENT).exists()


def test_a_record_that_cannot_be_set_aside_is_named_where_it_is(journal: Journal) -> None:
    a, b = two_pieces(journal)
    fill(journal, a, 2)
    record = journal.home / "pieces" / a / INTENT
    record.write_text("{not json", "utf-8")
    (journal.home / "pieces" / a / "set-aside").write_text("a file in the way")
    j = Journal.open(journal.home)
    assert j.problems_of(a) == (
        given_up(a, "its text is not valid JSON at line 1, column 2", record),)


def test_a_record_in_a_linked_folder_outside_is_never_replayed(journal: Journal,
                                                                tmp_path: Path) -> None:
    a, b = two_pieces(journal)
    fill(journal, a, 2)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / INTENT).write_text("{not json", "utf-8")
    (journal.home / "pieces" / "dehors").symlink_to(outside)
    j = Journal.open(journal.home)
    assert (outside / INTENT).read_text("utf-8") == "{not json"
    assert sorted(p.name for p in outside.iterdir()) == [INTENT]
    assert not any("move" in p for p in j.problems)


def test_a_move_cut_short_with_the_cover_staying_is_finished_not_set_aside(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 4)
    journal.set_cover(a, ids[0])

    def dies(*_a: Any) -> None:
        raise KeyboardInterrupt  # killed before the first still moved

    monkeypatch.setattr(moving_mod, "_move_file", dies)
    with pytest.raises(KeyboardInterrupt):
        journal.move_stills(a, ids[1:3], b)
    monkeypatch.undo()
    j = Journal.open(journal.home)
    assert j.problems_of(a) == ()
    assert [c.id for c in j.captures(b)[0]] == ids[1:3]
    assert j.snapshot(a).settings.cover == ids[0]


# ------------------------------------------------------------- table files' recovery
def saturate_links(path: Path, folder: Path) -> None:
    """Give ``path`` every hard link its file system allows (a backup tool that links
    its files reaches ext4's 65,000): the next link fails with EMLINK."""
    folder.mkdir()
    here, there = os.open(path.parent, os.O_RDONLY), os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            for n in range(70_000):
                os.link(path.name, str(n), src_dir_fd=here, dst_dir_fd=there)
    finally:
        os.close(here)
        os.close(there)
    assert os.stat(path).st_nlink > 60_000


def edited_piece(home: Path) -> tuple[Journal, str, Path]:
    """A piece whose piece.json was written a few times (kept versions exist)."""
    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    fill(journal, pid, 3)
    for n in range(3):
        journal.add_moment(pid, "note", caption=f"m{n}")
    return journal, pid, home / "pieces" / pid / "piece.json"


def newest_kept(path: Path):
    from coulisses.journal import generations

    return generations.listing(path)[0]


def when(generation) -> str:
    return generation.saved.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def aside_of(path: Path) -> Path:
    (found,) = (path.parent / "set-aside").iterdir()
    return found


RESTORED = "Coulisses restored the version kept on {when} (changes made after that may be missing)."


@pytest.mark.parametrize("content, reason", [
    ({"moments": []}, "its table “moments” is not a table"),
    ({"_meta": {"1": {"schema": "two"}}}, "its schema version is not a number"),
    ({"moments": {"1": {"id": "m1", "kind": "rant"}}}, "moment m1 has an unknown kind"),
])
def test_a_damaged_piece_file_is_named_with_what_is_wrong(home: Path, content: dict,
                                                          reason: str) -> None:
    from coulisses.journal import generations
    from coulisses.journal.recovery import load
    from coulisses.journal.shape import piece_problem

    _journal, pid, path = edited_piece(home)
    kept = newest_kept(path)
    names_before = {g.path.name for g in generations.listing(path)}
    path.write_text(json.dumps(content), "utf-8")
    j = Journal.open(home)
    assert [m.caption for m in j.snapshot(pid).moments] == ["m0", "m1"]
    aside = aside_of(path)
    assert j.problems_of(pid) == (
        f"{path} was damaged ({reason}); it was moved to {aside} and "
        + RESTORED.format(when=when(kept)),)
    assert json.loads(aside.read_text("utf-8")) == content
    # The damaged version never became a kept version (it is in set-aside/ alone).
    for g in generations.listing(path):
        assert g.path.name in names_before
        load(g.path, piece_problem)


def test_a_piece_file_written_by_a_newer_coulisses_is_refused_untouched(home: Path) -> None:
    from coulisses.journal.errors import JournalTooNew

    _journal, pid, path = edited_piece(home)
    data = json.loads(path.read_text("utf-8"))
    data["_meta"] = {"1": {"schema": 99}}
    path.write_text(json.dumps(data), "utf-8")
    before = path.read_bytes()
    with pytest.raises(JournalTooNew) as refused:
        Journal.open(home).snapshot(pid)
    assert str(refused.value) == (f"{path} was written by a newer Coulisses (schema 99); "
                                  "update Coulisses to open this journal")
    assert path.read_bytes() == before


def test_missing_piece_files_are_said_in_full(home: Path) -> None:
    from coulisses.journal import generations

    _journal, pid, path = edited_piece(home)
    kept = newest_kept(path)
    path.unlink()
    j = Journal.open(home)
    j.snapshot(pid)
    assert j.problems_of(pid) == (f"{path} was missing; " + RESTORED.format(when=when(kept)),)
    path.unlink()
    for g in generations.listing(path):
        g.path.unlink()
    j = Journal.open(home)
    j.snapshot(pid)
    assert j.problems_of(pid) == (
        f"{path} was missing and no earlier version of it could be read; Coulisses started "
        "it afresh (its moments, captions and hidden stills are gone, the stills are kept).",)


def test_a_kept_version_written_by_a_newer_coulisses_is_skipped(home: Path) -> None:
    from coulisses.journal import generations

    _journal, pid, path = edited_piece(home)
    newest, older = generations.listing(path)[:2]
    data = json.loads(newest.path.read_text("utf-8"))
    data["_meta"] = {"1": {"schema": 99}}
    newest.path.unlink()  # kept versions are links to old inodes: write a new one
    newest.path.write_text(json.dumps(data), "utf-8")
    path.write_text("{ torn", "utf-8")
    j = Journal.open(home)
    assert [m.caption for m in j.snapshot(pid).moments] == ["m0"]
    assert RESTORED.format(when=when(older)) in j.problems_of(pid)[0]


def test_a_folder_where_the_piece_file_should_be_is_set_aside_whole(home: Path) -> None:
    import re

    _journal, pid, path = edited_piece(home)
    path.unlink()
    path.mkdir()
    (path / "note.txt").write_text("made by a sync client")
    j = Journal.open(home)
    assert [m.caption for m in j.snapshot(pid).moments] == ["m0", "m1"]
    aside = aside_of(path)
    assert re.fullmatch(r"piece\.json\.\d{8}T\d{12}\.damaged", aside.name)
    assert (aside / "note.txt").read_text() == "made by a sync client"
    assert path.is_file()


def test_a_damaged_file_that_cannot_take_another_link_is_set_aside_as_a_copy(ext4) -> None:
    _journal, pid, path = edited_piece(ext4[0] / "journal")
    path.write_text("{ torn", "utf-8")
    saturate_links(path, ext4[0] / "links")
    j = Journal.open(path.parent.parent.parent)
    assert [m.caption for m in j.snapshot(pid).moments] == ["m0", "m1"]
    aside = aside_of(path)
    assert aside.read_text("utf-8") == "{ torn" and os.stat(aside).st_nlink == 1


def test_a_file_migrated_keeps_its_old_version_even_without_a_link(ext4) -> None:
    _journal, pid, path = edited_piece(ext4[0] / "journal")
    data = json.loads(path.read_text("utf-8"))
    data["_meta"] = {"1": {"schema": 1}}
    old = json.dumps(data)
    path.unlink()
    path.write_text(old, "utf-8")
    saturate_links(path, ext4[0] / "links")
    j = Journal.open(path.parent.parent.parent)
    assert len(j.snapshot(pid).moments) == 3
    kept = path.with_name("piece.json.v1.bak")
    assert kept.read_text("utf-8") == old and os.stat(kept).st_nlink == 1
    assert json.loads(path.read_text("utf-8"))["_meta"]["1"]["schema"] == 2


# ----------------------------------------------------------- kept versions of a file
def stamp_name(path: Path, t: datetime, n: int = 0) -> str:
    return f"{path.name}.{t.strftime('%Y%m%dT%H%M%S.%f')}Z" + (f"-{n}" if n else "")


def test_a_link_is_never_kept_as_a_version(tmp_path: Path) -> None:
    from coulisses.journal import generations

    outside = tmp_path / "outside.json"
    outside.write_text("{}")
    path = tmp_path / "piece.json"
    path.symlink_to(outside)
    assert generations.keep(path) is None
    assert not generations.folder_of(path).exists() or not any(
        generations.folder_of(path).iterdir())


@pytest.fixture
def tokyo():
    """The computer's clock set to Tokyo (UTC+9): local time is not UTC."""
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_kept_versions_are_stamped_in_utc_and_said_in_local_time(home: Path, tokyo) -> None:
    from coulisses.journal import generations

    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    path = home / "pieces" / pid / "piece.json"
    started = datetime.now(UTC)
    journal.add_moment(pid, "note", caption="m0")
    kept = generations.listing(path)[0]
    assert started - timedelta(seconds=5) <= kept.saved <= datetime.now(UTC) + timedelta(
        seconds=5)
    utc = datetime.strptime(kept.path.name.split(".", 2)[2], "%Y%m%dT%H%M%S.%fZ").replace(
        tzinfo=UTC)
    path.write_text("{ torn", "utf-8")
    j = Journal.open(home)
    j.snapshot(pid)
    said = (utc + timedelta(hours=9)).strftime("%Y-%m-%d %H:%M:%S")
    assert f"restored the version kept on {said} (" in j.problems_of(pid)[0]


def test_versions_kept_at_one_instant_each_get_their_own_name(tmp_path: Path) -> None:
    from coulisses.journal import generations

    path = tmp_path / "piece.json"
    t = datetime(2020, 1, 1, 9, 0, tzinfo=UTC)
    for n in range(3):
        path.write_text(json.dumps({"n": n}))
        generations.keep(path, now=t)
    folder = generations.folder_of(path)
    assert sorted(p.name for p in folder.iterdir()) == [
        stamp_name(path, t), stamp_name(path, t, 1), stamp_name(path, t, 2)]
    assert json.loads((folder / stamp_name(path, t, 2)).read_text()) == {"n": 2}


def test_pruning_goes_by_the_time_it_is_given_and_keeps_one_version_a_day(
        tmp_path: Path) -> None:
    from coulisses.journal import generations

    path = tmp_path / "piece.json"
    now = datetime(2020, 1, 10, 12, 0, tzinfo=UTC)
    for day in range(3, 11):  # a version a day, kept by keep() as the clock said then
        path.write_text(json.dumps({"day": day}))
        generations.keep(path, now=now.replace(day=day))
    assert len(generations.listing(path)) == 8  # all within the week before `now`
    folder = generations.folder_of(path)
    for minute in range(3):  # three more on the 4th, older than that day's: pruned
        (folder / stamp_name(path, datetime(2020, 1, 4, 9, minute, tzinfo=UTC))).write_text("{}")
    removed = generations.prune(path, now)
    assert sorted(p.name for p in removed) == sorted(
        stamp_name(path, datetime(2020, 1, 4, 9, m, tzinfo=UTC)) for m in range(3))
    assert len(generations.listing(path)) == 8


def test_a_version_is_copied_when_the_file_cannot_take_another_link(ext4) -> None:
    from coulisses.journal import generations

    path = ext4[0] / "piece.json"
    path.write_text(json.dumps({"kept": True}))
    saturate_links(path, ext4[0] / "links")
    kept = generations.keep(path)
    assert kept is not None and json.loads(kept.read_text()) == {"kept": True}
    assert os.stat(kept).st_nlink == 1 and os.stat(kept).st_mode & 0o111 == 0
    assert [g.path for g in generations.listing(path)] == [kept]


def test_only_versions_are_listed_never_links_or_other_files(tmp_path: Path) -> None:
    from coulisses.journal import generations

    path = tmp_path / "piece.json"
    folder = generations.folder_of(path)
    folder.mkdir()
    times = [datetime(2020, 1, d, tzinfo=UTC) for d in (1, 2, 3)]
    for t in times:
        (folder / stamp_name(path, t)).write_text("{}")
    outside = tmp_path / "outside.json"
    outside.write_text("{}")
    (folder / stamp_name(path, datetime(2020, 1, 9, tzinfo=UTC))).symlink_to(outside)
    for n in range(20):
        (folder / f"notes-{n}.txt").write_text("not a version")
    assert [g.path.name for g in generations.listing(path)] == [
        stamp_name(path, t) for t in reversed(times)]


def test_the_single_backup_of_older_versions_is_a_last_resort(home: Path) -> None:
    from coulisses.journal import generations

    _journal, pid, path = edited_piece(home)
    good = path.read_text("utf-8")
    shutil.rmtree(generations.folder_of(path))
    legacy = path.with_name("piece.json.bak")
    legacy.write_text(good, "utf-8")
    os.utime(legacy, (1_600_000_000, 1_600_000_000))
    path.write_text("{ torn", "utf-8")
    j = Journal.open(home)
    assert len(j.snapshot(pid).moments) == 3
    said = datetime.fromtimestamp(1_600_000_000, UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert f"restored the version kept on {said} (" in j.problems_of(pid)[0]
    # A link in its place is not a version.
    legacy.unlink()
    legacy.symlink_to(home.parent / "elsewhere.json")
    (home.parent / "elsewhere.json").write_text(good, "utf-8")
    shutil.rmtree(generations.folder_of(path), ignore_errors=True)
    path.write_text("{ torn again", "utf-8")
    j = Journal.open(home)
    assert j.snapshot(pid).moments == ()
    assert "no earlier version could be read" in j.problems_of(pid)[0]


def sync_client_removes(monkeypatch, which: int) -> list[Path]:
    """A sync client deleting a kept version just after Coulisses listed them (the
    listing is real; the file named ``which`` in it is then removed, once)."""
    from coulisses.journal import generations

    real, removed = generations.listing, []

    def listing(path: Path) -> list:
        found = real(path)
        if not removed and found:
            removed.append(found[which].path)
            found[which].path.unlink()
        return found

    monkeypatch.setattr(generations, "listing", listing)
    return removed


def test_a_kept_version_deleted_while_recovering_is_skipped_for_the_next(
        home: Path, monkeypatch) -> None:
    from coulisses.journal import generations

    _journal, pid, path = edited_piece(home)  # moments m0, m1, m2
    second = generations.listing(path)[1]  # the version with m0 only
    path.write_text("{ torn", "utf-8")
    removed = sync_client_removes(monkeypatch, 0)
    j = Journal.open(home)
    assert [m.caption for m in j.snapshot(pid).moments] == ["m0"]
    assert removed and not removed[0].exists()
    assert RESTORED.format(when=when(second)) in j.problems_of(pid)[0]


def test_a_version_deleted_by_someone_else_while_pruning_fails_nothing(
        tmp_path: Path, monkeypatch) -> None:
    from coulisses.journal import generations

    path = tmp_path / "piece.json"
    t = datetime(2020, 1, 1, 9, 0, tzinfo=UTC)
    for n in range(7):  # each version replaces the file, as write_table does
        if n:
            assert generations.keep(path, now=t + timedelta(minutes=n)) is not None
        (tmp_path / "new").write_text(json.dumps({"n": n}))
        os.replace(tmp_path / "new", path)
    removed = sync_client_removes(monkeypatch, -1)  # the oldest, due to be pruned
    kept = generations.keep(path, now=t + timedelta(minutes=7))
    assert kept is not None and json.loads(kept.read_text()) == {"n": 6}
    assert removed and not removed[0].exists()
    monkeypatch.undo()
    assert [json.loads(g.path.read_text())["n"] for g in generations.listing(path)] == [
        6, 5, 4, 3, 2]  # 0 pruned by an earlier keep, 1 deleted by the other


# ------------------------------------------------------------ reading table files
def unreadable(path: Path, reason: str) -> str:
    return (f"Coulisses cannot read {path} right now ({reason}); nothing was changed. Check "
            "that the disk or network folder is connected and that the file is kept on this "
            "computer, then try again.")


def test_a_piece_file_that_is_a_socket_is_refused_untouched(home: Path) -> None:
    """Opening a socket gives ENXIO (a real error that is not 'missing'): tried again,
    then the piece is refused with the words for it, and nothing on disk changes."""
    import socket

    _journal, pid, path = edited_piece(home)
    path.unlink()
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        with pytest.raises(JournalError) as refused:
            Journal.open(home).snapshot(pid)
    finally:
        sock.close()
    reason = describe_os_error(OSError(errno.ENXIO, "x"))
    assert str(refused.value) == unreadable(path, reason)
    assert not (path.parent / "set-aside").exists()


def test_a_piece_file_whose_read_fails_is_tried_again_then_refused(home: Path) -> None:
    """A real read error (EIO): this process's own memory file, bound over piece.json,
    opens but fails on read."""
    import time

    from tests.conftest import is_root

    if not is_root():
        pytest.skip("a bind mount needs root")
    _journal, pid, path = edited_piece(home)
    before = path.read_bytes()
    mounted = subprocess.run(["mount", "--bind", f"/proc/{os.getpid()}/mem", str(path)],
                             capture_output=True)
    if mounted.returncode:
        pytest.skip(f"cannot bind a file here: {mounted.stderr.decode().strip()}")
    try:
        started = time.monotonic()
        with pytest.raises(JournalError) as refused:
            Journal.open(home).snapshot(pid)
        took = time.monotonic() - started
    finally:
        subprocess.run(["umount", str(path)], check=False)
    assert str(refused.value) == unreadable(path, describe_os_error(OSError(errno.EIO, "x")))
    assert took >= 1.1  # three more tries, 0.1 + 0.3 + 0.8 s apart
    assert path.read_bytes() == before and not (path.parent / "set-aside").exists()


@pytest.mark.parametrize("damage, reason", [
    ("link", "it is a link to another file"),
    ("folder", "it is a folder, not a file"),
    ("empty", "the file is empty"),
    ("latin-1", "it is not text Coulisses can read"),
])
def test_each_kind_of_damaged_piece_file_is_named(home: Path, tmp_path: Path, damage: str,
                                                  reason: str) -> None:
    _journal, pid, path = edited_piece(home)
    stolen = tmp_path / "stolen.json"
    data = json.loads(path.read_text("utf-8"))
    data["piece"]["1"]["name"] = "stolen"
    stolen.write_text(json.dumps(data), "utf-8")
    path.unlink()
    if damage == "link":
        path.symlink_to(stolen)  # a valid piece file outside: never read
    elif damage == "folder":
        path.mkdir()
    elif damage == "empty":
        path.write_bytes(b" \n")
    else:
        path.write_bytes('{"piece": {"1": {"name": "Bol é"}}}'.encode("latin-1"))
    j = Journal.open(home)
    assert j.snapshot(pid).piece.name == "Bol"
    aside = aside_of(path)
    assert j.problems_of(pid)[0].startswith(f"{path} was damaged ({reason}); it was moved to "
                                            f"{aside} and Coulisses restored the version")


@pytest.mark.parametrize("content, reason", [
    ("[]", "it is not a journal table file"),
    (json.dumps({"moments": {"1": {"id": "m9", "kind": "rant"}}}),
     "moment m9 has an unknown kind"),
])
def test_a_piece_file_damaged_while_open_is_repaired_and_the_edit_refused(
        home: Path, content: str, reason: str) -> None:
    journal, pid, path = edited_piece(home)
    journal.snapshot(pid)  # checked once for this process
    path.write_text(content, "utf-8")  # then damaged by something else
    with pytest.raises(JournalError) as refused:
        journal.add_moment(pid, "note", caption="late")
    assert str(refused.value) == f"{path} was damaged and has been repaired; try again"
    aside = aside_of(path)
    assert journal.problems_of(pid)[0].startswith(
        f"{path} was damaged ({reason}); it was moved to {aside} and Coulisses restored")


def test_the_piece_lock_is_held_against_other_processes(home: Path) -> None:
    import sys

    from coulisses.journal.storage import locked

    lock = home / "pieces" / "bol" / ".lock"
    probe = ("import fcntl, sys\n"
             "fd = open(sys.argv[1], 'a')\n"
             "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
             "except BlockingIOError:\n    sys.exit(3)\n")
    with locked(lock):
        with locked(lock):  # re-entrant: the inner release must not let go
            pass
        held = subprocess.run([sys.executable, "-c", probe, str(lock)])
    free = subprocess.run([sys.executable, "-c", probe, str(lock)])
    assert held.returncode == 3 and free.returncode == 0


# ------------------------------------------------------------------- still ids
def test_the_longest_ids_are_valid_and_one_byte_more_is_not() -> None:
    from coulisses.journal.capture_id import CaptureId, is_capture_id

    stamp = "20261120T090000.000Z"
    longest = f"{stamp}-99999~{'a' * 200}"
    assert len(longest) == 227 and is_capture_id(longest)
    assert not is_capture_id(f"{stamp}-99999~{'a' * 201}")
    assert is_capture_id(f"{stamp}~{'é' * 100}")  # 200 bytes in UTF-8
    assert not is_capture_id(f"{stamp}~{'é' * 100}a")
    for text in (None, 5, b"20261120T090000.000Z", ["x"]):
        assert CaptureId.parse(text) is None and not is_capture_id(text)


def test_an_id_is_made_in_utc_whatever_the_computer_s_clock(tokyo) -> None:
    from coulisses.journal.capture_id import CaptureId, stamp

    assert stamp(T0) == "20261120T090000.000Z"
    assert stamp(T0.astimezone()) == "20261120T090000.000Z"
    assert CaptureId.make(T0) == "20261120T090000.000Z"


# ------------------------------------------------------------ nothing outside the journal
def test_a_path_that_is_not_under_the_root_is_never_inside_it(tmp_path: Path) -> None:
    from coulisses.journal.confine import is_own_file, no_link_between

    root = tmp_path / "journal"
    (root / "pieces").mkdir(parents=True)
    assert no_link_between(root, root / "pieces" / "x.jpg")
    assert not no_link_between(root, tmp_path / "elsewhere" / "x.jpg")
    (root / "pieces" / "a.jpg").write_bytes(b"x")
    (root / "pieces" / "b.jpg").symlink_to(root / "pieces" / "a.jpg")
    assert is_own_file(root / "pieces" / "a.jpg")
    assert not any(is_own_file(root / "pieces" / n) for n in ("b.jpg", "missing.jpg"))
    assert not is_own_file(root / "pieces")


def test_a_still_refused_by_a_planted_link_names_the_folder(journal: Journal,
                                                             tmp_path: Path) -> None:
    from coulisses.journal.confine import OutsideJournal
    from coulisses.os_errors import describe_os_error_at

    pid = journal.create_piece("Bol").id
    outside = tmp_path / "outside"
    outside.mkdir()
    day = journal.home / "pieces" / pid / "stills" / DAY
    day.parent.mkdir(parents=True, exist_ok=True)
    day.symlink_to(outside)
    with pytest.raises(OutsideJournal) as refused:
        journal.add_still(pid, jpeg_bytes(), T0)
    assert refused.value.errno == errno.ELOOP and refused.value.filename == str(day)
    assert describe_os_error_at(refused.value) == f"too many symbolic links in the path ({day})"
    assert list(outside.iterdir()) == []


def test_the_journal_s_logs_and_locks_are_never_executable(journal: Journal,
                                                           tmp_path: Path) -> None:
    a, b = two_pieces(journal)
    ids = fill(journal, a, 2)
    lock = journal.home / "pieces" / b / ".lock"
    lock.unlink(missing_ok=True)
    (tmp_path / "theirs").write_text("keep")
    lock.symlink_to(tmp_path / "theirs")  # a planted link: replaced by a lock file of ours
    journal.move_stills(a, [ids[0]], b)
    assert (tmp_path / "theirs").read_text() == "keep" and not lock.is_symlink()
    made = [journal.home / "pieces" / p / name for p in (a, b)
            for name in (".lock", "cache/stills-added.log")]
    for path in made:
        assert os.stat(path).st_mode & 0o777 == 0o644 & ~current_umask(), path


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ------------------------------------------------------ what interrupted work leaves
def test_a_file_of_the_maker_in_a_folder_named_like_a_new_piece_is_never_deleted(
        journal: Journal) -> None:
    root = journal.home / "pieces"
    (root / "bol").mkdir()
    notes = root / "bol" / "notes.txt"
    notes.write_text("mine")
    assert journal.create_piece("Bol").id == "bol-2"  # the maker's folder keeps its name
    assert notes.read_text() == "mine"
    assert [p.id for p in journal.pieces()] == ["bol-2"]  # and is not taken for a piece
    # A folder holding only a lock and a write cut short is a leftover: its name is free.
    (root / "vase").mkdir()
    (root / "vase" / ".lock").touch()
    (root / "vase" / ".piece.json.abcd1234.tmp").write_bytes(b"{")
    assert journal.create_piece("Vase").id == "vase"
    assert not (root / "vase" / ".piece.json.abcd1234.tmp").exists()


def test_a_piece_can_be_made_beside_a_folder_holding_a_file_of_the_maker(
        journal: Journal) -> None:
    (journal.home / "pieces" / "bol").mkdir()
    (journal.home / "pieces" / "bol" / ".DS_Store").write_bytes(b"\0")
    assert journal.create_piece("Bol").id == "bol-2"


def aged(path: Path, mtime: float) -> Path:
    os.utime(path, (mtime, mtime))
    return path


def temp_file(path: Path, mtime: float) -> Path:
    """What an atomic write killed before its rename leaves, written at ``mtime``."""
    path.write_bytes(b"partial")
    return aged(path, mtime)


def test_temp_piece_folders_of_a_kill_are_swept_when_old_enough(journal: Journal,
                                                                tmp_path: Path) -> None:
    from coulisses.journal import leftovers

    root = journal.home / "pieces"
    now = 1_600_000_000.0  # a clock of its own: far from the real one
    made = {}
    for name, age in (("stale", 7200), ("edge", leftovers.STALE_AFTER), ("fresh", 10)):
        folder = root / f".new-{name}-12345678"
        folder.mkdir()
        (folder / "piece.json").write_text("{}")
        made[name] = aged(folder, now - age)
    plain = temp_file(root / ".new-file", now - 7200)  # a file: never swept as a folder
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    link = root / ".new-link-12345678"
    link.symlink_to(outside)
    os.utime(link, (now - 7200, now - 7200), follow_symlinks=False)  # an old link: not ours
    piece = journal.create_piece("Bol")  # a real piece, untouched for a long time
    aged(root / piece.id, now - 7200)
    leftovers.sweep_new(root, now)
    assert (root / piece.id / "piece.json").is_file()
    assert not made["stale"].exists()
    assert made["edge"].exists() and made["fresh"].exists()
    assert plain.exists() and (outside / "keep.txt").exists()
    Journal.open(journal.home)  # by the real clock: 2020 is long ago
    assert not made["edge"].exists() and not made["fresh"].exists()
    assert plain.exists() and (outside / "keep.txt").exists()


def test_a_piece_is_swept_once_a_day_and_never_of_its_stills(journal: Journal) -> None:
    from coulisses.journal import leftovers

    pid = journal.create_piece("Bol").id
    ids = fill(journal, pid, 2)
    folder = journal.home / "pieces" / pid
    cache = folder / "cache"
    now = 1_600_000_000.0
    for cid in ids:  # stills of long ago: never temp files
        aged(still(journal, pid, cid), now - 30 * 86400)
    stale = [temp_file(folder / ".piece.json.abcd1234.tmp", now - 7200),
             temp_file(folder / "stills" / DAY / f".{ids[0]}.jpg.a1b2c3d4.tmp", now - 7200),
             temp_file(folder / "thumbs" / DAY / f".{ids[1]}.jpg.e5f6a7b8.tmp", now - 7200)]
    edge = temp_file(folder / ".x.jpg.00000000.tmp", now - leftovers.STALE_AFTER)
    fresh = temp_file(folder / ".y.jpg.11111111.tmp", now - 10)
    (cache / leftovers.SWEPT_MARKER).unlink(missing_ok=True)
    assert leftovers.sweep_piece(folder, cache, now) == 3
    assert not any(p.exists() for p in stale) and edge.exists() and fresh.exists()
    assert all(still(journal, pid, cid).exists() for cid in ids)
    marker = aged(cache / leftovers.SWEPT_MARKER, now)
    later = temp_file(folder / ".z.jpg.22222222.tmp", now - 7200)
    assert leftovers.sweep_piece(folder, cache, now + leftovers.SWEEP_EVERY - 1) == 0
    assert later.exists()
    # A day after the last sweep: edge, fresh and later are all old enough by then.
    assert leftovers.sweep_piece(folder, cache, now + leftovers.SWEEP_EVERY) == 3
    assert not later.exists() and marker.exists()


def test_a_file_of_the_maker_named_like_a_piece_keeps_its_name(journal: Journal) -> None:
    """A plain file in pieces/ (not a folder: it cannot be listed) is not a leftover."""
    notes = journal.home / "pieces" / "bol"
    notes.write_text("mine")
    assert journal.create_piece("Bol").id == "bol-2"
    assert notes.read_text() == "mine"


def test_a_piece_never_takes_a_name_a_folder_of_the_maker_has_in_another_case(
        journal: Journal) -> None:
    """On macOS and Windows 'Bol' and 'bol' are one folder: a piece made there would land
    in the maker's folder (its lock and temp files removed, then 'not empty'), and a
    journal synced there from Linux would merge the two."""
    own = journal.home / "pieces" / "Bol"
    own.mkdir()
    (own / "notes.txt").write_text("mine")
    assert journal.create_piece("Bol").id == "bol-2"
    assert [p.name for p in own.iterdir()] == ["notes.txt"]


def test_a_piece_that_cannot_be_made_says_why_and_leaves_nothing(ext4) -> None:
    """pieces/ refuses new entries (immutable): the maker gets the system's error for it,
    never a TypeError from the cleanup, and nothing is left behind."""
    journal = Journal.open(ext4[0] / "journal")
    root = journal.home / "pieces"
    chattr(ext4, "+i", root)
    with pytest.raises(OSError) as refused:
        journal.create_piece("Bol")
    assert refused.value.errno == errno.EPERM
    assert list(root.iterdir()) == []


def test_a_temp_file_that_cannot_be_removed_never_stops_a_piece_opening(ext4) -> None:
    """A day folder that refuses removals (append-only, like a write-once share): the
    stale temp file stays and the piece opens."""
    journal = Journal.open(ext4[0] / "journal")
    pid = journal.create_piece("Bol").id
    ids = fill(journal, pid, 2)
    folder = journal.home / "pieces" / pid
    stale = temp_file(folder / "stills" / DAY / f".{ids[0]}.jpg.a1b2c3d4.tmp",
                      datetime.now(UTC).timestamp() - 7200)
    (folder / "cache" / "swept").unlink(missing_ok=True)
    chattr(ext4, "+a", folder / "stills" / DAY)
    assert [c.id for c in Journal.open(journal.home).snapshot(pid).captures] == ids
    assert stale.exists()


# ------------------------------------------------------------ names made from text
@pytest.mark.parametrize("name, slug", [
    ("Straße", "strasse"), ("Æble", "aeble"), ("Ørsted", "orsted"), ("Œuvre", "oeuvre"),
])
def test_letters_without_an_ascii_decomposition_are_spelled_out(name: str, slug: str) -> None:
    from coulisses.journal.ids import slugify

    assert slugify(name) == slug


def test_a_taken_name_gets_the_next_free_number_within_the_length_limit() -> None:
    from coulisses.journal.ids import MAX_ID_LEN, unique_id

    assert unique_id("bol", {"bol", "bol-2"}) == "bol-3"
    long = "a" * MAX_ID_LEN
    assert unique_id(long, {long}) == "a" * (MAX_ID_LEN - 2) + "-2"


@pytest.mark.parametrize("raw, text", [
    ("a\ud800b", "a_b"),  # a lone surrogate that no byte stands for
    ("x\udfff", "x_"),
    ("\ud800\udce9", "__"),  # an escape beside a surrogate no byte stands for
    (os.fsdecode(b"caf\xe9"), "café"),  # Latin-1
    (os.fsdecode(b"prix 5\x80"), "prix 5€"),  # Windows-1252
    (os.fsdecode(b"caf\x81"), "caf_"),  # a byte Windows-1252 has no letter for
])
def test_any_name_a_file_system_gives_becomes_valid_text(raw: str, text: str) -> None:
    from coulisses.journal.ids import valid_text

    assert valid_text(raw) == text


@pytest.mark.parametrize("name, part", [
    ("..photo.jpg.", "photo.jpg"),
    ("X-ray.jpg ", "X-ray.jpg"),
    ("X" + "b" * 79 + ".", "X" + "b" * 79),  # 81 characters until the dot goes
    ("a/b:c", "a_b_c"),
    ("😀" * 70, "😀" * 50),  # 280 bytes: the last 200
    ("👍🏽" + "b" * 79, "b" * 79),  # the cut would start on a skin tone
    ("👍🏽 .X" + "b" * 76, "X" + "b" * 76),
])
def test_a_source_name_is_cut_and_cleaned_to_a_safe_part(name: str, part: str) -> None:
    from coulisses.journal.ids import safe_filename_part

    assert safe_filename_part(name) == part
