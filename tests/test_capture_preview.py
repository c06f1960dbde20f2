"""Live preview: before a capture (Previewer) and during one (CaptureSession.set_preview)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from coulisses.capture.clock import SimulatedClock
from coulisses.capture.preview import Previewer, downscale
from coulisses.capture.session import CaptureSession, CaptureSettings, Status
from coulisses.capture.source_base import SourceUnavailable
from coulisses.capture.videofile import VideoFileSource
from coulisses.journal.codec import read_still
from tests.capture_fakes import ScriptedSource
from tests.helpers import wait_until


def _until(cond, timeout=10.0):
    return wait_until(cond, timeout, step=0.005)


def test_downscale_keeps_the_aspect_and_is_read_only():
    img = np.zeros((1080, 1920, 3), np.uint8)
    small = downscale(img, 640)
    assert small.shape == (360, 640, 3) and not small.flags.writeable
    tall = downscale(np.zeros((1000, 500, 3), np.uint8), 100)
    assert tall.shape == (100, 50, 3)
    tiny = np.zeros((10, 20, 3), np.uint8)
    same = downscale(tiny, 640)
    assert same.shape == tiny.shape and not same.flags.writeable
    assert not np.shares_memory(same, tiny)  # never the source's own buffer


# ------------------------------------------------------------------ Previewer
def test_previewer_shows_the_latest_frame_and_releases_the_device():
    src = ScriptedSource(size=(320, 240))
    pv = Previewer("0", max_side=160, fps=50.0, opener=lambda spec: src)
    assert pv.latest() is None and not pv.running
    pv.start()
    assert _until(lambda: (pv.latest() or None) is not None and pv.latest().seq >= 5)
    first = pv.latest()
    assert first.image.shape == (120, 160, 3) and not first.image.flags.writeable
    assert pv.running and pv.error is None
    assert _until(lambda: pv.latest().seq > first.seq)
    assert pv.latest().taken >= first.taken
    assert pv.stop(timeout=2.0) is True
    assert not pv.running and src.closes == 1 and not src.opened
    reads = src.reads
    time.sleep(0.1)
    assert src.reads == reads  # nothing read after stop


def test_previewer_keeps_to_its_frame_rate():
    src = ScriptedSource(size=(64, 48))
    pv = Previewer("0", fps=10.0, opener=lambda spec: src)
    pv.start()
    time.sleep(1.0)
    pv.stop()
    assert 3 <= src.reads <= 12, src.reads  # about ten a second, never a busy loop


def test_previewer_says_when_the_source_cannot_open():
    def opener(spec: str):
        raise SourceUnavailable("Camera 7 cannot be opened: check that it is plugged in.")

    pv = Previewer("7", opener=opener)
    pv.start()
    assert _until(lambda: not pv.running, timeout=5)
    assert pv.error == "Camera 7 cannot be opened: check that it is plugged in."
    assert pv.latest() is None


def test_previewer_says_when_the_source_is_lost_and_comes_back():
    src = ScriptedSource(size=(64, 48))
    pv = Previewer("0", fps=50.0, opener=lambda spec: src)
    pv.start()
    try:
        assert _until(lambda: pv.latest() is not None)
        src.mode = "raise"
        assert _until(lambda: pv.error is not None)
        assert "camera 9 gave no picture" in pv.error and "VIDIOC_DQBUF" in pv.error
        assert pv.running
        src.mode = "ok"
        seq = pv.latest().seq
        assert _until(lambda: pv.error is None and pv.latest().seq > seq)
    finally:
        assert pv.stop()


def test_previewer_of_a_video_file_through_open_source(tmp_path):
    from coulisses.capture.synthetic import Scene, write_video

    video = write_video(tmp_path / "bench.mp4", Scene(seconds=2.0), fps=10.0)
    pv = Previewer(str(video), max_side=100)
    pv.start()
    try:
        assert _until(lambda: pv.latest() is not None)
        assert pv.latest().image.shape == (75, 100, 3)
    finally:
        assert pv.stop()


def test_previewer_of_an_unknown_source_says_so():
    pv = Previewer("/no/such/video.mp4")
    pv.start()
    assert _until(lambda: not pv.running)
    assert "There is no video file at" in pv.error


# ---------------------------------------------------------- during a capture
def _session(journal, source, clock=None, **settings):
    piece = journal.create_piece("Planche")
    s = dict(interval=60.0, keep_idle=True, disk_margin=0)
    s.update(settings)
    return piece, CaptureSession(journal, piece.id, source, CaptureSettings(**s), clock)


def test_preview_off_costs_no_read(journal):
    clock = SimulatedClock()
    src = ScriptedSource(clock)
    piece, session = _session(journal, src, clock, interval=1.0, count=30)
    state = session.run()
    assert state.kept == 30 and state.ticks == 30
    assert src.reads == 30  # one read per tick, nothing more
    assert session.preview() is None


def test_preview_between_ticks_leaves_the_schedule_alone(journal):
    clock = SimulatedClock()
    src = ScriptedSource(clock)
    piece, session = _session(journal, src, clock, interval=1.0, count=10)
    session.set_preview(True, max_side=100, fps=4.0)
    state = session.run()
    assert state.kept == 10 and state.missed == 0
    caps = journal.captures(piece.id)[0]
    t0 = caps[0].time
    # Every still at exactly start + n·interval, as without the preview.
    assert [round((c.time - t0).total_seconds(), 6) for c in caps] == list(range(10))
    # Three preview reads in each of the nine intervals (at +0.25, +0.5, +0.75 s).
    assert src.reads == 10 + 9 * 3
    frame = session.preview()
    assert frame is not None and frame.image.shape == (75, 100, 3)
    assert not frame.image.flags.writeable and frame.seq == src.reads


def test_preview_during_a_live_capture_and_turning_it_off(journal):
    src = ScriptedSource()
    piece, session = _session(journal, src)
    session.start()
    try:
        assert _until(lambda: session.state.kept == 1)
        assert session.preview() is None
        session.set_preview(True, max_side=160, fps=50.0)
        assert _until(lambda: (session.preview() or None) is not None
                      and session.preview().seq >= 10)
        assert session.preview().image.shape == (120, 160, 3)
        assert session.state.kept == 1 and session.state.ticks == 1  # no still from previews
        session.set_preview(False)
        assert session.preview() is None
        time.sleep(0.05)  # a preview read in flight finishes
        reads = src.reads
        time.sleep(0.3)
        assert src.reads == reads  # off: zero extra reads
    finally:
        session.stop()


def test_preview_of_a_video_file_is_the_frames_the_capture_reads(journal, tmp_path):
    from coulisses.capture.synthetic import Scene, write_video

    video = write_video(tmp_path / "bench.mp4", Scene(seconds=6.0), fps=10.0)

    class Counting(VideoFileSource):
        reads = 0

        def read(self):
            Counting.reads += 1
            return super().read()

    clock = SimulatedClock()
    piece, session = _session(journal, Counting(video, clock), clock, interval=1.0)
    session.set_preview(True, max_side=320, fps=12.0)
    state = session.run()
    assert state.finished == "end-of-source" and state.kept == 6
    assert Counting.reads == 7  # six stills and the read that found the end: no extra read
    frame = session.preview()
    assert frame is not None and frame.seq == 6
    last = read_still(journal.captures(piece.id)[0][-1].path).astype(np.float32)
    assert np.abs(frame.image.astype(np.float32) - last).mean() < 4  # the last still, JPEG'd


def test_preview_settings_are_checked(journal):
    src = ScriptedSource()
    piece, session = _session(journal, src)
    with pytest.raises(ValueError):
        session.set_preview(True, max_side=0)
    with pytest.raises(ValueError):
        session.set_preview(True, fps=-1)
    with pytest.raises(ValueError):
        Previewer("0", fps=0, opener=lambda spec: src)
    assert src.reads == 0 and session.state.status == Status.STARTING


def test_previewer_retries_a_camera_that_is_not_there_yet():
    src = ScriptedSource(size=(64, 48))
    attempts = []
    real_open = src.open

    def open_later() -> None:
        attempts.append(time.monotonic())
        if len(attempts) < 3:
            raise SourceUnavailable("Camera 9 cannot be opened: check that it is plugged in.")
        real_open()

    src.open = open_later
    pv = Previewer("9", opener=lambda spec: src)
    pv.start()
    try:
        assert _until(lambda: pv.error is not None)
        assert "Camera 9 cannot be opened" in pv.error and pv.latest() is None
        assert _until(lambda: pv.latest() is not None)
        assert pv.error is None and len(attempts) == 3
        # Backoff: 0.5 s, then 1 s between the attempts.
        assert attempts[1] - attempts[0] >= 0.45 and attempts[2] - attempts[1] >= 0.95
    finally:
        assert pv.stop()
