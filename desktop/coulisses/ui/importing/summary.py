"""The end of an import in a few lines: imported, already there, skipped (and why)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coulisses.capture.importer import DUPLICATE, SKIPPED, ImportReport, VideoOutcome
from coulisses.capture.video_meta import (
    APPLE_CREATIONDATE,
    CREATION_TIME,
    PACE_CAPTURE_FPS,
    PACE_REAL_DURATION,
    PACE_SPEEDUP,
)
from coulisses.units import format_duration


class ImportSummary(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_summary")
        self.report = report
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setVisible(bool(report.skipped or report.no_exif or report.videos))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(560, 320 if self.details.isVisibleTo(self) else 140)

    def retranslate(self) -> None:
        """Everything from the report kept (a language switch while the summary is open)."""
        self.setWindowTitle(self.tr("Import finished"))
        self.headline.setText(self.headline_text(self.report))
        self.details.setPlainText(self.details_text(self.report))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def headline_text(self, r: ImportReport) -> str:
        parts = []
        if r.total or not r.videos_total:
            parts.append(self.tr("%n photo(s) imported", "", len(r.imported)))
        if r.videos_total:
            parts.append(self.tr("%n still(s) from videos", "", len(r.video_stills)))
        if r.duplicates:
            parts.append(self.tr("%n already there", "", len(r.duplicates)))
        skipped = len(r.skipped) + sum(v.status == SKIPPED for v in r.videos)
        if skipped:
            parts.append(self.tr("%n skipped", "", skipped))
        if r.no_exif:
            parts.append(self.tr("%n without a time in their EXIF (file date used)", "",
                                 len(r.no_exif)))
        text = " · ".join(parts) + "."
        if r.cancelled:
            text = self.tr("Import cancelled: every photo stored so far is kept.") + " " + text
        if r.stopped:
            text = r.stopped + " " + text
        return text

    def details_text(self, r: ImportReport) -> str:
        lines = [self.tr("Skipped {name}: {reason}").format(name=path.name, reason=reason)
                 for path, reason in r.skipped]
        lines += [self.tr("No EXIF time: {name}").format(name=path.name) for path in r.no_exif]
        for v in r.videos:
            lines += self.video_lines(v)
        if r.live_clips:
            lines.append(self.tr("Clips of Live Photos left alone (their photo is the shot): "
                                 "{n}").format(n=len(r.live_clips)))
        return "\n".join(lines)

    def video_lines(self, v: VideoOutcome) -> list[str]:
        name = v.path.name
        if v.status == SKIPPED:
            return [self.tr("Skipped {name}: {reason}").format(name=name, reason=v.reason)]
        if v.result is None:
            return [self.tr("{name}: already in the piece (the same file was imported before)")
                    .format(name=name)]
        r = v.result
        if v.status == DUPLICATE:
            head = self.tr("{name}: already in the piece").format(name=name)
        else:
            head = self.tr("{name}: %n still(s), filmed from {start}", "", len(r.captures)) \
                .format(name=name, start=r.start.astimezone().strftime("%Y-%m-%d %H:%M"))
        lines = [head, "  " + self.time_text(v), "  " + self.pace_text(v)]
        if r.idle_skipped:
            lines.append("  " + self.tr("%n idle still(s) skipped", "", r.idle_skipped))
        if r.lost:
            lines.append("  " + r.lost)
        return lines

    def time_text(self, v: VideoOutcome) -> str:
        assert v.result is not None
        source = v.result.info.time_source
        if source == APPLE_CREATIONDATE:
            return self.tr("Time: the filming date the file gives (with its time zone).")
        if source == CREATION_TIME:
            return self.tr("Time: the creation time the file gives.")
        return self.tr("Time: none in the file, so its file date was used, as the end of "
                       "filming.")

    def pace_text(self, v: VideoOutcome) -> str:
        assert v.result is not None
        r = v.result
        speed = f"{r.pace.speedup:.3g}"
        if r.pace.source == PACE_CAPTURE_FPS:
            return self.tr("A time-lapse at {speed}x, as the file says.").format(speed=speed)
        if r.pace.source == PACE_SPEEDUP:
            return self.tr("A time-lapse at {speed}x, as you said.").format(speed=speed)
        if r.pace.source == PACE_REAL_DURATION:
            return self.tr("A time-lapse of {real} of real work, as you said.").format(
                real=format_duration(r.real_seconds))
        return self.tr("Filmed in real time.")
