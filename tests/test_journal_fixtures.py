"""Journals written by earlier versions open, migrated, with everything the maker made."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from coulisses.journal import Journal
from coulisses.journal.schema import SCHEMA_VERSION, version_of

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_version_1_journal_opens_and_is_migrated(tmp_path: Path) -> None:
    home = tmp_path / "journal"
    shutil.copytree(FIXTURES / "journal-v1", home)
    piece_json = home / "pieces" / "vase-bleu-3" / "piece.json"
    assert version_of(json.loads(piece_json.read_text("utf-8"))) == 1
    journal = Journal.open(home)
    snap = journal.snapshot("vase-bleu-3")
    assert snap.piece.name == "Vase bleu ✨ #3"
    assert len(snap.captures) == 3
    assert [(m.kind, m.caption) for m in snap.moments] == [("struggle", "Trop d'eau 😭")]
    assert snap.moments[0].capture == snap.captures[-1].id
    assert tuple(snap.piece.settings["focus"]) == (0.4, 0.5)
    assert not snap.is_hidden(snap.captures[0].id)
    for path in (piece_json, home / "coulisses.json"):
        assert version_of(json.loads(path.read_text("utf-8"))) == SCHEMA_VERSION == 2
        assert path.with_name(path.name + ".v1.bak").exists()  # the old file, kept
