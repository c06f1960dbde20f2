"""The text a maker pastes under the reel: name, captions in order, effort, hashtags."""

from __future__ import annotations

from collections.abc import Sequence

from coulisses import crafts
from coulisses.i18n import tr
from coulisses.timeline.plan import ReelPlan


def hashtags(lang: str | None = None, craft: str | None = None) -> list[str]:
    """A few hashtags for the language and the piece's craft (``crafts.hashtags``)."""
    return crafts.hashtags(craft, lang)


def post_text(plan: ReelPlan, lang: str | None = None, alt_texts: Sequence[str] = ()) -> str:
    """Name, captions, effort and hashtags; then the carousel images' alt texts, if any
    (one sentence each, numbered like the files, to paste into each image's alt text)."""
    piece = plan.piece
    parts = [piece.name]
    captions: list[str] = []
    for cue in sorted(plan.cues, key=lambda c: c.start_frame):
        text = " ".join(cue.text.split())
        if text and text not in captions:
            captions.append(text)
    if captions:
        parts.append("\n".join(captions))
    if plan.effort_line:
        parts.append(tr("Behind the scenes: {effort}", lang=lang, effort=plan.effort_line))
    tags = hashtags(lang, piece.typed_settings.craft)
    if tags:
        parts.append(" ".join(tags))
    if alt_texts:
        from coulisses.export.carousel import alt_texts_block

        parts.append(alt_texts_block(list(alt_texts), lang))
    return "\n\n".join(parts) + "\n"
