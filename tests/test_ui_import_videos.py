"""Videos dropped on the window (issue 25): asked once about time-lapses, then imported."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.test_import_videos import make_video
from tests.test_ui_import import drop, window_on


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))


def test_a_video_without_a_capture_rate_is_asked_about_once(qtbot, journal, tmp_path) -> None:
    piece = journal.create_piece("Bol")
    a = make_video(tmp_path / "IMG_1.MOV", seconds=2,
                   meta={"creation_time": "2025-03-02T09:00:00Z"})
    b = make_video(tmp_path / "IMG_2.MOV", seconds=2,
                   meta={"creation_time": "2025-03-03T09:00:00Z"})
    window = window_on(qtbot, journal, piece.id)
    window.capture_panel.set_settings(30.0, True, 2)  # the Bench tab's interval

    drop(window, [a, b])
    qtbot.waitUntil(lambda: window.pace_dialog is not None, timeout=10000)
    dialog = window.pace_dialog
    assert "2 videos do not say how fast" in dialog.intro.text(), dialog.intro.text()
    assert not dialog.covers.isVisibleTo(dialog)  # a real duration fits one video only
    assert dialog.sped_up.isChecked() and "They have no sound" in dialog.intro.text()
    dialog.speedup.setValue(30.0)
    assert dialog.sped_up.isChecked()
    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        dialog.accept()

    times = sorted(c.time for c in journal.snapshot(piece.id).captures)
    start = datetime(2025, 3, 2, 9, tzinfo=UTC)
    assert times[:2] == [start, start + timedelta(seconds=30)]  # 1 s of video = 30 s of work
    assert len(times) == 4
    summary = window.last_summary
    assert "4 stills from videos" in summary.headline.text()
    assert "A time-lapse at 30x, as you said." in summary.details.toPlainText()
    assert "photo" not in summary.headline.text()


def test_a_video_that_says_its_rate_is_not_asked_about(qtbot, journal, tmp_path) -> None:
    piece = journal.create_piece("Plat")
    video = make_video(tmp_path / "VID_tl.mp4", seconds=2, meta={
        "creation_time": "2025-03-02T09:00:00Z", "com.android.capture.fps": "1.0"})
    window = window_on(qtbot, journal, piece.id)
    window.capture_panel.set_settings(10.0, True, 2)

    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        drop(window, [video])

    assert window.pace_dialog is None
    assert len(journal.snapshot(piece.id).captures) == 6  # 60 s of work, one still per 10 s
    assert "as the file says" in window.last_summary.details.toPlainText()


def test_cancelling_the_question_imports_nothing(qtbot, journal, tmp_path) -> None:
    piece = journal.create_piece("Tasse")
    video = make_video(tmp_path / "IMG_3.MOV", seconds=1, audio=True)
    window = window_on(qtbot, journal, piece.id)

    drop(window, [video])
    qtbot.waitUntil(lambda: window.pace_dialog is not None, timeout=10000)
    dialog = window.pace_dialog
    assert dialog.covers.isVisibleTo(dialog)
    assert dialog.real_time.isChecked()  # it has sound: most likely an ordinary video
    assert "no sound" not in dialog.intro.text()
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        dialog.reject()

    assert not journal.snapshot(piece.id).captures
    assert not window.importer.running
    assert "cancelled" in window.last_summary.headline.text()


def test_cancelling_a_video_import_keeps_the_stills_stored(qtbot, journal, tmp_path) -> None:
    piece = journal.create_piece("Vase")
    video = make_video(tmp_path / "VID_long.mp4", seconds=20, size=(640, 360), meta={
        "creation_time": "2025-03-02T09:00:00Z", "com.android.capture.fps": "30"})
    window = window_on(qtbot, journal, piece.id)
    window.capture_panel.set_settings(0.5, False, 2)  # every frame decoded, 40 stills
    seen = []
    window.importer.progress.connect(seen.append)

    assert window.import_paths([str(video)])
    qtbot.waitUntil(lambda: any(p.done >= 3 for p in seen), timeout=30000)
    assert "VID_long.mp4" in window.import_status.text()
    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        window.import_cancel.click()

    stored = journal.captures(piece.id)[0]
    assert 3 <= len(stored) < 40
    assert "cancelled" in window.last_summary.headline.text()
    for cap in stored:  # every stored still is whole
        assert cap.path.read_bytes()[-2:] == b"\xff\xd9"
