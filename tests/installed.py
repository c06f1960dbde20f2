"""The installed Coulisses the suite tests: its console script and its package.

The suite tests what ``pip install '.[test]'`` put in the venv that runs pytest,
never the source tree behind its back: a package-data file or an entry point
missing from the install must fail here, as it would for a user.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import sysconfig
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL_HINT = ("install it into the venv that runs the tests: "
                "python -m pip install -e '.[test]' (or '.[test]' as .ci/run does)")


def script() -> Path:
    """The ``coulisses`` console script beside the interpreter running the tests."""
    bindir = Path(sys.executable).parent  # not resolved: a venv's python is a symlink
    return bindir / ("coulisses.exe" if sys.platform == "win32" else "coulisses")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess: no PYTHONPATH, so it imports the installed package."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(extra)
    return env


def run(*args: str, home: Path | None = None, timeout: float = 120,
        **env: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``coulisses [--home HOME] ARGS…``; stdout and stderr as text."""
    argv = [str(script())]
    if home is not None:
        argv += ["--home", str(home)]
    # cwd outside the checkout: nothing there may stand in for the installed package.
    return subprocess.run([*argv, *args], capture_output=True, text=True, env=clean_env(**env),
                          cwd=Path(home or ROOT).anchor, timeout=timeout)


def problem() -> str | None:
    """Why the suite cannot test the installed package here, in one sentence; None if it can."""
    dist = _distribution()
    if dist is None:
        return f"coulisses is not installed in {sys.prefix}; {INSTALL_HINT}."
    if not script().is_file():
        return f"the coulisses console script is missing beside {sys.executable}; {INSTALL_HINT}."
    if is_editable():  # its finder serves the checkout itself
        return None
    import coulisses

    imported = Path(coulisses.__file__).resolve()
    installed = (_site_packages() / "coulisses" / "__init__.py").resolve()
    if imported != installed:
        return (f"the tests import coulisses from {imported.parent}, not the installed "
                f"{installed.parent}: unset PYTHONPATH and run python -m pytest from the venv.")
    missing = _missing_from_install(installed.parent)
    if missing:  # every test module would fail to import it: say why once, here
        return (f"desktop/coulisses/{missing} is not in the installed package: list its package "
                "in pyproject's [tool.setuptools] packages, then reinstall "
                "(python -m pip install '.[test]').")
    stale = _differs_from_checkout(installed.parent)
    if stale:
        return (f"the installed coulisses is older than this checkout ({stale} differs); "
                f"reinstall: {INSTALL_HINT}.")
    return None


def is_editable() -> bool:
    """True for ``pip install -e``: the venv serves the checkout's files themselves."""
    dist = _distribution()
    try:
        url = json.loads(dist.read_text("direct_url.json") or "{}") if dist else {}
    except ValueError:
        return False
    return bool(url.get("dir_info", {}).get("editable"))


def _site_packages() -> Path:
    return Path(sysconfig.get_paths()["purelib"])


def _distribution() -> metadata.Distribution | None:
    """coulisses as installed in this interpreter's site-packages (not an egg-info on a path)."""
    return next((d for d in metadata.distributions(path=[str(_site_packages())])
                 if d.metadata["Name"] == "coulisses"), None)


def data_root(package: str) -> Traversable:
    """Where the installed package's data files are, through importlib.resources.

    setuptools' editable finder cannot import a data-only package nested in a regular one
    (``coulisses._assets``); there the install serves the checkout folder pyproject maps.
    """
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        if not is_editable():
            raise
    import tomllib

    dirs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return ROOT / dirs["tool"]["setuptools"]["package-dir"][package]


def data_file(package: str, *parts: str) -> Traversable:
    """A file or folder of the installed package's data, e.g. ``("coulisses._seeds", "demo")``."""
    found = data_root(package)
    for part in parts:  # one part at a time: a namespace package's root takes only one
        found = found.joinpath(part)
    return found


def _checkout_modules() -> list[Path]:
    """The checkout's modules, relative to desktop/coulisses (none if tests run elsewhere)."""
    source = ROOT / "desktop" / "coulisses"
    return [p.relative_to(source) for p in sorted(source.rglob("*.py"))]


def _missing_from_install(package: Path) -> str | None:
    """The first module of the checkout that the install lacks, if any."""
    return next((rel.as_posix() for rel in _checkout_modules()
                 if not (package / rel).is_file()), None)


def _differs_from_checkout(package: Path) -> str | None:
    """The first module whose installed copy differs from the checkout's, if any."""
    source = ROOT / "desktop" / "coulisses"
    for rel in _checkout_modules():
        if _digest(package / rel) != _digest(source / rel):
            return rel.as_posix()
    return None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
