"""Issue 22: a new still costs the window a constant amount of work and memory.

The timeline tab follows a capture by appending (``journal.added``,
``timeline.growing``, ``extend_layout``) instead of rebuilding from a fresh
snapshot per still; the grown timeline and layout must be exactly what a
rebuild gives. The window's rebuilds, layouts and suggestion searches are
counted while hundreds of stills arrive (from this process and from another):
O(1), not O(stills).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import QSize

from coulisses.journal import layout as journal_layout
from coulisses.journal.added import added_since, mark
from coulisses.timeline.build import build_timeline
from coulisses.timeline.growing import Run, grow
from coulisses.ui.timeline.strip_layout import GAP, SESSION, Zoom, build_layout, extend_layout
from tests.test_ui_timeline import T0, fill, open_timeline


def _same_timeline(grown, rebuilt) -> None:
    a, b = grown.snapshot, rebuilt.snapshot
    assert [c.id for c in a.captures] == [c.id for c in b.captures]
    assert [c.path for c in a.captures[-3:]] == [c.path for c in b.captures[-3:]]
    assert len(grown.sessions) == len(rebuilt.sessions)
    for s, r in zip(grown.sessions, rebuilt.sessions, strict=True):
        assert (s.index, s.first, s.last, s.start, s.end, s.stills) == \
            (r.index, r.first, r.last, r.start, r.end, r.stills)
        assert [c.id for c in s.captures] == [c.id for c in r.captures]
        assert s.gaps == r.gaps and [m.id for m in s.moments] == [m.id for m in r.moments]
    ge, re_ = grown.effort.to_json(), rebuilt.effort.to_json()
    assert ge.pop("worked_seconds") == pytest.approx(re_.pop("worked_seconds"))
    assert ge == re_


def _same_layout(grown, rebuilt) -> None:
    for name in ("kinds", "refs", "first", "last", "x", "stills", "still_first", "anchors"):
        assert np.array_equal(getattr(grown, name), getattr(rebuilt, name)), name
    assert (grown.width, grown.gaps, grown.anchored, grown.captures) == \
        (rebuilt.width, rebuilt.gaps, rebuilt.anchored, rebuilt.captures)


@pytest.mark.parametrize("zoom", list(Zoom))
def test_a_grown_timeline_and_layout_are_what_a_rebuild_gives(journal, zoom) -> None:
    p = journal.create_piece("Saladier")
    first = fill(journal, p.id, T0, 30)
    journal.add_moment(p.id, "struggle", at=first[4], caption="Fissure")
    journal.add_moment(p.id, "note", at=T0 + timedelta(seconds=95))  # tied to a time
    # The camera was lost after the last still; the stills after it come later.
    journal.record_gap(p.id, T0 + timedelta(seconds=295), T0 + timedelta(seconds=330), "lost")
    at = mark(journal, p.id)
    timeline = build_timeline(journal.snapshot(p.id), suggestions=False)
    lay = build_layout(timeline, zoom)
    batches = [  # (start, count, seconds apart)
        (T0 + timedelta(seconds=340), 12, 10.0),  # after the gap, same session
        (T0 + timedelta(seconds=470), 50, 0.4),  # many a minute
        (T0 + timedelta(hours=3), 7, 20.0),  # after a pause: a new session
        (T0 + timedelta(hours=3, minutes=40), 1, 1.0),  # another, one still
        (T0 + timedelta(hours=3, minutes=41), 25, 7.0),
    ]
    for start, n, every in batches:
        fill(journal, p.id, start, n, every=every)
        got = added_since(journal, p.id, at)
        assert got is not None
        added, at = got
        assert len(added) == n
        grown = grow(timeline, added)
        assert grown is not None and grown is not timeline
        assert isinstance(grown.snapshot.captures, Run)  # appended, not copied
        lay = extend_layout(lay, grown)
        rebuilt = build_timeline(journal.snapshot(p.id), suggestions=False)
        _same_timeline(grown, rebuilt)
        _same_layout(lay, build_layout(rebuilt, zoom))
        timeline = grown
    kinds = lay.kinds.tolist()
    assert kinds.count(SESSION) == 3
    assert kinds.count(GAP) == (0 if zoom == Zoom.SESSION else 1)
    assert grow(timeline, added) is timeline  # stills it has already: nothing to do


def test_a_still_in_the_past_or_a_moment_it_reaches_asks_for_a_rebuild(journal) -> None:
    p = journal.create_piece("Bol")
    fill(journal, p.id, T0, 10)
    at = mark(journal, p.id)
    timeline = build_timeline(journal.snapshot(p.id), suggestions=False)
    fill(journal, p.id, T0 - timedelta(hours=1), 1)  # a photo imported into the past
    added, at = added_since(journal, p.id, at)
    assert grow(timeline, added) is None
    # A moment flagged before the piece had a still keeps its time alone: it is tied to
    # the last still at or before it, which the new stills may be.
    q = journal.create_piece("Assiette")
    journal.add_moment(q.id, "note")  # now, after every still below
    fill(journal, q.id, T0, 10)
    at = mark(journal, q.id)
    timeline = build_timeline(journal.snapshot(q.id), suggestions=False)
    fill(journal, q.id, T0 + timedelta(minutes=4), 3, every=60)
    added, at = added_since(journal, q.id, at)
    assert grow(timeline, added) is None


def test_added_since_reads_only_new_stills_and_refuses_any_other_change(journal) -> None:
    p = journal.create_piece("Tasse")
    other = journal.create_piece("Soucoupe")
    ids = fill(journal, p.id, T0, 5)
    at = mark(journal, p.id)
    assert added_since(journal, p.id, at) == ([], at)
    new = fill(journal, p.id, T0 + timedelta(minutes=1), 3)
    added, at2 = added_since(journal, p.id, at)
    assert [c.id for c in added] == new
    assert added[0].path.is_file() and added[0].folder is added[1].folder  # one per day
    # A line being written is read once it is whole.
    log = journal_layout.added_log(journal.piece_folder(p.id))
    with open(log, "ab") as fh:
        fh.write(b"20261123T090500.000")
    assert added_since(journal, p.id, at2) == ([], at2)
    journal.add_moment(p.id, "note", at=ids[0])  # piece.json rewritten
    assert added_since(journal, p.id, at2) is None
    at3 = mark(journal, p.id)
    journal.move_stills(p.id, ids[:2], other.id)  # stills left: a "moved" line
    assert added_since(journal, p.id, at3) is None
    at4 = mark(journal, other.id)
    fill(journal, other.id, T0 + timedelta(hours=2), 2)
    assert len(added_since(journal, other.id, at4)[0]) == 2
    assert added_since(journal, other.id, at4, limit=1) is None  # too many: rescan


def test_the_thumbnail_cache_holds_a_byte_budget(qtbot, journal) -> None:
    from coulisses.ui.timeline.thumbs import ThumbnailCache

    p = journal.create_piece("Vase")
    fill(journal, p.id, T0, 40)
    caps = journal.snapshot(p.id).captures
    cache = ThumbnailCache(QSize(104, 78), limit_bytes=10 * 104 * 78 * 4)
    for k in range(0, 40, 8):  # the strip scrolling on as stills arrive
        with qtbot.waitSignal(cache.loaded, timeout=10000):
            cache.request(caps[k:k + 8])
        qtbot.waitUntil(lambda k=k: cache.pixmap(caps[k + 7]) is not None, timeout=10000)
    assert 0 < cache.bytes <= cache.limit_bytes
    assert len(cache) < 20 and cache.pixmap(caps[39]) is not None  # the newest kept
    assert cache.pixmap(caps[0]) is None


class Counts:
    """How often the page rebuilds from a fresh snapshot, lays out the whole strip and
    starts a suggestion search."""

    def __init__(self, monkeypatch, page) -> None:
        from coulisses.ui.timeline import page as page_module
        from coulisses.ui.timeline import strip_view

        self.loads = self.layouts = self.searches = 0

        def counted(owner, name, attr):
            real = getattr(owner, name)

            def wrapper(*args, **kwargs):
                setattr(self, attr, getattr(self, attr) + 1)
                return real(*args, **kwargs)

            monkeypatch.setattr(owner, name, wrapper)

        counted(page._loads, "start", "loads")
        counted(page._suggestions, "start", "searches")
        counted(page_module, "build_layout", "layouts")
        counted(strip_view, "build_layout", "layouts")


def _shows(page, capture_id: str) -> bool:
    tl = page.timeline
    return tl is not None and len(tl.snapshot.captures) > 0 and \
        tl.snapshot.captures[-1].id == capture_id


def test_stills_arriving_cost_no_rebuild_and_never_move_the_view(qtbot, journal,
                                                                 monkeypatch) -> None:
    p = journal.create_piece("Jarre")
    ids = fill(journal, p.id, T0, 50)
    moment = journal.add_moment(p.id, "struggle", at=ids[10])
    window, page = open_timeline(qtbot, journal, p.id)
    counts = Counts(monkeypatch, page)
    strip = page.strip
    bar = strip.horizontalScrollBar()
    assert bar.value() == bar.maximum()  # follows the newest still
    start = T0 + timedelta(minutes=10)
    for burst in range(25):  # 500 stills, as a capture at 5 stills/s brings them
        new = fill(journal, p.id, start + timedelta(seconds=4 * burst), 20, every=0.2)
        qtbot.waitUntil(lambda n=new[-1]: _shows(page, n), timeout=10000)
        assert bar.value() == bar.maximum()
    assert len(page.timeline.snapshot.captures) == 550
    assert len(strip.layout_) == 550 + 1 and strip.layout_.captures == 550
    assert counts.loads == 0 and counts.layouts == 0
    assert counts.searches <= 1  # at most one a minute while stills arrive

    # Looking back at an older still: new stills neither move the view nor the selection,
    # and a caption being typed stays open.
    strip.set_current(20)
    bar.setValue(0)
    page.side.edit_caption(moment.id)
    editing = page.side.moments.State.EditingState
    qtbot.waitUntil(lambda: page.side.moments.state() == editing, timeout=5000)
    new = fill(journal, p.id, start + timedelta(minutes=5), 20, every=0.2)
    qtbot.waitUntil(lambda: _shows(page, new[-1]), timeout=10000)
    assert bar.value() == 0 and strip.current == 20 and page.still.capture.id == ids[20]
    assert page.side.moments.state() == editing
    assert counts.loads == 0


def test_another_process_capturing_costs_no_rebuild(qtbot, journal, monkeypatch) -> None:
    p = journal.create_piece("Pichet")
    fill(journal, p.id, T0, 20)
    window, page = open_timeline(qtbot, journal, p.id)
    counts = Counts(monkeypatch, page)
    script = textwrap.dedent(f"""
        import sys
        from datetime import timedelta
        from coulisses.journal import Journal
        from tests.test_ui_timeline import T0, fill
        journal = Journal.open({str(journal.home)!r})
        for burst in range(int(sys.argv[1])):
            fill(journal, {p.id!r}, T0 + timedelta(minutes=5 + burst), 50, every=1.0)
            print(burst, flush=True)
            sys.stdin.readline()  # the window has shown them
    """)
    feeder = subprocess.Popen([sys.executable, "-c", script, "4"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=str(_repo()))
    try:
        for burst in range(4):
            assert feeder.stdout.readline().strip() == str(burst)
            qtbot.waitUntil(lambda b=burst: len(page.timeline.snapshot.captures)
                            == 20 + 50 * (b + 1), timeout=15000)
            feeder.stdin.write("\n")
            feeder.stdin.flush()
    finally:
        feeder.stdin.close()
        assert feeder.wait(30) == 0
    assert counts.loads == 0 and counts.layouts == 0 and counts.searches <= 1
    (session,) = page.timeline.sessions  # one sitting, grown still by still
    assert session.stills == page.timeline.effort.stills == 220


def _repo():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent


def test_the_poll_notices_another_program_without_listing_a_day(qtbot, journal,
                                                                 monkeypatch) -> None:
    from coulisses.journal import Journal, stills
    from coulisses.ui.bridges import JournalBridge

    p = journal.create_piece("Cruche")
    fill(journal, p.id, T0, 30)
    bridge = JournalBridge(journal)
    bridge.watch(p.id)
    listed = []
    real = stills._still_names
    monkeypatch.setattr(stills, "_still_names", lambda folder: (listed.append(folder),
                                                               real(folder))[1])
    elsewhere = Journal.open(journal.home)  # another program: no event reaches us
    fill(elsewhere, p.id, T0 + timedelta(minutes=10), 1)
    with qtbot.waitSignal(bridge.changed, timeout=5000) as signal:
        bridge.poll()
    assert signal.args == [p.id, "external"]
    with qtbot.assertNotEmitted(bridge.changed):
        bridge.poll()  # nothing new
    assert listed == []  # a few stats, whatever the day's size
    elsewhere.add_moment(p.id, "note")  # (which lists the day, to find the newest still)
    with qtbot.waitSignal(bridge.changed, timeout=5000):
        bridge.poll()
    bridge.close()


def test_the_pieces_list_counts_new_stills_without_listing_the_day(journal, monkeypatch) -> None:
    from coulisses.journal import Journal
    from coulisses.ui.pieces.summaries import load_summaries

    p = journal.create_piece("Gobelet")
    other = journal.create_piece("Coupe")
    ids = fill(journal, p.id, T0, 30)
    listings = []
    for name in ("latest_capture", "still_count"):
        real = getattr(Journal, name)
        monkeypatch.setattr(Journal, name, lambda self, pid, _r=real, _n=name:
                            (pid == p.id and listings.append(_n), _r(self, pid))[1])

    def summary():
        return next(s for s in load_summaries(journal) if s.piece.id == p.id)

    assert summary().stills == 30 and listings
    listings.clear()
    new = fill(journal, p.id, T0 + timedelta(minutes=10), 12)
    s = summary()
    assert (s.stills, s.latest.id) == (42, new[-1]) and not s.thumbnail.isNull()
    assert summary().stills == 42
    assert listings == []  # read from the stills added, not from the day's folder

    fill(journal, p.id, T0 - timedelta(days=1), 1)  # a photo of the past: listed again
    assert summary().stills == 43 and listings
    journal.move_stills(p.id, ids[:5], other.id)
    assert summary().stills == 38


def test_suggestions_of_a_grown_timeline_are_a_rebuilt_ones(journal, monkeypatch) -> None:
    from coulisses.timeline import suggestions
    from tests.test_timeline_suggestions import encode_still, scene

    monkeypatch.setattr(suggestions, "SEGMENT", 60)  # several segments, a live one
    frames = scene("collapse", n=150, collapse_at=100)
    p = journal.create_piece("Effondrement")

    def add(lo: int, hi: int) -> None:
        for i in range(lo, hi):
            still, thumb = encode_still(frames[i])
            journal.add_still(p.id, still, T0 + timedelta(seconds=2 * i), thumbnail=thumb)

    add(0, 40)
    at = mark(journal, p.id)
    timeline = build_timeline(journal.snapshot(p.id), suggestions=False)
    for lo, hi in ((40, 90), (90, 150)):
        add(lo, hi)
        added, at = added_since(journal, p.id, at)
        timeline = grow(timeline, added)
        suggestions.clear_memo()
        rebuilt = suggestions.find_suggestions(journal.snapshot(p.id), use_cache=False)
        for _ in range(2):  # the second time from what the first remembered
            grown = suggestions.find_suggestions(timeline.snapshot, timeline.sessions)
            assert [(s.capture, s.score) for s in grown] == \
                [(s.capture, s.score) for s in rebuilt]
    assert grown and abs(timeline.snapshot.index_of(grown[0].capture) - 100) <= 2


def test_a_run_grows_in_place_and_copies_when_it_branches() -> None:
    from datetime import UTC, datetime
    from pathlib import Path

    from coulisses.journal.model import Capture

    caps = [Capture(f"20261123T0900{i:02d}.000Z", datetime(2026, 11, 23, 9, 0, i, tzinfo=UTC),
                    Path("/j")) for i in range(6)]
    a = Run(caps[:3])
    b = a.extended(caps[3:5])
    assert b._store is a._store and len(a) == 3 and list(b) == caps[:5]
    assert a[-1] == caps[2] and a[0:2] == tuple(caps[:2]) and a == tuple(caps[:3])
    assert a[1].folder == caps[1].folder and a[1].time == caps[1].time
    assert a[0].folder is a[2].folder  # one Path per day folder
    c = a.extended(caps[5:])  # a branch from the older run: its own store
    assert c._store is not a._store and list(c) == [*caps[:3], caps[5]] and list(b) == caps[:5]
    w = b.window(1, 4)
    assert list(w) == caps[1:4] and w[-1] == caps[3] and len(w) == 3
    with pytest.raises(IndexError):
        w[3]
    assert b.ids_hash(0, 3) == hash(tuple(c.id for c in caps[:3])) == b.ids_hash(0, 3)
