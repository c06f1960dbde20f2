"""The export folder: only Coulisses' own abandoned partial folders are ever cleaned,
and a finished export survives a second export cleaning up at any moment."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from coulisses.export import clean_stale_partials, export_reel
from coulisses.export.output_folder import MARKER
from tests.test_export_support import SMALL, hand_plan, make_piece, visible

ROOT = Path(__file__).resolve().parent.parent


def _clean_from_another_process(out: Path) -> str:
    """What a second export does first, from its own process: clean stale partials."""
    script = ("import sys; from coulisses.export import clean_stale_partials; "
              "print([p.name for p in clean_stale_partials(sys.argv[1])])")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the installed package
    res = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True,
                         text=True, env=env, timeout=60, check=True)
    return res.stdout.strip()


def test_a_hidden_partial_folder_the_maker_made_is_never_deleted(journal, tmp_path):
    out = tmp_path / "out"
    mine = out / ".holiday.partial"  # a maker's own hidden folder, no Coulisses marker
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("keep me")
    odd = out / ".other.partial"  # a marker-like file that is not Coulisses' format
    odd.mkdir()
    (odd / ".owner").write_text("not a pid\n")
    (odd / MARKER).write_text("12 somewhere\n")
    old = time.time() - 30 * 86400
    for folder in (mine, odd):
        os.utime(folder, (old, old))
    assert clean_stale_partials(out) == []
    piece, caps = make_piece(journal, n=2)
    export_reel(hand_plan(piece, caps, frames=2), out, SMALL, outputs={"srt"})
    assert (mine / "notes.txt").read_text() == "keep me" and odd.is_dir()


def test_a_finished_export_survives_a_second_export_cleaning_just_before_the_rename(
        journal, tmp_path, monkeypatch):
    piece, caps = make_piece(journal, n=3)
    out = tmp_path / "out"
    real_rename = os.rename
    cleaned: list[str] = []

    def rename_after_a_rival_cleans(src, dst, *args, **kwargs):
        # The last instant before the partial folder gets its final name.
        if Path(src).name.endswith(".partial") and Path(src).parent == out:
            cleaned.append(_clean_from_another_process(out))
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename_after_a_rival_cleans)
    result = export_reel(hand_plan(piece, caps, frames=4), out, SMALL,
                         outputs={"mp4", "frames", "srt", "post"})
    monkeypatch.undo()
    assert cleaned == ["[]"], "the rival export must leave a running export's folder alone"
    assert visible(out) == [result.folder.name] and not [p for p in out.iterdir()
                                                         if p.name.startswith(".")]
    assert len(list(result.files["frames"].glob("*.jpg"))) == 12
    assert result.files["mp4"].stat().st_size > 0
    # the finished folder carries none of Coulisses' working markers
    assert sorted(p.name for p in result.folder.iterdir() if p.name.startswith(".")) == []


def test_only_a_dead_coulisses_exports_folder_is_cleaned(tmp_path):
    from coulisses.export.output_folder import marker_text

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(gone.stdout)
    dead = tmp_path / ".vase-20260101-0000.partial"
    dead.mkdir()
    (dead / MARKER).write_text(marker_text(dead_pid))
    (dead / "vase.mp4").write_bytes(b"half a video")
    alive = tmp_path / ".vase-20260101-0001.partial"
    alive.mkdir()
    (alive / MARKER).write_text(marker_text(os.getppid()))  # a running process: ours' parent
    assert clean_stale_partials(tmp_path) == [dead]
    assert not dead.exists() and alive.exists()
