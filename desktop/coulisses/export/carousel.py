"""The carousel: stills telling the piece's story in order, for the preset's platform.

An Instagram carousel (up to 20 slides at 1080x1350, 4:5: the first slide's
ratio applies to all) or TikTok's photo mode (up to 35 at 1080x1920); the
preset says which (``presets.CarouselFormat``). The slides come from the reel plan, so they show
what the reel shows and never a hidden still (the timeline leaves those out
of every plan): the still the reel opens on first, labelled as the reel labels
it (the finished piece only when a result was flagged, else the latest still),
then the still of each struggle, fix and milestone moment with its caption
burnt in, the result (or, with none flagged, the latest still), the before/after when
the reel has one (first after the opening slide, or before the effort card,
as in the reel; a wipe is shown mid-way, its line at the safe zone's centre),
and the effort card last when the reel has one. Captions, cards and the opening label are
drawn by the reel's own code (``captions``, ``cards``): same fonts, wrapping
and emoji fallback.

When there are more moments than slides, the most telling ones stay: every
struggle first, then fixes, then milestones (captioned before uncaptioned
within a kind); a kind that no longer fits whole keeps moments spread evenly
over its time span. The kept ones are shown in time order.

Each image is encoded from pixels (no EXIF, no GPS of an imported photo) and
has an alt text: one plain sentence with the moment's kind, time and caption.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np

from coulisses.atomicio import fsync_dir, write_bytes
from coulisses.export import cards, layout, reveal, stills
from coulisses.export.captions import render_caption
from coulisses.export.frame_files import encode_jpeg
from coulisses.export.presets import INSTAGRAM_CAROUSEL, CarouselFormat
from coulisses.i18n import format_datetime, tr
from coulisses.jobs import CancelToken
from coulisses.journal.errors import UnreadableStill
from coulisses.journal.model import Capture
from coulisses.labels import kind_label
from coulisses.timeline.plan import (
    BEFORE_AFTER_KINDS,
    BEFORE_AFTER_SIDE,
    COVER_FRAME,
    END_CARD,
    RESULT_FIRST,
    ReelPlan,
)

# Instagram's, the default (the platforms' figures live in presets.PRESETS).
WIDTH, HEIGHT = INSTAGRAM_CAROUSEL.width, INSTAGRAM_CAROUSEL.height
MAX_IMAGES = INSTAGRAM_CAROUSEL.max_images
SAFE = INSTAGRAM_CAROUSEL.safe
FOLDER = "carousel"
STORY_KINDS = ("struggle", "fix", "milestone")  # also the order of priority
# Slide kinds besides the moment kinds.
FIRST = RESULT_FIRST
RESULT = "result"
LATEST = "latest"  # the latest still, when no result was flagged: never called a result
EFFORT = "effort"
BEFORE_AFTER = "before-after"


@dataclass(frozen=True, slots=True)
class Slide:
    kind: str  # FIRST, a story kind, RESULT, LATEST or EFFORT
    capture: Capture | None  # None for the effort card
    focus: tuple[float, float] | None = None
    caption: str = ""
    card_lines: tuple[str, ...] = ()
    overlay: Capture | None = None  # a before/after's first still
    overlay_focus: tuple[float, float] | None = None
    style: str = ""  # a before/after's: reveal.SIDE or reveal.WIPE


def safe_box(width: int = WIDTH, height: int = HEIGHT,
             fmt: CarouselFormat = INSTAGRAM_CAROUSEL) -> tuple[int, int, int, int]:
    return fmt.safe_box(width, height)


# --------------------------------------------------------------------------- which slides
def plan_slides(plan: ReelPlan, limit: int = MAX_IMAGES) -> tuple[Slide, ...]:
    """The carousel's slides, in order, at most ``limit`` (the platform's cap; see the
    module docstring)."""
    captions = {c.moment_id: " ".join(c.text.split()) for c in plan.cues if c.moment_id}
    first: Slide | None = None
    story: list[Slide] = []
    result: Slide | None = None
    seen: set[str] = set()
    effort: Slide | None = None
    last_still: Slide | None = None
    pair: Slide | None = None
    pair_first = False  # the before/after comes before the work, as in the reel
    for shot in plan.shots:
        if shot.kind in BEFORE_AFTER_KINDS:
            if pair is None:
                pair = Slide(BEFORE_AFTER, shot.capture, shot.focus, overlay=shot.overlay,
                             overlay_focus=shot.overlay_focus,
                             style=reveal.SIDE if shot.kind == BEFORE_AFTER_SIDE
                             else reveal.WIPE)
                pair_first = not story and last_still is None
            continue
        if shot.kind == COVER_FRAME:
            continue
        if shot.kind == END_CARD:
            lines = tuple(x for x in (shot.card_lines or (plan.effort_line,)) if x)
            if lines:
                effort = Slide(EFFORT, None, card_lines=lines)
            continue
        if shot.capture is None:
            continue
        if shot.kind == RESULT_FIRST:
            first = Slide(FIRST, shot.capture, shot.focus)
            continue
        last_still = Slide(LATEST, shot.capture, shot.focus)
        if shot.kind == "result":
            # the last still of the last result moment: the piece as it ended
            result = Slide(RESULT, shot.capture, shot.focus, captions.get(shot.moment_id or "", ""))
        elif shot.kind in STORY_KINDS and shot.moment_id and shot.moment_id not in seen:
            seen.add(shot.moment_id)  # the moment's first still: the one it was flagged on
            story.append(Slide(shot.kind, shot.capture, shot.focus,
                               captions.get(shot.moment_id, "")))
    if result is None:  # no result moment: the still the reel opens on, else its last
        result = Slide(LATEST, first.capture, first.focus) if first else last_still
    if result is not None and first is not None and not result.caption \
            and result.capture == first.capture:
        result = None  # the same picture twice with nothing new to say
    fixed = [s for s in (first, result, effort, pair) if s is not None]
    story = _most_telling(story, max(0, limit - len(fixed)))
    head = [s for s in (first, pair if pair_first else None) if s]
    tail = [s for s in (result, None if pair_first else pair, effort) if s]
    return tuple((head + story + tail)[:limit])


def _most_telling(story: list[Slide], slots: int) -> list[Slide]:
    if len(story) <= slots:
        return story
    kept: list[int] = []
    order = [(STORY_KINDS.index(s.kind), not s.caption) for s in story]
    for group in sorted(set(order)):
        members = [i for i, key in enumerate(order) if key == group]
        room = slots - len(kept)
        if room <= 0:
            break
        if len(members) <= room:
            kept += members
        else:  # spread evenly over the group's time span
            kept += [members[round(k * (len(members) - 1) / max(1, room - 1))]
                     for k in range(room)] if room > 1 else [members[len(members) // 2]]
    return [story[i] for i in sorted(set(kept))]


# --------------------------------------------------------------------------- drawing
def _picture(slide: Slide, width: int, height: int, mode: str) -> np.ndarray:
    assert slide.capture is not None
    img = stills.load(slide.capture.path, width, height, mode)
    return layout.lay_out(img, width, height, mode, slide.focus)


def render_slides(plan: ReelPlan, *, mode: str = layout.FILL, lang: str | None = None,
                  warnings: list[str] | None = None, width: int | None = None,
                  height: int | None = None, cancel: CancelToken | None = None,
                  fmt: CarouselFormat = INSTAGRAM_CAROUSEL
                  ) -> Iterator[tuple[Slide, np.ndarray, str]]:
    """(slide, BGR image, alt text) for each slide that could be drawn, in order, at the
    format's size (or ``width`` x ``height``) and at most its number of images.

    A still that cannot be read leaves its slide out, with a warning. Also what
    the app's preview of the carousel shows.
    """
    warnings = [] if warnings is None else warnings
    width, height = width or fmt.width, height or fmt.height
    box = fmt.safe_box(width, height)
    backdrop: np.ndarray | None = None  # the result, behind the effort card
    for slide in plan_slides(plan, fmt.max_images):
        if cancel is not None:
            cancel.raise_if_cancelled()
        if slide.kind == BEFORE_AFTER:
            try:
                image = _before_after(slide, width, height, box, mode, lang)
            except (UnreadableStill, cv2.error, OSError) as exc:
                assert slide.capture is not None
                warnings.append(tr("A carousel still could not be read and was left out: "
                                   "{problem}", problem=stills.unreadable(slide.capture, exc)))
                continue
            yield slide, image, alt_text(slide, plan, lang)
            continue
        if slide.kind == EFFORT:
            image = cards.end_card(slide.card_lines, width, height, box, background=backdrop)
            yield slide, image, alt_text(slide, plan, lang)
            continue
        try:
            picture = _picture(slide, width, height, mode)
        except (UnreadableStill, cv2.error, OSError) as exc:
            assert slide.capture is not None  # every slide but the effort card shows a still
            warnings.append(tr("A carousel still could not be read and was left out: "
                               "{problem}", problem=stills.unreadable(slide.capture, exc)))
            continue
        if slide.kind in (FIRST, RESULT, LATEST):
            backdrop = picture  # without its overlays
        image = picture.copy()
        if slide.kind == FIRST:
            cards.result_label(width, box, cards.opening_label(plan, lang),
                               result=cards.opening_is_result(plan)).blend_into(image)
        elif slide.caption:
            rendered = render_caption(slide.caption, box, width, kind=slide.kind)
            warnings.extend(rendered.warnings)
            if rendered.patch is not None:
                rendered.patch.blend_into(image)
        yield slide, image, alt_text(slide, plan, lang)


def _before_after(slide: Slide, width: int, height: int, box: tuple[int, int, int, int],
                  mode: str, lang: str | None) -> np.ndarray:
    """The before/after slide: as in the reel; a wipe stopped with its line at the centre."""
    assert slide.capture is not None and slide.overlay is not None
    before = stills.load(slide.overlay.path, width, height, mode)
    after = stills.load(slide.capture.path, width, height, mode)
    mix = reveal.mix_for_line(width, reveal.safe_centre(box)[0])
    return reveal.before_after(before, after, width, height, box, style=slide.style, mix=mix,
                               before_focus=slide.overlay_focus, after_focus=slide.focus,
                               mode=mode, lang=lang)


def _when(t: datetime, lang: str | None) -> str:
    return format_datetime(t, lang)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?…»\"”)" else text + "."


def alt_text(slide: Slide, plan: ReelPlan, lang: str | None = None) -> str:
    """One plain sentence describing the image, for people who cannot see it."""
    if slide.kind == EFFORT:
        return _sentence(tr("The effort behind {name}: {figures}", lang=lang,
                            name=plan.piece.name,
                            figures=", ".join(x.replace(" · ", ", ") for x in slide.card_lines)))
    assert slide.capture is not None
    when = _when(slide.capture.time, lang)
    if slide.kind == BEFORE_AFTER and slide.overlay is not None:
        first = _when(slide.overlay.time, lang)
        if cards.opening_is_result(plan) or _is_result(plan, slide.capture):
            return _sentence(tr("Before and after: {name} as it began, on {first}, beside the "
                                "finished piece, on {when}", lang=lang, name=plan.piece.name,
                                first=first, when=when))
        return _sentence(tr("Before and after: {name} as it began, on {first}, beside its "
                            "latest still, on {when}", lang=lang, name=plan.piece.name,
                            first=first, when=when))
    if slide.kind == FIRST and cards.opening_is_result(plan):
        return _sentence(tr("The finished piece, {name}, on {when}", lang=lang,
                            name=plan.piece.name, when=when))
    if slide.kind in (FIRST, LATEST):  # no result flagged: the latest still, said as such
        caption = slide.caption or (cards.opening_caption(plan) if slide.kind == FIRST else "")
        if caption:
            return _sentence(tr("The latest still of {name}, on {when}: {caption}", lang=lang,
                                name=plan.piece.name, when=when, caption=caption))
        return _sentence(tr("The latest still of {name}, on {when}", lang=lang,
                            name=plan.piece.name, when=when))
    kind = kind_label(slide.kind, lang)
    kind = kind[:1].upper() + kind[1:]
    if slide.caption:
        return _sentence(tr("{kind} on {when}: {caption}", lang=lang, kind=kind, when=when,
                            caption=slide.caption))
    return _sentence(tr("{kind} on {when}", lang=lang, kind=kind, when=when))


def _is_result(plan: ReelPlan, capture: Capture) -> bool:
    """True when ``capture`` is the still of a result the maker flagged."""
    return any(s.kind == "result" and s.capture == capture for s in plan.shots)


# --------------------------------------------------------------------------- files
def write_carousel(plan: ReelPlan, folder: Path, *, mode: str = layout.FILL,
                   lang: str | None = None, warnings: list[str] | None = None,
                   cancel: CancelToken | None = None,
                   fmt: CarouselFormat = INSTAGRAM_CAROUSEL) -> list[tuple[Path, str]]:
    """``folder/01.jpg …`` (folder created here, inside the export's partial folder,
    so it is published whole with the export). Returns (file, alt text) pairs."""
    folder.mkdir()
    written: list[tuple[Path, str]] = []
    for _slide, image, alt in render_slides(plan, mode=mode, lang=lang, warnings=warnings,
                                            cancel=cancel, fmt=fmt):
        path = folder / f"{len(written) + 1:02d}.jpg"
        write_bytes(path, encode_jpeg(image))
        written.append((path, alt))
    fsync_dir(folder)
    return written


def alt_texts_block(alts: list[str], lang: str | None = None) -> str:
    """The post text's section listing each image's alt text, numbered like the files."""
    lines = [tr("Alt text for the carousel images:", lang=lang)]
    lines += [f"{i:02d}. {alt}" for i, alt in enumerate(alts, 1)]
    return "\n".join(lines)


__all__ = ["FOLDER", "HEIGHT", "MAX_IMAGES", "SAFE", "WIDTH", "Slide", "alt_text",
           "alt_texts_block", "plan_slides", "render_slides", "safe_box", "write_carousel"]
