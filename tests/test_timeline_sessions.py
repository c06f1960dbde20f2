"""Sessions, worked time and effort figures, from a real journal on disk."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest

from coulisses.timeline.build import build_timeline
from coulisses.timeline.effort import (
    card_lines,
    compute_effort,
    count_attempts,
    effort_line,
    format_worked,
)
from coulisses.timeline.sessions import session_bounds, split_sessions
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
JPEG = jpeg_bytes()


@pytest.fixture(autouse=True)
def utc_days(monkeypatch):
    """Days are counted in local time: pin it so the test means the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def add_run(journal, piece_id, start, count, every=10.0):
    return [journal.add_still(piece_id, JPEG, start + timedelta(seconds=every * i))
            for i in range(count)]


def test_bounds_split_only_on_gaps_longer_than_the_limit():
    times = [0, 10, 20, 1820, 1830, 3631, 3640]
    assert session_bounds(times, 1800) == [(0, 4), (5, 6)]  # 1800 s exactly: same session
    assert session_bounds(times, 600) == [(0, 2), (3, 4), (5, 6)]
    assert session_bounds(times, 5000) == [(0, 6)]
    assert session_bounds([], 1800) == []
    with pytest.raises(ValueError):
        session_bounds(times, 0)


def test_sessions_across_gaps_and_days(journal):
    piece = journal.create_piece("Vase bleu #3")
    a = add_run(journal, piece.id, T0, 361)  # 09:00–10:00
    b = add_run(journal, piece.id, T0 + timedelta(hours=1, minutes=20), 91)  # 10:20–10:35
    c = add_run(journal, piece.id, T0 + timedelta(hours=14, minutes=30), 181)  # 23:30–00:00
    d = add_run(journal, piece.id, T0 + timedelta(days=2), 61)  # two days later
    snap = journal.snapshot(piece.id)
    sessions = split_sessions(snap)
    # 20 min between a and b is not a pause; the night and the two days are.
    assert [s.stills for s in sessions] == [361 + 91, 181, 61]
    assert sessions[0].start == a[0].time and sessions[0].end == b[-1].time
    assert sessions[1].captures[0].id == c[0].id and sessions[2].captures[-1].id == d[-1].id
    assert [s.seconds for s in sessions] == [5700.0, 1800.0, 600.0]
    effort = compute_effort(snap, sessions)
    assert effort.worked_seconds == 5700 + 1800 + 600  # the night is not work
    assert effort.sessions == 3 and effort.stills == 694
    assert effort.days == 3  # 20th, 21st (00:00 of session 2), 22nd
    # A stricter gap (15 min) splits a from b.
    assert [s.stills for s in split_sessions(snap, gap=900)] == [361, 91, 181, 61]


def test_camera_lost_gaps_and_moments_belong_to_their_session(journal):
    piece = journal.create_piece("Bol")
    first = add_run(journal, piece.id, T0, 100)
    second = add_run(journal, piece.id, T0 + timedelta(hours=3), 100)
    # Camera lost 5 min inside session 1 (kept working), and once between sessions.
    journal.record_gap(piece.id, T0 + timedelta(minutes=5), T0 + timedelta(minutes=6),
                       reason="camera unplugged")
    journal.record_gap(piece.id, T0 + timedelta(hours=1), T0 + timedelta(hours=2))
    open_gap = journal.record_gap(piece.id, T0 + timedelta(hours=3, minutes=5))
    journal.add_moment(piece.id, "struggle", at=first[50].id, caption="Wobble")
    journal.add_moment(piece.id, "fix", at=second[10].id, caption="Recentred",
                       span_to=second[20].id)
    tl = build_timeline(journal.snapshot(piece.id), suggestions=False)
    s1, s2 = tl.sessions
    assert [g.reason for g in s1.gaps] == ["camera unplugged"]
    assert len(s2.gaps) == 1 and s2.gaps[0].end is None
    assert [m.kind for m in s1.moments] == ["struggle"]
    assert [m.kind for m in s2.moments] == ["fix"]
    assert tl.session_of_moment(s2.moments[0]) is s2
    detail = tl.to_json()["effort"]["sessions_detail"]
    assert detail[0]["gaps"][0]["reason"] == "camera unplugged"
    assert detail[1]["moments"] == [s2.moments[0].id]
    assert open_gap


def test_moment_without_still_is_tied_by_time(journal):
    piece = journal.create_piece("Plat")
    early = journal.add_moment(piece.id, "note", at=T0 - timedelta(hours=1), caption="Clay ready")
    assert early.capture is None
    add_run(journal, piece.id, T0, 10)
    tl = build_timeline(journal.snapshot(piece.id), suggestions=False)
    assert [m.id for m in tl.sessions[0].moments] == [early.id]


def test_effort_counts_several_struggles_and_fixes(journal):
    piece = journal.create_piece("Vase")
    caps = add_run(journal, piece.id, T0, 120)
    seq = [("struggle", 10), ("struggle", 20), ("fix", 30), ("milestone", 40),
           ("struggle", 50), ("fix", 60), ("fix", 70), ("struggle", 80), ("result", 110),
           ("note", 115)]
    for kind, i in seq:
        journal.add_moment(piece.id, kind, at=caps[i].id, caption=f"{kind} {i}")
    snap = journal.snapshot(piece.id)
    effort = compute_effort(snap, split_sessions(snap))
    assert (effort.struggles, effort.fixes, effort.milestones, effort.results, effort.notes) == \
        (4, 3, 1, 1, 1)
    # Attempt 1 from the first still; fix@30, fix@60 and result@110 each follow a
    # struggle; fix@70 follows a fix, so it starts nothing.
    assert effort.attempts == 4
    assert effort.worked_seconds == 1190 and effort.days == 1
    data = build_timeline(snap, suggestions=False).to_json()["effort"]
    assert {"sessions", "worked_seconds", "struggles", "fixes", "milestones",
            "sessions_detail", "attempts", "days", "stills"} <= set(data)
    assert data["struggles"] == 4 and data["worked_seconds"] == 1190


def test_attempts_definition_edges():
    assert count_attempts([], has_stills=False) == 0
    assert count_attempts([], has_stills=True) == 1


def test_wording_of_the_figures(journal):
    piece = journal.create_piece("Tasse")
    caps = add_run(journal, piece.id, T0, 2)
    journal.add_moment(piece.id, "struggle", at=caps[0].id)
    snap = journal.snapshot(piece.id)
    effort = compute_effort(snap, split_sessions(snap))
    assert effort_line(effort, "en") == "10 s of work · 1 struggle"
    assert card_lines(effort, "en") == ("10 s of work", "1 struggle", "1 session · 1 day")
    assert format_worked(42_000) == "11 h 40" and format_worked(1500) == "25 min"


def test_photos_hours_apart_claim_no_worked_time(journal):
    """One phone photo every two hours: each is a session of its own with nothing to
    measure, so the figures leave the worked time out rather than say "0 s of work"."""
    piece = journal.create_piece("Courtepointe")
    for i in range(4):
        journal.add_still(piece.id, JPEG, T0 + timedelta(hours=2 * i))
    snap = journal.snapshot(piece.id)
    effort = compute_effort(snap, split_sessions(snap))
    assert effort.sessions == 4 and effort.worked_seconds == 0
    assert effort_line(effort, "en") == ""
    assert card_lines(effort, "en") == ("4 sessions · 1 day",)
    assert card_lines(effort, "fr") == ("4 séances · 1 jour",)


def test_timeline_command_text_and_json(journal, cli):
    piece = journal.create_piece("Vase bleu")
    caps = add_run(journal, piece.id, T0, 30)
    add_run(journal, piece.id, T0 + timedelta(days=1), 30)
    assert cli("mark", piece.id, "struggle", "--at", caps[5].id, "--caption",
               "Troisième effondrement", "--span-to", caps[9].id)[0] == 0
    code, out, err = cli("timeline", piece.id)
    assert code == 0, err
    assert "Session 1" in out and "Session 2" in out and "Troisième effondrement" in out
    assert "Effort: 9 min 40 s of work" not in out  # worked time is "9 min"
    assert "9 min of work" in out
    code, out, _ = cli("timeline", piece.id, "--json", "--session-gap", "3d")
    data = json.loads(out)
    assert data["effort"]["sessions"] == 1 and len(data["sessions"]) == 1
    assert data["moments"][0]["span_to"] == caps[9].id
    assert cli("timeline", piece.id, "--session-gap", "soon")[0] == 2
    # The piece's own setting is used when no option is given.
    journal.update_piece_settings(piece.id, session_gap=3 * 86400)
    data = json.loads(cli("timeline", piece.id, "--json", "--no-suggestions")[1])
    assert data["effort"]["sessions"] == 1 and data["effort"]["session_gap"] == 3 * 86400
