"""``coulisses export PIECE --out DIR [--preset …] [--duration S] [--layout fill|fit]
[--carousel | --carousel-only] [--before-after side|wipe [--before-after-at end|start]]
[--ghost] …``: the arguments become one ``ExportOptions``."""

from __future__ import annotations

import argparse
from pathlib import Path

from coulisses.i18n import tr
from coulisses.units import parse_duration


def register(sub: argparse._SubParsersAction) -> None:
    from coulisses.export.presets import DEFAULT_PRESET, PRESETS

    p = sub.add_parser("export", help=tr("render a vertical captioned reel of a piece"))
    p.add_argument("piece", metavar="PIECE", help=tr("piece id or name"))
    p.add_argument("--out", metavar="DIR", required=True,
                   help=tr("folder receiving the export (one new subfolder per export)"))
    add_render_options(p, PRESETS, DEFAULT_PRESET)
    p.set_defaults(run=run)


def add_render_options(p: argparse.ArgumentParser, presets, default: str,
                       default_seconds: float = 30.0) -> None:
    """The render options, with the choices ``ExportOptions`` declares."""
    from coulisses.export.options import choices_of

    p.add_argument("--preset", choices=sorted(presets), default=default,
                   help=tr("platform: frame size and safe zone (default: {name})", name=default))
    # The platforms' limits come from their table (export/presets.py), never written here.
    longest = ", ".join(f"{x.max_duration / 60:g} min ({x.name})" for x in presets.values())
    carousels = ", ".join(f"{x.carousel.max_images} ({x.name})" for x in presets.values())
    p.add_argument("--duration", metavar="SECONDS", type=_duration,
                   help=tr("reel length, e.g. 30, 45s or 1m (default: {seconds:g} s; at most "
                           "{longest}; short reels are the ones platforms push)",
                           seconds=default_seconds, longest=longest))
    p.add_argument("--layout", choices=choices_of("layout"), default="fill",
                   help=tr("fill: crop around the focus point; fit: whole still over a blur"))
    p.add_argument("--no-result-first", dest="result_first", action="store_false",
                   help=tr("do not open on the finished piece"))
    p.add_argument("--no-end-card", dest="end_card", action="store_false",
                   help=tr("leave out the closing card with the effort figures"))
    p.add_argument("--no-deflicker", dest="deflicker", action="store_false",
                   help=tr("keep each webcam still's exposure as captured"))
    p.add_argument("--no-credentials-note", dest="credentials_note", action="store_false",
                   help=tr("do not say in the post text that the reel carries Content "
                           "Credentials"))
    p.add_argument("--before-after", choices=[c for c in choices_of("before_after") if c],
                   help=tr("show the piece's first still and its result together: side by "
                           "side, or a wipe from one to the other (also a carousel slide)"))
    p.add_argument("--before-after-at", choices=choices_of("before_after_at"), default="end",
                   help=tr("where the before/after is held: at the end (default) or the "
                           "start of the reel"))
    p.add_argument("--ghost", action="store_true",
                   help=tr("show the finished piece faintly over the first seconds of the "
                           "work"))
    carousel = p.add_mutually_exclusive_group()
    carousel.add_argument("--carousel", action="store_true",
                          help=tr("also make a carousel in carousel/, as many stills as the "
                                  "platform takes: {counts}", counts=carousels))
    carousel.add_argument("--carousel-only", action="store_true",
                          help=tr("make only the carousel and the post text, no reel"))


def _duration(text: str) -> float:
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args: argparse.Namespace, ctx) -> int:
    piece = ctx.journal.find_piece(args.piece)
    snap = ctx.journal.snapshot(piece.id)
    for problem in snap.problems:
        ctx.warn(problem)
    return run_export(snap, Path(args.out), args, ctx)


def run_export(snap, out: Path, args: argparse.Namespace, ctx) -> int:
    """Plan and render a reel of ``snap`` with a progress bar; shared with ``demo``."""
    from coulisses.cli import Failure
    from coulisses.export import ExportError, get_preset
    from coulisses.export.options import export_with_options, options_from_args
    from coulisses.jobs import Cancelled, CancelToken
    from coulisses.termui import StatusLine, ctrl_c_cancels, progress_bar
    from coulisses.timeline.pacing import PacingError
    from coulisses.units import format_duration

    try:
        options = options_from_args(args)
    except ExportError as exc:
        raise Failure(str(exc)) from None
    preset = get_preset(options.preset)
    token = CancelToken()
    status = StatusLine(ctx.err)
    label = tr("Exporting")
    try:
        with ctrl_c_cancels(token):
            result = export_with_options(snap, out, options,
                                         progress=lambda p: status.show(
                                             progress_bar(p, label), force=bool(p.message)),
                                         cancel=token)
    except Cancelled:
        status.done()
        ctx.warn(tr("Export cancelled, nothing written."))
        return 1
    except (ExportError, PacingError) as exc:
        status.done()
        raise Failure(str(exc)) from None
    except BaseException:
        status.done()
        raise
    status.done()
    if token.cancelled:  # Ctrl-C after the export's point of no return (its publishing)
        ctx.warn(tr("The export was already complete when it was cancelled, so it is kept."))
    for warning in result.warnings:
        ctx.warn(tr("warning: {message}", message=warning))
    if options.makes_reel:
        ctx.say(tr("{name}: {seconds:.1f} s reel, {frames} frames at {fps} fps, for "
                   "{platform}, made in {took}.", name=snap.piece.name,
                   seconds=result.duration, frames=result.frames, fps=result.fps,
                   platform=preset.label, took=format_duration(result.elapsed)))
    for kind in ("mp4", "cover", "post", "srt", "vtt", "frames"):
        if kind in result.files:
            ctx.say(f"  {result.files[kind].name}")
    if "carousel" in result.files:
        count = len(list(result.files["carousel"].glob("*.jpg")))
        ctx.say(tr("  {folder}/ (%n image(s), made in {took})", None, count,
                   folder=result.files["carousel"].name,
                   took=format_duration(result.elapsed)))
    ctx.say(str(result.folder))
    return 0
