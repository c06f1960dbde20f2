"""The text a maker pastes under the reel: name, captions in order, effort, hashtags."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from coulisses import crafts
from coulisses.export.presets import Preset
from coulisses.i18n import tr
from coulisses.timeline.plan import ReelPlan


def hashtags(lang: str | None = None, craft: str | None = None) -> list[str]:
    """A few hashtags for the language and the piece's craft (``crafts.hashtags``)."""
    return crafts.hashtags(craft, lang)


def platform_notes(preset: Preset, files: Mapping[str, Path], lang: str | None = None
                   ) -> list[str]:
    """What to do with the files on this platform, for the maker (not to paste): said
    only where the platform differs from the usual upload (``presets.PRESETS``)."""
    notes = []
    if preset.takes_srt and "srt" in files:
        notes.append(tr("{platform} accepts the captions as a file: upload {file} as "
                        "subtitles in YouTube Studio, so viewers can turn them on, translate "
                        "them and search them.", lang=lang, platform=preset.label,
                        file=files["srt"].name))
    if not preset.cover_upload and "mp4" in files:
        notes.append(tr("{platform} has no cover upload: the reel opens on its cover for "
                        "half a second, so choose its first frame as the thumbnail.",
                        lang=lang, platform=preset.label))
    return notes


def post_text(plan: ReelPlan, lang: str | None = None, alt_texts: Sequence[str] = (),
              notes: Sequence[str] = ()) -> str:
    """Name, captions, effort and hashtags; then the carousel images' alt texts, if any
    (one sentence each, numbered like the files, to paste into each image's alt text);
    then notes for the maker about the platform (``platform_notes``)."""
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
    if notes:
        parts.append("\n".join([tr("Notes for you (not to paste):", lang=lang),
                                *(f"- {n}" for n in notes)]))
    return "\n\n".join(parts) + "\n"
