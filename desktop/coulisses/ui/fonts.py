"""Emoji in piece names and captions: use a colour emoji font when the system has one.

Qt falls back per character, but it only looks at families it is told about
on some platforms; adding the emoji family as a fallback of the application
font makes 🏺 and 😭 render in colour wherever the system ships such a font.
Without one, emoji show as boxes here and nothing is lost: the journal, the
caption files and the post text keep them exactly as typed.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# In order of preference: what Windows, macOS and Linux ship.
EMOJI_FAMILIES = ("Segoe UI Emoji", "Apple Color Emoji", "Noto Color Emoji", "Twemoji",
                  "EmojiOne Color", "JoyPixels", "Noto Emoji")


def emoji_family() -> str | None:
    available = set(QFontDatabase.families())
    for family in EMOJI_FAMILIES:
        if family in available:
            return family
    return next((f for f in sorted(available) if "emoji" in f.lower()), None)


def use_emoji_font(app: QApplication) -> str | None:
    """Add the system's emoji font as a fallback of the app font; returns its family or None."""
    family = emoji_family()
    if family is None:
        return None
    font = QFont(app.font())
    families = [f for f in font.families() or [font.family()] if f != family]
    font.setFamilies([*families, family])
    app.setFont(font)
    return family


def has_emoji(text: str) -> bool:
    return any(ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x27BF for c in text)
