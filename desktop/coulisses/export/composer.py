"""The renderer: every frame of a reel, composed exactly as the export draws it.

``FrameComposer`` is the one place a reel frame is drawn: the export asks it
for each run of identical frames (as I420, the encoder's format), and the
app's preview asks it for any frame while the maker scrubs (as BGR). It
decodes each still no bigger than the frame needs, evens out webcam exposure
jumps (deflicker, optional), lays the still out around its focus point (or a
card), and blends the captions over it.

Cheap to call many times: a few laid-out stills, every caption patch and the
last few composed frames are kept, so scrubbing within a shot costs a copy.
Not thread-safe: use one composer from one thread at a time (the export's
worker thread, or the preview's task). ``close()`` when done.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor

import cv2
import numpy as np

from coulisses.export import cards, cover, deflicker, layout, reveal, stills, yuv
from coulisses.export.captions import render_caption
from coulisses.export.errors import ExportError
from coulisses.export.patches import Patch, YuvPatch
from coulisses.export.presets import Preset, get_preset
from coulisses.export.runs import Run, run_at, runs_of
from coulisses.i18n import tr
from coulisses.journal.errors import UnreadableStill
from coulisses.journal.model import Capture
from coulisses.timeline.plan import (
    BEFORE_AFTER_KINDS,
    BEFORE_AFTER_SIDE,
    COVER_FRAME,
    END_CARD,
    RESULT_FIRST,
    ReelPlan,
    Shot,
)

LAYOUTS = (layout.FILL, layout.FIT)
BASES_KEPT = 6  # laid-out stills kept (I420, ~3 MB each at 1080x1920)
FRAMES_KEPT = 4  # composed BGR frames kept for compose() (~6 MB each)
DECODED_KEPT = 3  # decoded stills of before/after and ghost shots (each used by many shots)
# Shots that show something other than a plain webcam still: never deflickered.
_NOT_EVENED = (RESULT_FIRST, COVER_FRAME, *BEFORE_AFTER_KINDS)


def check_plan(plan: ReelPlan) -> None:
    """Refuse a plan no frame can be drawn from, with a sentence saying why."""
    if not plan.shots or plan.total_frames <= 0:
        raise ExportError(tr("There is nothing to export: the reel plan has no frames."))
    if plan.fps <= 0:
        raise ExportError(tr("The reel plan has no frame rate."))
    if any(s.frames < 0 for s in plan.shots):
        raise ExportError(tr("The reel plan is damaged (a shot has a negative length)."))


class FrameComposer:
    """Composes the frames of ``plan`` at ``preset``'s size (e.g. 1080x1920).

    ``compose(n)`` returns output frame ``n`` (0-based) as a new BGR ``uint8``
    array of shape (height, width, 3), the picture the export encodes (it goes
    through the same I420 step). ``layout`` is ``"fill"`` (crop around the
    focus point) or ``"fit"`` (whole still over a blur); ``lang`` is the
    language of the texts drawn in the picture (None: the UI's). Deflicker
    measures every webcam still ahead in a helper thread, so a preview
    usually leaves it off (the default here; the export turns it on).
    Problems (an unreadable still, an emoji the font lacks) are appended to
    ``warnings``; a still that cannot be read shows the previous one.
    """

    def __init__(self, plan: ReelPlan, preset: Preset | str = "reels", *,
                 layout: str = layout.FILL, lang: str | None = None,
                 deflicker: bool = False, warnings: list[str] | None = None) -> None:
        if layout not in LAYOUTS:
            raise ExportError(tr("Unknown layout {layout!r}; use fill or fit.", layout=layout))
        check_plan(plan)
        self.plan = plan
        self.preset = get_preset(preset) if isinstance(preset, str) else preset
        self.layout = layout
        self.lang = lang
        self.warnings: list[str] = [] if warnings is None else warnings
        self.runs: list[Run] = runs_of(plan)
        self.width, self.height = self.preset.width, self.preset.height
        self.loaded = 0  # stills decoded fine / not at all (an export of nothing but
        self.failed = 0  # grey frames must fail, not succeed quietly)
        self._safe = self.preset.safe_box
        self._stop = threading.Event()
        self._bases: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._frames: OrderedDict[Run, np.ndarray] = OrderedDict()
        self._last_good: np.ndarray | None = None
        self._last_still: tuple[int, np.ndarray] | None = None  # (shot index, decoded still)
        self._unreadable: set[int] = set()
        self._cue_patches: dict[int, list[Patch]] = {}
        self._label: Patch | None = None
        self._yuv_patches: dict[tuple[int, int, int], YuvPatch] = {}
        self._levels: list[Future[np.ndarray | None]] = []
        self._decoded: OrderedDict[str, np.ndarray | None] = OrderedDict()
        self._ghosts: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._pool: ThreadPoolExecutor | None = None
        self._gains: dict[int, float] = {}
        self._still_shots = [i for i, s in enumerate(plan.shots)
                             if s.capture is not None and s.kind != END_CARD]
        self._rank = {shot_i: k for k, shot_i in enumerate(self._still_shots)}
        if deflicker:
            self._start_levels()

    # -- public
    @property
    def total_frames(self) -> int:
        return self.plan.total_frames

    def run_at(self, frame: int) -> Run:
        """The run of identical frames that ``frame`` belongs to."""
        try:
            return run_at(self.runs, frame)
        except IndexError:
            raise ExportError(tr("Frame {n} is outside the reel (0 to {last}).", n=frame,
                                 last=self.plan.total_frames - 1)) from None

    def compose(self, frame: int) -> np.ndarray:
        """Output frame ``frame`` as BGR (height x width x 3, uint8), a fresh array."""
        run = self.run_at(frame)
        found = self._frames.get(run)
        if found is None:
            found = yuv.to_bgr(self.run_i420(run))
            self._frames[run] = found
            while len(self._frames) > FRAMES_KEPT:
                self._frames.popitem(last=False)
        else:
            self._frames.move_to_end(run)
        return found.copy()

    def run_i420(self, run: Run) -> np.ndarray:
        """The finished frame of a run as planar I420: laid-out still or card, plus
        overlays. Shared with the composer's caches: copy before changing it."""
        shot = self.plan.shots[run.shot_index]
        base = self._base_for(run.shot_index)
        overlays: list[Patch] = []
        if shot.kind == RESULT_FIRST:
            if self._label is None:
                self._label = cards.result_label(
                    self.width, self._safe, cards.opening_label(self.plan, self.lang),
                    result=cards.opening_is_result(self.plan))
            overlays.append(self._label)
        # Several captions at once stack upwards from the bottom of the safe zone.
        gap = max(2, self.width // 80)
        next_bottom: int | None = None
        for ci in run.cue_indices:
            for patch in self._patches(ci):
                if next_bottom is not None:
                    patch = patch.moved(patch.x, next_bottom - patch.height)
                overlays.append(patch)
                next_bottom = patch.y - gap
        if not overlays:
            return base
        frame = base.copy()
        for patch in overlays:
            self._yuv_patch(patch).blend_into_i420(frame, self.width, self.height)
        return frame

    def cancel(self) -> None:
        """Stop measuring stills ahead (any thread); the composer stays usable."""
        self._stop.set()

    def close(self) -> None:
        self._stop.set()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._bases.clear()
        self._frames.clear()

    def __enter__(self) -> FrameComposer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- deflicker: brightness of each still, measured ahead in a helper thread
    def _start_levels(self) -> None:
        shots = self.plan.shots
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="export-levels")

        def level(shot: Shot) -> np.ndarray | None:
            # Only webcam/screen stills flicker; imported photos and the
            # result-first hook are left exactly as they are.
            if self._stop.is_set() or shot.capture is None or shot.capture.source is not None \
                    or shot.kind in _NOT_EVENED:
                return None
            try:
                return deflicker.signature(stills.load_small(shot.capture.path))
            except (UnreadableStill, cv2.error, OSError):
                return None

        self._levels = [self._pool.submit(level, shots[i]) for i in self._still_shots]

    def _gain(self, shot_index: int) -> float:
        if not self._levels or shot_index not in self._rank:
            return 1.0
        if shot_index in self._gains:
            return self._gains[shot_index]
        k = self._rank[shot_index]
        lo, hi = max(0, k - deflicker.WINDOW), min(len(self._levels), k + deflicker.WINDOW + 1)
        window = [None if f.cancelled() else f.result() for f in self._levels[lo:hi]]
        g = deflicker.gains(window)[k - lo]
        self._gains[shot_index] = g
        return g

    # -- the laid-out picture of each shot
    def _load(self, shot_index: int) -> np.ndarray | None:
        capture = self.plan.shots[shot_index].capture
        assert capture is not None
        try:
            img = stills.load(capture.path, self.width, self.height, self.layout)
        except (UnreadableStill, cv2.error, OSError) as exc:
            self.warnings.append(tr("A still could not be read and the previous one is "
                                    "shown in its place: {problem}",
                                    problem=stills.unreadable(capture, exc)))
            self.failed += 1
            self._unreadable.add(shot_index)
            return None
        self.loaded += 1
        self._last_still = (shot_index, img)
        return img

    def _card_backdrop(self, shot_index: int) -> np.ndarray | None:
        """An end card's backdrop: the last readable still shown before it."""
        for i in range(shot_index - 1, -1, -1):
            shot = self.plan.shots[i]
            if shot.capture is None or shot.kind == END_CARD or i in self._unreadable:
                continue
            if self._last_still is not None and self._last_still[0] == i:
                return self._last_still[1]
            img = self._load(i)
            if img is not None:
                return img
        return None

    def _base_for(self, shot_index: int) -> np.ndarray:
        """The shot's laid-out picture as I420, kept while runs reuse it."""
        shot = self.plan.shots[shot_index]
        is_card = shot.capture is None or shot.kind == END_CARD
        gain = self._gain(shot_index)
        key = (shot.capture.id if shot.capture else None,
               tuple(shot.focus) if shot.focus else None, shot.kind, shot.card_lines, gain,
               shot_index if is_card else None, shot.overlay.id if shot.overlay else None,
               tuple(shot.overlay_focus) if shot.overlay_focus else None, shot.mix)
        found = self._bases.get(key)
        if found is not None:
            self._bases.move_to_end(key)
            return found
        if is_card:
            lines = shot.card_lines or (self.plan.effort_line,)
            base = yuv.to_i420(cards.end_card(tuple(x for x in lines if x), self.width,
                                              self.height, self._safe,
                                              background=self._card_backdrop(shot_index)))
        elif shot.kind == COVER_FRAME:
            assert shot.capture is not None
            base = yuv.to_i420(cover.render_cover(self._decode(shot.capture), self.width,
                                                  self.height, shot.focus,
                                                  title=self.plan.piece.name))
        elif shot.kind in BEFORE_AFTER_KINDS:
            assert shot.capture is not None
            before = self._decode(shot.overlay) if shot.overlay is not None else None
            base = yuv.to_i420(reveal.before_after(
                before, self._decode(shot.capture), self.width, self.height, self._safe,
                style=reveal.SIDE if shot.kind == BEFORE_AFTER_SIDE else reveal.WIPE,
                mix=shot.mix, before_focus=shot.overlay_focus, after_focus=shot.focus,
                mode=self.layout, lang=self.lang))
        else:
            img = None if shot_index in self._unreadable else self._load(shot_index)
            if img is None:
                base = self._last_good if self._last_good is not None else \
                    yuv.to_i420(np.full((self.height, self.width, 3), 16, np.uint8))
            elif self.layout == layout.FILL:
                # Crop first, then correct and scale only what is shown.
                crop = deflicker.apply_gain(
                    layout.fill_crop(img, self.width, self.height, shot.focus), gain)
                base = yuv.scale_to_i420(crop, self.width, self.height)
            else:
                img = deflicker.apply_gain(img, gain)
                base = yuv.to_i420(layout.lay_out(img, self.width, self.height, self.layout,
                                                  shot.focus))
            if img is not None and shot.overlay is not None and shot.mix > 0:
                ghost = self._ghost_i420(shot.overlay, shot.overlay_focus)
                if ghost is not None:
                    base = reveal.ghost(base, ghost, shot.mix)
            if img is not None:
                self._last_good = base
        self._bases[key] = base
        while len(self._bases) > BASES_KEPT:
            self._bases.popitem(last=False)
        return base

    def _decode(self, capture: Capture) -> np.ndarray | None:
        """A still decoded at the frame's size, kept for the shots that reuse it (a wipe
        draws its two stills in every frame); None, said once, when it cannot be read."""
        if capture.id in self._decoded:
            self._decoded.move_to_end(capture.id)
            return self._decoded[capture.id]
        img: np.ndarray | None
        try:
            img = stills.load(capture.path, self.width, self.height, self.layout)
            self.loaded += 1
        except (UnreadableStill, cv2.error, OSError) as exc:
            self.warnings.append(tr("A still could not be read and is left out of the "
                                    "before/after: {problem}",
                                    problem=stills.unreadable(capture, exc)))
            self.failed += 1
            img = None
        self._decoded[capture.id] = img
        while len(self._decoded) > DECODED_KEPT:
            self._decoded.popitem(last=False)
        return img

    def _ghost_i420(self, capture: Capture, focus: tuple[float, float] | None
                    ) -> np.ndarray | None:
        """The ghost's still laid out as the shots are (I420), kept while shots use it."""
        key = (capture.id, tuple(focus) if focus else None)
        found = self._ghosts.get(key)
        if found is None:
            img = self._decode(capture)
            if img is None:
                return None
            if self.layout == layout.FILL:
                found = yuv.scale_to_i420(layout.fill_crop(img, self.width, self.height, focus),
                                          self.width, self.height)
            else:
                found = yuv.to_i420(layout.lay_out(img, self.width, self.height, self.layout,
                                                   focus))
            self._ghosts[key] = found
            while len(self._ghosts) > 2:
                self._ghosts.popitem(last=False)
        return found

    # -- captions and labels, drawn once and blended into every frame they cover
    def _patches(self, cue_index: int) -> list[Patch]:
        if cue_index not in self._cue_patches:
            cue = self.plan.cues[cue_index]
            rendered = render_caption(cue.text, self._safe, self.width, kind=cue.kind)
            self.warnings.extend(rendered.warnings)
            self._cue_patches[cue_index] = [rendered.patch] if rendered.patch else []
        return self._cue_patches[cue_index]

    def _yuv_patch(self, patch: Patch) -> YuvPatch:
        key = (id(patch.premul), patch.x, patch.y)
        found = self._yuv_patches.get(key)
        if found is None:
            found = self._yuv_patches[key] = YuvPatch.from_patch(patch)
        return found
