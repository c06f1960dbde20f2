"""Capture layer: sources of frames, the scheduler, idle skipping, photo import."""
