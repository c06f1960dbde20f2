"""When the maker last worked on a piece: one definition, in the journal (issue 22).

A still, a moment, an import (of photos taken long ago) and an edit each make their
piece the one last worked on; the pieces list, the window, ``PieceSnapshot`` and
``coulisses piece list`` all say the same.
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from coulisses.journal import Journal
from coulisses.journal.activity import note_edit
from coulisses.journal.codec import encode_still
from coulisses.journal.layout import added_log

LONG_AGO = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # when the pieces were last touched
TAKEN = datetime(2025, 7, 14, 16, 30, tzinfo=UTC)  # the imported photo's own date


def _still(journal: Journal, piece_id: str, when: datetime) -> str:
    jpeg, thumb = encode_still(np.full((48, 64, 3), 100, np.uint8))
    capture = journal.add_still(piece_id, jpeg, when, thumbnail=thumb)
    assert capture is not None
    return capture.id


def _as_if_long_ago(journal: Journal, piece_id: str, when: datetime = LONG_AGO) -> None:
    """Time passes: the files that say when a piece was touched say ``when``."""
    folder = journal.piece_folder(piece_id)
    stamp = when.timestamp()
    if added_log(folder).exists():
        os.utime(added_log(folder), (stamp, stamp))
    note_edit(folder, when)


def _pieces(journal: Journal) -> dict[str, str]:
    """still, moment, import, edit, idle: each with old stills, all untouched since."""
    ids = {}
    for role in ("still", "moment", "import", "edit", "idle"):
        pid = journal.create_piece(f"Pièce {role}").id
        for i in range(3):
            _still(journal, pid, LONG_AGO - timedelta(hours=3 - i))
        ids[role] = pid
    for pid in ids.values():
        _as_if_long_ago(journal, pid)
    return ids


def _photo(folder: Path) -> Path:
    """A photo from a phone's camera roll, taken long ago (its file date says when)."""
    import cv2

    folder.mkdir()
    path = folder / "IMG_0412.jpg"
    ok, buf = cv2.imencode(".jpg", np.full((120, 160, 3), 90, np.uint8))
    assert ok
    path.write_bytes(buf.tobytes())
    os.utime(path, (TAKEN.timestamp(), TAKEN.timestamp()))
    return path


def _newest(journal: Journal, ids: dict[str, str]) -> str:
    return max(ids, key=lambda role: journal.last_activity(ids[role]))


def test_a_still_a_moment_an_import_and_an_edit_each_count(journal, tmp_path, installed_cli):
    ids = _pieces(journal)
    before = {role: journal.last_activity(pid) for role, pid in ids.items()}
    # Pieces created today: their creation is the newest thing each has done so far.
    assert len({round(t.timestamp()) for t in before.values()}) <= 2

    # An edit: a still hidden from the reel (no still added, no moment).
    time.sleep(0.02)
    journal.hide_stills(ids["edit"], [journal.latest_capture(ids["edit"]).id])
    assert _newest(journal, ids) == "edit"

    # An import of a photo taken last year: its still is the oldest of the piece, yet
    # importing it is working on the piece now.
    time.sleep(0.02)
    code, out, err = installed_cli("import", ids["import"], str(_photo(tmp_path / "roll")))
    assert code == 0, err
    snap = journal.snapshot(ids["import"])
    assert snap.captures[0].time == TAKEN  # the photo took its own date
    assert _newest(journal, ids) == "import"

    # A moment flagged on an old still.
    time.sleep(0.02)
    journal.add_moment(ids["moment"], "struggle", at=journal.latest_capture(ids["moment"]).id)
    assert _newest(journal, ids) == "moment"

    # A still captured now.
    time.sleep(0.02)
    _still(journal, ids["still"], datetime.now(UTC))
    assert _newest(journal, ids) == "still"

    after = {role: journal.last_activity(pid) for role, pid in ids.items()}
    order = sorted(ids, key=lambda role: after[role], reverse=True)
    assert order == ["still", "moment", "import", "edit", "idle"]
    assert after["idle"] == before["idle"]  # reading a piece is not working on it
    # One definition: the snapshot, the pieces list and the CLI say the same.
    for role, pid in ids.items():
        assert journal.snapshot(pid).last_activity == after[role], role

    from coulisses.ui.pieces.summaries import load_summaries

    assert [s.piece.id for s in load_summaries(journal)] == [ids[r] for r in order]
    assert [s.last_activity for s in load_summaries(journal)] == [after[r] for r in order]
    code, out, err = installed_cli("piece", "list", "--json")
    assert code == 0, err
    listed = {row["id"]: row["last_activity"] for row in json.loads(out)}
    from coulisses.journal import iso

    assert listed == {pid: iso(after[role]) for role, pid in ids.items()}


def test_reading_a_piece_leaves_its_activity_alone(journal):
    pid = journal.create_piece("Tasse").id
    _still(journal, pid, LONG_AGO)
    _as_if_long_ago(journal, pid)
    first = journal.last_activity(pid)
    time.sleep(0.02)
    journal.piece(pid)
    journal.snapshot(pid)
    journal.hidden(pid)
    Journal.open(journal.home).pieces()  # another process opening the journal
    assert journal.last_activity(pid) == first


def test_a_piece_with_nothing_yet_counts_from_its_creation(journal):
    piece = journal.create_piece("Neuve")
    assert journal.last_activity(piece.id) == piece.created
    assert journal.snapshot(piece.id).last_activity == piece.created


def test_a_planted_link_at_the_stamp_is_not_followed(journal, tmp_path):
    """A synced journal may hold anything: the stamp is read without following a link."""
    pid = journal.create_piece("Lien").id
    _still(journal, pid, LONG_AGO)
    _as_if_long_ago(journal, pid)
    stamp = journal.piece_folder(pid) / "cache" / "activity" / "edited"
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("2099-01-01T00:00:00.000Z", "ascii")
    stamp.unlink()
    stamp.symlink_to(outside)
    assert journal.last_activity(pid) < datetime(2099, 1, 1, tzinfo=UTC)


def test_a_still_from_a_clock_ahead_does_not_stay_on_top(journal):
    """A camera whose clock is two days ahead: its still counts from when it was added."""
    ahead = journal.create_piece("Horloge en avance").id
    _still(journal, ahead, datetime.now(UTC) + timedelta(days=2))
    _as_if_long_ago(journal, ahead)
    other = journal.create_piece("Tasse").id
    _still(journal, other, LONG_AGO)
    _as_if_long_ago(journal, other)
    time.sleep(0.02)
    journal.add_moment(other, "fix", at="last")
    assert journal.last_activity(other) > journal.last_activity(ahead)
    assert journal.last_activity(ahead) <= datetime.now(UTC)


def test_the_window_opens_on_the_piece_last_worked_on(qtbot, journal):
    """Not the one with the newest capture time: photos imported and a moment flagged
    today in a board begun in March win over a bowl captured yesterday."""
    from coulisses.preferences import Preferences
    from coulisses.ui.main_window import MainWindow

    yesterday = datetime.now(UTC) - timedelta(days=1)
    board = journal.create_piece("Planche en noyer").id
    _still(journal, board, LONG_AGO)
    _as_if_long_ago(journal, board)
    bowl = journal.create_piece("Bol raku").id
    _still(journal, bowl, yesterday)
    _as_if_long_ago(journal, bowl, yesterday)
    assert journal.last_activity(bowl) > journal.last_activity(board)
    time.sleep(0.02)
    _still(journal, board, TAKEN)  # last summer's photo, imported now
    journal.add_moment(board, "milestone", at="last")
    assert journal.last_activity(board) > journal.last_activity(bowl)
    assert journal.latest_capture(bowl).time > journal.latest_capture(board).time

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.pieces.current_piece_id), timeout=5000)
    assert window.pieces.current_piece_id == board
    assert window.pieces.model.summary(0).piece.id == board
