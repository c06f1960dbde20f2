"""Qt widgets and models. The only layer that imports PySide6 widgets."""
