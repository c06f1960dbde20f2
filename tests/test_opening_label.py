"""The reel's opening still is labelled by what it is (issue 21, honest by construction).

"The finished piece" only when the maker flagged a result; a board not finished
yet opens on its latest still, said as such: the maker's own caption on it, else
"Where it stands today". The label is checked in the rendered frame itself (its
pixels against each candidate pill drawn on the bare still), in the carousel's
first slide and in the alt texts the export writes.
"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from coulisses.export import cards, carousel
from coulisses.export.exporter import export_reel, preview_frame
from coulisses.export.piece import plan_for
from coulisses.timeline.plan import RESULT_FIRST, WORK
from tests.test_export_support import SMALL, make_piece

FINISHED, TODAY = "The finished piece", "Where it stands today"


def _bare(plan):
    """The same plan with the opening shot as a plain work shot: the still without a label."""
    first = replace(plan.shots[0], kind=WORK)
    return replace(plan, shots=(first, *plan.shots[1:]))


def _distance(frame: np.ndarray, bare: np.ndarray, text: str, result: bool,
              width: int, box) -> float:
    """Mean difference, over the top of the safe zone, between ``frame`` and the bare still
    with the pill ``text`` drawn on it (0 = that is the label drawn)."""
    expected = bare.copy()
    patch = cards.result_label(width, box, text, result=result)
    patch.blend_into(expected)
    top = slice(box[1], box[1] + 3 * patch.height)
    return float(np.abs(frame[top].astype(int) - expected[top].astype(int)).mean())


def _label_drawn(plan) -> dict[tuple[str, bool], float]:
    frame = preview_frame(plan, 0, SMALL)
    bare = preview_frame(_bare(plan), 0, SMALL)
    assert np.abs(frame.astype(int) - bare.astype(int)).max() > 50  # a label is drawn
    return {(text, result): _distance(frame, bare, text, result, SMALL.width, SMALL.safe_box)
            for text in (FINISHED, TODAY) for result in (True, False)}


@pytest.fixture
def unfinished(journal):
    """Eight stills, a struggle, no result flagged: a board not finished yet."""
    piece, caps = make_piece(journal, n=8)
    journal.add_moment(piece.id, "struggle", at=caps[2].id, caption="Trop d'eau.")
    return piece, caps


def test_a_piece_with_no_result_opens_on_where_it_stands_today(journal, unfinished):
    piece, caps = unfinished
    plan = plan_for(journal.snapshot(piece.id), SMALL, duration=5.0)
    assert plan.shots[0].kind == RESULT_FIRST and plan.shots[0].capture.id == caps[-1].id
    assert cards.opening_label(plan) == TODAY
    seen = _label_drawn(plan)
    best = min(seen, key=seen.get)
    assert best == (TODAY, False), seen  # the words and no result's gold bar
    assert seen[(TODAY, False)] < 0.5 * seen[(FINISHED, True)], seen


def test_a_flagged_result_opens_on_the_finished_piece(journal, unfinished):
    piece, caps = unfinished
    journal.add_moment(piece.id, "result", at=caps[-1].id)
    plan = plan_for(journal.snapshot(piece.id), SMALL, duration=5.0)
    assert cards.opening_label(plan) == FINISHED
    seen = _label_drawn(plan)
    assert min(seen, key=seen.get) == (FINISHED, True), seen


def test_the_makers_own_caption_on_the_latest_still_labels_it(journal, unfinished):
    piece, caps = unfinished
    journal.add_moment(piece.id, "milestone", at=caps[-1].id, caption="Séchage avant cuisson")
    plan = plan_for(journal.snapshot(piece.id), SMALL, duration=6.0)
    assert cards.opening_label(plan) == "Séchage avant cuisson"
    frame = preview_frame(plan, 0, SMALL)
    bare = preview_frame(_bare(plan), 0, SMALL)
    own = _distance(frame, bare, "Séchage avant cuisson", False, SMALL.width, SMALL.safe_box)
    assert own < 0.5 * _distance(frame, bare, FINISHED, True, SMALL.width, SMALL.safe_box)
    # a long caption wraps inside the safe zone instead of running off the frame
    x0, _, x1, _ = SMALL.safe_box
    long = cards.result_label(SMALL.width, SMALL.safe_box, "Séchage lent " * 20, result=False)
    assert x0 <= long.x and long.x + long.width <= x1


def test_the_carousel_and_its_alt_texts_say_the_same(journal, unfinished, tmp_path):
    piece, caps = unfinished
    plan = plan_for(journal.snapshot(piece.id), SMALL, duration=5.0)
    slides = carousel.plan_slides(plan)
    assert slides[0].kind == carousel.FIRST
    alts = [carousel.alt_text(s, plan) for s in slides]
    assert alts[0].startswith("The latest still of Vase bleu #3, on ")
    assert not any(a.startswith(("The finished piece", "Result on")) for a in alts), alts
    # the first slide's pill is the reel's: the same words, no result's gold bar
    _, image, _ = next(carousel.render_slides(plan, width=270, height=338))
    bare = carousel._picture(slides[0], 270, 338, "fill")
    box = carousel.safe_box(270, 338)
    seen = {(t, r): _distance(image, bare, t, r, 270, box) for t in (FINISHED, TODAY)
            for r in (True, False)}
    assert min(seen, key=seen.get) == (TODAY, False), seen
    # no opening shot, no result: the last slide is the latest still, never called a result
    plain = plan_for(journal.snapshot(piece.id), SMALL, duration=5.0, result_first=False)
    last = [s for s in carousel.plan_slides(plain) if s.capture is not None][-1]
    assert last.kind == carousel.LATEST
    assert carousel.alt_text(last, plain).startswith("The latest still of Vase bleu #3")
    # what the export writes: export.json and the post text
    done = export_reel(plan, tmp_path / "out", SMALL, outputs={"carousel", "post"})
    written = json.loads((done.folder / "export.json").read_text("utf-8"))
    assert written["carousel"][0]["alt"].startswith("The latest still of Vase bleu #3")
    assert FINISHED not in done.files["post"].read_text("utf-8")
    # once a result is flagged, it is the finished piece
    journal.add_moment(piece.id, "result", at=caps[-1].id)
    plan = plan_for(journal.snapshot(piece.id), SMALL, duration=5.0)
    first = carousel.plan_slides(plan)[0]
    assert carousel.alt_text(first, plan).startswith("The finished piece, Vase bleu #3, on ")
