"""A suggested moment seen before and after (issue 23): choosing it in the list shows the
still before the change beside the suggested one, each with its time, and why it was
suggested; choosing a moment or a still shows one still again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coulisses.i18n import format_datetime
from tests.test_timeline_suggestions import scene, store
from tests.test_ui_timeline import config_dir, open_timeline  # noqa: F401 - the fixture


def _click_row(qtbot, tree, row: int) -> None:
    item = tree.topLevelItem(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())


def _open(qtbot, journal):
    piece, caps = store(journal, "Effondrement", scene("collapse", n=40, collapse_at=20),
                        every=0.5)
    journal.add_moment(piece.id, "result", at=caps[-1].id, caption="Fini")
    window, page = open_timeline(qtbot, journal, piece.id)
    qtbot.waitUntil(lambda: page.side.suggestions.topLevelItemCount() == 1, timeout=30000)
    (suggested,) = page.timeline.suggestions
    return piece, caps, page, suggested


def test_a_suggestion_is_shown_beside_the_still_before_it(qtbot, journal) -> None:
    piece, caps, page, suggested = _open(qtbot, journal)
    still, side = page.still, page.side
    assert still.shown_ids() == (caps[-1].id,) and not still.comparing
    index = [c.id for c in caps].index(suggested.capture)
    assert index > 1

    _click_row(qtbot, side.suggestions, 0)
    assert page.strip.current == index
    assert still.comparing
    assert still.shown_ids() == (caps[index - 1].id, suggested.capture)
    qtbot.waitUntil(still.ready, timeout=5000)  # both read off the GUI thread
    assert not still._before_pixmap.isNull() and not still._pixmap.isNull()
    assert still.caption("before") == \
        f"Before · {format_datetime(caps[index - 1].time, seconds=True)}"
    assert still.caption("after") == f"After · {format_datetime(suggested.time, seconds=True)}"
    # Why, in the same words as the list, under the two stills.
    assert "changed shape here and stayed changed" in still.reason()
    assert still.reason() == side.suggestions.topLevelItem(0).text(1)
    assert not still.grab().isNull()  # painted side by side

    # A refresh (another program's edit) keeps the comparison on show.
    with qtbot.waitSignal(page.loaded, timeout=10000):
        journal.add_moment(piece.id, "fix", at=caps[2].id)
        page.reload_now()
    assert still.shown_ids() == (caps[index - 1].id, suggested.capture)

    # A moment chosen: its still alone.
    moments = side.moments
    row = next(i for i in range(moments.topLevelItemCount())
               if moments.topLevelItem(i).data(1, Qt.ItemDataRole.UserRole + 1) == caps[-1].id)
    _click_row(qtbot, moments, row)
    assert still.shown_ids() == (caps[-1].id,) and not still.comparing
    assert still.reason() == ""

    # The suggestion again (its row still chosen), then a still in the strip.
    _click_row(qtbot, side.suggestions, 0)
    assert still.shown_ids() == (caps[index - 1].id, suggested.capture)
    page.strip.setFocus()
    qtbot.keyClick(page.strip, Qt.Key.Key_Left)
    assert still.shown_ids() == (caps[index - 1].id,) and not still.comparing
    # ...even the suggested still itself, chosen in the strip: one still.
    qtbot.keyClick(page.strip, Qt.Key.Key_Right)
    assert still.shown_ids() == (suggested.capture,)


def test_a_hidden_still_is_not_the_before(qtbot, journal) -> None:
    piece, caps, page, suggested = _open(qtbot, journal)
    index = [c.id for c in caps].index(suggested.capture)
    journal.hide_stills(piece.id, [caps[index - 1].id])
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload_now()
    page.compare_suggestion(suggested.capture)
    assert page.still.shown_ids() == (caps[index - 2].id, suggested.capture)


def test_an_accepted_suggestion_leaves_the_still_alone(qtbot, journal) -> None:
    piece, caps, page, suggested = _open(qtbot, journal)
    page.compare_suggestion(suggested.capture)
    assert page.still.comparing
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.accept_suggestion(suggested.capture)
    qtbot.waitUntil(lambda: page.side.suggestions.topLevelItemCount() == 0, timeout=30000)
    qtbot.waitUntil(lambda: not page.still.comparing, timeout=10000)
    assert page.still.shown_ids() == (suggested.capture,)
