"""Check a reel's Content Credentials in the window: drop a file (or choose one) and read it.

The same verdict and sentences as `coulisses verify` (credentials.verify and
credentials.describe); reading runs in the work pool because c2pa hashes the
whole file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.ui.tasks import Task, TaskRunner


def _read(path: str, trust: str | None) -> tuple[str, list[str]]:
    from coulisses.credentials.describe import details, headline
    from coulisses.credentials.verify import verify_file

    verdict = verify_file(path, trust or None)
    return headline(verdict, Path(path).name), details(verdict, window=True)


class VerifyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verify_dialog")
        self.setAcceptDrops(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.choose = QPushButton(self)
        self.trust = QLineEdit(self)
        self.trust_browse = QPushButton(self)
        self.answer = QLabel(self)
        self.answer.setObjectName("verify_answer")
        self.answer.setWordWrap(True)
        font = self.answer.font()
        font.setBold(True)
        self.answer.setFont(font)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust, 1)
        trust_row.addWidget(self.trust_browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.choose)
        layout.addLayout(trust_row)
        layout.addWidget(self.answer)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self._runner = TaskRunner(self, "work")
        self.choose.clicked.connect(self._choose)
        self.trust_browse.clicked.connect(self._choose_trust)
        self.retranslate()
        self.resize(620, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check Content Credentials"))
        self.hint.setText(self.tr("Drop a reel (MP4) or an image (JPEG) here to see who signed "
                                  "it, how it was made, and whether it changed since."))
        self.choose.setText(self.tr("Choose a file…"))
        self.trust.setPlaceholderText(self.tr("The maker's root certificate (optional), "
                                              "to check who signed"))
        self.trust_browse.setText(self.tr("Browse…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file to check"), "",
                                              self.tr("Reels and images") + " (*.mp4 *.jpg *.jpeg)")
        if path:
            self.check(path)

    def _choose_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The maker's root certificate"), "",
                                              "(*.pem)")
        if path:
            self.trust.setText(path)

    def check(self, path: str) -> Task:
        self.answer.setText(self.tr("Reading {file}…").format(file=Path(path).name))
        self.details.clear()
        trust = self.trust.text().strip()
        task = Task(lambda _c, _p: _read(path, trust))
        task.signals.finished.connect(self._read)
        task.signals.failed.connect(self._failed)
        self._runner.start(task)
        return task

    def _read(self, result) -> None:
        answer, lines = result
        self.answer.setText(answer)
        self.details.setPlainText("\n".join(lines))

    def _failed(self, message: str) -> None:
        self.answer.setText(self.tr("This file could not be checked: {reason}")
                            .format(reason=message))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.check(paths[0])
            event.acceptProposedAction()
