"""The pacing planner: which stills a reel shows, in what order, for how many frames.

``plan_reel(snapshot, duration=30, fps=30)`` returns a ``ReelPlan`` (plain data,
see ``plan.py``) whose frame count is exactly ``round(duration * fps)``:

1. optional *result first* hook: ~1 s of the last result moment's still, else
   (nothing flagged as a result yet) of the latest still; the shot carries the
   result moment's id only in the first case, and the export labels it by what
   it is (``export.cards.opening_label``);
2. the body, in capture order:
   - every moment becomes a *block*: its still (or the stills of its span,
     ``span_to``) under one caption cue held at least
     ``max(1.5 s, len(caption) / 15 s)``; blocks linger a little longer when
     time allows;
   - the other stills are *work*: sampled evenly over **worked** time (idle
     holes and pauses between sessions are squeezed to a short step), each
     shown for the same number of frames, so an afternoon of idle camera
     does not eat the reel;
3. optional end card (~2.5 s, 2 s when tight) with the honest effort figures.

Options around them: a *before/after* (the piece's first still beside its
result, or a wipe from one to the other) held at the end, before the card, or
at the start, after the hook; a *ghost*: over the body's first seconds the
result shows faintly over the raw material, fading out; and for a platform
with no cover upload, the cover as the reel's first frames (``cover_frame``).

When the captions alone (plus hook, card and one second of work) need more
frames than the target, ``PacingError`` says so and carries the shortest
length that fits. Frame budgets are split with largest-remainder rounding so
the total is exact for any duration, fps and mix of moments.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from coulisses.i18n import tr
from coulisses.journal.model import Capture, Moment, PieceSnapshot
from coulisses.labels import kind_label
from coulisses.timeline.effort import card_lines, compute_effort, effort_line
from coulisses.timeline.plan import (
    BEFORE_AFTER_SIDE,
    BEFORE_AFTER_WIPE,
    COVER,
    COVER_FRAME,
    END_CARD,
    RESULT_FIRST,
    WORK,
    Cue,
    ReelPlan,
    Shot,
)
from coulisses.timeline.sessions import DEFAULT_GAP, moment_anchor, split_sessions, timestamps
from coulisses.timeline.visible import visible_part

WORK_SHOT_SECONDS = 0.1  # one work still on screen: a brisk time-lapse pace
WORK_HOLD_MAX_SECONDS = 1.5  # longer than this and a work still feels stuck
HOOK_SECONDS = 1.0
CARD_SECONDS = 2.5
CARD_MIN_SECONDS = 2.0
MIN_BODY_SECONDS = 1.0  # a reel shows at least this much of the work itself
CAPTION_MIN_SECONDS = 1.5
CAPTION_CHARS_PER_SECOND = 15
MOMENT_LINGER_SECONDS = 2.5  # what a captioned moment gets when time allows
SPAN_LINGER_SECONDS = 4.0
IDLE_STEP_FACTOR = 3.0  # a hole longer than 3x the usual interval counts as idle
COVER_FRAME_SECONDS = 0.5  # long enough to be picked as the thumbnail, short to watch
BEFORE_AFTER_SECONDS = 2.5  # the two stills side by side
WIPE_HOLD_BEFORE_SECONDS = 0.6  # a wipe: the raw material, the line sweeping, the result
WIPE_SWEEP_SECONDS = 1.2
WIPE_HOLD_AFTER_SECONDS = 1.2
GHOST_SECONDS = 3.0  # how long the finished piece shows faintly over the start
GHOST_OPACITY = 0.35  # at the start, fading to nothing: faint, never hiding the work
BEFORE_AFTER_STYLES = ("side", "wipe")
BEFORE_AFTER_PLACES = ("end", "start")


class PacingError(ValueError):
    """The target duration cannot hold what must be shown; ``shortest`` fits (seconds)."""

    def __init__(self, message: str, shortest: float) -> None:
        super().__init__(message)
        self.shortest = shortest


class NothingToShow(PacingError):
    """The piece has no still yet."""


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def caption_frames(caption: str, fps: int) -> int:
    """Frames a caption needs to be read: max(1.5 s, 1 s per 15 characters), rounded up."""
    n = len(caption.strip())
    return max(_ceil_div(3 * fps, 2), _ceil_div(n * fps, CAPTION_CHARS_PER_SECOND))


def spread(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` frames in proportion to ``weights``; the parts sum to ``total`` exactly."""
    n = len(weights)
    if n == 0:
        if total:
            raise ValueError("cannot spread frames over nothing")
        return []
    w = [max(0.0, float(x)) for x in weights]
    s = sum(w)
    if s <= 0:
        w, s = [1.0] * n, float(n)
    exact = [total * x / s for x in w]
    parts = [math.floor(x) for x in exact]
    left = total - sum(parts)
    order = sorted(range(n), key=lambda i: (parts[i] - exact[i], i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def focus_of(snapshot: PieceSnapshot, capture_id: str | None) -> tuple[float, float] | None:
    """The maker's focus point for a still (its own, else the piece's), clamped to 0..1."""
    if capture_id is not None:
        own = snapshot.still_settings(capture_id).focus
        if own is not None:
            return own
    return snapshot.settings.focus


@dataclass(slots=True)
class _Block:
    moment: Moment
    first: int  # first still shown (index into captures)
    last: int  # last still shown (inclusive)
    caption: str
    hard: int  # frames it must have
    soft: int  # frames it would like
    frames: int = 0

    @property
    def stills(self) -> int:
        return self.last - self.first + 1


def work_clock(times: Sequence[float], session_gap: float = DEFAULT_GAP) -> np.ndarray:
    """Seconds of *work* elapsed at each still: idle holes are squeezed to a short step.

    The step between two stills is their real interval, capped at a few usual
    intervals (the median), and never more than ``session_gap``: sampling over
    this clock spreads the reel over the work, not over the wall clock.
    """
    t = np.asarray(times, dtype=np.float64)
    if t.size == 0:
        return t
    dt = np.diff(t)
    positive = dt[dt > 0]
    usual = float(np.median(positive)) if positive.size else 1.0
    cap = min(max(IDLE_STEP_FACTOR * usual, 1.0), session_gap)
    # A tiny floor keeps the clock strictly increasing (stills in the same ms).
    steps = np.clip(dt, 1e-3, cap)
    return np.concatenate(([0.0], np.cumsum(steps)))


def sample_evenly(clock: np.ndarray, n: int) -> np.ndarray:
    """Indices (into ``clock``) of ``n`` distinct points spread evenly along the clock."""
    size = clock.size
    if n >= size:
        return np.arange(size)
    if n <= 0:
        return np.arange(0)
    if n == 1:
        targets = np.array([(clock[0] + clock[-1]) / 2])
    else:
        targets = np.linspace(clock[0], clock[-1], n)
    idx = np.searchsorted(clock, targets)
    idx = np.clip(idx, 0, size - 1)
    # Nearest neighbour rather than the next one.
    prev = np.clip(idx - 1, 0, size - 1)
    nearer = np.abs(clock[prev] - targets) <= np.abs(clock[idx] - targets)
    idx = np.where(nearer, prev, idx)
    # Make them distinct and increasing while keeping room for the rest.
    idx = idx.astype(np.int64)
    for k in range(1, n):
        if idx[k] <= idx[k - 1]:
            idx[k] = idx[k - 1] + 1
    for k in range(n - 1, -1, -1):
        limit = size - (n - k)
        if idx[k] > limit:
            idx[k] = limit
        if k < n - 1 and idx[k] >= idx[k + 1]:
            idx[k] = idx[k + 1] - 1
    return idx


def _even_indices(first: int, last: int, n: int) -> list[int]:
    count = last - first + 1
    if n >= count:
        return list(range(first, last + 1))
    if n == 1:
        return [last]
    return sorted({first + round(k * (count - 1) / (n - 1)) for k in range(n)})


def _blocks(snapshot: PieceSnapshot, times: list[float], fps: int,
            pace: int, lang: str | None) -> tuple[list[_Block], list[str]]:
    warnings: list[str] = []
    anchored: list[tuple[int, Moment]] = []
    for m in snapshot.moments:
        anchor = moment_anchor(snapshot, m, times)
        if anchor is None:
            continue
        if m.capture is not None and snapshot.index_of(m.capture) is None:
            warnings.append(tr("The still of a {kind} moment is missing; the nearest still "
                               "is shown instead.", kind=kind_label(m.kind)))
        anchored.append((anchor, m))
    anchored.sort(key=lambda am: (am[0], am[1].time, am[1].created, am[1].id))
    blocks: list[_Block] = []
    covered = -1
    linger = round(MOMENT_LINGER_SECONDS * fps)
    for anchor, m in anchored:
        last = anchor
        if m.span_to:
            end = snapshot.index_of(m.span_to)
            if end is not None and end >= anchor:
                last = end
        first = anchor
        if first <= covered:  # overlaps the previous block: show only what is new
            first = covered + 1
            if first > last:
                first = last = anchor  # nothing new: this moment's own still again
        covered = max(covered, last)
        caption = m.caption.strip()
        stills = last - first + 1
        if caption:
            hard = caption_frames(caption, fps)
            soft = max(hard, linger)
        else:
            hard = pace
            soft = max(hard, round(1.0 * fps))
        if stills > 1:
            soft = max(soft, min(stills * pace, round(SPAN_LINGER_SECONDS * fps)))
        blocks.append(_Block(m, first, last, caption, hard, soft))
    return blocks, warnings


def _shortest_message(shortest: float) -> str:
    return tr("This reel needs at least {seconds:g} s to show every caption long enough to "
              "read, so choose {seconds:g} s or more (or shorten some captions).",
              seconds=float(shortest))


def reveal_frames(style: str | None, fps: int) -> int:
    """Frames a before/after takes (0 without one)."""
    if style == "side":
        return round(BEFORE_AFTER_SECONDS * fps)
    if style == "wipe":
        return sum(round(x * fps) for x in (WIPE_HOLD_BEFORE_SECONDS, WIPE_SWEEP_SECONDS,
                                            WIPE_HOLD_AFTER_SECONDS))
    return 0


def _before_after_shots(style: str, frames: int, before: Shot, after: Shot,
                        fps: int) -> list[Shot]:
    """The before/after's shots: one held shot side by side; for a wipe, the raw material
    held, one shot per frame while the line sweeps (eased), then the result held."""
    def shot(kind: str, n: int, mix: float) -> Shot:
        return Shot(after.capture, n, kind, None, after.focus, overlay=before.capture,
                    overlay_focus=before.focus, mix=mix)

    if style == "side":
        return [shot(BEFORE_AFTER_SIDE, frames, 1.0)]
    hold = round(WIPE_HOLD_BEFORE_SECONDS * fps)
    sweep = round(WIPE_SWEEP_SECONDS * fps)
    out = [shot(BEFORE_AFTER_WIPE, hold, 0.0)]
    for k in range(sweep):
        t = (k + 1) / (sweep + 1)
        out.append(shot(BEFORE_AFTER_WIPE, 1, round(t * t * (3 - 2 * t), 4)))
    out.append(shot(BEFORE_AFTER_WIPE, frames - hold - sweep, 1.0))
    return out


def _with_ghost(shots: list[Shot], ghost: Shot, frames: int) -> list[Shot]:
    """The body's shots with the finished piece faintly over the first ``frames``: its
    opacity falls from GHOST_OPACITY to nothing (one value per shot)."""
    out, pos = [], 0
    for shot in shots:
        if pos < frames and shot.capture is not None:
            mix = round(GHOST_OPACITY * (1 - pos / frames), 4)
            shot = replace(shot, overlay=ghost.capture, overlay_focus=ghost.focus, mix=mix)
        out.append(shot)
        pos += shot.frames
    return out


def plan_reel(snapshot: PieceSnapshot, *, duration: float = 30.0, fps: int = 30,
              result_first: bool = True, end_card: bool = True, lang: str | None = None,
              sessions_gap: float | None = None, before_after: str | None = None,
              before_after_at: str = "end", ghost: bool = False,
              cover_frame: bool = False) -> ReelPlan:
    """Plan a reel of exactly ``round(duration * fps)`` frames (see the module docstring).

    Hidden stills are never shown (``timeline.visible``); the effort figures
    still count the time they cover. ``sessions_gap`` defaults to the piece's.
    ``before_after`` is None, "side" or "wipe", placed at ``before_after_at``
    ("end" or "start"); ``ghost`` shows the result faintly over the first
    seconds of the work; ``cover_frame`` opens on the cover (see the module
    docstring).
    """
    if not isinstance(fps, int) or fps <= 0:
        raise ValueError(tr("The frame rate must be a positive whole number."))
    if before_after not in (None, *BEFORE_AFTER_STYLES) \
            or before_after_at not in BEFORE_AFTER_PLACES:
        raise ValueError(tr("A before/after is side or wipe, at the end or the start."))
    if not math.isfinite(duration) or duration <= 0:
        raise ValueError(tr("The reel length must be a positive number of seconds."))
    total = round(duration * fps)
    if not snapshot.captures:
        raise NothingToShow(tr("“{name}” has no stills yet; capture or import some before "
                               "making a reel.", name=snapshot.piece.name), 0.0)
    if sessions_gap is None:
        sessions_gap = snapshot.settings.session_gap or DEFAULT_GAP
    # Effort is the maker's: hidden stills were worked time too (only their count goes).
    all_times = timestamps(snapshot.captures)
    effort = compute_effort(snapshot, split_sessions(snapshot, sessions_gap, all_times),
                            all_times)
    source = snapshot
    snapshot, left_out = visible_part(snapshot)
    captures = snapshot.captures
    if not captures:
        raise NothingToShow(tr("Every still of “{name}” is hidden; show some before making "
                               "a reel.", name=snapshot.piece.name), 0.0)
    effort = replace(effort, stills=len(captures))
    times = timestamps(captures)
    pace = max(1, round(WORK_SHOT_SECONDS * fps))
    blocks, warnings = _blocks(snapshot, times, fps, pace, lang)
    warnings = list(left_out) + warnings

    hook = round(HOOK_SECONDS * fps) if result_first else 0
    cover_n = round(COVER_FRAME_SECONDS * fps) if cover_frame else 0
    reveal = reveal_frames(before_after, fps)
    card_nominal = round(CARD_SECONDS * fps) if end_card else 0
    card_min = round(CARD_MIN_SECONDS * fps) if end_card else 0
    hard_sum = sum(b.hard for b in blocks)
    body_min = max(hard_sum, round(MIN_BODY_SECONDS * fps))
    opening = hook + cover_n + (reveal if before_after_at == "start" else 0)
    needed = hook + cover_n + reveal + card_min + body_min
    if total < needed:
        shortest = float(_ceil_div(needed, fps))
        raise PacingError(_shortest_message(shortest), shortest)
    card = min(card_nominal, total - hook - cover_n - reveal - body_min) if end_card else 0
    body = total - hook - cover_n - reveal - card

    # Which stills are plain work (not shown inside a moment's block).
    is_work = np.ones(len(captures), dtype=bool)
    for b in blocks:
        is_work[b.first:b.last + 1] = False
    work_idx = np.flatnonzero(is_work)

    for b in blocks:
        b.frames = b.hard
    free = body - hard_sum
    want = [b.soft - b.hard for b in blocks]
    linger_budget = min(sum(want), free // 3 if work_idx.size else free)
    for b, extra in zip(blocks, spread(linger_budget, want) if blocks else [], strict=True):
        b.frames += extra
    work_frames = free - linger_budget

    chosen = np.arange(0)
    if work_idx.size == 0:
        overflow, work_frames = work_frames, 0
    else:
        n = min(work_idx.size, max(1, work_frames // pace)) if work_frames else 0
        overflow = 0
        hold_max = max(pace, round(WORK_HOLD_MAX_SECONDS * fps))
        if n and blocks and work_frames > n * hold_max:
            overflow = work_frames - n * hold_max
            work_frames = n * hold_max
        clock = work_clock(times, sessions_gap)[work_idx]
        chosen = work_idx[sample_evenly(clock, n)]
    if overflow:
        for b, extra in zip(blocks, spread(overflow, [b.frames for b in blocks]), strict=True):
            b.frames += extra
    work_split = spread(work_frames, [1.0] * chosen.size)

    # Chronological body: work shots and blocks by the first still they show.
    items: list[tuple[int, int, int, Any]] = []
    for k, (i, f) in enumerate(zip(chosen.tolist(), work_split, strict=True)):
        items.append((i, 0, k, f))
    for k, b in enumerate(blocks):
        items.append((b.first, 1, k, b))
    items.sort(key=lambda it: it[:3])

    shots: list[Shot] = []
    cues: list[Cue] = []
    hook_cap, hook_moment = _hook_still(snapshot, times)
    # The finished piece (else the latest still) and the raw material, each on its focus.
    after = Shot(hook_cap, 0, RESULT_FIRST, hook_moment, focus_of(snapshot, hook_cap.id))
    before = Shot(captures[0], 0, WORK, None, focus_of(snapshot, captures[0].id))
    if cover_n:
        chosen_cover = _cover_shot(snapshot) or after
        shots.append(Shot(chosen_cover.capture, cover_n, COVER_FRAME, None, chosen_cover.focus))
    if hook:
        shots.append(replace(after, frames=hook))
    if reveal and before_after_at == "start":
        shots += _before_after_shots(str(before_after), reveal, before, after, fps)
    body_from = len(shots)
    cursor = opening
    for index, is_block, _, payload in items:
        if not is_block:
            cap = captures[index]
            shots.append(Shot(cap, payload, WORK, None, focus_of(snapshot, cap.id)))
            cursor += payload
            continue
        block: _Block = payload
        n_shots = min(block.stills, max(1, block.frames // pace))
        indices = _even_indices(block.first, block.last, n_shots)
        for i, f in zip(indices, spread(block.frames, [1.0] * len(indices)), strict=True):
            cap = captures[i]
            shots.append(Shot(cap, f, block.moment.kind, block.moment.id,
                              focus_of(snapshot, cap.id)))
        if block.caption:
            cues.append(Cue(cursor, cursor + block.frames, block.caption, block.moment.kind,
                            block.moment.id))
        cursor += block.frames
    if ghost:
        shots[body_from:] = _with_ghost(shots[body_from:], after, round(GHOST_SECONDS * fps))
    if reveal and before_after_at == "end":
        shots += _before_after_shots(str(before_after), reveal, before, after, fps)
    if (reveal or ghost) and before.capture == after.capture:
        warnings.append(tr("The piece has a single still to show, so its before and after "
                           "are the same picture."))
    if card:
        shots.append(Shot(None, card, END_CARD, None, None, card_lines(effort, lang)))

    if work_idx.size and chosen.size and work_split and \
            max(work_split) > round(WORK_HOLD_MAX_SECONDS * fps):
        warnings.append(tr("Only %n still(s) to show in {seconds:g} s, so each stays on screen "
                           "a while; a shorter reel will feel livelier.", None, len(captures),
                           seconds=float(duration)))
    plan = ReelPlan(piece=snapshot.piece, fps=fps, shots=tuple(shots), cues=tuple(cues),
                    effort_line=effort_line(effort, lang), warnings=tuple(warnings),
                    cover=_cover_shot(snapshot), source=source, effort=effort)
    assert plan.total_frames == total, (plan.total_frames, total)  # the contract
    return plan


def _cover_shot(snapshot: PieceSnapshot) -> Shot | None:
    """The maker's cover still when it is visible (it need not be among the shots)."""
    wanted = snapshot.settings.cover
    cap = snapshot.capture(wanted) if wanted else None
    return None if cap is None else Shot(cap, 0, COVER, None, focus_of(snapshot, cap.id))


def _hook_still(snapshot: PieceSnapshot, times: list[float]) -> tuple[Capture, str | None]:
    """The last result moment's still (the end of its span if it has one), else the last still."""
    for m in reversed(snapshot.moments):
        if m.kind != "result":
            continue
        if m.span_to:
            end = snapshot.index_of(m.span_to)
            if end is not None:
                return snapshot.captures[end], m.id
        anchor = moment_anchor(snapshot, m, times)
        if anchor is not None:
            return snapshot.captures[anchor], m.id
    return snapshot.captures[-1], None


__all__ = ["BEFORE_AFTER_PLACES", "BEFORE_AFTER_STYLES", "NothingToShow", "PacingError",
           "caption_frames", "focus_of", "plan_reel", "reveal_frames", "sample_evenly",
           "spread", "work_clock"]
