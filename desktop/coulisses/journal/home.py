"""Which folder is the journal root."""

from __future__ import annotations

import os
from pathlib import Path

from coulisses import APP_ID

ENV_HOME = "COULISSES_HOME"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--home DIR``, else ``$COULISSES_HOME``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False)
