"""Skipping the empty minutes: is this frame a meaningful change since the last kept still?

The comparison is made on a small, blurred, brightness-normalised grey
picture, which is what makes it robust:
- downscaling by area averages each output pixel over ~100 sensor pixels,
  so per-pixel sensor noise shrinks tenfold; the blur removes what is left,
  along with compression blocks and sub-pixel camera shake;
- dividing by the mean brightness cancels auto-exposure steps and light
  slowly drifting over the bench (clouds, dusk);
- the score is the fraction of the picture that changed by more than a
  grey-level threshold, so a hand entering the frame counts fully while a
  faint change spread everywhere does not.
A still is kept at least every ``keepalive`` seconds even when nothing moves,
so the timeline still shows the time passing.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

SIGNATURE_WIDTH = 160


@dataclass(frozen=True, slots=True)
class IdleSettings:
    pixel_threshold: float = 14.0  # grey levels (out of 255, normalised) a pixel must move
    min_changed: float = 0.005  # fraction of the picture that must have moved
    keepalive: float = 180.0  # seconds: one still at least this often, even when idle
    width: int = SIGNATURE_WIDTH


@dataclass(frozen=True, slots=True)
class Decision:
    keep: bool
    reason: str  # first | changed | keepalive | forced | idle
    changed: float  # fraction of the picture that changed (0..1)
    signature: np.ndarray | None = None  # what becomes the reference if the still is stored
    at: float = 0.0


def signature(image: np.ndarray, width: int = SIGNATURE_WIDTH) -> np.ndarray:
    """Small grey picture, blurred, with its mean brightness brought to 128 (float32)."""
    h, w = image.shape[:2]
    height = max(1, round(h * width / max(1, w)))
    small = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
    if small.ndim == 3:
        small = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    blurred: np.ndarray = cv2.GaussianBlur(small, (5, 5), 1.2).astype(np.float32)
    mean = float(blurred.mean())
    if mean > 1.0:
        blurred *= 128.0 / mean
    return blurred


def changed_fraction(a: np.ndarray, b: np.ndarray, pixel_threshold: float) -> float:
    if a.shape != b.shape:
        return 1.0  # the source changed resolution: certainly a change
    return float(np.count_nonzero(cv2.absdiff(a, b) > pixel_threshold)) / a.size


class SceneChangeDetector:
    """Decides which frames are worth keeping; remembers the last kept one."""

    def __init__(self, settings: IdleSettings | None = None) -> None:
        self.settings = settings or IdleSettings()
        self._ref: np.ndarray | None = None
        self._ref_at: float | None = None

    def decide(self, image: np.ndarray, at: float, force: bool = False) -> Decision:
        """Whether to keep ``image`` seen at ``at`` (monotonic seconds).

        Call :meth:`remember` once the still is stored: a still that could not
        be written must not become the reference.
        """
        s = self.settings
        sig = signature(image, s.width)
        if self._ref is None or self._ref_at is None:
            return Decision(True, "first", 1.0, sig, at)
        frac = changed_fraction(sig, self._ref, s.pixel_threshold)
        if frac >= s.min_changed:
            return Decision(True, "changed", frac, sig, at)
        if force:
            return Decision(True, "forced", frac, sig, at)
        if at - self._ref_at >= s.keepalive:
            return Decision(True, "keepalive", frac, sig, at)
        return Decision(False, "idle", frac, sig, at)

    def remember(self, decision: Decision) -> None:
        if decision.signature is not None:
            self._ref = decision.signature
            self._ref_at = decision.at

    def reset(self) -> None:
        self._ref = None
        self._ref_at = None
