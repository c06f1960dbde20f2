"""``coulisses moment PIECE MOMENT_ID caption|kind|move|span|delete …``: edit a moment.

Moments are flagged with ``mark``; their ids are shown by ``mark`` and
``timeline``. ``span last`` or a still id makes the moment cover a span of
stills; ``span none`` brings it back to its single still.
"""

from __future__ import annotations

import argparse

from coulisses.i18n import tr
from coulisses.journal import MOMENT_KINDS
from coulisses.labels import kind_label

ACTIONS = ("caption", "kind", "move", "span", "delete")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("moment", help=tr("edit a moment: caption, kind, move, span or delete"))
    p.add_argument("piece", metavar="PIECE")
    p.add_argument("moment", metavar="MOMENT_ID")
    p.add_argument("action", choices=ACTIONS, metavar="ACTION", help=" | ".join(ACTIONS))
    p.add_argument("value", nargs="?", metavar="VALUE",
                   help=tr("the new caption, kind ({kinds}), still id (move), end still id "
                           "or 'none' (span)", kinds=", ".join(MOMENT_KINDS)))
    p.set_defaults(run=run)


def run(args: argparse.Namespace, ctx) -> int:
    from coulisses.cli import UsageError
    from coulisses.timeline.editing import MomentEditor

    piece = ctx.journal.find_piece(args.piece)
    editor = MomentEditor(ctx.journal, piece.id)
    value = args.value
    if args.action != "delete" and value is None:
        raise UsageError(tr("`moment … {action}` needs a value", action=args.action))
    if args.action == "caption":
        m = editor.recaption(args.moment, value).after
        ctx.say(tr("Caption changed."))
    elif args.action == "kind":
        if value not in MOMENT_KINDS:
            raise UsageError(tr("“{kind}” is not a kind of moment; use one of {kinds}",
                                kind=value, kinds=", ".join(MOMENT_KINDS)))
        m = editor.change_kind(args.moment, value).after
        ctx.say(tr("The moment is now a {kind}.", kind=kind_label(value)))
    elif args.action == "move":
        m = editor.move(args.moment, _capture(ctx, piece.id, value)).after
        ctx.say(tr("Moved to {where}.", where=m.capture))
    elif args.action == "span":
        end = None if value.strip().lower() in ("none", "-", "") else _capture(ctx, piece.id,
                                                                             value)
        m = editor.set_span(args.moment, end).after
        if m.span_to:
            ctx.say(tr("The moment now covers {start} to {end}.", start=m.capture, end=m.span_to))
        else:
            ctx.say(tr("The moment now covers its still alone."))
    else:
        editor.delete(args.moment)
        ctx.say(tr("Moment deleted."))
        return 0
    ctx.say(m.id)
    return 0


def _capture(ctx, piece_id: str, ref: str) -> str:
    """A still id, or ``last`` for the latest still."""
    from coulisses.cli import Failure

    if ref.strip().lower() == "last":
        last = ctx.journal.latest_capture(piece_id)  # no scan of the piece
        if last is None:
            raise Failure(tr("This piece has no stills yet."))
        return last.id
    return ref.strip()
