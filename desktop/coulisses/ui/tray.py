"""The tray icon, for a capture that runs for days with the window out of the way.

Only made where a tray exists: `QSystemTrayIcon.isVisible()` says True even
with no tray, so the window asks `isSystemTrayAvailable()` before building it.
The menu is rebuilt each time it opens, so it always matches the capture.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from coulisses import APP_NAME
from coulisses.ui.capture.status import AMBER, GREEN, GREY, RED, StatusLine

DOT_COLOURS = {"recording": GREEN, "idle": GREEN, "lost": RED, "failed": RED, "paused": AMBER,
               "stopped": GREY, "starting": GREY}


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


def status_icon(base: QIcon, key: str, size: int = 64) -> QIcon:
    """The app icon with a coloured dot: green recording, amber paused, red camera lost."""
    pix = base.pixmap(size, size) if not base.isNull() else QPixmap(size, size)
    if base.isNull():
        pix.fill(QColor("#424242"))
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("white"))
    painter.setBrush(QColor(DOT_COLOURS.get(key, GREY)))
    d = size * 0.45
    painter.drawEllipse(int(size - d - 1), int(size - d - 1), int(d), int(d))
    painter.end()
    return QIcon(pix)


class Tray(QObject):
    show_window = Signal()
    start = Signal()
    stop = Signal()
    snap = Signal()
    flag_struggle = Signal()
    quit = Signal()

    def __init__(self, base_icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base_icon = base_icon
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.icon.setContextMenu(self.menu)
        self.menu.aboutToShow.connect(self._build_menu)
        self.icon.activated.connect(self._activated)
        self.recording = False
        self.key = "stopped"
        self.set_status(StatusLine("", GREY, "stopped"), recording=False)
        self._build_menu()
        self.icon.show()

    def set_status(self, line: StatusLine, recording: bool) -> None:
        self.recording = recording
        if line.key != self.key or self.icon.icon().isNull():
            self.key = line.key
            self.icon.setIcon(status_icon(self.base_icon, line.key))
        self.icon.setToolTip(f"{APP_NAME} — {line.text}" if line.text else APP_NAME)

    def _build_menu(self) -> None:
        self.menu.clear()
        self.menu.addAction(self.tr("Show Coulisses"), self.show_window.emit)
        self.menu.addSeparator()
        a = self.menu.addAction(self.tr("Start recording"), self.start.emit)
        a.setEnabled(not self.recording)
        a = self.menu.addAction(self.tr("Stop recording"), self.stop.emit)
        a.setEnabled(self.recording)
        a = self.menu.addAction(self.tr("Snap now"), self.snap.emit)
        a.setEnabled(self.recording)
        self.menu.addAction(self.tr("Flag struggle"), self.flag_struggle.emit)
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Quit"), self.quit.emit)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window.emit()

    def notify(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 4000)

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()
