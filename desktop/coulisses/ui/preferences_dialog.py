"""The Preferences dialog: edits a Preferences value; saving and applying are the caller's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.credentials.names import MAX_NAME, identity_folder
from coulisses.preferences import Preferences, bounds, choices
from coulisses.ui.capture.address_field import AddressField
from coulisses.ui.combos import refill, select

CAMERAS_OFFERED = 4  # indexes 0…3; the capture panel probes which ones really exist
SCREEN = "screen"
OTHER = "other"  # a stream URL or a video file, typed or browsed
# Language names are written in their own language, so anyone can find theirs.
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
PRESET_NAMES = {"reels": "Instagram Reels", "tiktok": "TikTok", "shorts": "YouTube Shorts"}
VIDEO_FILTER = "*.mp4 *.mov *.mkv *.avi *.webm *.m4v"


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._initial = prefs
        self._build()
        self._retranslate()
        self._load(prefs)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.source = QComboBox(self)
        self.source_text = AddressField(self)  # a stream password stays masked
        self.source_browse = QPushButton(self)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_text, 1)
        source_row.addWidget(self.source_browse)

        self.interval = QDoubleSpinBox(self)
        self.interval.setRange(*bounds("interval"))
        self.interval.setDecimals(1)
        self.skip_idle = QCheckBox(self)
        self.sensitivity = QComboBox(self)

        self.journal_folder = QLineEdit(self)
        self.journal_browse = QPushButton(self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.journal_folder, 1)
        folder_row.addWidget(self.journal_browse)
        self.journal_note = QLabel(self)
        self.journal_note.setWordWrap(True)
        self.journal_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.language = QComboBox(self)
        self.export_preset = QComboBox(self)
        for name in choices("export_preset"):
            self.export_preset.addItem(PRESET_NAMES.get(name, name), name)
        self.export_duration = QDoubleSpinBox(self)
        self.export_duration.setRange(*bounds("export_duration"))
        self.export_duration.setDecimals(0)
        self.export_layout = QComboBox(self)

        self.capture_group = QGroupBox(self)
        capture = QFormLayout(self.capture_group)
        self.source_label = QLabel(self)
        self.interval_label = QLabel(self)
        self.sensitivity_label = QLabel(self)
        capture.addRow(self.source_label, self.source)
        capture.addRow("", source_row)
        capture.addRow(self.interval_label, self.interval)
        capture.addRow("", self.skip_idle)
        capture.addRow(self.sensitivity_label, self.sensitivity)

        self.general_group = QGroupBox(self)
        general = QFormLayout(self.general_group)
        self.journal_label = QLabel(self)
        self.language_label = QLabel(self)
        general.addRow(self.journal_label, folder_row)
        general.addRow("", self.journal_note)
        general.addRow(self.language_label, self.language)

        self.export_group = QGroupBox(self)
        export = QFormLayout(self.export_group)
        self.preset_label = QLabel(self)
        self.duration_label = QLabel(self)
        self.layout_label = QLabel(self)
        export.addRow(self.preset_label, self.export_preset)
        export.addRow(self.duration_label, self.export_duration)
        export.addRow(self.layout_label, self.export_layout)
        # The phone companion's reel that makes itself when a Result is flagged.
        self.auto_reel = QCheckBox(self)
        self.auto_reel.setObjectName("auto_reel")
        export.addRow("", self.auto_reel)
        self.maker_label = QLabel(self)
        self.maker_name = QLineEdit(self)
        self.maker_name.setObjectName("maker_name")
        self.maker_name.setMaxLength(MAX_NAME)
        # Short lines: a long wrapped label is cut off at the bottom of a dialog.
        self.maker_note = QLabel(self)
        self.maker_note.setWordWrap(True)
        self.maker_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.keys_label = QLabel(self)
        self.keys_folder = QLabel(str(identity_folder()), self)
        self.keys_folder.setObjectName("keys_folder")
        self.keys_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        export.addRow(self.maker_label, self.maker_name)
        export.addRow("", self.maker_note)
        export.addRow(self.keys_label, self.keys_folder)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self._load(Preferences(journal_folder=self.journal_folder.text())))

        self.setMinimumWidth(560)  # room for a stream URL and the default journal path
        layout = QVBoxLayout(self)
        for group in (self.capture_group, self.general_group, self.export_group):
            layout.addWidget(group)
        layout.addWidget(self.buttons)

        self.source.currentIndexChanged.connect(self._source_kind_changed)
        self.skip_idle.toggled.connect(self.sensitivity.setEnabled)
        self.source_browse.clicked.connect(self._browse_video)
        self.journal_browse.clicked.connect(self._browse_folder)

    def _retranslate(self) -> None:
        """Every visible string; run again on LanguageChange."""
        self.setWindowTitle(self.tr("Preferences"))
        self.capture_group.setTitle(self.tr("Capture"))
        self.general_group.setTitle(self.tr("Journal and language"))
        self.export_group.setTitle(self.tr("Export defaults"))
        # "20,0 s" in French wants a non-breaking space before the unit.
        seconds = self.tr(" s", "unit suffix of a duration in seconds")
        self.interval.setSuffix(seconds)
        self.export_duration.setSuffix(seconds)
        self.source_label.setText(self.tr("Default source:"))
        self.source_text.setPlaceholderText(
            self.tr("rtsp://192.168.1.20:8554/live or a video file"))
        self.source_browse.setText(self.tr("Browse…"))
        self.interval_label.setText(self.tr("One still every:"))
        self.skip_idle.setText(self.tr("Skip stills where nothing moved"))
        self.sensitivity_label.setText(self.tr("Sensitivity:"))
        self.journal_label.setText(self.tr("Journal folder:"))
        self.journal_browse.setText(self.tr("Browse…"))
        default = self.tr("Default: {path}").format(path=_default_journal())
        self.journal_folder.setPlaceholderText(default)
        self.journal_folder.setToolTip(default)
        self.journal_note.setText(self.tr(
            "A new journal folder is used the next time Coulisses starts; nothing is moved "
            "or deleted."))
        self.language_label.setText(self.tr("Language:"))
        self.preset_label.setText(self.tr("Platform:"))
        self.duration_label.setText(self.tr("Reel length:"))
        self.layout_label.setText(self.tr("Framing:"))
        self.auto_reel.setText(self.tr("Make the reel when a Result is flagged"))
        self.auto_reel.setToolTip(self.tr("F11 or the phone's Result button makes the reel in "
                                          "the background with the piece's last export "
                                          "choices; it appears in the past exports and on "
                                          "the phone."))
        self.maker_label.setText(self.tr("Signed as:"))
        self.maker_name.setPlaceholderText(self.tr("Your name or your studio's, e.g. "
                                                   "Atelier Terre et Bois"))
        self.maker_note.setText(self.tr("Changing it keeps your fingerprint: reels signed "
                                        "before still check out."))
        self.keys_label.setText(self.tr("Signing keys:"))
        keys_tip = self.tr("Kept on this computer, outside the journal, readable by you "
                           "alone: back up this folder on its own.")
        self.keys_label.setToolTip(keys_tip)
        self.keys_folder.setToolTip(keys_tip)

        source = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        for index in range(CAMERAS_OFFERED):
            self.source.addItem(self.tr("Camera {n}").format(n=index), str(index))
        self.source.addItem(self.tr("Screen"), SCREEN)
        self.source.addItem(self.tr("Network camera or video file"), OTHER)
        if source is not None:
            self._select_source(source)
        self.source.blockSignals(False)

        levels = [self.tr("Low"), self.tr("Medium"), self.tr("High")]
        refill(self.sensitivity, list(zip(levels, _int_range("idle_sensitivity"), strict=True)))
        names = {"system": self.tr("System")} | LANGUAGE_NAMES
        refill(self.language, [(names[c], c) for c in choices("language")])
        layouts = {"fill": self.tr("Fill the frame (crop)"),
                   "fit": self.tr("Whole picture over a blurred background")}
        refill(self.export_layout, [(layouts.get(c, c), c) for c in choices("export_layout")])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fit()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._fit()
        super().showEvent(event)

    def _fit(self) -> None:
        """Tall enough for every row at the narrowest width allowed, where the wrapped
        notes take the most lines: Qt's own minimum forgets them, and the export rows were
        squeezed, their letters clipped (French, whose notes are longer)."""
        layout = self.layout()
        layout.activate()
        width = max(self.minimumWidth(), layout.minimumSize().width())
        need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        need = max(need, layout.totalMinimumSize().height())
        self.setMinimumHeight(need)
        if self.height() < need:
            self.resize(self.width(), need)

    # ------------------------------------------------------------------ values
    def _load(self, prefs: Preferences) -> None:
        self._select_source(prefs.default_source)
        self.interval.setValue(prefs.interval)
        self.skip_idle.setChecked(prefs.skip_idle)
        self.sensitivity.setEnabled(prefs.skip_idle)
        select(self.sensitivity, prefs.idle_sensitivity)
        self.journal_folder.setText(prefs.journal_folder)
        select(self.language, prefs.language)
        select(self.export_preset, prefs.export_preset)
        self.export_duration.setValue(prefs.export_duration)
        select(self.export_layout, prefs.export_layout)
        self.auto_reel.setChecked(prefs.auto_reel)
        # Never given in Preferences: the name the identity already signs with, if chosen.
        self.maker_name.setText(prefs.maker_name or _signing_name())

    def preferences(self) -> Preferences:
        """The edited values (the initial ones for anything left as it was)."""
        kind = self.source.currentData()
        source = self.source_text.text().strip() if kind == OTHER else kind
        return self._initial.replace(
            default_source=source or self._initial.default_source,
            interval=round(self.interval.value(), 1),
            skip_idle=self.skip_idle.isChecked(),
            idle_sensitivity=int(self.sensitivity.currentData()),
            journal_folder=self.journal_folder.text().strip(),
            language=self.language.currentData(),
            export_preset=self.export_preset.currentData(),
            export_duration=float(self.export_duration.value()),
            export_layout=self.export_layout.currentData(),
            auto_reel=self.auto_reel.isChecked(),
            maker_name=self.maker_name.text().strip(),
        )

    def _select_source(self, source: str) -> None:
        if source.isdigit() and self.source.findData(source) < 0:
            # A camera index beyond the usual few: offer it too.
            self.source.insertItem(self.source.count() - 2,
                                   self.tr("Camera {n}").format(n=source), source)
        index = self.source.findData(source)
        if index >= 0 and source != OTHER:
            self.source.setCurrentIndex(index)
        else:
            self.source.setCurrentIndex(self.source.findData(OTHER))
            self.source_text.setText(source if source != OTHER else self.source_text.text())
        self._source_kind_changed()

    def _source_kind_changed(self) -> None:
        other = self.source.currentData() == OTHER
        self.source_text.setEnabled(other)
        self.source_browse.setEnabled(other)

    def _browse_video(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a video file"), self.source_text.text(),
            self.tr("Videos ({patterns})").format(patterns=VIDEO_FILTER))
        if path:
            self.source_text.setText(path)

    def _browse_folder(self) -> None:
        start = self.journal_folder.text() or str(_default_journal())
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose the journal folder"), start)
        if path:
            self.journal_folder.setText(path)


def _int_range(name: str) -> range:
    low, high = bounds(name)
    return range(int(low), int(high) + 1)


def _signing_name() -> str:
    from coulisses.credentials.names import current_name

    try:
        return current_name()
    except Exception:  # noqa: BLE001 - only what the field shows first
        return ""


def _default_journal():
    from coulisses.journal.home import resolve_home

    return resolve_home(None)
