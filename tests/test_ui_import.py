"""Photos brought in from the window: drop, menu, progress, cancel, summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from coulisses.atomicio import is_temp_name
from coulisses.preferences import Preferences
from tests.test_import_photos import make_photo


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))


def photos(folder: Path, n: int, size: tuple[int, int] = (96, 64)) -> Path:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        img = Image.new("RGB", size, (40 + (i * 13) % 200, 90, 140))
        make_photo(folder / f"IMG_{1000 + i}.JPG", f"2026:11:2{i // 60 % 8} 10:{i % 60:02d}:00",
                   img=img)
    (folder / "notes.txt").write_text("pas une photo", "utf-8")
    (folder / "IMG_BROKEN.JPG").write_bytes(b"\xff\xd8\xff\xe0 broken")
    return folder


def window_on(qtbot, journal, piece_id):
    from coulisses.ui.main_window import MainWindow
    from coulisses.ui.main_window import window as window_module

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.ask = lambda *_a: window_module.STOP
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece_id, timeout=5000)
    return window


def drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_a_folder_imports_it_and_sums_up(qtbot, journal, tmp_path) -> None:
    piece = journal.create_piece("Bol")
    folder = photos(tmp_path / "DCIM", 12)
    window = window_on(qtbot, journal, piece.id)
    window.show_page(window.timeline)
    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        drop(window, [folder])
    summary = window.last_summary
    assert summary is not None and summary.isVisible()
    assert summary.headline.text().startswith("12 photos imported")
    assert "1 skipped" in summary.headline.text()
    assert "IMG_BROKEN.JPG" in summary.details.toPlainText()
    assert len(journal.captures(piece.id)[0]) == 12
    # the strip fills with them
    qtbot.waitUntil(lambda: window.timeline.timeline is not None
                    and len(window.timeline.timeline.snapshot.captures) == 12, timeout=5000)
    assert not window.import_progress.isVisible()
    # dropping the same folder again finds them all already there
    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        drop(window, [folder])
    assert "12 already there" in window.last_summary.headline.text()


def test_cancelling_an_import_keeps_what_was_stored(qtbot, journal, tmp_path) -> None:
    piece = journal.create_piece("Plat")
    folder = photos(tmp_path / "big", 60, size=(1600, 1200))
    window = window_on(qtbot, journal, piece.id)
    seen = []
    window.importer.progress.connect(seen.append)
    assert window.import_paths([str(folder)])
    qtbot.waitUntil(lambda: any(p.done >= 3 for p in seen), timeout=30000)
    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        window.import_cancel.click()
    stored = journal.captures(piece.id)[0]
    assert 3 <= len(stored) < 60
    assert "cancelled" in window.last_summary.headline.text()
    leftovers = [p for p in (journal.home / "pieces" / piece.id).rglob("*")
                 if is_temp_name(p.name)]
    assert leftovers == []
    for cap in stored:  # every stored still is whole
        assert cap.path.read_bytes()[-2:] == b"\xff\xd9"


def test_import_needs_a_piece(qtbot, journal, tmp_path) -> None:
    from coulisses.ui.main_window import MainWindow

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    qtbot.addWidget(window)
    assert not window.import_paths([str(tmp_path)])
    assert "piece" in window.banner.messages[-1]


def test_a_watch_folder_imports_new_photos_and_survives_a_restart(qtbot, journal,
                                                                   tmp_path) -> None:
    from coulisses.journal import Journal

    piece = journal.create_piece("Téléphone")
    inbox = tmp_path / "sync"
    inbox.mkdir()
    window = window_on(qtbot, journal, piece.id)
    window.watch_row.watch(str(inbox))
    assert window.watch_row.enabled.isChecked()
    assert window.watch_row.state.text() == "Watching — no new photo yet"
    make_photo(inbox / "IMG_2001.JPG", "2026:11:25 10:00:00")
    qtbot.waitUntil(lambda: len(journal.captures(piece.id)[0]) == 1, timeout=20000)
    qtbot.waitUntil(lambda: "last photo at" in window.watch_row.state.text(), timeout=5000)
    window.close()  # stops the watcher; the setting stays on
    assert not window.watches.watchers
    again = window_on(qtbot, Journal.open(journal.home), piece.id)
    assert piece.id in again.watches.watchers  # resumed at start-up
    make_photo(inbox / "IMG_2002.JPG", "2026:11:25 10:05:00")
    qtbot.waitUntil(lambda: len(journal.captures(piece.id)[0]) == 2, timeout=20000)
    again.watch_row.enabled.setChecked(False)
    assert piece.id not in again.watches.watchers
    assert not journal.piece(piece.id).settings.get("watch_on")  # off is remembered


def test_a_watched_folder_that_disappears_is_said(qtbot, journal, tmp_path) -> None:
    import shutil

    piece = journal.create_piece("Carte SD")
    inbox = tmp_path / "card"
    inbox.mkdir()
    window = window_on(qtbot, journal, piece.id)
    window.watch_row.watch(str(inbox))
    shutil.rmtree(inbox)
    qtbot.waitUntil(lambda: "cannot be reached" in window.watch_row.state.text(), timeout=15000)
