"""Reel export: renders a timeline ``ReelPlan`` into a ready-to-post folder.

Plain Python (no Qt). The app and the CLI call ``export_reel`` from a worker
thread with a ``CancelToken`` and a progress callback.
"""

from coulisses.export.exporter import (
    OUTPUTS,
    ExportError,
    ExportResult,
    clean_stale_partials,
    export_reel,
    folder_name,
    preview_frame,
)
from coulisses.export.piece import export_snapshot, plan_for
from coulisses.export.presets import DEFAULT_PRESET, PRESETS, Preset, SafeZone, get_preset

__all__ = [
    "DEFAULT_PRESET", "OUTPUTS", "PRESETS", "ExportError", "ExportResult", "Preset", "SafeZone",
    "clean_stale_partials", "export_reel", "export_snapshot", "folder_name", "get_preset",
    "plan_for", "preview_frame",
]
