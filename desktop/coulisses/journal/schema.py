"""Schema versions of the journal's JSON files and their forward migrations.

A migration takes the raw TinyDB data of a file at version N and returns it at
version N+1. Files are migrated on open; the old version is kept as
``NAME.v<N>.bak`` first, so a migration can never lose the maker's work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 2
META_TABLE = "_meta"

Data = dict[str, dict[str, Any]]
Migration = Callable[[Data], Data]


def _v1_to_v2(data: Data) -> Data:
    """v2 adds hidden stills (a ``hidden`` table), nothing to convert.

    The version still goes up so that an older Coulisses, which would not know
    the table and would put hidden stills (a blurred face, a private moment)
    in a reel, refuses the journal instead of ignoring the maker's choice.
    """
    return data


# version N -> function producing version N+1.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


def version_of(data: Data) -> int:
    meta = data.get(META_TABLE) or {}
    for doc in meta.values():
        if isinstance(doc, dict) and "schema" in doc:
            return int(doc["schema"])
    return 0 if data else SCHEMA_VERSION


def stamp_version(data: Data, version: int) -> Data:
    data[META_TABLE] = {"1": {"schema": version}}
    return data


def migrate(data: Data, migrations: dict[int, Migration] | None = None,
            target: int = SCHEMA_VERSION) -> tuple[Data, bool]:
    """Bring ``data`` up to ``target``; returns (data, changed)."""
    table = MIGRATIONS if migrations is None else migrations
    version = version_of(data)
    changed = False
    if version == 0:  # written before versions existed
        version = 1
        changed = True
    while version < target:
        step = table.get(version)
        if step is None:
            raise RuntimeError(f"no migration from journal schema {version}")
        data = step(data)
        version += 1
        changed = True
    return stamp_version(data, version), changed
