"""The demo piece: a vase thrown on a wheel, drawn at run time from ``seeds/demo``.

A new user's first reel needs no camera: each still is painted with OpenCV
(workshop wall, wheel, the clay's silhouette, the potter's hands) from the
scene script, with webcam-like sensor noise and the odd exposure jump, then
stored in the journal like any capture, moments and captions included.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import cv2
import numpy as np

from coulisses.i18n import language, tr
from coulisses.jobs import CancelToken, Progress
from coulisses.journal import Journal
from coulisses.journal.codec import encode_still
from coulisses.journal.model import Piece
from coulisses.resources import seed

SHAPE_KEYS = ("h", "base", "belly", "neck", "lip", "lean")


def load_script() -> dict[str, Any]:
    return json.loads(seed("demo", "piece.json").read_text(encoding="utf-8"))


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return value.get(lang) or value.get("en") or next(iter(value.values()), "")
    return str(value or "")


@dataclass
class Scene:
    stills: int
    hands: bool
    start: dict[str, float]
    end: dict[str, float]
    glaze: bool = False
    pause_hours: float = 0.0
    moment: dict[str, Any] | None = None


def _scenes(script: dict[str, Any]) -> list[Scene]:
    out = []
    for s in script["scenes"]:
        out.append(Scene(int(s["stills"]), bool(s.get("hands")), dict(s["from"]), dict(s["to"]),
                         bool(s.get("glaze")), float(s.get("pause_hours", 0)), s.get("moment")))
    return out


# ------------------------------------------------------------------------ drawing
def _backdrop(w: int, h: int) -> np.ndarray:
    """Workshop wall, a shelf, the wheel and its splash pan (the same in every still)."""
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    x = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    light = 0.75 + 0.25 * np.exp(-((x - 0.25) ** 2) / 0.05 - ((y - 0.3) ** 2) / 0.08)
    wall = np.stack([150 * light, 170 * light, 185 * light], axis=2)
    img = np.clip(wall, 0, 255).astype(np.uint8)
    img = np.broadcast_to(img, (h, w, 3)).copy()
    shelf_y = int(h * 0.22)
    cv2.rectangle(img, (0, shelf_y), (w, shelf_y + int(h * 0.02)), (60, 85, 110), -1)
    for i, bx in enumerate(range(int(w * 0.06), int(w * 0.5), int(w * 0.09))):
        bh = int(h * (0.07 + 0.03 * (i % 2)))
        cv2.rectangle(img, (bx, shelf_y - bh), (bx + int(w * 0.05), shelf_y), (95, 120, 150), -1)
    cx, cy = w // 2, int(h * 0.80)
    cv2.ellipse(img, (cx, cy + int(h * 0.03)), (int(w * 0.34), int(h * 0.12)), 0, 0, 360,
                (70, 72, 78), -1)  # splash pan
    cv2.ellipse(img, (cx, cy), (int(w * 0.25), int(h * 0.065)), 0, 0, 360, (120, 122, 128), -1)
    cv2.ellipse(img, (cx, cy), (int(w * 0.25), int(h * 0.065)), 0, 0, 360, (90, 92, 98), 3)
    return img


def _radius(shape: dict[str, float], t: float) -> float:
    """Silhouette half-width at relative height t (0 = foot, 1 = lip), smooth."""
    pts = [(0.0, shape["base"]), (0.35, shape["belly"]), (0.8, shape["neck"]),
           (1.0, shape["lip"])]
    for (t0, r0), (t1, r1) in zip(pts, pts[1:], strict=False):
        if t <= t1:
            u = (t - t0) / (t1 - t0)
            u = (1 - math.cos(u * math.pi)) / 2
            return r0 + (r1 - r0) * u
    return pts[-1][1]


def _draw_piece(img: np.ndarray, shape: dict[str, float], glaze: bool, scale: float) -> None:
    h, w = img.shape[:2]
    cx, foot = w // 2, int(h * 0.78)
    height = max(10, int(shape["h"] * scale))
    lean = shape.get("lean", 0.0) * scale
    colour = np.array((150, 80, 28) if glaze else (88, 112, 150), np.float32)  # BGR
    left, right = [], []
    for row in range(height + 1):
        t = row / height
        r = _radius(shape, t) * scale
        off = lean * t * t
        y = foot - row
        left.append((cx + off - r, y))
        right.append((cx + off + r, y))
        if row % 2 == 0:
            x0, x1 = int(cx + off - r), int(cx + off + r)
            if x1 - x0 < 2 or not 0 <= y < h:
                continue
            u = np.linspace(-1, 1, x1 - x0, dtype=np.float32)
            shade = 0.45 + 0.55 * np.sqrt(np.clip(1 - u * u, 0, 1)) + 0.12 * (u < -0.3)
            if glaze:
                shade += 0.5 * np.exp(-((u + 0.45) ** 2) / 0.004)  # glossy highlight
            row_px = np.clip(colour[None, :] * shade[:, None], 0, 255).astype(np.uint8)
            img[y, x0:x1] = row_px
            if y + 1 < h:
                img[y + 1, x0:x1] = row_px
    top_r = _radius(shape, 1.0) * scale
    top = (int(cx + lean), foot - height)
    cv2.ellipse(img, top, (max(2, int(top_r)), max(2, int(top_r * 0.22))), 0, 0, 360,
                tuple(int(c * 0.45) for c in colour), -1)
    outline = np.array(left + right[::-1], np.int32)
    cv2.polylines(img, [outline], True, tuple(int(c * 0.5) for c in colour), 2, cv2.LINE_AA)


def _draw_hands(img: np.ndarray, shape: dict[str, float], scale: float,
                rng: np.random.Generator) -> None:
    h, w = img.shape[:2]
    cx, foot = w // 2, int(h * 0.78)
    height = shape["h"] * scale
    t = float(rng.uniform(0.3, 0.85))
    y = int(foot - height * t)
    r = _radius(shape, t) * scale
    skin = (120, 160, 215)
    for side in (-1, 1):
        x = int(cx + side * (r + 28 * scale))
        cv2.ellipse(img, (x, y), (int(38 * scale), int(60 * scale)), side * 15, 0, 360, skin, -1)
        cv2.ellipse(img, (x, y), (int(38 * scale), int(60 * scale)), side * 15, 0, 360,
                    (90, 125, 175), 2, cv2.LINE_AA)
        # forearm leaving the frame towards the potter
        cv2.line(img, (x, y + int(40 * scale)), (x + side * int(160 * scale), h),
                 (110, 150, 205), int(48 * scale))


class SensorNoise:
    """Webcam grain: a few noise fields made once, shifted at random per still
    (drawing fresh Gaussian noise for every 1280x720 still costs ~50 ms)."""

    def __init__(self, shape: tuple[int, ...], rng: np.random.Generator, sigma: float = 5.0,
                 fields: int = 3) -> None:
        self.rng = rng
        self.fields = []
        for _ in range(fields):
            n = rng.normal(0, sigma, shape).astype(np.float32)
            self.fields.append((np.clip(n, 0, 255).astype(np.uint8),
                                np.clip(-n, 0, 255).astype(np.uint8)))

    def apply(self, img: np.ndarray) -> np.ndarray:
        pos, neg = self.fields[int(self.rng.integers(len(self.fields)))]
        dy, dx = (int(self.rng.integers(n)) for n in img.shape[:2])
        pos = np.roll(pos, (dy, dx), axis=(0, 1))
        neg = np.roll(neg, (dy, dx), axis=(0, 1))
        return cv2.subtract(cv2.add(img, pos), neg)


def render_still(backdrop: np.ndarray, shape: dict[str, float], *, hands: bool, glaze: bool,
                 rng: np.random.Generator, noise: SensorNoise | None = None) -> np.ndarray:
    img = backdrop.copy()
    scale = img.shape[0] / 720
    _draw_piece(img, shape, glaze, scale)
    if hands:
        _draw_hands(img, shape, scale, rng)
    # A webcam's sensor: grain, and now and then a re-metered exposure.
    exposure = float(rng.choice([1.0, 1.0, 1.0, 1.0, rng.uniform(0.82, 1.18)]))
    if exposure != 1.0:
        img = cv2.convertScaleAbs(img, alpha=exposure)
    return (noise or SensorNoise(img.shape, rng, fields=1)).apply(img)


def _lerp(a: dict[str, float], b: dict[str, float], u: float) -> dict[str, float]:
    return {k: a.get(k, 0.0) + (b.get(k, 0.0) - a.get(k, 0.0)) * u for k in SHAPE_KEYS}


# ------------------------------------------------------------------------ journal
def find_demo(journal: Journal, name: str) -> Piece | None:
    for piece in journal.pieces():
        if piece.typed_settings.demo and piece.name == name and journal.captures(piece.id)[0]:
            return piece
    return None


def build_demo_piece(journal: Journal, *, lang: str | None = None,
                     progress: Callable[[Progress], None] | None = None,
                     cancel: CancelToken | None = None,
                     now: datetime | None = None) -> Piece:
    """Create the demo piece (stills and moments) in ``journal``; reuse it if it exists."""
    lang = lang or language()
    script = load_script()
    name = _text(script["name"], lang)
    existing = find_demo(journal, name)
    if existing is not None:
        return existing
    scenes = _scenes(script)
    w, h = script.get("size", [1280, 720])
    step = timedelta(seconds=float(script.get("interval_seconds", 20)))
    # Days ago, at the script's start hour, early enough that the last still is in the past.
    local_now = (now or datetime.now()).astimezone()
    span = sum((timedelta(hours=sc.pause_hours) + step * sc.stills for sc in scenes),
               timedelta()) + timedelta(hours=1)
    t = (local_now - timedelta(days=float(script.get("start_days_ago", 2)))).replace(
        hour=int(script.get("start_hour", 9)), minute=0, second=0, microsecond=0)
    while t + span > local_now:
        t -= timedelta(days=1)
    piece = journal.create_piece(name)
    journal.update_piece_settings(piece.id, demo=True, craft=script.get("craft", "pottery"))
    rng = np.random.default_rng(3)
    backdrop = _backdrop(w, h)
    noise = SensorNoise(backdrop.shape, rng)
    total = sum(s.stills for s in scenes)
    done = 0
    for scene in scenes:
        t += timedelta(hours=scene.pause_hours)
        first = last = None
        for i in range(scene.stills):
            if cancel is not None:
                cancel.raise_if_cancelled()
            u = i / max(1, scene.stills - 1)
            shape = _lerp(scene.start, scene.end, u)
            # the potter steps back now and then
            hands = scene.hands and rng.random() > 0.15
            frame = render_still(backdrop, shape, hands=hands, glaze=scene.glaze, rng=rng,
                                 noise=noise)
            jpeg, thumb = encode_still(frame)
            cap = journal.add_still(piece.id, jpeg, t, thumbnail=thumb)
            first = first or cap
            last = cap
            t += step
            done += 1
            if progress:
                progress(Progress(done, total, tr("drawing the demo stills")))
        if scene.moment and first is not None and last is not None:
            where = first if scene.moment.get("at", "first") == "first" else last
            journal.add_moment(piece.id, scene.moment["kind"], at=where.id,
                               caption=_text(scene.moment.get("caption"), lang))
    return journal.piece(piece.id)


def demo_duration() -> float:
    try:
        return float(load_script().get("duration_seconds", 20))
    except (OSError, ValueError):  # a damaged install must not break every command's help
        return 20.0
