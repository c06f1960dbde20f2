"""argparse's own words ("usage:", "options", "invalid choice…") in the maker's language.

argparse asks ``gettext`` for them through its module-level ``_`` and
``ngettext``; pointing those at our Qt catalogue (context "argparse") puts
the CLI's help and errors in one language instead of a French help under an
English "usage:". Only the words a maker can meet are listed; the rest
(errors in how a parser is declared) stay argparse's English.
"""

from __future__ import annotations

import argparse

from coulisses.i18n import QT_TRANSLATE_NOOP, language, translate

CONTEXT = "argparse"
MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
)
_KNOWN = frozenset(MESSAGES)


def gettext(message: str) -> str:
    if message not in _KNOWN or language() == "en":
        return message
    return translate(CONTEXT, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    # French takes the singular for 0 and 1, English for 1 only.
    one = n in (0, 1) if language() == "fr" else n == 1
    return gettext(singular if one else plural)


def install() -> None:
    """Make argparse ask us for its words (idempotent; the language is read at each call)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
