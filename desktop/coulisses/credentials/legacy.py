"""Keys an older Coulisses kept in the journal (``<journal>/credentials/``), moved out once.

Moved, not copied: every file is written whole into this computer's identity
folder, then removed from the journal, so no key is left where the journal is
synced and backed up. What becomes of them depends on what this computer has:

* no identity yet: they become it (the fingerprint the maker published is kept);
* the same identity (the same root key; a synced copy, or a move cut short): the
  journal's copy is removed, old roots and set-aside files kept if new;
* another identity (a second journal with its own keys, a journal someone copied
  to you): they are kept in ``others/<fingerprint>/`` of the identity folder and
  never used; this computer keeps signing with its own keys.

So with two journals that each hold keys, the first one exported from on this
computer gives the identity, and the other's keys are kept aside. A crash at any
point loses nothing: the journal's files are removed only once all are written,
and the root key is written last, so a half-made copy is not taken for an identity.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from coulisses.atomicio import fsync_dir, make_dirs
from coulisses.credentials.certificates import fingerprint
from coulisses.credentials.identity import (
    ROOT_CERT,
    ROOT_KEY,
    SET_ASIDE,
    CredentialsError,
    DamagedFile,
    read_cert,
    read_key,
    write_pem,
)
from coulisses.credentials.names import legacy_folder
from coulisses.i18n import tr
from coulisses.os_errors import describe_os_error

OTHERS = "others"


def move_out_of_journal(journal: Path, folder: Path, notices: list[str]) -> None:
    """Move the keys an older version left in ``journal`` to the identity ``folder``.

    Raises ``CredentialsError`` when the identity folder is inside the journal, or
    when the keys cannot be moved (they are then left as they were).
    """
    journal, folder = Path(journal), Path(folder)
    _refuse_inside(folder, journal)
    legacy = legacy_folder(journal)
    try:
        if legacy.is_symlink() or not legacy.is_dir():
            return  # nothing there (a link leads outside the journal: not ours to move)
        files = _files(legacy)
        if not files:
            _remove(legacy, [])
            return
        make_dirs(folder)
        with contextlib.suppress(OSError, NotImplementedError):
            os.chmod(folder, 0o700)
        theirs = _root_key(legacy)
        if not (folder / ROOT_KEY).exists():
            _copy(legacy, folder, files, keep_existing=False)
            _remove(legacy, files)
            notices.append(tr(
                "Your signing keys were moved out of the journal {journal} to {folder}, a "
                "private folder of this computer; your fingerprint is unchanged. If another "
                "computer exports from this journal, copy that folder to it.",
                journal=journal, folder=folder))
        elif theirs is not None and theirs == _root_key(folder):
            _copy(legacy, folder, [f for f in files if len(f.parts) > 1],
                  keep_existing=True)  # old roots and set-aside files, if new
            _remove(legacy, files)
            notices.append(tr(
                "The copy of your signing keys in the journal {journal} was removed: this "
                "computer keeps them in {folder}.", journal=journal, folder=folder))
        else:
            aside = folder / OTHERS / _tag(legacy)
            _copy(legacy, aside, files, keep_existing=False)
            _remove(legacy, files)
            notices.append(tr(
                "The journal {journal} held signing keys other than this computer's; they "
                "were moved to {aside} and are not used: reels made here are signed with "
                "this computer's own keys.", journal=journal, aside=aside))
    except FileNotFoundError:
        return  # another export moved them a moment ago
    except OSError as exc:
        raise CredentialsError(tr(
            "The signing keys in {folder} could not be moved out of the journal ({problem}); "
            "they were left there.", folder=legacy, problem=describe_os_error(exc))) from exc


def _refuse_inside(folder: Path, journal: Path) -> None:
    try:
        inside = folder.resolve().is_relative_to(journal.resolve())
    except (OSError, RuntimeError):  # a loop of links: it cannot be the journal's
        return
    if inside:
        raise CredentialsError(tr(
            "The folder of your signing keys, {folder}, is inside the journal folder "
            "{journal}, which is synced and backed up with everything in it; choose another "
            "journal folder in Preferences.", folder=folder, journal=journal))


def _files(legacy: Path) -> list[Path]:
    """Regular files under ``legacy`` (relative), links neither followed nor taken."""
    found: list[Path] = []
    for top, dirs, names in os.walk(legacy, followlinks=False):
        dirs[:] = [d for d in dirs if not (Path(top) / d).is_symlink()]
        for name in names:
            path = Path(top) / name
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(legacy))
    return found


def _root_key(folder: Path) -> tuple[int, int] | None:
    """The root's public point, to tell identities apart; None if unreadable."""
    try:
        key = read_key(folder / ROOT_KEY)
    except (FileNotFoundError, DamagedFile):
        return None
    numbers = key.public_key().public_numbers()
    return numbers.x, numbers.y


def _tag(legacy: Path) -> str:
    """A folder name for another identity: its fingerprint, else the time it was moved."""
    with contextlib.suppress(OSError, DamagedFile):
        return fingerprint(read_cert(legacy / ROOT_CERT)).replace(":", "")[:16].lower()
    return datetime.now(UTC).strftime("moved-%Y%m%dT%H%M%S")


def _copy(src: Path, dst: Path, files: list[Path], *, keep_existing: bool) -> None:
    # The root key last: until it is there, the copy is not an identity.
    for rel in sorted(files, key=lambda f: f == Path(ROOT_KEY)):
        target = dst / rel
        if keep_existing and target.exists():
            continue
        private = "key" in rel.name or rel.parts[0] == SET_ASIDE
        write_pem(target, (src / rel).read_bytes(), private=private)


def _remove(legacy: Path, files: list[Path]) -> None:
    for rel in files:
        (legacy / rel).unlink(missing_ok=True)
    for top, _dirs, _names in sorted(os.walk(legacy, followlinks=False), reverse=True):
        with contextlib.suppress(OSError):  # something we do not know stays, with its folder
            Path(top).rmdir()
    with contextlib.suppress(OSError):
        fsync_dir(legacy.parent)
