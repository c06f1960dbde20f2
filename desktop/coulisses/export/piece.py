"""From a piece's snapshot to an export folder in one call (what the app and CLI use).

The pacing plan comes from the timeline; this only picks the preset's size
and frame rate and hands the plan to the exporter.
"""

from __future__ import annotations

import os
from collections.abc import Collection

from coulisses.export.exporter import OUTPUTS, ExportResult, export_reel
from coulisses.export.presets import Preset, get_preset
from coulisses.jobs import CancelToken, ProgressCallback
from coulisses.journal.model import PieceSnapshot
from coulisses.timeline.plan import ReelPlan


def plan_for(snapshot: PieceSnapshot, preset: Preset | str = "reels", *,
             duration: float | None = None, result_first: bool = True, end_card: bool = True,
             lang: str | None = None, before_after: str | None = None,
             before_after_at: str = "end", ghost: bool = False) -> ReelPlan:
    """The reel plan for ``snapshot`` at the preset's frame rate; a platform with no
    cover upload (Shorts) gets its cover as the reel's first frames.

    Raises ``coulisses.timeline.pacing.PacingError`` (with ``.shortest``) when
    the duration cannot hold the captions.
    """
    from coulisses.timeline.pacing import plan_reel

    preset = get_preset(preset) if isinstance(preset, str) else preset
    return plan_reel(snapshot, duration=duration or preset.default_duration, fps=preset.fps,
                     result_first=result_first, end_card=end_card, lang=lang,
                     before_after=before_after, before_after_at=before_after_at, ghost=ghost,
                     cover_frame=not preset.cover_upload)


def export_snapshot(snapshot: PieceSnapshot, out_dir: str | os.PathLike[str],
                    preset: Preset | str = "reels", *, duration: float | None = None,
                    layout: str = "fill", result_first: bool = True, end_card: bool = True,
                    deflicker: bool = True, progress: ProgressCallback | None = None,
                    cancel: CancelToken | None = None, outputs: Collection[str] = OUTPUTS,
                    lang: str | None = None) -> ExportResult:
    """Plan and render a reel of a frozen piece; see ``export_reel`` for the guarantees."""
    preset = get_preset(preset) if isinstance(preset, str) else preset
    plan = plan_for(snapshot, preset, duration=duration, result_first=result_first,
                    end_card=end_card, lang=lang)
    return export_reel(plan, out_dir, preset, layout=layout, deflicker=deflicker,
                       progress=progress, cancel=cancel, outputs=outputs, lang=lang)
