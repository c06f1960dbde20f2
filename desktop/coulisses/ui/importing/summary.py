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

from coulisses.capture.importer import ImportReport


class ImportSummary(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_summary")
        self.report = report
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setVisible(bool(report.skipped or report.no_exif))
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
        parts = [self.tr("%n photo(s) imported", "", len(r.imported))]
        if r.duplicates:
            parts.append(self.tr("%n already there", "", len(r.duplicates)))
        if r.skipped:
            parts.append(self.tr("%n skipped", "", len(r.skipped)))
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
        return "\n".join(lines)
