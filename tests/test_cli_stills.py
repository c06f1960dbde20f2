"""``coulisses stills PIECE list|hide|show|move`` and ``piece set --cover``: curation from
the command line, through the installed script, on a real journal of real JPEG stills.

What a script or a bench Raspberry Pi relies on: REFs (ids, numbers, first/last, times,
FIRST..LAST ranges) resolve to exactly the stills they name; one that names none is exit
2 with nothing changed; a second run changes nothing; hiding 10,000 stills is one range
written at once; moved stills take their moments; an export leaves hidden stills out;
and Ctrl-C never leaves a move half done.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from coulisses.journal import Journal
from coulisses.journal.moving import INTENT
from tests import installed
from tests.helpers import jpeg_bytes, wait_until

T0 = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
BIG = 10_000


def stamp(t: datetime) -> str:
    return t.strftime("%Y%m%dT%H%M%S.") + f"{t.microsecond // 1000:03d}Z"


@pytest.fixture
def cli(installed_cli):
    return installed_cli


@pytest.fixture
def vase(journal):
    """“Vase bleu #3”: 30 stills 20 s apart from 14:00:00 UTC, one imported photo at the
    instant of the third (so 31), a struggle on the sixth; and an empty “Bol raku”."""
    pid = journal.create_piece("Vase bleu #3").id
    journal.create_piece("Bol raku")
    for i in range(30):
        journal.add_still(pid, jpeg_bytes(value=4 * i), T0 + timedelta(seconds=20 * i))
    journal.add_still(pid, jpeg_bytes(value=200), T0 + timedelta(seconds=40),
                      source="IMG_1234.HEIC")
    ids = [c.id for c in journal.captures(pid)[0]]
    journal.add_moment(pid, "struggle", at=ids[5], caption="Fissure")
    return pid, ids


def hidden_ids(journal: Journal, pid: str) -> list[str]:
    snap = Journal.open(journal.home).snapshot(pid)
    return [c.id for c in snap.captures if snap.is_hidden(c.id)]


def piece_file(journal: Journal, pid: str) -> bytes:
    return (journal.piece(pid).folder / "piece.json").read_bytes()


# ------------------------------------------------------------------ hide and show
def test_hide_and_show_by_id_number_and_range(cli, journal, vase) -> None:
    pid, ids = vase
    assert ids[3].endswith("~IMG_1234.HEIC")  # sorts right after the still of its instant
    code, out, err = cli("stills", "Vase bleu #3", "hide", ids[0], "3..5", f"{ids[7]}.jpg")
    assert code == 0, err
    assert out.strip() == "Hid 5 stills of “Vase bleu #3”."
    assert hidden_ids(journal, pid) == [ids[0], ids[2], ids[3], ids[4], ids[7]]
    # Overlapping the hidden ones: only the new ones count, the rest is said.
    code, out, err = cli("stills", pid, "hide", f"{ids[4]}..{ids[8]}")
    assert code == 0, err
    assert out.strip() == "Hid 3 stills of “Vase bleu #3” (2 already hidden)."
    assert hidden_ids(journal, pid) == [ids[0], *ids[2:9]]
    # Show part of it again; a still that was visible is said, not an error.
    code, out, err = cli("stills", pid, "show", "2..4")
    assert code == 0, err
    assert out.strip() == "Showed 2 stills of “Vase bleu #3” again (1 already visible)."
    assert hidden_ids(journal, pid) == [ids[0], *ids[4:9]]
    code, out, _ = cli("stills", pid, "show", "last")
    assert code == 0 and out.strip() == "Not hidden: 1 still of “Vase bleu #3”; nothing changed."


def test_a_second_run_changes_nothing(cli, journal, vase) -> None:
    pid, ids = vase
    assert cli("stills", pid, "hide", "10..20")[0] == 0
    before = piece_file(journal, pid)
    code, out, err = cli("stills", pid, "hide", "10..20")
    assert code == 0, err
    assert out.strip() == "Already hidden: 11 stills of “Vase bleu #3”; nothing changed."
    assert piece_file(journal, pid) == before  # not even rewritten
    assert cli("stills", pid, "show", "10..20")[0] == 0
    after_show = piece_file(journal, pid)
    assert hidden_ids(journal, pid) == []
    code, out, _ = cli("stills", pid, "show", "10..20")
    assert code == 0 and "nothing changed" in out
    assert piece_file(journal, pid) == after_show


def test_ranges_by_time_open_ends_and_keywords(cli, journal, vase) -> None:
    pid, ids = vase
    # A minute is its 60 seconds, both ends included: 14:05:00 .. 14:06:40.
    code, out, err = cli("stills", pid, "hide", "2026-11-23T14:05Z..2026-11-23T14:06Z")
    assert code == 0, err
    minute = [i for i in ids if "T1405" in i or "T1406" in i]
    assert hidden_ids(journal, pid) == minute and len(minute) == 6
    assert cli("stills", pid, "show", "..")[0] == 0  # .. is every still
    assert cli("stills", pid, "hide", "..2", "30..", "first")[0] == 0
    assert hidden_ids(journal, pid) == [ids[0], ids[1], ids[29], ids[30]]
    assert cli("stills", pid, "show", "..")[0] == 0
    # A second with its imported photo; a time to the millisecond, as an id says it.
    assert cli("stills", pid, "hide", "2026-11-23T14:00:40Z", "2026-11-23T14:09:40.000Z")[0] == 0
    assert hidden_ids(journal, pid) == [ids[2], ids[3], ids[30]]
    assert cli("stills", pid, "show", "..")[0] == 0
    # A whole day; and a time without a zone is the maker's wall clock.
    assert cli("stills", pid, "hide", "2026-11-23Z")[0] == 0
    assert len(hidden_ids(journal, pid)) == 31
    assert cli("stills", pid, "show", "..")[0] == 0
    done = installed.run("stills", pid, "hide", "2026-11-23T15:05..2026-11-23 15:05:20",
                         home=journal.home, TZ="Europe/Paris")  # 14:05 UTC in November
    assert done.returncode == 0, done.stderr
    assert hidden_ids(journal, pid) == [stamp(T0 + timedelta(minutes=5)),
                                        stamp(T0 + timedelta(minutes=5, seconds=20))]


@pytest.mark.parametrize(("refs", "named", "says"), [
    (["20261123T140001.000Z"], "20261123T140001.000Z", "no still"),
    (["3", "99"], "99", "no still number 99"),
    (["2026-11-24T10:00Z"], "2026-11-24T10:00Z", "matches no still"),
    (["2026-11-23T13:00Z..2026-11-23T13:59Z"], "2026-11-23T13:00Z..2026-11-23T13:59Z",
     "matches no still"),
    (["10..3"], "10..3", "ends before it starts"),
    (["1", "soon"], "soon", "is not a still"),
    (["#0"], "0", "no still number 0"),
])
def test_a_ref_that_names_no_still_is_a_usage_error_and_nothing_changes(
        cli, journal, vase, refs, named, says) -> None:
    pid, _ = vase
    assert cli("stills", pid, "hide", "20..")[0] == 0
    before = piece_file(journal, pid)
    for action in ("hide", "show"):
        code, out, err = cli("stills", pid, action, *refs)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and named in err and says in err, err
        assert "nothing was changed" in err and "Traceback" not in err
        assert piece_file(journal, pid) == before
    code, _, err = cli("stills", pid, "move", *refs, "--to", "bol-raku")
    assert code == 2 and named in err
    assert journal.still_count("bol-raku") == 0 and journal.still_count(pid) == 31


def test_hide_and_show_json(cli, journal, vase) -> None:
    pid, ids = vase
    assert cli("stills", pid, "hide", "2")[0] == 0
    code, out, err = cli("stills", pid, "hide", "1..3", "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "action": "hide", "piece": {"id": pid, "name": "Vase bleu #3"}, "matched": 3,
        "changed": [ids[0], ids[2]],
        "unchanged": [{"id": ids[1], "reason": "already-hidden"}],
        "hidden": 3}
    code, out, err = cli("stills", pid, "show", "3..4", "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "action": "show", "piece": {"id": pid, "name": "Vase bleu #3"}, "matched": 2,
        "changed": [ids[2]], "unchanged": [{"id": ids[3], "reason": "not-hidden"}],
        "hidden": 2}


def test_list_numbers_the_stills_and_says_which_are_hidden(cli, journal, vase) -> None:
    pid, ids = vase
    assert cli("stills", pid, "hide", "4")[0] == 0
    code, out, err = cli("stills", pid, "list", "3..5", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["count"] == 31
    assert [(s["n"], s["id"], s["hidden"]) for s in data["stills"]] == \
        [(3, ids[2], False), (4, ids[3], True), (5, ids[4], False)]
    assert data["stills"][1]["time"] == "2026-11-23T14:00:40.000Z"
    # The numbers are those of `timeline --json`'s captures, counted from 1.
    timeline = json.loads(cli("timeline", pid, "--json", "--no-suggestions")[1])
    assert [c["id"] for c in timeline["captures"]][2:5] == ids[2:5]
    code, out, _ = cli("stills", pid, "list", "--hidden")
    assert code == 0
    (line,) = out.splitlines()
    assert line.split()[0] == "4" and line.split()[-1] == ids[3] and "hidden" in line


# ------------------------------------------------------------------ 10,000 stills
@pytest.fixture(scope="module")
def big_home(tmp_path_factory) -> Path:
    """A journal whose piece “Atelier” has 10,000 stills (made once, copied per test)."""
    home = tmp_path_factory.mktemp("big") / "journal"
    home.mkdir()
    with pytest.MonkeyPatch.context() as setup:
        setup.setattr(os, "fsync", lambda fd: None)  # building the piece is not what is tested
        journal = Journal.open(home)
        pid = journal.create_piece("Atelier").id
        journal.create_piece("Tasse")
        still = jpeg_bytes()
        for i in range(BIG):
            journal.add_still(pid, still, T0 + timedelta(seconds=2 * i))
        journal.add_moment(pid, "fix", at=stamp(T0 + timedelta(seconds=2 * 5000)),
                           caption="Reprise")
    return home


@pytest.fixture
def big(big_home: Path, tmp_path: Path) -> Path:
    home = tmp_path / "big"
    shutil.copytree(big_home, home, copy_function=_link_stills)
    return home


def _link_stills(src: str, dst: str) -> None:
    # Stills are never written in place (a move links and unlinks names), so a test's
    # copy can share them; everything else is copied.
    if src.endswith(".jpg"):
        os.link(src, dst)
    else:
        shutil.copy2(src, dst)


def test_hiding_ten_thousand_stills_is_one_range_written_at_once(big: Path) -> None:
    started = time.monotonic()
    done = installed.run("stills", "Atelier", "hide", "..", "--json", home=big)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["changed"]) == BIG
    assert Journal.open(big).hidden("atelier").ranges == \
        ((stamp(T0), stamp(T0 + timedelta(seconds=2 * (BIG - 1)))),)
    # One call to the journal: ~0.5 s with the start-up; a write per still takes minutes.
    assert took < 10, f"hiding {BIG} stills took {took:.1f} s"
    started = time.monotonic()
    done = installed.run("stills", "Atelier", "show", "100..9900", home=big)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 10
    assert len(Journal.open(big).hidden("atelier").ranges) == 2


def _start_move(home: Path, *args: str, **popen) -> subprocess.Popen[str]:
    argv = [str(installed.script()), "--home", str(home), "stills", "Atelier", "move", "..",
            "--to", "Tasse", *args]
    return subprocess.Popen(argv, text=True, env=installed.clean_env(), cwd=home.anchor,
                            **popen)


def _wait_for_intent(home: Path, proc: subprocess.Popen[str]) -> None:
    """Until the move has begun: its intent record is written before the first still moves."""
    intent = home / "pieces" / "atelier" / INTENT
    assert wait_until(lambda: intent.exists() or proc.poll() is not None, timeout=60,
                      step=0.001)
    assert proc.poll() is None, "the move ended before it could be interrupted"


def test_first_ctrl_c_lets_the_move_finish(big: Path) -> None:
    proc = _start_move(big, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_intent(big, proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "finishes first" in err
    assert out.splitlines()[0] == "Moved 10,000 stills from “Atelier” to “Tasse”."
    assert out.splitlines()[1] == "Moments that went with them: 1."
    journal = Journal.open(big)
    assert journal.still_count("atelier") == 0 and journal.still_count("tasse") == BIG
    assert [m.caption for m in journal.snapshot("tasse").moments] == ["Reprise"]


def test_second_ctrl_c_stops_and_the_next_command_finishes_the_move(big: Path) -> None:
    proc = _start_move(big, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_intent(big, proc)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Stopped in the middle of the move" in err and "Traceback" not in err
    # Whatever it had done, the next command sees every still in exactly one piece.
    done = installed.run("piece", "list", "--json", home=big)
    assert done.returncode == 0, done.stderr
    counts = {row["id"]: row["captures"] for row in json.loads(done.stdout)}
    assert counts == {"atelier": 0, "tasse": BIG}
    assert not (big / "pieces" / "atelier" / INTENT).exists()


def test_a_move_shows_its_progress_on_a_terminal(big: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        proc = _start_move(big, stdout=subprocess.PIPE, stderr=follower)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            seen += chunk
        proc.communicate(timeout=120)
    finally:
        os.close(leader)
    assert proc.returncode == 0
    text = seen.decode("utf-8", "replace")
    assert "Moving to “Tasse”" in text and f"/{BIG}" in text, text
    assert text.endswith("\r")  # the status line is cleared before the summary


# ------------------------------------------------------------------ move
def test_move_takes_the_moments_and_the_hidden_state_along(cli, journal, vase) -> None:
    pid, ids = vase
    bol = journal.piece("bol-raku")
    # Bol raku already has a still at the instant of the 7th: it keeps its name.
    journal.add_still(bol.id, jpeg_bytes(value=250), T0 + timedelta(seconds=100))
    journal.add_moment(pid, "note", at=ids[20], caption="Stays")
    assert cli("stills", pid, "hide", "7")[0] == 0
    code, out, err = cli("stills", pid, "move", "5..8", "--to", "Bol raku", "--json")
    assert code == 0, err
    data = json.loads(out)
    # Old id -> new id; the 7th is renamed to the next free name of its instant.
    assert data["moved"] == {ids[4]: ids[4], ids[5]: ids[5], ids[6]: f"{ids[6]}-1",
                             ids[7]: ids[7]}
    assert data["piece"] == {"id": pid, "name": "Vase bleu #3"}
    assert data["to"] == {"id": "bol-raku", "name": "Bol raku"}
    assert data["matched"] == 4 and data["unchanged"] == []
    assert [(m["kind"], m["capture"]) for m in data["moments"]] == [("struggle", ids[5])]
    assert data["cover_cleared"] is None and data["spans_cut"] == []
    after = Journal.open(journal.home)
    src, dst = after.snapshot(pid), after.snapshot("bol-raku")
    assert len(src.captures) == 27 and len(dst.captures) == 5
    assert [m.caption for m in src.moments] == ["Stays"]
    assert [m.caption for m in dst.moments] == ["Fissure"]
    assert [c.id for c in dst.captures if dst.is_hidden(c.id)] == [data["moved"][ids[6]]]
    # The human summary, moving them back.
    code, out, err = cli("stills", "bol-raku", "move", ids[4], ids[5], "--to", pid)
    assert code == 0, err
    assert out.splitlines() == ["Moved 2 stills from “Bol raku” to “Vase bleu #3”.",
                                "Moments that went with them: 1."]


def test_move_to_an_unknown_piece_or_the_same_one_changes_nothing(cli, journal, vase) -> None:
    pid, _ = vase
    before = piece_file(journal, pid)
    code, out, err = cli("stills", pid, "move", "1..5", "--to", "Théière")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "Théière" in err and "piece list" in err
    code, _, err = cli("stills", pid, "move", "1..5", "--to", "Vase bleu #3")
    assert code == 2 and "already" in err
    code, _, err = cli("stills", pid, "move", "1..5")
    assert code == 2 and "--to" in err
    assert piece_file(journal, pid) == before and journal.still_count(pid) == 31


# ------------------------------------------------------------------ cover
def test_cover_set_and_back_to_automatic(cli, journal, vase) -> None:
    pid, ids = vase
    code, out, err = cli("piece", "set", "Vase bleu #3", "--cover", ids[12])
    assert code == 0, err
    assert out.strip() == f"Cover of “Vase bleu #3”: {ids[12]}."
    assert journal.piece(pid).typed_settings.cover == ids[12]
    code, out, err = cli("piece", "set", pid, "--cover", "last", "--craft", "pottery", "--json")
    assert code == 0, err
    assert json.loads(out) == {"piece": {"id": pid, "name": "Vase bleu #3"},
                               "craft": "pottery", "cover": ids[-1]}
    code, out, _ = cli("piece", "set", pid, "--cover", "none")
    assert code == 0 and out.strip() == "The cover of “Vase bleu #3” is chosen automatically again."
    assert journal.piece(pid).typed_settings.cover is None
    # A hidden still may be the cover, but the maker is told the export will not use it.
    assert cli("stills", pid, "hide", "4")[0] == 0
    code, out, err = cli("piece", "set", pid, "--cover", "4")
    assert code == 0 and journal.piece(pid).typed_settings.cover == ids[3]
    assert "hidden" in err and f"stills {pid} show {ids[3]}" in err


def test_a_wrong_cover_changes_nothing(cli, journal, vase) -> None:
    pid, _ = vase
    assert cli("piece", "set", pid, "--cover", "2")[0] == 0
    before = piece_file(journal, pid)
    for ref, says in (("20261123T150000.000Z", "no still"), ("1..4", "matches 4"),
                      ("40", "no still number 40")):
        code, out, err = cli("piece", "set", pid, "--cover", ref, "--craft", "woodworking")
        assert code == 2 and out == "" and says in err and "--cover" in err, err
        assert piece_file(journal, pid) == before  # the craft did not change either
    code, _, err = cli("piece", "set", pid)
    assert code == 2 and "--craft or --cover" in err


# ------------------------------------------------------------------ export
RED, GREY = (30, 30, 220), (128, 128, 128)  # BGR


def _solid(colour) -> bytes:
    ok, buf = cv2.imencode(".jpg", np.full((240, 320, 3), colour, np.uint8))
    assert ok
    return buf.tobytes()


def _reddish(path: Path) -> bool:
    img = cv2.imread(str(path))
    b, g, r = (float(img[..., k].mean()) for k in range(3))
    return r > g + 40


def test_an_export_after_stills_hide_leaves_the_hidden_stills_out(cli, journal, tmp_path) -> None:
    pid = journal.create_piece("Bol").id
    for i in range(40):
        journal.add_still(pid, _solid(RED if 10 <= i < 30 else GREY),
                          T0 + timedelta(seconds=10 * i))
    code, out, err = cli("stills", pid, "hide", "11..30")
    assert code == 0 and "Hid 20 stills" in out, err
    timeline = json.loads(cli("timeline", pid, "--json", "--no-suggestions")[1])
    assert timeline["effort"]["stills"] == 20  # what a reel can show
    code, out, err = cli("export", pid, "--out", str(tmp_path / "out"), "--duration", "3",
                         "--layout", "fit", "--no-end-card", "--no-result-first",
                         "--no-deflicker")
    assert code == 0, err
    frames = sorted((Path(out.strip().splitlines()[-1]) / "frames").glob("*.jpg"))
    assert len(frames) == 90
    assert not [f.name for f in frames if _reddish(f)]
