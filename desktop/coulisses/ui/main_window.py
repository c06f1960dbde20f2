"""The main window: the maker's pieces. The full timeline view comes next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from coulisses import APP_NAME
from coulisses.journal import Journal


class MainWindow(QMainWindow):
    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.setWindowTitle(APP_NAME)
        self.resize(900, 600)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(self.tr("Your pieces"), central)
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.heading.setFont(font)
        self.pieces = QListWidget(central)
        self.empty_hint = QLabel(self.tr(
            "No pieces yet. Create one with: coulisses piece new \"Vase bleu #3\""), central)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.journal_label = QLabel(self.tr("Journal: {path}").format(path=journal.home), central)
        self.journal_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.pieces, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.journal_label)
        self.setCentralWidget(central)
        self.refresh()

    def refresh(self) -> None:
        self.pieces.clear()
        for piece in self.journal.pieces():
            item = QListWidgetItem(f"{piece.name}   ·   {piece.id}")
            item.setData(Qt.ItemDataRole.UserRole, piece.id)
            self.pieces.addItem(item)
        self.empty_hint.setVisible(self.pieces.count() == 0)
