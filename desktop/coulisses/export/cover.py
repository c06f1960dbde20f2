"""The cover image: 1080x1920, with the subject inside the central 4:5 area.

Profile grids show a reel's cover cropped to the middle (4:5, lately 3:4), so
the still is cropped to 4:5 around its focus point and placed in that middle
band, over a blurred copy of itself filling the rest of the 9:16 frame.
"""

from __future__ import annotations

import numpy as np

from coulisses.export import layout
from coulisses.export.captions import render_caption
from coulisses.timeline.plan import COVER_FRAME, END_CARD, RESULT_FIRST, ReelPlan, Shot


def central_box(width: int, height: int) -> tuple[int, int, int, int]:
    """(x, y, w, h) of the centred 4:5 area of the frame."""
    box_h = min(height, round(width * 5 / 4))
    return 0, (height - box_h) // 2, width, box_h


def cover_shot(plan: ReelPlan) -> Shot | None:
    """The maker's pick (the plan's ``cover``: a visible still, with its focus), else the
    result. A cover on a hidden still never reaches the plan, so it is never used."""
    if plan.cover is not None and plan.cover.capture is not None:
        return plan.cover
    # A reel that opens on its cover (a platform with no cover upload): that one, so the
    # cover file and the video's first frame are the same picture.
    opening = next((s for s in plan.shots if s.kind == COVER_FRAME and s.capture), None)
    if opening is not None:
        return opening
    with_still = [s for s in plan.shots if s.capture is not None and s.kind != END_CARD]
    if not with_still:
        return None
    wanted = plan.piece.typed_settings.cover  # a plan made by hand: among its shots only
    if wanted:
        for s in with_still:
            if s.capture and s.capture.id == wanted:
                return s
    for kind in (RESULT_FIRST, "result"):
        picks = [s for s in with_still if s.kind == kind]
        if picks:
            return picks[-1]
    return with_still[-1]


def render_cover(still: np.ndarray | None, width: int, height: int,
                 focus: tuple[float, float] | None = None, title: str = "") -> np.ndarray:
    if still is None:
        frame = np.full((height, width, 3), 22, np.uint8)
    else:
        frame = layout.blurred_backdrop(still, width, height, focus)
        bx, by, bw, bh = central_box(width, height)
        frame[by:by + bh, bx:bx + bw] = layout.fill(still, bw, bh, focus)
    if title:
        bx, by, bw, bh = central_box(width, height)
        margin = round(width * 0.06)
        caption = render_caption(title, (bx + margin, by, bx + bw - margin, by + bh), width,
                                 kind="result")
        if caption.patch is not None:
            caption.patch.blend_into(frame)
    return frame
