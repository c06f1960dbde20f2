"""The text a maker pastes under the reel: name, captions in order, effort, hashtags."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from coulisses.i18n import language, tr
from coulisses.resources import seed
from coulisses.timeline.plan import ReelPlan

log = logging.getLogger(__name__)


def hashtags(lang: str | None = None, craft: str | None = None) -> list[str]:
    """A few hashtags from seeds/hashtags.json for the UI language and the piece's craft."""
    try:
        table = json.loads(seed("hashtags.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("hashtags not available: %s", exc)
        return []
    by_craft = table.get(lang or language()) or table.get("en") or {}
    tags = by_craft.get(craft or "default") or by_craft.get("default") or []
    return [t for t in tags if isinstance(t, str)]


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
