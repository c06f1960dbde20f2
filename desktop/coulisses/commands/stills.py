"""``coulisses stills PIECE list|hide|show|move REF… [--to PIECE] [--json]``: curate stills.

What the window's strip does, for scripts and a bench Raspberry Pi, with the
same journal calls and so the same guarantees: a hidden still stays on disk
and in the timeline but never reaches an export; a move renames the files into
the other piece with their moments, settings and hidden state, all or nothing.

A REF names one still or a run of them (see ``REF_HELP``): a still id as
``timeline --json`` prints it, a number (1 is the first still, as ``list``
numbers them), ``first``/``last``, a time (every still of that day, minute or
second), or ``FIRST..LAST`` (inclusive; an end left out is the piece's first or
last still). Every REF is resolved before anything changes: one that matches no
still is a usage error (exit 2) naming it, and nothing is changed.

Hiding thousands of stills is one write (the journal stores ranges). A move
runs in a worker thread so a terminal can show its progress; the first Ctrl-C
(or SIGTERM) lets it finish, since a move is all or nothing, and a second stops
the process at once: the journal's intent record then finishes the move the
next time any ``coulisses`` command or the app opens the journal.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from coulisses.i18n import tr

ACTIONS = ("list", "hide", "show", "move")
LOG_AFTER = 5.0  # seconds: off a terminal, only a move this long reports progress

# Reasons a still was left as it was, in the --json output (stable words, not prose).
ALREADY_HIDDEN, NOT_HIDDEN, STAYED = "already-hidden", "not-hidden", "stayed"

_ID = re.compile(r"^\d{8}T\d{6}\.\d{3}Z(?:-\d+)?(?:~.+)?$")
_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})"
                   r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?"
                   r"(Z|[+-]\d{2}:?\d{2})?$")
_NUMBER = re.compile(r"^#?(\d{1,9})$")


def ref_help() -> str:
    return tr(
        "REF is a still id as `coulisses timeline PIECE --json` prints it "
        "(20261123T140501.250Z), a number (1 is the first still; `stills PIECE list` "
        "numbers them), first or last, a time (2026-11-23T14:05 is every still of that "
        "minute, 2026-11-23 of that day; local time unless it ends in Z or +01:00), or a "
        "range FIRST..LAST of any of these, both ends included (..LAST from the first "
        "still, FIRST.. to the last one, .. for all).")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stills", help=tr("list, hide, show or move stills, by id, number, time or range"),
        description=tr("Hidden stills stay on disk and in the timeline but never reach an "
                       "export; moved stills take their moments along.") + " " + ref_help())
    p.add_argument("piece", metavar="PIECE", help=tr("piece id or name"))
    actions = p.add_subparsers(dest="stills_action", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help=tr("number, id, time and hidden state of each still"),
                            description=ref_help())
    ls.add_argument("refs", nargs="*", metavar="REF",
                    help=tr("only these stills (default: all)"))
    ls.add_argument("--hidden", action="store_true", help=tr("only the hidden stills"))
    hide = actions.add_parser("hide", help=tr("leave stills out of every export"),
                              description=ref_help())
    show = actions.add_parser("show", help=tr("let hidden stills into exports again"),
                              description=ref_help())
    move = actions.add_parser(
        "move", help=tr("move stills, with their moments, to another piece"),
        description=ref_help() + " " + tr(
            "A move is all or nothing: Ctrl-C lets it finish; a second Ctrl-C stops at once, "
            "and the next `coulisses` command or the app finishes the move."))
    for action in (hide, show, move):
        action.add_argument("refs", nargs="+", metavar="REF", help=tr("the stills"))
    move.add_argument("--to", required=True, metavar="PIECE",
                      help=tr("the piece that receives them (id or name)"))
    for action in (ls, hide, show, move):
        action.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    ls.set_defaults(run=run_list)
    hide.set_defaults(run=run_hide)
    show.set_defaults(run=run_show)
    move.set_defaults(run=run_move)


# ------------------------------------------------------------------ references
class RefError(ValueError):
    """A REF that names no still of the piece (said to the maker as a usage error)."""


@dataclass(frozen=True, slots=True)
class _Span:
    """Stills ``captures[lo:hi]`` of the snapshot (empty when hi <= lo)."""

    lo: int
    hi: int


def select(snap, refs: Sequence[str]) -> list[int]:
    """Indexes into ``snap.captures`` of every still the REFs name, sorted, no repeats.

    Raises RefError for the first REF that is not understood or matches no still.
    """
    chosen: set[int] = set()
    for ref in refs:
        span = resolve(snap, ref)
        chosen.update(range(span.lo, span.hi))
    return sorted(chosen)


def resolve(snap, ref: str) -> _Span:
    text = ref.strip()
    if _id_index(snap, text) is None and ".." in text:
        first, _, last = text.partition("..")
        lo = _single(snap, first, ref).lo if first.strip() else 0
        hi = _single(snap, last, ref).hi if last.strip() else len(snap.captures)
        if hi <= lo:
            if first.strip() and last.strip() and \
                    _single(snap, first, ref).lo > _single(snap, last, ref).lo:
                raise RefError(tr("{ref!r} ends before it starts (write the earlier still "
                                  "first)", ref=ref))
            raise RefError(_matches_nothing(snap, ref))
        return _Span(lo, hi)
    span = _single(snap, text, ref)
    if span.hi <= span.lo:
        raise RefError(_matches_nothing(snap, ref))
    return span


def _matches_nothing(snap, ref: str) -> str:
    if not snap.captures:
        return tr("{ref!r} matches no still: {piece!r} has no stills yet", ref=ref,
                  piece=snap.piece.name)
    return tr("{ref!r} matches no still of {piece!r}; `coulisses stills {id} list` numbers "
              "them with their ids and times", ref=ref, piece=snap.piece.name,
              id=snap.piece.id)


def _id_index(snap, text: str) -> int | None:
    """The still this exact id names (a file name's ``.jpg`` is allowed)."""
    if text.lower().endswith(".jpg"):
        text = text[:-4]
    return snap.index_of(text) if _ID.match(text) else None


def _single(snap, text: str, ref: str) -> _Span:
    """One REF without ``..``: one still, or the stills of a day, minute or second."""
    text = text.strip()
    count = len(snap.captures)
    word = text.lower()
    if word in ("first", "last"):
        if not count:
            raise RefError(_matches_nothing(snap, ref))
        return _Span(0, 1) if word == "first" else _Span(count - 1, count)
    number = _NUMBER.match(text)
    if number:
        n = int(number.group(1))
        if not 1 <= n <= count:
            raise RefError(tr("there is no still number {n} in {piece!r}, which has {count} "
                              "(1 is the first)", n=n, piece=snap.piece.name, count=count))
        return _Span(n - 1, n)
    bare = text[:-4] if word.endswith(".jpg") else text
    if _ID.match(bare):
        i = snap.index_of(bare)
        if i is None:
            raise RefError(tr("there is no still {id} in {piece!r}; `coulisses timeline {piece_id} "
                              "--json` lists the ids", id=bare, piece=snap.piece.name,
                              piece_id=snap.piece.id))
        return _Span(i, i + 1)
    period = _period(text)
    if period is None:
        raise RefError(tr("{ref!r} is not a still: give a still id, a number, first, last, a "
                          "time like 2026-11-23T14:05, or a range FIRST..LAST", ref=ref))
    start, end = period
    times = _Times(snap.captures)
    return _Span(bisect_left(times, start), bisect_left(times, end))


def _period(text: str) -> tuple[datetime, datetime] | None:
    """The [start, end) a written time stands for in UTC: a date is its whole day, a
    minute its 60 seconds, and so on down to the millisecond of a still id."""
    m = _TIME.match(text)
    if m is None:
        return None
    year, month, day, hour, minute, second, frac, zone = m.groups()
    try:
        start = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                         int(second or 0), int((frac or "0").ljust(6, "0")))
    except ValueError:
        return None
    if frac is not None:
        step = timedelta(milliseconds=1) if len(frac) <= 3 else timedelta(microseconds=1)
    elif second is not None:
        step = timedelta(seconds=1)
    elif minute is not None:
        step = timedelta(minutes=1)
    else:
        step = timedelta(days=1)
    end = start + step
    if zone is None:  # the maker's wall clock, as `mark --at` reads it
        return start.astimezone().astimezone(UTC), end.astimezone().astimezone(UTC)
    offset = timedelta(0) if zone == "Z" else _offset(zone)
    return (start - offset).replace(tzinfo=UTC), (end - offset).replace(tzinfo=UTC)


def _offset(zone: str) -> timedelta:
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))


class _Times:
    """The captures' times as a sequence for bisect, without building a list."""

    __slots__ = ("_c",)

    def __init__(self, captures: Sequence[Any]) -> None:
        self._c = captures

    def __len__(self) -> int:
        return len(self._c)

    def __getitem__(self, i: int) -> datetime:
        return self._c[i].time


def resolve_one(snap, ref: str, option: str) -> str:
    """The id of the single still a REF names (``piece set --cover``)."""
    from coulisses.cli import UsageError

    try:
        span = resolve(snap, ref)
    except RefError as exc:
        raise UsageError(tr("{option}: {error}", option=option, error=exc)) from None
    if span.hi - span.lo != 1:
        raise UsageError(tr("{option} takes one still, and {ref!r} matches {n}; give its id "
                            "or its number", option=option, ref=ref, n=span.hi - span.lo))
    return snap.captures[span.lo].id


# ------------------------------------------------------------------ commands
def _chosen(args: argparse.Namespace, ctx, piece=None):
    """(piece, snapshot, selected captures): every REF resolved before anything changes."""
    from coulisses.cli import UsageError

    piece = piece or ctx.journal.find_piece(args.piece)
    snap = ctx.journal.snapshot(piece.id)
    for problem in snap.problems:
        ctx.warn(problem)
    try:
        indexes = select(snap, args.refs)
    except RefError as exc:
        raise UsageError(tr("{problem}; nothing was changed", problem=exc)) from None
    return piece, snap, [snap.captures[i] for i in indexes]


def _piece_json(piece) -> dict[str, str]:
    return {"id": piece.id, "name": piece.name}


def _stills(n: int) -> str:
    return tr("%Ln still(s)", None, n)


def run_list(args: argparse.Namespace, ctx) -> int:
    piece = ctx.journal.find_piece(args.piece)
    snap = ctx.journal.snapshot(piece.id)
    for problem in snap.problems:
        ctx.warn(problem)
    if args.refs:
        from coulisses.cli import UsageError

        try:
            indexes = select(snap, args.refs)
        except RefError as exc:
            raise UsageError(str(exc)) from None
    else:
        indexes = list(range(len(snap.captures)))
    if args.hidden:
        indexes = [i for i in indexes if snap.is_hidden(snap.captures[i].id)]
    rows = [(i + 1, snap.captures[i], snap.is_hidden(snap.captures[i].id)) for i in indexes]
    if args.json:
        ctx.say(json.dumps({"piece": _piece_json(piece), "count": len(snap.captures),
                            "stills": [{"n": n, "id": c.id, "time": c.iso_time,
                                        "hidden": hidden} for n, c, hidden in rows]},
                           ensure_ascii=False))
        return 0
    if not snap.captures:
        ctx.say(tr("No stills yet."))
        return 0
    width = len(str(len(snap.captures)))
    hidden_word = tr("hidden")
    blank = " " * len(hidden_word)  # the ids, of any length, come last and line up
    lines = [f"{n:>{width}}  {c.time.astimezone():%Y-%m-%d %H:%M:%S}  "
             f"{hidden_word if hidden else blank}  {c.id}" for n, c, hidden in rows]
    ctx.out.write("".join(line + "\n" for line in lines))  # 100,000 lines: one write
    ctx.out.flush()
    return 0


def run_hide(args: argparse.Namespace, ctx) -> int:
    piece, snap, caps = _chosen(args, ctx)
    change = ctx.journal.hide_stills(piece.id, [c.id for c in caps])
    changed = set(change.ids)
    unchanged = [c.id for c in caps if c.id not in changed]
    hidden_now = change.after.count_in(snap.captures)
    if args.json:
        ctx.say(json.dumps(_edit_json("hide", piece, caps, change.ids, unchanged,
                                      ALREADY_HIDDEN, hidden_now), ensure_ascii=False))
    elif not changed:
        ctx.say(tr("Already hidden: {stills} of {piece!r}; nothing changed.",
                   stills=_stills(len(caps)), piece=piece.name))
    elif unchanged:
        ctx.say(tr("Hid {stills} of {piece!r} ({n} already hidden).",
                   stills=_stills(len(changed)), piece=piece.name, n=len(unchanged)))
    else:
        ctx.say(tr("Hid {stills} of {piece!r}.", stills=_stills(len(changed)),
                   piece=piece.name))
    if changed and hidden_now == len(snap.captures):
        ctx.warn(tr("Every still of {piece!r} is hidden now: an export has nothing to show "
                    "until you show some again.", piece=piece.name))
    cover = piece.typed_settings.cover
    if cover in changed:
        ctx.warn(tr("The cover still is hidden now, so the export picks another cover."))
    return 0


def run_show(args: argparse.Namespace, ctx) -> int:
    piece, snap, caps = _chosen(args, ctx)
    change = ctx.journal.unhide_stills(piece.id, [c.id for c in caps])
    changed = set(change.ids)
    unchanged = [c.id for c in caps if c.id not in changed]
    if args.json:
        ctx.say(json.dumps(_edit_json("show", piece, caps, change.ids, unchanged, NOT_HIDDEN,
                                      change.after.count_in(snap.captures)),
                           ensure_ascii=False))
    elif not changed:
        ctx.say(tr("Not hidden: {stills} of {piece!r}; nothing changed.",
                   stills=_stills(len(caps)), piece=piece.name))
    elif unchanged:
        ctx.say(tr("Showed {stills} of {piece!r} again ({n} already visible).",
                   stills=_stills(len(changed)), piece=piece.name, n=len(unchanged)))
    else:
        ctx.say(tr("Showed {stills} of {piece!r} again.", stills=_stills(len(changed)),
                   piece=piece.name))
    return 0


def _edit_json(action: str, piece, caps, changed: Sequence[str], unchanged: Sequence[str],
               reason: str, hidden_now: int) -> dict[str, Any]:
    return {"action": action, "piece": _piece_json(piece), "matched": len(caps),
            "changed": sorted(changed),
            "unchanged": [{"id": cid, "reason": reason} for cid in unchanged],
            "hidden": hidden_now}


def run_move(args: argparse.Namespace, ctx) -> int:
    from coulisses.cli import UsageError

    piece = ctx.journal.find_piece(args.piece)
    target = ctx.journal.find_piece(args.to)  # an unknown piece: exit 1 before any work
    if target.id == piece.id:
        raise UsageError(tr("--to names {piece!r}, where these stills already are; name "
                            "another piece", piece=piece.name))
    piece, _snap, caps = _chosen(args, ctx, piece)
    result = _move_with_progress(ctx, piece, caps, target)
    if result is None:
        return 130
    mapping = result.mapping
    left = list(result.left)
    why = dict(result.why)
    if args.json:
        ctx.say(json.dumps({
            "action": "move", "piece": _piece_json(piece), "to": _piece_json(target),
            "matched": len(caps), "moved": mapping,
            "moments": [{"id": m.id, "kind": m.kind, "capture": m.capture}
                        for m in result.moments],
            "unchanged": [{"id": cid, "reason": STAYED, "why": why.get(cid, "")}
                          for cid in left],
            "cover_cleared": result.cover,
            "spans_cut": [{"moment": mid, "span_to_before": end} for mid, end in result.spans],
        }, ensure_ascii=False))
    else:
        ctx.say(tr("Moved {stills} from {piece!r} to {to!r}.", stills=_stills(len(mapping)),
                   piece=piece.name, to=target.name))
        ctx.say(tr("Moments that went with them: {n}.", n=len(result.moments)))
        renamed = sum(1 for old, new in mapping.items() if old != new)
        if renamed:
            ctx.say(tr("Renamed because {to!r} already had a still at the same instant: {n} "
                       "(`--json` maps old ids to new ones).", to=target.name, n=renamed))
        if result.cover:
            ctx.say(tr("The cover of {piece!r} went with them; its cover is chosen "
                       "automatically again.", piece=piece.name))
        if result.spans:
            ctx.say(tr("Moments whose span reached the moved stills now end before them: {n}.",
                       n=len(result.spans)))
    if left:
        ctx.warn(tr("Left in {piece!r}: {n}; each stays where it was.", piece=piece.name,
                    n=len(left)))
        for cid in left:
            ctx.warn(tr("{id}: {why}", id=cid, why=why.get(cid, "")))
        return 1
    return 0


def _move_with_progress(ctx, piece, caps, target):
    """``Journal.move_stills`` in a worker thread, progress on stderr; None when a second
    Ctrl-C stopped the process in the middle (the journal finishes the move on its next
    open)."""
    from coulisses.cli import Failure
    from coulisses.jobs import CancelToken, Progress
    from coulisses.journal import JournalError
    from coulisses.termui import StatusLine, ctrl_c_cancels, progress_bar

    ids = [c.id for c in caps]
    outcome: dict[str, Any] = {"done": 0}

    def moved(done: int, _total: int) -> None:
        outcome["done"] = done

    def work() -> None:
        try:
            outcome["result"] = ctx.journal.move_stills(piece.id, ids, target.id,
                                                        progress=moved)
        except BaseException as exc:  # handed to the main thread, which says it
            outcome["error"] = exc

    # A daemon: a second Ctrl-C must be able to end the process mid-move (the
    # journal's intent record finishes it on the next open), as a kill would.
    worker = threading.Thread(target=work, name="coulisses-move", daemon=True)
    token = CancelToken()
    status = StatusLine(ctx.err)
    label = tr("Moving to {piece!r}", piece=target.name)
    started = time.monotonic()
    told = False
    try:
        with ctrl_c_cancels(token):
            worker.start()
            while worker.is_alive():
                worker.join(0.1)
                if token.cancelled and not told:
                    told = True
                    status.done()
                    ctx.warn(tr("A move is all or nothing: it finishes first (Ctrl-C again "
                                "stops at once, and the next command finishes it)."))
                if status.tty or time.monotonic() - started > LOG_AFTER:
                    status.show(progress_bar(Progress(outcome["done"], len(ids),
                                                      started=started), label))
    except KeyboardInterrupt:
        status.done()
        ctx.warn(tr("Stopped in the middle of the move; no still is lost: the next "
                    "`coulisses` command, or the app, finishes it."))
        return None
    status.done()
    error = outcome.get("error")
    if isinstance(error, JournalError | OSError):
        raise error
    if error is not None:
        raise Failure(tr("The stills could not be moved: {error}", error=error)) from error
    return outcome["result"]


__all__ = ["ACTIONS", "RefError", "register", "resolve", "resolve_one", "select"]
