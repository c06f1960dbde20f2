"""The bundled caption fonts and which characters they can really draw.

Pillow draws a missing character as the font's ".notdef" box (tofu) without
saying so, so coverage is read from the font's own character map (the
OpenType ``cmap`` table, formats 4 and 12, parsed here: a few lines instead of
a dependency).
"""

from __future__ import annotations

import struct
import threading
from functools import cache
from pathlib import Path

from PIL import ImageFont

from coulisses.i18n import tr
from coulisses.resources import asset

# DejaVu Sans Bold: bold and legible at phone size, and it draws Latin with
# every accent, Greek, Cyrillic, Arabic, Hebrew and the monochrome emoticons.
BOLD = "DejaVuSans-Bold.ttf"


class FontMissing(RuntimeError):
    pass


def font_path(name: str) -> Path:
    path = asset("fonts", name)
    if not path.is_file():
        raise FontMissing(tr("the caption font {path} is missing; reinstall Coulisses",
                             path=path))
    return path


@cache
def coverage(name: str) -> frozenset[int]:
    """Code points the font maps to a real glyph."""
    return frozenset(_read_cmap(font_path(name).read_bytes()))


_local = threading.local()


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """A loaded font, cached per thread: one FreeType face must not be used by two
    threads at once (an export in a worker while the app draws a preview)."""
    fonts = getattr(_local, "fonts", None)
    if fonts is None:
        fonts = _local.fonts = {}
    key = (name, size)
    found = fonts.get(key)
    if found is None:
        engine = (ImageFont.Layout.RAQM if ImageFont.core.HAVE_RAQM  # type: ignore[attr-defined]
                  else ImageFont.Layout.BASIC)
        found = fonts[key] = ImageFont.truetype(str(font_path(name)), size,
                                                layout_engine=engine)
    return found


def has_complex_layout() -> bool:
    """True when Pillow shapes text with raqm (bidi, Arabic joining)."""
    return bool(ImageFont.core.HAVE_RAQM)  # type: ignore[attr-defined]


def _read_cmap(data: bytes) -> set[int]:
    num_tables = struct.unpack_from(">H", data, 4)[0]
    cmap_off = None
    for i in range(num_tables):
        tag, _, off, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            cmap_off = off
    if cmap_off is None:
        return set()
    count = struct.unpack_from(">H", data, cmap_off + 2)[0]
    subtables: dict[int, int] = {}
    for i in range(count):
        platform, encoding, off = struct.unpack_from(">HHI", data, cmap_off + 4 + 8 * i)
        fmt = struct.unpack_from(">H", data, cmap_off + off)[0]
        if (platform, encoding) in ((3, 10), (0, 4), (3, 1), (0, 3)) and fmt in (4, 12):
            subtables.setdefault(fmt, cmap_off + off)
    if 12 in subtables:
        return _format12(data, subtables[12])
    if 4 in subtables:
        return _format4(data, subtables[4])
    return set()


def _format12(data: bytes, off: int) -> set[int]:
    n_groups = struct.unpack_from(">I", data, off + 12)[0]
    out: set[int] = set()
    for g in range(n_groups):
        start, end, glyph = struct.unpack_from(">III", data, off + 16 + 12 * g)
        if glyph == 0:  # a group mapped to .notdef
            out.update(range(start + 1, end + 1))
        else:
            out.update(range(start, end + 1))
    return out


def _format4(data: bytes, off: int) -> set[int]:
    seg_x2 = struct.unpack_from(">H", data, off + 6)[0]
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", data, off + 14)
    starts = struct.unpack_from(f">{segs}H", data, off + 16 + seg_x2)
    deltas = struct.unpack_from(f">{segs}h", data, off + 16 + 2 * seg_x2)
    ro_pos = off + 16 + 3 * seg_x2
    range_offsets = struct.unpack_from(f">{segs}H", data, ro_pos)
    out: set[int] = set()
    for i in range(segs):
        for c in range(starts[i], ends[i] + 1):
            if c == 0xFFFF:
                continue
            if range_offsets[i] == 0:
                glyph = (c + deltas[i]) & 0xFFFF
            else:
                addr = ro_pos + 2 * i + range_offsets[i] + 2 * (c - starts[i])
                glyph = struct.unpack_from(">H", data, addr)[0]
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                out.add(c)
    return out
