"""``coulisses mark PIECE KIND [--at …] [--caption …] [--span-to CAPTURE]``."""

from __future__ import annotations

import argparse

from coulisses.i18n import tr
from coulisses.journal import MOMENT_KINDS
from coulisses.labels import kind_label


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("mark", help=tr("flag a moment: struggle, fix, milestone, result, note"))
    p.add_argument("piece", metavar="PIECE")
    p.add_argument("kind", metavar="KIND", choices=MOMENT_KINDS,
                   help=" | ".join(MOMENT_KINDS))
    p.add_argument("--at", default="last", metavar="last|CAPTURE_ID|ISO-TIME",
                   help=tr("which still (default: the last one)"))
    p.add_argument("--caption", default="", metavar="TEXT")
    p.add_argument("--span-to", default=None, metavar="CAPTURE",
                   help=tr("the moment lasts until this still ('last' for the latest)"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace, ctx) -> int:
    from coulisses.timeline.editing import MomentEditor

    piece = ctx.journal.find_piece(args.piece)
    span_to = args.span_to
    if span_to is not None and span_to.strip().lower() == "last":
        captures = ctx.journal.snapshot(piece.id).captures
        span_to = captures[-1].id if captures else None
    moment = MomentEditor(ctx.journal, piece.id).add(args.kind, at=args.at,
                                                     caption=args.caption, span_to=span_to)
    where = moment.capture or moment.time.isoformat(timespec="seconds")
    ctx.say(tr("Marked {kind} at {where}.", kind=kind_label(args.kind), where=where))
    ctx.say(moment.id)
    return 0
