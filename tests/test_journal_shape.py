"""A piece.json that is valid JSON of the wrong shape is set aside like a corrupt one,
and the command line never shows a traceback for a damaged file or an OSError."""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coulisses.cli import main
from coulisses.journal import Journal, generations
from coulisses.journal.shape import piece_problem, root_problem
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _pieces(home: Path) -> tuple[Journal, str, str]:
    journal = Journal.open(home)
    bol = journal.create_piece("Bol").id
    tasse = journal.create_piece("Tasse").id
    for pid in (bol, tasse):
        journal.add_still(pid, jpeg_bytes(), T0)
        journal.add_moment(pid, "struggle", caption="Effondrement")
    return journal, bol, tasse


def _drop_moment_time(data: dict) -> None:
    for doc in data["moments"].values():
        del doc["time"]


def test_moment_without_time_sets_the_piece_file_aside_and_restores_the_backup(
        home: Path) -> None:
    journal, bol, tasse = _pieces(home)
    journal.add_moment(bol, "fix", caption="Moins d'eau")  # piece.json.bak: one moment
    path = home / "pieces" / bol / "piece.json"
    _edit(path, _drop_moment_time)

    fresh = Journal.open(home)
    snap = fresh.snapshot(bol)
    # The backup (previous version, with its one valid moment) fits: it is restored.
    assert [m.caption for m in snap.moments] == ["Effondrement"]
    aside = list((home / "pieces" / bol / "set-aside").iterdir())
    assert len(aside) == 1
    assert "time" not in next(iter(json.loads(aside[0].read_text())["moments"].values()))
    problems = fresh.problems_of(bol)
    assert len(problems) == 1
    assert "has no valid time" in problems[0] and "restored the version kept on" in problems[0]
    assert str(aside[0]) in problems[0]
    # The other piece is untouched and reports nothing.
    assert len(fresh.snapshot(tasse).moments) == 1
    assert fresh.problems_of(tasse) == ()


def test_wrong_shape_without_a_fitting_backup_starts_afresh_and_keeps_stills(
        home: Path) -> None:
    journal, bol, _ = _pieces(home)
    path = home / "pieces" / bol / "piece.json"
    _edit(path, _drop_moment_time)
    for kept in generations.listing(path):
        _edit(kept.path, lambda d: d.update(piece=[]))
    fresh = Journal.open(home)
    snap = fresh.snapshot(bol)
    assert snap.moments == () and len(snap.captures) == 1
    assert "started it afresh" in fresh.problems_of(bol)[0]


def test_piece_list_survives_a_piece_of_the_wrong_shape(cli, home: Path) -> None:
    _, bol, tasse = _pieces(home)
    _edit(home / "pieces" / bol / "piece.json", lambda d: d.update(piece=[]))
    code, out, err = cli("piece", "list", "--json")
    assert code == 0, err
    rows = {r["id"]: r for r in json.loads(out)}
    assert set(rows) == {bol, tasse}
    assert rows[tasse]["moments"] == 1 and rows[tasse]["captures"] == 1
    assert rows[bol]["captures"] == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "piece.json was damaged" in lines[0]
    assert "Traceback" not in err


def test_timeline_of_a_piece_with_a_moment_without_time(cli, home: Path) -> None:
    _, bol, _ = _pieces(home)
    _edit(home / "pieces" / bol / "piece.json", _drop_moment_time)
    for kept in generations.listing(home / "pieces" / bol / "piece.json"):
        _edit(kept.path, lambda d: d.update(piece=[]))
    code, out, err = cli("timeline", bol, "--json", "--no-suggestions")
    assert code == 0, err
    assert json.loads(out)["moments"] == []
    assert "has no valid time" in err and "Traceback" not in err


@pytest.mark.parametrize("change, reason", [
    (lambda d: d.update(piece=[]), "is not a table"),
    (lambda d: d["piece"]["1"].update(name=3), "no name"),
    (lambda d: d["piece"]["1"].update(created="yesterday"), "creation time"),
    (lambda d: d["piece"]["1"].update(settings=[]), "settings"),
    (lambda d: d["moments"]["1"].update(kind="oops"), "unknown kind"),
    (lambda d: d["moments"]["1"].update(caption=None), "caption"),
    (lambda d: d["moments"]["1"].pop("id"), "no id"),
    (lambda d: d["moments"]["1"].update(time="2026-13-45T99:00"), "no valid time"),
    (lambda d: d.update(gaps={"1": {"start": None, "end": None}}), "no valid start"),
    (lambda d: d.update(gaps={"1": {"start": "2026-11-23T09:00Z", "end": 5}}), "end"),
    (lambda d: d.update(capture_meta={"1": {"capture": "x", "meta": 3}}), "settings of a still"),
    (lambda d: d.update(dismissed={"1": {"at": "2026-11-23T09:00Z"}}), "dismissed"),
    (lambda d: d.update(moments={"1": ["not", "a", "record"]}), "not a record"),
    (lambda d: d.update(hidden={"1": {"ranges": [["a"]]}}), "hidden stills"),
    (lambda d: d.update(hidden={"1": {"ranges": "all"}}), "hidden stills"),
])
def test_shape_check_names_what_is_wrong(home: Path, change, reason: str) -> None:
    journal, bol, _ = _pieces(home)
    data = json.loads((home / "pieces" / bol / "piece.json").read_text())
    assert piece_problem(data) is None
    change(data)
    problem = piece_problem(data)
    assert problem is not None and reason in problem


def test_gap_still_open_and_old_fields_missing_fit(home: Path) -> None:
    journal, bol, _ = _pieces(home)
    journal.record_gap(bol, T0)
    data = json.loads((home / "pieces" / bol / "piece.json").read_text())
    for doc in data["moments"].values():
        for optional in ("caption", "created", "capture", "span_to"):
            doc.pop(optional)
    assert piece_problem(data) is None


def test_root_file_of_the_wrong_shape_is_set_aside(home: Path) -> None:
    Journal.open(home)
    (home / "coulisses.json").write_text('{"_meta": [1, 2]}')
    assert root_problem({"_meta": [1, 2]}) is not None
    journal = Journal.open(home)
    assert journal.problems_of(None) and "coulisses.json was damaged" in journal.problems[0]
    assert list((home / "set-aside").iterdir())
    assert journal.create_piece("Bol").id == "bol"


def test_file_changed_behind_our_back_is_caught_on_the_next_read(home: Path) -> None:
    journal, bol, _ = _pieces(home)
    journal.snapshot(bol)  # checked once in this process
    _edit(home / "pieces" / bol / "piece.json", lambda d: d.update(piece=[]))
    with pytest.raises(Exception) as caught:
        journal.snapshot(bol)
    assert "damaged and has been repaired" in str(caught.value)
    assert journal.snapshot(bol).piece.name == "Bol"


# ------------------------------------------------------- the CLI and OSErrors
def _main(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_journal_home_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("x")
    code, _, err = _main("--home", str(home), "piece", "list")
    assert code == 1
    assert err.count("\n") == 1 and f"({home} is a file, not a folder)" in err
    code, _, err = _main("--home", str(home / "below"), "piece", "list")
    assert code == 1 and f"({home} is a file, not a folder)" in err


def test_permission_error_while_listing_is_one_line(home: Path, monkeypatch) -> None:
    Journal.open(home).create_piece("Bol")

    def refuse(path=".", *a, **k):
        raise PermissionError(13, "Permission denied", os.fspath(path))

    monkeypatch.setattr(os, "scandir", refuse)
    code, _, err = _main("--home", str(home), "piece", "list")
    assert code == 1
    assert err.count("\n") == 1 and "permission denied" in err and "Traceback" not in err


def test_unreadable_piece_folder_is_one_line_for_timeline(home: Path, monkeypatch) -> None:
    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    journal.add_still(pid, jpeg_bytes(), T0)
    real = os.listdir

    def refuse(path="."):
        if "stills" in os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    real_scandir = os.scandir

    def refuse_scandir(path="."):
        if "stills" in os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "listdir", refuse)
    monkeypatch.setattr(os, "scandir", refuse_scandir)
    code, _, err = _main("--home", str(home), "timeline", pid, "--json")
    assert code == 1
    assert err.count("\n") == 1 and "permission denied" in err
