"""The window shows emoji in colour from the bundled font, whatever the system has."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel

from coulisses.ui import fonts as ui_fonts

TEXT = "Vase 🏺 😭 👩🏽\u200d🔧 🇫🇷 ❤\ufe0f fini"


def _tinted(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    rgb = raw[:, :w * 3].reshape(h, w, 3).astype(int)
    return int(((rgb.max(axis=2) - rgb.min(axis=2)) > 60).sum())


def test_the_bundled_font_is_in_qts_database_and_draws_in_colour(qtbot):
    family = ui_fonts.bundled_family()
    assert family == "Noto Color Emoji"
    font = QFont(family)
    font.setPixelSize(40)
    metrics = QFontMetrics(font)
    for ch in "🏺😭🔧":
        assert metrics.inFontUcs4(ord(ch)), ch
    image = QImage(400, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(10, 60, "🏺😭")
    painter.end()
    assert _tinted(image) > 300  # an orange vase and a yellow face, not black outlines


def test_the_app_font_falls_back_to_the_bundled_emoji_without_a_system_one(qtbot,
                                                                          monkeypatch):
    app = QApplication.instance()
    before = QFont(app.font())
    try:
        monkeypatch.setattr(ui_fonts, "emoji_family", lambda: None)  # a bare system
        assert ui_fonts.use_emoji_font(app) == "Noto Color Emoji"
        assert "Noto Color Emoji" not in app.font().families()  # metrics stay the text font's
        wrapped = QLabel("")
        wrapped.setWordWrap(True)
        qtbot.addWidget(wrapped)
        assert wrapped.minimumSizeHint().width() < 100  # it was ~2,500 px as an app family
        label = QLabel(TEXT)
        qtbot.addWidget(label)
        label.setStyleSheet("background: white; color: black")
        label.resize(label.sizeHint())
        assert _tinted(label.grab().toImage()) > 150
    finally:
        app.setFont(before)
