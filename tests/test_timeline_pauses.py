"""`coulisses timeline` names each kind of pause (issue 20): its JSON said "paused:
disk full" while its text called the same gap "camera lost once"."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from coulisses.capture.session import CaptureSession, CaptureSettings, Status
from coulisses.capture.synthetic import Scene, write_video
from coulisses.capture.videofile import VideoFileSource
from coulisses.i18n import tr
from coulisses.journal import Journal
from coulisses.timeline.gap_kinds import DISK_FULL, SOURCE_LOST, WRITE_ERROR, gap_kind
from tests.helpers import jpeg_bytes, wait_until

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MB = 1 << 20


def _session_line(out: str) -> str:
    """The first session's line, its plurals as "time(s)" (before the English plural
    forms of a new string reach coulisses_en.ts, Qt shows them so)."""
    [line] = [x for x in out.splitlines() if x.startswith("Session 1:")]
    return re.sub(r"\btimes?\b(\(s\))?", "time(s)", line)


def _piece_with_stills(journal: Journal, name: str = "Bol") -> str:
    pid = journal.create_piece(name).id
    for i in range(6):
        journal.add_still(pid, jpeg_bytes(), T0 + timedelta(minutes=i))
    return pid


def test_a_full_disk_pause_is_not_a_lost_camera(journal, installed_cli) -> None:
    pid = _piece_with_stills(journal)
    # The reason exactly as the capture session records it when it pauses.
    journal.record_gap(pid, T0 + timedelta(minutes=2), T0 + timedelta(minutes=3),
                       reason=tr("paused: disk full"))
    code, out, err = installed_cli("timeline", pid, "--no-suggestions")
    assert code == 0, err
    line = _session_line(out)
    assert line.endswith(" · paused 1 time(s): disk full"), line
    assert "lost" not in line
    code, out, _ = installed_cli("timeline", pid, "--json", "--no-suggestions")
    assert [g["reason"] for g in json.loads(out)["gaps"]] == ["paused: disk full"]


def test_each_kind_is_counted_under_its_own_name(journal, installed_cli) -> None:
    pid = _piece_with_stills(journal)
    for minute, reason in ((1, tr("{source} lost: {reason}", source="Camera 0",
                                  reason="no picture for 10 s")),
                           (2, tr("paused: disk full")),
                           (3, tr("paused: write error")),
                           (4, tr("{source} lost: {reason}", source="http://192.168.1.20:8080",
                                  reason="connection refused"))):
        journal.record_gap(pid, T0 + timedelta(minutes=minute, seconds=10),
                           T0 + timedelta(minutes=minute, seconds=40), reason=reason)
    code, out, err = installed_cli("timeline", pid, "--no-suggestions")
    assert code == 0, err
    assert _session_line(out).endswith(
        " · paused 1 time(s): disk full · paused 1 time(s): write error"
        " · camera or stream lost 2 time(s)"), out


def test_a_gap_from_before_reasons_were_recorded_is_a_lost_source(journal, cli) -> None:
    pid = _piece_with_stills(journal)
    journal.record_gap(pid, T0 + timedelta(minutes=2), T0 + timedelta(minutes=3))
    code, out, _ = cli("timeline", pid, "--no-suggestions")
    assert code == 0
    assert _session_line(out).endswith(" · camera or stream lost 1 time(s)")


def test_a_pause_recorded_in_french_is_recognised_in_any_language(journal, cli) -> None:
    pid = _piece_with_stills(journal)
    recorded = tr("paused: disk full", lang="fr")
    assert recorded != "paused: disk full"  # the catalogue has it: « en pause : disque plein »
    journal.record_gap(pid, T0 + timedelta(minutes=2), T0 + timedelta(minutes=3),
                       reason=recorded)
    assert gap_kind(recorded) == DISK_FULL
    assert gap_kind(recorded.replace("\u00a0", " ")) == DISK_FULL  # an edited file
    assert gap_kind(tr("paused: write error", lang="fr")) == WRITE_ERROR
    assert gap_kind(tr("{source} lost: {reason}", lang="fr", source="Caméra 0",
                       reason="débranchée")) == SOURCE_LOST
    code, out, _ = cli("timeline", pid, "--no-suggestions")
    assert code == 0
    assert _session_line(out).endswith(" · paused 1 time(s): disk full")


def test_the_french_timeline_does_not_call_a_full_disk_a_lost_camera(journal, cli,
                                                                      french_ui) -> None:
    pid = _piece_with_stills(journal)
    journal.record_gap(pid, T0 + timedelta(minutes=2), T0 + timedelta(minutes=3),
                       reason=tr("paused: disk full"))
    code, out, _ = cli("timeline", pid, "--no-suggestions")
    assert code == 0
    [line] = [x for x in out.splitlines() if x.startswith("Séance 1")]
    assert "perdue" not in line and "caméra" not in line, line


# ------------------------------------------------------------------ a real pause, end to end
@pytest.fixture(scope="module")
def video(tmp_path_factory):
    return write_video(tmp_path_factory.mktemp("video") / "bench.mp4",
                       Scene(width=320, height=240, seconds=20.0, noise=5.0), fps=10.0)


def test_a_real_disk_full_pause_reads_as_one_in_the_timeline(tmpfs, video,
                                                            installed_cli) -> None:
    small = tmpfs("4m")
    home = small / "journal"
    journal = Journal.open(home)
    piece = journal.create_piece("Plein")
    ballast = small / "ballast.bin"
    ballast.write_bytes(b"\0" * int(2.5 * MB))
    session = CaptureSession(journal, piece.id, VideoFileSource(video),
                             CaptureSettings(interval=0.05, keep_idle=True, disk_margin=MB,
                                             disk_retry=0.1))
    session.start()
    try:
        assert wait_until(lambda: session.state.status == Status.PAUSED_DISK_FULL, 10.0, 0.01)
        kept = session.state.kept
        ballast.unlink()
        assert wait_until(lambda: session.state.kept >= kept + 2, 10.0, 0.01)
        time.sleep(0.1)
    finally:
        session.stop()
    gaps = journal.snapshot(piece.id).gaps
    assert gaps and {gap_kind(g.reason) for g in gaps} == {DISK_FULL}
    from tests import installed

    done = installed.run("timeline", piece.id, "--no-suggestions", home=home)
    assert done.returncode == 0, done.stderr
    line = _session_line(done.stdout)
    assert line.endswith(f" · paused {len(gaps)} time(s): disk full"), line
    assert "lost" not in line


def test_a_pause_keeps_its_kind_whatever_the_language_of_its_words(journal) -> None:
    """The kind is stored beside the reason: words in a language Coulisses does not know
    (or edited by hand) still count as the pause they were."""
    from datetime import UTC, datetime, timedelta

    from coulisses.timeline.gap_kinds import pause_summary

    pid = journal.create_piece("Bol").id
    t = datetime(2026, 11, 23, 9, tzinfo=UTC)
    journal.record_gap(pid, t, t + timedelta(minutes=5), reason="pausiert: Platte voll",
                       kind=DISK_FULL)
    journal.record_gap(pid, t + timedelta(hours=1), t + timedelta(hours=2), reason="Kamera weg",
                       kind=SOURCE_LOST)
    gaps = journal.snapshot(pid).gaps
    assert [gap_kind(g) for g in gaps] == [DISK_FULL, SOURCE_LOST]
    assert pause_summary(list(gaps)) == ["paused 1 time: disk full",
                                        "camera or stream lost 1 time"]
