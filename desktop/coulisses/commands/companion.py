"""``coulisses companion [PIECE] [--host ADDRESS] [--port N]``: the phone page, from a
terminal (a bench Raspberry Pi too), until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Callable

from coulisses.i18n import tr

DEFAULT_PORT = 8470  # fixed, so a phone's saved page still finds it next time


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("companion", help=tr("serve the phone page on the local network; "
                                            "prints its pairing URL"))
    p.add_argument("piece", metavar="PIECE", nargs="?",
                   help=tr("piece id or name (default: the one worked on last)"))
    p.add_argument("--host", metavar="ADDRESS", help=tr(
        "local-network address to listen on and print (default: this computer's)"))
    p.add_argument("--port", metavar="N", type=int, default=DEFAULT_PORT,
                   help=tr("port to listen on (default: {port})", port=DEFAULT_PORT))
    p.set_defaults(run=run)


def _piece_id(ctx, ref: str | None) -> str:
    from coulisses.cli import Failure

    if ref:
        return ctx.journal.find_piece(ref).id
    pieces = ctx.journal.pieces()
    if not pieces:
        raise Failure(tr("There is no piece yet: make one with `coulisses piece new NAME`."))
    return max(pieces, key=lambda p: ctx.journal.last_activity(p.id)).id


def print_pairing(ctx, url: str) -> None:
    """The pairing URL on a line of its own, then the same as a QR code in text."""
    import segno

    ctx.say(tr("Scan this code with the phone's camera, or open this address on it:"))
    ctx.say(url)
    segno.make(url, error="m").terminal(out=ctx.out, compact=True)
    ctx.out.flush()


def run(args: argparse.Namespace, ctx) -> int:
    from coulisses.cli import Failure, UsageError
    from coulisses.companion.host import HeadlessHost, ResultWatcher
    from coulisses.companion.network import default_host
    from coulisses.companion.pairing import CODE_SECONDS, Pairing
    from coulisses.companion.server import CompanionError, CompanionServer
    from coulisses.preferences import load_preferences

    if not 0 <= args.port <= 65535:
        raise UsageError(tr("the port must be a number from 0 to 65535"))
    piece_id = _piece_id(ctx, args.piece)
    host = HeadlessHost(ctx.journal, piece_id)
    server = CompanionServer(host, Pairing(), args.host or default_host(), args.port)
    try:
        server.start()
    except CompanionError as exc:
        raise Failure(str(exc)) from None
    watcher = ResultWatcher(host, lambda: load_preferences()[0].auto_reel)
    watcher.start()
    restore = _stop_on_signals()
    try:
        ctx.say(tr("The phone companion of {piece} is open at {address} (plain HTTP on "
                   "your local network).", piece=ctx.journal.piece(piece_id).name,
                   address=server.base_url))
        print_pairing(ctx, server.pairing_url())
        ctx.say(tr("The code works once, within {minutes} minutes. Press Enter for a new "
                   "one, Ctrl-C to stop.", minutes=CODE_SECONDS // 60))
        _serve_until_interrupted(ctx, server)
    except KeyboardInterrupt:
        pass
    finally:
        restore()
        watcher.stop()
        server.stop()
    ctx.say(tr("The phone companion is closed."))
    return 0


def _stop_on_signals() -> Callable[[], None]:
    """Ctrl-C and SIGTERM (systemd, ``kill``) both close the companion cleanly, even
    when it was started with SIGINT ignored (``cmd &`` in a script leaves it so, and
    Python then never raises KeyboardInterrupt). Returns what puts the old ones back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None  # signals reach the main thread only: nothing to set here

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, stop)

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
    return restore


def _serve_until_interrupted(ctx, server) -> None:
    """Enter prints a new pairing code; Ctrl-C (KeyboardInterrupt) ends."""
    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        for _line in stdin:
            print_pairing(ctx, server.pairing_url())
    # No terminal to read (a service): until a signal. In short sleeps, not one: Linux may
    # hand SIGINT to another thread (the server's), and Python raises KeyboardInterrupt
    # only when the main thread runs again; a lock wait never wakes up for it.
    while True:
        time.sleep(0.2)
