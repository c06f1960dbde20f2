"""Crafts: what a piece is made with, and the words Coulisses offers for it.

A piece's ``craft`` setting picks the caption starters offered after a flag
(``seeds/caption_starters.json``: language → craft → moment kind) and the
hashtags of the post text (``seeds/hashtags.json``: language → craft). A craft
or language the seeds do not have falls back to ``default``, then to English.
Plain Python: the CLI, the exporter and the window all read it.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path
from typing import Any

from coulisses.i18n import language, tr
from coulisses.resources import seed

log = logging.getLogger(__name__)

# Display order (what a maker picks from); "default" is the seeds' fallback, not a choice.
CRAFTS = ("pottery", "woodworking", "painting", "sewing", "printmaking", "3d-printing",
          "jewellery", "digital")
DEFAULT = "default"
STARTERS_FILE = "caption_starters.json"
HASHTAGS_FILE = "hashtags.json"
# Words a maker (or an older version, or a hand edit) may have stored for a craft.
ALIASES = {"woodwork": "woodworking", "ceramics": "pottery", "jewelry": "jewellery",
           "3d": "3d-printing", "3d printing": "3d-printing", "3dprinting": "3d-printing"}


def normalise(craft: str | None) -> str | None:
    """A craft id from what is stored or typed; None for none or one we do not know."""
    if not craft:
        return None
    key = craft.strip().casefold()
    key = ALIASES.get(key, key)
    return key if key in CRAFTS else None


@cache
def load_table(path: Path) -> dict[str, Any]:
    """A seed file as a dict; a missing or broken file is an empty table and one warning."""
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("seed file %s cannot be read, so its suggestions are left out: %s",
                    path, exc)
        return {}
    if not isinstance(table, dict):
        log.warning("seed file %s is not a JSON object, so its suggestions are left out", path)
        return {}
    return table


def _lookups(craft: str | None, lang: str | None) -> list[tuple[str, str]]:
    """(language, craft) in the order they are tried."""
    code = lang or language()
    wanted = normalise(craft) or DEFAULT
    out: list[tuple[str, str]] = []
    for pair in ((code, wanted), (code, DEFAULT), ("en", wanted), ("en", DEFAULT)):
        if pair not in out:
            out.append(pair)
    return out


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [s for s in value if isinstance(s, str) and s.strip()]


def starters_from(table: dict[str, Any], craft: str | None, kind: str,
                  lang: str | None = None, count: int = 1) -> list[str]:
    """Caption starters for a moment kind from a caption-starters table, ``{n}`` filled."""
    for code, key in _lookups(craft, lang):
        by_craft = table.get(code)
        by_kind = by_craft.get(key) if isinstance(by_craft, dict) else None
        found = _strings(by_kind.get(kind)) if isinstance(by_kind, dict) else []
        if found:
            # replace, not format: a stray brace in a hand-edited seed never raises here.
            return [s.replace("{n}", str(count)) for s in found]
    return []


def hashtags_from(table: dict[str, Any], craft: str | None,
                  lang: str | None = None) -> list[str]:
    """The hashtags of a craft from a hashtags table."""
    for code, key in _lookups(craft, lang):
        by_craft = table.get(code)
        found = _strings(by_craft.get(key)) if isinstance(by_craft, dict) else []
        if found:
            return found
    return []


def caption_starters(craft: str | None, kind: str, lang: str | None = None,
                     count: int = 1) -> list[str]:
    """What to offer in the caption field after flagging a ``kind`` moment.

    ``count`` is how many moments of that kind the piece has so far (the one
    being captioned included): "Collapse number {n}." reads "Collapse number 3.".
    """
    return starters_from(load_table(seed(STARTERS_FILE)), craft, kind, lang, count)


def hashtags(craft: str | None, lang: str | None = None) -> list[str]:
    """A few hashtags for the post text (4–6: platforms penalise hashtag walls)."""
    return hashtags_from(load_table(seed(HASHTAGS_FILE)), craft, lang)


def craft_label(craft: str | None, lang: str | None = None) -> str:
    """The maker-facing name of a craft; an unknown stored word is shown as it is."""
    # Literal tr() calls so the extractor sees every word.
    labels = {
        "pottery": tr("Pottery", lang=lang),
        "woodworking": tr("Woodwork", lang=lang),
        "painting": tr("Painting", lang=lang),
        "sewing": tr("Sewing", lang=lang),
        "printmaking": tr("Printmaking", lang=lang),
        "3d-printing": tr("3D printing", lang=lang),
        "jewellery": tr("Jewellery", lang=lang),
        "digital": tr("Digital art", lang=lang),
    }
    known = normalise(craft)
    if known is not None:
        return labels[known]
    return craft.strip() if craft and craft.strip() else tr("Other craft", lang=lang)


def craft_choices(lang: str | None = None) -> list[tuple[str, str]]:
    """(label, craft id) in display order, then "Other craft" as "" (no craft set)."""
    return [(craft_label(c, lang), c) for c in CRAFTS] + [(craft_label(None, lang), "")]


__all__ = ["CRAFTS", "DEFAULT", "caption_starters", "craft_choices", "craft_label",
           "hashtags", "hashtags_from", "load_table", "normalise", "starters_from"]
