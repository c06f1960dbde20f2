"""``coulisses``: the desktop app with no command, headless jobs with one.

Subcommands live in ``coulisses.commands.*``; each module has ``register``
(adds its argparse parser) and a ``run(args, ctx)`` bound as the parser's
default. Nothing here imports Qt: only opening the app does.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from coulisses import __version__, argparse_text
from coulisses.i18n import tr
from coulisses.journal import Journal, JournalError

if TYPE_CHECKING:
    from coulisses.preferences import Preferences

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

COMMAND_MODULES = (
    "pieces", "capture", "import_photos", "stills", "mark", "timeline", "suggestions", "export",
    "demo", "moment", "verify", "identity", "companion",
)
# Which module registers each command: a command line imports only its own module
# (importing all of them loads OpenCV, the importer and the exporter, ~0.5 s of a
# `timeline` that should take well under a second). --help and errors load all.
COMMAND_OF = {
    "piece": "pieces", "capture": "capture", "snap": "capture", "import": "import_photos",
    "mark": "mark", "timeline": "timeline", "suggestions": "suggestions", "export": "export",
    "demo": "demo", "moment": "moment", "verify": "verify", "stills": "stills",
    "identity": "identity", "companion": "companion",
}


class UsageError(Exception):
    """Wrong arguments: exit status 2."""


class Failure(Exception):
    """The job could not be done: exit status 1, message on one line."""


class Context:
    def __init__(self, home: str | None, out: TextIO, err: TextIO) -> None:
        self._home = home
        self._journal: Journal | None = None
        self.out = out
        self.err = err

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            # The same folder the window uses: --home, $COULISSES_HOME, then the one
            # chosen in Preferences, then the default.
            from coulisses.preferences import journal_home

            self._journal = Journal.open(journal_home(self._preferences, self._home))
        return self._journal

    def _preferences(self) -> Preferences:
        """The saved preferences; a damaged file (reading set it aside) is said on stderr."""
        from coulisses.preferences import load_preferences

        prefs, problem = load_preferences()
        if problem:
            self.warn(f"coulisses: {problem}")
        return prefs

    @property
    def home(self) -> Path:
        return self.journal.home

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def warn(self, text: str) -> None:
        self.err.write(text + "\n")
        self.err.flush()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts read stderr too.
        raise UsageError(tr("{message} (see `{prog} --help`)", message=message, prog=self.prog))


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    argparse_text.install()
    parser = _Parser(prog="coulisses", description=tr(
        "Capture your process, failures included, and turn it into an honest reel."))
    parser.add_argument("--home", metavar="DIR", help=tr(
        "journal folder (default: $COULISSES_HOME, else your user data folder)"))
    parser.add_argument("--version", action="version", version=f"coulisses {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help=tr("show debug messages"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in modules:
        importlib.import_module(f"coulisses.commands.{name}").register(sub)
    return parser


def _modules_for(args: Sequence[str]) -> Sequence[str]:
    """Only the module of the command being run, when it is plain which one it is."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--home":
            i += 2
            continue
        if arg.startswith("--home=") or arg in ("-v", "--verbose"):
            i += 1
            continue
        if arg in COMMAND_OF:
            return (COMMAND_OF[arg],)
        break  # --help, --version, a typo: the full parser says what is wrong
    return COMMAND_MODULES


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    if not args_list or args_list[0].startswith("-psn"):  # bare `coulisses` (or macOS Finder)
        from coulisses.ui.app import run_app  # the only path that loads Qt widgets

        return run_app(args_list)
    try:
        parser = build_parser(_modules_for(args_list))
        args = parser.parse_args(args_list)
        if args.command is None:
            if args.home:
                from coulisses.ui.app import run_app

                return run_app(args_list)
            raise UsageError(tr("no command given (see `coulisses --help`)"))
        logging.basicConfig(level=logging.DEBUG if args.verbose else logging.ERROR,
                            format="%(levelname)s %(name)s: %(message)s", stream=err)
        from coulisses.redaction import install_log_redaction

        install_log_redaction()  # a stream's password never reaches the terminal
        ctx = Context(args.home, out, err)
        code = args.run(args, ctx)
        return EXIT_OK if code is None else int(code)
    except UsageError as exc:
        err.write(f"coulisses: {exc}\n")
        return EXIT_USAGE
    except (Failure, JournalError) as exc:
        err.write(f"coulisses: {exc}\n")
        return EXIT_FAILURE
    except BrokenPipeError:
        # `coulisses timeline … | head` closed our output: nothing more to say, and
        # Python must not complain while flushing it at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        from coulisses.os_errors import describe_os_error_at

        err.write(f"coulisses: {describe_os_error_at(exc)}\n")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        err.write("\ncoulisses: " + tr("interrupted") + "\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
