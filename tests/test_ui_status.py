"""The capture state in the maker's words (no window needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coulisses.capture.session import CaptureState, Status
from coulisses.ui.capture.status import AMBER, GREEN, GREY, RED, describe

NOW = datetime(2026, 11, 23, 14, 30, tzinfo=UTC)


def state(**kw) -> CaptureState:
    return CaptureState(piece_id="p", source="0", **kw)


def test_recording_counts_and_counts_down() -> None:
    line = describe(state(status=Status.OK, running=True, kept=12,
                          next_at=NOW + timedelta(seconds=4)), NOW)
    assert (line.text, line.colour, line.key) == ("Recording — 12 stills, next in 4 s", GREEN,
                                                  "recording")


def test_camera_lost_says_since_when() -> None:
    since = datetime(2026, 11, 23, 14, 2, tzinfo=UTC)
    line = describe(state(status=Status.LOST, running=True, lost_since=since), NOW)
    assert line.text == f"Camera lost since {since.astimezone().strftime('%H:%M')} — retrying"
    assert (line.colour, line.key) == (RED, "lost")


def test_a_lost_phone_stream_points_at_the_phone_and_the_wifi() -> None:
    from coulisses.capture.sources import describe as source_name

    since = datetime(2026, 11, 23, 14, 2, tzinfo=UTC)
    phone = source_name("http://maker:secret@192.168.1.20:8080/video")
    assert "secret" not in phone  # what the session keeps as its source's name
    lost = CaptureState(piece_id="p", source=phone, status=Status.LOST, running=True,
                        lost_since=since)
    line = describe(lost, NOW)
    assert line.text == (f"Stream lost since {since.astimezone().strftime('%H:%M')} — "
                         "retrying; check the phone and the Wi-Fi")
    assert (line.colour, line.key) == (RED, "lost")


def test_disk_full_is_paused_in_amber() -> None:
    line = describe(state(status=Status.PAUSED_DISK_FULL, running=True), NOW)
    assert line.text.startswith("Disk nearly full — paused")
    assert (line.colour, line.key) == (AMBER, "paused")


def test_idle_when_skipping_for_a_while() -> None:
    line = describe(state(status=Status.OK, running=True, kept=3, skipped=40, ticks=43,
                          last_still=NOW - timedelta(minutes=5)), NOW)
    assert line.key == "idle" and "skipping" in line.text


def test_stopped_and_failed() -> None:
    assert describe(None, NOW).key == "stopped"
    line = describe(state(status=Status.STOPPED, kept=7), NOW)
    assert (line.text, line.colour) == ("Stopped — 7 stills kept", GREY)
    line = describe(state(status=Status.FAILED, error="The camera 0 cannot be opened."), NOW)
    assert (line.text, line.key) == ("The camera 0 cannot be opened.", "failed")


def test_one_still_is_singular() -> None:
    line = describe(state(status=Status.OK, running=True, kept=1,
                          next_at=NOW + timedelta(seconds=2)), NOW)
    assert line.text == "Recording — 1 still, next in 2 s"
    assert describe(state(status=Status.STOPPED, kept=1), NOW).text == "Stopped — 1 still kept"
