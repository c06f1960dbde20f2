"""Words shown for the journal's fixed vocabulary (moment kinds), translated."""

from __future__ import annotations

from coulisses.i18n import tr

_CTX = "moment-kind"


def kind_label(kind: str, lang: str | None = None) -> str:
    """The maker-facing name of a moment kind (``struggle`` → « difficulté » in French)."""
    # Literal tr() calls so the extractor sees every word.
    labels = {
        "struggle": tr("struggle", context=_CTX, lang=lang),
        "fix": tr("fix", context=_CTX, lang=lang),
        "milestone": tr("milestone", context=_CTX, lang=lang),
        "result": tr("result", context=_CTX, lang=lang),
        "note": tr("note", context=_CTX, lang=lang),
    }
    return labels.get(kind, kind)
