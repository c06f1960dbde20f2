"""The bench fits a laptop and says each thing once (issue 22), driven with pytest-qt.

The four flag buttons stay in sight at 1100×720 and 1366×768 with a problem showing;
the source settings fold away while capture runs; a source's or the capture's
problem is said in one place (the status line under the buttons), and a disk-full
pause is gone from the window once capture resumes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

from coulisses.capture.session import CaptureSettings
from coulisses.capture.synthetic import Scene, write_video
from coulisses.journal import Journal
from coulisses.preferences import Preferences

DEAD_PHONE = "http://127.0.0.1:9/video"  # port 9 on this computer: nobody answers
MB = 1024 * 1024


@pytest.fixture(scope="module")
def video(tmp_path_factory) -> Path:
    return write_video(tmp_path_factory.mktemp("video") / "bench.mp4",
                       Scene(width=320, height=240, seconds=120.0, noise=3.0), fps=10.0)


def make_window(qtbot, journal: Journal, size: QSize | None = None, register: bool = True):
    from coulisses.ui.main_window import MainWindow
    from coulisses.ui.main_window import window as window_module

    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.ask = lambda *_a: window_module.STOP
    if register:  # else the test deletes it itself (gone)
        qtbot.addWidget(window)
    window.resize(size or QSize(1100, 720))
    window.show()
    qtbot.waitExposed(window)
    return window


def in_sight(widget: QWidget) -> bool:
    """The whole widget is on screen inside the window: not scrolled away, not clipped
    by any scroll area or parent, not beyond the window's edge."""
    if not widget.isVisible():
        return False
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(rect):
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            port = parent.viewport()
            if not QRect(QPoint(0, 0), port.size()).contains(
                    QRect(widget.mapTo(port, QPoint(0, 0)), widget.size())):
                return False
        inside = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(inside):
            return False
        parent = parent.parentWidget()
    return widget.visibleRegion().boundingRect() == widget.rect()


def shown_texts(window: QWidget, needle: str) -> list[QLabel]:
    """Every label on screen that says ``needle`` (the fields the maker typed excluded)."""
    return [label for label in window.findChildren(QLabel)
            if label.isVisible() and needle in label.text()]


def open_piece(qtbot, journal: Journal, name: str = "Planche en noyer", **kwargs):
    piece = journal.create_piece(name)
    window = make_window(qtbot, journal, **kwargs)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    return window, piece


def fail_to_start(qtbot, window) -> None:
    window.capture_panel.set_source(DEAD_PHONE)
    window.capture_panel.source_changed.emit(window.capture_panel.source())
    window.start_capture()
    status = window.capture_panel.status
    qtbot.waitUntil(lambda: "127.0.0.1:9" in status.text() and not window.capture.recording,
                    timeout=20000)


@pytest.mark.parametrize("size", [QSize(1100, 720), QSize(1366, 768)], ids=lambda s:
                         f"{s.width()}x{s.height()}")
def test_the_flag_buttons_stay_in_sight_on_a_laptop(qtbot, journal, video, size) -> None:
    window, piece = open_piece(qtbot, journal, size=size)
    assert window.size() == size  # the window fits the screen: nothing forces it taller
    # Stopped, the source settings open, a failed source said under the buttons and a
    # journal problem in the banner above: the worst the bench shows.
    fail_to_start(qtbot, window)
    window.banner.show_message("pieces/x/piece.json was damaged; it was recovered from the "
                               "version kept at 09:14.", "warning")
    qtbot.wait(50)
    buttons = window.moment_bar.buttons
    assert all(in_sight(b) for b in buttons.values()), {
        k: (b.mapTo(window, QPoint(0, 0)), b.size()) for k, b in buttons.items()}
    assert in_sight(window.capture_panel.status) and in_sight(window.capture_panel.start_button)
    # Recording, then a flag: the caption prompt opens below the flags, all in sight.
    window.capture_panel.set_source(str(video))
    window.capture_panel.source_changed.emit(window.capture_panel.source())
    window.capture_panel.interval.setValue(1.0)
    window.start_capture()
    qtbot.waitUntil(lambda: window.capture.recording, timeout=10000)
    with qtbot.waitSignal(window.bench.flagged, timeout=5000):
        window.moment_bar.buttons["struggle"].click()
    qtbot.waitUntil(lambda: window.caption_prompt.isVisible(), timeout=5000)
    qtbot.wait(50)
    assert all(in_sight(b) for b in buttons.values())
    assert in_sight(window.caption_prompt) and in_sight(window.capture_panel.stop_button)
    window.bench.stop()
    qtbot.waitUntil(lambda: not window.capture.recording, timeout=10000)
    assert journal.snapshot(piece.id).moments


def test_the_settings_scroll_only_when_the_screen_is_too_small(qtbot, journal) -> None:
    """At 1100×720, with a three-line message in the banner, a two-line problem under the
    buttons and a picture in the preview, the phone's settings, the preview and the folder
    watch fit: the preview gives way
    (neither it nor the wrapped hints ask for the room they would take if narrow)."""
    from PySide6.QtGui import QColor, QImage

    window, _piece = open_piece(qtbot, journal)
    panel = window.capture_panel
    panel.set_source(DEAD_PHONE)  # the phone apps' hint shows, and why it cannot be read
    panel.source_changed.emit(panel.source())
    qtbot.waitUntil(lambda: "127.0.0.1:9" in panel.status.text(), timeout=20000)
    window.banner.show_message("pieces/bol-raku/piece.json was damaged " * 8, "warning")
    picture = QImage(640, 480, QImage.Format.Format_RGB888)
    picture.fill(QColor("#8d6e63"))
    panel.preview.show_image(picture)
    qtbot.wait(50)
    assert panel.url_hint.isVisible() and in_sight(panel.url_hint)
    assert panel.scroll.verticalScrollBar().maximum() == 0
    assert in_sight(window.watch_row) and panel.preview.height() >= 90
    window.resize(1100, 560)  # a smaller screen still: now they scroll, the flags stay
    qtbot.wait(50)
    assert panel.scroll.verticalScrollBar().maximum() > 0
    assert all(in_sight(b) for b in window.moment_bar.buttons.values())


def test_the_source_settings_fold_away_while_capture_runs(qtbot, journal, video) -> None:
    window, _piece = open_piece(qtbot, journal)
    panel = window.capture_panel
    panel.set_source(str(video))
    panel.interval.setValue(2.0)
    settings = (panel.source_kind, panel.file_path, panel.interval, panel.skip_idle)
    assert all(w.isVisible() for w in settings) and not panel.summary.isVisible()
    window.start_capture()
    qtbot.waitUntil(lambda: window.capture.recording, timeout=10000)
    assert not any(w.isVisible() for w in settings)
    assert panel.summary.isVisible()
    assert panel.summary.text() == ("From bench.mp4 · a still every 2.0 s · skipping stills "
                                    "where nothing moves")
    window.bench.stop()
    # The capture thread ends first; the window hears it a moment later.
    qtbot.waitUntil(lambda: panel.start_button.isEnabled(), timeout=10000)
    assert all(w.isVisible() for w in settings) and not panel.summary.isVisible()
    assert not panel.url.isVisible()  # only the fields of the source chosen come back


def test_a_source_that_cannot_be_read_is_said_once(qtbot, journal) -> None:
    window, _piece = open_piece(qtbot, journal)
    panel = window.capture_panel
    # Before Start: the preview of a phone that does not answer.
    panel.set_source(DEAD_PHONE)
    panel.source_changed.emit(panel.source())
    qtbot.waitUntil(lambda: "127.0.0.1:9" in panel.status.text(), timeout=20000)
    assert shown_texts(window, "127.0.0.1:9") == [panel.status]
    assert not window.banner.messages and "127.0.0.1" not in panel.preview.text()
    # Start anyway: the capture fails, for the same reason, said in the same place.
    window.start_capture()
    qtbot.waitUntil(lambda: window.capture.state is not None and not window.capture.recording,
                    timeout=20000)
    qtbot.wait(300)  # the preview comes back and fails again
    assert shown_texts(window, "127.0.0.1:9") == [panel.status]
    assert not window.banner.isVisible() and not window.banner.messages
    # From the Timeline tab the Bench tab carries the sign and the sentence.
    window.show_page(window.timeline)
    assert not window.views.tabIcon(0).isNull()
    assert "127.0.0.1:9" in window.views.tabToolTip(0)
    # Another source chosen: what the phone could not do no longer holds.
    panel.set_source("screen")
    panel.source_changed.emit(panel.source())
    qtbot.waitUntil(lambda: "127.0.0.1" not in panel.status.text(), timeout=5000)
    assert shown_texts(window, "127.0.0.1:9") == []
    assert window.views.tabIcon(0).isNull() and not window.views.tabToolTip(0)


def test_a_refusal_is_taken_back_once_capture_runs(qtbot, journal, video) -> None:
    window, _piece = open_piece(qtbot, journal)
    panel = window.capture_panel
    panel.set_source("")
    panel.source_kind.setCurrentIndex(panel.source_kind.findData("file:"))
    window.start_capture()  # no file chosen yet
    assert window.banner.isVisible() and "source" in window.banner.messages[-1]
    window.banner.show_message("pieces/x/piece.json was damaged.", "warning")
    panel.set_source(str(video))
    window.start_capture()
    qtbot.waitUntil(lambda: window.capture.recording, timeout=10000)
    assert window.banner.messages == ("pieces/x/piece.json was damaged.",)  # still so
    window.bench.stop()
    qtbot.waitUntil(lambda: not window.capture.recording, timeout=10000)


def test_a_full_disk_is_said_once_and_gone_when_capture_resumes(tmpfs, qtbot, video) -> None:
    disk = tmpfs("4m")
    journal = Journal.open(disk / "journal")
    window, piece = open_piece(qtbot, journal, "Plein", register=False)
    ballast = disk / "ballast.bin"
    ballast.write_bytes(b"\0" * int(2.5 * MB))
    status = window.capture_panel.status
    assert window.capture.start(piece.id, str(video), CaptureSettings(
        interval=0.05, keep_idle=True, disk_margin=1 * MB, disk_retry=0.1))
    qtbot.waitUntil(lambda: status.property("status_key") == "paused", timeout=20000)
    qtbot.wait(200)
    assert "Disk nearly full" in status.text()
    assert [label for label in shown_texts(window, "isk") if label is not status] == []
    assert not window.banner.messages  # once: under the buttons, not in the banner too
    ballast.unlink()  # the maker frees some space
    qtbot.waitUntil(lambda: status.property("status_key") in ("recording", "idle"),
                    timeout=20000)
    qtbot.wait(200)
    assert shown_texts(window, "isk") == [] and not window.banner.isVisible()
    assert window.views.tabIcon(0).isNull()
    window.capture.stop(wait=True)
    assert journal.snapshot(piece.id).gaps  # the pause is on the timeline
    gone(window)  # before the small disk is unmounted under it


def gone(window: QWidget) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    window.hide()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_interval_reads_as_the_language_writes_it(qtbot, journal) -> None:
    from PySide6.QtWidgets import QApplication

    from coulisses.ui.language import apply_language
    from coulisses.ui.preferences_dialog import PreferencesDialog

    window, _piece = open_piece(qtbot, journal)
    window.capture_panel.interval.setValue(2.0)
    apply_language(QApplication.instance(), "fr")  # switched live, in Preferences
    qtbot.wait(50)
    dialog = PreferencesDialog(Preferences(interval=2.0), window)
    qtbot.addWidget(dialog)
    bench = window.capture_panel.interval.text()
    assert bench == dialog.interval.text() and bench.startswith("2,0"), (bench,
                                                                         dialog.interval.text())
