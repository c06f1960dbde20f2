"""Words shown for the journal's fixed vocabulary (moment kinds), translated."""

from __future__ import annotations

from coulisses.i18n import QT_TRANSLATE_NOOP, translate

# Their own context: "fix" or "note" as a kind of moment may read differently elsewhere.
KIND_CONTEXT = "moment-kind"
_KINDS = {
    "struggle": QT_TRANSLATE_NOOP("moment-kind", "struggle"),
    "fix": QT_TRANSLATE_NOOP("moment-kind", "fix"),
    "milestone": QT_TRANSLATE_NOOP("moment-kind", "milestone"),
    "result": QT_TRANSLATE_NOOP("moment-kind", "result"),
    "note": QT_TRANSLATE_NOOP("moment-kind", "note"),
}


def kind_label(kind: str, lang: str | None = None) -> str:
    """The maker-facing name of a moment kind (``struggle`` → « difficulté » in French)."""
    source = _KINDS.get(kind)
    return translate(KIND_CONTEXT, source, lang=lang) if source else kind
