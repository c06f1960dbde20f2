"""The READMEs cannot drift from the app: their commands parse, their quoted messages exist.

Every ``coulisses …`` command line shown in README.md, README.fr.md (code blocks and
inline code) and the example systemd unit is given to the real CLI parser; the
durations it checks only when the command runs (``--every 2min``) are checked too. The
app messages the troubleshooting sections quote (Markdown blockquotes) must be ones the
code says: English ones among the package's strings, French ones among the translations.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from coulisses.cli import COMMAND_OF, UsageError, build_parser

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
README_FR = ROOT / "README.fr.md"
UNIT = ROOT / "packaging" / "systemd" / "coulisses-capture.service"

_PROGRAMS = {"coulisses", "coulisses-gui", "coulisses.exe", "coulisses-gui.exe"}
_ENV = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_CRON_FIELD = re.compile(r"^(@[a-z]+|[0-9*/,\-]+)$")
_SHELL_OPS = {"&&", "||", ";", "|", "&"}
_DURATIONS = ("every", "settle", "session_gap")  # options parsed only when the command runs


# ------------------------------------------------------------------ extraction
def _code_lines(text: str) -> list[str]:
    """Lines of fenced and indented code blocks, and inline code spans."""
    lines: list[str] = []
    fence: str | None = None
    for raw in text.splitlines():
        stripped = raw.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            else:
                lines.append(stripped)
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        if raw.startswith("    ") and stripped and not stripped.startswith(("-", "*", "|")):
            lines.append(stripped)  # an indented code block (or a list item's text: no harm)
        lines.extend(span for span in re.findall(r"`([^`]+)`", raw))
    return lines


def _tokens(line: str) -> list[str]:
    if "\\" in line:  # Windows paths: .venv\Scripts\coulisses
        line = line.replace("\\", "/")
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        return list(lexer)
    except ValueError:  # an unbalanced quote: not a command line
        return []


def _is_program(token: str) -> bool:
    return token.rsplit("/", 1)[-1] in _PROGRAMS


def commands_in(line: str) -> list[list[str]]:
    """The argument lists given to ``coulisses`` on one shell (or cron, or unit) line."""
    if line.startswith("ExecStart="):
        line = line[len("ExecStart="):]
    out: list[list[str]] = []
    segment: list[str] = []
    for token in [*_tokens(line), ";"]:
        if token in _SHELL_OPS:
            args = _command_args(segment)
            if args is not None:
                out.append(args)
            segment = []
        else:
            segment.append(token)
    return out


def _command_args(segment: list[str]) -> list[str] | None:
    words = list(segment)
    while words and (_ENV.match(words[0]) or _CRON_FIELD.match(words[0])):
        words.pop(0)  # FOO=bar before a command, cron's five time fields
    if not words or not _is_program(words[0]):
        return None
    args = []
    for i, word in enumerate(words[1:], start=1):
        if word[0] in "<>" or (word.isdigit() and i + 1 < len(words) and
                               words[i + 1][0] in "<>"):
            break  # a redirection: >> log 2>&1
        args.append(word)
    return args


def doc_commands(path: Path) -> list[tuple[str, list[str]]]:
    text = path.read_text("utf-8")
    found = []
    for line in _code_lines(text):
        found.extend((line, args) for args in commands_in(line))
    return found


def unit_commands() -> list[tuple[str, list[str]]]:
    found = []
    for line in UNIT.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        found.extend((line, args) for args in commands_in(line))
    return found


# ------------------------------------------------------------------ checking
def problem_with(args: list[str]) -> str | None:
    """Why the real parser refuses ``coulisses ARGS`` (None when it accepts them)."""
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            ns = parser.parse_args(args)
    except UsageError as exc:
        return str(exc)
    except SystemExit as exc:  # --help, --version
        return None if exc.code in (0, None) else f"exit {exc.code}"
    from coulisses.units import parse_duration

    checks = [name for name in _DURATIONS if isinstance(getattr(ns, name, None), str)]
    if ns.command == "capture" and isinstance(ns.duration, str):
        checks.append("duration")  # capture --for
    for name in checks:
        try:
            parse_duration(getattr(ns, name))
        except ValueError as exc:
            return f"--{'for' if name == 'duration' else name}: {exc}"
    return None


def _all_commands() -> list[tuple[str, str, list[str]]]:
    return [(path.name, line, args) for path in (README, README_FR)
            for line, args in doc_commands(path)] + \
        [(UNIT.name, line, args) for line, args in unit_commands()]


def test_the_extraction_finds_commands_and_only_commands() -> None:
    # The rules above, on lines of each kind the READMEs use; a broken rule would let
    # every check below pass on nothing.
    assert commands_in('coulisses piece new "Vase bleu #3"   # prints its id') == \
        [["piece", "new", "Vase bleu #3"]]
    assert commands_in("python3 -m venv .venv && .venv/bin/pip install . && "
                       ".venv/bin/coulisses") == [[]]
    assert commands_in(r"py -m venv .venv; .venv\Scripts\pip install .; "
                       r".venv\Scripts\coulisses") == [[]]
    assert commands_in("0 8 * * 1-5 /home/maker/coulisses/.venv/bin/coulisses capture p "
                       "--source 0 --for 9h >> /home/maker/log 2>&1") == \
        [["capture", "p", "--source", "0", "--for", "9h"]]
    assert commands_in("ExecStart=/opt/c/.venv/bin/coulisses snap p --source 0") == \
        [["snap", "p", "--source", "0"]]
    assert commands_in("rsync -a ~/.local/share/coulisses/ /media/backup/coulisses/") == []
    assert commands_in("journalctl -u coulisses-capture -f") == []
    assert problem_with(["capture", "p", "--source", "0", "--every", "2min"])
    assert problem_with(["capture", "p", "--sauce", "0"])
    assert problem_with(["export", "p"])  # --out is required
    assert problem_with(["piece", "list"]) is None


def test_every_command_line_shown_parses_with_the_real_cli() -> None:
    commands = _all_commands()
    assert len([c for c in commands if c[0] == README.name]) >= 20
    assert [c for c in commands if c[0] == UNIT.name], "the unit's ExecStart was not read"
    wrong = [f"{name}: `{line}`: {reason}" for name, line, args in commands
             if (reason := problem_with(args)) is not None]
    assert not wrong, "\n".join(wrong)


def test_the_readme_shows_every_command() -> None:
    shown = set()
    for _line, args in doc_commands(README):
        with contextlib.suppress(UsageError, SystemExit), \
                contextlib.redirect_stdout(io.StringIO()):
            shown.add(build_parser().parse_args(args).command)
    missing = sorted(set(COMMAND_OF) - shown)
    assert not missing, f"README.md shows no example of: {', '.join(missing)}"


def test_the_two_setup_lines_are_the_ones_ci_runs() -> None:
    text = README.read_text("utf-8")
    assert ("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/coulisses"
            in text)
    test_line = ("python3 -m venv .venv && .venv/bin/pip install '.[test]' && "
                 ".venv/bin/python -m pytest")
    assert test_line in text
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    # CI runs it with its own Python ($PY) and a quiet pip: otherwise the same line.
    assert test_line.replace("python3 ", "$PY ").replace("pip install ", "pip install -q ") \
        in ci


def test_the_example_piece_id_is_the_one_piece_new_prints(journal) -> None:
    text = README.read_text("utf-8")
    claims = re.findall(r'piece new "([^"]+)".*?its id on the last line: ([a-z0-9-]+)', text)
    assert claims
    for name, piece_id in claims:
        assert journal.create_piece(name).id == piece_id


# ------------------------------------------------------------------ messages
def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def _as_pattern(message: str) -> re.Pattern[str]:
    """A message with its {placeholders} (or Qt's %n) standing for any text."""
    parts = re.split(r"\{[a-z_]*(?:![rs])?(?::[^}]*)?\}|%n", _normalise(message))
    return re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL)


def quoted_messages(path: Path) -> list[str]:
    quotes, current = [], []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if line.startswith(">"):
            current.append(line.lstrip("> ").strip())
        elif current:
            quotes.append(" ".join(current))
            current = []
    return quotes


def english_messages() -> list[str]:
    import coulisses

    found = []
    for source in Path(coulisses.__file__).parent.rglob("*.py"):
        tree = ast.parse(source.read_text("utf-8"))
        found.extend(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)
                     and len(node.value) > 20)
    return found


def french_messages() -> list[str]:
    from coulisses.resources import asset

    ts = asset("translations", "coulisses_fr.ts")
    root = ET.fromstring(ts.read_text("utf-8"))
    return ["".join(el.itertext()) for el in root.iter()
            if el.tag in ("translation", "numerusform") and el.text]


def _literal_length(message: str) -> int:
    return len(re.sub(r"\{[^}]*\}|%n", "", _normalise(message)))


def _unknown(quotes: list[str], messages: list[str]) -> list[str]:
    """The quotes that are none of ``messages``, whose placeholders match any text.

    A message must also account for most of a quote by its own words: "{reason}" alone
    (or "{what} ({path})") would match anything.
    """
    patterns = [(_as_pattern(m), _literal_length(m)) for m in messages]
    return [q for q in quotes
            if not any(2 * length >= len(_normalise(q)) and p.fullmatch(_normalise(q))
                       for p, length in patterns)]


def test_quoted_messages_are_ones_the_app_says() -> None:
    quotes = quoted_messages(README)
    assert len(quotes) >= 5
    unknown = _unknown(quotes, english_messages())
    assert not unknown, "README.md quotes messages the app never says:\n" + "\n".join(unknown)
    assert _unknown(["Camera 0 cannot be opened: unplug it and dance."], english_messages())
    assert _unknown(["Camera 0 cannot be opened: check that it is plugged in."],
                    english_messages())


def test_french_quoted_messages_are_the_apps_translations() -> None:
    quotes = quoted_messages(README_FR)
    assert len(quotes) >= 5
    unknown = _unknown(quotes, french_messages())
    assert not unknown, ("README.fr.md quotes messages the app never says in French:\n"
                         + "\n".join(unknown))
    assert _unknown(["Impossible d’ouvrir la caméra 0 : vérifiez qu’elle est branchée."],
                    french_messages())


# ------------------------------------------------------------------ systemd unit
def test_the_systemd_example_is_a_valid_unit(tmp_path: Path) -> None:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed")
    from tests.installed import script

    program = str(script())
    text = UNIT.read_text("utf-8")
    assert "/home/maker/coulisses/.venv/bin/coulisses" in text
    # verify checks that ExecStart's program exists: point it at the installed one.
    copy = tmp_path / UNIT.name
    copy.write_text(text.replace("/home/maker/coulisses/.venv/bin/coulisses", program), "utf-8")
    done = subprocess.run([tool, "verify", str(copy)], capture_output=True, text=True,
                          timeout=60)
    remarks = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert done.returncode == 0 and not remarks, "\n".join(remarks)
    assert "KillSignal=SIGINT" in text  # a stop is a Ctrl-C: the capture ends cleanly
