"""Switch the app's language while it runs.

Installing or removing a QTranslator makes Qt send LanguageChange to every
widget, which re-translates itself in ``changeEvent``; nothing restarts.
Qt's own strings (standard dialog buttons, file dialogs) come from the
``qtbase_<lang>.qm`` that PySide6 ships, when it does.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from coulisses import i18n

log = logging.getLogger(__name__)

SYSTEM = "system"
# What we installed, so that the next switch removes exactly that: our catalogue (i18n's,
# kept loaded: tr() reads it on every thread) and Qt's own (made for each switch).
_ours: QTranslator | None = None
_qt_own: QTranslator | None = None


def resolve_language(code: str) -> str:
    """"system" (or anything unknown) → the detected language; "fr"/"en" as they are."""
    return code if code in i18n.SUPPORTED else i18n.detect_language()


def apply_language(app: QCoreApplication, code: str) -> str:
    """Put ``code`` ("system", "fr" or "en") in force for the CLI strings and every widget."""
    lang = resolve_language(code)
    # First, so that widgets re-translating on LanguageChange and tr() agree.
    i18n.set_language(lang)
    QLocale.setDefault(locale_for(lang))
    global _ours, _qt_own
    if _ours is not None:
        app.removeTranslator(_ours)
    if _qt_own is not None:
        app.removeTranslator(_qt_own)
        _qt_own.deleteLater()
    # The catalogue tr() reads too (English has one, for its plural forms): one object,
    # loaded here on the GUI thread, not by the first capture thread to translate.
    _ours = i18n.catalogue(lang)
    if _ours is not None:
        app.installTranslator(_ours)
    _qt_own = _qt_translator(app, lang)
    if _qt_own is not None:
        app.installTranslator(_qt_own)
    return lang


def locale_for(lang: str) -> QLocale:
    """The system's own locale when it speaks ``lang`` (fr_CA stays fr_CA), else ``lang``'s.

    Qt formats numbers, sizes and dates in spin boxes, progress bars and file
    dialogs from the default locale: French words with "10.0 s" read as a slip.
    """
    system = QLocale.system()
    if system.name().split("_")[0] == lang:
        return system
    return QLocale(lang)


def _qt_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    if lang == "en":  # Qt's source strings are English
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        return translator
    log.info("no qtbase_%s translation in %s; Qt's own buttons stay in English", lang, folder)
    translator.deleteLater()
    return None
