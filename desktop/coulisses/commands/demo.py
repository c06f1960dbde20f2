"""``coulisses demo [--out DIR]``: a demo piece from seeds/, exported; no camera needed."""

from __future__ import annotations

import argparse
from pathlib import Path

from coulisses.export.output_folder import default_reels_dir
from coulisses.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:
    from coulisses.commands.export import add_render_options
    from coulisses.export.presets import DEFAULT_PRESET, PRESETS

    p = sub.add_parser("demo", help=tr("make a demo piece and export its reel (no camera needed)"))
    p.add_argument("--out", metavar="DIR",
                   help=tr("folder receiving the export (default: {folder})",
                           folder=str(default_reels_dir())))
    from coulisses.capture.demo_piece import demo_duration

    add_render_options(p, PRESETS, DEFAULT_PRESET, demo_duration())
    p.set_defaults(run=run)


def run(args: argparse.Namespace, ctx) -> int:
    from coulisses.capture.demo_piece import (
        build_demo_piece,
        demo_duration,
        find_demo,
        load_script,
    )
    from coulisses.commands.export import run_export
    from coulisses.i18n import language
    from coulisses.jobs import Cancelled, CancelToken
    from coulisses.termui import StatusLine, ctrl_c_cancels, progress_bar

    journal = ctx.journal
    name = load_script()["name"]
    existing = find_demo(journal, name.get(language()) or name.get("en", ""))
    if existing is None:
        token = CancelToken()
        status = StatusLine(ctx.err)
        try:
            with ctrl_c_cancels(token):
                piece = build_demo_piece(journal, cancel=token,
                                         progress=lambda p: status.show(
                                             progress_bar(p, tr("Demo piece"))))
        except Cancelled:
            status.done()
            ctx.warn(tr("Demo cancelled; the stills drawn so far stay in the journal."))
            return 1
        status.done()
        ctx.say(tr("Created the demo piece {name!r} ({id}) in {home}.", name=piece.name,
                   id=piece.id, home=str(journal.home)))
    else:
        piece = existing
        ctx.say(tr("Using the demo piece {name!r} ({id}) already in the journal.",
                   name=piece.name, id=piece.id))
    out = Path(args.out) if args.out else default_reels_dir()
    if not args.out:
        ctx.say(tr("Exporting to {folder} (choose another folder with --out).", folder=str(out)))
    if args.duration is None:
        args.duration = demo_duration()
    return run_export(journal.snapshot(piece.id), out, args, ctx)
