"""Keeping stream passwords out of sight.

Phone IP-camera apps put credentials in the URL (``rtsp://user:pass@host``) or
in its query (``?user=admin&pwd=…``). Every message, log line, state field and
journal gap reason about a source goes through :func:`redact` first.
"""

from __future__ import annotations

import re

_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<user>[^\s/@:]*):[^\s/@]*@")
_QUERY = re.compile(
    r"(?P<key>[?&;](?:password|passwd|pass|pwd|secret|token|key|auth|sig|signature)=)[^&\s#]*",
    re.IGNORECASE)
MASK = "***"


def redact(text: str) -> str:
    """``text`` with every URL password (and password-like query value) masked."""
    if not text:
        return text
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", text)
    return _QUERY.sub(lambda m: f"{m['key']}{MASK}", text)


def has_secret(text: str) -> bool:
    return redact(text) != text
