"""``coulisses suggestions PIECE [list | accept ID | dismiss ID]``.

``ID`` is the still's id shown by ``suggestions PIECE`` (or ``timeline``), or
its rank in that list (``1``, ``#1``). Accepting makes it a moment (a
struggle unless ``--kind`` says otherwise); dismissing remembers it, so the
still is never suggested again.
"""

from __future__ import annotations

import argparse
import json

from coulisses.i18n import tr
from coulisses.journal import MOMENT_KINDS
from coulisses.labels import kind_label


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggestions", help=tr("stills where the piece suddenly changed: list, "
                                              "accept or dismiss them"))
    p.add_argument("piece", metavar="PIECE")
    p.add_argument("action", nargs="?", default="list", choices=("list", "accept", "dismiss"),
                   help=tr("list (default), accept ID or dismiss ID"))
    p.add_argument("id", nargs="?", metavar="ID",
                   help=tr("the still id of a suggestion, or its number in the list"))
    p.add_argument("--kind", default="struggle", choices=MOMENT_KINDS,
                   help=tr("kind of the moment an accepted suggestion becomes "
                           "(default: struggle)"))
    p.add_argument("--caption", default="", metavar="TEXT")
    p.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    p.add_argument("--session-gap", default=None, metavar="DURATION",
                   help=tr("a pause longer than this starts a new session (default 30m)"))
    p.set_defaults(run=run)


def _resolve(ref: str, found, snap) -> str:
    from coulisses.cli import Failure

    text = ref.strip().lstrip("#")
    if text.isdigit() and len(text) <= 4:
        rank = int(text)
        if not 1 <= rank <= len(found):
            raise Failure(tr("There is no suggestion number {n}; `coulisses suggestions "
                             "PIECE` lists {count}.", n=rank, count=len(found)))
        return found[rank - 1].capture
    if snap.index_of(text) is None:
        raise Failure(tr("There is no still {id} in this piece; `coulisses suggestions "
                         "PIECE` lists the suggested ones.", id=text))
    return text


def run(args: argparse.Namespace, ctx) -> int:
    from coulisses.cli import UsageError
    from coulisses.commands.timeline import build_with_progress, parse_gap
    from coulisses.timeline.editing import MomentEditor

    gap = parse_gap(args.session_gap)
    if args.action != "list" and not args.id:
        raise UsageError(tr("`suggestions PIECE {action}` needs the ID of a suggestion",
                            action=args.action))
    if args.action == "list" and args.id:
        raise UsageError(tr("`suggestions PIECE` takes no ID; did you mean accept or dismiss?"))
    piece = ctx.journal.find_piece(args.piece)
    snap = ctx.journal.snapshot(piece.id)
    editor = MomentEditor(ctx.journal, piece.id, snapshot=snap)

    if args.action == "list":
        for problem in snap.problems:
            ctx.warn(problem)
        tl = build_with_progress(snap, ctx, gap=gap, suggestions=True)
        if args.json:
            ctx.say(json.dumps([s.to_json() for s in tl.suggestions], ensure_ascii=False))
            return 0
        if not tl.suggestions:
            ctx.say(tr("No suggested moments: nothing changed suddenly and stayed changed."))
            return 0
        for n, sg in enumerate(tl.suggestions, 1):
            ctx.say(f"#{n}  {sg.capture}  {sg.time.astimezone().strftime('%Y-%m-%d %H:%M:%S')}"
                    f"  " + tr("score {score:.1f}", score=float(sg.score)) + f"  {sg.reason}")
        return 0

    ref = args.id.strip().lstrip("#")
    needs_list = ref.isdigit() and len(ref) <= 4
    found = ()
    if needs_list:
        found = build_with_progress(snap, ctx, gap=gap, suggestions=True).suggestions
    capture = _resolve(args.id, found, snap)
    if args.action == "accept":
        moment = editor.accept(capture, kind=args.kind, caption=args.caption)
        ctx.say(tr("Marked {kind} at {where}.", kind=kind_label(args.kind), where=capture))
        ctx.say(moment.id)
    else:
        editor.dismiss(capture)
        ctx.say(tr("Dismissed: {id} will not be suggested again.", id=capture))
    return 0
