"""A list model over piece summaries; pixmaps are made here, on the GUI thread."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap

from coulisses.i18n import format_datetime, tr
from coulisses.ui.pieces.summaries import THUMB, PieceSummary

PieceIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def when_text(t: datetime) -> str:
    """Dates are written one way everywhere (not "today 15:30" here, "06/12" there)."""
    return format_datetime(t)


class PiecesModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PieceSummary] = []
        self._pixmaps: dict[tuple[str, str | None], QPixmap] = {}
        self.show_archived = False

    def set_summaries(self, summaries: list[PieceSummary]) -> None:
        rows = [s for s in summaries if self.show_archived or not s.archived]
        self.beginResetModel()
        self._rows = rows
        keep = {(s.piece.id, s.latest.id if s.latest else None) for s in rows}
        self._pixmaps = {k: v for k, v in self._pixmaps.items() if k in keep}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def summary(self, row: int) -> PieceSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, piece_id: str) -> int:
        for i, s in enumerate(self._rows):
            if s.piece.id == piece_id:
                return i
        return -1

    @property
    def summaries(self) -> list[PieceSummary]:
        return list(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        s = self.summary(index.row()) if index.isValid() else None
        if s is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            name = s.piece.name
            if s.archived:
                name = tr("{name} (archived)", name=name)
            n = s.stills
            count = tr("%Ln still(s)", None, n)
            return f"{name}\n{count} · {when_text(s.last_activity)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(s)
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.piece.name
        if role == Qt.ItemDataRole.ForegroundRole and s.archived:
            return QColor("#757575")
        if role == PieceIdRole:
            return s.piece.id
        if role == SummaryRole:
            return s
        return None

    def _pixmap(self, s: PieceSummary) -> QPixmap:
        key = (s.piece.id, s.latest.id if s.latest else None)
        pix = self._pixmaps.get(key)
        if pix is None:
            if s.thumbnail.isNull():
                pix = QPixmap(THUMB)
                pix.fill(QColor("#e0e0e0"))
            else:
                pix = QPixmap.fromImage(s.thumbnail)
            self._pixmaps[key] = pix
        return pix
