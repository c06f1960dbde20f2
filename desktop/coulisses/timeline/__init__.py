"""Timeline layer: sessions, moments, effort, suggestions and the reel's pacing plan.

Plain Python over journal snapshots; no Qt, no rendering.
"""
