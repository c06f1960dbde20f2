"""Emoji in piece names and captions, in colour, on every computer.

Qt falls back per character, but it only looks at families it is told about
on some platforms. The app font gets the system's colour emoji family (it
knows every emoji) and then the Noto Color Emoji subset bundled for the
captions (assets/fonts), so 🏺 and 😭 show in colour in the strip's markers,
the caption editor and the export window even where the system has none.
Whatever the font lacks, the journal, the caption files and the post text
keep exactly as typed.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
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
    """Add the system's emoji font, then the bundled one, as fallbacks of the app font;
    returns the first emoji family used, or None when there is none at all."""
    bundled = bundled_family()
    chosen = [f for f in (emoji_family(), bundled) if f]
    if not chosen:
        return None
    font = QFont(app.font())
    families = [f for f in font.families() or [font.family()] if f not in chosen]
    font.setFamilies([*families, *dict.fromkeys(chosen)])
    app.setFont(font)
    return chosen[0]


def has_emoji(text: str) -> bool:
    return any(ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x27BF for c in text)
