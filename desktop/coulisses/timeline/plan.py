"""The reel plan: plain data the timeline produces and the export consumes.

This is the contract between ``timeline`` (which decides what is shown and for
how long) and ``export`` (which only renders it). Frames are at ``fps``;
``shots`` play back to back; ``cues`` are the burnt-in captions (and the
SRT/VTT cues), each covering a frame range that may span several shots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coulisses.journal.model import Capture, Piece, PieceSnapshot

if TYPE_CHECKING:
    from coulisses.timeline.effort import Effort

# Shot kinds: what a shot shows.
WORK = "work"  # an ordinary still of the process
RESULT_FIRST = "result-first"  # the result (else the latest still) shown first as a hook
END_CARD = "end-card"  # the closing card with the effort figures (no still)
COVER = "cover"  # the maker's cover still (ReelPlan.cover, never among the shots)
# The cover drawn as the reel's first frames, for a platform with no cover upload
# (YouTube Shorts picks its thumbnail among the video's frames).
COVER_FRAME = "cover-frame"
# Before/after: ``capture`` is the result, ``overlay`` the piece's first still.
BEFORE_AFTER_SIDE = "before-after-side"  # the two side by side
BEFORE_AFTER_WIPE = "before-after-wipe"  # a line sweeping across: ``mix`` = share revealed
BEFORE_AFTER_KINDS = (BEFORE_AFTER_SIDE, BEFORE_AFTER_WIPE)
# Moment kinds (struggle, fix, milestone, result, note) are shot kinds too.


@dataclass(frozen=True, slots=True)
class Shot:
    capture: Capture | None  # None only for the end card
    frames: int
    kind: str = WORK
    moment_id: str | None = None
    focus: tuple[float, float] | None = None  # (x, y) in 0..1 of the still; None = centre
    card_lines: tuple[str, ...] = ()  # text of an end card, first line largest
    # A second still drawn with this one: the "before" of a before/after, or the
    # finished piece shown faintly over the raw material (the ghost: ``mix`` is its
    # opacity, 0..1). Framed on its own focus point so the piece lines up.
    overlay: Capture | None = None
    overlay_focus: tuple[float, float] | None = None
    mix: float = 0.0

    @property
    def captures(self) -> tuple[Capture, ...]:
        """Every still this shot shows (its own, then the overlay's)."""
        return tuple(c for c in (self.capture, self.overlay) if c is not None)


@dataclass(frozen=True, slots=True)
class Cue:
    start_frame: int  # inclusive
    end_frame: int  # exclusive
    text: str
    kind: str = "note"
    moment_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReelPlan:
    piece: Piece
    fps: int
    shots: tuple[Shot, ...]
    cues: tuple[Cue, ...] = ()
    effort_line: str = ""  # e.g. "11 h 40 · 3 effondrements · 1 vase", for the post text
    warnings: tuple[str, ...] = field(default=())
    # The still the maker picked as cover (piece setting, visible), with its focus;
    # None: the export picks the result.
    cover: Shot | None = None
    # The piece as frozen for this plan (hidden stills included) and the end card's
    # effort figures: the evidence the export's Content Credentials carry.
    source: PieceSnapshot | None = field(default=None, compare=False, repr=False)
    effort: Effort | None = field(default=None, compare=False, repr=False)

    @property
    def total_frames(self) -> int:
        return sum(s.frames for s in self.shots)

    @property
    def duration(self) -> float:
        return self.total_frames / self.fps
