"""Curation in the journal: declared piece settings, hidden stills, cover and focus,
moments and dismissals put back exactly (the app's undo), failed writes changing nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.atomicio import DiskFullError
from coulisses.journal import CaptureNotFound, Journal, JournalError, stills
from coulisses.journal.hidden import HiddenRanges
from coulisses.journal.piece_settings import PieceSettings, StillSettings
from coulisses.timeline.editing import MomentEditor
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def fill(journal: Journal, piece_id: str, n: int, step: float = 10.0) -> list[str]:
    jpeg = jpeg_bytes()
    return [journal.add_still(piece_id, jpeg, T0 + timedelta(seconds=step * i)).id
            for i in range(n)]


def hidden_docs(journal: Journal, piece_id: str) -> list:
    data = json.loads((journal.home / "pieces" / piece_id / "piece.json").read_text("utf-8"))
    return list((data.get("hidden") or {}).values())


@pytest.fixture
def piece(journal):
    p = journal.create_piece("Vase bleu #3")
    return p, fill(journal, p.id, 30)


# ------------------------------------------------------------------ settings
def test_piece_settings_are_typed_and_tolerant():
    s = PieceSettings.from_mapping({"cover": "20261120T090000.000Z", "focus": {"x": 2, "y": .5},
                                    "session_gap": "600", "craft": "pottery", "demo": True,
                                    "archived": "yes"})
    assert s == PieceSettings(cover="20261120T090000.000Z", focus=(1.0, 0.5),
                              session_gap=600.0, craft="pottery", demo=True, archived=False)
    bad = PieceSettings.from_mapping({"cover": 3, "focus": "middle", "session_gap": -5,
                                      "craft": ["x"], "demo": 1})
    assert bad == PieceSettings()
    assert PieceSettings.from_mapping(s.to_mapping()) == s
    assert PieceSettings().to_mapping() == {}
    assert StillSettings.from_mapping({"focus": [0.2, 0.9]}).focus == (0.2, 0.9)


def test_update_piece_settings_refuses_unknown_keys_and_bad_values(journal, piece):
    p, _ = piece
    journal.update_piece_settings(p.id, craft="pottery", session_gap=900, archived=True)
    assert journal.piece(p.id).typed_settings == PieceSettings(craft="pottery",
                                                               session_gap=900.0,
                                                               archived=True)
    before = (journal.home / "pieces" / p.id / "piece.json").read_bytes()
    with pytest.raises(JournalError, match="not a piece setting"):
        journal.update_piece_settings(p.id, colour="blue")
    with pytest.raises(JournalError, match="not a valid session_gap"):
        journal.update_piece_settings(p.id, session_gap="soon")
    assert (journal.home / "pieces" / p.id / "piece.json").read_bytes() == before
    journal.update_piece_settings(p.id, archived=None)  # back to the default
    assert journal.piece(p.id).typed_settings.archived is False
    assert "archived" not in journal.piece(p.id).settings


# ------------------------------------------------------------------ hidden
def test_hiding_ten_thousand_consecutive_stills_is_one_range(journal, monkeypatch):
    import os

    p = journal.create_piece("Long")
    with monkeypatch.context() as setup:
        setup.setattr(os, "fsync", lambda fd: None)  # building the piece is not what is tested
        ids = fill(journal, p.id, 10_050, step=30)  # spans several day folders
    change = journal.hide_stills(p.id, ids[20:10_020])
    assert change.before == HiddenRanges() and len(change.ids) == 10_000
    assert change.after.ranges == ((ids[20], ids[10_019]),)
    (doc,) = hidden_docs(journal, p.id)
    assert doc == {"ranges": [[ids[20], ids[10_019]]]}
    snap = journal.snapshot(p.id)
    assert [snap.is_hidden(c) for c in ids[18:23]] == [False, False, True, True, True]
    assert snap.is_hidden(ids[10_019]) and not snap.is_hidden(ids[10_020])
    assert snap.hidden.count_in(snap.captures) == 10_000
    assert len(snap.captures) == 10_050  # never deleted


def test_hide_merges_neighbours_and_unhide_cuts(journal, piece):
    p, ids = piece
    journal.hide_stills(p.id, ids[5:8])
    journal.hide_stills(p.id, ids[8:10])  # right after: one range
    journal.hide_stills(p.id, [ids[3]])  # a still between: two ranges
    assert journal.hidden(p.id).ranges == ((ids[3], ids[3]), (ids[5], ids[9]))
    journal.hide_stills(p.id, [ids[4]])
    assert journal.hidden(p.id).ranges == ((ids[3], ids[9]),)
    change = journal.unhide_stills(p.id, [ids[6], ids[20]])
    assert change.ids == (ids[6],)
    assert change.after.ranges == ((ids[3], ids[5]), (ids[7], ids[9]))
    assert journal.unhide_stills(p.id, [ids[3], ids[9]]).after.ranges == (
        (ids[4], ids[5]), (ids[7], ids[8]))
    assert journal.unhide_stills(p.id, ids[7:9]).after.ranges == ((ids[4], ids[5]),)
    assert journal.unhide_stills(p.id, ids).after.ranges == ()


def test_undo_of_hide_is_exact(journal, piece):
    """Hiding stills of which some were hidden, then undoing, leaves those hidden."""
    p, ids = piece
    journal.hide_stills(p.id, ids[2:4])
    change = journal.hide_stills(p.id, ids[0:6])
    assert change.ids == tuple(ids[0:2] + ids[4:6])
    undo = journal.unhide_stills(p.id, change.ids)
    assert undo.after == change.before
    assert journal.hidden(p.id).ranges == ((ids[2], ids[3]),)


def test_hiding_an_unknown_still_changes_nothing(journal, piece):
    p, ids = piece
    path = journal.home / "pieces" / p.id / "piece.json"
    before = path.read_bytes()
    with pytest.raises(CaptureNotFound):
        journal.hide_stills(p.id, [ids[1], "20990101T000000.000Z"])
    assert path.read_bytes() == before


def test_a_photo_imported_inside_a_hidden_stretch_is_hidden_too(journal, piece):
    p, ids = piece
    journal.hide_stills(p.id, ids[10:12])
    late = journal.add_still(p.id, jpeg_bytes(), T0 + timedelta(seconds=105), source="x.jpg")
    assert ids[10] < late.id < ids[11]
    assert journal.snapshot(p.id).is_hidden(late.id)


def test_a_failed_write_changes_nothing_and_raises(journal, piece, monkeypatch):
    """The UI's undo stack records an edit only when the call returns."""
    from coulisses.journal import storage

    p, ids = piece
    m = journal.add_moment(p.id, "struggle", at=ids[4], caption="avant")
    path = journal.home / "pieces" / p.id / "piece.json"
    before = path.read_bytes()

    def full(*_a, **_k):
        raise DiskFullError(28, "the disk is full while writing piece.json")

    monkeypatch.setattr(storage, "write_bytes", full)
    for edit in (lambda: journal.hide_stills(p.id, ids[:3]),
                 lambda: journal.set_cover(p.id, ids[2]),
                 lambda: journal.set_focus(p.id, (0.2, 0.3), ids[2]),
                 lambda: journal.edit_moment(p.id, m.id, caption="après"),
                 lambda: journal.delete_moment(p.id, m.id),
                 lambda: journal.dismiss_suggestion(p.id, ids[9])):
        with pytest.raises(DiskFullError):
            edit()
    monkeypatch.undo()
    assert path.read_bytes() == before
    snap = journal.snapshot(p.id)
    assert snap.moments == (m,) and not snap.hidden and not snap.dismissed


# ------------------------------------------------------------ cover and focus
def test_cover_and_focus_return_before_and_after(journal, piece):
    p, ids = piece
    assert journal.set_cover(p.id, ids[7]).before is None
    change = journal.set_cover(p.id, ids[9])
    assert (change.before, change.after) == (ids[7], ids[9])
    assert journal.snapshot(p.id).settings.cover == ids[9]
    with pytest.raises(CaptureNotFound):
        journal.set_cover(p.id, "20990101T000000.000Z")
    assert journal.set_cover(p.id, None).before == ids[9]
    assert journal.piece(p.id).typed_settings.cover is None

    whole = journal.set_focus(p.id, (0.25, 1.4))
    assert (whole.before, whole.after) == (None, (0.25, 1.0))
    own = journal.set_focus(p.id, (0.9, 0.1), ids[3])
    assert (own.before, own.after) == (None, (0.9, 0.1))
    snap = journal.snapshot(p.id)
    assert snap.settings.focus == (0.25, 1.0)
    assert snap.still_settings(ids[3]).focus == (0.9, 0.1)
    back = journal.set_focus(p.id, None, ids[3])
    assert back.before == (0.9, 0.1)
    assert ids[3] not in journal.snapshot(p.id).capture_meta  # no empty record left
    with pytest.raises(JournalError, match="not a focus point"):
        journal.set_focus(p.id, ("left", 2))


# -------------------------------------------------------- moments, dismissals
def test_restore_moment_keeps_its_id_and_creation_time(journal, piece):
    p, ids = piece
    m = journal.add_moment(p.id, "struggle", at=ids[4], caption="Effondré", span_to=ids[6])
    gone = journal.delete_moment(p.id, m.id)
    assert gone == m
    assert journal.restore_moment(p.id, gone) == m
    assert journal.snapshot(p.id).moments == (m,)
    assert journal.restore_moment(p.id, m) == m  # already there as it was: nothing to do
    journal.update_moment(p.id, m.id, caption="changed")
    with pytest.raises(JournalError, match="changed since"):
        journal.restore_moment(p.id, m)


def test_undismiss_suggestion(journal, piece):
    p, ids = piece
    assert journal.dismiss_suggestion(p.id, ids[3]).before is False
    assert journal.dismiss_suggestion(p.id, ids[3]).before is True
    change = journal.undismiss_suggestion(p.id, ids[3])
    assert (change.before, change.after) == (True, False)
    assert ids[3] not in journal.snapshot(p.id).dismissed


def test_editor_changes_are_exact_and_undoable(journal, piece):
    p, ids = piece
    ed = MomentEditor(journal, p.id, snapshot=journal.snapshot(p.id))
    m = ed.add("struggle", at=ids[5], caption="Trop d'eau", span_to=ids[7])
    moved = ed.move(m.id, ids[10])
    assert moved.before == m
    assert (moved.after.capture, moved.after.span_to) == (ids[10], ids[12])
    assert ed.put_back(moved.before).after == m  # undo of the move
    recap = ed.recaption(m.id, "Effondrement")
    assert (recap.before.caption, recap.after.caption) == ("Trop d'eau", "Effondrement")
    assert ed.put_back(recap.before).after == m
    gone = ed.delete(m.id)
    assert ed.restore(gone.before).after == m
    assert ed.dismiss(ids[20]).after is True
    assert ed.undismiss(ids[20]).before is True


def test_editor_with_a_snapshot_never_rescans_the_piece(journal, piece, monkeypatch):
    p, ids = piece
    ed = MomentEditor(journal, p.id, snapshot=journal.snapshot(p.id))

    def no_scan(*_a, **_k):
        raise AssertionError("the piece was scanned")

    monkeypatch.setattr(stills, "scan", no_scan)
    monkeypatch.setattr(journal, "captures", no_scan)
    m = ed.add("note", caption="x")  # at the latest still
    assert m.capture == ids[-1]
    ed.recaption(m.id, "y")
    ed.change_kind(m.id, "fix")
    ed.move(m.id, ids[3])
    ed.set_span(m.id, ids[8])
    ed.move(m.id, ids[12])  # a span: measured on the snapshot
    ed.accept(ids[20])
    with pytest.raises(CaptureNotFound):
        ed.move(m.id, "20261120T090001.000Z")  # inside the snapshot's time, not a still
    ed.delete(m.id)
    journal.add_moment(p.id, "note", at=T0 + timedelta(seconds=95))  # by time: day listing


def test_editor_accepts_a_still_newer_than_its_snapshot(journal, piece):
    """A photo imported (with an older time) after the view took its snapshot."""
    p, ids = piece
    ed = MomentEditor(journal, p.id, snapshot=journal.snapshot(p.id))
    late = journal.add_still(p.id, jpeg_bytes(), T0 + timedelta(seconds=55), source="a.jpg")
    m = ed.add("note", at=ids[2], span_to=ids[4])
    moved = ed.move(m.id, late.id).after
    assert (moved.capture, moved.span_to) == (late.id, ids[7])  # 3 stills, counted afresh
    assert ed.accept(late.id).capture == late.id
    with pytest.raises(CaptureNotFound, match="20261120T090055.500Z"):
        ed.add("note", at="20261120T090055.500Z")


def test_moment_at_a_time_is_tied_to_the_still_at_or_before_it(journal, piece):
    p, ids = piece
    assert journal.add_moment(p.id, "note", at=T0 + timedelta(seconds=95)).capture == ids[9]
    assert journal.add_moment(p.id, "note", at=T0 - timedelta(days=3)).capture == ids[0]
    assert journal.add_moment(p.id, "note", at=T0 + timedelta(days=3)).capture == ids[-1]
    empty = journal.create_piece("Empty")
    m = journal.add_moment(empty.id, "note", at="last")
    assert m.capture is None


def test_listing_neighbours_across_days(tmp_path: Path):
    j = Journal.open(tmp_path / "j")
    p = j.create_piece("Days")
    jpeg = jpeg_bytes()
    ids = [j.add_still(p.id, jpeg, T0 + timedelta(days=d)).id for d in (0, 2, 5)]
    listing = stills.Listing(p.folder)
    assert listing.before(ids[1]) == ids[0] and listing.after(ids[1]) == ids[2]
    assert listing.before(ids[0]) is None and listing.after(ids[2]) is None
    assert listing.between(ids[0], ids[2]) and not listing.between(ids[0], ids[1])
    assert listing.first() == ids[0]
