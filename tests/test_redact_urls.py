"""Stream passwords never reach a message, the log, the status line or the crash dialog.

The addresses below are the forms phone camera apps and makers use; they are
strings only, never contacted (the CLI case uses a scheme Coulisses refuses).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from concurrent.futures import Future

import pytest

from coulisses.redaction import redact

SECRETS = ("hunter2", "p@ss@word", "ss@word", "tok3n", "k3y", "s3cret", "pa/ss", "pa#ss")

# (what was typed or said, what may be shown)
CASES = [
    # IP Webcam (Android)
    ("http://user:hunter2@192.168.1.20:8080/video",
     "http://user:***@192.168.1.20:8080/video"),
    ("http://192.168.1.20:8080/video", "http://192.168.1.20:8080/video"),
    # DroidCam
    ("http://admin:hunter2@192.168.1.21:4747/video",
     "http://admin:***@192.168.1.21:4747/video"),
    ("http://192.168.1.21:4747/mjpegfeed?640x480", "http://192.168.1.21:4747/mjpegfeed?640x480"),
    # RTSP, a raw "@" (and worse) inside the password
    ("rtsp://admin:p@ss@word@192.168.1.30:554/stream1",
     "rtsp://admin:***@192.168.1.30:554/stream1"),
    ("rtsp://admin:pa/ss@192.168.1.30:554/stream1", "rtsp://admin:***@192.168.1.30:554/stream1"),
    ("rtsp://admin:pa#ss@cam.local/live", "rtsp://admin:***@cam.local/live"),
    ("rtsps://:hunter2@cam.local/live", "rtsps://:***@cam.local/live"),
    # Tokens and passwords in the query
    ("http://192.168.1.20:8080/video?access_token=tok3n&user=me",
     "http://192.168.1.20:8080/video?access_token=***&user=me"),
    ("http://cam.local/video?key=k3y", "http://cam.local/video?key=***"),
    ("http://cam.local/video?apikey=k3y&fps=10", "http://cam.local/video?apikey=***&fps=10"),
    ("http://cam.local/video?api_key=k3y", "http://cam.local/video?api_key=***"),
    ("http://cam.local/video?fps=10&token=tok3n", "http://cam.local/video?fps=10&token=***"),
    ("http://cam.local/video?user=me&password=hunter2",
     "http://cam.local/video?user=me&password=***"),
    ("http://cam.local/video?user=me&pwd=hunter2", "http://cam.local/video?user=me&pwd=***"),
    ("http://cam.local/video?user=me&pass=hunter2", "http://cam.local/video?user=me&pass=***"),
    ("http://cam.local/video?USER=me&PWD=hunter2#x", "http://cam.local/video?USER=me&PWD=***#x"),
    ("http://cam.local/video#token=tok3n", "http://cam.local/video#token=***"),
    ("http://cam.local/live?user=me@mail.example&fps=10",  # an e-mail is no password
     "http://cam.local/live?user=me@mail.example&fps=10"),
    # Percent-encoded userinfo
    ("http://u%40home:p%40ss%3Ahunter2@192.168.1.20:8080/video",
     "http://u%40home:***@192.168.1.20:8080/video"),
    # IPv6 hosts
    ("http://user:hunter2@[fe80::1]:8080/video", "http://user:***@[fe80::1]:8080/video"),
    ("rtsp://admin:p@ss@word@[fe80::1%25wlan0]:554/s",
     "rtsp://admin:***@[fe80::1%25wlan0]:554/s"),
    ("http://[fe80::1]:8080/video", "http://[fe80::1]:8080/video"),
    # Typed without the scheme (the phone field adds http:// to host:port)
    ("admin:hunter2@192.168.1.20:8080/video", "admin:***@192.168.1.20:8080/video"),
    # In a sentence, quoted, in an exception's repr, beside another URL
    ("rtsp://admin:p@ss@word@192.168.1.30:554/stream1 lost: timed out; retrying.",
     "rtsp://admin:***@192.168.1.30:554/stream1 lost: timed out; retrying."),
    ("Cannot open 'http://user:hunter2@192.168.1.20:8080/video' (refused).",
     "Cannot open 'http://user:***@192.168.1.20:8080/video' (refused)."),
    ("OSError(\"rtsp://a:hunter2@cam.local:554/s: Connection refused\")",
     "OSError(\"rtsp://a:***@cam.local:554/s: Connection refused\")"),
    ("('rtsp://cam.local/s', 'http://me:hunter2@cam.local/v')",
     "('rtsp://cam.local/s', 'http://me:***@cam.local/v')"),
    ("--source=http://me:hunter2@cam.local/v --token=tok3n",
     "--source=http://me:***@cam.local/v --token=***"),
    # Nothing secret: left exactly as it is
    ("camera 0", "camera 0"),
    ("http://admin@cam.local/video", "http://admin@cam.local/video"),
    ("/home/me/Photos/IMG@2x.jpg", "/home/me/Photos/IMG@2x.jpg"),
    ("C:\\Users\\me\\Vidéos\\tour:final@2x.mp4", "C:\\Users\\me\\Vidéos\\tour:final@2x.mp4"),
    ("keyframe=3 signal=2 at 10:30", "keyframe=3 signal=2 at 10:30"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_what_phone_camera_apps_take_is_shown_without_its_secret(text, expected):
    shown = redact(text)
    assert shown == expected
    assert not [s for s in SECRETS if s in shown]
    assert redact(shown) == shown  # masking twice changes nothing


def test_a_traceback_naming_the_url_is_masked_line_by_line():
    url = "rtsp://admin:p@ss@word@192.168.1.30:554/stream1"

    def open_stream(address: str) -> None:
        raise ConnectionError(f"cannot open {address}: 401 Unauthorized")

    try:
        open_stream(url)
    except ConnectionError as exc:
        text = "".join(traceback.format_exception(exc))
    assert "ss@word" in text
    shown = redact(text)
    assert "ss@word" not in shown and "rtsp://admin:***@192.168.1.30:554/stream1" in shown
    assert "open_stream" in shown  # the rest of the traceback is kept


# ------------------------------------------------------------------ the log
@pytest.fixture
def log_file(tmp_path):
    """A real log file on the root logger, with redaction installed as the app does."""
    from coulisses.redaction import install_log_redaction

    factory = logging.getLogRecordFactory()
    install_log_redaction()
    install_log_redaction()  # twice: still one layer
    path = tmp_path / "coulisses.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    handler.close()
    root.setLevel(level)
    logging.setLogRecordFactory(factory)


def test_log_lines_and_their_tracebacks_are_masked(log_file):
    log = logging.getLogger("coulisses.capture.session")
    url = "rtsp://admin:p@ss@word@192.168.1.30:554/stream1?access_token=tok3n"
    log.warning("reading %s failed", url)
    log.debug("open failed: %s", "http://user:hunter2@[fe80::1]:8080/video")
    try:
        raise OSError(f"cannot open {url}")
    except OSError:
        log.exception("opening the source failed")
    log.info("plain %s line %d", "camera", 0)  # untouched, lazily formatted as ever
    text = log_file.read_text("utf-8")
    assert not [s for s in SECRETS if s in text], text
    assert "reading rtsp://admin:***@192.168.1.30:554/stream1?access_token=*** failed" in text
    assert "OSError: cannot open rtsp://admin:***@" in text and "Traceback" in text
    assert "plain camera line 0" in text


# --------------------------------------------------------- the crash dialog
# pytest-qt turns exceptions in slots into test failures; here they are the subject.
@pytest.mark.qt_no_exception_capture
def test_the_crash_dialog_its_copy_button_and_the_log_never_show_the_password(
        qtbot, qapp, monkeypatch, log_file):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QPushButton

    from coulisses.ui.crash_dialog import CrashDialog, install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_excepthook(qapp)
    url = "rtsp://admin:p@ss@word@192.168.1.30:554/stream1"

    def broken_slot() -> None:
        raise RuntimeError(f"the stream {url} sent garbage (token=tok3n)")

    button = QPushButton("Start")
    qtbot.addWidget(button)
    button.clicked.connect(broken_slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def dialogs() -> list[CrashDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, CrashDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: len(dialogs()) == 1)
    dialog = dialogs()[0]
    try:
        details = dialog.details.toPlainText()
        assert "RuntimeError: the stream rtsp://admin:***@192.168.1.30:554/stream1" in details
        assert not [s for s in SECRETS if s in details], details
        # A second, different error while it is open is appended, masked too.
        dialog.add_other(f"ValueError: {url}")
        dialog.copy_button.click()
        copied = QGuiApplication.clipboard().text()
        assert "broken_slot" in copied and not [s for s in SECRETS if s in copied], copied
        logged = log_file.read_text("utf-8")
        assert "unexpected error" in logged and "broken_slot" in logged
        assert not [s for s in SECRETS if s in logged], logged
    finally:
        dialog.close()
        dialog.deleteLater()


def test_the_dialog_masks_details_handed_to_it(qtbot):
    from coulisses.ui.crash_dialog import CrashDialog

    dialog = CrashDialog(("k",), "ValueError: http://user:hunter2@192.168.1.20:8080/video")
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText() == "ValueError: http://user:***@192.168.1.20:8080/video"


# ----------------------------------------- the banner, the status line, the CLI
def test_a_failed_snap_says_why_without_the_password(qtbot, journal):
    from coulisses.ui.capture.controller import CaptureController

    controller = CaptureController(journal)
    failed: Future = Future()
    # A driver's own words quoting the address the maker typed.
    failed.set_exception(RuntimeError("rtsp://admin:p@ss@word@192.168.1.30:554/stream1: 401"))
    with qtbot.waitSignal(controller.problem) as said:
        controller._snap_done.emit(failed)
    assert said.args[0].startswith("No still was taken: rtsp://admin:***@192.168.1.30")
    assert "ss@word" not in said.args[0]


def test_the_status_line_and_tray_tooltip_of_a_failed_capture_are_masked():
    from datetime import UTC, datetime

    from coulisses.capture.session import CaptureState, Status
    from coulisses.ui.capture.status import describe

    state = CaptureState(piece_id="p", source="rtsp://admin:***@192.168.1.30:554/stream1",
                         status=Status.FAILED,
                         error="rtsp://admin:p@ss@word@192.168.1.30:554/stream1 refused")
    line = describe(state, datetime.now(UTC))
    assert line.key == "failed" and "ss@word" not in line.text
    assert line.text == "rtsp://admin:***@192.168.1.30:554/stream1 refused"


@pytest.mark.parametrize("source", [
    "ftp://admin:p@ss@word@192.168.1.30:21/stream1",  # refused before any connection
    "admin:p@ss@word@192.168.1.30:554/stream1",  # typed without a scheme: no such file
])
def test_the_cli_error_for_a_source_never_shows_its_password(cli, source):
    assert cli("piece", "new", "Tasse")[0] == 0
    code, out, err = cli("snap", "Tasse", "--source", source)
    assert code != 0 and "192.168.1.30" in err, err
    assert "ss@word" not in out + err and "admin:***@192.168.1.30" in err


def test_a_password_an_older_version_left_in_a_gap_reason_never_comes_out(journal, cli):
    """Gaps recorded before redaction was right may hold a password's tail: the journal
    redacts them when it reads them, and when it writes new ones."""
    import json
    from datetime import UTC, datetime, timedelta

    pid = journal.create_piece("Tasse").id
    t = datetime(2026, 11, 23, 9, tzinfo=UTC)
    leaked = "rtsp://admin:p@ss@word@192.0.2.30:554/stream1 lost: timeout"
    journal.record_gap(pid, t, t + timedelta(minutes=3), reason=leaked)
    data = json.loads((journal.home / "pieces" / pid / "piece.json").read_text("utf-8"))
    assert "ss@word" not in json.dumps(data)
    # A reason written by an older Coulisses, straight into the file.
    data["gaps"]["2"] = {"start": "2026-11-23T10:00:00.000Z", "end": None, "reason": leaked}
    (journal.home / "pieces" / pid / "piece.json").write_text(json.dumps(data), "utf-8")
    code, out, err = cli("timeline", pid, "--json", "--no-suggestions")
    assert code == 0, err
    assert "ss@word" not in out and "p@ss" not in out
