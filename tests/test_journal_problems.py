"""Problems about damaged files: reported once, to their own piece, and never piling up."""

from __future__ import annotations

from pathlib import Path

from coulisses.journal import Journal, JournalTooNew
from coulisses.journal.problems import MAX_PROBLEMS


def _too_new(home: Path, piece_id: str) -> None:
    (home / "pieces" / piece_id / "piece.json").write_text(
        '{"_meta": {"1": {"schema": 99}}, "piece": {}}')


def test_pieces_does_not_repeat_a_problem(home: Path) -> None:
    journal = Journal.open(home)
    ok = journal.create_piece("Bol").id
    bad = journal.create_piece("Tasse").id
    _too_new(home, bad)
    fresh = Journal.open(home)
    for _ in range(5):
        assert [p.id for p in fresh.pieces()] == [ok]
    assert len(fresh.problems) == 1 and "newer Coulisses" in fresh.problems[0]
    assert fresh.problems_of(bad) == fresh.problems
    assert fresh.problems_of(ok) == () and fresh.problems_of(None) == ()


def test_a_snapshot_shows_its_own_piece_problems_and_journal_wide_ones(home: Path) -> None:
    journal = Journal.open(home)
    ok = journal.create_piece("Bol").id
    damaged = journal.create_piece("Tasse").id
    (home / "pieces" / damaged / "piece.json").write_text("{ not json")
    (home / "coulisses.json").write_text("[]")
    fresh = Journal.open(home)  # the root file is repaired: a journal-wide problem
    journal_wide = fresh.problems_of(None)
    assert len(journal_wide) == 1 and "coulisses.json" in journal_wide[0]
    damaged_snap = fresh.snapshot(damaged)
    assert len(damaged_snap.problems) == 2
    assert any(f"{damaged}/piece.json" in p for p in damaged_snap.problems)
    ok_snap = fresh.snapshot(ok)
    assert ok_snap.problems == journal_wide  # nothing about the other piece
    assert set(fresh.problems) == set(journal_wide) | set(fresh.problems_of(damaged))


def test_problems_are_capped_to_the_most_recent(home: Path, monkeypatch) -> None:
    journal = Journal.open(home)
    for n in range(MAX_PROBLEMS + 30):
        journal.report(f"problem {n}", piece_id="bol" if n % 2 else None)
    assert len(journal.problems) == MAX_PROBLEMS
    assert journal.problems[-1] == f"problem {MAX_PROBLEMS + 29}"
    assert "problem 29" not in journal.problems and "problem 30" in journal.problems
    # A repeat is not added again: it becomes the most recent.
    journal.report("problem 30")
    assert len(journal.problems) == MAX_PROBLEMS and journal.problems[-1] == "problem 30"


def test_a_too_new_piece_is_refused_clearly(home: Path) -> None:
    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    _too_new(home, pid)
    fresh = Journal.open(home)
    try:
        fresh.snapshot(pid)
    except JournalTooNew as exc:
        assert "update Coulisses" in str(exc)
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("a piece written by a newer Coulisses was opened")
