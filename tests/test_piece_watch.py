"""A piece's watch folder: the switch survives restarts, a new photo is imported and
its time shown, a folder that disappears is reported and cleared when it is back."""

from __future__ import annotations

import shutil
import threading

import pytest

from coulisses.capture.piece_watch import PieceWatch, watch_settings
from coulisses.journal import Journal, JournalError
from tests.helpers import wait_until
from tests.test_import_watch import photo_bytes


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_the_switch_survives_a_restart_and_a_new_photo_is_imported(journal, home, inbox):
    piece = journal.create_piece("Bol")
    first = PieceWatch(journal, piece.id)
    state = first.switch(True, inbox)
    assert state.on and state.running and state.folder == inbox and not state.missing
    first.stop()  # the app closes; the switch stays on
    assert not first.state().running and first.state().on

    again = Journal.open(home)  # the app starts again
    assert watch_settings(again, piece.id) == (inbox, True)
    changed = threading.Event()
    watch = PieceWatch(again, piece.id, settle=0.1, interval=0.03,
                       on_change=lambda s: changed.set() if s.imported else None)
    assert watch.start().running
    try:
        (inbox / "IMG_0001.jpg").write_bytes(photo_bytes("2025:04:01 09:00:00"))
        assert changed.wait(20)
        state = watch.state()
        assert state.imported == 1 and state.last_photo is not None
        assert state.last_photo.tzinfo is not None and state.problem is None
        assert again.still_count(piece.id) == 1
    finally:
        watch.stop()


def test_switching_off_stops_and_is_remembered(journal, home, inbox):
    piece = journal.create_piece("Bol")
    watch = PieceWatch(journal, piece.id, interval=0.03)
    watch.switch(True, inbox)
    state = watch.switch(False)
    assert not state.on and not state.running and state.folder == inbox  # folder kept
    restarted = PieceWatch(Journal.open(home), piece.id)
    assert not restarted.start().running
    # on again without naming the folder: the stored one
    assert restarted.switch(True).running
    restarted.stop()


def test_a_folder_that_disappears_is_shown_and_clears_when_it_is_back(journal, inbox):
    piece = journal.create_piece("Bol")
    problems = threading.Event()
    watch = PieceWatch(journal, piece.id, settle=0.1, interval=0.03,
                       on_change=lambda s: problems.set() if s.missing else None)
    watch.switch(True, inbox)
    try:
        shutil.rmtree(inbox)
        assert problems.wait(20)
        state = watch.state()
        assert state.missing and state.running and "cannot be reached" in state.problem
        inbox.mkdir()
        assert wait_until(lambda: not watch.state().missing)
        assert watch.state().problem is None
    finally:
        watch.stop()


def test_a_folder_inside_the_journal_is_refused(journal, home):
    piece = journal.create_piece("Bol")
    with pytest.raises(JournalError, match="inside the Coulisses journal"):
        PieceWatch(journal, piece.id).switch(True, home / "pieces")
    assert watch_settings(journal, piece.id) == (None, False)  # nothing stored
