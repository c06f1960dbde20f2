"""A piece's past exports: recorded on success only, listed newest first, a vanished
folder shown as missing, deleted only when Coulisses made it, a torn line survived."""

from __future__ import annotations

import json
import shutil
from datetime import datetime

import pytest

from coulisses.export import (
    ExportError,
    ExportOptions,
    delete_export,
    export_with_options,
    past_exports,
)
from coulisses.export import history as history_mod
from coulisses.export.options import CAROUSEL_ONLY
from coulisses.export.presets import PRESETS
from coulisses.jobs import Cancelled, CancelToken
from coulisses.journal import Journal
from tests.test_export_support import SMALL, make_piece

QUICK = ExportOptions(duration=2, end_card=False, result_first=False,
                      outputs=frozenset({"mp4", "post"}))


@pytest.fixture(autouse=True)
def small_presets(monkeypatch):
    monkeypatch.setitem(PRESETS, "reels", SMALL)
    monkeypatch.setitem(PRESETS, "tiktok", SMALL)


@pytest.fixture
def piece(journal):
    piece, _ = make_piece(journal, n=5)
    return piece


def test_every_finished_export_is_listed_newest_first(journal, home, piece, tmp_path):
    assert past_exports(journal, piece.id) == []
    first = export_with_options(journal.snapshot(piece.id), tmp_path / "out", QUICK)
    second = export_with_options(journal.snapshot(piece.id), tmp_path / "out",
                                 QUICK.replace(preset="tiktok", duration=3))
    listed = past_exports(Journal.open(home), piece.id)  # another process sees it too
    assert [p.folder for p in listed] == [second.folder, first.folder]
    newest = listed[0]
    assert (newest.preset, newest.duration, newest.outputs, newest.exists) == \
        ("tiktok", 3.0, ("mp4", "post"), True)
    assert isinstance(newest.when, datetime) and newest.when.tzinfo is not None
    assert listed[1].preset == "reels" and listed[1].duration == 2.0
    # another piece has its own list
    other, _ = make_piece(journal, n=3, name="Bol")
    assert past_exports(journal, other.id) == []


def test_a_cancelled_or_failed_export_is_not_recorded(journal, piece, tmp_path):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        export_with_options(journal.snapshot(piece.id), tmp_path / "out", QUICK, cancel=token)
    (tmp_path / "file.txt").write_text("x")  # an output folder that cannot be made
    with pytest.raises(ExportError):
        export_with_options(journal.snapshot(piece.id), tmp_path / "file.txt" / "x", QUICK)
    assert past_exports(journal, piece.id) == []


def test_a_folder_gone_outside_coulisses_is_shown_missing_not_dropped(journal, piece,
                                                                        tmp_path):
    r = export_with_options(journal.snapshot(piece.id), tmp_path / "out", QUICK)
    shutil.rmtree(r.folder)
    (entry,) = past_exports(journal, piece.id)
    assert entry.folder == r.folder and entry.exists is False
    # deleting it from the list just drops the record
    delete_export(journal, piece.id, r.folder)
    assert past_exports(journal, piece.id) == []


def test_delete_removes_our_export_and_its_record(journal, piece, tmp_path):
    keep = export_with_options(journal.snapshot(piece.id), tmp_path / "out", QUICK)
    gone = export_with_options(journal.snapshot(piece.id), tmp_path / "out",
                               QUICK.replace(outputs=CAROUSEL_ONLY))
    newest = past_exports(journal, piece.id)[0]
    assert newest.folder == gone.folder and newest.outputs == ("carousel", "post")
    assert newest.duration == 0.0  # no reel was rendered
    delete_export(journal, piece.id, gone.folder)
    assert not gone.folder.exists() and keep.folder.is_dir()
    assert [p.folder for p in past_exports(journal, piece.id)] == [keep.folder]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [keep.folder.name]


def test_delete_never_touches_a_folder_coulisses_did_not_make(journal, piece, tmp_path):
    r = export_with_options(journal.snapshot(piece.id), tmp_path / "out", QUICK)
    # the maker reused the folder's name for her own files
    shutil.rmtree(r.folder)
    r.folder.mkdir()
    (r.folder / "notes.txt").write_text("mes notes")
    with pytest.raises(ExportError, match="not deleted"):
        delete_export(journal, piece.id, r.folder)
    assert (r.folder / "notes.txt").read_text() == "mes notes"
    assert len(past_exports(journal, piece.id)) == 1  # still listed
    # another piece's export is not this piece's to delete
    (r.folder / "export.json").write_text(json.dumps({"piece": {"id": "another"},
                                                       "files": {}}))
    with pytest.raises(ExportError):
        delete_export(journal, piece.id, r.folder)
    assert r.folder.is_dir()
    # a folder not in the list at all
    mine = tmp_path / "Mes vidéos"
    mine.mkdir()
    with pytest.raises(ExportError, match="not among"):
        delete_export(journal, piece.id, mine)
    assert mine.is_dir()


def test_a_line_torn_by_a_crash_is_skipped_and_not_glued_to_the_next(journal, piece,
                                                                       tmp_path):
    first = export_with_options(journal.snapshot(piece.id), tmp_path / "out", QUICK)
    log = journal.cache_dir(piece.id, "exports") / history_mod.LOG_NAME
    with open(log, "ab") as fh:
        fh.write(b'{"folder": "/tmp/half", "when": "2026-')  # power cut mid-write
    second = export_with_options(journal.snapshot(piece.id), tmp_path / "out", QUICK)
    assert [p.folder for p in past_exports(journal, piece.id)] == [second.folder, first.folder]


def test_a_history_that_cannot_be_written_is_a_warning_not_a_failure(journal, piece,
                                                                       tmp_path, monkeypatch):
    def refuse(folder, entry):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(history_mod, "_append", refuse)
    r = export_with_options(journal.snapshot(piece.id), tmp_path / "out", QUICK)
    assert r.folder.is_dir() and r.files["mp4"].exists()
    assert any("could not be added" in w and "permission denied" in w for w in r.warnings)
