"""What the window shows: the next still, since when lost or paused, the free space."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coulisses.capture.clock import SimulatedClock
from coulisses.capture.session import CaptureSession, CaptureSettings, Status
from tests.capture_fakes import ScriptedSource
from tests.helpers import wait_until

MS = timedelta(milliseconds=1)


def _until(cond, timeout=10.0):
    return wait_until(cond, timeout, step=0.005)


def _session(journal, source, clock=None, **settings):
    piece = journal.create_piece("Planche")
    s = dict(interval=0.05, keep_idle=True, disk_margin=0, reconnect_first=0.02,
             reconnect_max=0.1, disk_retry=0.02)
    s.update(settings)
    return piece, CaptureSession(journal, piece.id, source, CaptureSettings(**s), clock)


def test_next_at_is_the_due_time_of_the_next_still(journal):
    clock = SimulatedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    piece, session = _session(journal, ScriptedSource(clock), clock, interval=2.5, count=5)
    seen: list[tuple[datetime | None, datetime | None]] = []
    session.subscribe(lambda e: seen.append((e.state.next_at, e.state.last_still))
                      if e.kind == "kept" else None)
    state = session.run()
    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    # While tick n is handled, next_at is its due time: the still's own time.
    assert [n for n, _ in seen] == [t0 + timedelta(seconds=2.5 * n) for n in range(5)]
    assert all(n == taken for n, taken in seen)
    assert state.next_at is None  # finished: nothing is due


def test_next_at_while_running_with_the_real_clock(journal):
    piece, session = _session(journal, ScriptedSource(), interval=60.0)
    session.start()
    try:
        assert _until(lambda: session.state.kept == 1 and session.state.next_at is not None
                      and session.state.next_at > session.state.last_still)
        ahead = (session.state.next_at - session.state.started).total_seconds()
        assert abs(ahead - 60.0) < 0.5, ahead
    finally:
        final = session.stop()
    assert final.next_at is None


def test_lost_since_is_when_the_source_went_away(journal):
    src = ScriptedSource()
    piece, session = _session(journal, src)
    session.start()
    try:
        assert _until(lambda: session.state.kept >= 2)
        assert session.state.lost_since is None
        before = datetime.now(UTC)
        src.mode = "lost"
        assert _until(lambda: session.state.status == Status.LOST)
        since = session.state.lost_since
        assert since is not None and before <= since <= datetime.now(UTC)
        gap = journal.snapshot(piece.id).gaps[0]
        assert abs(gap.start - since) < MS  # the same instant (the journal keeps ms)
        src.mode = "ok"
        assert _until(lambda: session.state.status == Status.OK)
        assert session.state.lost_since is None
    finally:
        session.stop()


def test_paused_since_and_free_bytes_while_the_disk_is_full(journal):
    free = {"bytes": 10**12}
    journal.free_bytes = lambda: free["bytes"]  # the disk as the journal measures it
    piece, session = _session(journal, ScriptedSource(), disk_margin=1000)
    session.start()
    try:
        assert _until(lambda: session.state.kept >= 2)
        assert session.state.paused_since is None and session.state.free_bytes is None
        before = datetime.now(UTC)
        free["bytes"] = 500
        assert _until(lambda: session.state.status == Status.PAUSED_DISK_FULL)
        st = session.state
        assert st.free_bytes == 500
        assert st.paused_since is not None and before <= st.paused_since <= datetime.now(UTC)
        assert abs(journal.snapshot(piece.id).gaps[0].start - st.paused_since) < MS
        free["bytes"] = 700  # some space freed, not enough yet
        assert _until(lambda: session.state.free_bytes == 700)
        assert session.state.status == Status.PAUSED_DISK_FULL
        assert session.state.paused_since == st.paused_since  # the same pause
        free["bytes"] = 10**12
        assert _until(lambda: session.state.status == Status.OK)
        assert session.state.paused_since is None and session.state.free_bytes is None
    finally:
        final = session.stop()
    assert final.paused_since is None and final.lost_since is None
