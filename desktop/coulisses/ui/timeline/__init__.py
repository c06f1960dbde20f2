"""The struggle timeline view: strip layout and view, still view, moments, effort plot, undo."""
