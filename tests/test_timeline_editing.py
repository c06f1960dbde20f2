"""Editing moments from the timeline: the API the Qt view calls, and the CLI over it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coulisses.journal import CaptureNotFound, JournalError, MomentNotFound
from coulisses.timeline.editing import MomentEditor
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def piece(journal):
    p = journal.create_piece("Vase bleu #3")
    jpeg = jpeg_bytes()
    caps = [journal.add_still(p.id, jpeg, T0 + timedelta(seconds=10 * i)) for i in range(20)]
    return p, caps


def test_add_recaption_kind_move_span_delete(journal, piece):
    p, caps = piece
    ed = MomentEditor(journal, p.id)
    events = []
    journal.subscribe(events.append)
    m = ed.add("struggle", at=caps[5].id, caption=" Trop\n d'eau ")
    assert m.caption == "Trop d'eau" and m.capture == caps[5].id
    m = ed.recaption(m.id, "Troisième effondrement. Trop d'eau.").after
    assert journal.snapshot(p.id).moments[0].caption == "Troisième effondrement. Trop d'eau."
    assert ed.change_kind(m.id, "fix").after.kind == "fix"
    m = ed.set_span(m.id, caps[8].id).after
    assert m.span_to == caps[8].id
    # Moving keeps the span's length in stills (clipped at the last still).
    m = ed.move(m.id, caps[10].id).after
    assert (m.capture, m.span_to) == (caps[10].id, caps[13].id)
    assert m.time == caps[10].time
    m = ed.move(m.id, caps[18].id).after
    assert (m.capture, m.span_to) == (caps[18].id, caps[19].id)
    assert ed.set_span(m.id, caps[18].id).after.span_to is None  # same still: no span
    with pytest.raises(JournalError):
        ed.set_span(m.id, caps[2].id)  # before its start
    with pytest.raises(CaptureNotFound):
        ed.move(m.id, "20991231T000000.000Z")
    with pytest.raises(JournalError):
        ed.change_kind(m.id, "disaster")
    gone = ed.delete(m.id).before
    assert journal.snapshot(p.id).moments == ()
    back = ed.restore(gone).after
    assert back == gone  # same id, still, caption, span and creation time
    assert journal.snapshot(p.id).moments == (gone,)
    with pytest.raises(MomentNotFound):
        ed.recaption("m-nope", "x")
    assert sum(e.kind == "moment-changed" for e in events) >= 8


def test_moment_command(cli, journal, piece):
    p, caps = piece
    code, out, err = cli("mark", p.id, "struggle", "--at", caps[3].id, "--span-to", "last")
    assert code == 0, err
    mid = out.split()[-1]
    (m,) = journal.snapshot(p.id).moments
    assert m.id == mid and m.span_to == caps[-1].id
    assert cli("moment", p.id, mid, "caption", "Effondrement")[0] == 0
    assert cli("moment", p.id, mid, "kind", "milestone")[0] == 0
    assert cli("moment", p.id, mid, "span", "none")[0] == 0
    assert cli("moment", p.id, mid, "move", caps[7].id)[0] == 0
    (m,) = journal.snapshot(p.id).moments
    assert (m.caption, m.kind, m.span_to, m.capture) == ("Effondrement", "milestone", None,
                                                         caps[7].id)
    code, _, err = cli("moment", p.id, mid, "kind", "oops")
    assert code == 2 and err.count("\n") == 1
    code, _, err = cli("moment", p.id, mid, "span", caps[1].id)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert cli("moment", p.id, mid, "caption")[0] == 2
    assert cli("moment", p.id, "m-unknown", "delete")[0] == 1
    assert cli("moment", p.id, mid, "delete")[0] == 0
    assert journal.snapshot(p.id).moments == ()
