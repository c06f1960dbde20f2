"""Text drawn once as an RGBA patch, then blended into many frames with numpy.

A Pillow round trip of a whole 1080x1920 frame costs ~47 ms; blending a
ready-made patch over the few hundred rows it covers costs ~2 ms.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image


@dataclass(frozen=True, slots=True)
class Patch:
    x: int  # top-left corner in the frame
    y: int
    premul: np.ndarray  # H x W x 3 uint16: BGR already multiplied by alpha
    inv_alpha: np.ndarray  # H x W x 1 uint16: 255 - alpha

    @property
    def width(self) -> int:
        return self.premul.shape[1]

    @property
    def height(self) -> int:
        return self.premul.shape[0]

    def moved(self, x: int, y: int) -> Patch:
        return Patch(x, y, self.premul, self.inv_alpha)

    @classmethod
    def from_image(cls, image: Image.Image, x: int = 0, y: int = 0) -> Patch:
        rgba = np.asarray(image.convert("RGBA"), dtype=np.uint16)
        alpha = rgba[:, :, 3:4]
        bgr = rgba[:, :, 2::-1]
        return cls(x, y, np.ascontiguousarray(bgr * alpha), np.ascontiguousarray(255 - alpha))

    def blend_into(self, frame: np.ndarray) -> None:
        """Alpha-blend onto ``frame`` (BGR uint8) in place, clipped to its edges."""
        _blend(frame, self.premul, self.inv_alpha, self.x, self.y)


def _blend(target: np.ndarray, premul: np.ndarray, inv_alpha: np.ndarray, x: int, y: int) -> None:
    """target = target * (255 - a) / 255 + premul / 255, on the overlapping part only."""
    th, tw = target.shape[:2]
    ph, pw = premul.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(tw, x + pw), min(th, y + ph)
    if x0 >= x1 or y0 >= y1:
        return
    region = target[y0:y1, x0:x1]
    inv = inv_alpha[y0 - y:y1 - y, x0 - x:x1 - x]
    pre = premul[y0 - y:y1 - y, x0 - x:x1 - x]
    mixed = region.astype(np.uint16) * inv + pre
    # (v + 128) * 257 >> 16 is an exact, division-free round(v / 255).
    mixed += 128
    mixed = (mixed + (mixed >> 8)) >> 8
    region[:] = mixed.astype(np.uint8)


@dataclass(frozen=True, slots=True)
class YuvPatch:
    """The same patch for an I420 frame: luma at full size, chroma at half size.

    Chroma is averaged over each 2x2 block in premultiplied form, which is the
    exact area average of the composited colour.
    """

    x: int  # even
    y: int  # even
    y_pre: np.ndarray  # H x W uint16
    y_inv: np.ndarray
    u_pre: np.ndarray  # H/2 x W/2 uint16
    v_pre: np.ndarray
    c_inv: np.ndarray

    @classmethod
    def from_patch(cls, patch: Patch) -> YuvPatch:
        ox, oy = patch.x & 1, patch.y & 1  # shift by one pixel to an even origin
        h = patch.height + oy
        w = patch.width + ox
        h += h & 1
        w += w & 1
        pre = np.zeros((h, w, 3), np.float32)
        pre[oy:oy + patch.height, ox:ox + patch.width] = patch.premul
        alpha = np.zeros((h, w), np.float32)
        alpha[oy:oy + patch.height, ox:ox + patch.width] = 255 - patch.inv_alpha[..., 0]
        b, g, r = pre[..., 0], pre[..., 1], pre[..., 2]
        # OpenCV's BGR->I420 (BT.601, video range), applied to premultiplied colour.
        yp = 16 * alpha + 0.257 * r + 0.504 * g + 0.098 * b
        up = 128 * alpha - 0.148 * r - 0.291 * g + 0.439 * b
        vp = 128 * alpha + 0.439 * r - 0.368 * g - 0.071 * b

        def half(a: np.ndarray) -> np.ndarray:
            return a.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))

        def u16(a: np.ndarray) -> np.ndarray:
            return np.clip(np.rint(a), 0, 65025).astype(np.uint16)

        return cls(patch.x - ox, patch.y - oy, u16(yp), u16(255 - alpha), u16(half(up)),
                   u16(half(vp)), u16(255 - half(alpha)))

    def blend_into_i420(self, frame: np.ndarray, width: int, height: int) -> None:
        from coulisses.export.yuv import planes

        py, pu, pv = planes(frame, width, height)
        _blend(py, self.y_pre, self.y_inv, self.x, self.y)
        _blend(pu, self.u_pre, self.c_inv, self.x // 2, self.y // 2)
        _blend(pv, self.v_pre, self.c_inv, self.x // 2, self.y // 2)
