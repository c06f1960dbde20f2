"""File → Phone companion…: serves the phone page while open, shows its QR code.

Open, it listens (coulisses.companion.server) and shows the pairing address as a QR code
and in words; a code that is used or expires is replaced by a new one. It lists the
paired phones, and Forget takes one's token back. Closing it stops serving at once.
Not modal: the maker keeps working in the window while the phone is paired.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coulisses.companion.host import ReelMaker, ResultWatcher
from coulisses.companion.network import default_host
from coulisses.companion.pairing import CODE_SECONDS, Pairing
from coulisses.companion.server import CompanionError, CompanionServer
from coulisses.i18n import format_datetime
from coulisses.journal import Journal
from coulisses.preferences import load_preferences
from coulisses.ui.companion.host import WindowHost
from coulisses.ui.companion.qr import qr_image
from coulisses.ui.main_window.bench import Bench

DEFAULT_PORT = 8470  # the same as `coulisses companion`: a phone's saved page finds it again


class CompanionDialog(QDialog):
    devices_changed = Signal()  # from the server's thread when a phone pairs

    def __init__(self, journal: Journal, bench: Bench, reels: ReelMaker,
                 parent: QWidget | None = None, *, address: str | None = None,
                 port: int = DEFAULT_PORT) -> None:
        super().__init__(parent)
        self.setObjectName("companion_dialog")
        self.host = WindowHost(journal, bench, reels, self)
        self.pairing = Pairing()
        self.pairing.changed = self.devices_changed.emit
        self.server: CompanionServer | None = None
        self.watcher: ResultWatcher | None = None
        self.url = ""
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.qr = QLabel(self)
        self.qr.setObjectName("companion_qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(280, 280)
        self.address = QLabel(self)
        self.address.setObjectName("companion_address")
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.address.setFont(mono)
        self.code_note = QLabel(self)
        self.code_note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("companion_status")
        self.status.setWordWrap(True)
        self.devices_label = QLabel(self)
        self.devices = QListWidget(self)
        self.devices.setObjectName("companion_devices")
        self.forget = QPushButton(self)
        self.forget.setObjectName("companion_forget")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        words = QVBoxLayout()
        words.addWidget(self.intro)
        words.addWidget(self.address)
        words.addWidget(self.code_note)
        words.addWidget(self.status)
        words.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.qr)
        top.addLayout(words, 1)
        forget_row = QHBoxLayout()
        forget_row.addStretch(1)
        forget_row.addWidget(self.forget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.devices_label)
        layout.addWidget(self.devices, 1)
        layout.addLayout(forget_row)
        layout.addWidget(buttons)

        self.forget.clicked.connect(self._forget)
        self.devices.itemSelectionChanged.connect(self._update_forget)
        self.devices_changed.connect(self._fill_devices, Qt.ConnectionType.QueuedConnection)
        # A code used or expired is replaced; the list's "seen" times follow the phones.
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._start(address or default_host(), port)
        self.retranslate()
        self._fill_devices()
        self.resize(680, 520)

    # ------------------------------------------------------------------ serving
    def _start(self, address: str, port: int) -> None:
        error = ""
        for attempt in dict.fromkeys((port, 0)):  # the usual port, else any free one
            server = CompanionServer(self.host, self.pairing, address, attempt)
            try:
                server.start()
            except CompanionError as exc:
                error = str(exc)
                continue
            self.server = server
            break
        if self.server is None:
            self.qr.clear()
            self.status.setText(error)
            return
        self.watcher = ResultWatcher(self.host, lambda: load_preferences()[0].auto_reel)
        self.watcher.start()
        self._new_code()
        self._timer.start()

    @property
    def serving(self) -> bool:
        return self.server is not None and self.server.running

    def stop(self) -> None:
        """Stop serving now (closing the dialog, quitting the app)."""
        self._timer.stop()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.server is not None:
            self.server.stop(stop_reel=False)  # the window's reel goes on: it is the maker's
            self.server = None

    def _new_code(self) -> None:
        assert self.server is not None
        self.url = self.server.pairing_url()
        self._code = self.url.rsplit("/", 1)[-1]
        self.qr.setPixmap(QPixmap.fromImage(qr_image(self.url, 280)))
        self.address.setText(self.url)

    def _tick(self) -> None:
        if self.server is not None and not self.pairing.code_valid(self._code):
            self._new_code()
        self._fill_devices()

    # ------------------------------------------------------------------ phones
    def _fill_devices(self) -> None:
        selected = self._selected_device()
        devices = self.pairing.devices()
        rows = [(d.id, self._device_text(d)) for d in devices] or [
            (None, self.tr("No phone paired yet."))]
        if rows == [(self.devices.item(i).data(Qt.ItemDataRole.UserRole),
                     self.devices.item(i).text()) for i in range(self.devices.count())]:
            return  # unchanged: keep the selection and the scroll
        self.devices.clear()
        for device_id, text in rows:
            item = QListWidgetItem(text, self.devices)
            item.setData(Qt.ItemDataRole.UserRole, device_id)
            if device_id is None:  # "No phone paired yet."
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            elif device_id == selected:
                item.setSelected(True)
        self._update_forget()

    def _device_text(self, device) -> str:
        if device.seen is not None:
            return self.tr("{name}, paired {paired}, last seen {seen}").format(
                name=device.name, paired=format_datetime(device.paired),
                seen=format_datetime(device.seen))  # to the minute: not redrawn every second
        return self.tr("{name}, paired {paired}").format(
            name=device.name, paired=format_datetime(device.paired))

    def _selected_device(self) -> str | None:
        items = self.devices.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _update_forget(self) -> None:
        self.forget.setEnabled(self._selected_device() is not None)

    def _forget(self) -> None:
        device_id = self._selected_device()
        if device_id is not None:
            self.pairing.forget(device_id)
            self._fill_devices()

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phone companion"))
        self.intro.setText(self.tr("Scan this code with your phone's camera, or type this "
                                   "address in its browser. The phone must be on the same "
                                   "network as this computer."))
        self.code_note.setText(self.tr("The code works once, within {minutes} minutes; a new "
                                       "one replaces it by itself.").format(
                                           minutes=CODE_SECONDS // 60))
        if self.serving:
            self.status.setText(self.tr("The page is served on your local network over plain "
                                        "HTTP while this window is open; closing it stops "
                                        "serving at once."))
        self.devices_label.setText(self.tr("Paired phones:"))
        self.forget.setText(self.tr("Forget this phone"))
        self._fill_devices()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:  # Close, Escape
        self.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.stop()
        super().closeEvent(event)
