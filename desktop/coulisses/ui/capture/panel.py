"""The capture panel's layout: source, interval, idle skipping, preview, buttons, state.

A view only: it says what the maker chose and shows what it is told. The
window wires it to the CaptureController.

On a laptop screen (1100×720) the settings and the preview scroll and give way;
the Start/Stop/Snap buttons and the status line below them never do. Once capture
runs, the settings fold into one line (they cannot change until Stop).
"""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coulisses.capture.probe import CameraInfo
from coulisses.capture.session import CaptureSettings
from coulisses.capture.sources import network_address
from coulisses.i18n import format_decimal
from coulisses.preferences import idle_settings
from coulisses.redaction import redact
from coulisses.ui.capture.address_field import AddressField
from coulisses.ui.capture.status import StatusLine

KIND_CAMERA, KIND_URL, KIND_FILE, KIND_SCREEN = "camera", "url", "file", "screen"
VIDEO_FILTER = "*.mp4 *.mov *.mkv *.avi *.webm *.m4v"


def camera_choice(cam: CameraInfo) -> str:
    """How a camera reads in a source list: "Camera 0 — C920" (the bench, the welcome page)."""
    name = cam.name or QCoreApplication.translate("CapturePanel", "Camera {n}").format(
        n=cam.index)
    return QCoreApplication.translate("CapturePanel", "Camera {n} — {name}").format(
        n=cam.index, name=name)


def _data(kind: str, value: str = "") -> str:
    """Item data of a source choice: plain strings, which QComboBox.findData compares."""
    return f"{kind}:{value}"


class PreviewLabel(QLabel):
    """Shows the latest preview frame scaled to fit, keeping its aspect ratio."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(160, 90))  # what gives way on a small screen
        # Ignored: the pixmap must follow the label's size, never push the layout.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A message in place of the picture ("cannot open the stream …: check the
        # address …") is a whole sentence: wrapped, never cut at both edges.
        self.setWordWrap(True)
        self.setMargin(16)
        self.setStyleSheet("background: #1e1e1e; color: #bdbdbd; border-radius: 6px;")
        self._image = QImage()

    # It takes the room left and asks for none: a size hint from the picture shown (or
    # from a wrapped message) would make the bench scroll on a laptop screen.
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def heightForWidth(self, _width: int) -> int:  # noqa: N802 - Qt's name
        return -1

    def show_image(self, image: QImage) -> None:
        self._image = image
        self._rescale()

    def clear_image(self, text: str = "") -> None:
        self._image = QImage()
        self.setPixmap(QPixmap())
        self.setText(text)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image.isNull():
            return
        # QPixmap here, on the GUI thread, from a QImage made by the controller.
        pix = QPixmap.fromImage(self._image).scaled(
            self.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        self.setPixmap(pix)

    @property
    def has_image(self) -> bool:
        return not self._image.isNull()


class CapturePanel(QWidget):
    start_clicked = Signal()
    stop_clicked = Signal()
    snap_clicked = Signal()
    source_changed = Signal(str)  # the source spec, "" while incomplete

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cameras: list[CameraInfo] = []
        self._cameras_probed = False
        self.source_kind = QComboBox(self)
        self.source_kind.setObjectName("source_kind")
        self.url = AddressField(self)  # its password hidden unless being edited
        self.url.setObjectName("source_url")
        self.url_hint = QLabel(self)
        self.url_hint.setWordWrap(True)
        self.url_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_hint.setStyleSheet("color: #616161;")
        self.file_path = QLineEdit(self)
        self.file_path.setObjectName("source_file")
        self.browse = QPushButton(self)
        self.camera_note = QLabel(self)
        self.camera_note.setWordWrap(True)
        # Wrapped notes keep their lines (the settings scroll, as tall as the lines need at
        # their width); their minimum is one line, not the many they would take if narrow,
        # or the settings would scroll on a laptop with room to spare.
        for label in (self.url_hint, self.camera_note):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            label.setMinimumHeight(label.fontMetrics().lineSpacing())
        self.interval = QDoubleSpinBox(self)
        self.interval.setObjectName("interval")
        self.interval.setRange(0.5, 3600.0)
        self.interval.setDecimals(1)
        self.interval.setValue(10.0)
        self.skip_idle = QCheckBox(self)
        self.skip_idle.setChecked(True)
        self.sensitivity = QComboBox(self)
        self.preview_on = QCheckBox(self)
        self.preview_on.setChecked(True)
        self.preview = PreviewLabel(self)
        self.preview.setObjectName("preview")
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("start")
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("stop")
        self.snap_button = QPushButton(self)
        self.snap_button.setObjectName("snap")
        for b in (self.start_button, self.stop_button, self.snap_button):
            b.setMinimumHeight(40)
        self.status = QLabel(self)
        self.status.setObjectName("capture_status")
        self.status.setWordWrap(True)
        # What the capture is doing, or why it cannot: the one place a source's or the
        # capture's problem is said (not the banner, not the preview).
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.status.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.status.setFont(font)

        self.source_label, self.url_label = QLabel(self), QLabel(self)
        self.file_label = QLabel(self)
        self.interval_label, self.idle_label = QLabel(self), QLabel(self)
        self.form = QFormLayout()
        self.form.addRow(self.source_label, self.source_kind)
        self.form.addRow(self.camera_note)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_path, 1)
        file_row.addWidget(self.browse)
        self._file_row = QWidget(self)
        self._file_row.setLayout(file_row)
        file_row.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.url_label, self.url)
        self.form.addRow(self.url_hint)
        self.form.addRow(self.file_label, self._file_row)
        self.form.addRow(self.interval_label, self.interval)
        idle_row = QHBoxLayout()
        idle_row.setContentsMargins(0, 0, 0, 0)
        idle_row.addWidget(self.skip_idle)
        idle_row.addWidget(self.sensitivity, 1)
        self._idle_row = QWidget(self)
        self._idle_row.setLayout(idle_row)
        self.form.addRow(self.idle_label, self._idle_row)
        # While recording, the settings above fold into this line.
        self.summary = QLabel(self)
        self.summary.setObjectName("capture_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #616161;")
        self.summary.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 2)
        buttons.addWidget(self.stop_button, 1)
        buttons.addWidget(self.snap_button, 1)
        buttons.addWidget(self.preview_on)
        # The settings, the preview and any row the window adds scroll; the buttons and
        # the status line stay in sight whatever the screen.
        self.settings_page = QWidget(self)
        self.settings_page.setObjectName("capture_settings")
        self.rows = QVBoxLayout(self.settings_page)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.addLayout(self.form)
        self.rows.addWidget(self.summary)
        self.rows.addWidget(self.preview, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("capture_scroll")
        self.scroll.setWidget(self.settings_page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for w in (self.scroll.viewport(), self.settings_page):  # the tab's own background
            w.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.source_kind.currentIndexChanged.connect(self._kind_changed)
        self.url.editingFinished.connect(self._emit_source)
        self.file_path.editingFinished.connect(self._emit_source)
        self.browse.clicked.connect(self._browse)
        self.skip_idle.toggled.connect(self.sensitivity.setEnabled)
        self.start_button.clicked.connect(self.start_clicked)
        self.stop_button.clicked.connect(self.stop_clicked)
        self.snap_button.clicked.connect(self.snap_clicked)
        self.retranslate()
        self.set_recording(False)

    def add_row(self, widget: QWidget) -> None:
        """A row of the window's (the folder watch) that scrolls with the settings."""
        self.rows.addWidget(widget)

    # ------------------------------------------------------------- language
    def retranslate(self) -> None:
        self.source_label.setText(self.tr("Source"))
        self.url_label.setText(self.tr("Stream URL"))
        self.file_label.setText(self.tr("Video file"))
        self.interval_label.setText(self.tr("A still every"))
        self.idle_label.setText(self.tr("When nothing moves"))
        self.url.setPlaceholderText(self.tr("rtsp://… or http://… from the phone's camera app"))
        self.url_hint.setText(self.tr(
            "Common phone apps: IP Webcam (Android) http://PHONE:8080/video · "
            "DroidCam http://PHONE:4747/video · RTSP apps rtsp://PHONE:8554/live. "
            "Phone and computer must be on the same Wi-Fi."))
        self.file_path.setPlaceholderText(self.tr("A video file to take stills from"))
        self.browse.setText(self.tr("Browse…"))
        # Numbers as the language writes them (2,0 in French), like Preferences: a spin
        # box keeps the locale it was made with unless told.
        self.interval.setLocale(QLocale())
        self.interval.setSuffix(self.tr(" s"))
        self.skip_idle.setText(self.tr("Skip stills where nothing moves"))
        current = self.sensitivity.currentIndex()
        self.sensitivity.clear()
        self.sensitivity.addItems([self.tr("Low sensitivity"), self.tr("Medium sensitivity"),
                                   self.tr("High sensitivity")])
        self.sensitivity.setCurrentIndex(current if current >= 0 else 1)
        self.preview_on.setText(self.tr("Live preview"))
        self.start_button.setText(self.tr("Start"))
        self.stop_button.setText(self.tr("Stop"))
        self.snap_button.setText(self.tr("Snap now (F5)"))
        self._fill_kinds()
        if self.preview.has_image is False and not self.preview.text():
            self.preview.setText(self.tr("No preview"))
        self._summarise()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- sources
    def set_cameras(self, cameras: list[CameraInfo]) -> None:
        before = self.source()
        self._cameras = list(cameras)
        self._cameras_probed = True
        self._fill_kinds()
        if self.source() != before:  # the camera asked for is not there: say what now
            self._emit_source()

    def _fill_kinds(self) -> None:
        data = self.source_kind.currentData()
        self.source_kind.blockSignals(True)
        self.source_kind.clear()
        for cam in self._cameras:
            self.source_kind.addItem(camera_choice(cam), _data(KIND_CAMERA, str(cam.index)))
        self.source_kind.addItem(self.tr("A phone over the network"), _data(KIND_URL))
        self.source_kind.addItem(self.tr("A video file"), _data(KIND_FILE))
        self.source_kind.addItem(self.tr("The screen"), _data(KIND_SCREEN, "screen"))
        index = self.source_kind.findData(data) if data is not None else 0
        self.source_kind.setCurrentIndex(max(0, index))
        self.source_kind.blockSignals(False)
        if not self._cameras_probed:
            self.camera_note.setText(self.tr("Looking for cameras…"))
        elif not self._cameras:
            self.camera_note.setText(self.tr(
                "No camera was found on this computer. Plug one in, or use a phone over the "
                "network, a video file or the screen."))
        else:
            self.camera_note.setText("")
        self.camera_note.setVisible(bool(self.camera_note.text()))
        self._show_fields()

    def _current(self) -> tuple[str, str]:
        data = self.source_kind.currentData()
        if not data:
            return KIND_CAMERA, "0"
        kind, _, value = str(data).partition(":")
        return kind, value

    def _kind(self) -> str:
        return self._current()[0]

    def _show_fields(self) -> None:
        kind = self._kind()
        for widget, visible in ((self.url, kind == KIND_URL), (self.url_hint, kind == KIND_URL),
                                (self._file_row, kind == KIND_FILE)):
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)

    def _kind_changed(self) -> None:
        self._show_fields()
        self._emit_source()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a video file"), "",
                                              self.tr("Videos") + f" ({VIDEO_FILTER})")
        if path:
            self.file_path.setText(path)
            self._emit_source()

    def _emit_source(self) -> None:
        self.source_changed.emit(self.source())

    def source(self) -> str:
        """The source spec the capture layer understands, or "" when incomplete."""
        kind, value = self._current()
        if kind == KIND_URL:
            return network_address(self.url.text())  # "192.168.1.20:8080/video" gains http://
        if kind == KIND_FILE:
            return self.file_path.text().strip()
        return value

    def set_source(self, spec: str) -> None:
        """Select what a preference or the last capture used."""
        spec = spec.strip()
        if not spec:
            return
        if spec.isdigit():
            index = self.source_kind.findData(_data(KIND_CAMERA, spec))
            if index < 0:  # not probed (yet): keep it selectable
                self._cameras.append(CameraInfo(int(spec), ""))
                self._fill_kinds()
                index = self.source_kind.findData(_data(KIND_CAMERA, spec))
        elif spec.lower() == "screen":
            index = self.source_kind.findData(_data(KIND_SCREEN, "screen"))
        elif "://" in spec:
            self.url.setText(spec)
            index = self.source_kind.findData(_data(KIND_URL))
        else:
            self.file_path.setText(spec)
            index = self.source_kind.findData(_data(KIND_FILE))
        self.source_kind.setCurrentIndex(max(0, index))
        self._show_fields()

    # ------------------------------------------------------------- settings
    def settings(self) -> CaptureSettings:
        return CaptureSettings(interval=float(self.interval.value()),
                               keep_idle=not self.skip_idle.isChecked(),
                               idle=idle_settings(self.sensitivity.currentIndex() + 1))

    def set_settings(self, interval: float, skip_idle: bool, sensitivity: int) -> None:
        self.interval.setValue(interval)
        self.skip_idle.setChecked(skip_idle)
        self.sensitivity.setCurrentIndex(max(0, min(2, sensitivity - 1)))

    # ---------------------------------------------------------------- state
    def set_recording(self, recording: bool) -> None:
        self.start_button.setEnabled(not recording)
        self.stop_button.setEnabled(recording)
        self.snap_button.setEnabled(recording)
        for w in (self.source_kind, self.url, self.file_path, self.browse, self.interval,
                  self.skip_idle, self.sensitivity):
            w.setEnabled(not recording)
        if not recording:
            self.sensitivity.setEnabled(self.skip_idle.isChecked())
        # The settings cannot change while recording: one line says them instead.
        self._recording = recording
        self._fold(recording)
        self._summarise()

    def _fold(self, folded: bool) -> None:
        for row in range(self.form.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
                         QFormLayout.ItemRole.SpanningRole):
                item = self.form.itemAt(row, role)
                if item is not None and item.widget() is not None:
                    item.widget().setVisible(not folded)
        if not folded:
            self._fill_kinds()  # which notes and fields the source shows
        self.summary.setVisible(folded)

    def source_name(self) -> str:
        """The source as the summary names it: a camera, the file's name, the address."""
        kind, _value = self._current()
        if kind == KIND_FILE:
            return PurePath(self.file_path.text().strip()).name
        if kind == KIND_URL:
            return redact(self.source())  # never a stream password
        return self.source_kind.currentText()

    def _summarise(self) -> None:
        if not getattr(self, "_recording", False):
            return
        interval = format_decimal(self.interval.value(), 1)
        text = self.tr("From {source} · a still every {interval} s").format(
            source=self.source_name(), interval=interval)
        if self.skip_idle.isChecked():
            text += " · " + self.tr("skipping stills where nothing moves")
        self.summary.setText(text)

    def show_status(self, line: StatusLine) -> None:
        self.status.setText(line.text)
        self.status.setStyleSheet(f"color: {line.colour};")
        self.status.setProperty("status_key", line.key)
