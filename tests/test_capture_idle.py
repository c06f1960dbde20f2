"""Idle skipping: noise and light drift are not changes; hands and a changed piece are."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from coulisses.capture.clock import SimulatedClock
from coulisses.capture.idle import IdleSettings, SceneChangeDetector, changed_fraction, signature
from coulisses.capture.session import CaptureSession, CaptureSettings, Status
from coulisses.capture.synthetic import Scene, write_video
from coulisses.capture.videofile import VideoFileSource
from coulisses.journal.codec import read_still

SCENE = Scene(width=320, height=240, seconds=60.0, hands_from=20.0, change_at=32.0, noise=4.0)


@pytest.fixture(scope="module")
def bench_video(tmp_path_factory):
    return write_video(tmp_path_factory.mktemp("video") / "bench.mp4", SCENE, fps=5.0,
                       noise_fields=12)


def _capture(journal, video, **settings):
    piece = journal.create_piece("Vase bleu #3")
    clock = SimulatedClock()
    session = CaptureSession(journal, piece.id, VideoFileSource(video, clock),
                             CaptureSettings(disk_margin=0, **settings), clock)
    decisions = []
    session.subscribe(lambda e: decisions.append((e.kind, clock.monotonic()))
                      if e.kind in ("kept", "skipped") else None)
    state = session.run()
    return piece, state, decisions


# ---------------------------------------------------------------- detector alone
def test_sensor_noise_and_light_drift_are_not_changes():
    det = SceneChangeDetector()
    rng = np.random.default_rng(1)
    first = det.decide(SCENE.frame(0.0, rng), at=0.0)
    assert first.keep and first.reason == "first"
    det.remember(first)
    for t in np.arange(1.0, 20.0, 1.0):
        frame = SCENE.frame(float(t), rng)
        # And a camera auto-exposure step of -15 % on top of the slow drift.
        frame = np.clip(frame.astype(np.float32) * 0.85, 0, 255).astype(np.uint8)
        d = det.decide(frame, at=float(t))
        assert not d.keep, (t, d)
        assert d.changed < det.settings.min_changed / 4


def test_hands_and_lasting_change_are_changes():
    det = SceneChangeDetector()
    d = det.decide(SCENE.frame(19.0), at=19.0)
    det.remember(d)
    hands = det.decide(SCENE.frame(21.0), at=21.0)
    assert hands.keep and hands.reason == "changed" and hands.changed > 0.05
    # The piece changed for good (no hands on it any more): still a change.
    changed = det.decide(SCENE.frame(40.0), at=40.0)
    assert changed.keep and changed.reason == "changed"


def test_keepalive_keeps_one_still_every_few_minutes_when_idle():
    det = SceneChangeDetector(IdleSettings(keepalive=180.0))
    rng = np.random.default_rng(2)
    det.remember(det.decide(SCENE.frame(0.0, rng), at=0.0))
    kept_at = []
    for t in range(10, 601, 10):  # ten minutes of nothing, one look every 10 s
        d = det.decide(SCENE.frame(5.0, rng), at=float(t))
        if d.keep:
            assert d.reason == "keepalive"
            det.remember(d)
            kept_at.append(t)
    assert kept_at == [180, 360, 540]


def test_a_still_that_was_not_stored_does_not_become_the_reference():
    det = SceneChangeDetector()
    det.remember(det.decide(SCENE.frame(0.0), at=0.0))
    hands = det.decide(SCENE.frame(22.0), at=1.0)
    assert hands.keep
    # Not remembered (say the disk was full): the same picture is still a change.
    assert det.decide(SCENE.frame(22.0), at=2.0).keep


def test_resolution_change_counts_as_change():
    a = signature(SCENE.frame(0.0))
    b = signature(cv2.resize(SCENE.frame(0.0), (200, 200)))
    assert changed_fraction(a, b, 14.0) == 1.0


# ------------------------------------------------------- capture from a bench video
def test_idle_skipping_keeps_motion_and_change_drops_static(journal, bench_video):
    piece, state, decisions = _capture(journal, bench_video, interval=1.0)
    assert state.status == Status.ENDED and state.finished == "end-of-source"
    kept = [t for kind, t in decisions if kind == "kept"]
    ticks = [t for _, t in decisions]
    assert len(ticks) == 60  # one decision per second of the video
    static_before = [t for t in kept if t < SCENE.hands_from]
    hands = [t for t in kept if SCENE.hands_from <= t < SCENE.change_at]
    static_after = [t for t in kept if t >= SCENE.change_at + 2]
    assert static_before == [0.0]  # the first still only
    assert len(hands) >= 0.8 * (SCENE.change_at - SCENE.hands_from)
    assert any(SCENE.change_at <= t < SCENE.change_at + 2 for t in kept)
    assert len(static_after) <= 1  # 26 s of static: at most one still
    skipped = state.skipped / (state.kept + state.skipped)
    assert 0.6 < skipped < 0.85, skipped
    # What was stored really is the scene at those seconds, and the last still shows
    # the changed piece.
    caps, _ = journal.captures(piece.id)
    assert len(caps) == state.kept == len(kept)
    t0 = caps[0].time
    # Each stored still is the one decided at that second of the video, whole.
    assert [round((c.time - t0).total_seconds(), 3) for c in caps] == kept
    for cap in caps:
        assert read_still(cap.path).shape == (240, 320, 3)
    last = read_still(caps[-1].path).astype(np.float32)
    changed_scene = SCENE.clean(50.0)
    before_scene = SCENE.clean(5.0)
    assert np.abs(last - changed_scene).mean() < np.abs(last - before_scene).mean()
    assert all(c.thumb_path.exists() for c in caps)


def test_keep_idle_keeps_every_interval(journal, bench_video):
    piece, state, decisions = _capture(journal, bench_video, interval=2.0, keep_idle=True)
    assert state.skipped == 0
    assert state.kept == 30 == len(journal.captures(piece.id)[0])
    times = [c.time for c in journal.captures(piece.id)[0]]
    steps = {round((b - a).total_seconds(), 3) for a, b in zip(times, times[1:], strict=False)}
    assert steps == {2.0}


def test_capture_count_and_duration_end_the_run(journal, bench_video):
    _, state, _ = _capture(journal, bench_video, interval=1.0, keep_idle=True, count=7)
    assert state.finished == "count" and state.kept == 7
    _, state, decisions = _capture(journal, bench_video, interval=1.0, keep_idle=True,
                                   duration=12.0)
    assert state.finished == "duration" and len(decisions) == 12


def test_cli_capture_from_a_video_file(cli, bench_video):
    code, out, _ = cli("piece", "new", "Bol")
    assert code == 0
    code, out, err = cli("capture", "Bol", "--source", str(bench_video), "--every", "1s",
                         "--count", "4", "--keep-idle", "--speed", "40", "--disk-margin", "0")
    assert code == 0, err
    assert "4 stills kept" in out
    code, out, _ = cli("piece", "list", "--json")
    assert '"captures": 4' in out


def test_cli_rejects_bad_arguments(cli, bench_video):
    cli("piece", "new", "Bol")
    code, _, err = cli("capture", "Bol", "--source", str(bench_video), "--every", "soon")
    assert code == 2 and "--every" in err
    code, _, err = cli("capture", "Bol", "--source", str(bench_video), "--count", "3",
                       "--for", "2h")
    assert code == 2
    code, _, err = cli("capture", "Nope", "--source", str(bench_video))
    assert code == 1 and "Nope" in err


def test_screen_sources_count_a_new_line_of_text_but_not_a_blinking_cursor():
    from coulisses.capture.screen import ScreenSource

    screen = np.full((1080, 1920, 3), 245, np.uint8)
    for row in range(10):
        cv2.putText(screen, "def glaze(pot): return pot.dip(seconds=3)", (40, 60 + row * 28),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.6, (30, 30, 30), 1)
    typed = screen.copy()
    cv2.putText(typed, "pot.fire(cone=6)", (40, 60 + 10 * 28), cv2.FONT_HERSHEY_SIMPLEX, 0.6,
                (30, 30, 30), 1)
    cursor = screen.copy()
    cv2.rectangle(cursor, (400, 330), (401, 348), (0, 0, 0), -1)
    det = SceneChangeDetector(ScreenSource.idle_settings)
    det.remember(det.decide(screen, at=0.0))
    assert det.decide(typed, at=1.0).keep
    assert not det.decide(cursor, at=2.0).keep
    # The camera settings would have missed the typed line: the finer ones matter.
    cam = SceneChangeDetector()
    cam.remember(cam.decide(screen, at=0.0))
    assert not cam.decide(typed, at=1.0).keep
