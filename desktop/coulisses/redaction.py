"""Keeping stream passwords out of sight.

Phone IP-camera apps put credentials in the URL (``rtsp://user:pass@host``) or
in its query (``?user=admin&pwd=…``, ``?access_token=…``). Every message, log
line, state field and journal gap reason about a source goes through
:func:`redact` first; :func:`install_log_redaction` does it for every log record.

Passwords are typed by hand, so they break the rules: a raw ``@``, ``/`` or
``#`` inside one must not leave its tail in sight. When in doubt, too much is
hidden (a path after a ``:`` with an ``@`` in it) rather than a password shown.
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any

MASK = "***"

_SCHEME = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://")
_SPACE = re.compile(r"\s")
# A user name as typed before the ":" (RFC 3986 unreserved, %XX and most sub-delims).
_USER = re.compile(r"[A-Za-z0-9._~%!$*+;=\-]*:")
_HOST = r"(?:\[[0-9A-Za-z:.%]+\]|[A-Za-z0-9._~%\-]+)"
# What may follow "host[:port]": the path, the query, the end, or the sentence around it.
_AFTER_HOST = r"(?=[/?#'\",;)\]}>]|\s|$)"
_HOST_THEN_END = re.compile(_HOST + r"(?::\d{0,5})?" + _AFTER_HOST)
# "admin:pass@192.168.1.20:8080/video" typed without its scheme: only with a port
# after the host (every phone app shows one), so "IMG@2x.jpg" or an e-mail stays as it is.
_BARE_USERINFO = re.compile(
    r"(?<![^\s'\"(<\[{,=])(?P<user>[A-Za-z0-9._~%!$*+\-]+):(?!//)[^\s\\]*?@"
    r"(?=" + _HOST + r":\d{1,5}" + _AFTER_HOST + ")")
# Query or form parameters whose value is a secret: password, pwd, pass, token,
# access_token, key, apikey, api_key, secret, auth, sig… at the end of the name.
_QUERY = re.compile(
    r"(?P<key>(?:^|(?<=[?&;#\s'\"(,]))-{0,2}[A-Za-z0-9_.\-]*?"
    r"(?:pass(?:word|wd|phrase)?|pwd|secret|token|key|auth(?:orization)?|sig(?:nature)?"
    r"|credential)s?=)[^&\s#'\"]*",
    re.IGNORECASE)


def redact(text: str) -> str:
    """``text`` with every URL password (and password-like query value) masked."""
    if not text:
        return text
    text = _mask_userinfo(text)
    text = _BARE_USERINFO.sub(lambda m: f"{m['user']}:{MASK}@", text)
    return _QUERY.sub(lambda m: f"{m['key']}{MASK}", text)


def has_secret(text: str) -> bool:
    return redact(text) != text


def _mask_userinfo(text: str) -> str:
    """``scheme://user:password@host`` → ``scheme://user:***@host`` for every URL in ``text``."""
    out: list[str] = []
    pos = 0
    for match in _SCHEME.finditer(text):
        start = match.end()
        if start < pos:  # a "scheme://" inside a password already masked
            continue
        space = _SPACE.search(text, start)
        rest = text[start:space.start() if space else len(text)]
        at = _userinfo_end(rest)
        if at < 0:
            continue
        user, colon, _ = rest[:at].partition(":")
        if not colon:  # a user name alone is not a secret
            continue
        out.append(text[pos:start])
        out.append(f"{user}:{MASK}")
        pos = start + at
    out.append(text[pos:])
    return "".join(out)


def _userinfo_end(rest: str) -> int:
    """Where the userinfo of ``rest`` (a URL after its ``scheme://``) ends: its ``@``, or -1."""
    end = len(rest)
    for sep in "/?#":
        found = rest.find(sep)
        if 0 <= found < end:
            end = found
    # As FFmpeg reads it: the last "@" before the path, so "p@ss@word" is all password.
    at = rest.rfind("@", 0, end)
    if at >= 0:
        return at
    # A "/", "?" or "#" typed inside the password: "user:" then an "@" followed by a
    # host, with no query ("=", "&") in between ("?user=me@mail.com" is no password).
    user = _USER.match(rest)
    if user is None or "=" in user.group() or ";" in user.group():
        return -1
    best = -1
    at = rest.find("@", user.end())
    while at >= 0:
        between = rest[user.end():at]
        if "=" in between or "&" in between:
            break
        if _HOST_THEN_END.match(rest, at + 1):
            best = at
        at = rest.find("@", at + 1)
    return best


# ------------------------------------------------------------------ logging
def _redact_record(record: logging.LogRecord) -> logging.LogRecord:
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string: logging reports it as usual
        return record
    clean = redact(message)
    if clean != message:
        record.msg, record.args = clean, None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        # Formatted now, as Formatter.formatException would, so no handler shows the raw one.
        text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        record.exc_text = redact(text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    return record


def install_log_redaction() -> None:
    """From now on every log record, traceback included, is redacted (idempotent).

    A record factory rather than a handler filter: it covers every handler,
    the ones added later and logging's last-resort one included.
    """
    previous = logging.getLogRecordFactory()
    if getattr(previous, "coulisses_redacts", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return _redact_record(previous(*args, **kwargs))

    factory.coulisses_redacts = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
