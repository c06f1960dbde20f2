"""Which folder is the journal root."""

from __future__ import annotations

import os
from pathlib import Path

from coulisses import APP_ID
from coulisses.i18n import tr
from coulisses.journal.errors import JournalError

ENV_HOME = "COULISSES_HOME"


class JournalFolderMissing(JournalError):
    """The journal folder chosen in Preferences is not there: most likely on a disk
    that is not plugged in (a USB drive, a NAS). Making it afresh would put the
    stills on the computer's own disk, hidden under the mount point once the disk
    is back, so it is only made when the maker says so."""

    def __init__(self, folder: Path) -> None:
        super().__init__(tr("The journal folder {folder} chosen in Preferences is not there; "
                            "plug in the disk that holds it, or choose another folder in "
                            "Preferences.", folder=folder))
        self.folder = folder


def resolve_home(explicit: str | os.PathLike[str] | None = None, *,
                 chosen: str | os.PathLike[str] | None = None) -> Path:
    """``--home DIR``, else ``$COULISSES_HOME``, else the folder ``chosen`` in
    Preferences, else the platform's user data folder.

    The first two are said on this very run and the default is ours to make, so
    they are made when missing; a chosen folder that is missing raises
    ``JournalFolderMissing`` instead.
    """
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    if chosen:
        folder = Path(chosen).expanduser().resolve()
        # exists(), not is_dir(): a file standing there is the journal's to explain.
        if not folder.exists():
            raise JournalFolderMissing(folder)
        return folder
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False)
