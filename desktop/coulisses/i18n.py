"""Translations for every user-visible string, in the CLI and in the app.

The catalogue is Qt Linguist's: ``pyside6-lupdate`` extracts the strings into
``assets/translations/coulisses_<lang>.ts`` and ``pyside6-lrelease`` compiles
them into the ``.qm`` files shipped beside them (``python -m
coulisses.i18n_extract`` runs both). The app installs the ``.qm`` with
``QTranslator``; the headless layers (CLI, export captions, post text) ask a
``QTranslator`` of their own here, loaded lazily: an English run that needs no
plural never imports Qt, and QtCore alone (no widgets) costs ~0.07 s when it is.

How to write a string so that lupdate finds it:

* ``tr("Saved {name}.", name=x)`` — the context is empty, like lupdate gives a
  free ``tr()``; never an f-string, never ``i18n.tr(...)``.
* ``tr("%n still(s) kept", None, n)`` — a plural: the count goes third, in
  position, and ``%n`` stands for it (``%Ln`` for a grouped number). English
  forms come from ``coulisses_en.ts`` (plural entries only).
* ``translate("moment-kind", KIND)`` with ``QT_TRANSLATE_NOOP`` marking the
  literal where it is declared, for a word that needs its own context.
* In the message, ``{x!r}`` means "quoted for the reader" (“x”, « x »), and a
  float field (``{seconds:.1f}``) is written with the language's decimal sign.
"""

from __future__ import annotations

import contextlib
import locale
import logging
import os
import string
import threading
from typing import Any

from coulisses.resources import asset

log = logging.getLogger(__name__)

SUPPORTED = ("en", "fr")
_current: str | None = None


def detect_language() -> str:
    """COULISSES_LANG, else the usual locale variables, else English."""
    candidates = [os.environ.get("COULISSES_LANG", "")]
    candidates += [os.environ.get(v, "") for v in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    with contextlib.suppress(ValueError):
        candidates.append(locale.getlocale()[0] or "")
    for value in candidates:
        code = value.split(":")[0].split("_")[0].split(".")[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def language() -> str:
    global _current
    if _current is None:
        _current = detect_language()
    return _current


def set_language(code: str) -> None:
    global _current
    if code not in SUPPORTED:
        raise ValueError(tr("Unsupported language {code!r}; choose one of {choices}.",
                            code=code, choices=", ".join(SUPPORTED)))
    _current = code


def catalogue_path(code: str, suffix: str = ".qm"):
    """Where the compiled (``.qm``) or source (``.ts``) catalogue of ``code`` lives."""
    return asset("translations", f"coulisses_{code}{suffix}")


_lock = threading.Lock()
_translators: dict[str, Any] = {}


def _translator(code: str):
    """The QTranslator holding ``code``'s catalogue, or None when there is none."""
    with _lock:
        if code in _translators:
            return _translators[code]
        translator = None
        try:
            from PySide6.QtCore import QTranslator
        except ImportError:  # pragma: no cover - PySide6 is a dependency
            log.warning("PySide6 is missing: messages stay in English")
        else:
            path = catalogue_path(code)
            candidate = QTranslator()
            if candidate.load(str(path)):
                translator = candidate
            else:
                log.warning("no compiled translation at %s: messages stay in English", path)
        _translators[code] = translator
        return translator


def catalogue(code: str):
    """``code``'s compiled catalogue (a QTranslator), loaded once, or None without one.

    The app installs this same object for its widgets, from the GUI thread: a QObject
    made by the first capture thread to translate would make Qt adopt that
    short-lived thread, the object outliving it.
    """
    return _translator(code)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1, /,
              *, lang: str | None = None, **fields: object) -> str:
    """``text`` (English source) in ``lang``, its plural chosen by ``n``, fields filled."""
    code = lang or language()
    out = text
    if code != "en" or n >= 0:
        translator = _translator(code)
        found = translator.translate(context, text, disambiguation, n) if translator else ""
        out = found or text
    if n >= 0:
        out = out.replace("%Ln", format_count(n, code)).replace("%n", str(n))
    return fill(out, code, **fields) if fields else out


def tr(text: str, disambiguation: str | None = None, n: int = -1, /,
       *, lang: str | None = None, **fields: object) -> str:
    """Translate ``text`` (context "", as lupdate files a free ``tr()`` call).

    The first three parameters are positional-only, as lupdate reads them, so
    ``n=`` and the like stay free as field names.
    """
    return translate("", text, disambiguation, n, lang=lang, **fields)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's marker
    """Mark ``text`` for lupdate under ``context``; translate it later with ``translate()``."""
    return text


class _Formatter(string.Formatter):
    """str.format with the reader's quotes for ``!r`` and decimal sign for floats."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "r":
            return quote(str(value), self.lang)
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        out = format(value, format_spec)
        if isinstance(value, float) and self.lang == "fr":
            out = out.replace(".", ",")
        return out


def fill(text: str, lang: str | None = None, /, **fields: object) -> str:
    """``text.format(**fields)`` written for ``lang``'s reader (quotes, decimal sign)."""
    return _Formatter(lang or language()).format(text, **fields)


def quote(text: str, lang: str | None = None) -> str:
    """“text” in English, « text » (no-break spaces inside) in French."""
    if (lang or language()) == "fr":
        return f"«\u00a0{text}\u00a0»"
    return f"“{text}”"


def format_decimal(value: float, digits: int = 1, lang: str | None = None) -> str:
    """``20.0`` in English, ``20,0`` in French."""
    return fill("{v:.{d}f}", lang, v=float(value), d=digits)


def format_count(n: int, lang: str | None = None) -> str:
    """A whole number grouped by thousands: 100,000 / 100 000 (narrow no-break space)."""
    grouped = f"{int(n):,}"
    return grouped.replace(",", "\u202f") if (lang or language()) == "fr" else grouped


def format_datetime(when, lang: str | None = None, seconds: bool = False) -> str:
    """A local date and time as the reader writes it: 2026-12-02 15:30 / 02/12/2026 15:30.

    The one way dates are written, in the CLI and in the window (never "06/12" here and
    "2026-12-04" there); ``format_date`` is its date alone.
    """
    clock = "%H:%M:%S" if seconds else "%H:%M"
    return f"{format_date(when, lang)} {when.astimezone().strftime(clock)}"


def format_date(when, lang: str | None = None) -> str:
    """A local date as the reader writes it: 2026-12-02 / 02/12/2026."""
    day = "%d/%m/%Y" if (lang or language()) == "fr" else "%Y-%m-%d"
    return when.astimezone().strftime(day)
