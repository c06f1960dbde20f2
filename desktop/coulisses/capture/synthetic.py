"""Real-looking bench footage, generated: for tests, benchmarks and trying capture without a camera.

A workpiece on a bench seen from above, with what makes idle detection hard:
per-pixel sensor noise (different every frame), slow light drift over the
whole scene and a little flicker, video compression. The script of the
default scene (times in seconds of the video):

    [0, hands_from)          static: nothing happens
    [hands_from, change_at)  hands move over the piece
    change_at                the piece changes for good (a handle is added)
    [change_at+1, end)       static again, piece changed

``Scene.frame(t)`` gives the picture at any time, so a test can compare a
stored still with what the bench looked like.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np


@dataclass(frozen=True, slots=True)
class Scene:
    width: int = 320
    height: int = 240
    seconds: float = 60.0
    hands_from: float = 20.0
    change_at: float = 32.0
    noise: float = 3.0  # sensor noise, grey levels (std)
    drift: float = 0.12  # light drifts by ±12 % over the video
    seed: int = 0

    def phase(self, t: float) -> str:
        if t < self.hands_from:
            return "static"
        if t < self.change_at:
            return "hands"
        return "changed"

    def _u(self, x: float) -> int:
        return int(round(x * self.width / 320))

    def clean(self, t: float) -> np.ndarray:
        """The scene at ``t`` without noise (float32 BGR)."""
        w, h = self.width, self.height
        img = np.empty((h, w, 3), np.float32)
        # Wooden bench with a gentle light fall-off from one side.
        ramp = np.linspace(1.05, 0.85, w, dtype=np.float32)[None, :, None]
        img[:] = np.array([70, 110, 150], np.float32)
        img *= ramp
        u = self._u
        cx, cy = w // 2, h // 2
        # The piece: a bowl (ellipse) with a rim.
        cv2.ellipse(img, (cx, cy), (u(60), u(45)), 0, 0, 360, (120, 140, 175), -1)
        cv2.ellipse(img, (cx, cy), (u(60), u(45)), 0, 0, 360, (80, 95, 125), max(1, u(4)))
        cv2.ellipse(img, (cx, cy), (u(35), u(25)), 0, 0, 360, (95, 110, 140), -1)
        if t >= self.change_at:  # the lasting change: a handle and a glaze patch
            cv2.ellipse(img, (cx + u(70), cy), (u(18), u(26)), 0, 0, 360, (80, 95, 125),
                        max(1, u(7)))
            cv2.ellipse(img, (cx - u(20), cy - u(10)), (u(22), u(14)), 20, 0, 360,
                        (160, 90, 40), -1)
        if self.hands_from <= t < self.change_at:
            k = (t - self.hands_from) * 1.7
            for side, phase in ((-1, 0.0), (1, 1.3)):
                hx = cx + side * u(70) + int(u(40) * math.sin(k + phase))
                hy = cy + int(u(35) * math.cos(1.3 * k + phase))
                cv2.ellipse(img, (hx, hy), (u(34), u(22)), 30 * side, 0, 360,
                            (120, 160, 215), -1)  # skin
                cv2.ellipse(img, (hx + side * u(30), hy + u(20)), (u(30), u(16)), 0, 0, 360,
                            (60, 60, 140), -1)  # sleeve
        # Slow light drift (clouds, dusk) and a faint mains flicker.
        gain = 1.0 + self.drift * math.sin(2 * math.pi * t / max(1.0, self.seconds))
        gain *= 1.0 + 0.01 * math.sin(2 * math.pi * 0.7 * t)
        img *= gain
        return img

    def frame(self, t: float, rng: np.random.Generator | None = None) -> np.ndarray:
        """The scene at ``t`` as the sensor sees it (uint8 BGR, with noise)."""
        img = self.clean(t)
        rng = rng or np.random.default_rng(self.seed + int(t * 1000))
        img += rng.normal(0.0, self.noise, img.shape).astype(np.float32)
        return np.clip(img, 0, 255).astype(np.uint8)


def write_video(path: str | Path, scene: Scene | None = None, fps: float = 10.0,
                fourcc: str = "mp4v", noise_fields: int = 0) -> Path:
    """Write ``scene`` as a video file; returns the path.

    ``noise_fields`` > 0 reuses that many precomputed noise fields (shifted at
    random): generating fresh noise for every 1080p frame is slow.
    """
    scene = scene or Scene()
    path = Path(path)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), fps,
                             (scene.width, scene.height))
    if not writer.isOpened():
        raise RuntimeError(f"cannot write a {fourcc} video at {path}")
    rng = np.random.default_rng(scene.seed)
    fields = [rng.normal(0.0, scene.noise, (scene.height, scene.width, 3)).astype(np.float32)
              for _ in range(noise_fields)]
    try:
        frames = int(round(scene.seconds * fps))
        for i in range(frames):
            t = i / fps
            if fields:
                img = scene.clean(t)
                noise = fields[i % len(fields)]
                dy, dx = int(rng.integers(0, scene.height)), int(rng.integers(0, scene.width))
                img += np.roll(noise, (dy, dx), axis=(0, 1))
                frame = np.clip(img, 0, 255).astype(np.uint8)
            else:
                frame = scene.frame(t, rng)
            writer.write(frame)
    finally:
        writer.release()
    return path
