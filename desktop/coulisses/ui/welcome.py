"""What an empty journal opens on: make the first piece, find a camera, or try the demo.

Shown instead of the piece views until the journal has a piece. The cameras
are the ones the window already probed (off the GUI thread): the maker picks
one, or types the address a phone's camera app shows; the bench starts from
that choice. The demo piece is built in the work pool (the same one
`coulisses demo` builds, without exporting), marked as a demo, and can be
archived like any piece.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coulisses.capture.probe import CameraInfo
from coulisses.capture.sources import network_address
from coulisses.credentials.names import MAX_NAME
from coulisses.ui.capture.address_field import AddressField
from coulisses.ui.capture.panel import camera_choice
from coulisses.ui.pieces.craft_combo import CraftCombo

PHONE = "phone"  # the source combo's entry for a phone over the network
log = logging.getLogger(__name__)


def _needs_name(journal: Path | None) -> bool:
    from coulisses.credentials.names import needs_name

    try:
        return needs_name(journal)
    except Exception:  # noqa: BLE001 - a question for comfort: never stop the first run
        log.warning("cannot tell whether the signing name was given", exc_info=True)
        return True


class WelcomeView(QScrollArea):
    create_piece = Signal(str, str)  # name, craft ("" for none)
    source_chosen = Signal(str)  # the camera index or the phone's URL, before create_piece
    open_demo = Signal()
    import_photos = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("first_piece_name")
        # Said when "Create my first piece" is pressed with no name: never a silent click.
        self.name_note = QLabel(self)
        self.name_note.setObjectName("first_piece_name_note")
        self.name_note.setStyleSheet("color: #b71c1c;")
        self.name_note.setWordWrap(True)
        self.name_note.hide()
        self.craft_label = QLabel(self)
        self.craft = CraftCombo(self)
        self.craft.setObjectName("first_piece_craft")
        self.craft_label.setBuddy(self.craft)
        # The name reels are signed with, asked before the first one is signed (never
        # the login name); only while it was never given.
        self.signer_label = QLabel(self)
        self.signer = QLineEdit(self)
        self.signer.setObjectName("signer_name")
        self.signer.setMaxLength(MAX_NAME)
        self.signer_label.setBuddy(self.signer)
        self.create = QPushButton(self)
        self.create.setObjectName("create_first_piece")
        self.create.setDefault(True)
        self.camera = QLabel(self)
        self.camera.setWordWrap(True)
        self.source_label = QLabel(self)
        self.source = QComboBox(self)
        self.source.setObjectName("first_source")
        self.source_label.setBuddy(self.source)
        self.url = AddressField(self)  # its password hidden unless being edited
        self.url.setObjectName("first_phone_url")
        self.demo = QPushButton(self)
        self.demo.setObjectName("open_demo")
        self.import_button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        for b in (self.create, self.demo, self.import_button):
            b.setMinimumHeight(40)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.craft_label)
        row.addWidget(self.craft)
        self.signer_row = QWidget(self)
        signer_row = QHBoxLayout(self.signer_row)
        signer_row.setContentsMargins(0, 0, 0, 0)
        signer_row.addWidget(self.signer_label)
        signer_row.addWidget(self.signer, 1)
        self.signer_row.hide()  # until shown: asking reads the identity (showEvent)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_label)
        source_row.addWidget(self.source)
        source_row.addWidget(self.url, 1)
        # The piece, then where its stills come from, then go: the main button comes
        # after what it uses, with the two other ways in beside it.
        others = QHBoxLayout()
        others.addWidget(self.create)
        others.addSpacing(24)
        others.addWidget(self.demo)
        others.addWidget(self.import_button)
        others.addStretch(1)
        # It scrolls rather than forcing its width on the window (a small laptop screen).
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addWidget(self.name_note)
        layout.addWidget(self.signer_row)
        layout.addSpacing(8)
        layout.addWidget(self.camera)
        layout.addLayout(source_row)
        layout.addSpacing(16)
        layout.addLayout(others)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.create.clicked.connect(self._create)
        self.name.returnPressed.connect(self._create)
        self.name.textEdited.connect(lambda _text: self.name_note.hide())
        self.signer.returnPressed.connect(self._create)
        self.demo.clicked.connect(self._demo)
        self.import_button.clicked.connect(self._import)
        self.url.returnPressed.connect(self._create)
        self.source.currentIndexChanged.connect(lambda _i: self._show_url())
        self.source.activated.connect(self._pick)
        self._cameras: list[CameraInfo] | None = None
        self._picked = False
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Coulisses"))
        self.intro.setText(self.tr(
            "Coulisses sits at your bench and takes a still every few seconds, skipping the "
            "minutes where nothing moves. When things go wrong (or right), press F8 to F11: "
            "the moment is kept with its caption. When the piece is done, it makes an honest "
            "vertical reel of the whole story. Start with the piece you are making now."))
        self.name.setPlaceholderText(self.tr("Name of your piece, e.g. Vase bleu #3"))
        self.craft_label.setText(self.tr("Craft:"))
        self.signer_label.setText(self.tr("Sign your reels as:"))
        self.signer.setPlaceholderText(self.tr("Your name or your studio's, e.g. Atelier "
                                               "Terre et Bois"))
        tip = self.tr("The name anyone who checks your reels' Content Credentials sees. You "
                      "can change it later in Preferences; your fingerprint stays the same.")
        self.signer_label.setToolTip(tip)
        self.signer.setToolTip(tip)
        self.craft.setToolTip(self.tr("What you make: it picks the caption starters and the "
                                      "hashtags offered for your posts."))
        self.create.setText(self.tr("Create my first piece"))
        self.name_note.setText(self.tr("Give your piece a name first, e.g. Vase bleu #3: it "
                                       "names its folder, its timeline and its reel."))
        self.demo.setText(self.tr("Try the demo piece"))
        self.import_button.setText(self.tr("Import photos instead…"))
        self.source_label.setText(self.tr("Capture from:"))
        self.url.setPlaceholderText(self.tr(
            "The address the phone's camera app shows, e.g. http://192.168.1.20:8080/video"))
        self.set_cameras(self._cameras)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Asked when shown, not when made: the window makes this page at every start.
        self.signer_row.setVisible(_needs_name(self._journal_home()))
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_cameras(self, cameras: list[CameraInfo] | None) -> None:
        self._cameras = cameras
        if cameras is None:
            text = self.tr("Looking for cameras…")
        elif cameras:
            names = ", ".join(c.name or self.tr("camera {n}").format(n=c.index) for c in cameras)
            text = self.tr("Camera found: {names}. Point it at your work, a little above, "
                           "with steady light.").format(names=names)
        else:
            text = self.tr(
                "No camera was found on this computer. You can use a phone as a camera over "
                "the network (type the address its camera app shows below), import the photos "
                "your phone takes, or try the demo piece.")
        self.camera.setText(text)
        self.camera.setTextFormat(Qt.TextFormat.PlainText)
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        for c in cameras or []:
            self.source.addItem(camera_choice(c), str(c.index))
        self.source.addItem(self.tr("A phone over the network"), PHONE)
        # The first camera, unless the maker already picked something else by hand
        # (the list fills in when the probe ends, after the page is shown).
        self.source.setCurrentIndex(max(0, self.source.findData(chosen)) if self._picked else 0)
        self.source.blockSignals(False)
        self._show_url()

    def _pick(self, _index: int) -> None:
        self._picked = True
        if self.source.currentData() == PHONE:
            self.url.setFocus()

    def _show_url(self) -> None:
        self.url.setVisible(self.source.currentData() == PHONE)

    def chosen_source(self) -> str:
        """The camera index chosen, or the phone's address; "" when nothing was given."""
        data = self.source.currentData()
        return network_address(self.url.text()) if data == PHONE else (data or "")

    def _create(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name_note.show()
            self.name.setFocus()
            return
        self.name_note.hide()
        source = self.chosen_source()
        if source:
            self.source_chosen.emit(source)
        self.keep_signer_name()
        self.create_piece.emit(name, self.craft.craft() or "")

    def _demo(self) -> None:
        self.keep_signer_name()
        self.open_demo.emit()

    def _import(self) -> None:
        self.keep_signer_name()
        self.import_photos.emit()

    def _journal_home(self) -> Path | None:
        """The window's journal: keys an older version kept in it are its maker's."""
        journal = getattr(self.window(), "journal", None)
        home = getattr(journal, "home", None)
        return home if isinstance(home, Path) else None

    def keep_signer_name(self) -> None:
        """Sign from now on with the name typed, if one was (before any reel is signed)."""
        name = self.signer.text().strip()
        if not name or not self.signer_row.isVisibleTo(self):
            return
        from coulisses.credentials.identity import CredentialsError, set_maker_name

        try:
            identity = set_maker_name(name, journal=self._journal_home())
        except (ValueError, CredentialsError, OSError) as exc:
            # Not worth stopping the first piece for: the export window asks again.
            log.warning("cannot keep the signing name: %s", exc)
            return
        for notice in identity.notices:  # keys moved out of an old journal: rare, logged
            log.warning("%s", notice)
        self.signer_row.hide()

    def busy(self, text: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(text)
        self.progress.setTextVisible(True)
        self.progress.show()
        self.demo.setEnabled(False)

    def done(self) -> None:
        self.progress.hide()
        self.demo.setEnabled(True)
