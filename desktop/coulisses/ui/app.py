"""Starting the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from coulisses.ui.qt_env import sanitize_qt_environment


def install_translator(app: object, lang: str) -> object:
    from coulisses.ui.translator import CatalogTranslator

    translator = CatalogTranslator(lang, app)
    app.installTranslator(translator)  # type: ignore[attr-defined]
    return translator


def run_app(argv: Sequence[str] = ()) -> int:
    sanitize_qt_environment()
    import argparse

    from PySide6.QtWidgets import QApplication, QMessageBox

    from coulisses import APP_NAME
    from coulisses.i18n import language
    from coulisses.journal import Journal, JournalError
    from coulisses.ui.main_window import MainWindow

    parser = argparse.ArgumentParser(prog="coulisses", add_help=False)
    parser.add_argument("--home")
    known, rest = parser.parse_known_args(list(argv))
    app = QApplication.instance() or QApplication([sys.argv[0], *rest])
    app.setApplicationName(APP_NAME)
    install_translator(app, language())
    try:
        journal = Journal.open(known.home)
    except JournalError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = MainWindow(journal)
    window.show()
    return app.exec()
