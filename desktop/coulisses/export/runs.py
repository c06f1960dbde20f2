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


def estimate_bytes(plan: ReelPlan, preset: Preset, runs: list[Run],
                   outputs: Collection[str]) -> int:
    """A generous guess of the export's size, checked against free space up front."""
    pixels = preset.width * preset.height
    need = 0
    if "mp4" in outputs:
        need += int(plan.duration * 1.5e6) + (1 << 20)  # CRF 20 rarely exceeds 12 Mbit/s
    if "frames" in outputs:
        need += len(runs) * int(pixels * 0.35)  # JPEG q92 of a photo: ~0.3 byte/pixel
    if "cover" in outputs:
        need += int(pixels * 0.4)
    return need + (4 << 20)
