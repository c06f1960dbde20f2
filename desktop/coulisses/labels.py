"""Words shown for the journal's fixed vocabulary (moment kinds), translated."""

from __future__ import annotations

from coulisses.i18n import tr


def kind_label(kind: str, lang: str | None = None) -> str:
    """The maker-facing name of a moment kind (``struggle`` → « difficulté » in French)."""
    # Literal tr() calls (text and context) so the extractor sees every word.
    labels = {
        "struggle": tr("struggle", context="moment-kind", lang=lang),
        "fix": tr("fix", context="moment-kind", lang=lang),
        "milestone": tr("milestone", context="moment-kind", lang=lang),
        "result": tr("result", context="moment-kind", lang=lang),
        "note": tr("note", context="moment-kind", lang=lang),
    }
    return labels.get(kind, kind)
