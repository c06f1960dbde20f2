"""``coulisses identity [--name NAME] [--json]``: the name reels are signed with, the
fingerprint to publish, and where this computer keeps the keys.

The identity is made if there is none yet, and keys an older version kept in the
journal are moved out first (as an export would). ``--name`` signs from now on
under a new name, with the same fingerprint. Needs no journal.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from coulisses.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("identity", help=tr("the name your reels are signed with, the "
                                           "fingerprint to publish, where the keys are"))
    p.add_argument("--name", metavar="NAME", help=tr(
        "sign from now on as NAME (your name or your studio's); the fingerprint stays "
        "the same"))
    p.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace, ctx) -> int:
    from coulisses.cli import Failure, UsageError
    from coulisses.credentials.identity import CredentialsError, load_identity, set_maker_name

    journal = _journal_folder(args)
    try:
        if args.name is not None:
            identity = set_maker_name(args.name, journal=journal)
        else:
            identity = load_identity(journal=journal)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except CredentialsError as exc:
        raise Failure(str(exc)) from None
    for notice in identity.notices:
        ctx.warn(notice)
    if args.json:
        ctx.say(json.dumps({"name": identity.maker, "named": identity.named,
                            "fingerprint": identity.fingerprint,
                            "folder": str(identity.folder),
                            "root_certificate": str(identity.root_path),
                            "notices": list(identity.notices)},
                           ensure_ascii=False, indent=2))
        return 0
    ctx.say(tr("Signed as: {name}", name=identity.maker))
    ctx.say(tr("Fingerprint to publish: {fingerprint}", fingerprint=identity.fingerprint))
    ctx.say(tr("Keys (private, back them up): {folder}", folder=identity.folder))
    ctx.say(tr("Root certificate (for verify --trust): {path}", path=identity.root_path))
    return 0


def _journal_folder(args: argparse.Namespace) -> Path | None:
    """The journal whose old keys are moved out first; None when there is none yet (this
    command never makes a journal) or its folder is not there."""
    from coulisses.journal import JournalError
    from coulisses.journal.layout import is_journal_root
    from coulisses.preferences import journal_home, load_preferences

    try:
        home = journal_home(lambda: load_preferences()[0], args.home)
    except (JournalError, OSError):
        return None
    return home if is_journal_root(home) else None
