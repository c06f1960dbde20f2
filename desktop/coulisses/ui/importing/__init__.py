"""Bringing photos in from the window: drop or File → Import, progress, summary, watch folder."""
