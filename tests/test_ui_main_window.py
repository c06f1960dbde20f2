from __future__ import annotations


def test_cv2_cannot_redirect_qt_plugins(monkeypatch) -> None:
    from coulisses.ui.qt_env import sanitize_qt_environment

    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", "/x/site-packages/cv2/qt/plugins")
    sanitize_qt_environment()
    import os

    assert "QT_QPA_PLATFORM_PLUGIN_PATH" not in os.environ
