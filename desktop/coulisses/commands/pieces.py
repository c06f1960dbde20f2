"""``coulisses piece new NAME [--craft CRAFT]``, ``piece set PIECE [--craft CRAFT]
[--cover REF|none] [--json]`` and ``piece list``."""

from __future__ import annotations

import argparse
import json

from coulisses.crafts import CRAFTS, craft_label
from coulisses.i18n import format_datetime, tr
from coulisses.journal.model import iso

OTHER = "other"  # --craft other: no craft (the default hashtags and caption starters)
NO_COVER = ("none", "auto")  # --cover none: the export picks the cover again


def _craft_help() -> str:
    return tr("what the piece is made with, for its caption starters and hashtags: {crafts}",
              crafts=", ".join(CRAFTS + (OTHER,)))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("piece", help=tr("create, change or list pieces"))
    psub = p.add_subparsers(dest="piece_command", metavar="ACTION", required=True)
    new = psub.add_parser("new", help=tr("create a piece and print its id"))
    new.add_argument("name", metavar="NAME")
    new.add_argument("--craft", choices=CRAFTS + (OTHER,), metavar="CRAFT", help=_craft_help())
    new.set_defaults(run=run_new)
    change = psub.add_parser("set", help=tr("change a piece's settings"))
    change.add_argument("piece", metavar="PIECE", help=tr("the piece's id or name"))
    change.add_argument("--craft", choices=CRAFTS + (OTHER,), metavar="CRAFT",
                        help=_craft_help())
    change.add_argument("--cover", metavar="REF|none", help=tr(
        "the still the export's cover shows: its id, its number or last (as `coulisses "
        "stills PIECE list` shows them); none lets the export pick it again"))
    change.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    change.set_defaults(run=run_set)
    ls = psub.add_parser("list", help=tr("id, name, captures, moments, last activity; "
                                         "archived pieces are marked"))
    ls.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    ls.set_defaults(run=run_list)


def run_new(args: argparse.Namespace, ctx) -> int:
    piece = ctx.journal.create_piece(args.name)
    if piece.name != args.name.strip():
        ctx.warn(tr("The name was tidied to {name!r}.", name=piece.name))
    if args.craft not in (None, OTHER):
        piece = ctx.journal.update_piece_settings(piece.id, craft=args.craft)
    ctx.say(tr("Created piece {name!r}.", name=piece.name))
    ctx.say(piece.id)
    return 0


def run_set(args: argparse.Namespace, ctx) -> int:
    from coulisses.cli import UsageError

    if args.craft is None and args.cover is None:
        raise UsageError(tr("`piece set` needs something to change: --craft or --cover"))
    piece = ctx.journal.find_piece(args.piece)
    cover: str | None = None
    hidden_cover = False
    if args.cover is not None and args.cover.strip().lower() not in NO_COVER:
        from coulisses.commands.stills import resolve_one

        snap = ctx.journal.snapshot(piece.id)  # every change is checked before any is made
        cover = resolve_one(snap, args.cover, "--cover")
        hidden_cover = snap.is_hidden(cover)
    lines = []
    if args.craft is not None:
        craft = None if args.craft == OTHER else args.craft
        piece = ctx.journal.update_piece_settings(piece.id, craft=craft)
        lines.append(tr("Craft of {name!r}: {craft}.", name=piece.name,
                        craft=craft_label(craft)))
    if args.cover is not None:
        ctx.journal.set_cover(piece.id, cover)
        piece = ctx.journal.piece(piece.id)
        if cover is None:
            lines.append(tr("The cover of {name!r} is chosen automatically again.",
                            name=piece.name))
        else:
            lines.append(tr("Cover of {name!r}: {id}.", name=piece.name, id=cover))
    if args.json:
        settings = piece.typed_settings
        ctx.say(json.dumps({"piece": {"id": piece.id, "name": piece.name},
                            "craft": settings.craft, "cover": settings.cover},
                           ensure_ascii=False))
    else:
        for line in lines:
            ctx.say(line)
    if hidden_cover:
        ctx.warn(tr("That still is hidden, so the export will not use it as the cover; "
                    "`coulisses stills {piece} show {id}` lets it in again.", piece=piece.id,
                    id=cover))
    return 0


def run_list(args: argparse.Namespace, ctx) -> int:
    rows = []
    for piece in ctx.journal.pieces():
        snap = ctx.journal.snapshot(piece.id)  # its last_activity: the journal's definition
        rows.append({"id": piece.id, "name": piece.name, "captures": len(snap.captures),
                     "moments": len(snap.moments), "last_activity": iso(snap.last_activity),
                     "craft": piece.typed_settings.craft,
                     "archived": piece.typed_settings.archived,
                     "when": format_datetime(snap.last_activity)})
    for problem in ctx.journal.problems:
        ctx.warn(problem)
    if args.json:
        for row in rows:
            del row["when"]
        ctx.say(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        ctx.say(tr("No pieces yet. Create one with: coulisses piece new \"Vase bleu #3\""))
        return 0
    headers = (tr("id"), tr("name"), tr("captures"), tr("moments"), tr("last activity"))
    # Archived pieces stay listed (nothing is deleted), marked as the window marks them;
    # the time is local, written as the reader writes dates.
    table = [headers] + [(r["id"], tr("{name} (archived)", name=r["name"]) if r["archived"]
                          else r["name"], str(r["captures"]), str(r["moments"]), r["when"])
                         for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(headers))]
    for row in table:
        ctx.say("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0
