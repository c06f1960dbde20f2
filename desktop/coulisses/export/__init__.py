"""Reel export: renders a timeline ``ReelPlan`` into a ready-to-post folder.

Plain Python (no Qt). The app and the CLI call ``export_reel`` (or
``export_snapshot``) from a worker thread with a ``CancelToken`` and a
progress callback; the app's preview draws frames with ``FrameComposer``,
the same renderer the export uses.

Modules: ``exporter`` (the entry point and the files beside the video),
``output_folder`` (hidden partial folder, marker, rename, stale cleanup),
``runs`` (a plan as runs of identical frames), ``composer`` (the renderer),
``pipeline`` (composing overlapped with encoding), ``frame_files`` (the image
sequence), ``piece`` (from a journal snapshot to an export), ``options`` (the
options declared once: ``ExportOptions``, ``export_with_options``), ``carousel``
(the platform's photo post), ``reveal`` (the before/after and the ghost),
``presets`` (the one table of each platform's sizes, safe zones and limits),
``history`` (a piece's past exports).
"""

from coulisses.export.composer import FrameComposer
from coulisses.export.errors import ExportError
from coulisses.export.exporter import (
    ALL_OUTPUTS,
    OUTPUTS,
    ExportResult,
    clean_stale_partials,
    export_reel,
    folder_name,
    preview_frame,
)
from coulisses.export.history import PastExport, delete_export, past_exports, record_export
from coulisses.export.options import (
    ExportOptions,
    InvalidOption,
    export_with_options,
    last_options,
    plan_for_options,
    save_last_options,
)
from coulisses.export.piece import export_snapshot, plan_for
from coulisses.export.presets import DEFAULT_PRESET, PRESETS, Preset, SafeZone, get_preset

__all__ = [
    "ALL_OUTPUTS", "DEFAULT_PRESET", "OUTPUTS", "PRESETS", "ExportError", "ExportOptions",
    "ExportResult", "FrameComposer", "InvalidOption", "PastExport", "Preset", "SafeZone",
    "clean_stale_partials", "delete_export", "export_reel", "export_snapshot",
    "export_with_options", "folder_name", "get_preset", "last_options", "past_exports",
    "plan_for", "plan_for_options", "preview_frame", "record_export", "save_last_options",
]
