"""The settings a maker chooses for a piece, and for one still, declared once.

``piece.json`` keeps them as plain JSON under ``settings`` (a piece) and in
the ``capture_meta`` table (a still); every reader goes through
``PieceSettings`` / ``StillSettings`` so a key, its type and its default live
here alone. Reading is tolerant: a value of the wrong type (a hand edit, an
older version) reads as the default instead of failing a command.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from coulisses.i18n import tr

Focus = tuple[float, float]  # (x, y) in 0..1 of the still, 0,0 top left
Area = tuple[float, float, float, float]  # (left, top, right, bottom) in 0..1 of the still
MIN_AREA_SIDE = 0.02  # a narrower area is a slip of the mouse, not a piece

# Piece setting keys (what piece.json stores).
COVER = "cover"  # capture id of the still the cover shows
FOCUS = "focus"  # the piece's focus point for the 9:16 crop
AREA = "area"  # where the piece is in the picture, drawn by the maker (suggestions weigh it)
SESSION_GAP = "session_gap"  # seconds between stills that start a new session
CRAFT = "craft"  # pottery, woodwork… (picks the post text's hashtags)
DEMO = "demo"  # made by `coulisses demo`
ARCHIVED = "archived"  # hidden from the pieces list by default
WATCH_FOLDER = "watch_folder"  # a folder whose new photos are imported (a phone's sync folder)
WATCH_ON = "watch_on"  # that folder is being watched (the switch survives restarts)
EXPORT_OPTIONS = "export_options"  # the export dialog's last choices (ExportOptions.to_json)

# Per-still keys (the capture_meta table).
STILL_FOCUS = "focus"  # the still's own focus point; wins over the piece's


def parse_focus(value: Any) -> Focus | None:
    """A focus point from ``[x, y]`` or ``{"x": x, "y": y}``, clamped to 0..1; else None."""
    if value is None:
        return None
    try:
        if isinstance(value, Mapping):
            x, y = float(value["x"]), float(value["y"])
        else:
            x, y = (float(v) for v in value)
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    return (min(1.0, max(0.0, x)), min(1.0, max(0.0, y)))


def focus_json(focus: Focus | None) -> list[float] | None:
    return None if focus is None else [float(focus[0]), float(focus[1])]


def parse_area(value: Any) -> Area | None:
    """An area from ``[left, top, right, bottom]`` in 0..1 (corners in any order, clamped);
    None when it is not four numbers or is too thin to hold a piece."""
    if value is None or isinstance(value, (str, Mapping)):
        return None
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (x0, y0, x1, y1)):
        return None
    x0, x1 = sorted((min(1.0, max(0.0, x0)), min(1.0, max(0.0, x1))))
    y0, y1 = sorted((min(1.0, max(0.0, y0)), min(1.0, max(0.0, y1))))
    if x1 - x0 < MIN_AREA_SIDE or y1 - y0 < MIN_AREA_SIDE:
        return None
    return (x0, y0, x1, y1)


def area_json(area: Area | None) -> list[float] | None:
    return None if area is None else [round(float(v), 4) for v in area]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _positive(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and number > 0 else None


def _flag(value: Any) -> bool:
    return value is True


def _json_object(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        return None
    return dict(value)


@dataclass(frozen=True, slots=True)
class PieceSettings:
    cover: str | None = None
    focus: Focus | None = None
    area: Area | None = None  # None: anywhere in the picture
    session_gap: float | None = None  # None: the timeline's default (30 min)
    craft: str | None = None
    demo: bool = False
    archived: bool = False
    watch_folder: str | None = None
    watch_on: bool = False
    export_options: dict[str, Any] | None = field(default=None, hash=False)

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any] | None) -> PieceSettings:
        m = m or {}
        return cls(cover=_text(m.get(COVER)), focus=parse_focus(m.get(FOCUS)),
                   area=parse_area(m.get(AREA)),
                   session_gap=_positive(m.get(SESSION_GAP)), craft=_text(m.get(CRAFT)),
                   demo=_flag(m.get(DEMO)), archived=_flag(m.get(ARCHIVED)),
                   watch_folder=_text(m.get(WATCH_FOLDER)), watch_on=_flag(m.get(WATCH_ON)),
                   export_options=_json_object(m.get(EXPORT_OPTIONS)))

    def to_mapping(self) -> dict[str, Any]:
        """JSON-ready; settings at their default are left out (the file stays small)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value is False:
                continue
            out[f.name] = _stored(f.name, value)
        return out


SETTING_KEYS = frozenset(f.name for f in fields(PieceSettings))


def checked(**settings: Any) -> dict[str, Any]:
    """Declared settings in their stored form; raises ValueError for an unknown or bad one.

    None means "back to the default" and is kept, so the caller can remove the key.
    """
    out: dict[str, Any] = {}
    for key, value in settings.items():
        if key not in SETTING_KEYS:
            raise ValueError(tr("{key!r} is not a piece setting", key=key))
        if value is None:
            out[key] = None
            continue
        parsed = getattr(PieceSettings.from_mapping({key: value}), key)
        if parsed is None or (parsed is False and value is not False):
            raise ValueError(tr("{value!r} is not a valid {key}", value=value, key=key))
        out[key] = _stored(key, parsed)
    return out


def _stored(key: str, value: Any) -> Any:
    """A setting as piece.json keeps it (points and areas as lists)."""
    if key == FOCUS:
        return focus_json(value)
    if key == AREA:
        return area_json(value)
    return value


@dataclass(frozen=True, slots=True)
class StillSettings:
    focus: Focus | None = None

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any] | None) -> StillSettings:
        return cls(focus=parse_focus((m or {}).get(STILL_FOCUS)))

    def to_mapping(self) -> dict[str, Any]:
        return {} if self.focus is None else {STILL_FOCUS: focus_json(self.focus)}


__all__ = ["AREA", "ARCHIVED", "COVER", "CRAFT", "DEMO", "EXPORT_OPTIONS", "FOCUS", "SESSION_GAP",
           "SETTING_KEYS", "STILL_FOCUS", "WATCH_FOLDER", "WATCH_ON", "Area", "Focus",
           "PieceSettings", "StillSettings", "area_json", "checked", "focus_json", "parse_area",
           "parse_focus"]
