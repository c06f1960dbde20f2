"""Content Credentials (C2PA): every export proves it was captured at the bench.

``identity`` keeps the maker's key and certificates in her private folder (never in
the journal: ``legacy`` moves out keys an older version kept there; ``names`` says
where, and which name reels are signed with), ``process`` turns the frozen piece
into the signed process log, ``signing`` signs an export's files offline, ``verify``
reads them back. No Qt here.

The names below are loaded on first use: importing a submodule (the welcome page
asks ``names`` at start-up) must not load c2pa and the cryptography (~0.5 s).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coulisses.credentials.identity import CredentialsError, Identity, load_identity
    from coulisses.credentials.signing import Signed, sign_export
    from coulisses.credentials.verify import (
        CHANGED,
        INVALID,
        UNSIGNED,
        VALID,
        Verdict,
        verify_file,
    )

_WHERE = {"CredentialsError": "identity", "Identity": "identity", "load_identity": "identity",
          "Signed": "signing", "sign_export": "signing", "CHANGED": "verify",
          "INVALID": "verify", "UNSIGNED": "verify", "VALID": "verify", "Verdict": "verify",
          "verify_file": "verify"}

__all__ = ["CHANGED", "INVALID", "UNSIGNED", "VALID", "CredentialsError", "Identity", "Signed",
           "Verdict", "load_identity", "sign_export", "verify_file"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
