"""``coulisses export PIECE --out DIR [--preset …] [--duration S] [--layout fill|fit] …``."""

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
    p.add_argument("--preset", choices=sorted(presets), default=default,
                   help=tr("platform: frame size and safe zone (default: {name})", name=default))
    p.add_argument("--duration", metavar="SECONDS", type=_duration,
                   help=tr("reel length, e.g. 30, 45s or 1m (default: {seconds:g} s)",
                           seconds=default_seconds))
    p.add_argument("--layout", choices=("fill", "fit"), default="fill",
                   help=tr("fill: crop around the focus point; fit: whole still over a blur"))
    p.add_argument("--no-result-first", dest="result_first", action="store_false",
                   help=tr("do not open on the finished piece"))
    p.add_argument("--no-end-card", dest="end_card", action="store_false",
                   help=tr("leave out the closing card with the effort figures"))
    p.add_argument("--no-deflicker", dest="deflicker", action="store_false",
                   help=tr("keep each webcam still's exposure as captured"))


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
    from coulisses.export import ExportError, export_reel, get_preset, plan_for
    from coulisses.jobs import Cancelled, CancelToken
    from coulisses.termui import StatusLine, ctrl_c_cancels, progress_bar
    from coulisses.timeline.pacing import PacingError
    from coulisses.units import format_duration

    preset = get_preset(args.preset)
    try:
        plan = plan_for(snap, preset, duration=args.duration, result_first=args.result_first,
                        end_card=args.end_card)
    except PacingError as exc:
        raise Failure(str(exc)) from None
    token = CancelToken()
    status = StatusLine(ctx.err)
    label = tr("Exporting")
    try:
        with ctrl_c_cancels(token):
            result = export_reel(plan, out, preset, layout=args.layout, deflicker=args.deflicker,
                                 progress=lambda p: status.show(progress_bar(p, label),
                                                                force=bool(p.message)),
                                 cancel=token)
    except Cancelled:
        status.done()
        ctx.warn(tr("Export cancelled, nothing written."))
        return 1
    except ExportError as exc:
        status.done()
        raise Failure(str(exc)) from None
    except BaseException:
        status.done()
        raise
    status.done()
    for warning in result.warnings:
        ctx.warn(tr("warning: {message}", message=warning))
    ctx.say(tr("{name}: {seconds:.1f} s reel, {frames} frames at {fps} fps, for {platform}, "
               "made in {took}.", name=plan.piece.name, seconds=result.duration,
               frames=result.frames, fps=result.fps, platform=preset.label,
               took=format_duration(result.elapsed)))
    for kind in ("mp4", "cover", "post", "srt", "vtt", "frames"):
        if kind in result.files:
            ctx.say(f"  {result.files[kind].name}")
    ctx.say(str(result.folder))
    return 0
