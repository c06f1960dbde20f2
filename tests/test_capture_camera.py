"""Camera source and the capture loop's fault handling, with only the physical webcam faked."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest

from coulisses.capture.camera import CameraSource
from coulisses.capture.session import CaptureSession, CaptureSettings, SnapFailed, Status
from coulisses.journal.codec import read_still
from tests.helpers import wait_until


class FakeDevice:
    """A webcam: a sensor producing frames at ``fps`` into a V4L2-like queue of 4 buffers.

    Frames carry their sequence number in the first pixels. ``mode`` switches the
    device to ``unplugged`` (grab fails, opening fails), ``frozen`` (the driver keeps
    returning the last frame, opencv#5221) or ``black``.
    """

    def __init__(self, fps: float = 50.0, size=(320, 240), buffers: int = 4,
                 max_mode=(1280, 720)) -> None:
        self.fps = fps
        self.size = size
        self.max_mode = max_mode  # the best the sensor offers, whatever is asked for
        self.reported_fps: float | None = None  # what CAP_PROP_FPS says, if not ``fps``
        self.buffers = buffers
        self.mode = "ok"
        self.opened = 0
        self.last_props: dict[int, float] = {}
        self.frozen: np.ndarray | None = None
        self._rng = np.random.default_rng(0)

    def factory(self, index: int, backend: int):
        cap = FakeCapture(self)
        self.opened += 1
        return cap

    def image(self, seq: int) -> np.ndarray:
        w, h = self.size
        img = np.full((h, w, 3), 110, np.uint8)
        img += self._rng.integers(0, 6, img.shape, dtype=np.uint8)  # sensor noise
        cv2.circle(img, (w // 2, h // 2), h // 4, (60, 120, 200), -1)
        img[0, 0:4, 0] = np.frombuffer(np.uint32(seq).tobytes(), np.uint8)
        return img


def seq_of(img: np.ndarray) -> int:
    return int(np.frombuffer(img[0, 0:4, 0].tobytes(), np.uint32)[0])


class FakeCapture:
    def __init__(self, dev: FakeDevice) -> None:
        self.dev = dev
        self.ok = dev.mode != "unplugged"
        self.props: dict[int, float] = {}
        self.t0 = time.monotonic()
        self.seen = -1  # newest sensor frame already queued or dropped
        self.queue: list[int] = []
        self.current: np.ndarray | None = None
        self.grabs = 0

    # cv2.VideoCapture surface
    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        return self.ok

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        self.dev.last_props = self.props
        return True

    def get(self, prop: int) -> float:
        if prop == cv2.CAP_PROP_FRAME_WIDTH:
            return float(min(self.props.get(prop, 640), self.dev.max_mode[0]))
        if prop == cv2.CAP_PROP_FRAME_HEIGHT:
            return float(min(self.props.get(prop, 480), self.dev.max_mode[1]))
        if prop == cv2.CAP_PROP_FPS:
            return self.dev.fps if self.dev.reported_fps is None else self.dev.reported_fps
        return 0.0

    def _fill(self) -> None:
        newest = int((time.monotonic() - self.t0) * self.dev.fps)
        for seq in range(self.seen + 1, newest + 1):
            if len(self.queue) < self.dev.buffers:
                self.queue.append(seq)  # later frames are dropped while the queue is full
        self.seen = max(self.seen, newest)

    def grab(self) -> bool:
        mode = self.dev.mode
        if not self.ok or mode == "unplugged":
            return False
        self.grabs += 1
        if mode == "frozen":
            # Instantly, the same picture again, even after reopening (a hung driver).
            if self.dev.frozen is None:
                self.dev.frozen = self.current if self.current is not None else self.dev.image(0)
            self.current = self.dev.frozen
            return True
        self.dev.frozen = None
        self._fill()
        if not self.queue:
            next_at = self.t0 + (self.seen + 1) / self.dev.fps
            time.sleep(max(0.0, next_at - time.monotonic()))
            self._fill()
        seq = self.queue.pop(0)
        self.current = (np.zeros((self.dev.size[1], self.dev.size[0], 3), np.uint8)
                        if mode == "black" else self.dev.image(seq))
        return True

    def retrieve(self):
        if self.current is None:
            return False, None
        return True, self.current.copy()

    def read(self):
        return (self.grab() and self.retrieve()) or (False, None)

    def release(self) -> None:
        self.ok = False


def camera(dev: FakeDevice, warmup: float = 0.05) -> CameraSource:
    return CameraSource(0, capture_factory=dev.factory, warmup=warmup)


# ------------------------------------------------------------------ the source alone
def test_camera_asks_for_mjpg_at_1080p_and_lets_exposure_settle():
    dev = FakeDevice(fps=50, max_mode=(1280, 720))
    cam = camera(dev, warmup=0.3)
    t = time.monotonic()
    cam.open()
    assert time.monotonic() - t >= 0.3
    # What the camera asked the driver for…
    props = dev.last_props
    assert int(props[cv2.CAP_PROP_FOURCC]) == cv2.VideoWriter_fourcc(*"MJPG")
    assert (props[cv2.CAP_PROP_FRAME_WIDTH], props[cv2.CAP_PROP_FRAME_HEIGHT]) == (1920, 1080)
    assert props[cv2.CAP_PROP_BUFFERSIZE] == 1
    # …and what it believes afterwards is what the device answered, not what it asked.
    assert cam.actual_size == (1280, 720)
    assert cam.frame_period == pytest.approx(1 / 50)
    first = cam.read()
    # Every frame of the warm-up was dropped: the first still is from after it.
    assert seq_of(first.image) >= int(0.3 * 50) - 1
    assert first.time.tzinfo is not None
    cam.close()


@pytest.mark.parametrize("reported", [0.0, 1000.0])
def test_a_device_reporting_a_nonsense_frame_rate_gets_a_sane_frame_period(reported):
    dev = FakeDevice(fps=50.0)
    dev.reported_fps = reported  # the sensor runs at 50 fps; the driver says otherwise
    cam = camera(dev, warmup=0.0)
    cam.open()
    try:
        assert cam.frame_period == pytest.approx(1 / 30)
        assert seq_of(cam.read().image) >= 0
    finally:
        cam.close()


def test_still_after_a_wait_is_fresh_not_a_stale_buffer():
    dev = FakeDevice(fps=50)
    cam = camera(dev)
    cam.open()
    cam.read()
    time.sleep(0.4)  # 20 frames go by; the driver queue holds the 4 oldest
    newest = int((time.monotonic() - cam._cap.t0) * dev.fps)
    seq = seq_of(cam.read().image)
    assert seq >= newest - 1, (seq, newest)
    # The same wait with a plain read() gives a picture 0.4 s old: what the flush avoids.
    time.sleep(0.4)
    newest = int((time.monotonic() - cam._cap.t0) * dev.fps)
    ok, img = cam._cap.read()
    assert ok and seq_of(img) < newest - 10
    cam.close()


def test_camera_that_cannot_be_opened_is_named():
    dev = FakeDevice()
    dev.mode = "unplugged"
    with pytest.raises(Exception, match="Camera 0 cannot be opened"):
        camera(dev).open()


def test_cli_source_that_cannot_be_opened_exits_1(cli):
    cli("piece", "new", "Bol")
    code, out, err = cli("capture", "Bol", "--source", "7", "--every", "1s")
    assert code == 1
    assert "Camera 7" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, _, err = cli("snap", "Bol", "--source", "7")
    assert code == 1 and "Camera 7" in err


# ------------------------------------------------------------ the loop's faults
def _session(journal, dev, **settings):
    piece = journal.create_piece("Planche")
    s = dict(interval=0.05, keep_idle=True, disk_margin=0, reconnect_first=0.05,
             reconnect_max=0.2, frozen_after=0.3, black_after=0.3)
    s.update(settings)
    session = CaptureSession(journal, piece.id, camera(dev), CaptureSettings(**s))
    events: list[str] = []
    session.subscribe(lambda e: events.append(e.kind))
    return piece, session, events



def _until(cond, timeout=5.0):
    return wait_until(cond, timeout, step=0.01)


@pytest.mark.parametrize("fault", ["unplugged", "frozen", "black"])
def test_lost_camera_is_said_once_retried_and_the_gap_recorded(journal, fault):
    from datetime import UTC, datetime, timedelta

    dev = FakeDevice()
    piece, session, events = _session(journal, dev)
    s = session.settings
    session.start()
    assert _until(lambda: session.state.kept >= 3)
    wall_fault = datetime.now(UTC)
    dev.mode = fault
    t_fault = time.monotonic()
    assert _until(lambda: session.state.status == Status.LOST)
    wall_lost = datetime.now(UTC)
    detected = time.monotonic() - t_fault
    # Promised: at the next tick for an unplug; once the picture has been bad for
    # frozen_after / black_after (0.3 s here) for the others; plus a tick and a read.
    promised = s.interval + (0.0 if fault == "unplugged" else s.frozen_after)
    assert detected < promised + 0.25, detected
    lost_msg = session.state.message
    assert "camera 0 lost" in lost_msg
    # While lost: one gap, open, already in the journal (a crash now still keeps its start).
    snap = journal.snapshot(piece.id)
    assert len(snap.gaps) == 1 and snap.gaps[0].end is None
    kept_while_lost = session.state.kept
    time.sleep(0.5)
    assert session.state.kept == kept_while_lost
    assert events.count("lost") == 1  # said once, not at every retry
    wall_back = datetime.now(UTC)
    dev.mode = "ok"
    t_back = time.monotonic()
    assert _until(lambda: session.state.status == Status.OK, timeout=3.0)
    wall_ok = datetime.now(UTC)
    # Promised: the next retry (backoff capped at reconnect_max) plus the warm-up.
    assert time.monotonic() - t_back < s.reconnect_max + 0.05 + 0.25
    assert _until(lambda: session.state.kept >= kept_while_lost + 3)
    final = session.stop()
    assert final.status == Status.STOPPED and final.outages == 1
    assert events.count("recovered") == 1
    gap = journal.snapshot(piece.id).gaps[0]
    ms = timedelta(milliseconds=1)  # the journal keeps milliseconds
    # The gap starts at the fault (a frozen or black picture: at its first bad frame,
    # at most one tick before the fault was seen) and ends when the camera was back.
    assert wall_fault - timedelta(seconds=s.interval) - ms <= gap.start <= wall_lost + ms
    assert wall_back - ms <= gap.end <= wall_ok + ms
    assert fault == "unplugged" or fault in gap.reason
    caps = journal.captures(piece.id)[0]
    assert len(caps) == final.kept
    # No still was stored during the outage.
    assert not [c for c in caps if gap.start < c.time < gap.end]
    for c in caps[-3:]:
        assert read_still(c.path).shape == (240, 320, 3)


def test_snap_now_while_capturing_and_stop_is_prompt(journal):
    dev = FakeDevice()
    piece, session, events = _session(journal, dev, interval=60.0, keep_idle=False)
    session.start()
    assert _until(lambda: session.state.kept == 1)  # the first still, at once
    fut = session.snap_now()
    capture = fut.result(timeout=3)
    assert capture.path.exists() and session.state.kept == 2
    assert session.state.last_capture_id == capture.id
    t = time.monotonic()
    session.stop()
    assert time.monotonic() - t < 1.0  # not waiting for the 60 s tick
    assert not session.running
    with pytest.raises(SnapFailed):
        session.snap_now().result(timeout=1)


def test_observer_errors_do_not_break_the_capture(journal):
    dev = FakeDevice()
    piece, session, events = _session(journal, dev, count=5)

    def broken(event):
        raise RuntimeError("bad observer")

    session.subscribe(broken)
    q = session.events()
    baseline = threading.active_count()
    session.start()
    assert session.wait(10)
    assert session.state.finished == "count" and session.state.kept == 5
    kinds = []
    while not q.empty():
        kinds.append(q.get_nowait().kind)
    assert kinds == ["started"] + ["kept"] * 5 + ["finished"]
    # The capture thread ends with the capture: nothing is left running.
    session.stop()
    assert threading.active_count() == baseline


def test_frame_health_tells_a_noisy_still_scene_from_a_frozen_one():
    from datetime import UTC, datetime, timedelta

    from coulisses.capture.health import FrameHealth

    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    dev = FakeDevice()
    health = FrameHealth(frozen_after=10.0, black_after=5.0)
    # A minute of a static bench with sensor noise: never frozen.
    for s in range(60):
        assert health.check(dev.image(0), s, t0 + timedelta(seconds=s)) is None
    # The driver starts returning the last frame forever (fresh copies, same bits).
    stuck = dev.image(1)
    problems = [health.check(stuck.copy(), s, t0 + timedelta(seconds=s)) for s in range(60, 75)]
    assert problems[:10] == [None] * 10 and health.repeated
    frozen = problems[10]
    assert frozen is not None and frozen.kind == "frozen"
    assert frozen.since == t0 + timedelta(seconds=60)  # the gap starts at the first copy
    # A real picture again: healthy at once.
    assert health.check(dev.image(2), 80, t0) is None and not health.repeated
    # Black for five seconds.
    black = np.zeros((240, 320, 3), np.uint8)
    results = [health.check(black + (s % 2), 90 + s, t0) for s in range(7)]
    assert results[4] is None and results[5] is not None and results[5].kind == "black"
    # The same frame object handed out twice (a stream between frames) is no evidence.
    frame = dev.image(3)
    health = FrameHealth(frozen_after=1.0)
    assert health.check(frame, 0, t0) is None
    assert health.check(frame, 5, t0) is None and health.repeated


def test_a_driver_exception_on_open_ends_the_session_with_a_clear_error(journal):
    def exploding_factory(index, backend):
        raise RuntimeError("VIDIOC_STREAMON: No space left on device")

    piece = journal.create_piece("Planche")
    session = CaptureSession(journal, piece.id,
                             CameraSource(0, capture_factory=exploding_factory, warmup=0),
                             CaptureSettings(interval=0.05))
    state = session.run()
    assert state.status == Status.FAILED and state.finished == "failed" and not state.running
    assert "camera 0 cannot be opened" in state.error and "VIDIOC_STREAMON" in state.error
    assert journal.captures(piece.id)[0] == []
