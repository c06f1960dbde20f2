"""Source specs, password redaction, the video file as a live camera, snap, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from coulisses.capture.camera import CameraSource
from coulisses.capture.clock import SimulatedClock
from coulisses.capture.screen import ScreenSource
from coulisses.capture.session import CaptureSession, CaptureSettings, snap
from coulisses.capture.sources import SourceEnded, SourceUnavailable, describe, open_source
from coulisses.capture.stream import StreamSource
from coulisses.capture.synthetic import Scene, write_video
from coulisses.capture.videofile import VideoFileSource
from coulisses.journal import Journal
from coulisses.journal.codec import read_still
from coulisses.redaction import redact

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"


@pytest.fixture(scope="module")
def counter_video(tmp_path_factory):
    """10 fps, 8 s; frame i shows its number: units in blue, tens in green (steps of 25)."""
    import cv2

    path = tmp_path_factory.mktemp("video") / "counter.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (64, 48))
    for i in range(80):
        writer.write(np.full((48, 64, 3), ((i % 10) * 25, (i // 10) * 25, 128), np.uint8))
    writer.release()
    return path


def frame_number(img: np.ndarray) -> int:
    units = round(float(img[:, :, 0].mean()) / 25)
    tens = round(float(img[:, :, 1].mean()) / 25)
    return tens * 10 + units


# ---------------------------------------------------------------------- redaction
@pytest.mark.parametrize("text, expected", [
    ("rtsp://admin:hunter2@192.168.1.20:554/stream", "rtsp://admin:***@192.168.1.20:554/stream"),
    ("lost http://u:p%40ss@cam.local/video, retrying",
     "lost http://u:***@cam.local/video, retrying"),
    ("http://:onlypass@host/x", "http://:***@host/x"),
    ("http://192.168.1.5:8080/video?user=me&pwd=hunter2&x=1",
     "http://192.168.1.5:8080/video?user=me&pwd=***&x=1"),
    ("rtsp://cam.local/live?password=hunter2", "rtsp://cam.local/live?password=***"),
    ("http://192.168.1.5:8080/video", "http://192.168.1.5:8080/video"),
    ("camera 0", "camera 0"),
])
def test_redact(text, expected):
    assert redact(text) == expected
    assert "hunter2" not in redact(text)


# ------------------------------------------------------------------- source specs
def test_open_source_recognises_what_makers_type(counter_video):
    assert isinstance(open_source("0"), CameraSource)
    assert isinstance(open_source(" 2 "), CameraSource) and open_source("2").index == 2
    assert isinstance(open_source("screen"), ScreenSource)
    s = open_source("rtsp://me:pw@10.0.0.2/live")
    assert isinstance(s, StreamSource) and s.name == "rtsp://me:***@10.0.0.2/live"
    assert isinstance(open_source("http://10.0.0.2:8080/video"), StreamSource)
    assert isinstance(open_source(str(counter_video)), VideoFileSource)
    assert isinstance(open_source("file://" + str(counter_video)), VideoFileSource)
    assert open_source("/dev/video2").index == 2 and describe("/dev/video2") == "camera 2"
    assert describe("0") == "camera 0" and describe("rtsp://a:b@h/x") == "rtsp://a:***@h/x"


@pytest.mark.parametrize("spec, words", [
    ("", "No source"),
    ("/no/such/video.mp4", "There is no video file at /no/such/video.mp4: check its name"),
    ("bench.mp4", "There is no video file at bench.mp4"),  # the window's Video file field
    ("camera", "Source camera not found: use a camera number"),  # not meant as a file
    ("ftp://u:pw@host/cam", "not a source"),
])
def test_unknown_sources_are_refused_clearly(spec, words):
    with pytest.raises(SourceUnavailable, match=words) as info:
        open_source(spec)
    assert "pw@" not in str(info.value)


def test_a_file_that_is_not_a_video(tmp_path):
    junk = tmp_path / "notes.mp4"
    junk.write_text("not a video")
    src = open_source(str(junk))
    with pytest.raises(SourceUnavailable, match="cannot be opened"):
        src.open()


# --------------------------------------------------------- a video file, live
def test_video_file_frame_at_t_is_the_frame_at_t(counter_video):
    clock = SimulatedClock()
    src = VideoFileSource(counter_video, clock)
    src.open()
    assert src.fps == 10.0
    seen = []
    for t in [0.0, 0.35, 0.35, 1.0, 4.2, 7.95]:  # forward hops, a repeat, a long jump
        clock.advance(t - clock.monotonic())
        seen.append(frame_number(src.read().image))
    assert seen == [0, 3, 3, 10, 42, 79]
    clock.advance(0.1)  # 8.05 s: past the end
    with pytest.raises(SourceEnded):
        src.read()
    src.close()


def test_video_file_capture_ends_cleanly_at_end_of_file(journal, counter_video):
    piece = journal.create_piece("Fin")
    clock = SimulatedClock()
    session = CaptureSession(journal, piece.id, VideoFileSource(counter_video, clock),
                             CaptureSettings(interval=0.5, keep_idle=True, disk_margin=0), clock)
    state = session.run()
    assert state.finished == "end-of-source" and state.status == "ended"
    caps = journal.captures(piece.id)[0]
    assert len(caps) == 16  # t = 0, 0.5, … 7.5
    assert [frame_number(read_still(c.path)) for c in caps] == list(range(0, 80, 5))
    # Still times are the capture's times, half a second apart.
    gaps = {round((b.time - a.time).total_seconds(), 3) for a, b in zip(caps, caps[1:],
                                                                         strict=False)}
    assert gaps == {0.5}
    assert "has ended" in state.message


# -------------------------------------------------------------------------- snap
def test_snap_takes_one_still_with_a_thumbnail(journal, counter_video):
    piece = journal.create_piece("Une")
    cap = snap(journal, piece.id, str(counter_video), disk_margin=0)
    assert frame_number(read_still(cap.path)) == 0
    assert cap.thumb_path.exists()
    assert len(journal.captures(piece.id)[0]) == 1


def test_snap_refuses_when_the_disk_is_nearly_full(journal, counter_video):
    piece = journal.create_piece("Une")
    with pytest.raises(OSError, match="nearly full"):
        snap(journal, piece.id, str(counter_video), disk_margin=1 << 62)
    assert journal.captures(piece.id)[0] == []


def test_cli_snap_prints_the_capture_id_last(cli, counter_video, home):
    cli("piece", "new", "Une")
    code, out, err = cli("snap", "Une", "--source", str(counter_video), "--disk-margin", "0")
    assert code == 0, err
    cid = out.strip().splitlines()[-1]
    caps = Journal.open(home).captures("une")[0]
    assert [c.id for c in caps] == [cid]
    code, out, err = cli("snap", "Une", "--source", str(counter_video), "--disk-margin", "1000TB")
    assert code == 1 and "nearly full" in err and "()" not in err


# ----------------------------------------------------------------------- Ctrl-C
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_stops_cleanly_with_a_summary(tmp_path, sig):
    """Ctrl-C, or SIGTERM from systemd stopping the unit, ends with every still and a summary."""
    video = write_video(tmp_path / "bench.mp4", Scene(seconds=30.0), fps=5.0, noise_fields=2)
    home = tmp_path / "journal"
    Journal.open(home).create_piece("Bol")
    env = dict(os.environ, PYTHONPATH=str(DESKTOP) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen(
        [sys.executable, "-m", "coulisses", "--home", str(home), "capture", "Bol", "--source",
         str(video), "--every", "0.1s", "--keep-idle", "--disk-margin", "0"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stills = home / "pieces" / "bol" / "stills"
    end = time.monotonic() + 20
    while not list(stills.rglob("*.jpg")) and time.monotonic() < end:
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err.decode()
    text = out.decode()
    assert "Stopped." in text and "stills kept" in text
    kept = int(text.split("Stopped.")[1].split("stills kept")[0].strip())
    assert kept == len(Journal.open(home).captures("bol")[0]) >= 2


# ----------------------------------------------------------- a phone's address
@pytest.mark.parametrize(("typed", "meant"), [
    ("192.168.1.20:8080/video", "http://192.168.1.20:8080/video"),  # IP Webcam, no scheme
    (" 10.0.0.2:4747/video ", "http://10.0.0.2:4747/video"),
    ("phone.local:4747", "http://phone.local:4747"),
    ("localhost:8554/live", "http://localhost:8554/live"),
    ("rtsp://192.168.1.20:8554/live", "rtsp://192.168.1.20:8554/live"),  # has its scheme
    ("http://maker:s3cr3t@192.168.1.20:8080/video", "http://maker:s3cr3t@192.168.1.20:8080/video"),
    ("video", "video"),  # one word is no address
    ("192.168.1.20/video", "192.168.1.20/video"),  # no port: not a phone app's address
    ("clip.mp4", "clip.mp4"),  # a file name that is not there stays a file name
    ("/home/me/bench.mp4", "/home/me/bench.mp4"),
    ("", ""),
])
def test_an_address_typed_without_its_scheme_gains_http(typed, meant):
    from coulisses.capture.sources import network_address

    assert network_address(typed) == meant


def test_the_cli_source_takes_a_phone_address_without_http(tmp_path, monkeypatch):
    from coulisses.capture.sources import StreamSource, open_source

    monkeypatch.chdir(tmp_path)  # no file of that name here
    source = open_source("192.168.1.20:8080/video")
    assert isinstance(source, StreamSource)
    with pytest.raises(SourceUnavailable, match="no video file at clip.mp4"):
        open_source("clip.mp4")  # a missing file is still said to be missing
