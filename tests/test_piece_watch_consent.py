"""A journal's settings alone never start importing a folder: only a folder the maker
chose on this computer is watched again at launch; one named by a journal synced or
copied from elsewhere waits, paused, for the maker's yes."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from coulisses.capture.piece_watch import PieceWatch, set_watch_settings, watch_settings
from coulisses.journal import Journal
from coulisses.preferences import Preferences
from tests.test_import_watch import photo_bytes


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("COULISSES_CONFIG", str(folder))
    return folder


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "Documents"  # what a hostile journal might name: the maker's papers
    (folder / "Famille").mkdir(parents=True)
    (folder / "Famille" / "IMG_0001.jpg").write_bytes(photo_bytes("2025:04:01 09:00:00"))
    return folder


def synced_journal(journal: Journal, folder: Path) -> str:
    """A piece whose settings, written on another computer, say "watch this folder"."""
    piece = journal.create_piece("Bol")
    set_watch_settings(journal, piece.id, folder, True)  # as the synced journal brings it
    return piece.id


# ------------------------------------------------------------ capture layer
def test_a_watch_named_only_by_the_journal_stays_paused(config, journal, home, inbox):
    piece = synced_journal(journal, inbox)
    watch = PieceWatch(journal, piece, settle=0.1, interval=0.03)
    state = watch.start()  # what the app does at launch
    try:
        assert state.on and not state.running and state.folder == inbox
        time.sleep(0.5)  # ample time for a watcher to have taken the photo
        assert journal.still_count(piece) == 0
        assert state.paused  # said as such: waiting for the maker's yes
    finally:
        watch.stop()


def test_the_maker_s_yes_is_remembered_on_this_computer_not_in_the_journal(
        config, journal, home, inbox):
    piece = synced_journal(journal, inbox)
    imported = threading.Event()
    watch = PieceWatch(journal, piece, settle=0.1, interval=0.03,
                       on_change=lambda s: imported.set() if s.imported else None)
    try:
        state = watch.switch(True)  # "Resume watching": the folder the settings name
        assert state.running and not state.paused
        assert imported.wait(20) and journal.still_count(piece) == 1
    finally:
        watch.stop()
    from coulisses.capture.piece_watch import WatchConsent

    consent = WatchConsent()
    assert consent.path.parent == config and consent.path.is_file()
    assert not consent.path.is_relative_to(home) and not list(home.rglob(consent.path.name))
    doc = json.loads(consent.path.read_text("utf-8"))
    assert doc["journals"][os.path.abspath(home)][piece] == os.path.abspath(inbox)
    # The next launch resumes it without asking.
    again = PieceWatch(Journal.open(home), piece, settle=0.1, interval=0.03)
    try:
        assert again.start().running
    finally:
        again.stop()


def test_the_same_journal_copied_or_pointing_elsewhere_asks_again(
        config, journal, home, inbox, tmp_path):
    piece = synced_journal(journal, inbox)
    PieceWatch(journal, piece).switch(True)
    PieceWatch(journal, piece).stop()
    # The journal copied to another place (another computer's layout, a restore):
    copy = tmp_path / "copy"
    shutil.copytree(home, copy)
    elsewhere = PieceWatch(Journal.open(copy), piece)
    assert elsewhere.start().paused and not elsewhere.state().running
    # The synced settings now name another folder: not the one the maker chose.
    other = tmp_path / "Other"
    other.mkdir()
    set_watch_settings(journal, piece, other, True)
    moved = PieceWatch(journal, piece)
    assert moved.start().paused
    assert watch_settings(journal, piece) == (other, True)  # the journal is left as it is


def test_an_unreadable_consent_file_means_ask_again(config, journal, inbox):
    piece = synced_journal(journal, inbox)
    config.mkdir(parents=True, exist_ok=True)
    (config / "watched-folders.json").write_bytes(b"\xff not json")
    watch = PieceWatch(journal, piece)
    assert watch.start().paused
    state = watch.switch(True)  # the yes is written over it
    try:
        from coulisses.capture.piece_watch import WatchConsent

        assert state.running
        assert WatchConsent().allows(journal, piece, inbox)
    finally:
        watch.stop()


# ------------------------------------------------------------------- window
def window_on(qtbot, journal, piece_id):
    from coulisses.ui.main_window import MainWindow
    from coulisses.ui.main_window import window as window_module

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.ask = lambda *_a: window_module.STOP
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece_id, timeout=5000)
    return window


def test_the_window_shows_a_synced_watch_paused_and_resumes_it_on_the_maker_s_click(
        qtbot, config, journal, inbox):
    from PySide6.QtCore import Qt

    piece = synced_journal(journal, inbox)
    window = window_on(qtbot, journal, piece)
    row = window.watch_row
    assert not window.watches.watchers and window.watches.paused == [piece]
    assert row.resume.isVisible() and not row.enabled.isChecked()
    assert "not chosen on this computer" in row.state.text() and str(inbox) in row.state.text()
    time.sleep(3.5)  # the default watcher would have settled on the photo by now
    qtbot.wait(100)
    assert journal.still_count(piece) == 0
    qtbot.mouseClick(row.resume, Qt.MouseButton.LeftButton)
    assert piece in window.watches.watchers and not row.resume.isVisible()
    qtbot.waitUntil(lambda: journal.still_count(piece) == 1, timeout=20000)
    window.close()
    again = window_on(qtbot, Journal.open(journal.home), piece)  # the next launch
    assert piece in again.watches.watchers and not again.watch_row.resume.isVisible()
    again.close()


def test_ticking_the_box_for_the_folder_shown_is_a_yes_too(qtbot, config, journal, inbox):
    piece = synced_journal(journal, inbox)
    window = window_on(qtbot, journal, piece)
    assert window.watch_row.folder.text() == str(inbox)
    window.watch_row.enabled.setChecked(True)
    assert piece in window.watches.watchers
    from coulisses.capture.piece_watch import WatchConsent

    assert WatchConsent().allows(journal, piece, inbox)
    window.close()


def test_a_folder_that_cannot_be_watched_is_said(qtbot, config, journal, home):
    piece = journal.create_piece("Bol").id
    window = window_on(qtbot, journal, piece)
    window.watch_row.watch(str(home / "pieces"))
    assert "inside the Coulisses journal" in window.watch_row.state.text()
    assert window.watch_row.state.isVisibleTo(window)
    window.close()
