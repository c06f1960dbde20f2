"""The main window: a thin assembly of panels (see window.py) and its actions."""

from coulisses.ui.main_window.window import MainWindow

__all__ = ["MainWindow"]
