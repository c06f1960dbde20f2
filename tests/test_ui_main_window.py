from __future__ import annotations

from pathlib import Path

from coulisses.journal import Journal


def test_main_window_lists_pieces(qtbot, home: Path) -> None:
    from coulisses.ui.main_window import MainWindow

    journal = Journal.open(home)
    window = MainWindow(journal)
    qtbot.addWidget(window)
    assert window.pieces.count() == 0
    assert not window.empty_hint.isHidden()
    journal.create_piece("Vase bleu ✨ #3")
    journal.create_piece("Bol raku")
    window.refresh()
    texts = [window.pieces.item(i).text() for i in range(window.pieces.count())]
    assert any("Vase bleu ✨ #3" in t for t in texts) and len(texts) == 2
    assert window.empty_hint.isHidden()


def test_cv2_cannot_redirect_qt_plugins(monkeypatch) -> None:
    from coulisses.ui.qt_env import sanitize_qt_environment

    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", "/x/site-packages/cv2/qt/plugins")
    sanitize_qt_environment()
    import os

    assert "QT_QPA_PLATFORM_PLUGIN_PATH" not in os.environ
