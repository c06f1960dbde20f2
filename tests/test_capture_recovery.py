"""A lost source never ends a capture; stop() is prompt while lost; snap requests always resolve."""

from __future__ import annotations

import logging
import threading
import time

import cv2
import pytest

from coulisses.capture.camera import CameraSource
from coulisses.capture.clock import SimulatedClock
from coulisses.capture.session import CaptureSession, CaptureSettings, SnapFailed, Status
from tests.capture_fakes import ScriptedSource
from tests.helpers import wait_until

FAST = dict(interval=0.05, keep_idle=True, disk_margin=0, reconnect_first=0.02,
            reconnect_max=0.1, frozen_after=5.0, black_after=5.0)


def _until(cond, timeout=10.0):
    return wait_until(cond, timeout, step=0.005)


def _session(journal, source, clock=None, **settings):
    piece = journal.create_piece("Planche")
    s = dict(FAST)
    s.update(settings)
    session = CaptureSession(journal, piece.id, source, CaptureSettings(**s), clock)
    events: list[str] = []
    session.subscribe(lambda e: events.append(e.kind))
    return piece, session, events


# ------------------------------------------------- defect 1: driver exceptions while lost
@pytest.mark.parametrize("error", [RuntimeError("VIDIOC_DQBUF: No such device"),
                                   cv2.error("(-215:Assertion failed) !_src.empty()")],
                         ids=["RuntimeError", "cv2.error"])
@pytest.mark.parametrize("first", ["read", "reopen"])
def test_a_driver_that_throws_while_lost_does_not_end_the_capture(journal, caplog, error,
                                                                   first):
    src = ScriptedSource(error=error)
    piece, session, events = _session(journal, src)
    caplog.set_level(logging.WARNING, logger="coulisses.capture.session")
    session.start()
    try:
        assert _until(lambda: session.state.kept >= 3)
        # "read": the driver throws on read and on every reopen; "reopen": the camera
        # is first plainly lost, then the driver throws at every reconnect attempt.
        src.mode = "raise" if first == "read" else "lost"
        assert _until(lambda: session.state.status == Status.LOST)
        src.mode = "raise"
        reopens = src.reopens
        assert _until(lambda: src.reopens >= reopens + 5)  # retried again and again
        assert session.running and session.state.status == Status.LOST
        assert session.state.finished is None and session.state.error is None
        kept_while_lost = session.state.kept
        gaps = journal.snapshot(piece.id).gaps
        assert len(gaps) == 1 and gaps[0].end is None  # the gap is open in the journal
        src.mode = "ok"
        assert _until(lambda: session.state.status == Status.OK)
        assert _until(lambda: session.state.kept >= kept_while_lost + 3)  # stills resume
    finally:
        final = session.stop()
    assert final.status == Status.STOPPED and final.finished == "stopped"
    assert final.outages == 1 and events.count("lost") == 1 and events.count("recovered") == 1
    gap = journal.snapshot(piece.id).gaps[0]
    assert gap.end is not None and gap.end > gap.start
    caps = journal.captures(piece.id)[0]
    assert len(caps) == final.kept >= 6
    assert not [c for c in caps if gap.start < c.time < gap.end]
    # Said once, not once per retry: one "not back yet" line for the whole outage.
    retry_lines = [r for r in caplog.records if "is not back yet" in r.getMessage()]
    assert len(retry_lines) == 1, [r.getMessage() for r in caplog.records]
    assert type(error).__name__ in retry_lines[0].getMessage()


class _Unpluggable:
    """cv2.VideoCapture stand-in whose driver throws while the camera is unplugged."""

    def __init__(self, state: dict) -> None:
        self.state = state
        self.rng = __import__("numpy").random.default_rng(len(state))

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        return True

    def set(self, prop, value) -> bool:
        return True

    def get(self, prop) -> float:
        return 0.0

    def grab(self) -> bool:
        if self.state["unplugged"]:
            raise cv2.error("VIDIOC_DQBUF: No such device")
        time.sleep(0.005)
        return True

    def retrieve(self):
        return True, self.rng.integers(0, 255, (48, 64, 3), dtype="uint8")

    def release(self) -> None:
        if self.state["unplugged"]:
            raise RuntimeError("release failed: device gone")


def test_a_real_camera_source_whose_driver_throws_on_open_release_and_grab(journal):
    state = {"unplugged": False, "opens": 0}

    def factory(index, backend):
        state["opens"] += 1
        if state["unplugged"]:
            raise cv2.error("can't open camera by index")
        return _Unpluggable(state)

    cam = CameraSource(0, capture_factory=factory, warmup=0.0)
    piece, session, events = _session(journal, cam)
    session.start()
    try:
        assert _until(lambda: session.state.kept >= 2)
        state["unplugged"] = True
        assert _until(lambda: session.state.status == Status.LOST)
        opens = state["opens"]
        assert _until(lambda: state["opens"] >= opens + 3)
        assert session.running
        kept = session.state.kept
        state["unplugged"] = False
        assert _until(lambda: session.state.kept >= kept + 2)
    finally:
        final = session.stop()
    assert final.status == Status.STOPPED and final.outages == 1
    assert journal.snapshot(piece.id).gaps[0].end is not None


# ------------------------------------------- 6d: stop() while lost or reconnecting
def test_stop_returns_at_once_while_a_reconnect_hangs_and_the_source_is_released(journal):
    src = ScriptedSource()
    piece, session, events = _session(journal, src)
    session.start()
    assert _until(lambda: session.state.kept >= 1)
    src.block_reopen.set()  # the driver will take "forever" to open
    src.mode = "lost"
    assert _until(lambda: src.reopen_started.is_set())
    t = time.monotonic()
    final = session.stop(timeout=30)
    took = time.monotonic() - t
    assert took < 1.0, took  # the app's Quit waits for this
    assert not session.running and final.status == Status.STOPPED
    assert journal.snapshot(piece.id).gaps[0].end is not None
    closes = src.closes
    src.block_reopen.clear()  # the driver finally returns: the source is released then
    assert _until(lambda: src.closes == closes + 1)
    assert not src.opened


def test_stop_returns_at_once_while_lost_between_retries(journal):
    src = ScriptedSource()
    piece, session, events = _session(journal, src, reconnect_first=30.0, reconnect_max=30.0,
                                      interval=60.0)
    session.start()
    assert _until(lambda: session.state.kept >= 1)
    src.mode = "lost"
    session.snap_now()  # a still now: finds the camera gone
    assert _until(lambda: session.state.status == Status.LOST)
    t = time.monotonic()
    session.stop(timeout=30)
    assert time.monotonic() - t < 1.0
    assert src.closes == 1 and not session.running


# ------------------------------------------------- defect 2: snap at the natural end
@pytest.mark.parametrize("end", ["count", "duration", "end-of-source"])
def test_a_snap_requested_as_the_capture_ends_naturally_resolves(journal, end):
    clock = SimulatedClock()
    src = ScriptedSource(clock)
    settings = {"count": dict(count=3), "duration": dict(duration=0.15),
                "end-of-source": {}}[end]
    piece, session, events = _session(journal, src, clock, **settings)
    if end == "end-of-source":
        session.subscribe(lambda e: setattr(src, "mode", "ended")
                          if e.kind == "kept" and e.state.kept == 3 else None)
    in_window = threading.Event()
    go = threading.Event()

    def hold_at_the_end(event):
        # Runs on the capture thread after the loop has ended and before it is done:
        # the window where a snap request used to be queued and never answered.
        if event.kind == "finished":
            in_window.set()
            go.wait(10)

    session.subscribe(hold_at_the_end)
    session.start()
    assert in_window.wait(10)
    assert session.state.finished == end
    fut = session.snap_now()
    go.set()
    with pytest.raises(SnapFailed, match="not running"):
        fut.result(timeout=2)
    assert session.wait(5)
    assert session.state.kept == 3


def test_snaps_queued_as_the_capture_ends_all_resolve(journal):
    src = ScriptedSource()
    piece, session, events = _session(journal, src, count=15, interval=0.01)
    futures = []
    stop_asking = threading.Event()

    def keep_asking():
        while not stop_asking.is_set():
            futures.append(session.snap_now())
            time.sleep(0.001)

    asker = threading.Thread(target=keep_asking)
    session.start()
    asker.start()
    assert session.wait(20)
    time.sleep(0.05)  # still asking after the end
    stop_asking.set()
    asker.join()
    assert len(futures) > 10
    served = failed = 0
    for fut in futures:
        try:
            fut.result(timeout=2)  # TimeoutError here is the hang being tested for
            served += 1
        except SnapFailed:
            failed += 1
    assert served >= 1 and failed >= 1 and served + failed == len(futures)
    assert len(journal.captures(piece.id)[0]) == session.state.kept


def test_a_long_outage_does_not_pile_up_threads(journal):
    src = ScriptedSource()
    baseline = threading.active_count()
    piece, session, events = _session(journal, src, reconnect_first=0.005, reconnect_max=0.005)
    session.start()
    assert _until(lambda: session.state.kept >= 1)
    src.mode = "raise"
    peak = 0
    end = time.monotonic() + 10
    while src.reopens < 50 and time.monotonic() < end:
        peak = max(peak, threading.active_count())
        time.sleep(0.002)
    assert src.reopens >= 50
    # The capture thread and at most one reconnect attempt at a time.
    assert peak <= baseline + 2, (peak, baseline)
    session.stop()
    assert _until(lambda: threading.active_count() == baseline)


def test_snap_command_turns_a_driver_error_into_one_sentence(journal):
    from coulisses.capture.session import snap
    from coulisses.capture.source_base import SourceUnavailable

    src = ScriptedSource(error=cv2.error("VIDIOC_DQBUF: No such device"))
    src.mode = "raise"
    piece = journal.create_piece("Une")
    with pytest.raises(SourceUnavailable, match=r"^camera 9 cannot be opened \(.*VIDIOC_DQBUF"):
        snap(journal, piece.id, src, disk_margin=0)
    assert src.closes == 1 and journal.captures(piece.id)[0] == []


def test_a_screen_reopened_on_another_thread_is_read_with_a_grabber_of_the_reading_thread(
        monkeypatch):
    import sys
    import types

    import numpy as np

    from coulisses.capture.screen import ScreenSource

    made_on: list[int] = []

    class Grabber:  # mss stand-in that, like its Xlib backend, works on one thread only
        monitors = [{}, {"left": 0, "top": 0, "width": 8, "height": 6}]

        def __init__(self) -> None:
            self.thread = threading.get_ident()
            made_on.append(self.thread)

        def grab(self, monitor):
            assert threading.get_ident() == self.thread, "grabber used on another thread"
            return np.zeros((6, 8, 4), np.uint8)

        def close(self) -> None:
            pass

    monkeypatch.setitem(sys.modules, "mss", types.SimpleNamespace(mss=Grabber))
    screen = ScreenSource()
    screen.open()
    helper = threading.Thread(target=screen.reopen)  # as the capture loop reconnects
    helper.start()
    helper.join()
    assert made_on[-1] == helper.ident
    frame = screen.read()  # on this thread: a grabber of its own
    assert frame.image.shape == (6, 8, 3) and made_on[-1] == threading.get_ident()
    screen.close()
