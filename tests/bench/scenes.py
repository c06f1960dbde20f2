"""Generated workshop scenes with ground truth, for the suggestion finder (issue 23).

Each scene is a maker's capture drawn with OpenCV: a piece (a pot on a wheel, a
board on a bench, a canvas on an easel, fabric under a sewing machine) filling
3–40 % of the frame, in a colour that contrasts with what is behind it or sits
at the same brightness (terracotta on wood, grey clay on a grey wheel head), or
white enough to clip (porcelain, a gesso-primed canvas),
with arms and sleeves in the picture 0–90 % of the time, at one still every
0.5 to 60 s. Some scenes hold *lasting changes* of the piece (a collapse, a
split in two, a torn wall, a piece knocked over, a glaze run), early, in the
middle or late; every scene holds distractors that must never be suggested:
hands passing, tools set down and taken away, the maker leaning in, a lamp
switched on or off, daylight drifting, auto-exposure, a camera nudged by a few
pixels. Slow work goes on all along (walls pulled up, strokes of paint).

Everything a scene is made of (shapes, places, colours, timings, noise, JPEG
quality) is drawn from its seed: ``specs(world)`` gives the same matrix of
crafts, intervals and distractors in another world for each ``world``, so the
finder can be checked on scenes it was not tuned on.

``Scene.truth`` holds the indices of the lasting changes (the first still in
which a change is more than half done); ``Scene.nudges`` the stills where the
camera moved.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import cv2
import numpy as np

CHANGES = ("collapse", "split", "torn", "knocked", "glaze")
DISTRACTORS = ("hands", "tools", "lean", "lamp", "daylight", "exposure", "nudge")


@dataclass(frozen=True)
class Spec:
    """What a scene is; the details are drawn from ``seed``."""

    name: str
    craft: str  # pot | board | canvas | fabric
    stills: int
    interval: float  # seconds between stills
    piece: float  # fraction of the frame the piece covers
    colours: str  # contrast | iso (same brightness, other hue) | grey (grey on grey)
    #              | white (porcelain, gesso, bleached linen: its lit side clips at white)
    arms: float  # fraction of stills with arms or hands in the picture
    changes: tuple[tuple[str, str], ...] = ()  # (early|middle|late, kind)
    distractors: tuple[str, ...] = ()
    focus: bool = False  # the maker set the piece's focus point
    size: tuple[int, int] = (320, 240)
    seed: int = 0

    @property
    def hours(self) -> float:
        return self.stills * self.interval / 3600


def specs(world: int = 0) -> list[Spec]:
    """The bench's scenes in ``world`` (0 is the one the figures are quoted for)."""
    d = DISTRACTORS
    rows = [
        Spec("pot-10s-early-collapse", "pot", 1800, 10, 0.05, "contrast", 0.6,
             (("early", "collapse"),), ("hands", "exposure", "daylight")),
        Spec("pot-0.5s-terracotta-collapse", "pot", 2400, 0.5, 0.08, "iso", 0.8,
             (("middle", "collapse"),), ("hands", "lean", "exposure")),
        Spec("pot-60s-grey-knocked", "pot", 480, 60, 0.04, "grey", 0.3,
             (("late", "knocked"),), ("hands", "daylight", "lamp", "tools")),
        Spec("pot-5s-tiny-split", "pot", 1440, 5, 0.03, "contrast", 0.9,
             (("middle", "split"),), ("hands", "nudge", "exposure"), focus=True),
        Spec("board-10s-iso-split", "board", 2160, 10, 0.25, "iso", 0.5,
             (("middle", "split"),), ("hands", "tools", "lamp", "nudge", "daylight")),
        Spec("board-60s-knocked-torn", "board", 600, 60, 0.12, "contrast", 0.1,
             (("early", "knocked"), ("late", "torn")), ("daylight", "tools", "exposure")),
        Spec("canvas-10s-large-torn", "canvas", 2880, 10, 0.40, "contrast", 0.7,
             (("late", "torn"),), ("hands", "lean", "lamp", "daylight"), focus=True),
        Spec("canvas-5s-iso-paint-run", "canvas", 1200, 5, 0.15, "iso", 0.4,
             (("middle", "glaze"),), ("hands", "tools", "exposure", "nudge")),
        Spec("fabric-0.5s-early-torn", "fabric", 1800, 0.5, 0.20, "contrast", 0.9,
             (("early", "torn"),), ("hands", "lean")),
        Spec("fabric-10s-iso-cut", "fabric", 1800, 10, 0.30, "iso", 0.6,
             (("middle", "split"),), ("hands", "tools", "lamp", "exposure")),
        Spec("pot-10s-grey-glaze-run", "pot", 2160, 10, 0.10, "grey", 0.5,
             (("middle", "glaze"),), ("hands", "daylight", "exposure")),
        Spec("pot-10s-distractors-only", "pot", 2880, 10, 0.07, "contrast", 0.6, (), d),
        Spec("board-0.5s-distractors-only", "board", 2400, 0.5, 0.20, "iso", 0.9, (),
             ("hands", "lean", "tools", "exposure", "nudge")),
        Spec("canvas-60s-distractors-only", "canvas", 600, 60, 0.30, "contrast", 0.3, (),
             ("hands", "lamp", "daylight", "tools", "nudge")),
        Spec("fabric-60s-knocked", "fabric", 480, 60, 0.06, "contrast", 0.5,
             (("middle", "knocked"),), ("hands", "exposure", "lamp")),
        Spec("pot-0.5s-short-collapse", "pot", 40, 0.5, 0.06, "contrast", 0.3,
             (("middle", "collapse"),), ("hands",)),
        Spec("pot-5s-3pc-terracotta-late", "pot", 1080, 5, 0.03, "iso", 0.0,
             (("late", "collapse"),), ("tools", "daylight", "nudge")),
        Spec("board-10s-distractors-wide", "board", 2880, 10, 0.15, "grey", 0.4, (),
             ("hands", "tools", "lamp", "exposure", "daylight", "nudge"), size=(480, 270)),
        Spec("pot-10s-porcelain-collapse", "pot", 1440, 10, 0.06, "white", 0.5,
             (("middle", "collapse"),), ("hands", "exposure", "daylight")),
        Spec("canvas-5s-gesso-torn-lamp", "canvas", 1440, 5, 0.25, "white", 0.3,
             (("late", "torn"),), ("hands", "lamp", "tools")),
    ]
    return [Spec(**{**s.__dict__, "seed": 1000 * world + k}) for k, s in enumerate(rows)]


# ------------------------------------------------------------------ drawing helpers
def _luma(bgr: np.ndarray) -> float:
    b, g, r = (float(c) for c in bgr)
    return 0.114 * b + 0.587 * g + 0.299 * r


def _with_luma(bgr: np.ndarray, target: float) -> np.ndarray:
    """The colour's hue with another brightness (clipped, then corrected once)."""
    out = np.clip(bgr * target / max(_luma(bgr), 1.0), 0, 255)
    return np.clip(out + (target - _luma(out)), 0, 255)


def _smooth_noise(rng: np.random.Generator, shape: tuple[int, int], sigma: float) -> np.ndarray:
    n = rng.normal(0, 1, shape).astype(np.float32)
    n = cv2.GaussianBlur(n, (0, 0), sigma)
    return n / max(float(n.std()), 1e-6)


def _rot(mask: np.ndarray, centre: tuple[float, float], angle: float, scale: tuple[float, float],
         shift: tuple[float, float] = (0, 0), shear: float = 0.0) -> np.ndarray:
    """Mask rotated by ``angle`` degrees and scaled about ``centre``, then shifted."""
    cx, cy = centre
    a = math.radians(angle)
    sx, sy = scale
    m = np.array([[math.cos(a) * sx, -math.sin(a) * sy + shear, 0],
                  [math.sin(a) * sx, math.cos(a) * sy, 0]], np.float32)
    m[:, 2] = np.array([cx, cy]) - m[:, :2] @ np.array([cx, cy]) + np.array(shift)
    h, w = mask.shape
    return cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)


@dataclass
class _Event:
    start: float  # seconds
    end: float
    data: dict = field(default_factory=dict)


class Scene:
    """One generated capture: ``frames()`` yields BGR uint8 frames; ground truth beside."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.rng = np.random.default_rng(spec.seed)
        rng = self.rng
        self.w, self.h = spec.size
        self.duration = spec.stills * spec.interval
        self.noise = float(rng.uniform(2.0, 7.0))
        self.quality = int(rng.integers(55, 96))
        self._background()
        self._piece()
        self._plan_changes()
        self._plan_distractors()
        ys, xs = np.nonzero(self.states[0] > 0.5)
        self.focus = (float(xs.mean()) / self.w, float(ys.mean()) / self.h) if spec.focus \
            else None

    # -------------------------------------------------------------- the set
    def _background(self) -> None:
        rng, w, h = self.rng, self.w, self.h
        craft = self.spec.craft
        base = {"pot": (95, 110, 125), "board": (70, 120, 165), "canvas": (150, 160, 170),
                "fabric": (120, 115, 110)}[craft]
        base = np.clip(np.array(base, np.float32) + rng.uniform(-30, 30, 3), 20, 235)
        img = np.empty((h, w, 3), np.float32)
        img[:] = base
        img += 12 * _smooth_noise(rng, (h, w), w / 40)[..., None]
        if craft == "board":  # wood grain along the bench
            y = np.arange(h, dtype=np.float32)[:, None]
            grain = np.sin(y / rng.uniform(2, 5) + 3 * _smooth_noise(rng, (h, w), w / 15))
            img += (8 * grain)[..., None]
        self.support = None  # what the piece stands on: a wheel head, an easel...
        support_colour = np.clip(base + rng.uniform(-60, 60, 3), 15, 240)
        if craft == "pot":
            cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.6, 0.8)
            axes = (int(w * rng.uniform(0.2, 0.32)), int(h * rng.uniform(0.06, 0.1)))
            cv2.ellipse(img, (int(cx), int(cy)), axes, 0, 0, 360, support_colour.tolist(), -1)
            self.support = support_colour
            self.anchor = (cx, cy)
        elif craft == "canvas":
            cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.4, 0.6)
            for dx in (-0.15, 0.15):
                cv2.line(img, (int(cx + dx * w), 0), (int(cx + 1.4 * dx * w), h),
                         (40, 60, 90), max(2, w // 60))
            self.anchor = (cx, cy)
        elif craft == "fabric":
            cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.5, 0.7)
            # The sewing machine's body over one side of the fabric.
            left = rng.random() < 0.5
            x0 = int(w * (0.0 if left else 0.62))
            cv2.rectangle(img, (x0, int(h * 0.05)), (x0 + int(w * 0.38), int(h * 0.45)),
                          (215, 215, 220), -1)
            cv2.rectangle(img, (int(w * 0.47), int(h * 0.3)), (int(w * 0.53), int(h * 0.5)),
                          (200, 200, 205), -1)
            self.anchor = (cx, cy)
        else:
            self.anchor = (w * rng.uniform(0.3, 0.7), h * rng.uniform(0.35, 0.65))
        self.bg = img

    def _piece(self) -> None:
        rng, w, h, spec = self.rng, self.w, self.h, self.spec
        cx, cy = self.anchor
        area = spec.piece * w * h
        if spec.craft == "pot":
            aspect = rng.uniform(0.7, 1.6)  # height / width
            pw = math.sqrt(area / aspect / 0.85)
            ph = pw * aspect
            prof = [rng.uniform(0.35, 0.5), rng.uniform(0.42, 0.55), rng.uniform(0.28, 0.45),
                    rng.uniform(0.3, 0.5)]
            ts = np.linspace(0, 1, 24)
            rs = np.interp(ts, [0, 0.35, 0.8, 1.0], prof) * pw * 1.2
            left = [(cx - r, cy - t * ph) for t, r in zip(ts, rs, strict=True)]
            right = [(cx + r, cy - t * ph) for t, r in zip(ts, rs, strict=True)]
            pts = np.array(left + right[::-1], np.float32)
            self.base_point = (cx, cy)
        else:
            aspect = {"board": rng.uniform(0.25, 0.45), "canvas": rng.uniform(1.1, 1.4),
                      "fabric": rng.uniform(0.5, 0.8)}[spec.craft]
            pw = math.sqrt(area / aspect)
            ph = pw * aspect
            skew = rng.uniform(-0.15, 0.15) * pw if spec.craft == "fabric" else 0
            pts = np.array([(cx - pw / 2 + skew, cy - ph / 2), (cx + pw / 2 + skew, cy - ph / 2),
                            (cx + pw / 2, cy + ph / 2), (cx - pw / 2, cy + ph / 2)], np.float32)
            ang = rng.uniform(-12, 12)
            c, s = math.cos(math.radians(ang)), math.sin(math.radians(ang))
            pts = (pts - (cx, cy)) @ np.array([[c, s], [-s, c]], np.float32) + (cx, cy)
            self.base_point = (cx, cy + ph / 2)
        # Keep the piece inside the frame.
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        shift = np.clip(lo, (2, 2), None) - lo + np.clip(hi, None, (w - 3, h - 3)) - hi
        pts += shift
        self.base_point = (self.base_point[0] + shift[0], self.base_point[1] + shift[1])
        self.size = (float(np.ptp(pts[:, 0])), float(np.ptp(pts[:, 1])))
        mask = np.zeros((h, w), np.float32)
        cv2.fillPoly(mask, [np.round(pts).astype(np.int32)], 1.0, cv2.LINE_AA)
        # The piece's colour and surface.
        behind = self.support if self.support is not None else \
            self.bg[int(self.base_point[1]) - 2, int(self.base_point[0])]
        behind = np.asarray(behind, np.float32)
        if spec.colours == "iso":  # another hue at the same brightness
            hue = np.array(rng.choice([(60, 95, 170), (70, 140, 190), (150, 110, 90),
                                       (90, 150, 100), (140, 90, 150)]), np.float32)
            while np.abs(hue / max(_luma(hue), 1) - behind / max(_luma(behind), 1)).max() < 0.25:
                hue = rng.uniform(40, 220, 3).astype(np.float32)
            colour = _with_luma(hue, _luma(behind) + rng.uniform(-4, 4))
        elif spec.colours == "grey":  # grey clay on a grey wheel head
            colour = _with_luma(np.full(3, 128, np.float32) + rng.uniform(-6, 6, 3),
                                _luma(behind) + rng.uniform(-5, 5))
        elif spec.colours == "white":
            colour = rng.uniform(228, 252, 3).astype(np.float32)
        else:
            colour = rng.uniform(30, 230, 3).astype(np.float32)
            while abs(_luma(colour) - _luma(behind)) < 45:
                colour = rng.uniform(30, 230, 3).astype(np.float32)
        self.colour = colour
        tex = 1 + 0.06 * _smooth_noise(rng, (h, w), max(2.0, w / 80))
        if spec.craft == "pot":  # a turned surface: lit from one side
            x = (np.arange(w, dtype=np.float32) - self.base_point[0]) / max(self.size[0] / 2, 1)
            side = rng.choice([-1, 1])
            tex = tex * (1 + 0.18 * np.clip(side * x, -1.2, 1.2))[None, :]
        elif spec.craft == "fabric":  # stripes or checks
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            period = rng.uniform(6, 14) * w / 320
            tex = tex * (1 + 0.12 * np.sign(np.sin(xx / period + yy / period * rng.uniform(0, 1))))
        self.texture = tex.astype(np.float32)
        self.paint = np.zeros((h, w), np.float32)  # canvas strokes / board carving so far
        self.paint_colour = np.clip(colour + rng.uniform(-70, 70, 3), 0, 255).astype(np.float32)
        self.states = [mask]
        self.glaze = [np.zeros((h, w), np.float32)]

    # -------------------------------------------------------------- changes
    def _changed(self, mask: np.ndarray, glaze: np.ndarray, kind: str
                 ) -> tuple[np.ndarray, np.ndarray]:
        rng = self.rng
        bx, by = self.base_point
        pw, ph = self.size
        ys, xs = np.nonzero(mask > 0.5)
        cx, cy = float(xs.mean()), float(ys.mean())
        if kind == "collapse":
            sy, sx = rng.uniform(0.35, 0.6), rng.uniform(1.25, 1.6)
            lean = rng.uniform(-0.5, 0.5)
            return (_rot(mask, (bx, by), 0, (sx, sy), shear=lean),
                    _rot(glaze, (bx, by), 0, (sx, sy), shear=lean))
        if kind == "split":
            ang = math.radians(rng.uniform(-25, 25))
            yy, xx = np.mgrid[0:mask.shape[0], 0:mask.shape[1]].astype(np.float32)
            side = ((xx - cx) * math.cos(ang) - (yy - cy) * math.sin(ang)) > 0
            gap = max(pw, ph) * rng.uniform(0.15, 0.3)
            out = np.zeros_like(mask)
            g = np.zeros_like(glaze)
            for sgn, part in ((-1, ~side), (1, side)):
                turn = sgn * rng.uniform(5, 25)
                out = np.maximum(out, _rot(mask * part, (cx, by), turn, (1, 1),
                                           (sgn * gap / 2 * math.cos(ang), 0)))
                g = np.maximum(g, _rot(glaze * part, (cx, by), turn, (1, 1),
                                       (sgn * gap / 2 * math.cos(ang), 0)))
            return out, g
        if kind == "torn":  # a wall torn open: a ragged notch from one edge
            # Around the piece as the camera sees it now: a piece knocked over lies
            # partly out of the picture, and a tear placed by its upright size could fall
            # wholly outside it (world 1's board-60s-knocked-torn counted a change of 0
            # pixels as one to find). Tried again until it takes a visible bite.
            bw = float(xs.max() - xs.min() + 1)
            bh = float(ys.max() - ys.min() + 1)
            for _ in range(50):
                k = rng.integers(3, 6)
                ex = cx + rng.choice([-1, 1]) * bw * rng.uniform(0.15, 0.4)
                ey = cy - bh * rng.uniform(0.0, 0.4)
                pts = [(ex + bw * rng.uniform(-0.3, 0.3), ey + bh * rng.uniform(-0.4, 0.4))
                       for _ in range(k)]
                hole = np.zeros_like(mask)
                cv2.fillPoly(hole, [np.array(cv2.convexHull(np.array(pts, np.float32)),
                                             np.int32)], 1.0, cv2.LINE_AA)
                hole = cv2.dilate(hole, None, iterations=max(1, int(min(bw, bh) * 0.08)))
                if (hole * mask).sum() < 0.15 * mask.sum():  # too small a tear: bigger
                    hole = cv2.dilate(hole, None, iterations=max(2, int(min(bw, bh) * 0.15)))
                if (hole * mask).sum() >= 0.1 * mask.sum():
                    break
            out = np.clip(mask - hole, 0, 1)
            return out, glaze * out
        if kind == "knocked":
            sgn = rng.choice([-1, 1])
            ang = sgn * rng.uniform(65, 95)
            pivot = (cx + sgn * pw / 2, by)
            out = _rot(mask, pivot, ang, (1, 1), (sgn * pw * rng.uniform(0.0, 0.3), 0))
            if out.sum() < 0.5 * mask.sum():  # fell out of the frame: fall the other way
                out = _rot(mask, (cx - sgn * pw / 2, by), -ang, (1, 1))
            return out, _rot(glaze, pivot, ang, (1, 1))
        if kind == "glaze":  # glaze (or paint) ran down from a band of the piece
            drips = np.zeros_like(mask)
            top = cy - ph * rng.uniform(0.1, 0.4)
            for _ in range(int(rng.integers(3, 7))):
                x = cx + pw * rng.uniform(-0.4, 0.4)
                length = ph * rng.uniform(0.3, 0.7)
                cv2.line(drips, (int(x), int(top)), (int(x + rng.uniform(-3, 3)),
                                                     int(top + length)),
                         1.0, max(2, int(pw * rng.uniform(0.08, 0.16))), cv2.LINE_AA)
            cv2.rectangle(drips, (int(cx - pw / 2), int(top - ph * 0.1)),
                          (int(cx + pw / 2), int(top + ph * 0.08)), 1.0, -1)
            return mask, np.maximum(glaze, drips * mask)
        raise ValueError(kind)

    def _plan_changes(self) -> None:
        rng, spec = self.rng, self.spec
        n = spec.stills
        self.truth: list[int] = []
        self.changes: list[tuple[int, int, int]] = []  # (first, last) stills of each ramp
        for when, kind in spec.changes:
            lo, hi = {"early": (0.02, 0.1), "middle": (0.35, 0.65), "late": (0.85, 0.95)}[when]
            at = int(n * rng.uniform(lo, hi))
            at = min(max(at, 6), n - 12)
            ramp = max(1, int(round(rng.uniform(0, 3.0) / spec.interval)))  # 0-3 s to happen
            first = max(1, at - ramp // 2)
            # Ground truth: the first still in which the change is more than half done
            # (still i of a ramp is (i - first + 1) / (ramp + 1) done: see _piece_at).
            self.truth.append(next(i for i in range(first, first + ramp + 1)
                                   if i >= first + ramp or (i - first + 1) / (ramp + 1) > 0.5))
            self.changes.append((first, first + ramp, len(self.states)))
            m, g = self._changed(self.states[-1], self.glaze[-1], kind)
            self.states.append(m)
            self.glaze.append(g)
        self.glaze_colour = np.clip(self.colour + self.rng.choice([-1, 1]) * 60 *
                                    np.array([1, -0.5, -1]) + rng.uniform(-30, 30, 3),
                                    0, 255).astype(np.float32)

    # -------------------------------------------------------------- distractors
    def _episodes(self, fraction: float, mean_len: float) -> list[_Event]:
        """Time spans covering about ``fraction`` of the capture, ``mean_len`` s long."""
        rng, out, t = self.rng, [], 0.0
        if fraction <= 0:
            return out
        gap_len = mean_len * (1 - fraction) / max(fraction, 1e-3)
        while t < self.duration:
            t += rng.exponential(gap_len) if gap_len > 0 else 0
            length = rng.exponential(mean_len) + self.spec.interval * 0.5
            out.append(_Event(t, t + length))
            t += length
        return out

    def _plan_distractors(self) -> None:
        rng, spec, w, h = self.rng, self.spec, self.w, self.h
        dist = set(spec.distractors)
        self.arms = self._episodes(spec.arms, rng.uniform(8, 90)) if "hands" in dist else []
        self.sleeve = rng.uniform(20, 235, 3).astype(np.float32)
        if rng.random() < 0.3:  # a sleeve the colour of the piece
            self.sleeve = np.clip(self.colour + rng.uniform(-15, 15, 3), 0, 255)
        self.skin = np.array(rng.choice([(120, 160, 215), (80, 110, 160), (60, 80, 110),
                                         (150, 180, 225)]), np.float32)
        self.hand = np.array(self.base_point, np.float32) - (0, self.size[1] / 2)
        self.tools: list[_Event] = []
        if "tools" in dist:
            for _ in range(int(rng.integers(3, 9))):
                start = rng.uniform(0, self.duration)
                stay = min(rng.uniform(5, 180), 0.3 * self.duration)
                size = (w * rng.uniform(0.03, 0.12), h * rng.uniform(0.01, 0.04))
                self.tools.append(_Event(start, start + stay, {
                    "at": (w * rng.uniform(0.05, 0.95), h * rng.uniform(0.3, 0.95)),
                    "size": size, "angle": rng.uniform(0, 180),
                    "colour": rng.uniform(10, 245, 3).tolist()}))
        self.leans: list[_Event] = []
        if "lean" in dist:
            for _ in range(int(rng.integers(2, 6))):
                start = rng.uniform(0, self.duration)
                self.leans.append(_Event(start, start + rng.uniform(3, 40), {
                    "x": w * rng.uniform(0.1, 0.9), "r": w * rng.uniform(0.25, 0.45),
                    "colour": rng.uniform(15, 120, 3).tolist()}))
        self.lamp: _Event | None = None
        if "lamp" in dist:
            on = rng.uniform(0.1, 0.8) * self.duration
            off = on + rng.uniform(0.1, 0.5) * self.duration if rng.random() < 0.6 else 1e12
            if rng.random() < 0.4:  # on at the start, switched off
                on, off = -1.0, on
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            lx, ly = w * rng.uniform(-0.2, 1.2), h * rng.uniform(-0.3, 0.5)
            spread = 2 * (w * rng.uniform(0.3, 0.8)) ** 2
            field_ = np.exp(-((xx - lx) ** 2 + (yy - ly) ** 2) / spread)
            tint = np.array([rng.uniform(0.7, 0.95), 1.0, rng.uniform(1.0, 1.2)], np.float32)
            self.lamp = _Event(on, off, {"gain": (rng.uniform(0.3, 0.9) * field_)[..., None]
                                         * tint})
        self.daylight = "daylight" in dist
        if self.daylight:
            self.day_phase = rng.uniform(0, 2 * math.pi, 3)
            self.day_periods = rng.uniform(600, 4 * 3600, 3)
            self.clouds = self._episodes(0.2, rng.uniform(20, 300))
            self.cloud_depth = rng.uniform(0.15, 0.35)
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            self.day_grad = ((xx / w - 0.5) * rng.uniform(-1, 1) + (yy / h - 0.5) *
                             rng.uniform(-1, 1))[..., None]
        self.exposure = "exposure" in dist
        self.gain = 1.0
        self.target = rng.uniform(100, 140)
        self.nudge_at: list[tuple[int, float, float]] = []
        if "nudge" in dist:
            for _ in range(int(rng.integers(1, 3))):
                k = int(rng.integers(10, max(11, spec.stills - 10)))
                px = rng.uniform(2, 6) * w / 320
                a = rng.uniform(0, 2 * math.pi)
                self.nudge_at.append((k, px * math.cos(a), px * math.sin(a)))
        self.nudge_at.sort()
        self.nudges = [k for k, _, _ in self.nudge_at]
        # Slow work: walls pulled up, strokes of paint, each a small lasting change.
        self.growth = rng.uniform(0.0, 0.35) if spec.craft == "pot" else 0.0
        self.strokes = sorted(int(k) for k in rng.integers(0, spec.stills, int(
            rng.integers(5, 25)))) if spec.craft in ("canvas", "board") else []

    # -------------------------------------------------------------- rendering
    def _piece_at(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        mask, glaze = self.states[0], self.glaze[0]
        for first, last, k in self.changes:
            if i >= last:
                mask, glaze = self.states[k], self.glaze[k]
            elif i >= first:
                u = (i - first + 1) / (last - first + 1)
                mask = (1 - u) * mask + u * self.states[k]
                glaze = (1 - u) * glaze + u * self.glaze[k]
        if self.growth:
            s = 1 + self.growth * i / self.spec.stills
            mask = _rot(mask, self.base_point, 0, (1 / math.sqrt(s), s))
            glaze = _rot(glaze, self.base_point, 0, (1 / math.sqrt(s), s))
        return mask, glaze

    def _stroke(self) -> None:
        rng = self.rng
        ys, xs = np.nonzero(self.states[0] > 0.5)
        j = int(rng.integers(len(xs)))
        r = max(1, int(math.sqrt(self.w * self.h * rng.uniform(0.0003, 0.0012)) / 2))
        cv2.ellipse(self.paint, (int(xs[j]), int(ys[j])), (r * 2, r), rng.uniform(0, 180), 0,
                    360, 1.0, -1, cv2.LINE_AA)

    def _arms(self, img: np.ndarray, t: float) -> None:
        rng, w, h = self.rng, self.w, self.h
        if not any(e.start <= t < e.end for e in self.arms):
            return
        # The hand wanders around the piece: far between stills minutes apart, near
        # between stills half a second apart (and now and then it rests).
        bx, by = self.base_point
        pw, ph = self.size
        if rng.random() > 0.2:
            step = min(1.0, self.spec.interval / 4) * max(pw, ph, w * 0.2)
            self.hand += rng.normal(0, step, 2).astype(np.float32)
        self.hand = np.clip(self.hand, (bx - pw - 0.1 * w, by - ph * 1.3 - 0.05 * h),
                            (bx + pw + 0.1 * w, by + 0.1 * h)).astype(np.float32)
        thick = max(3, int(h * rng.uniform(0.07, 0.12)))
        for side in ((-1, 1) if rng.random() < 0.6 else (rng.choice([-1, 1]),)):
            hx, hy = float(self.hand[0]) + side * pw * 0.4, float(self.hand[1])
            ex, ey = (w / 2 + side * w * 0.45, h * 1.1)
            cv2.line(img, (int(ex), int(ey)), (int(hx), int(hy)), self.sleeve.tolist(), thick,
                     cv2.LINE_AA)
            cv2.ellipse(img, (int(hx), int(hy)), (thick // 2 + 2, int(thick * 0.8)),
                        float(rng.uniform(0, 180)), 0, 360, self.skin.tolist(), -1, cv2.LINE_AA)

    def frames(self) -> Iterator[np.ndarray]:
        spec, rng = self.spec, self.rng
        noise = np.empty((self.h, self.w, 3), np.float32)
        cv2.setRNGSeed(spec.seed)
        strokes = list(self.strokes)
        dx = dy = 0.0
        nudges = list(self.nudge_at)
        look: np.ndarray | None = None
        for i in range(spec.stills):
            t = i * spec.interval
            while strokes and strokes[0] <= i:
                strokes.pop(0)
                self._stroke()
                look = None
            if look is None:  # the piece's surface changes only with a stroke
                paint = (self.paint * self.states[0])[..., None]
                look = self.colour * self.texture[..., None]
                look += paint * (self.paint_colour - look)
            mask, glaze = self._piece_at(i)
            piece = look
            if glaze.any():
                piece = look + glaze[..., None] * (self.glaze_colour - look)
            img = self.bg + mask[..., None] * (piece - self.bg)
            for e in self.tools:
                if e.start <= t < e.end:
                    d = e.data
                    cv2.ellipse(img, (int(d["at"][0]), int(d["at"][1])),
                                (int(d["size"][0] / 2), max(2, int(d["size"][1]))), d["angle"],
                                0, 360, d["colour"], -1, cv2.LINE_AA)
            self._arms(img, t)
            for e in self.leans:
                if e.start <= t < e.end:
                    d = e.data
                    cv2.ellipse(img, (int(d["x"]), int(self.h * 1.05)),
                                (int(d["r"]), int(d["r"] * 0.9)), 0, 180, 360, d["colour"], -1)
            if self.lamp is not None and self.lamp.start <= t < self.lamp.end:
                img *= 1 + self.lamp.data["gain"]
            if self.daylight:
                day = 1 + 0.25 * math.sin(2 * math.pi * t / self.day_periods[0] +
                                          self.day_phase[0])
                tilt = 0.3 * math.sin(2 * math.pi * t / self.day_periods[1] + self.day_phase[1])
                warm = 0.08 * math.sin(2 * math.pi * t / self.day_periods[2] + self.day_phase[2])
                cloud = 0.0
                for e in self.clouds:  # a cloud over the sun: dims over some seconds
                    if e.start - 15 <= t < e.end + 15:
                        u = min(1.0, (t - e.start + 15) / 15, (e.end + 15 - t) / 15)
                        cloud = max(cloud, u)
                day *= 1 - self.cloud_depth * cloud
                img *= (day * (1 + tilt * self.day_grad)) * np.array(
                    [1 - warm, 1, 1 + warm], np.float32)
            if self.exposure:  # the camera re-meters towards its target, with a lag
                mean = float(img[::8, ::8].mean()) * self.gain
                want = float(np.clip(self.gain * self.target / max(mean, 1), 0.5, 2.0))
                self.gain += (want - self.gain) * min(1.0, spec.interval / 3)
                if rng.random() < 0.01:
                    self.gain *= rng.uniform(0.8, 1.25)  # a sudden re-metering
                img *= self.gain
            while nudges and nudges[0][0] <= i:
                _, ndx, ndy = nudges.pop(0)
                dx, dy = dx + ndx, dy + ndy
            if dx or dy:
                img = cv2.warpAffine(img, np.float32([[1, 0, dx], [0, 1, dy]]), (self.w, self.h),
                                     borderMode=cv2.BORDER_REPLICATE)
            cv2.randn(noise, 0, self.noise)
            img += noise
            yield np.clip(img, 0, 255).astype(np.uint8)


__all__ = ["CHANGES", "DISTRACTORS", "Scene", "Spec", "specs"]
