"""``coulisses export`` and ``coulisses demo`` from the command line."""

from __future__ import annotations

from pathlib import Path

import av

from coulisses.export.presets import PRESETS
from coulisses.journal import Journal
from tests.test_export_support import SMALL, make_piece, visible


def test_export_command_writes_one_folder_and_prints_it_last(installed_cli, journal, tmp_path):
    piece, caps = make_piece(journal, n=8)
    journal.add_moment(piece.id, "struggle", at=caps[3].id, caption="Trop d'eau.")
    out = tmp_path / "out"
    code, stdout, stderr = installed_cli("export", piece.name, "--out", str(out),
                                         "--duration", "3", "--preset", "shorts",
                                         "--layout", "fit", "--no-end-card")
    assert code == 0, stderr
    folder = Path(stdout.strip().splitlines()[-1])
    assert folder.parent == out and visible(out) == [folder.name]
    mp4 = folder / f"{piece.id}.mp4"
    with av.open(str(mp4)) as c:
        s = c.streams.video[0]
        assert (s.width, s.height) == (1080, 1920)
        assert sum(1 for _ in c.decode(video=0)) == 90
    assert "Trop d'eau." in (folder / f"{piece.id}.srt").read_text(encoding="utf-8")


def test_export_command_errors_are_one_line(installed_cli, journal, tmp_path):
    code, _, err = installed_cli("export", "nope", "--out", str(tmp_path))
    assert code == 1 and "no piece" in err and "Traceback" not in err
    piece, _ = make_piece(journal, n=2)
    code, _, err = installed_cli("export", piece.id, "--out", str(tmp_path), "--preset", "vine")
    assert code == 2
    code, _, err = installed_cli("export", piece.id, "--out", str(tmp_path), "--duration", "soon")
    assert code == 2 and "duration" in err
    journal.add_moment(piece.id, "struggle", caption="x" * 300)
    code, _, err = installed_cli("export", piece.id, "--out", str(tmp_path / "o"),
                                 "--duration", "2")
    assert code == 1 and "s or more" in err and len(err.strip().splitlines()) == 1
    assert visible(tmp_path / "o") == []
    empty = journal.create_piece("Rien encore")
    code, _, err = installed_cli("export", empty.id, "--out", str(tmp_path / "o"))
    assert code == 1 and "no stills" in err and visible(tmp_path / "o") == []


def test_demo_builds_a_piece_with_a_collapse_and_exports_it(cli, home, tmp_path, monkeypatch):
    # The demo's captions need ~13 s on screen: render it small to keep the test fast.
    monkeypatch.setitem(PRESETS, "reels", SMALL)
    out = tmp_path / "demo"
    code, stdout, stderr = cli("demo", "--out", str(out), "--duration", "14")
    assert code == 0, stderr
    folder = Path(stdout.strip().splitlines()[-1])
    assert folder.is_dir() and (folder / "frames" / "000420.jpg").exists()
    journal = Journal.open(home)
    (piece,) = journal.pieces()
    snap = journal.snapshot(piece.id)
    kinds = [m.kind for m in snap.moments]
    assert "struggle" in kinds and "result" in kinds and all(m.caption for m in snap.moments)
    assert len(snap.captures) > 50
    post = next(folder.glob("*-post.txt")).read_text(encoding="utf-8")
    assert "#pottery" in post
    # a second run reuses the demo piece instead of drawing it again
    code, stdout, _ = cli("demo", "--out", str(out), "--duration", "14", "--no-end-card")
    assert code == 0 and len(journal.pieces()) == 1 and len(visible(out)) == 2


def test_demo_captions_follow_the_ui_language(home, tmp_path):
    from coulisses.capture.demo_piece import build_demo_piece

    journal = Journal.open(home)
    piece = build_demo_piece(journal, lang="fr")
    assert piece.name == "Vase bleu (démo)"
    assert piece.settings.get("demo") is True  # marked as a demo in its piece settings
    captions = [m.caption for m in journal.snapshot(piece.id).moments]
    assert "Trop d’eau. Tout le mur a lâché." in captions
