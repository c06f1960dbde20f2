"""Undo and redo in the window (issue 22): every edit, from what the journal returned.

Undo and redo of each command go through the window's own actions and keys; the
stale-snapshot cases change the journal behind the window's back with the real
``coulisses`` command, or edit twice before the page reloads (150 ms). Long edits
run on a piece of 10,000 stills with the event loop watched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from coulisses.journal import Journal, stills
from coulisses.journal.codec import encode_still
from tests.installed import clean_env, run
from tests.test_ui_timeline import T0, fill, open_timeline

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def caption(journal: Journal, piece_id: str, moment_id: str) -> str:
    return journal.moment(piece_id, moment_id).caption


def struggle_of(journal: Journal, piece_id: str):
    return next(m for m in journal.snapshot(piece_id).moments if m.kind == "struggle")


@pytest.fixture
def piece(journal):
    """Two sessions of twenty stills, a captioned struggle and a result (as the timeline
    tests have it)."""
    p = journal.create_piece("Vase bleu")
    first = fill(journal, p.id, T0, 20)
    second = fill(journal, p.id, T0 + timedelta(hours=4), 20)
    journal.add_moment(p.id, "struggle", at=first[5], caption="Le col s'affaisse")
    journal.add_moment(p.id, "result", at=second[-1])
    return p, first, second


def undo(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)


# ------------------------------------------------------- the stale-snapshot cases
def test_two_caption_edits_within_one_reload_are_undone_one_at_a_time(qtbot, journal,
                                                                     piece) -> None:
    p, _first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    m = struggle_of(journal, p.id)
    page.recaption(m.id, "Le col penche")
    page.recaption(m.id, "Le col tombe")  # before the page reloaded
    assert page.timeline.moment(m.id).caption == "Le col s'affaisse"  # a reload behind
    window.undo_action.trigger()
    assert caption(journal, p.id, m.id) == "Le col penche"
    window.undo_action.trigger()
    assert caption(journal, p.id, m.id) == "Le col s'affaisse"
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert caption(journal, p.id, m.id) == "Le col tombe"


def test_a_caption_changed_from_the_command_line_survives_the_windows_undo(qtbot, journal,
                                                                        piece, home) -> None:
    p, _first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    m = struggle_of(journal, p.id)
    page.recaption(m.id, "Le col penche")
    done = run("moment", p.id, m.id, "caption", "Fendu au séchage", home=home)
    assert done.returncode == 0, done.stderr
    window.undo_action.trigger()
    assert caption(journal, p.id, m.id) == "Fendu au séchage"  # not lost
    said = window.banner.messages[-1]
    assert said == ("“Edit caption” could not be undone: this moment was changed elsewhere "
                    "meanwhile. It was left as it is.")
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_undoing_a_hide_never_shows_a_still_hidden_elsewhere(qtbot, journal, piece,
                                                            home) -> None:
    p, first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    page.strip.set_current(2)
    page.strip.set_current(4, extend=True)
    done = run("stills", p.id, "hide", first[3], home=home)  # a private still, hidden
    assert done.returncode == 0, done.stderr
    assert not page.is_hidden(first[3])  # the page has not seen it yet
    page.toggle_hidden()
    hidden = lambda: [journal.snapshot(p.id).is_hidden(i) for i in first[2:5]]  # noqa: E731
    assert hidden() == [True, True, True]
    window.undo_action.trigger()
    assert hidden() == [False, True, False]  # the one hidden elsewhere stays hidden
    window.redo_action.trigger()
    assert hidden() == [True, True, True]
    window.undo_action.trigger()
    assert hidden() == [False, True, False]


def test_each_piece_has_its_own_history_and_the_edit_menu_names_it(qtbot, journal,
                                                                  piece) -> None:
    p, first, _second = piece
    bowl = journal.create_piece("Bol")
    fill(journal, bowl.id, T0, 3)
    window, page = open_timeline(qtbot, journal, p.id)
    page.dismiss_suggestion(first[7])
    assert first[7] in journal.snapshot(p.id).dismissed
    window.pieces.select(bowl.id)
    qtbot.waitUntil(lambda: page.piece_id == bowl.id, timeout=5000)
    undo(qtbot, window)  # the bowl has no edit to undo
    assert first[7] in journal.snapshot(p.id).dismissed
    assert not window.undo_action.isEnabled()
    assert window.edit_menu.actions()[0].text() == "Edits to “Bol”"
    window.pieces.select(p.id)
    qtbot.waitUntil(lambda: page.piece_id == p.id, timeout=5000)
    assert window.edit_menu.actions()[0].text() == "Edits to “Vase bleu”"
    assert window.undo_action.text() == "&Undo Dismiss suggestion"
    undo(qtbot, window)
    assert first[7] not in journal.snapshot(p.id).dismissed
    redo(qtbot, window)
    assert first[7] in journal.snapshot(p.id).dismissed


# ---------------------------------------------------- every command, undo and redo
def _moments(journal, pid):
    return tuple(sorted((m.id, m.kind, m.capture, m.span_to, m.caption)
                        for m in journal.snapshot(pid).moments))


def _flag(page, ctx):
    page.strip.set_current(10)
    page.strip.set_current(12, extend=True)
    page.flag_selection("fix")


def _hidden_before(page, ctx):
    journal, pid, first = ctx["journal"], ctx["pid"], ctx["first"]
    journal.hide_stills(pid, first[1:5])
    ctx["qtbot"].waitUntil(lambda: page.is_hidden(first[2]), timeout=5000)


def _select(page, first: int, last: int | None = None) -> None:
    page.strip.set_current(first)
    if last is not None:
        page.strip.set_current(last, extend=True)


def _piece_focus(page, ctx):
    page.focus_for_piece.setChecked(True)
    page.set_focus(0.2, 0.8)


EDITS = {
    # name: (undo text, the edit, what it changes read from the journal)
    "flag": ("Flag fix", _flag, lambda c: _moments(c["journal"], c["pid"])),
    "caption": ("Edit caption", lambda page, c: page.recaption(c["struggle"].id, "Penché"),
                lambda c: _moments(c["journal"], c["pid"])),
    "kind": ("Change kind to fix", lambda page, c: page.change_kind(c["struggle"].id, "fix"),
             lambda c: _moments(c["journal"], c["pid"])),
    "move moment": ("Move moment",
                    lambda page, c: (_select(page, 8), page.move_moment_here(c["struggle"].id)),
                    lambda c: _moments(c["journal"], c["pid"])),
    "delete": ("Delete moment", lambda page, c: page.delete_moment(c["struggle"].id),
               lambda c: _moments(c["journal"], c["pid"])),
    "accept": ("Accept suggestion", lambda page, c: page.accept_suggestion(c["first"][15]),
               lambda c: _moments(c["journal"], c["pid"])),
    "dismiss": ("Dismiss suggestion", lambda page, c: page.dismiss_suggestion(c["first"][7]),
                lambda c: c["journal"].snapshot(c["pid"]).dismissed),
    "hide": ("Hide stills", lambda page, c: (_select(page, 2, 4), page.toggle_hidden()),
             lambda c: c["journal"].hidden(c["pid"])),
    "show": ("Show stills", lambda page, c: (_select(page, 2, 4), page.toggle_hidden()),
             lambda c: c["journal"].hidden(c["pid"])),
    "cover": ("Set cover", lambda page, c: (_select(page, 3), page.set_cover()),
              lambda c: c["journal"].snapshot(c["pid"]).settings.cover),
    "piece focus": ("Set the piece's focus point", _piece_focus,
                    lambda c: c["journal"].snapshot(c["pid"]).settings.focus),
    "still focus": ("Set this still's focus point",
                    lambda page, c: (_select(page, 3), page.set_focus(0.7, 0.3)),
                    lambda c: c["journal"].snapshot(c["pid"]).still_settings(
                        c["first"][3]).focus),
    "move to piece": ("Move 4 stills to another piece",
                      lambda page, c: page.move_to_piece(c["first"][:4], c["bowl"]),
                      lambda c: ([x.id for x in c["journal"].captures(c["pid"])[0]],
                                 [x.id for x in c["journal"].captures(c["bowl"])[0]],
                                 _moments(c["journal"], c["bowl"]))),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_every_edit_undoes_and_redoes(qtbot, journal, piece, name) -> None:
    p, first, _second = piece
    bowl = journal.create_piece("Bol")
    text, edit, state = EDITS[name]
    window, page = open_timeline(qtbot, journal, p.id)
    if name == "move to piece":  # a moment goes along with its still
        journal.add_moment(p.id, "milestone", at=first[1], caption="Tourné")
    ctx = {"journal": journal, "pid": p.id, "first": first, "bowl": bowl.id, "qtbot": qtbot,
           "struggle": struggle_of(journal, p.id)}
    if name == "show":  # stills 1 to 4 hidden; 2 to 4 shown again
        _hidden_before(page, ctx)
    before = state(ctx)
    edit(page, ctx)
    after = state(ctx)
    assert after != before
    assert window.undo_action.text() == f"&Undo {text}"
    undo(qtbot, window)
    assert state(ctx) == before
    assert window.redo_action.text() == f"&Redo {text}"
    redo(qtbot, window)
    assert state(ctx) == after  # the same ids: a moment comes back as it was
    undo(qtbot, window)
    assert state(ctx) == before
    assert not [m for m in window.banner.messages if "could not" in m]


def test_a_redo_refused_after_a_change_elsewhere_says_so(qtbot, journal, piece, home) -> None:
    p, _first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    m = struggle_of(journal, p.id)
    page.recaption(m.id, "Le col penche")
    undo(qtbot, window)
    done = run("moment", p.id, m.id, "caption", "Fendu", home=home)
    assert done.returncode == 0, done.stderr
    redo(qtbot, window)
    assert caption(journal, p.id, m.id) == "Fendu"
    assert window.banner.messages[-1] == ("“Edit caption” could not be redone: this moment was "
                                          "changed elsewhere meanwhile. It was left as it is.")
    assert not window.redo_action.isEnabled()


def test_undo_of_a_moment_deleted_elsewhere_says_so(qtbot, journal, piece, home) -> None:
    p, _first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    m = struggle_of(journal, p.id)
    page.change_kind(m.id, "fix")
    done = run("moment", p.id, m.id, "delete", home=home)
    assert done.returncode == 0, done.stderr
    undo(qtbot, window)
    assert "the moment was deleted elsewhere meanwhile" in window.banner.messages[-1]
    assert all(x.id != m.id for x in journal.snapshot(p.id).moments)  # not brought back


def test_a_redo_of_delete_never_deletes_a_moment_changed_elsewhere(qtbot, journal, piece,
                                                                   home) -> None:
    p, _first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    m = struggle_of(journal, p.id)
    page.delete_moment(m.id)
    undo(qtbot, window)  # back with its id
    done = run("moment", p.id, m.id, "caption", "Recollé à la barbotine", home=home)
    assert done.returncode == 0, done.stderr
    redo(qtbot, window)
    assert caption(journal, p.id, m.id) == "Recollé à la barbotine"  # still there
    assert window.banner.messages[-1] == ("“Delete moment” could not be redone: this moment "
                                          "was changed elsewhere meanwhile. It was left as it "
                                          "is.")


# ---------------------------------------------------------------- the bench's flags
def test_flags_and_captions_from_the_bench_are_undone_and_redone(qtbot, journal) -> None:
    from tests.test_ui_bench import make_window

    vase = journal.create_piece("Vase")
    last = fill(journal, vase.id, T0, 3)[-1]
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == vase.id, timeout=5000)
    moments = lambda: [(m.kind, m.capture, m.caption)  # noqa: E731
                       for m in journal.snapshot(vase.id).moments]
    qtbot.keyClick(window, Qt.Key.Key_F8)
    (flagged,) = journal.snapshot(vase.id).moments
    prompt = window.caption_prompt
    qtbot.keyClicks(prompt.edit, "Trop d'eau")
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Return)
    assert moments() == [("struggle", last, "Trop d'eau")]
    assert window.undo_action.text() == "&Undo Edit caption"
    undo(qtbot, window)
    assert moments() == [("struggle", last, "")]
    assert window.undo_action.text() == "&Undo Flag struggle"
    undo(qtbot, window)
    assert moments() == []
    redo(qtbot, window)
    assert [m.id for m in journal.snapshot(vase.id).moments] == [flagged.id]
    redo(qtbot, window)
    assert moments() == [("struggle", last, "Trop d'eau")]
    for key, kind in ((Qt.Key.Key_F9, "fix"), (Qt.Key.Key_F10, "milestone"),
                      (Qt.Key.Key_F11, "result")):
        qtbot.keyClick(window, key)
        qtbot.keyClick(prompt.edit, Qt.Key.Key_Escape)
        assert window.undo_action.text() == f"&Undo Flag {kind}"
    for _ in range(3):
        undo(qtbot, window)
    assert moments() == [("struggle", last, "Trop d'eau")]


def test_undoing_a_flag_keeps_a_moment_captioned_elsewhere(qtbot, journal, home) -> None:
    from tests.test_ui_bench import make_window

    vase = journal.create_piece("Vase")
    fill(journal, vase.id, T0, 3)
    window = make_window(qtbot, journal)
    qtbot.waitUntil(lambda: window.pieces.current_piece_id == vase.id, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.keyClick(window.caption_prompt.edit, Qt.Key.Key_Escape)
    (m,) = journal.snapshot(vase.id).moments
    done = run("moment", vase.id, m.id, "caption", "Écrit au terminal", home=home)
    assert done.returncode == 0, done.stderr
    undo(qtbot, window)
    assert [x.caption for x in journal.snapshot(vase.id).moments] == ["Écrit au terminal"]
    assert "“Flag struggle” could not be undone" in window.banner.messages[-1]


# ----------------------------------------------------------- Ctrl+Shift+Z on Linux
_XCB_WINDOW = textwrap.dedent("""
    import json, sys
    from datetime import UTC, datetime, timedelta
    import numpy as np
    from PySide6.QtCore import Qt, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from coulisses.journal import Journal
    from coulisses.journal.codec import encode_still
    from coulisses.preferences import Preferences
    from coulisses.ui.language import apply_language
    from coulisses.ui.main_window import MainWindow

    warnings = []
    qInstallMessageHandler(lambda _kind, _ctx, text: warnings.append(text))
    app = QApplication([])
    apply_language(app, "en")
    journal = Journal.open(sys.argv[1])
    piece = journal.create_piece("Vase")
    jpeg, thumb = encode_still(np.full((36, 64, 3), 90, np.uint8))
    t0 = datetime(2026, 11, 23, 9, tzinfo=UTC)
    ids = [journal.add_still(piece.id, jpeg, t0 + timedelta(seconds=i), thumbnail=thumb).id
           for i in range(3)]
    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    window.pieces.select(piece.id)
    for _ in range(1000):
        if window.timeline.timeline is not None:
            break
        QTest.qWait(10)
    window.timeline.strip.set_current(1)
    window.timeline.set_cover()
    covers = [journal.piece(piece.id).settings.get("cover")]
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    covers.append(journal.piece(piece.id).settings.get("cover"))
    QTest.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    covers.append(journal.piece(piece.id).settings.get("cover"))
    print(json.dumps({"ids": ids, "covers": covers, "warnings": warnings}))
    window._shutdown(ask=False)
""")


@pytest.mark.skipif(sys.platform != "linux" or not shutil.which("Xvfb"),
                    reason="needs Linux and Xvfb (the xcb platform's own key bindings)")
def test_ctrl_shift_z_redoes_on_linux(tmp_path) -> None:
    """On X11 the platform's Redo key is Ctrl+Shift+Z itself: given twice, Qt said
    "Ambiguous shortcut overload" and redid nothing."""
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        display = xvfb.stdout.readline().decode().strip()  # type: ignore[union-attr]
        assert display, "Xvfb did not start"
        env = clean_env(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", HOME=str(tmp_path),
                        COULISSES_LANG="en")
        env.pop("WAYLAND_DISPLAY", None)
        done = subprocess.run([sys.executable, "-c", _XCB_WINDOW, str(tmp_path / "journal")],
                              env=env, capture_output=True, text=True, timeout=120)
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["covers"] == [out["ids"][1], None, out["ids"][1]]
    assert not [w for w in out["warnings"] if "Ambiguous" in w]


def test_no_key_of_the_window_is_given_twice(qtbot, journal) -> None:
    from tests.test_ui_bench import make_window

    window = make_window(qtbot, journal)
    seen: dict[str, str] = {}
    for action in window.findChildren(type(window.undo_action)):
        for key in action.shortcuts():
            name = key.toString()
            assert name not in seen, f"{name} is {seen[name]}'s and {action.objectName()}'s"
            seen[name] = action.objectName()
    assert "Ctrl+Shift+Z" in seen and seen["Ctrl+Shift+Z"] == "action_redo"


# ------------------------------------------------------------------- long edits
def many_stills(journal: Journal, piece_id: str, n: int) -> list[str]:
    """``n`` stills five seconds apart; one real JPEG hard-linked under each name, so a
    10,000-still piece takes a second to make (add_still fsyncs each: minutes)."""
    folder = journal.piece_folder(piece_id)
    jpeg, thumb = encode_still(np.full((36, 64, 3), 100, np.uint8))
    first = journal.add_still(piece_id, jpeg, T0, thumbnail=thumb)
    source = stills.still_path(folder, first.id)
    ids = [first.id]
    for i in range(1, n):
        cid = stills.capture_id(T0 + timedelta(seconds=5 * i))
        path = stills.still_path(folder, cid)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, path)
        ids.append(str(cid))
    return ids


class Stalls:
    """The longest the event loop went without turning, from a 10 ms timer."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.timer.start()

    def longest(self, since: float, until: float) -> float:
        ticks = [since, *(t for t in self.ticks if since < t < until), until]
        return max(b - a for a, b in zip(ticks, ticks[1:], strict=False))


def test_hiding_ten_thousand_stills_keeps_the_window_responsive(qtbot, journal) -> None:
    big = journal.create_piece("Grand plat")
    ids = many_stills(journal, big.id, 10_000)
    window, page = open_timeline(qtbot, journal, big.id)
    _select(page, 0, len(ids) - 1)
    stalls = Stalls()
    qtbot.wait(50)

    def step(action, ready) -> float:
        """The longest stall from the click until the edit is done (``ready`` enabled:
        watched without touching the journal, whose lock the edit holds)."""
        start = time.monotonic()
        action()
        qtbot.waitUntil(ready.isEnabled, timeout=60_000)
        return stalls.longest(start, time.monotonic())

    hidden = lambda: [i in journal.hidden(big.id) for i in (ids[0], ids[5_000], ids[-1])]  # noqa: E731
    worst = step(page.toggle_hidden, window.undo_action)
    assert hidden() == [True, True, True] and len(journal.hidden(big.id).ranges) == 1
    worst = max(worst, step(window.undo_action.trigger, window.redo_action))
    assert hidden() == [False, False, False]
    worst = max(worst, step(window.redo_action.trigger, window.undo_action))
    assert hidden() == [True, True, True]
    assert worst < 0.5, f"the window froze for {worst:.2f} s"
    assert window.undo_action.text() == "&Undo Hide stills"


def test_moving_thousands_of_stills_runs_off_the_gui_thread(qtbot, journal) -> None:
    big = journal.create_piece("Grand plat")
    bowl = journal.create_piece("Bol")
    ids = many_stills(journal, big.id, 3_000)
    window, page = open_timeline(qtbot, journal, big.id)
    stalls = Stalls()
    qtbot.wait(50)
    start = time.monotonic()
    assert page.move_to_piece(ids[:2_000], bowl.id)
    said, undo_at_once = window.statusBar().currentMessage(), window.undo_action.isEnabled()
    qtbot.waitUntil(window.undo_action.isEnabled, timeout=120_000)
    worst = stalls.longest(start, time.monotonic())
    assert worst < 0.5, f"the window froze for {worst:.2f} s"
    assert journal.still_count(bowl.id) == 2_000
    assert said == "Move 2000 stills to another piece…"  # in the status bar meanwhile
    assert not undo_at_once  # Ctrl+Z waits for the move
    assert window.statusBar().currentMessage() == ""
    undo(qtbot, window)
    qtbot.waitUntil(window.redo_action.isEnabled, timeout=120_000)
    assert [c.id for c in journal.captures(big.id)[0]] == ids
    redo(qtbot, window)
    qtbot.waitUntil(window.undo_action.isEnabled, timeout=120_000)
    assert journal.still_count(bowl.id) == 2_000 and journal.still_count(big.id) == 1_000


def test_an_edit_made_while_a_long_one_runs_waits_its_turn(qtbot, journal, piece) -> None:
    """The piece's lock is held by the long edit: a caption typed meanwhile runs after it
    on the pool, never blocking the window on that lock, and lands in the history after it."""
    p, first, _second = piece
    window, page = open_timeline(qtbot, journal, p.id)
    from coulisses.ui.timeline import commands

    m = struggle_of(journal, p.id)
    long_hide = commands.HideStills("Hide stills", journal, p.id, first[:3], True)
    long_hide.long = True
    window.edits.perform(long_hide)
    page.recaption(m.id, "Pendant")
    qtbot.waitUntil(lambda: not window.edits.running, timeout=10_000)
    assert caption(journal, p.id, m.id) == "Pendant"
    assert window.undo_action.text() == "&Undo Edit caption"
    undo(qtbot, window)
    assert caption(journal, p.id, m.id) == "Le col s'affaisse"
    assert window.undo_action.text() == "&Undo Hide stills"
    with qtbot.waitSignal(window.edits.settled, timeout=10_000):
        undo(qtbot, window)
    assert not any(journal.snapshot(p.id).is_hidden(i) for i in first[:3])
