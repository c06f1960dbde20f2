"""The carousel: up to 10 stills at 1080x1350 (4:5) telling the piece's story in order.

Instagram's other format. The slides come from the reel plan, so they show
what the reel shows and never a hidden still (the timeline leaves those out
of every plan): the still the reel opens on first, labelled as the reel labels
it (the finished piece only when a result was flagged, else the latest still),
then the still of each struggle, fix and milestone moment with its caption
burnt in, the result (or, with none flagged, the latest still), and the effort
card last when the reel has one. Captions, cards and the opening label are
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
from coulisses.export import cards, layout, stills
from coulisses.export.captions import render_caption
from coulisses.export.frame_files import encode_jpeg
from coulisses.export.presets import SafeZone
from coulisses.i18n import format_datetime, tr
from coulisses.jobs import CancelToken
from coulisses.journal.errors import UnreadableStill
from coulisses.journal.model import Capture
from coulisses.labels import kind_label
from coulisses.timeline.plan import END_CARD, RESULT_FIRST, ReelPlan

WIDTH, HEIGHT = 1080, 1350
MAX_IMAGES = 10
FOLDER = "carousel"
# No button covers a carousel image, but the profile grid shows it cropped to
# 3:4 (~34 px off each side) and the feed draws the page counter top right
# and the tags badge bottom left: captions stay clear of those.
SAFE = SafeZone(top=110, bottom=120, left=80, right=80)
STORY_KINDS = ("struggle", "fix", "milestone")  # also the order of priority
# Slide kinds besides the moment kinds.
FIRST = RESULT_FIRST
RESULT = "result"
LATEST = "latest"  # the latest still, when no result was flagged: never called a result
EFFORT = "effort"


@dataclass(frozen=True, slots=True)
class Slide:
    kind: str  # FIRST, a story kind, RESULT, LATEST or EFFORT
    capture: Capture | None  # None for the effort card
    focus: tuple[float, float] | None = None
    caption: str = ""
    card_lines: tuple[str, ...] = ()


def safe_box(width: int = WIDTH, height: int = HEIGHT) -> tuple[int, int, int, int]:
    fx, fy = width / WIDTH, height / HEIGHT
    return (round(SAFE.left * fx), round(SAFE.top * fy), width - round(SAFE.right * fx),
            height - round(SAFE.bottom * fy))


# --------------------------------------------------------------------------- which slides
def plan_slides(plan: ReelPlan, limit: int = MAX_IMAGES) -> tuple[Slide, ...]:
    """The carousel's slides, in order (see the module docstring)."""
    captions = {c.moment_id: " ".join(c.text.split()) for c in plan.cues if c.moment_id}
    first: Slide | None = None
    story: list[Slide] = []
    result: Slide | None = None
    seen: set[str] = set()
    effort: Slide | None = None
    last_still: Slide | None = None
    for shot in plan.shots:
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
    fixed = [s for s in (first, result, effort) if s is not None]
    story = _most_telling(story, max(0, limit - len(fixed)))
    slides = ([first] if first else []) + story + [s for s in (result, effort) if s]
    return tuple(slides[:limit])


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
                  warnings: list[str] | None = None, width: int = WIDTH, height: int = HEIGHT,
                  cancel: CancelToken | None = None
                  ) -> Iterator[tuple[Slide, np.ndarray, str]]:
    """(slide, BGR image, alt text) for each slide that could be drawn, in order.

    A still that cannot be read leaves its slide out, with a warning. Also what
    the app's preview of the carousel shows.
    """
    warnings = [] if warnings is None else warnings
    box = safe_box(width, height)
    backdrop: np.ndarray | None = None  # the result, behind the effort card
    for slide in plan_slides(plan):
        if cancel is not None:
            cancel.raise_if_cancelled()
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


# --------------------------------------------------------------------------- files
def write_carousel(plan: ReelPlan, folder: Path, *, mode: str = layout.FILL,
                   lang: str | None = None, warnings: list[str] | None = None,
                   cancel: CancelToken | None = None) -> list[tuple[Path, str]]:
    """``folder/01.jpg …`` (folder created here, inside the export's partial folder,
    so it is published whole with the export). Returns (file, alt text) pairs."""
    folder.mkdir()
    written: list[tuple[Path, str]] = []
    for _slide, image, alt in render_slides(plan, mode=mode, lang=lang, warnings=warnings,
                                            cancel=cancel):
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
