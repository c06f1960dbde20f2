"""Where bundled assets and seeds live, in a checkout and once installed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@cache
def _top(name: str) -> Path:
    installed = _PKG / f"_{name}"
    if installed.is_dir():
        return installed
    # Running from a checkout (editable install or PYTHONPATH=desktop).
    return _PKG.parent.parent / name


def assets_dir() -> Path:
    return _top("assets")


def seeds_dir() -> Path:
    return _top("seeds")


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)


def seed(*parts: str) -> Path:
    return seeds_dir().joinpath(*parts)
