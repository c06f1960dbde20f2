"""A phone IP-camera app, played by a loopback HTTP MJPEG server, stopped and restarted."""

from __future__ import annotations

import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import cv2
import numpy as np
import pytest

from coulisses.capture.session import CaptureSession, CaptureSettings, Status
from coulisses.capture.sources import SourceUnavailable
from coulisses.capture.stream import StreamSource
from coulisses.journal.codec import read_still
from tests.helpers import wait_until

PASSWORD = "s3cr3t-Pa55"


class MJPEGServer:
    """multipart/x-mixed-replace JPEG frames on 127.0.0.1, like IP Webcam on a phone."""

    def __init__(self, fps: float = 20.0) -> None:
        self.fps = fps
        self.port = 0
        self.requests = 0
        self._server: ThreadingHTTPServer | None = None
        self._stopping = threading.Event()

    def _handler(self):
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                outer.requests += 1
                self.send_response(200)
                self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
                self.end_headers()
                rng = np.random.default_rng()
                i = 0
                try:
                    while not outer._stopping.is_set():
                        img = np.full((240, 320, 3), 100, np.uint8)
                        img += rng.integers(0, 8, img.shape, dtype=np.uint8)
                        cv2.circle(img, (40 + (i * 7) % 240, 120), 30, (90, 140, 210), -1)
                        ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 80])
                        data = buf.tobytes()
                        self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\n"
                                         b"Content-Length: %d\r\n\r\n" % len(data))
                        self.wfile.write(data + b"\r\n")
                        i += 1
                        time.sleep(1 / outer.fps)
                except OSError:
                    pass

            def log_message(self, *args) -> None:
                pass

        return Handler

    def start(self) -> None:
        ThreadingHTTPServer.allow_reuse_address = True
        self._stopping.clear()
        server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        server.daemon_threads = True
        self.port = server.server_address[1]
        self._server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def url(self, password: str = PASSWORD) -> str:
        return f"http://maker:{password}@127.0.0.1:{self.port}/video"


@pytest.fixture
def server():
    srv = MJPEGServer()
    srv.start()
    yield srv
    srv.stop()



def _until(cond, timeout=8.0):
    return wait_until(cond, timeout, step=0.01)


def test_stream_dropped_then_back_reconnects_and_records_the_gap(journal, server):
    piece = journal.create_piece("Tasse")
    source = StreamSource(server.url(), open_timeout=2.0, read_timeout=1.0, stale_after=0.8,
                          retry_max=0.3)
    session = CaptureSession(journal, piece.id, source,
                             CaptureSettings(interval=0.1, keep_idle=True, disk_margin=0,
                                             reconnect_first=0.1, reconnect_max=0.3))
    messages: list[str] = []
    kinds: list[str] = []
    session.subscribe(lambda e: (messages.append(e.state.message), kinds.append(e.kind)))
    session.start()
    try:
        assert _until(lambda: session.state.kept >= 5), session.state
        wall_drop = datetime.now(UTC)
        server.stop()
        t_drop = time.monotonic()
        assert _until(lambda: session.state.status == Status.LOST), session.state
        wall_lost = datetime.now(UTC)
        # Never blocked on the dead stream. Promised: frames are stale after 0.8 s, a
        # read waits at most that long for a fresh one, and a tick comes every 0.1 s.
        assert time.monotonic() - t_drop < 0.8 + 0.8 + 0.1 + 0.3
        kept_lost = session.state.kept
        time.sleep(1.0)
        assert session.state.kept == kept_lost
        wall_back = datetime.now(UTC)
        server.start()  # same port, as a phone app coming back
        t_back = time.monotonic()
        assert _until(lambda: session.state.status == Status.OK), session.state
        wall_ok = datetime.now(UTC)
        # Promised: the reader reconnects within retry_max (0.3 s) and the loop looks
        # again within reconnect_max (0.3 s); connecting to a local server is quick.
        assert time.monotonic() - t_back < 0.3 + 0.3 + 0.6
        assert _until(lambda: session.state.kept >= kept_lost + 5), session.state
    finally:
        final = session.stop()
    assert final.status == Status.STOPPED and final.outages == 1
    assert kinds.count("lost") == 1 and kinds.count("recovered") == 1
    snap = journal.snapshot(piece.id)
    assert len(snap.gaps) == 1
    gap = snap.gaps[0]
    ms = timedelta(milliseconds=1)  # the journal keeps milliseconds
    assert wall_drop - ms <= gap.start <= wall_lost + ms
    assert gap.end is not None and wall_back - ms <= gap.end <= wall_ok + ms
    assert len(snap.captures) == final.kept
    for cap in snap.captures[-3:]:
        assert read_still(cap.path).shape == (240, 320, 3)
    # The password appears nowhere: state, messages, gap reason, journal files.
    everything = " ".join(messages) + repr(final) + gap.reason + source.name
    assert "maker:***@127.0.0.1" in everything
    assert PASSWORD not in everything
    for path in journal.home.rglob("*.json"):
        assert PASSWORD not in path.read_text()


def test_stills_from_a_stream_are_fresh(journal, server):
    piece = journal.create_piece("Tasse")
    source = StreamSource(server.url(), open_timeout=2.0, read_timeout=1.0)
    session = CaptureSession(journal, piece.id, source,
                             CaptureSettings(interval=0.25, count=4, keep_idle=True,
                                             disk_margin=0))
    stamps = []
    session.subscribe(lambda e: stamps.append((e.capture.time, time.time()))
                      if e.kind == "kept" else None)
    session.start()
    assert session.wait(10) and session.state.kept == 4
    for taken, stored in stamps:
        assert stored - taken.timestamp() < 0.5  # the latest frame, not a queued one
    # The stream was drained at 20 fps but only the frames used were converted.
    assert source.frames_received >= 10
    assert source.frames_converted <= 4 + 2 < source.frames_received


def test_a_silent_stream_never_blocks_opening():
    # Accepts the TCP connection, then says nothing: the open timeout must fire.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    port = sock.getsockname()[1]
    try:
        source = StreamSource(f"rtsp://maker:{PASSWORD}@127.0.0.1:{port}/live",
                              open_timeout=1.0, read_timeout=1.0)
        t = time.monotonic()
        with pytest.raises(SourceUnavailable) as info:
            source.open()
        assert time.monotonic() - t < 5.0
        assert PASSWORD not in str(info.value) and "maker:***@" in str(info.value)
    finally:
        sock.close()


def test_cli_stream_never_prints_the_password(cli, server, capfd):
    cli("piece", "new", "Tasse")
    code, out, err = cli("capture", "Tasse", "--source", server.url(), "--every", "0.2s",
                         "--count", "3", "--keep-idle", "--disk-margin", "0")
    assert code == 0, err
    code2, out2, err2 = cli("snap", "Tasse", "--source", server.url(), "--disk-margin", "0")
    assert code2 == 0, err2
    last = out2.strip().splitlines()[-1]
    assert last.startswith("20") and last.endswith("Z")
    server.stop()
    code3, out3, err3 = cli("capture", "Tasse", "--source", server.url(), "--every", "1s")
    assert code3 == 1 and "maker:***@" in err3
    native = capfd.readouterr()  # what OpenCV/FFmpeg themselves printed
    for text in (out, err, out2, err2, out3, err3, native.out, native.err):
        assert PASSWORD not in text
