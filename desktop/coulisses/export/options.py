"""The export's options, declared once: the CLI and the app's dialog both build these.

``ExportOptions`` is a frozen value; each field's allowed values live in its
metadata, and every way of making one (the constructor, ``replace``,
``from_json``, the CLI's parser through ``choices_of``) checks against them.
The app remembers a piece's last choices in its settings (``save_last_options``).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import math
import os
from dataclasses import dataclass, field, fields
from typing import Any

from coulisses.export.errors import ExportError
from coulisses.export.exporter import ALL_OUTPUTS, OUTPUTS, ExportResult, export_reel
from coulisses.export.layout import LAYOUTS
from coulisses.export.piece import plan_for
from coulisses.export.presets import DEFAULT_PRESET, LONGEST, PRESETS
from coulisses.i18n import SUPPORTED, tr
from coulisses.jobs import CancelToken, ProgressCallback
from coulisses.journal.model import PieceSnapshot
from coulisses.timeline.plan import ReelPlan

# Outputs timed by the reel: without any of them the reel's length does not matter.
REEL_OUTPUTS = frozenset({"mp4", "frames", "srt", "vtt"})
# ``--carousel-only``: the images and the post text holding their alt texts (SRT/VTT
# time the reel's captions and the cover is the reel's first look: none is for a carousel).
CAROUSEL_ONLY = frozenset({"carousel", "post"})
# Seconds; the longest any preset takes (TikTok's), nobody less than 0.5 s. Each preset's
# own limit (presets.PRESETS, max_duration) is checked too.
DURATION_RANGE = (0.5, LONGEST)
BEFORE_AFTER = (None, "side", "wipe")
BEFORE_AFTER_AT = ("end", "start")


class InvalidOption(ExportError, ValueError):
    """An option outside its allowed values; the message says which values are allowed."""


def _flag() -> Any:
    return {"kind": "flag"}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    preset: str = field(default=DEFAULT_PRESET, metadata={"choices": tuple(PRESETS)})
    duration: float | None = field(default=None, metadata={"range": DURATION_RANGE})
    layout: str = field(default="fill", metadata={"choices": tuple(LAYOUTS)})
    result_first: bool = field(default=True, metadata=_flag())
    end_card: bool = field(default=True, metadata=_flag())
    deflicker: bool = field(default=True, metadata=_flag())
    # The post text says the files carry Content Credentials (only when they do).
    credentials_note: bool = field(default=True, metadata=_flag())
    # The piece's first still beside its result (or a wipe), held at the end or the start;
    # the ghost: the result faint over the first seconds of the work.
    before_after: str | None = field(default=None, metadata={"choices": BEFORE_AFTER})
    before_after_at: str = field(default="end", metadata={"choices": BEFORE_AFTER_AT})
    ghost: bool = field(default=False, metadata=_flag())
    lang: str | None = field(default=None, metadata={"choices": (None, *SUPPORTED)})
    outputs: frozenset[str] = field(default=OUTPUTS, metadata={"subset_of": ALL_OUTPUTS})

    def __post_init__(self) -> None:
        for f in fields(self):
            value = _checked(f, getattr(self, f.name))
            object.__setattr__(self, f.name, value)
        preset = PRESETS[self.preset]
        if self.duration is not None and self.duration > preset.max_duration:
            raise InvalidOption(tr("{platform} takes reels of up to {limit:g} s; choose "
                                   "{limit:g} s or less (short reels, 15 to 30 s, are the "
                                   "ones the platforms push).", platform=preset.label,
                                   limit=preset.max_duration))

    def replace(self, **changes: Any) -> ExportOptions:
        """A copy with ``changes``; raises ``InvalidOption`` for an unknown name or value."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise InvalidOption(tr("Unknown export option: {names}.",
                                   names=", ".join(sorted(unknown))))
        return dataclasses.replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["outputs"] = sorted(self.outputs)
        return out

    @classmethod
    def from_json(cls, data: Any) -> ExportOptions:
        """Tolerant: unknown keys are ignored and each wrong value reads as its default
        (stored choices from an older version, a hand edit)."""
        options = cls()
        if not isinstance(data, dict):
            return options
        for f in fields(cls):
            if f.name in data:
                with contextlib.suppress(InvalidOption, TypeError):
                    options = options.replace(**{f.name: data[f.name]})
        return options

    @property
    def makes_reel(self) -> bool:
        return bool(self.outputs & REEL_OUTPUTS)


def choices_of(name: str) -> tuple[Any, ...]:
    """The allowed values of an option with a fixed set (for a parser or a combo box)."""
    return next(f.metadata["choices"] for f in fields(ExportOptions) if f.name == name)


def _checked(f: dataclasses.Field, value: Any) -> Any:
    rule = f.metadata
    if "choices" in rule and value not in rule["choices"]:
        allowed = ", ".join(str(c) for c in rule["choices"] if c is not None)
        raise InvalidOption(tr("{value!r} is not a valid {option}; choose one of {allowed}.",
                               value=value, option=f.name, allowed=allowed))
    if rule.get("kind") == "flag" and not isinstance(value, bool):
        raise InvalidOption(tr("The option {option} is true or false, not {value!r}.",
                               option=f.name, value=value))
    if "range" in rule and value is not None:
        lo, hi = rule["range"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value) or not lo <= value <= hi:
            raise InvalidOption(tr("The {option} must be a number of seconds from {lo:g} to "
                                   "{hi:g}, not {value!r}.", option=f.name, lo=lo, hi=hi,
                                   value=value))
        value = float(value)
    if "subset_of" in rule:
        if isinstance(value, str) or not hasattr(value, "__iter__"):
            raise InvalidOption(tr("The outputs are a list of names, not {value!r}.",
                                   value=value))
        value = frozenset(value)
        unknown = value - rule["subset_of"]
        if unknown or not value:
            raise InvalidOption(tr("Unknown export outputs: {names}.",
                                   names=", ".join(sorted(map(str, unknown))) or "-"))
    return value


# --------------------------------------------------------------------------- the CLI
def options_from_args(args: argparse.Namespace) -> ExportOptions:
    """What ``coulisses export`` / ``demo`` were asked for (``add_render_options``)."""
    outputs = OUTPUTS
    if getattr(args, "carousel_only", False):
        outputs = CAROUSEL_ONLY
    elif getattr(args, "carousel", False):
        outputs = OUTPUTS | {"carousel"}
    return ExportOptions(preset=args.preset, duration=args.duration, layout=args.layout,
                         result_first=args.result_first, end_card=args.end_card,
                         deflicker=args.deflicker, lang=getattr(args, "lang", None),
                         credentials_note=getattr(args, "credentials_note", True),
                         before_after=getattr(args, "before_after", None),
                         before_after_at=getattr(args, "before_after_at", "end"),
                         ghost=getattr(args, "ghost", False), outputs=outputs)


# --------------------------------------------------------------------------- planning, export
def plan_for_options(snapshot: PieceSnapshot, options: ExportOptions) -> ReelPlan:
    """The reel plan these options ask for.

    Raises ``PacingError`` when the duration cannot hold the captions, except
    for an export with no timed output (a carousel alone): its plan is then
    made at the shortest length that holds them, since no reel is rendered.
    """
    from coulisses.timeline.pacing import PacingError

    def plan(duration: float | None) -> ReelPlan:
        return plan_for(snapshot, options.preset, duration=duration,
                        result_first=options.result_first, end_card=options.end_card,
                        lang=options.lang, before_after=options.before_after,
                        before_after_at=options.before_after_at, ghost=options.ghost)

    try:
        return plan(options.duration)
    except PacingError as exc:
        if options.makes_reel or exc.shortest <= 0:
            raise
        return plan(exc.shortest)


def export_with_options(snapshot: PieceSnapshot, out_dir: str | os.PathLike[str],
                        options: ExportOptions, *, progress: ProgressCallback | None = None,
                        cancel: CancelToken | None = None) -> ExportResult:
    """Plan and render ``snapshot`` as ``options`` say, then add it to the piece's
    export history (``history``). See ``export_reel`` for the guarantees."""
    from coulisses.export.history import record_in_piece_folder

    plan = plan_for_options(snapshot, options)
    result = export_reel(plan, out_dir, options.preset, layout=options.layout,
                         deflicker=options.deflicker, progress=progress, cancel=cancel,
                         outputs=options.outputs, lang=options.lang,
                         credentials_note=options.credentials_note)
    return record_in_piece_folder(snapshot.piece.folder, result, options)


# --------------------------------------------------------------------------- last choices
def save_last_options(journal, piece_id: str, options: ExportOptions) -> None:
    """Remember ``options`` as the piece's last export choices (its settings)."""
    from coulisses.journal.piece_settings import EXPORT_OPTIONS

    journal.update_piece_settings(piece_id, **{EXPORT_OPTIONS: options.to_json()})


def last_options(journal, piece_id: str) -> ExportOptions:
    """The piece's last export choices; the defaults when there are none."""
    return ExportOptions.from_json(journal.piece(piece_id).typed_settings.export_options)


__all__ = ["BEFORE_AFTER", "BEFORE_AFTER_AT", "CAROUSEL_ONLY", "DURATION_RANGE", "REEL_OUTPUTS",
           "ExportOptions", "InvalidOption", "choices_of", "export_with_options", "last_options",
           "options_from_args",
           "plan_for_options", "save_last_options"]
