"""The bench companion window, driven as a maker would (pytest-qt, offscreen)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coulisses.capture.synthetic import Scene, write_video
from coulisses.journal import Journal
from coulisses.journal.codec import encode_still
from coulisses.preferences import Preferences
from tests.helpers import jpeg_bytes


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("COULISSES_CONFIG", str(folder))
    return folder


@pytest.fixture(scope="module")
def video(tmp_path_factory) -> Path:
    return write_video(tmp_path_factory.mktemp("video") / "wheel.mp4",
                       Scene(width=320, height=240, seconds=60.0, noise=3.0), fps=10.0)


def make_window(qtbot, journal: Journal, tray: bool = False, prefs: Preferences | None = None):
    from coulisses.ui.main_window import MainWindow
    from coulisses.ui.main_window import window as window_module

    window = MainWindow(journal, prefs or Preferences(default_source="screen"), tray=tray)
    # A modal question would block a test forever; tests that ask answer themselves.
    window.ask = lambda *_a: window_module.STOP
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def add_still(journal: Journal, piece_id: str, when: datetime) -> str:
    import numpy as np

    frame = np.full((48, 64, 3), 120, np.uint8)
    jpeg, thumb = encode_still(frame)
    return journal.add_still(piece_id, jpeg, when, thumbnail=thumb).id


def wait_loaded(qtbot, window) -> None:
    with qtbot.waitSignal(window.pieces.loaded, timeout=5000):
        window.pieces.refresh_now()


def test_create_piece_selects_it_and_titles_the_window(qtbot, journal) -> None:
    window = make_window(qtbot, journal)
    assert window.windowTitle() == "Coulisses"
    pid = window.pieces.create_piece("Vase bleu ✨ #3")
    qtbot.waitUntil(lambda: window.windowTitle() == "Coulisses — Vase bleu ✨ #3", timeout=5000)
    assert window.pieces.current_piece_id == pid
    assert window.piece_title.text() == "Vase bleu ✨ #3"
    assert window.pieces.empty_hint.isHidden()


def test_opens_on_the_piece_with_the_latest_activity(qtbot, journal) -> None:
    old = journal.create_piece("Bol raku")
    journal.create_piece("Assiette")  # created later, but nothing captured
    add_still(journal, old.id, datetime.now(UTC) + timedelta(minutes=5))
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == old.id, timeout=5000)
    s = window.pieces.current_summary()
    assert s is not None and s.stills == 1 and s.latest is not None
    text = window.pieces.model.data(window.pieces.model.index(0))
    assert text.startswith("Bol raku\n1 still")
    assert not s.thumbnail.isNull()


def test_archive_hides_a_piece_without_deleting_it(qtbot, journal) -> None:
    a = journal.create_piece("Garder")
    b = journal.create_piece("Ranger")
    window = make_window(qtbot, journal)
    wait_loaded(qtbot, window)
    window.pieces.select(b.id)
    with qtbot.waitSignal(window.pieces.loaded, timeout=5000):
        window.pieces.set_archived(b.id, True)
    assert window.pieces.model.row_of(b.id) == -1
    assert window.pieces.model.row_of(a.id) >= 0
    assert (journal.home / "pieces" / b.id / "piece.json").exists()
    window.pieces.show_archived.setChecked(True)
    assert window.pieces.model.row_of(b.id) >= 0
    with qtbot.waitSignal(window.pieces.loaded, timeout=5000):
        window.pieces.set_archived(b.id, False)
    window.pieces.show_archived.setChecked(False)
    assert window.pieces.model.row_of(b.id) >= 0


def test_rename_shows_in_title(qtbot, journal) -> None:
    p = journal.create_piece("Vase")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == p.id, timeout=5000)
    window.pieces.rename(p.id, "Vase bleu")
    qtbot.waitUntil(lambda: window.windowTitle() == "Coulisses — Vase bleu", timeout=5000)
    assert journal.piece(p.id).name == "Vase bleu"


def test_capture_from_a_video_file_start_snap_stop(qtbot, journal, video) -> None:
    piece = journal.create_piece("Tournage")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    panel = window.capture_panel
    panel.set_source(str(video))
    assert panel.source() == str(video)
    panel.interval.setValue(0.5)
    panel.skip_idle.setChecked(False)
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.capture.recording, timeout=5000)
    assert not panel.start_button.isEnabled() and panel.stop_button.isEnabled()
    qtbot.waitUntil(lambda: (window.capture.state.kept >= 3), timeout=15000)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Recording"), timeout=3000)
    assert panel.status.property("status_key") in ("recording", "idle")
    before = window.capture.state.kept
    with qtbot.waitSignal(window.capture.snapped, timeout=5000) as snap:
        qtbot.mouseClick(panel.snap_button, Qt.MouseButton.LeftButton)
    assert snap.args[0].path.is_file()
    assert window.capture.state.kept >= before + 1
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.capture.recording, timeout=10000)
    qtbot.waitUntil(lambda: panel.status.property("status_key") == "stopped", timeout=3000)
    kept = window.capture.state.kept
    captures, _ = journal.captures(piece.id)
    assert len(captures) == kept
    assert panel.start_button.isEnabled()
    assert "stills kept" in panel.status.text()


def test_live_preview_shows_frames_of_the_source_before_start(qtbot, journal, video) -> None:
    journal.create_piece("Aperçu")
    window = make_window(qtbot, journal)
    window.capture_panel.set_source(str(video))
    window.capture_panel.source_changed.emit(str(video))
    frames = []
    window.capture.preview_image.connect(frames.append)
    qtbot.waitUntil(lambda: len(frames) >= 5, timeout=10000)
    assert window.capture_panel.preview.has_image
    assert max(frames[-1].width(), frames[-1].height()) <= 640
    window.hide()
    qtbot.waitUntil(lambda: not window.capture._timer.isActive(), timeout=2000)
    n = len(frames)
    qtbot.wait(500)
    assert len(frames) == n  # nothing decoded for a hidden window


def test_f8_flags_the_latest_still_and_asks_for_a_caption(qtbot, journal) -> None:
    piece = journal.create_piece("Vase")
    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    add_still(journal, piece.id, t0)
    last = add_still(journal, piece.id, t0 + timedelta(seconds=10))
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    moments = journal.snapshot(piece.id).moments
    assert [(m.kind, m.capture) for m in moments] == [("struggle", last)]
    prompt = window.caption_prompt
    assert prompt.isVisible() and prompt.edit.hasFocus()
    qtbot.keyClicks(prompt.edit, "Trop d'eau ")
    prompt.edit.insert("😭")  # QTest cannot type characters outside the BMP
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Return)
    assert not prompt.isVisible()
    assert journal.snapshot(piece.id).moments[0].caption == "Trop d'eau 😭"
    # F9 then Escape: the moment stays, with no caption.
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert prompt.isVisible()
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Escape)
    assert not prompt.isVisible()
    kinds = sorted((m.kind, m.caption) for m in journal.snapshot(piece.id).moments)
    assert kinds == [("fix", ""), ("struggle", "Trop d'eau 😭")]


def test_on_a_laptop_screen_the_whole_caption_prompt_scrolls_into_view(qtbot, journal,
                                                                      monkeypatch) -> None:
    import time

    from coulisses.ui import moments

    read = moments.starters_for

    def slow_disk(*args):  # the starters arrive after the prompt has been scrolled to
        time.sleep(0.3)
        return read(*args)

    monkeypatch.setattr(moments, "starters_for", slow_disk)
    piece = journal.create_piece("Bol raku")
    journal.update_piece_settings(piece.id, craft="pottery")  # starters make the prompt taller
    add_still(journal, piece.id, datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    window = make_window(qtbot, journal)
    window.resize(1280, 640)  # a 1366×768 laptop, less the panel and the title bar
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    prompt = window.caption_prompt
    with qtbot.waitSignal(prompt.starters_ready, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F8)
    # Below the flags, outside what scrolls on the bench: the whole prompt is in the window.
    def whole_prompt_shown() -> bool:
        top = prompt.mapTo(window, prompt.rect().topLeft()).y()
        return top >= 0 and top + prompt.height() <= window.height()

    qtbot.waitUntil(whole_prompt_shown, timeout=2000)
    assert prompt.starters.isVisible() and prompt.edit.hasFocus()


def test_every_flag_key_and_button(qtbot, journal) -> None:
    piece = journal.create_piece("Clés")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    for key in (Qt.Key.Key_F10, Qt.Key.Key_F11):
        qtbot.keyClick(window, key)
        qtbot.keyClick(window.caption_prompt.edit, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.moment_bar.buttons["struggle"], Qt.MouseButton.LeftButton)
    kinds = sorted(m.kind for m in journal.snapshot(piece.id).moments)
    assert kinds == ["milestone", "result", "struggle"]


def test_a_moment_with_no_still_yet_is_pinned_to_now(qtbot, journal) -> None:
    piece = journal.create_piece("Vide")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    before = datetime.now(UTC)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    (m,) = journal.snapshot(piece.id).moments
    assert m.capture is None
    assert before - timedelta(seconds=1) <= m.time <= datetime.now(UTC)


def test_snap_key_is_ignored_while_typing(qtbot, journal, video) -> None:
    piece = journal.create_piece("Frappe")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    window.capture_panel.set_source(str(video))
    window.capture_panel.interval.setValue(600)  # only snaps add stills in this test
    window.capture_panel.skip_idle.setChecked(False)
    window.start_capture()
    qtbot.waitUntil(lambda: window.capture.state.kept == 1, timeout=10000)  # the first still
    snaps = []
    window.capture.snapped.connect(snaps.append)
    qtbot.keyClick(window, Qt.Key.Key_F8)  # the caption field opens, focused
    assert window.caption_prompt.edit.hasFocus()
    qtbot.keyClick(window.caption_prompt.edit, Qt.Key.Key_F5)
    qtbot.wait(1500)
    assert snaps == [] and window.capture.state.kept == 1
    qtbot.keyClick(window.caption_prompt.edit, Qt.Key.Key_Escape)
    with qtbot.waitSignal(window.capture.snapped, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.capture.state.kept == 2
    window.bench.stop()
    qtbot.waitUntil(lambda: not window.capture.recording, timeout=10000)


def test_unopenable_source_says_so_in_the_window(qtbot, journal, tmp_path) -> None:
    journal.create_piece("Caméra")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: bool(window.pieces.current_piece_id), timeout=5000)
    missing = tmp_path / "absent.mp4"
    window.capture_panel.set_source(str(missing))
    window.start_capture()
    status = window.capture_panel.status
    qtbot.waitUntil(lambda: "absent.mp4" in status.text(), timeout=10000)
    assert not any("absent.mp4" in m for m in window.banner.messages)  # said once
    qtbot.waitUntil(lambda: not window.capture.recording, timeout=10000)
    assert window.capture_panel.start_button.isEnabled()


def test_start_without_a_piece_explains(qtbot, journal) -> None:
    window = make_window(qtbot, journal)
    window.start_capture()
    assert window.banner.isVisible()
    assert "piece" in window.banner.messages[-1]
    assert not window.capture.recording


def test_another_process_adding_stills_shows_within_two_seconds(qtbot, journal, home) -> None:
    piece = journal.create_piece("Pi")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    wait_loaded(qtbot, window)
    assert window.pieces.current_summary().stills == 0
    script = textwrap.dedent(f"""
        from datetime import UTC, datetime, timedelta
        from coulisses.journal import Journal
        from coulisses.journal.codec import encode_still
        import numpy as np
        j = Journal.open({str(home)!r})
        jpeg, thumb = encode_still(np.full((48, 64, 3), 90, np.uint8))
        t = datetime.now(UTC)
        for i in range(3):
            j.add_still({piece.id!r}, jpeg, t + timedelta(seconds=i), thumbnail=thumb)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    written = time.monotonic()
    qtbot.waitUntil(lambda: (window.pieces.current_summary() or None) is not None
                    and window.pieces.current_summary().stills == 3, timeout=4000)
    assert time.monotonic() - written < 2.5


def test_close_while_recording_without_tray_stops_and_keeps_stills(qtbot, journal, video) -> None:
    from coulisses.ui.main_window import window as window_module

    piece = journal.create_piece("Fermer")
    window = make_window(qtbot, journal, tray=False)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    window.capture_panel.set_source(str(video))
    window.capture_panel.interval.setValue(0.5)
    window.capture_panel.skip_idle.setChecked(False)
    asked = []
    window.ask = lambda title, text, buttons: asked.append([k for k, _ in buttons]) or \
        window_module.CANCEL
    window.start_capture()
    qtbot.waitUntil(lambda: window.capture.state.kept >= 2, timeout=15000)
    window.close()
    assert asked == [["stop", "cancel"]] and window.isVisible() and window.capture.recording
    window.ask = lambda *a: window_module.STOP
    quit_calls = []
    window_module.QApplication.quit = staticmethod(lambda: quit_calls.append(1))
    try:
        window.close()
    finally:
        del window_module.QApplication.quit
    assert not window.capture.recording and quit_calls
    captures, _ = journal.captures(piece.id)
    assert len(captures) == window.capture.state.kept >= 2


def test_close_while_recording_with_a_tray_keeps_recording_hidden(qtbot, journal, video) -> None:
    from coulisses.ui.main_window import window as window_module

    piece = journal.create_piece("Plateau")
    window = make_window(qtbot, journal, tray=True)
    assert window.tray is not None
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    window.capture_panel.set_source(str(video))
    window.capture_panel.interval.setValue(0.5)
    window.capture_panel.skip_idle.setChecked(False)
    window.ask = lambda title, text, buttons: window_module.KEEP
    window.start_capture()
    qtbot.waitUntil(lambda: window.capture.state.kept >= 1, timeout=15000)
    window.close()
    assert not window.isVisible() and window.capture.recording
    kept = window.capture.state.kept
    qtbot.waitUntil(lambda: window.capture.state.kept > kept, timeout=10000)
    # The tray's menu drives the hidden window.
    window.tray._build_menu()
    labels = {a.text(): a for a in window.tray.menu.actions() if a.text()}
    assert not labels["Start recording"].isEnabled() and labels["Stop recording"].isEnabled()
    labels["Flag struggle"].trigger()
    assert [m.kind for m in journal.snapshot(piece.id).moments] == ["struggle"]
    assert window.tray.key in ("recording", "idle")
    labels["Show Coulisses"].trigger()
    assert window.isVisible()
    labels["Stop recording"].trigger()
    qtbot.waitUntil(lambda: not window.capture.recording, timeout=10000)
    window.ask = lambda *a: window_module.STOP
    window.capture.shutdown()


def test_ctrl_q_quits_and_stops_capture(qtbot, journal, video, monkeypatch) -> None:
    from coulisses.ui.main_window import window as window_module

    piece = journal.create_piece("Quitter")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    window.capture_panel.set_source(str(video))
    window.capture_panel.interval.setValue(0.5)
    window.start_capture()
    qtbot.waitUntil(lambda: window.capture.recording, timeout=5000)
    quits = []
    monkeypatch.setattr(window_module.QApplication, "quit", staticmethod(lambda: quits.append(1)))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [1]
    assert not window.capture.recording
    captures, _ = journal.captures(piece.id)
    assert len(captures) == window.capture.state.kept


def test_window_geometry_and_splitter_are_restored(qtbot, journal, config_dir) -> None:
    window = make_window(qtbot, journal)
    window.resize(760, 700)  # the offscreen screen is 800 px wide: restore clamps to it
    window.splitter.setSizes([400, 600])
    qtbot.wait(50)
    size, sizes = (window.width(), window.height()), window.splitter.sizes()
    assert size == (760, 700)
    window.save_window_state()
    assert (config_dir / "window.json").is_file()
    again = make_window(qtbot, journal)
    assert (again.width(), again.height()) == size
    assert again.splitter.sizes() == sizes


def test_journal_problems_show_in_the_banner(qtbot, journal) -> None:
    from coulisses.ui.main_window import MainWindow

    window = MainWindow(journal, Preferences(), problems=["pieces/x/piece.json was damaged."],
                        tray=False)
    qtbot.addWidget(window)
    assert window.banner.isVisibleTo(window)
    assert window.banner.messages == ("pieces/x/piece.json was damaged.",)


def test_tray_icon_colour_follows_the_state(qtbot) -> None:
    from PySide6.QtGui import QIcon

    from coulisses.ui.capture.status import StatusLine
    from coulisses.ui.tray import Tray

    tray = Tray(QIcon())
    images = {}
    for key in ("recording", "paused", "lost"):
        tray.set_status(StatusLine("x", "", key), recording=key != "stopped")
        images[key] = tray.icon.icon().pixmap(64, 64).toImage()
    centre = {k: img.pixelColor(50, 50).name() for k, img in images.items()}
    assert centre == {"recording": "#2e7d32", "paused": "#b26a00", "lost": "#c62828"}
    tray.close()


def test_thumbnail_jpeg_reader_is_upright_and_bounded(tmp_path) -> None:
    from PySide6.QtCore import QSize

    from coulisses.ui.images import load_image

    path = tmp_path / "a.jpg"
    path.write_bytes(jpeg_bytes(800, 600))
    img = load_image(path, QSize(80, 60))
    assert (img.width(), img.height()) == (80, 60)
    assert load_image(tmp_path / "missing.jpg", QSize(80, 60)).isNull()


def test_a_phone_stream_that_drops_shows_camera_lost_then_recovers(qtbot, journal) -> None:
    from tests.test_capture_stream import MJPEGServer

    server = MJPEGServer()
    server.start()
    try:
        piece = journal.create_piece("Téléphone")
        window = make_window(qtbot, journal)
        qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
        window.capture_panel.set_source(server.url())
        assert window.capture_panel.source() == server.url()
        window.capture_panel.interval.setValue(0.5)
        window.capture_panel.skip_idle.setChecked(False)
        window.start_capture()
        qtbot.waitUntil(lambda: window.capture.state.kept >= 2, timeout=15000)
        server.stop()
        status = window.capture_panel.status
        qtbot.waitUntil(lambda: status.property("status_key") == "lost", timeout=20000)
        assert status.text().startswith("Stream lost since ") and "retrying" in status.text()
        assert "Wi-Fi" in status.text()  # a phone: where to look
        assert "s3cr3t" not in status.text() and all("s3cr3t" not in m
                                                      for m in window.banner.messages)
        server.start()  # same port: the phone app is back
        qtbot.waitUntil(lambda: status.property("status_key") == "recording", timeout=20000)
        window.bench.stop()
        qtbot.waitUntil(lambda: not window.capture.recording, timeout=10000)
        assert journal.snapshot(piece.id).gaps  # the outage is on the timeline
    finally:
        server.stop()


def test_a_damaged_piece_file_is_explained_and_the_others_still_work(qtbot, journal, home) -> None:
    good = journal.create_piece("Bon")
    bad = journal.create_piece("Abîmé")
    (home / "pieces" / bad.id / "piece.json").write_text('{"piece": []}', "utf-8")
    for bak in (home / "pieces" / bad.id).glob("piece.json.bak"):
        bak.unlink()
    fresh = Journal.open(home)
    window = make_window(qtbot, fresh)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    assert any("piece.json" in m for m in window.banner.messages)
    assert window.pieces.model.row_of(good.id) >= 0


def test_an_empty_journal_opens_on_the_welcome_view(qtbot, journal) -> None:
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.welcome, timeout=5000)
    qtbot.waitUntil(lambda: "camera" in window.welcome.camera.text().lower(), timeout=10000)
    assert "No camera was found" in window.welcome.camera.text()  # none on this machine
    window.welcome.name.setText("Bol raku")
    qtbot.mouseClick(window.welcome.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.views, timeout=5000)
    qtbot.waitUntil(lambda: window.windowTitle() == "Coulisses — Bol raku", timeout=5000)


def test_the_welcome_view_picks_the_camera_the_bench_will_use(qtbot, journal) -> None:
    from coulisses.capture.probe import CameraInfo
    from coulisses.preferences import load_preferences

    window = make_window(qtbot, journal)
    welcome = window.welcome
    qtbot.waitUntil(lambda: "No camera was found" in welcome.camera.text(), timeout=10000)
    # Two webcams, as the probe reports them (none can be plugged in here).
    welcome.set_cameras([CameraInfo(0, "Integrated Camera"), CameraInfo(2, "C920")])
    assert [welcome.source.itemData(i) for i in range(welcome.source.count())] == \
        ["0", "2", "phone"]
    assert welcome.source.currentData() == "0" and not welcome.url.isVisibleTo(welcome)
    welcome.source.setCurrentIndex(1)
    welcome.source.activated.emit(1)  # the maker chose the second one
    welcome.set_cameras([CameraInfo(0, "Integrated Camera"), CameraInfo(2, "C920")])  # re-probe
    assert welcome.source.currentData() == "2"  # the maker's choice stays
    welcome.name.setText("Bol raku")
    qtbot.mouseClick(welcome.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.views, timeout=5000)
    assert window.capture_panel.source() == "2"
    assert load_preferences()[0].default_source == "2"  # and next time too


def test_with_no_camera_the_welcome_view_takes_a_phone_address(qtbot, journal) -> None:
    window = make_window(qtbot, journal, prefs=Preferences())  # a first run: no source yet
    welcome = window.welcome
    qtbot.waitUntil(lambda: "No camera was found" in welcome.camera.text(), timeout=10000)
    assert [welcome.source.itemData(i) for i in range(welcome.source.count())] == ["phone"]
    assert welcome.url.isVisibleTo(welcome)
    welcome.name.setText("Courtepointe")
    # As often typed: without http://. Port 9 on this computer: nobody answers there.
    welcome.url.setText("127.0.0.1:9/video")
    qtbot.keyClick(welcome.url, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.views, timeout=5000)
    assert window.capture_panel.source() == "http://127.0.0.1:9/video"
    qtbot.waitUntil(lambda: window.windowTitle() == "Coulisses — Courtepointe", timeout=5000)
    # The live preview tries that address at once; the status line under the buttons says,
    # wrapped, why it shows nothing (and the preview does not say it again).
    status = window.capture_panel.status
    qtbot.waitUntil(lambda: "127.0.0.1:9" in status.text(), timeout=20000)
    assert status.wordWrap() and "127.0.0.1" not in window.capture_panel.preview.text()


def test_the_bench_reads_a_phone_address_typed_without_http(qtbot, journal) -> None:
    journal.create_piece("Téléphone")
    window = make_window(qtbot, journal)
    panel = window.capture_panel
    panel.set_source("http://192.168.1.20:8080/video")  # selects "A phone over the network"
    panel.url.setText("192.168.1.20:4747/video")  # then the maker retypes it, bare
    assert panel.source() == "http://192.168.1.20:4747/video"


def test_the_demo_piece_from_the_welcome_view(qtbot, journal) -> None:
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.welcome, timeout=5000)
    window.welcome.demo.click()
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.views, timeout=60000)
    qtbot.waitUntil(lambda: window.pieces.current_summary() is not None
                    and window.pieces.current_summary().demo, timeout=10000)
    demo = window.pieces.current_summary()
    assert demo.stills > 20 and "(demo)" in demo.piece.name or demo.piece.name
    assert window.pieces.model.data(window.pieces.model.index(0)).startswith(demo.piece.name)
    # like any piece, it can be put away
    window.pieces.set_archived(demo.piece.id, True)
    qtbot.waitUntil(lambda: window.pieces.model.row_of(demo.piece.id) < 0, timeout=5000)


def test_a_hidden_window_does_no_view_work_and_catches_up_when_shown(qtbot, journal) -> None:
    piece = journal.create_piece("Plateau")
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == piece.id, timeout=5000)
    window.show_page(window.timeline)
    qtbot.waitUntil(lambda: window.timeline.timeline is not None, timeout=5000)
    window.hide()
    loads = []
    window.timeline.loaded.connect(lambda: loads.append(1))
    window.pieces.loaded.connect(lambda: loads.append(2))
    for i in range(5):
        add_still(journal, piece.id, datetime.now(UTC) + timedelta(seconds=i))
    qtbot.wait(1500)  # the journal's events and the poll arrive, and are set aside
    assert loads == []
    window.show()
    qtbot.waitUntil(lambda: 1 in loads and 2 in loads, timeout=5000)
    assert len(window.timeline.timeline.snapshot.captures) == 5
    assert window.pieces.current_summary().stills == 5


def test_a_default_camera_that_is_not_there_is_not_previewed(qtbot, journal) -> None:
    journal.create_piece("Tasse")
    window = make_window(qtbot, journal, prefs=Preferences(default_source="0"))
    panel = window.capture_panel
    panel.set_cameras([])  # the probe finds no camera 0 (as on this machine)
    assert not panel.source().isdigit()
    assert window.capture._preview_source != "0"  # no preview of a camera that is not there
