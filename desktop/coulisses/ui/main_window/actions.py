"""Every menu entry and shortcut of the main window, declared in one place."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

FLAG_KEYS = {"struggle": "F8", "fix": "F9", "milestone": "F10", "result": "F11"}


class Actions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)

        def make(name: str, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
            action = QAction(window)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                # Anywhere in the window, even while the caption field has focus.
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
            return action

        self.new_piece = make("action_new_piece", QKeySequence.StandardKey.New)
        self.import_photos = make("action_import_photos", "Ctrl+I")
        self.import_folder = make("action_import_folder")
        self.export = make("action_export", "Ctrl+E")
        self.verify = make("action_verify")
        self.companion = make("action_companion")
        self.quit = make("action_quit", "Ctrl+Q")
        self.preferences = make("action_preferences", QKeySequence.StandardKey.Preferences)
        self.start = make("action_start")
        self.stop = make("action_stop")
        self.snap = make("action_snap", "F5")
        self.flags = {kind: make(f"action_flag_{kind}", key) for kind, key in FLAG_KEYS.items()}
        self.show_archived = make("action_show_archived")
        self.show_archived.setCheckable(True)
        self.retranslate()

    def retranslate(self) -> None:
        from coulisses.labels import kind_label

        self.new_piece.setText(self.tr("&New piece…"))
        self.import_photos.setText(self.tr("&Import photos or videos…"))
        self.import_folder.setText(self.tr("Import a &folder of photos or videos…"))
        self.export.setText(self.tr("Make the &reel…"))
        self.verify.setText(self.tr("Check Content &Credentials…"))
        self.companion.setText(self.tr("&Phone companion…"))
        self.quit.setText(self.tr("&Quit"))
        self.preferences.setText(self.tr("&Preferences…"))
        self.start.setText(self.tr("&Start recording"))
        self.stop.setText(self.tr("S&top recording"))
        self.snap.setText(self.tr("Snap &now"))
        for kind, action in self.flags.items():
            action.setText(self.tr("Flag {kind}").format(kind=kind_label(kind)))
        self.show_archived.setText(self.tr("Show &archived pieces"))
