"""A nearly full disk pauses the capture with a message; nothing stored is lost; it resumes."""

from __future__ import annotations

import time

import pytest

from coulisses.capture.session import CaptureSession, CaptureSettings, Status
from coulisses.capture.synthetic import Scene, write_video
from coulisses.capture.videofile import VideoFileSource
from coulisses.journal import Journal
from coulisses.journal.codec import read_still
from tests.helpers import wait_until

MB = 1024 * 1024


@pytest.fixture
def small_disk(tmpfs):
    return tmpfs("4m")


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    return write_video(tmp_path_factory.mktemp("video") / "bench.mp4",
                       Scene(width=640, height=480, seconds=30.0, noise=5.0), fps=10.0,
                       noise_fields=3)



def _until(cond, timeout=10.0):
    return wait_until(cond, timeout, step=0.01)


@pytest.mark.parametrize("margin", [1 * MB, 0], ids=["margin", "enospc"])
def test_disk_full_pauses_then_resumes(small_disk, video, margin):
    journal = Journal.open(small_disk / "journal")
    piece = journal.create_piece("Plein")
    ballast = small_disk / "ballast.bin"
    ballast.write_bytes(b"\0" * int(2.5 * MB))
    session = CaptureSession(journal, piece.id, VideoFileSource(video),
                             CaptureSettings(interval=0.05, keep_idle=True, disk_margin=margin,
                                             disk_retry=0.1))
    kinds: list[str] = []
    session.subscribe(lambda e: kinds.append(e.kind))
    session.start()
    try:
        assert _until(lambda: session.state.status == Status.PAUSED_DISK_FULL), session.state
        assert "disk is nearly full" in session.state.message
        assert "resumes by itself" in session.state.message
        kept_paused = session.state.kept
        assert kept_paused >= 1
        time.sleep(0.5)
        assert session.state.kept == kept_paused  # paused, not hammering the disk
        assert session.running
        # Everything stored before the pause is whole.
        stored = journal.captures(piece.id)[0]
        assert len(stored) == kept_paused
        for cap in stored:
            read_still(cap.path)
        ballast.unlink()  # the maker frees some space
        assert _until(lambda: session.state.kept >= kept_paused + 3), session.state
        assert kinds.count("paused") >= 1 and kinds.count("resumed") >= 1
    finally:
        final = session.stop()
    assert final.status == Status.STOPPED
    caps = journal.captures(piece.id)[0]
    assert len(caps) == final.kept
    assert {c.id for c in stored} <= {c.id for c in caps}  # nothing lost
    for cap in caps:
        read_still(cap.path)
    gaps = journal.snapshot(piece.id).gaps
    assert gaps and all(g.end is not None for g in gaps)
    assert "disk full" in gaps[0].reason
