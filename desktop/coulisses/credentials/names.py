"""The name reels are signed with, and where this computer keeps the identity: what a
window asks before anything is signed, without loading the cryptography (the welcome
page asks at start-up; ``identity`` does the signing side).

The name is the "Signed as" preference when the maker gave one, else the one the
identity already carries; a new identity with neither says ``NEUTRAL_NAME``, never
the computer's login name. ``identity_folder()`` is ``identity/`` in the user config
folder (``~/.config/coulisses/identity`` on Linux), or a ``coulisses-identity``
folder beside it where that config folder is also the default journal (macOS,
Windows); ``$COULISSES_CONFIG/identity`` when that is set. Never in a journal.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import unicodedata
from pathlib import Path

from coulisses import APP_ID
from coulisses.i18n import tr

FOLDER = "identity"  # in the config folder
LEGACY = "credentials"  # where older versions kept it: in the journal
ROOT_CERT, SIGNING_CERT = "root.pem", "signing.pem"
# What a reel says until the maker gives a name: never her login name ("root").
NEUTRAL_NAME = "Coulisses maker"
MAX_NAME = 64  # a certificate's common name holds 64 characters


def identity_folder() -> Path:
    """This computer's identity folder (see above); not made here."""
    from coulisses.preferences import ENV_CONFIG

    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser() / FOLDER
    from platformdirs import user_config_path, user_data_path

    config = user_config_path(APP_ID, appauthor=False)
    if config == user_data_path(APP_ID, appauthor=False):
        # macOS and Windows: that folder is also the default journal.
        return config.with_name(f"{APP_ID}-identity")
    return config / FOLDER


def legacy_folder(journal: Path) -> Path:
    """Where an older version kept the keys, inside the journal (moved out by ``legacy``)."""
    return Path(journal) / LEGACY


def clean_name(name: str) -> str:
    """``name`` as a certificate can carry it; ValueError (one sentence) if it cannot."""
    text = "".join(c for c in " ".join(str(name).split())
                   if not unicodedata.category(c).startswith("C"))
    if not text:
        raise ValueError(tr("Give the name your reels are signed with: your name or your "
                            "studio's, e.g. Atelier Terre et Bois."))
    if len(text) > MAX_NAME:
        raise ValueError(tr("The name your reels are signed with can be at most {n} "
                            "characters long; shorten it.", n=MAX_NAME))
    return text


def unchosen(name: str) -> bool:
    """A name nobody chose: the neutral one, or this computer's login name."""
    if name == NEUTRAL_NAME:
        return True
    login = ""
    with contextlib.suppress(Exception):  # no user name at all (a container, odd Windows)
        login = getpass.getuser()
    return bool(login) and name == login


def preferred_name() -> str | None:
    """The "Signed as" preference, or None when it was never given."""
    from coulisses.preferences import load_preferences

    with contextlib.suppress(Exception):  # a damaged preferences file is reported elsewhere
        name = load_preferences()[0].maker_name.strip()
        if name:
            return clean_name(name[:MAX_NAME])
    return None


def peek_name(folder: Path | None = None, journal: Path | None = None) -> str | None:
    """The name the identity signs with, read without making or moving anything: this
    computer's, else the one an older version left in ``journal``; None if there is none."""
    places = [Path(folder) if folder is not None else identity_folder()]
    if journal is not None:
        places.append(legacy_folder(journal))
    for place in places:
        for name in (SIGNING_CERT, ROOT_CERT):
            path = place / name
            with contextlib.suppress(OSError):
                if not path.is_file():
                    continue  # a first run reads nothing, and loads no cryptography
                from coulisses.credentials.certificates import common_name
                from coulisses.credentials.identity import DamagedFile, read_cert

                with contextlib.suppress(DamagedFile):
                    return common_name(read_cert(path)) or None
    return None


def needs_name(journal: Path | None = None) -> bool:
    """True until the maker gives the name her reels are signed with (the windows ask)."""
    if preferred_name():
        return False
    name = peek_name(journal=journal)
    return name is None or unchosen(name)


def current_name(journal: Path | None = None) -> str:
    """The name to show in a "Signed as" field: the preference, else the identity's own
    when someone chose it; "" otherwise (the field then shows its example)."""
    name = preferred_name() or peek_name(journal=journal) or ""
    return "" if unchosen(name) else name
