"""The main window: pieces on the left, the bench (capture and moments) on the right.

An assembly only: each panel is its own module, behaviour lives in bench.py
and the controllers; this file places them, wires their signals, and handles
the window's own life (close to tray, quit, geometry).
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QByteArray, QDir, QEvent, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coulisses import APP_NAME
from coulisses.capture.probe import list_cameras
from coulisses.journal import Journal, JournalError
from coulisses.preferences import Preferences, preferences_path, save_preferences
from coulisses.resources import asset
from coulisses.ui import tasks
from coulisses.ui.banner import Banner
from coulisses.ui.bridges import JournalBridge
from coulisses.ui.capture.controller import CaptureController
from coulisses.ui.capture.panel import CapturePanel
from coulisses.ui.capture.status import RED, describe
from coulisses.ui.companion.auto_reel import AutoReel
from coulisses.ui.fonts import has_emoji, use_emoji_font
from coulisses.ui.importing.controller import ImportController
from coulisses.ui.importing.summary import ImportSummary
from coulisses.ui.importing.watch import WatchController, WatchRow
from coulisses.ui.main_window.actions import Actions
from coulisses.ui.main_window.bench import Bench, moment_time_text
from coulisses.ui.moments import CaptionPrompt, MomentBar
from coulisses.ui.pieces.panel import PiecesPanel
from coulisses.ui.tasks import Task, TaskRunner
from coulisses.ui.timeline.commands import EditStack
from coulisses.ui.timeline.page import TimelinePage
from coulisses.ui.tray import Tray, tray_available
from coulisses.ui.welcome import WelcomeView

log = logging.getLogger(__name__)

KEEP, STOP, CANCEL = "keep", "stop", "cancel"


def photos_folder() -> str:
    """Where the import dialogs start: the maker's Pictures folder (not the folder the
    program was started from), else their home folder."""
    for where in (QStandardPaths.StandardLocation.PicturesLocation,
                  QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(where)
        if folder and QDir(folder).exists():
            return folder
    return ""


def _scrolling(page: QWidget) -> QScrollArea:
    """A tab page that scrolls rather than forcing its size on a small laptop screen."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area

TIMELINE_TAB = 1  # the piece views: the bench (0), then the timeline


class MainWindow(QMainWindow):
    def __init__(self, journal: Journal, preferences: Preferences | None = None, *,
                 problems: Sequence[str] = (), tray: bool | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.preferences = preferences or Preferences()
        self.setObjectName("main_window")
        icon_path = asset("icons", "coulisses.svg")
        self.app_icon = QIcon(str(icon_path)) if icon_path.is_file() else QIcon()
        self.setWindowIcon(self.app_icon)
        self._quitting = False
        self.emoji_font = use_emoji_font(QApplication.instance())
        self._told_about_emoji = False

        # --- panels
        self.banner = Banner(self)
        self.pieces = PiecesPanel(journal, self)
        self.capture = CaptureController(journal, self)
        # One undo history per piece, for the timeline's edits and the bench's flags.
        self.edits = EditStack(lambda text: self.banner.show_message(text), self)
        self.pieces.edits = self.edits
        self.bench = Bench(journal, self.capture, self.edits, self)
        # A Result flagged here makes the reel in the background (the phone companion's loop).
        self.auto_reel = AutoReel(journal, lambda: self.preferences.auto_reel, self)
        self.capture_panel = CapturePanel(self)
        self.moment_bar = MomentBar(self)
        self.caption_prompt = CaptionPrompt(self)
        self.piece_title = QLabel(self)
        self.piece_title.setObjectName("piece_title")
        font = self.piece_title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.piece_title.setFont(font)
        self.piece_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # The bench tab: the settings, the preview and the folder watch scroll and give way
        # (inside the capture panel); the buttons, the status line, the four flags and the
        # caption prompt stay in sight on any screen from 1100×720 up.
        self.bench_page = bench_page = QWidget(self)
        bench_layout = QVBoxLayout(bench_page)
        bench_layout.addWidget(self.piece_title)
        bench_layout.addWidget(self.capture_panel, 1)
        self.watches = WatchController(journal, self)
        self.watch_row = WatchRow(self.watches, self)
        self.capture_panel.add_row(self.watch_row)
        bench_layout.addWidget(self.moment_bar)
        bench_layout.addWidget(self.caption_prompt)
        # Views of the piece are tabs: the bench, its timeline (the export comes next).
        self.timeline = TimelinePage(journal, self.edits, self)
        self.views = QTabWidget(self)
        self.views.setObjectName("views")
        self.views.addTab(bench_page, "")
        self.views.addTab(_scrolling(self.timeline), "")  # TIMELINE_TAB
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        # An empty journal opens on the welcome view instead of the piece's tabs.
        self.welcome = WelcomeView(self)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.welcome)
        self.right.addWidget(self.views)
        self.right.setCurrentWidget(self.views)
        self.splitter.addWidget(self.pieces)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 720])
        self.splitter.setCollapsible(1, False)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        # --- import: dropped photos or File → Import, progress in the status bar
        self.importer = ImportController(journal, self)
        self.import_progress = QProgressBar(self)
        self.import_progress.setMaximumWidth(260)
        self.import_cancel = QPushButton(self)
        self.import_status = QLabel(self)
        for w in (self.import_status, self.import_progress, self.import_cancel):
            self.statusBar().addPermanentWidget(w)
            w.hide()
        self.import_cancel.clicked.connect(self.importer.cancel)
        self.importer.progress.connect(self._import_progress)
        self.importer.finished.connect(self._import_finished)
        self.importer.failed.connect(self._import_failed)
        self.importer.pace_needed.connect(self._ask_video_pace)
        self.last_summary: ImportSummary | None = None
        self.pace_dialog = None  # VideoPaceDialog while the question is open
        self.setAcceptDrops(True)

        # --- actions, menus, tray
        self.actions_ = Actions(self)
        self._build_menus()
        self.tray: Tray | None = None
        if tray if tray is not None else tray_available():
            self.tray = Tray(self.app_icon, self)
            self._wire_tray(self.tray)

        # --- wiring
        self.bridge = JournalBridge(journal, self)
        self.bridge.changed.connect(self._journal_changed)
        self.bridge.pieces_changed.connect(self.pieces.refresh)
        self.pieces.current_changed.connect(self._piece_changed)
        self.pieces.loaded.connect(self._update_title)  # a rename, another process
        self.pieces.loaded.connect(self._show_welcome_if_empty)
        self.welcome.source_chosen.connect(self._welcome_source)
        self.welcome.create_piece.connect(self.pieces.create_piece)
        self.welcome.open_demo.connect(self.open_demo)
        self.welcome.import_photos.connect(self._welcome_import)
        self.pieces.problem.connect(self.banner.show_message)
        # A refusal ("choose a source first") is taken back once capture runs.
        self.bench.problem.connect(lambda text: self.banner.show_message(text, key="bench"))
        self.bench.notice.connect(lambda text, level: self.banner.show_message(
            text, level=level, key="bench"))
        self.timeline.problem.connect(self.banner.show_message)
        self.edits.busy.connect(self._edit_busy)
        self.bench.flagged.connect(self._flagged)
        self.bench.flagged.connect(self.auto_reel.flagged)
        self.auto_reel.done.connect(self._reel_made)
        self.auto_reel.failed.connect(lambda text: self.banner.show_message(text, key="reel"))
        self.capture.problem.connect(self.banner.show_message)
        self.capture.state_changed.connect(self._capture_state)
        self.capture.preview_image.connect(self.capture_panel.preview.show_image)
        self.capture.preview_message.connect(self._preview_problem)
        self.capture_panel.start_clicked.connect(self.start_capture)
        self.capture_panel.stop_clicked.connect(self.bench.stop)
        self.capture_panel.snap_clicked.connect(lambda: self.bench.snap())
        self.capture_panel.source_changed.connect(self._source_changed)
        self.capture_panel.preview_on.toggled.connect(lambda _on: self._update_preview())
        self.moment_bar.flag.connect(self.bench.flag)
        self.caption_prompt.submitted.connect(self.bench.caption)
        a = self.actions_
        a.new_piece.triggered.connect(self.pieces.ask_new_piece)
        a.import_photos.triggered.connect(self.ask_import_photos)
        a.import_folder.triggered.connect(self.ask_import_folder)
        a.export.triggered.connect(self.open_export)
        a.verify.triggered.connect(self.open_verify)
        a.companion.triggered.connect(self.open_companion)
        a.quit.triggered.connect(self.quit_app)
        a.preferences.triggered.connect(self.open_preferences)
        a.start.triggered.connect(self.start_capture)
        a.stop.triggered.connect(self.bench.stop)
        a.snap.triggered.connect(lambda: self.bench.snap(from_key=True))
        for kind, action in a.flags.items():
            action.triggered.connect(lambda _=False, k=kind: self.bench.flag(k))
        a.show_archived.toggled.connect(self.pieces.show_archived.setChecked)
        self.pieces.show_archived.toggled.connect(a.show_archived.setChecked)

        # The "next in 4 s" countdown ticks while the window is visible only.
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self._refresh_status)

        self._apply_preferences(self.preferences)
        self.retranslate()
        self._restore_window_state()
        for message in problems:
            self.banner.show_message(message, "warning")
        self._probe_cameras()
        self.pieces.refresh_now()
        self.watches.changed.connect(lambda _p: self.pieces.refresh())
        try:
            paused = self.watches.resume_all()
        except (JournalError, OSError) as exc:
            self.banner.show_message(str(exc), "warning")
        else:
            names = {p.id: p.name for p in self.journal.pieces()} if paused else {}
            for pid in paused:
                self.banner.show_message(self.tr(
                    "The folder watch of {piece} is paused: its folder was not chosen on this "
                    "computer. Resume it on the Bench if the folder is yours.").format(
                        piece=names.get(pid, pid)), "warning")
        self._capture_state(None)

    # ---------------------------------------------------------------- menus
    def _build_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(a.new_piece)
        self.file_menu.addAction(a.import_photos)
        self.file_menu.addAction(a.import_folder)
        self.file_menu.addAction(a.export)
        self.file_menu.addAction(a.verify)
        self.file_menu.addAction(a.companion)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)
        self.edit_menu = bar.addMenu("")
        self.undo_action, self.redo_action = self.edits.make_actions(self)
        self.edit_menu.addAction(self.edits.piece_action)  # whose history they walk
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a.preferences)
        self.capture_menu = bar.addMenu("")
        for action in (a.start, a.stop, a.snap):
            self.capture_menu.addAction(action)
        self.capture_menu.addSeparator()
        for action in a.flags.values():
            self.capture_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(a.show_archived)

    def _wire_tray(self, tray: Tray) -> None:
        tray.show_window.connect(self.bring_forward)
        tray.start.connect(self.start_capture)
        tray.stop.connect(self.bench.stop)
        tray.snap.connect(lambda: self.bench.snap())
        tray.flag_struggle.connect(lambda: self.bench.flag("struggle"))
        tray.quit.connect(self.quit_app)

    # ------------------------------------------------------------- language
    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.capture_menu.setTitle(self.tr("&Capture"))
        self.view_menu.setTitle(self.tr("&View"))
        self.views.setTabText(0, self.tr("Bench"))
        self.views.setTabText(1, self.tr("Timeline"))
        self.actions_.retranslate()
        self.edits.refresh_actions()
        self._update_title()
        self._refresh_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange:
            self._update_preview()
        super().changeEvent(event)

    # --------------------------------------------------------------- pieces
    def _piece_changed(self, piece_id: str) -> None:
        self.bench.selected_piece = piece_id
        self.timeline.set_piece(piece_id)
        self.watch_row.set_piece(piece_id)
        self.bridge.watch(piece_id or None)
        if piece_id:
            self.auto_reel.watch(piece_id)
        self._update_title()

    def show_page(self, page: QWidget) -> None:
        """Bring a tab forward by its page (the bench page, the timeline)."""
        for i in range(self.views.count()):
            area = self.views.widget(i)
            if area is page or (isinstance(area, QScrollArea) and area.widget() is page):
                self.views.setCurrentIndex(i)
                return

    def _update_title(self) -> None:
        s = self.pieces.current_summary()
        name = s.piece.name if s is not None else ""
        self.setWindowTitle(f"{APP_NAME} — {name}" if name else APP_NAME)
        self.edits.set_piece(self.pieces.current_piece_id, name)  # undo walks its history
        self.piece_title.setText(name or self.tr("No piece chosen"))
        if name and self.emoji_font is None and not self._told_about_emoji and has_emoji(name):
            self._told_about_emoji = True
            self.banner.show_message(self.tr(
                "This computer has no colour emoji font, so emoji show as boxes here. Nothing "
                "is lost: they are kept exactly as typed."), "info")

    def _edit_busy(self, text: str) -> None:
        """A long edit (thousands of stills) runs off the GUI thread: say so meanwhile."""
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _journal_changed(self, piece_id: str, kind: str) -> None:
        if kind in ("capture-added", "piece-changed", "piece-created", "external"):
            self.pieces.refresh()
        if piece_id and piece_id == self.timeline.piece_id:
            self.timeline.reload()
        if kind == "external" and piece_id:
            self.auto_reel.check(piece_id)  # a Result marked from a terminal makes its reel too

    # -------------------------------------------------------------- capture
    def start_capture(self) -> None:
        source = self.capture_panel.source()
        if self.bench.start(source, self.capture_panel.settings()):
            self.preferences = self.preferences.replace(
                default_source=source, interval=self.capture_panel.settings().interval)
            self._save_preferences()

    def _source_changed(self, source: str) -> None:
        self._update_preview()

    def _update_preview(self) -> None:
        visible = self.isVisible() and not self.isMinimized()
        on = visible and self.capture_panel.preview_on.isChecked()
        source = self.capture_panel.source()
        self.capture.set_preview(on, source)  # "" (nothing chosen) stops the preview
        if not on or not source:
            self.capture_panel.preview.clear_image(
                self.tr("Live preview off") if not on else self.tr("Choose a source"))
        if visible:
            self._status_timer.start()
        else:
            self._status_timer.stop()

    def _capture_state(self, _state: object) -> None:
        recording = self.capture.recording
        self.capture_panel.set_recording(recording)
        self.actions_.start.setEnabled(not recording)
        self.actions_.stop.setEnabled(recording)
        self.actions_.snap.setEnabled(recording)
        self._refresh_status()  # a lost source, a full disk: said there, gone when over
        if recording:
            self.banner.withdraw("bench")

    def _refresh_status(self) -> None:
        line = describe(self.capture.state, datetime.now().astimezone(),
                        self.capture.problem_text)
        self.capture_panel.show_status(line)
        # Seen from the Timeline tab too: the Bench tab carries a sign and the sentence.
        trouble = line.key in ("lost", "paused", "failed") or line.colour == RED
        self.views.setTabIcon(0, self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning) if trouble else QIcon())
        self.views.setTabToolTip(0, line.text if trouble else "")
        if self.tray is not None:
            self.tray.set_status(line, self.capture.recording)

    def _preview_problem(self, message: str) -> None:
        """The preview cannot show the source: the status line says why, once."""
        if message:
            self.capture_panel.preview.clear_image(self.tr("No picture"))
        self._refresh_status()

    def _flagged(self, piece_id: str, moment) -> None:
        if self.views.currentIndex() == TIMELINE_TAB and piece_id == self.timeline.piece_id:
            # A flag key on the Timeline tab: the caption is typed where the maker looks,
            # not in the Bench tab's prompt, hidden behind it.
            self.timeline.caption_when_listed(moment.id)
            return
        # Always in sight below the flags (never scrolled away): nothing to bring forward.
        self.caption_prompt.ask(piece_id, moment.id, moment.kind, moment_time_text(moment))

    def _probe_cameras(self) -> None:
        runner = TaskRunner(self, "probe")
        task = Task(lambda _c, _p: list_cameras())
        # Keeps the maker's current choice; only the list of cameras changes.
        task.signals.finished.connect(self.capture_panel.set_cameras)
        task.signals.finished.connect(self.welcome.set_cameras)
        runner.start(task)
        self._probe_runner = runner

    # ------------------------------------------------------------- first run
    def _show_welcome_if_empty(self) -> None:
        empty = not getattr(self.pieces, "_all", None)
        self.right.setCurrentWidget(self.welcome if empty else self.views)

    def open_demo(self) -> None:
        """Build the demo piece (the one `coulisses demo` exports) and open it."""
        from coulisses.capture.demo_piece import build_demo_piece
        from coulisses.i18n import language

        journal, lang = self.journal, language()
        task = Task(lambda cancel, progress: build_demo_piece(journal, lang=lang,
                                                              progress=progress, cancel=cancel))
        task.signals.finished.connect(self._demo_ready)
        task.signals.failed.connect(self._demo_failed)
        self.welcome.busy(self.tr("Making the demo piece…"))
        self._demo_runner = TaskRunner(self, "work", makers_work=True)
        self._demo_runner.start(task)

    def _demo_ready(self, piece) -> None:
        self.welcome.done()
        self.pieces.select(piece.id)
        self.show_page(self.timeline)

    def _demo_failed(self, message: str) -> None:
        self.welcome.done()
        self.banner.show_message(self.tr("The demo piece could not be made: {reason}")
                                 .format(reason=message))

    def _welcome_source(self, source: str) -> None:
        """The camera or phone picked on the welcome page is the bench's source from now on."""
        self.capture_panel.set_source(source)
        self._update_preview()  # set_source() is quiet: the preview would stay on the old one
        self.preferences = self.preferences.replace(default_source=source)
        self._save_preferences()

    def _welcome_import(self) -> None:
        name = self.welcome.name.text().strip() or self.tr("My first piece")
        piece_id = self.pieces.create_piece(name, self.welcome.craft.craft())
        if piece_id:
            self.pieces.loaded.connect(self.ask_import_photos,
                                       Qt.ConnectionType.SingleShotConnection)

    # ---------------------------------------------------------------- export
    def open_export(self):
        """The export window for the piece on screen (one at a time)."""
        from coulisses.ui.export.dialog import ExportDialog

        piece_id = self.pieces.current_piece_id
        if not piece_id:
            self.banner.show_message(self.tr("Create or choose a piece first: the reel is "
                                             "made from its stills."))
            return None
        dialog = getattr(self, "export_dialog", None)
        if dialog is not None and dialog.isVisible() and dialog.piece_id == piece_id:
            dialog.raise_()
            return dialog
        self.export_dialog = ExportDialog(self.journal, piece_id, self.preferences, self)
        self.export_dialog.show()
        return self.export_dialog

    def open_verify(self):
        from coulisses.ui.verify_view import VerifyDialog

        self.verify_dialog = VerifyDialog(self)
        self.verify_dialog.show()
        return self.verify_dialog

    def open_companion(self):
        """The phone companion (one at a time): serves the phone page while it is open."""
        from coulisses.ui.companion.dialog import CompanionDialog

        dialog = getattr(self, "companion_dialog", None)
        if dialog is not None and dialog.isVisible():
            dialog.raise_()
            return dialog
        self.companion_dialog = CompanionDialog(self.journal, self.bench,
                                                self.auto_reel.reels, self)
        self.companion_dialog.host.captioned.connect(self.caption_prompt.withdraw)
        self.companion_dialog.show()
        return self.companion_dialog

    def _reel_made(self, piece_id: str) -> None:
        """A reel made in the background (a Result flag, the phone's button) joins the
        export window's past exports if it shows that piece."""
        dialog = getattr(self, "export_dialog", None)
        if dialog is not None and dialog.isVisible() and dialog.piece_id == piece_id:
            dialog.refresh_history()

    # ---------------------------------------------------------------- import
    def import_paths(self, paths: list[str]) -> bool:
        """Import photos and folders into the piece on screen (drop, menu)."""
        piece_id = self.pieces.current_piece_id
        if not piece_id:
            self.banner.show_message(self.tr("Create or choose a piece first: the photos "
                                             "will be added to it."))
            return False
        if self.importer.running:
            self.banner.show_message(self.tr("An import is already running; wait for it to "
                                             "finish or cancel it."), "warning")
            return False
        if not self.importer.start(piece_id, paths, self._video_settings()):
            return False
        self.import_status.setText(self.tr("Importing…"))
        self.import_cancel.setText(self.tr("Cancel"))
        self.import_progress.setRange(0, 0)
        for w in (self.import_status, self.import_progress, self.import_cancel):
            w.show()
        return True

    def _video_settings(self):
        """Videos become stills as the Bench tab would take them (interval, idle skipping)."""
        from coulisses.capture.importer import video_settings

        bench = self.capture_panel.settings()
        return video_settings(bench.interval, not bench.keep_idle, bench.idle)

    def _ask_video_pace(self, videos) -> None:
        from coulisses.ui.importing.pace_dialog import VideoPaceDialog

        dialog = VideoPaceDialog(videos, self)
        self.pace_dialog = dialog

        def done(result: int) -> None:
            self.pace_dialog = None
            if result == VideoPaceDialog.DialogCode.Accepted:
                self.importer.answer_pace(*dialog.answer())
            else:
                self.importer.cancel()
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def ask_import_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import photos"), photos_folder(),
            self.tr("Photos and videos") + " (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif "
            "*.png *.PNG *.mp4 *.MP4 *.mov *.MOV *.m4v *.M4V)")
        if paths:
            self.import_paths(paths)

    def ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import a folder of photos or videos"), photos_folder())
        if folder:
            self.import_paths([folder])

    def _import_progress(self, p) -> None:
        if p.total:
            self.import_progress.setRange(0, p.total)
            self.import_progress.setValue(p.done)
            # A video counts as the stills it may give: the bar, not a count of files.
            self.import_status.setText(self.tr("Importing {name}…").format(name=p.message)
                                       if p.message else self.tr("Importing…"))

    def _import_done(self) -> None:
        for w in (self.import_status, self.import_progress, self.import_cancel):
            w.hide()

    def _import_finished(self, report) -> None:
        self._import_done()
        self.pieces.refresh()
        self.timeline.reload()
        self.last_summary = ImportSummary(report, self)
        self.last_summary.show()

    def _import_failed(self, message: str) -> None:
        self._import_done()
        self.banner.show_message(self.tr("The import stopped: {reason}").format(reason=message))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.import_paths(paths):
            event.acceptProposedAction()

    # ---------------------------------------------------------- preferences
    def _apply_preferences(self, prefs: Preferences) -> None:
        self.capture_panel.set_settings(prefs.interval, prefs.skip_idle, prefs.idle_sensitivity)
        self.capture_panel.set_source(prefs.default_source)

    def _save_preferences(self) -> None:
        try:
            save_preferences(self.preferences)
        except OSError as exc:
            from coulisses.os_errors import describe_os_error_at

            self.banner.show_message(self.tr("Your preferences could not be saved: {reason}")
                                     .format(reason=describe_os_error_at(exc)), "warning")

    def open_preferences(self) -> None:
        from coulisses.ui.language import apply_language
        from coulisses.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec():
            self.preferences = dialog.preferences()
            self._save_preferences()
            if not self.capture.recording:
                self._apply_preferences(self.preferences)
            apply_language(QApplication.instance(), self.preferences.language)

    # --------------------------------------------------------- window state
    def _state_file(self):
        return preferences_path().parent / "window.json"

    def _restore_window_state(self) -> None:
        try:
            data = json.loads(self._state_file().read_text("utf-8"))
            self.restoreGeometry(QByteArray(base64.b64decode(data["geometry"])))
            self.splitter.restoreState(QByteArray(base64.b64decode(data["splitter"])))
        except (OSError, ValueError, KeyError, TypeError):
            self.resize(1100, 720)
            return
        tab = data.get("tab") if isinstance(data, dict) else None
        if isinstance(tab, int) and 0 <= tab < self.views.count():
            self.views.setCurrentIndex(tab)  # the tab it was closed on

    def save_window_state(self) -> None:
        from coulisses.atomicio import write_text

        data = {"geometry": base64.b64encode(bytes(self.saveGeometry())).decode("ascii"),
                "splitter": base64.b64encode(bytes(self.splitter.saveState())).decode("ascii"),
                "tab": self.views.currentIndex()}
        try:
            write_text(self._state_file(), json.dumps(data))
        except OSError as exc:
            log.warning("window state not saved: %s", exc)

    # ---------------------------------------------------------- show, close
    def bring_forward(self) -> None:
        """Show and raise the window (a second launch, the tray)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._update_preview()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self._update_preview()  # no preview, no countdown while nobody looks

    def ask(self, title: str, text: str, buttons: list[tuple[str, str]]) -> str:
        """Ask the maker; returns the chosen key (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        made = {}
        for key, label in buttons:
            role = QMessageBox.ButtonRole.RejectRole if key == CANCEL else \
                QMessageBox.ButtonRole.AcceptRole
            made[box.addButton(label, role)] = key
        box.exec()
        return made.get(box.clickedButton(), CANCEL)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._quitting:
            event.accept()
            return
        if self.capture.recording:
            if self.tray is not None:
                choice = self.ask(APP_NAME, self.tr(
                    "Coulisses is recording. Keep recording in the tray?"),
                    [(KEEP, self.tr("Keep recording")), (STOP, self.tr("Stop and quit")),
                     (CANCEL, self.tr("Cancel"))])
            else:
                choice = self.ask(APP_NAME, self.tr(
                    "Coulisses is recording. Stop recording and quit? Every still taken "
                    "so far is kept."),
                    [(STOP, self.tr("Stop and quit")), (CANCEL, self.tr("Cancel"))])
            if choice == KEEP:
                event.ignore()
                self.hide()
                if self.tray is not None:
                    self.tray.notify(APP_NAME, self.tr("Still recording. The tray icon "
                                                       "brings the window back."))
                return
            if choice == CANCEL:
                event.ignore()
                return
        if not self._shutdown(ask=not self.capture.recording):
            event.ignore()
            return
        event.accept()
        QApplication.quit()

    def quit_app(self) -> None:
        """Ctrl+Q, File → Quit, the tray: stop capture cleanly, keep every still."""
        if self._shutdown(ask=True):
            QApplication.quit()

    def _shutdown(self, ask: bool) -> bool:
        if ask and tasks.makers_work_running():  # not a suggestion search, a thumbnail
            choice = self.ask(APP_NAME, self.tr(
                "An import, an export or an edit is still running. Quit anyway? It will be "
                "cancelled; nothing already imported, exported or saved is lost."),
                [(STOP, self.tr("Quit")), (CANCEL, self.tr("Cancel"))])
            if choice != STOP:
                return False
        self._quitting = True
        self.importer.cancel()
        self.watches.stop_all()
        self.save_window_state()
        companion = getattr(self, "companion_dialog", None)
        if companion is not None:
            companion.stop()  # stop serving the phone before anything else closes
        self.auto_reel.stop()  # a reel in the background: cancelled, never half-written
        self.capture.shutdown()
        for runner in self.findChildren(TaskRunner):
            runner.cancel_all()  # imports, the demo, renders: cancelled, never half-written
        tasks.wait_all_pools(5000)
        self.bridge.close()
        if self.tray is not None:
            self.tray.close()
        self.close()
        return True
