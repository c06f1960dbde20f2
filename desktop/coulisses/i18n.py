"""Translations for every user-visible string, in the CLI and in the app.

One set of Qt Linguist files (``assets/translations/coulisses_<lang>.ts``)
serves both worlds: the Qt app loads them through QTranslator, and the
headless layers (CLI, export captions, post text) read the same XML here, so
the CLI never has to import Qt. Source strings are English.
"""

from __future__ import annotations

import contextlib
import locale
import os
import xml.etree.ElementTree as ET
from functools import cache

from coulisses.resources import asset

SUPPORTED = ("en", "fr")
CONTEXT = "coulisses"
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
        raise ValueError(f"unsupported language {code!r}; choose one of {', '.join(SUPPORTED)}")
    _current = code


@cache
def _catalog(code: str) -> dict[tuple[str, str], str]:
    path = asset("translations", f"coulisses_{code}.ts")
    table: dict[tuple[str, str], str] = {}
    if not path.is_file():
        return table
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            trans = msg.find("translation")
            if source is None or trans is None or not (trans.text or "").strip():
                continue
            if trans.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            table[(name, source)] = trans.text or ""
    return table


def tr(text: str, context: str = CONTEXT, lang: str | None = None, **fmt: object) -> str:
    """Translate ``text`` (English source) and fill ``{placeholders}`` from ``fmt``."""
    code = lang or language()
    out = text if code == "en" else _catalog(code).get((context, text), text)
    return out.format(**fmt) if fmt else out
