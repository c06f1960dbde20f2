"""An export's record says what happened, and a cancel publishes nothing (issue 21, item 4).

``export.json`` is written once signing is done, so it says whether each file carries
Content Credentials and, when one does not, why, in the words the window and the CLI
show. A cancel at any step before the publishing rename leaves no folder and no history
entry; once the folder is published, a cancel is too late and the export stands.
Real exports of a small piece, real signing; the cancels come from the export's own
progress reports (the signing of each file, the final "done"), so no sleeps.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from coulisses.export.history import past_exports
from coulisses.export.options import ExportOptions, export_with_options
from coulisses.jobs import Cancelled, CancelToken
from tests.test_export_support import make_piece

# The shortest reel at the real size: the MP4 and the cover are the two files signed.
OPTIONS = ExportOptions(duration=4.0, outputs=frozenset({"mp4", "cover", "post"}))


def _record(folder: Path) -> dict:
    return json.loads((folder / "export.json").read_text(encoding="utf-8"))


def _cancel_at(token: CancelToken, wanted, seen: list[str]):
    """A progress callback that cancels when a step's message matches ``wanted``."""
    def progress(p) -> None:
        if p.message:
            seen.append(p.message)
            if wanted(p.message):
                token.cancel()
    return progress


def _no_usable_identity(journal, tmp_path: Path, monkeypatch) -> None:
    """Nowhere to keep a signing key, so no signature: the config folder (which holds
    this computer's identity) is a file, and so is the journal's ``credentials``
    (where older versions kept the keys)."""
    config = tmp_path / "config-is-a-file"
    config.write_text("not a folder")
    monkeypatch.setenv("COULISSES_CONFIG", str(config))
    (journal.home / "credentials").write_text("not a folder")


@pytest.fixture
def piece(journal):
    return make_piece(journal, n=6)[0]


@pytest.mark.parametrize("at", ["first", "last"])
def test_a_cancel_while_signing_publishes_and_records_nothing(journal, piece, tmp_path, at):
    """First file: signing stops before the cover; last file: the check before the
    publishing rename catches it. Either way, nothing is published or listed."""
    out = tmp_path / "out"
    token, seen = CancelToken(), []
    stem = piece.id
    target = f"signing {stem}.mp4" if at == "first" else f"signing {stem}-cover.jpg"
    with pytest.raises(Cancelled):
        export_with_options(journal.snapshot(piece.id), out, OPTIONS,
                            progress=_cancel_at(token, lambda m: m == target, seen),
                            cancel=token)
    signing = [m for m in seen if m.startswith("signing")]
    assert signing[-1] == target, seen
    if at == "first":
        assert signing == [target], "a cancel is seen before the next file is signed"
    assert "done" not in seen
    assert os.listdir(out) == [], "no folder, not even a hidden partial one"
    assert past_exports(journal, piece.id) == []


def test_a_cancel_once_the_export_is_published_is_too_late(journal, piece, tmp_path):
    """The publishing rename is the point of no return: a cancel after it keeps the
    export, complete, in the piece's history."""
    out = tmp_path / "out"
    token, seen = CancelToken(), []
    result = export_with_options(journal.snapshot(piece.id), out, OPTIONS,
                                 progress=_cancel_at(token, lambda m: m == "done", seen),
                                 cancel=token)
    assert token.cancelled
    assert [p.name for p in out.iterdir()] == [result.folder.name]
    assert result.files["mp4"].is_file() and _record(result.folder)["frames"] == 120
    assert [e.folder for e in past_exports(journal, piece.id)] == [result.folder]


def test_the_record_says_each_file_is_signed(journal, piece, tmp_path):
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", OPTIONS)
    assert result.credentials is not None and result.credentials.ok
    record = _record(result.folder)
    assert record["credentials"] == {
        "files": [{"file": result.files["mp4"].name, "signed": True},
                  {"file": result.files["cover"].name, "signed": True}],
        "fingerprint": result.credentials.fingerprint}
    assert not [w for w in record["warnings"] if "not signed" in w]
    assert record["warnings"] == list(result.warnings)


def test_an_unsigned_export_is_published_and_its_record_says_why(journal, piece, tmp_path,
                                                                 cli, monkeypatch):
    _no_usable_identity(journal, tmp_path, monkeypatch)
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", OPTIONS)
    signed = result.credentials
    assert signed is not None and not signed.ok
    assert signed.problem.startswith("This export is not signed: ")
    record = _record(result.folder)
    assert signed.problem in record["warnings"]
    assert record["credentials"] == {"files": [
        {"file": result.files["mp4"].name, "signed": False, "why": signed.problem},
        {"file": result.files["cover"].name, "signed": False, "why": signed.problem}]}
    assert [e.folder for e in past_exports(journal, piece.id)] == [result.folder]
    # the CLI says it in the same words as the record beside its own export
    code, stdout, stderr = cli("export", piece.id, "--out", str(tmp_path / "cli"),
                               "--duration", "4")
    assert code == 0, stderr
    folder = Path(stdout.strip().splitlines()[-1])
    why = [w for w in _record(folder)["warnings"] if w.startswith("This export is not signed")]
    assert len(why) == 1 and f"warning: {why[0]}" in stderr.splitlines()


# --------------------------------------------------------------------------- the window
@pytest.fixture
def dialog(qtbot, journal, piece, tmp_path, monkeypatch):
    from coulisses.preferences import Preferences
    from coulisses.ui.export.dialog import ExportDialog

    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))
    window = ExportDialog(journal, piece.id, Preferences())
    qtbot.addWidget(window)
    window.out_dir.setText(str(tmp_path / "out"))
    window.show()
    qtbot.waitUntil(lambda: window.preview.plan is not None, timeout=15000)
    with qtbot.waitSignal(window.preview.planned, timeout=15000):
        window.duration.setValue(4)
        for name, box in window.outputs.items():
            box.setChecked(name in OPTIONS.outputs)
    return window


def _render_and_cancel_at(qtbot, window, wanted) -> None:
    """Render; hold the export on its own thread at the step ``wanted`` until the maker
    has pressed Cancel in the window, then let it go on."""
    from PySide6.QtCore import Qt

    reached, resume = threading.Event(), threading.Event()

    def hold(p) -> None:  # runs on the export's thread (direct connection)
        if p.message and wanted(p.message) and not reached.is_set():
            reached.set()
            resume.wait(60)

    assert window.render()
    window._task.signals.progress.connect(hold, Qt.ConnectionType.DirectConnection)
    try:
        qtbot.waitUntil(reached.is_set, timeout=120000)
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        assert window.status.text() == "Cancelling…"
    finally:
        resume.set()
    qtbot.waitUntil(lambda: window._task is None, timeout=60000)


def test_the_window_cancelled_while_signing_says_nothing_was_made(qtbot, dialog, journal,
                                                                   piece, tmp_path):
    _render_and_cancel_at(qtbot, dialog, lambda m: m.startswith("signing"))
    assert dialog.status.text() == "Cancelled: no reel was made and nothing was left behind."
    assert dialog.result is None and dialog.history.count() == 0
    assert os.listdir(tmp_path / "out") == []
    assert past_exports(journal, piece.id) == []
    assert dialog.render_button.isEnabled()


def test_the_window_cancelled_too_late_says_the_reel_is_made(qtbot, dialog, journal, piece,
                                                              tmp_path):
    _render_and_cancel_at(qtbot, dialog, lambda m: m == "done")
    result = dialog.result
    assert result is not None and result.folder.is_dir()
    assert dialog.status.text().startswith(
        "The reel was already made when you cancelled, so it is kept. Done: ")
    assert dialog.history.count() == 1 and dialog.open_button.isEnabled()
    assert [e.folder for e in past_exports(journal, piece.id)] == [result.folder]


def test_the_window_says_why_a_reel_is_unsigned_in_the_records_words(qtbot, dialog, journal,
                                                                     tmp_path, monkeypatch):
    _no_usable_identity(journal, tmp_path, monkeypatch)
    with qtbot.waitSignal(dialog.player.frame_shown, timeout=120000):
        assert dialog.render()
    record = _record(dialog.result.folder)
    why = {f["why"] for f in record["credentials"]["files"]}
    assert len(why) == 1 and dialog.credentials.text() == why.pop()
    assert dialog.credentials.text() in record["warnings"]
