"""``coulisses verify FILE [--trust ROOT.pem] [--json]``: read a file's Content Credentials.

Exit 0: valid and unchanged (an untrusted signer is said, not failed); 1: changed,
invalid, absent or unreadable (one sentence on stderr); 2: usage error. Needs no
journal. ``--json`` prints the process log as Coulisses publishes it today: the still
ids an older manifest carries (which may hold a photo's file name) are left out.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from coulisses.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help=tr("check a file's Content Credentials: who signed, "
                                         "the process, whether it changed"))
    p.add_argument("file", metavar="FILE", help=tr("an exported MP4 or JPEG"))
    p.add_argument("--trust", metavar="ROOT.pem",
                   help=tr("the maker's root certificate, to check who signed"))
    p.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace, ctx) -> int:
    from coulisses.cli import Failure
    from coulisses.credentials.describe import details, headline, public_process
    from coulisses.credentials.verify import VALID, TrustFileError, verify_file
    from coulisses.os_errors import describe_os_error

    path = Path(args.file)
    if not path.is_file():
        raise Failure(tr("{file} is not a file that can be read.", file=path))
    try:
        verdict = verify_file(path, args.trust)
    except TrustFileError as exc:
        raise Failure(str(exc)) from None
    except OSError as exc:
        raise Failure(tr("{file} cannot be read ({problem}).", file=exc.filename or path,
                         problem=describe_os_error(exc))) from None
    if args.json:
        ctx.say(json.dumps({"status": verdict.status, "trusted": verdict.trusted,
                            "signer": verdict.signer, "failures": list(verdict.failures),
                            "process": public_process(verdict.process)},
                           ensure_ascii=False, indent=2))
    else:
        for line in details(verdict):
            ctx.say(line)
    if verdict.status == VALID:
        if not args.json:  # the JSON is the whole of stdout: its "status" says it
            ctx.say(headline(verdict, path.name))
        return 0
    ctx.warn(headline(verdict, path.name))
    return 1
