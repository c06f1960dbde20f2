"""Emoji in piece names and captions, in colour, on every computer.

Qt falls back per character to the fonts it knows, application fonts
included: registering the Noto Color Emoji subset bundled for the captions
(assets/fonts) is enough for 🏺 and 😭 to show in colour in the strip's
markers, the caption editor and the export window even where the system has
none (a system emoji font, where there is one, comes first).
Whatever the font lacks, the journal, the caption files and the post text
keep exactly as typed.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from coulisses.resources import asset

BUNDLED = "NotoColorEmoji-Coulisses.ttf"
# In order of preference: what Windows, macOS and Linux ship.
EMOJI_FAMILIES = ("Segoe UI Emoji", "Apple Color Emoji", "Noto Color Emoji", "Twemoji",
                  "EmojiOne Color", "JoyPixels", "Noto Emoji")

_bundled: list[str] = []  # the bundled font's families, once added to the database


def bundled_family() -> str | None:
    """Add the bundled emoji font to Qt's font database (once); its family, or None
    when the file is missing or Qt cannot read it."""
    if not _bundled:
        path = asset("fonts", BUNDLED)
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
        _bundled.extend(QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0
                        else [""])
    return _bundled[0] or None


def emoji_family() -> str | None:
    """The system's colour emoji family, if it has one."""
    available = set(QFontDatabase.families())
    for family in EMOJI_FAMILIES:
        if family in available and family not in _bundled:
            return family
    return next((f for f in sorted(available) if "emoji" in f.lower() and f not in _bundled),
                None)


def use_emoji_font(app: QApplication) -> str | None:
    """Make colour emoji available to every widget; returns the emoji family in use.

    Registering the bundled font is enough: Qt's per-character fallback finds it
    (measured under X11 and offscreen). Adding it to the app font instead, as a
    second family or as a substitute, made Qt take its metrics (an average
    character ~32 px wide), so every word-wrapped label asked for ~2,500 px.
    """
    del app  # the fallback is process-wide; kept for callers that pass the app
    bundled = bundled_family()
    return emoji_family() or bundled


def has_emoji(text: str) -> bool:
    return any(ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x27BF for c in text)
