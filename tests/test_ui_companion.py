"""File → Phone companion… in the window (pytest-qt, offscreen), with a real server on
127.0.0.1 and a real HTTP client as the phone: the QR code and the address, a phone
pairing and being listed, its flag being the bench's undoable edit, Forget, and
closing the dialog closing the port at once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest

from tests.companion_support import request
from tests.test_ui_bench import add_still, make_window, wait_loaded


@pytest.fixture
def window(qtbot, journal):
    piece = journal.create_piece("Bol raku")
    add_still(journal, piece.id, datetime.now(UTC) - timedelta(seconds=30))
    w = make_window(qtbot, journal)
    wait_loaded(qtbot, w)
    qtbot.waitUntil(lambda: w.pieces.current_piece_id == piece.id, timeout=5000)
    return w


@pytest.fixture
def dialog(qtbot, window, journal):
    from coulisses.ui.companion.dialog import CompanionDialog

    d = CompanionDialog(journal, window.bench, window.auto_reel.reels, window,
                        address="127.0.0.1", port=0)
    qtbot.addWidget(d)
    d.show()
    yield d
    d.stop()


def decode_qr(pixmap) -> str:
    import cv2
    import numpy as np
    from PySide6.QtGui import QImage

    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8, stride * height)
    gray = pixels.reshape(height, stride)[:, :width].copy()
    # OpenCV's reader misses about 1 code in 70 at one scale (measured on 200 random pairing
    # addresses; 0 of 400 missed at three): a phone's camera sees many scales too.
    for scale in (1.0, 2.0, 0.5):
        scaled = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST
                            if scale > 1 else cv2.INTER_AREA)
        text = cv2.QRCodeDetector().detectAndDecode(scaled)[0]
        if text:
            return text
    return ""


def in_thread(qtbot, fn):
    """Run the phone's request off the GUI thread (the server waits for the GUI)."""
    out = []
    t = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    t.start()
    qtbot.waitUntil(lambda: bool(out), timeout=15000)
    return out[0]


def pair_with(qtbot, dialog):
    path = urlsplit(dialog.url).path
    reply = in_thread(qtbot, lambda: request(dialog.server.base_url, "POST", path,
                                             headers={"User-Agent": "Mozilla (iPhone)"}))
    assert reply.status == 200
    return reply.json()["token"]


def test_the_dialog_shows_the_qr_code_and_the_address(dialog):
    assert dialog.serving
    assert dialog.url.startswith("http://127.0.0.1:")
    assert dialog.address.text() == dialog.url
    pixmap = dialog.qr.pixmap()
    assert pixmap is not None and pixmap.width() >= 200
    assert decode_qr(pixmap) == dialog.url  # a phone's camera reads what the words say
    assert dialog.devices.count() == 1 and dialog.devices.item(0).text() == "No phone paired yet."


def test_a_paired_phone_is_listed_and_its_used_code_replaced(qtbot, dialog):
    used = dialog.url
    token = pair_with(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.url != used, timeout=5000)  # the code worked once
    qtbot.waitUntil(lambda: "iPhone" in dialog.devices.item(0).text(), timeout=5000)
    dialog.devices.item(0).setSelected(True)
    assert dialog.forget.isEnabled()
    dialog.forget.click()
    reply = in_thread(qtbot, lambda: request(dialog.server.base_url, "GET",
                                             f"/api/{token}/state"))
    assert (reply.status, reply.body) == (404, b"")
    assert dialog.devices.item(0).text() == "No phone paired yet."


def test_a_flag_from_the_phone_is_the_benchs_undoable_flag(qtbot, dialog, window, journal):
    token = pair_with(qtbot, dialog)
    piece_id = window.pieces.current_piece_id
    reply = in_thread(qtbot, lambda: request(dialog.server.base_url, "POST",
                                             f"/api/{token}/flag", {"kind": "fix"}))
    assert reply.status == 200, reply.body
    (m,) = journal.snapshot(piece_id).moments
    assert m.kind == "fix" and m.id == reply.json()["moment"]["id"]
    assert window.caption_prompt.isVisible()  # the window shows it at once, as after F9
    assert "Flag fix" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not journal.snapshot(piece_id).moments, timeout=5000)
    state = in_thread(qtbot, lambda: request(dialog.server.base_url, "GET",
                                             f"/api/{token}/state")).json()
    assert state["moments"] == []


def test_closing_the_dialog_stops_serving_at_once(qtbot, dialog):
    base = dialog.server.base_url
    token = pair_with(qtbot, dialog)
    dialog.close()
    assert not dialog.serving
    with pytest.raises(OSError):
        request(base, "GET", f"/api/{token}/state")


def test_a_caption_from_the_phone_closes_the_windows_prompt(qtbot, window, journal,
                                                            monkeypatch):
    from coulisses.ui.companion import dialog as dialog_module

    monkeypatch.setattr(dialog_module, "default_host", lambda: "127.0.0.1")
    monkeypatch.setattr(dialog_module, "DEFAULT_PORT", 0)
    d = window.open_companion()
    try:
        token = pair_with(qtbot, d)
        flag = in_thread(qtbot, lambda: request(d.server.base_url, "POST",
                                                f"/api/{token}/flag", {"kind": "struggle"}))
        assert window.caption_prompt.isVisible()
        moment_id = flag.json()["moment"]["id"]
        reply = in_thread(qtbot, lambda: request(d.server.base_url, "POST",
                                                 f"/api/{token}/caption",
                                                 {"moment": moment_id, "text": "Trop mou"}))
        assert reply.status == 200
        qtbot.waitUntil(lambda: not window.caption_prompt.isVisible(), timeout=5000)
        piece_id = window.pieces.current_piece_id
        assert journal.moment(piece_id, moment_id).caption == "Trop mou"
        assert "Edit caption" in window.undo_action.text()  # undoable in the window too
    finally:
        d.close()


def test_file_menu_opens_it(qtbot, window, monkeypatch):
    from coulisses.ui.companion import dialog as dialog_module

    monkeypatch.setattr(dialog_module, "default_host", lambda: "127.0.0.1")
    monkeypatch.setattr(dialog_module, "DEFAULT_PORT", 0)
    assert window.actions_.companion in window.file_menu.actions()
    assert window.actions_.companion.text() == "&Phone companion…"
    d = window.open_companion()
    try:
        assert d.serving and d.isVisible()
        assert window.open_companion() is d  # one at a time
    finally:
        d.close()
    assert not d.serving


def test_a_result_flagged_in_the_window_makes_the_reel_shown_on_the_phone(
        qtbot, background_reel, dialog, window, journal, tmp_path, monkeypatch):
    from coulisses.export import past_exports
    from coulisses.export.presets import PRESETS
    from tests.test_export_support import SMALL

    monkeypatch.setitem(PRESETS, "reels", SMALL)
    window.auto_reel.reels.out_dir = tmp_path / "reels"
    token = pair_with(qtbot, dialog)
    piece_id = window.pieces.current_piece_id
    export = window.open_export()
    assert export.history.count() == 0
    with qtbot.waitSignal(window.auto_reel.done, timeout=120_000):
        window.actions_.flags["result"].trigger()  # F11
        state = in_thread(qtbot, lambda: request(dialog.server.base_url, "GET",
                                                 f"/api/{token}/state")).json()
        assert state["reel"]["running"] and state["reel"]["auto"]  # the phone sees it going
    assert len(past_exports(journal, piece_id)) == 1
    qtbot.waitUntil(lambda: export.history.count() == 1, timeout=5000)  # listed at once
    state = in_thread(qtbot, lambda: request(dialog.server.base_url, "GET",
                                             f"/api/{token}/state")).json()
    assert len(state["exports"]) == 1 and state["exports"][0]["mp4"]
    # Once per Result: the companion's watcher seeing the same moment starts nothing more.
    assert dialog.watcher is not None and dialog.watcher.check() is None
    assert not window.auto_reel.reels.state().running


def test_no_reel_when_the_preference_is_off(qtbot, background_reel, window, tmp_path):
    window.preferences = window.preferences.replace(auto_reel=False)
    window.auto_reel.reels.out_dir = tmp_path / "reels"
    window.actions_.flags["result"].trigger()
    assert not window.auto_reel.reels.state().running


def test_a_result_marked_from_a_terminal_makes_the_reel_in_the_open_window(
        qtbot, background_reel, window, journal, tmp_path, monkeypatch):
    """``coulisses mark PIECE result`` in a terminal (another process) while the window is
    open and no phone is paired: the window sees the moment and makes the reel, once; the
    Result that was there when the window opened made none."""
    from coulisses.export import past_exports
    from coulisses.export.presets import PRESETS
    from tests import installed
    from tests.test_export_support import SMALL

    monkeypatch.setitem(PRESETS, "reels", SMALL)
    window.auto_reel.reels.out_dir = tmp_path / "reels"
    piece_id = window.pieces.current_piece_id
    assert not window.auto_reel.reels.state().running  # nothing for the moments seen at open
    with qtbot.waitSignal(window.auto_reel.done, timeout=120_000):
        done = installed.run("mark", piece_id, "result", "--caption", "Fini",
                             home=journal.home)
        assert done.returncode == 0, done.stderr
    assert len(past_exports(journal, piece_id)) == 1
    assert not window.auto_reel.check(piece_id)  # the same Result seen again: nothing more
