"""``coulisses timeline PIECE [--json]``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from coulisses.i18n import tr
from coulisses.journal import PieceSnapshot


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("timeline", help=tr("the story of a piece: stills, moments, effort"))
    p.add_argument("piece", metavar="PIECE")
    p.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    p.set_defaults(run=run)


def timeline_json(snap: PieceSnapshot) -> dict[str, Any]:
    return {
        "piece": {"id": snap.piece.id, "name": snap.piece.name},
        "captures": [c.to_json() for c in snap.captures],
        "moments": [m.to_json() for m in snap.moments],
        "gaps": [g.to_json() for g in snap.gaps],
    }


def run(args: argparse.Namespace, ctx) -> int:
    piece = ctx.journal.find_piece(args.piece)
    snap = ctx.journal.snapshot(piece.id)
    for problem in snap.problems:
        ctx.warn(problem)
    if args.json:
        ctx.say(json.dumps(timeline_json(snap), ensure_ascii=False))
        return 0
    ctx.say(f"{snap.piece.name}  ({snap.piece.id})")
    ctx.say(tr("{n} stills", n=len(snap.captures)))
    if snap.captures:
        ctx.say(tr("from {start} to {end}",
                   start=snap.captures[0].time.astimezone().strftime("%Y-%m-%d %H:%M"),
                   end=snap.captures[-1].time.astimezone().strftime("%Y-%m-%d %H:%M")))
    for m in snap.moments:
        when = m.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        ctx.say(f"  {when}  {tr(m.kind):<10} {m.caption}")
    return 0
