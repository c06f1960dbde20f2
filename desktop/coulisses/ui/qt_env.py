"""Keep Qt's plugin lookup ours before any QApplication exists.

opencv-python (the non-headless wheel) points QT_QPA_PLATFORM_PLUGIN_PATH at
its own bundled Qt plugins when cv2 is imported; PySide6 then fails to load
its platform plugin. We install opencv-python-headless, but a maker's
environment may still hold the other wheel, so drop any such redirection.
"""

from __future__ import annotations

import os


def sanitize_qt_environment() -> None:
    for var in ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_PLUGIN_PATH"):
        value = os.environ.get(var, "")
        if "cv2" in value.replace("\\", "/").split("/"):
            del os.environ[var]
