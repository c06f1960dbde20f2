"""A reel plan as runs of identical frames, and the disk space its export needs.

Most output frames repeat the one before (a still held on screen for many
frames, the same caption over it): each run is composed once, then encoded
or linked as many times as it lasts.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass

from coulisses.export.presets import Preset
from coulisses.timeline.plan import ReelPlan


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive identical output frames: one shot, one set of captions."""

    start: int
    count: int
    shot_index: int
    cue_indices: tuple[int, ...]


def runs_of(plan: ReelPlan) -> list[Run]:
    """Split the reel into runs of identical frames (same shot, same captions)."""
    total = plan.total_frames
    bounds = {0, total}
    shot_starts = []
    pos = 0
    for shot in plan.shots:
        shot_starts.append(pos)
        bounds.add(pos)
        pos += shot.frames
    for cue in plan.cues:
        bounds.add(min(total, max(0, cue.start_frame)))
        bounds.add(min(total, max(0, cue.end_frame)))
    edges = sorted(bounds)
    runs: list[Run] = []
    shot_i = 0
    for a, b in zip(edges, edges[1:], strict=False):
        if b <= a:
            continue
        while shot_i + 1 < len(plan.shots) and shot_starts[shot_i + 1] <= a:
            shot_i += 1
        while plan.shots[shot_i].frames == 0 and shot_i + 1 < len(plan.shots):
            shot_i += 1
        active = tuple(i for i, c in enumerate(plan.cues)
                       if c.start_frame <= a and c.end_frame >= b and c.text.strip())
        runs.append(Run(a, b - a, shot_i, active))
    return runs


def run_at(runs: list[Run], frame: int) -> Run:
    """The run showing output frame ``frame`` (0-based); IndexError outside the reel."""
    k = bisect.bisect_right(runs, frame, key=lambda r: r.start) - 1
    if k < 0 or frame >= runs[k].start + runs[k].count:
        raise IndexError(frame)
    return runs[k]


# Bytes per output pixel, from real exports at 1080x1920 (the demo piece, and a piece
# of noisy, textured stills standing in for a webcam in poor light), rounded up; on the
# demo piece the whole estimate is about twice the real size, on the noisy one 1.3x.
MP4_PER_NEW_FRAME = 0.1  # a new still is nearly an I-frame: measured 0.05-0.072
MP4_PER_FRAME = 0.004  # a held still still costs the periodic keyframes: measured 0.003
JPEG_PER_FRAME = 0.3  # JPEG q92 of a composed frame: measured 0.125-0.24
FIXED_BYTES = 1 << 20  # texts, sequence.json, MP4 header, file system blocks


def estimate_bytes(plan: ReelPlan, preset: Preset, runs: list[Run],
                   outputs: Collection[str]) -> int:
    """An upper estimate of the export's size, checked against free space up front.

    Honest rather than safe at any price: each distinct frame (a run) is encoded
    once, and its repeats are hard links in ``frames/`` and nearly free in the
    MP4, so the size follows the number of runs far more than the reel's length.
    """
    pixels = preset.width * preset.height
    need = FIXED_BYTES
    if "mp4" in outputs:
        need += int(len(runs) * pixels * MP4_PER_NEW_FRAME
                    + plan.total_frames * pixels * MP4_PER_FRAME)
    if "frames" in outputs:
        need += int(len(runs) * pixels * JPEG_PER_FRAME)
    if "cover" in outputs:
        need += int(pixels * JPEG_PER_FRAME)
    return need
