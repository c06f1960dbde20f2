"""The export window: options, a preview of the real frames, render, play, past exports.

Options are an ``ExportOptions`` (declared once in export/options.py, shared
with the CLI); the dialog only edits one and remembers the last per piece.
Rendering runs in the work pool with progress, time left and cancel; the reel
appears complete or not at all (the export's own guarantee); a failure keeps
the options so trying again is one click.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coulisses.export.output_folder import default_reels_dir
from coulisses.export.presets import PRESETS
from coulisses.i18n import format_datetime, format_decimal, quote
from coulisses.journal import Journal
from coulisses.preferences import Preferences
from coulisses.ui.capture.panel import PreviewLabel
from coulisses.ui.combos import refill
from coulisses.ui.export.player import ReelPlayer
from coulisses.ui.export.preview import PreviewController
from coulisses.ui.export.scrubber import Scrubber
from coulisses.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

OUTPUTS = ("mp4", "frames", "srt", "vtt", "cover", "post", "carousel")


class ExportDialog(QDialog):
    def __init__(self, journal: Journal, piece_id: str, preferences: Preferences | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from coulisses.export.options import ExportOptions, last_options

        self.setObjectName("export_dialog")
        self.journal, self.piece_id = journal, piece_id
        prefs = preferences or Preferences()
        remembered = last_options(journal, piece_id)
        if remembered == ExportOptions():  # nothing remembered: the maker's defaults
            # (a default length longer than the platform takes is brought within it)
            limit = PRESETS[prefs.export_preset].max_duration \
                if prefs.export_preset in PRESETS else None
            remembered = remembered.replace(preset=prefs.export_preset,
                                            duration=min(prefs.export_duration,
                                                         limit or prefs.export_duration),
                                            layout=prefs.export_layout)
        self.options = remembered
        self.result = None
        # What the status line says, as a function: it is said again in the new
        # language when the window's language changes.
        self._status_text: Callable[[], str] | None = None
        self.snapshot = None
        self._task: Task | None = None
        self._runner = TaskRunner(self, "work", makers_work=True)

        # --- options
        self.preset = QComboBox(self)
        self.duration = QDoubleSpinBox(self)
        self.duration.setRange(3.0, PRESETS[self.options.preset].max_duration)
        self.duration.setDecimals(0)
        # Under the length: how long this platform takes, and that short reels travel.
        self.duration_hint = QLabel(self)
        self.duration_hint.setObjectName("duration_hint")
        self.duration_hint.setWordWrap(True)
        self.duration_hint.setStyleSheet("color: palette(mid);")
        self.layout_mode = QComboBox(self)
        self.result_first = QCheckBox(self)
        self.before_after = QComboBox(self)
        self.before_after.setObjectName("before_after")
        self.before_after_at = QComboBox(self)
        self.before_after_at.setObjectName("before_after_at")
        self.ghost = QCheckBox(self)
        self.ghost.setObjectName("ghost")
        self.end_card = QCheckBox(self)
        self.deflicker = QCheckBox(self)
        self.credentials_note = QCheckBox(self)
        self.language = QComboBox(self)
        self.outputs = {name: QCheckBox(self) for name in OUTPUTS}
        self.out_dir = QLineEdit(str(default_reels_dir()), self)
        self.browse = QPushButton(self)
        self.form = QFormLayout()
        self.labels = {k: QLabel(self) for k in ("preset", "duration", "layout", "language",
                                                 "outputs", "folder", "before_after")}
        self.form.addRow(self.labels["preset"], self.preset)
        self.form.addRow(self.labels["duration"], self.duration)
        self.form.addRow("", self.duration_hint)
        self.form.addRow(self.labels["layout"], self.layout_mode)
        self.form.addRow(self.result_first)
        reveal_row = QHBoxLayout()
        reveal_row.addWidget(self.before_after, 1)
        reveal_row.addWidget(self.before_after_at, 1)
        self.form.addRow(self.labels["before_after"], reveal_row)
        self.form.addRow(self.ghost)
        self.form.addRow(self.end_card)
        self.form.addRow(self.deflicker)
        self.form.addRow(self.credentials_note)
        self.form.addRow(self.labels["language"], self.language)
        grid = QGridLayout()
        for i, box in enumerate(self.outputs.values()):
            grid.addWidget(box, i // 2, i % 2)
        self.form.addRow(self.labels["outputs"], grid)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.out_dir, 1)
        folder_row.addWidget(self.browse)
        self.form.addRow(self.labels["folder"], folder_row)
        self._build_signer_prompt()

        # --- preview
        self.preview = PreviewController(journal, piece_id, self)
        self.frame_view = PreviewLabel(self)
        self.frame_view.setObjectName("export_preview")
        self.frame_view.setMinimumSize(216, 384)
        self.scrubber = Scrubber(self)
        self.frame_time = QLabel(self)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b26a00;")
        preview_box = QVBoxLayout()
        preview_box.addWidget(self.frame_view, 1)
        preview_box.addWidget(self.scrubber)
        preview_box.addWidget(self.frame_time)
        preview_box.addWidget(self.warnings)
        preview_page = QWidget(self)
        preview_page.setLayout(preview_box)
        self.player = ReelPlayer(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(preview_page, "")
        self.tabs.addTab(self.player, "")

        # --- render and results
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.credentials = QLabel(self)
        self.credentials.setObjectName("credentials")
        self.credentials.setWordWrap(True)
        self.credentials.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.credentials.hide()
        self.render_button = QPushButton(self)
        self.render_button.setObjectName("render")
        self.cancel_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.history_label = QLabel(self)
        self.history = QListWidget(self)
        self.history.setObjectName("past_exports")
        self._past: list = []  # the PastExports listed, read by refresh_history
        self.history_open = QPushButton(self)
        self.history_delete = QPushButton(self)
        buttons = QHBoxLayout()
        for b in (self.render_button, self.cancel_button, self.open_button, self.copy_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        history_buttons = QHBoxLayout()
        history_buttons.addWidget(self.history_open)
        history_buttons.addWidget(self.history_delete)
        history_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.history_label)
        left.addWidget(self.history, 1)
        left.addLayout(history_buttons)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(self.tabs, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.credentials)
        layout.addLayout(buttons)

        self._replan = QTimer(self)
        self._replan.setSingleShot(True)
        self._replan.setInterval(200)
        self._replan.timeout.connect(self._options_changed)
        self.retranslate()
        self._show_options(self.options)
        for w in (self.preset, self.layout_mode, self.language, self.before_after,
                  self.before_after_at):
            w.currentIndexChanged.connect(self._replan.start)
        self.preset.currentIndexChanged.connect(self._platform_changed)
        self.before_after.currentIndexChanged.connect(self._platform_changed)
        self.duration.valueChanged.connect(self._replan.start)
        for box in (self.result_first, self.end_card, self.deflicker, self.credentials_note,
                    self.ghost, *self.outputs.values()):
            box.toggled.connect(self._replan.start)
        self.browse.clicked.connect(self._browse)
        self.scrubber.valueChanged.connect(self.preview.show_frame)
        self.preview.planned.connect(self._planned)
        self.preview.plan_failed.connect(self._plan_failed)
        self.preview.frame_ready.connect(self._frame_ready)
        self.render_button.clicked.connect(self.render)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button.clicked.connect(self.copy_post_text)
        self.close_button.clicked.connect(self.close)
        self.history_open.clicked.connect(self._open_past)
        self.history_delete.clicked.connect(self._delete_past)
        self.history.currentRowChanged.connect(lambda _row: self._past_chosen())
        self._set_busy(False)
        self.open_button.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.preview.set_options(self.options)
        self.refresh_history()
        self.resize(1000, 720)

    # ------------------------------------------------------------- language
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Make the reel"))
        labels = {"preset": self.tr("For"), "duration": self.tr("Length (seconds)"),
                  "layout": self.tr("Framing"), "language": self.tr("Captions in"),
                  "outputs": self.tr("Make"), "folder": self.tr("Into the folder"),
                  "before_after": self.tr("Before/after")}
        for key, text in labels.items():
            self.labels[key].setText(text)
        refill(self.preset, [("Instagram Reels", "reels"), ("TikTok", "tiktok"),
                             ("YouTube Shorts", "shorts")])
        refill(self.layout_mode, [(self.tr("Fill the frame around the focus point"), "fill"),
                                  (self.tr("Whole still over a blurred copy"), "fit")])
        refill(self.language, [(self.tr("The app's language"), ""), ("Français", "fr"),
                               ("English", "en")])
        self.result_first.setText(self.tr("Show the result first"))
        refill(self.before_after, [(self.tr("None"), None),
                                   (self.tr("Side by side"), "side"),
                                   (self.tr("Wipe from one to the other"), "wipe")])
        refill(self.before_after_at, [(self.tr("At the end"), "end"),
                                      (self.tr("At the start"), "start")])
        tip = self.tr("The piece's first still beside its result, both framed on the focus "
                      "point so the piece lines up; also a carousel slide.")
        self.before_after.setToolTip(tip)
        self.before_after_at.setToolTip(tip)
        self.ghost.setText(self.tr("Ghost: the finished piece faintly over the first seconds"))
        self.end_card.setText(self.tr("End card with the effort figures"))
        self.deflicker.setText(self.tr("Even out flicker between stills"))
        self.credentials_note.setText(self.tr("Say in the post text that the reel carries "
                                              "Content Credentials"))
        names = {"mp4": self.tr("Video (MP4)"), "frames": self.tr("Numbered frames"),
                 "srt": self.tr("SRT captions"), "vtt": self.tr("VTT captions"),
                 "cover": self.tr("Cover image"), "post": self.tr("Post text")}
        for key, box in self.outputs.items():
            if key in names:
                box.setText(names[key])
        self._platform_changed()
        self.browse.setText(self.tr("Choose…"))
        self.tabs.setTabText(0, self.tr("Preview"))
        self.tabs.setTabText(1, self.tr("Play the reel"))
        self.render_button.setText(self.tr("Make the reel") if self.result is None
                                   else self.tr("Make it again"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_button.setText(self.tr("Open its folder"))
        self.copy_button.setText(self.tr("Copy the post text"))
        self.close_button.setText(self.tr("Close"))
        self._retranslate_signer_prompt()
        self.history_label.setText(self.tr("Past exports of this piece"))
        self.history_open.setText(self.tr("Open"))
        self.history_delete.setText(self.tr("Delete…"))
        self._name_past()
        if self._status_text is not None:
            self.status.setText(self._status_text())
        self.credentials.setText(self.credentials_text(self.result) if self.result else "")
        self.credentials.setVisible(bool(self.credentials.text()))

    def _say(self, text: str | Callable[[], str]) -> None:
        """Put a sentence on the status line; a function is asked again after a language
        switch (a plain string, such as an error already worded, stays as it is)."""
        self._status_text = text if callable(text) else (lambda: text)
        self.status.setText(self._status_text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- options
    def _platform_changed(self) -> None:
        """What depends on the platform chosen: the longest length, the hint under it, the
        carousel's cap; where the before/after is held only matters with one."""
        preset = PRESETS.get(self.preset.currentData() or "", PRESETS[self.options.preset])
        self.duration.setMaximum(preset.max_duration)
        minutes = preset.max_duration / 60
        self.duration_hint.setText(self.tr(
            "{platform} takes up to {minutes:g} min; short reels (15 to 30 s) are the ones "
            "the platforms push.").format(platform=preset.label, minutes=minutes))
        fmt = preset.carousel
        self.outputs["carousel"].setText(self.tr("Carousel (up to {n} images)").format(
            n=fmt.max_images))
        self.outputs["carousel"].setToolTip(fmt.label)
        self.before_after_at.setEnabled(self.before_after.currentData() is not None)

    def _show_options(self, o) -> None:
        for combo, value in ((self.preset, o.preset), (self.layout_mode, o.layout),
                             (self.language, o.lang or ""), (self.before_after, o.before_after),
                             (self.before_after_at, o.before_after_at)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self._platform_changed()
        self.duration.blockSignals(True)
        self.duration.setValue(o.duration or 30.0)
        self.duration.blockSignals(False)
        for box, value in ((self.result_first, o.result_first), (self.end_card, o.end_card),
                           (self.deflicker, o.deflicker),
                           (self.credentials_note, o.credentials_note), (self.ghost, o.ghost)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        for name, box in self.outputs.items():
            box.blockSignals(True)
            box.setChecked(name in o.outputs)
            box.blockSignals(False)

    def read_options(self):
        """The ExportOptions the form shows (the CLI builds the same object)."""
        return self.options.replace(
            preset=self.preset.currentData(), duration=float(self.duration.value()),
            layout=self.layout_mode.currentData(), result_first=self.result_first.isChecked(),
            end_card=self.end_card.isChecked(), deflicker=self.deflicker.isChecked(),
            credentials_note=self.credentials_note.isChecked(),
            before_after=self.before_after.currentData(),
            before_after_at=self.before_after_at.currentData() or "end",
            ghost=self.ghost.isChecked(), lang=self.language.currentData() or None,
            outputs=frozenset(n for n, box in self.outputs.items() if box.isChecked()))

    def _options_changed(self) -> None:
        try:
            self.options = self.read_options()
        except ValueError as exc:
            self._say(str(exc))
            return
        self.preview.set_options(self.options)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where should the reel go?"),
                                                  self.out_dir.text())
        if folder:
            self.out_dir.setText(folder)

    # -------------------------------------------------------------- preview
    def _planned(self, snapshot, plan) -> None:
        self.snapshot = snapshot
        self.scrubber.set_plan(plan)
        notes = list(plan.warnings)
        if self.scrubber.short:
            notes.append(self.tr("Captions in amber on the bar are shown for less time than "
                                 "they need to be read: make the reel longer or the caption "
                                 "shorter."))
        self.warnings.setText("\n".join(notes))
        self.preview.show_frame(self.scrubber.value())

    def _plan_failed(self, message: str) -> None:
        self.warnings.setText(message)
        self.frame_view.clear_image(message)

    def _frame_ready(self, frame: int, image) -> None:
        self.frame_view.show_image(image)
        plan = self.preview.plan
        fps = plan.fps if plan else 30
        cue = next((c for c in plan.cues if c.start_frame <= frame < c.end_frame), None) \
            if plan else None
        text = format_decimal(frame / fps, 2) + "\u00a0s"  # no line break before the unit
        if cue is not None:
            text += " — " + quote(cue.text)
        self.frame_time.setText(text)

    # --------------------------------------------------------------- render
    def _set_busy(self, busy: bool) -> None:
        self.render_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)

    def render(self) -> bool:
        from coulisses.export.options import export_with_options, save_last_options

        if self._task is not None:
            return False
        try:
            self.options = self.read_options()
        except ValueError as exc:
            self._say(str(exc))
            return False
        if not self._keep_signer_name():
            return False
        out = Path(self.out_dir.text()).expanduser()
        journal, piece_id, options = self.journal, self.piece_id, self.options
        with contextlib.suppress(OSError):  # remembering choices is a comfort, not a must
            save_last_options(journal, piece_id, options)
        made: list = []  # the export, once it returned: a cancel may have come too late

        def job(cancel, progress):
            made.append(export_with_options(journal.snapshot(piece_id), out, options,
                                            progress=progress, cancel=cancel))
            return made[-1]

        task = Task(job)
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._rendered)
        task.signals.failed.connect(self._render_failed)
        # A job that returns after a cancel is reported as cancelled (ui/tasks); the export
        # may have passed its point of no return by then: it is made, and said so.
        task.signals.cancelled.connect(lambda: self._render_cancelled(made[-1] if made
                                                                      else None))
        self._task = task
        self._started = time.monotonic()
        self.progress.setRange(0, 0)
        self._say(lambda: self.tr("Making the reel…"))
        self._set_busy(True)
        self._runner.start(task)
        return True

    # ------------------------------------------------------ the signing name
    def _build_signer_prompt(self) -> None:
        """Asks the name reels are signed with, while it was never given (before the first
        reel is signed; never the login name)."""
        from coulisses.credentials.names import MAX_NAME, needs_name

        self.signer_label = QLabel(self)
        self.signer_name = QLineEdit(self)
        self.signer_name.setObjectName("signer_name")
        self.signer_name.setMaxLength(MAX_NAME)
        self.form.addRow(self.signer_label, self.signer_name)
        try:
            asked = needs_name(self.journal.home)
        except Exception:  # noqa: BLE001 - a question for comfort: never stop an export
            log.warning("cannot tell whether the signing name was given", exc_info=True)
            asked = True
        self.form.setRowVisible(self.signer_name, asked)

    def _retranslate_signer_prompt(self) -> None:
        self.signer_label.setText(self.tr("Sign the reel as"))
        self.signer_name.setPlaceholderText(self.tr("Your name or your studio's, e.g. Atelier "
                                                    "Terre et Bois"))
        tip = self.tr("The name anyone who checks your reels' Content Credentials sees. You "
                      "can change it later in Preferences; your fingerprint stays the same.")
        self.signer_label.setToolTip(tip)
        self.signer_name.setToolTip(tip)

    def _keep_signer_name(self) -> bool:
        """The name typed in the prompt signs this reel and the next ones; False (said on
        the status line) for a name a certificate cannot carry. Left empty, the reel is
        signed with the neutral name and the prompt stays for the next one."""
        name = self.signer_name.text().strip()
        if not name or not self.form.isRowVisible(self.signer_name):
            return True
        from coulisses.credentials.identity import CredentialsError, set_maker_name

        try:
            identity = set_maker_name(name, journal=self.journal.home)
        except ValueError as exc:
            self._say(str(exc))
            self.signer_name.setFocus()
            return False
        except (CredentialsError, OSError) as exc:  # the export says it is unsigned, and why
            log.warning("cannot keep the signing name: %s", exc)
            return True
        self.form.setRowVisible(self.signer_name, False)
        if identity.notices:  # keys moved out of an old journal: said once, here
            self.credentials.setText("\n".join(identity.notices))
            self.credentials.show()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._say(lambda: self.tr("Cancelling…"))

    def _progress(self, p) -> None:
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(p.done)
        if p.message and p.total and p.done >= p.total:  # the steps after the frames
            step = p.message
            self._say(lambda: self.tr("Making the reel… {step}").format(step=step))
            return
        eta = p.eta_seconds
        if eta is not None:
            left = max(1, round(eta))
            self._say(lambda: self.tr("Making the reel… about {s} s left").format(s=left))

    def _rendered(self, result, too_late_to_cancel: bool = False) -> None:
        self._task = None
        self.result = result
        self._set_busy(False)

        def done() -> str:
            text = self.tr("Done: {folder} ({seconds:.0f} s of video, made in "
                           "{took:.0f} s).").format(folder=result.folder,
                                                    seconds=result.duration,
                                                    took=result.elapsed)
            if too_late_to_cancel:
                text = self.tr("The reel was already made when you cancelled, so it is "
                               "kept.") + " " + text
            return text

        self._say(done)
        self.open_button.setEnabled(True)
        self.copy_button.setEnabled("post" in result.files)
        self.retranslate()
        self.refresh_history()
        if "mp4" in result.files:
            self.player.open(result.files["mp4"])
            self.tabs.setCurrentWidget(self.player)

    def credentials_text(self, result) -> str:
        """Whether the reel carries the maker's Content Credentials, in one or two lines."""
        signed = getattr(result, "credentials", None)
        if signed is None:
            return ""
        if not signed.ok:
            return signed.problem
        lines = [self.tr("Signed with your Content Credentials (%n file(s)): anyone can check "
                         "it was captured at your bench.", "", len(signed.files))]
        if signed.fingerprint:
            lines.append(self.tr("Your fingerprint, to publish on your shop or profile: "
                                 "{fingerprint}").format(fingerprint=signed.fingerprint))
        lines.extend(signed.notices)
        return "\n".join(lines)

    def _render_failed(self, message: str) -> None:
        self._task = None
        self._set_busy(False)
        self._say(lambda: self.tr("The reel could not be made: {reason} Your choices are "
                                  "kept: press “Make the reel” to try again.")
                  .format(reason=message))

    def _render_cancelled(self, result=None) -> None:
        if result is not None:  # cancelled after the export was published: it is done
            self._rendered(result, too_late_to_cancel=True)
            return
        self._task = None
        self._set_busy(False)
        self._say(lambda: self.tr("Cancelled: no reel was made and nothing was left behind."))

    # -------------------------------------------------------------- results
    def open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder)))

    def copy_post_text(self) -> str:
        if self.result is None or "post" not in self.result.files:
            return ""
        text = Path(self.result.files["post"]).read_text("utf-8")
        QGuiApplication.clipboard().setText(text)
        self._say(lambda: self.tr("The post text is in the clipboard."))
        return text

    def refresh_history(self) -> None:
        from coulisses.export.history import past_exports

        self.history.clear()
        try:
            self._past = past_exports(self.journal, self.piece_id)
        except OSError:
            self._past = []
        for entry in self._past:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(entry.folder))
            self.history.addItem(item)
        self._name_past()

    def _name_past(self) -> None:
        """The past exports' lines in the UI language (from the list read, not the disk)."""
        for row, entry in enumerate(self._past):
            when = format_datetime(entry.when)
            preset = PRESETS[entry.preset].label if entry.preset in PRESETS else entry.preset
            text = self.tr("{when} · {preset} · {seconds:.0f} s").format(
                when=when, preset=preset, seconds=entry.duration) if entry.duration \
                else self.tr("{when} · carousel").format(when=when)
            if not entry.exists:
                text += " · " + self.tr("folder gone")
            self.history.item(row).setText(text)
        self._past_chosen()

    def _past_chosen(self) -> None:
        """Open and Delete act on the past export chosen: with none, they cannot."""
        row = self.history.currentRow()
        entry = self._past[row] if 0 <= row < len(self._past) else None
        self.history_open.setEnabled(entry is not None and entry.exists)
        self.history_delete.setEnabled(entry is not None)

    def _selected_past(self) -> Path | None:
        item = self.history.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _open_past(self) -> None:
        folder = self._selected_past()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _delete_past(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        folder = self._selected_past()
        if folder is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete this export?"), self.tr(
            "Delete the folder {folder} and everything in it? The piece and its stills are "
            "not touched.").format(folder=folder))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_past(folder)

    def delete_past(self, folder: Path) -> None:
        from coulisses.export import ExportError
        from coulisses.export.history import delete_export

        try:
            delete_export(self.journal, self.piece_id, folder)
        except (ExportError, OSError) as exc:
            self._say(str(exc))
        self.refresh_history()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._task is not None:
            self._task.cancel()
        self.player.close_reel()
        self.preview.close()
        super().closeEvent(event)
