"""The phone's address fields show its password only while the maker edits them.

The addresses are strings only: nothing here connects to them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

URL = "rtsp://admin:p@ss@word@192.168.1.30:554/stream1"
MASKED = "rtsp://admin:***@192.168.1.30:554/stream1"


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


@pytest.fixture
def panel(qtbot):
    from coulisses.ui.capture.panel import CapturePanel

    host = QWidget()
    layout = QVBoxLayout(host)
    panel = CapturePanel(host)
    elsewhere = QLineEdit(host)  # somewhere else to click
    layout.addWidget(panel)
    layout.addWidget(elsewhere)
    host.elsewhere = elsewhere
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    yield panel  # host stays referenced (and alive) until the test ends


def test_a_stored_address_is_shown_masked_and_captured_in_full(panel) -> None:
    panel.set_source(URL)  # the last capture's source, from the preferences
    assert panel.url.isVisible()
    assert panel.url.displayText() == MASKED and "ss@word" not in panel.url.displayText()
    assert panel.url.text() == URL and panel.url.masked
    assert panel.source() == URL  # what the capture opens


def test_typing_shows_the_address_then_masks_it_once_done(qtbot, panel) -> None:
    changed: list[str] = []
    panel.source_changed.connect(changed.append)
    panel.set_source("http://192.168.1.20:8080/video")
    panel.url.setText("")
    _focus(qtbot, panel.url)
    qtbot.keyClicks(panel.url, "http://user:hunter2@192.168.1.20:8080/video?pwd=s3cret")
    # While editing, the maker sees (and can fix) what they type.
    assert panel.url.displayText() == "http://user:hunter2@192.168.1.20:8080/video?pwd=s3cret"
    _focus(qtbot, panel.parentWidget().elsewhere)
    assert panel.url.displayText() == "http://user:***@192.168.1.20:8080/video?pwd=***"
    full = "http://user:hunter2@192.168.1.20:8080/video?pwd=s3cret"
    assert panel.source() == full and changed[-1] == full  # the real one, on editing finished
    # Back into the field: the real address to edit, then masked again.
    _focus(qtbot, panel.url)
    assert panel.url.displayText() == full
    qtbot.keyClick(panel.url, Qt.Key.Key_End)
    qtbot.keyClicks(panel.url, "&fps=10")
    _focus(qtbot, panel.parentWidget().elsewhere)
    assert panel.source() == full + "&fps=10"
    assert panel.url.displayText() == "http://user:***@192.168.1.20:8080/video?pwd=***&fps=10"


def test_never_in_clear_while_recording(qtbot, panel) -> None:
    panel.set_source("http://192.168.1.20:8080/video")
    panel.url.setText("")
    _focus(qtbot, panel.url)
    qtbot.keyClicks(panel.url, URL)
    assert panel.url.displayText() == URL
    panel.set_recording(True)  # F5/Start while the field still has the focus
    assert not panel.url.isEnabled()
    assert panel.url.displayText() == MASKED and panel.source() == URL
    panel.url.setFocus()  # a disabled field cannot be edited, so stays masked
    assert panel.url.displayText() == MASKED
    panel.set_recording(False)
    assert panel.url.displayText() == MASKED  # until the maker clicks into it again
    _focus(qtbot, panel.url)
    assert panel.url.displayText() == URL


def test_an_address_without_a_password_reads_as_typed(qtbot, panel) -> None:
    panel.set_source("http://192.168.1.20:8080/video")
    assert panel.url.displayText() == "http://192.168.1.20:8080/video"
    assert not panel.url.masked
    panel.url.clear()
    assert panel.url.text() == "" and panel.source() == ""
    panel.url.setText("192.168.1.20:4747/video")  # typed bare: read as http://
    assert panel.source() == "http://192.168.1.20:4747/video"


def test_the_welcome_page_phone_field(qtbot) -> None:
    from coulisses.ui.welcome import PHONE, WelcomeView

    welcome = WelcomeView()
    qtbot.addWidget(welcome)
    welcome.resize(900, 600)
    welcome.show()
    qtbot.waitExposed(welcome)
    welcome.set_cameras([])  # no camera: the phone is the choice
    assert welcome.source.currentData() == PHONE and welcome.url.isVisible()
    welcome.name.setText("Bol raku")
    _focus(qtbot, welcome.url)
    qtbot.keyClicks(welcome.url, "http://user:hunter2@192.168.1.20:8080/video")
    assert welcome.url.displayText() == "http://user:hunter2@192.168.1.20:8080/video"
    _focus(qtbot, welcome.name)
    assert welcome.url.displayText() == "http://user:***@192.168.1.20:8080/video"
    with qtbot.waitSignal(welcome.source_chosen) as chosen:
        qtbot.mouseClick(welcome.create, Qt.MouseButton.LeftButton)
    assert chosen.args == ["http://user:hunter2@192.168.1.20:8080/video"]
    # Return in the field itself (still being edited) creates the piece with the real one.
    _focus(qtbot, welcome.url)
    with qtbot.waitSignal(welcome.source_chosen) as chosen:
        qtbot.keyClick(welcome.url, Qt.Key.Key_Return)
    assert chosen.args == ["http://user:hunter2@192.168.1.20:8080/video"]


def test_preferences_show_the_default_phone_address_masked(qtbot, tmp_path) -> None:
    from coulisses.preferences import Preferences
    from coulisses.ui.preferences_dialog import PreferencesDialog

    url = "rtsp://admin:s3cret@192.0.2.40:554/live"
    dialog = PreferencesDialog(Preferences(default_source=url))
    qtbot.addWidget(dialog)
    shown = dialog.source_text.displayText()
    assert "s3cret" not in shown and "192.0.2.40" in shown
    assert dialog.source_text.text() == url  # what is saved is the real address
