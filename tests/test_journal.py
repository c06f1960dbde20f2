from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.journal import (
    Journal,
    JournalError,
    PieceNotFound,
    UnreadableStill,
)
from coulisses.journal.codec import read_still
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 23, 9, 30, 0, 123000, tzinfo=UTC)


def test_piece_names_accents_emoji_traversal_duplicates(journal: Journal, home: Path) -> None:
    names = ["Vase bleu ✨ #3", "Vase bleu ✨ #3", "../..", "../../etc", "x" * 300,
             "Théière", "/", "NUL"]
    pieces = [journal.create_piece(n) for n in names]
    ids = [p.id for p in pieces]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "vase-bleu-3" and ids[1] == "vase-bleu-3-2"
    for p in pieces:
        folder = (home / "pieces" / p.id).resolve()
        assert folder.parent == (home / "pieces").resolve()
        assert len(p.id) <= 60
    # The name is kept as typed (the id is only for folders).
    assert journal.piece(ids[0]).name == "Vase bleu ✨ #3"
    assert journal.piece(ids[5]).name == "Théière"
    assert journal.find_piece("Théière").id == ids[5]
    assert journal.find_piece("théière").id == ids[5]
    with pytest.raises(PieceNotFound):
        journal.find_piece("../pieces")
    with pytest.raises(JournalError):
        journal.create_piece("   ")


def test_stills_are_named_in_time_order_and_sharded_by_day(journal: Journal) -> None:
    piece = journal.create_piece("Bol")
    times = [T0 + timedelta(hours=h, milliseconds=7 * h) for h in (30, 0, 5, 14, 29)]
    for t in times:
        journal.add_still(piece.id, jpeg_bytes(value=10), t)
    snap = journal.snapshot(piece.id)
    assert [c.time for c in snap.captures] == sorted(times)
    names = [c.path.name for c in snap.captures]
    assert names == sorted(names)
    days = {c.path.parent.name for c in snap.captures}
    assert days == {"2026-11-23", "2026-11-24"}
    # Milliseconds survive the round trip through the file name.
    assert snap.captures[0].time == T0


def test_same_instant_does_not_overwrite(journal: Journal) -> None:
    piece = journal.create_piece("Bol")
    a = journal.add_still(piece.id, jpeg_bytes(value=10), T0)
    b = journal.add_still(piece.id, jpeg_bytes(value=200), T0)
    assert a is not None and b is not None and a.id != b.id
    assert a.path.read_bytes() != b.path.read_bytes()
    # An imported photo is recognised as already there.
    c = journal.add_still(piece.id, jpeg_bytes(), T0, source="IMG_1.JPG", skip_duplicate=True)
    d = journal.add_still(piece.id, jpeg_bytes(), T0, source="IMG_1.JPG", skip_duplicate=True)
    assert c is not None and c.source == "IMG_1.JPG" and d is None
    assert len(journal.snapshot(piece.id).captures) == 3


def test_snapshot_is_immutable_while_capture_goes_on(journal: Journal) -> None:
    piece = journal.create_piece("Bol")
    journal.add_still(piece.id, jpeg_bytes(), T0)
    snap = journal.snapshot(piece.id)
    journal.add_still(piece.id, jpeg_bytes(), T0 + timedelta(seconds=5))
    journal.add_moment(piece.id, "struggle", caption="Effondrement")
    assert len(snap.captures) == 1 and snap.moments == ()
    with pytest.raises(AttributeError):
        snap.captures = ()  # type: ignore[misc]
    with pytest.raises((AttributeError, TypeError)):
        snap.captures[0].id = "x"  # type: ignore[misc]
    later = journal.snapshot(piece.id)
    assert len(later.captures) == 2 and len(later.moments) == 1


UNICODE_CAPTIONS = [
    "Troisième effondrement. Trop d'eau.",
    "Ça a tenu ! 🎉🏺",
    "שלום עולם",
    "مرحبا بالعالم",
    "日本語のキャプション",
    "tab\tand\nnewline \"quotes\" \\ back",
    "e\u0301 (combining) vs é",
    "",
]


def test_unicode_captions_round_trip_exactly(journal: Journal, home: Path) -> None:
    piece = journal.create_piece("Bol")
    journal.add_still(piece.id, jpeg_bytes(), T0)
    ids = [journal.add_moment(piece.id, "note", caption=c).id for c in UNICODE_CAPTIONS]
    reopened = Journal.open(home)
    by_id = {m.id: m.caption for m in reopened.snapshot(piece.id).moments}
    assert [by_id[i] for i in ids] == UNICODE_CAPTIONS


def test_moments_at_last_capture_time_and_before_any_capture(journal: Journal) -> None:
    piece = journal.create_piece("Bol")
    early = journal.add_moment(piece.id, "note", at="2026-11-20T10:00:00Z", caption="Idée")
    assert early.capture is None
    assert early.time == datetime(2026, 11, 20, 10, tzinfo=UTC)
    caps = [journal.add_still(piece.id, jpeg_bytes(), T0 + timedelta(seconds=10 * i))
            for i in range(5)]
    last = journal.add_moment(piece.id, "struggle")
    assert last.capture == caps[-1].id
    by_id = journal.add_moment(piece.id, "fix", at=caps[1].id)
    assert by_id.capture == caps[1].id
    by_time = journal.add_moment(piece.id, "milestone", at="2026-11-23T09:30:25Z")
    assert by_time.capture == caps[2].id  # nearest at or before
    span = journal.add_moment(piece.id, "struggle", at=caps[1].id, span_to=caps[3].id)
    assert span.span_to == caps[3].id
    with pytest.raises(JournalError):
        journal.add_moment(piece.id, "struggle", at=caps[3].id, span_to=caps[1].id)
    with pytest.raises(JournalError):
        journal.add_moment(piece.id, "oops")
    with pytest.raises(JournalError):
        journal.add_moment(piece.id, "note", at="yesterday-ish")


def test_edit_and_delete_moments(journal: Journal) -> None:
    piece = journal.create_piece("Bol")
    a = journal.add_still(piece.id, jpeg_bytes(), T0)
    b = journal.add_still(piece.id, jpeg_bytes(), T0 + timedelta(minutes=1))
    m = journal.add_moment(piece.id, "struggle", at=a.id, caption="v1")
    m2 = journal.update_moment(piece.id, m.id, caption="v2", capture=b.id)
    assert (m2.caption, m2.capture, m2.time) == ("v2", b.id, b.time)
    journal.delete_moment(piece.id, m.id)
    assert journal.snapshot(piece.id).moments == ()
    with pytest.raises(JournalError):
        journal.delete_moment(piece.id, m.id)


def test_corrupt_piece_json_is_set_aside_and_recovered(journal: Journal, home: Path) -> None:
    piece = journal.create_piece("Vase bleu")
    journal.add_still(piece.id, jpeg_bytes(), T0)
    journal.add_moment(piece.id, "struggle", caption="premier")
    journal.add_moment(piece.id, "fix", caption="second")
    path = home / "pieces" / piece.id / "piece.json"
    damaged = b'{"moments": {"1": {"id": "m1", "ki'
    path.write_bytes(damaged)

    fresh = Journal.open(home)
    snap = fresh.snapshot(piece.id)
    # The damaged file was moved aside intact, never overwritten.
    aside = list((home / "pieces" / piece.id / "set-aside").iterdir())
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert any("damaged" in p and str(aside[0]) in p for p in fresh.problems)
    # The previous version was restored: the last change may be missing, not more.
    assert snap.piece.name == "Vase bleu"
    assert [m.caption for m in snap.moments] == ["premier"]
    assert len(snap.captures) == 1
    # And the journal keeps working.
    fresh.add_moment(piece.id, "result", caption="fini")
    assert len(Journal.open(home).snapshot(piece.id).moments) == 2


def test_corrupt_json_without_backup_starts_afresh_and_keeps_stills(home: Path) -> None:
    j = Journal.open(home)
    piece = j.create_piece("Bol")
    j.add_still(piece.id, jpeg_bytes(), T0)
    (home / "pieces" / piece.id / "piece.json").write_text("not json at all", "utf-8")
    fresh = Journal.open(home)
    snap = fresh.snapshot(piece.id)
    assert len(snap.captures) == 1 and snap.piece.id == piece.id
    assert fresh.problems and "set-aside" in fresh.problems[0]


def test_corrupt_root_file_is_set_aside(home: Path) -> None:
    Journal.open(home).create_piece("Bol")
    (home / "coulisses.json").write_text("{", "utf-8")
    j = Journal.open(home)
    assert [p.name for p in j.pieces()] == ["Bol"]
    assert (home / "set-aside").is_dir()


def test_truncated_and_empty_stills_are_reported_clearly_when_read(journal: Journal) -> None:
    piece = journal.create_piece("Bol")
    good = journal.add_still(piece.id, jpeg_bytes(), T0)
    bad = journal.add_still(piece.id, jpeg_bytes(width=320, height=240), T0 + timedelta(seconds=1))
    empty = journal.add_still(piece.id, jpeg_bytes(), T0 + timedelta(seconds=2))
    data = bad.path.read_bytes()
    bad.path.write_bytes(data[: len(data) // 2])
    empty.path.write_bytes(b"")
    # A stray temp file from an interrupted write is never a still.
    (good.path.parent / f".{good.id}x.jpg.abc.tmp").write_bytes(data)
    snap = journal.snapshot(piece.id)
    assert [c.id for c in snap.captures] == [good.id, bad.id, empty.id]
    assert read_still(good.path).shape == (48, 64, 3)
    with pytest.raises(UnreadableStill, match="empty") as info:
        read_still(empty.path)
    assert str(empty.path) in str(info.value) and "skipped" in str(info.value)
    with pytest.raises(UnreadableStill, match="truncated"):
        read_still(bad.path)
    # Nothing was overwritten.
    assert bad.path.stat().st_size == len(data) // 2


def test_writes_are_never_in_place(journal: Journal, home: Path) -> None:
    piece = journal.create_piece("Bol")
    path = home / "pieces" / piece.id / "piece.json"
    inode = os.stat(path).st_ino
    journal.add_moment(piece.id, "note", caption="x")
    assert os.stat(path).st_ino != inode  # replaced, not rewritten
    # The previous version is kept among the file's generations.
    from coulisses.journal import generations

    kept = generations.listing(path)
    assert len(kept) == 1 and kept[0].path.parent == path.parent / "backups"
    assert "moments" not in json.loads(kept[0].path.read_text("utf-8"))


def test_schema_version_and_forward_migration(home: Path, monkeypatch) -> None:
    from coulisses.journal import schema

    j = Journal.open(home)
    piece = j.create_piece("Bol")
    path = home / "pieces" / piece.id / "piece.json"
    data = json.loads(path.read_text("utf-8"))
    assert schema.version_of(data) == schema.SCHEMA_VERSION

    now = schema.SCHEMA_VERSION

    def next_version(d):
        d.setdefault("piece", {}).setdefault("1", {})["migrated"] = True
        return d

    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    monkeypatch.setitem(schema.MIGRATIONS, now, next_version)
    import coulisses.journal.recovery as rmod

    monkeypatch.setattr(rmod, "SCHEMA_VERSION", now + 1)
    monkeypatch.setattr(rmod, "migrate", lambda d: schema.migrate(d, target=now + 1))
    Journal.open(home).piece(piece.id)
    migrated = json.loads(path.read_text("utf-8"))
    assert migrated["piece"]["1"]["migrated"] is True
    assert schema.version_of(migrated) == now + 1
    assert (path.parent / f"piece.json.v{now}.bak").exists()


def test_a_newer_journal_is_refused_clearly(home: Path) -> None:
    from coulisses.journal import JournalTooNew

    Journal.open(home)
    (home / "coulisses.json").write_text('{"_meta": {"1": {"schema": 99}}}', "utf-8")
    with pytest.raises(JournalTooNew, match="newer Coulisses"):
        Journal.open(home)


def test_home_resolution(monkeypatch, tmp_path: Path) -> None:
    from coulisses.journal import resolve_home

    monkeypatch.setenv("COULISSES_HOME", str(tmp_path / "env"))
    assert resolve_home(None) == (tmp_path / "env").resolve()
    assert resolve_home(str(tmp_path / "flag")) == (tmp_path / "flag").resolve()
    monkeypatch.delenv("COULISSES_HOME")
    assert "coulisses" in str(resolve_home(None)).lower()


def test_observers_hear_changes(journal: Journal) -> None:
    seen = []
    unsubscribe = journal.subscribe(lambda e: seen.append(e.kind))
    piece = journal.create_piece("Bol")
    journal.add_still(piece.id, jpeg_bytes(), T0)
    journal.add_moment(piece.id, "note")
    unsubscribe()
    journal.add_moment(piece.id, "note")
    assert seen == ["piece-created", "capture-added", "moment-changed"]


def test_rename_and_settings_keep_the_id_and_folder(journal: Journal) -> None:
    piece = journal.create_piece("Bol")
    renamed = journal.rename_piece(piece.id, "  Bol   raku  ")
    assert (renamed.id, renamed.name, renamed.folder) == (piece.id, "Bol raku", piece.folder)
    journal.update_piece_settings(piece.id, focus=[0.3, 0.6])
    assert dict(journal.snapshot(piece.id).piece.settings) == {"focus": [0.3, 0.6]}
    with pytest.raises(JournalError):
        journal.rename_piece(piece.id, "   ")
