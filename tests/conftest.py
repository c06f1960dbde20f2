"""Root test configuration: headless Qt, a fresh journal per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COULISSES_LANG", "en")

import pytest  # noqa: E402

# Tests run against the checkout even without an install.
_DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
if str(_DESKTOP) not in sys.path:
    sys.path.insert(0, str(_DESKTOP))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "journal"
    h.mkdir()
    return h


@pytest.fixture
def journal(home: Path):
    from coulisses.journal import Journal

    return Journal.open(home)


@pytest.fixture
def cli(home: Path):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""
    import io

    from coulisses.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(["--home", str(home), *args], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return run


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def tmpfs(tmp_path: Path):
    """Mount a small tmpfs of the given size (a real full disk); skips unless root on Linux."""
    import subprocess

    mounted: list[Path] = []

    def mount(size: str, name: str = "small") -> Path:
        if not is_root() or sys.platform != "linux":
            pytest.skip("mounting a small tmpfs needs root on Linux")
        mnt = tmp_path / name
        mnt.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)],
                              capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(mnt)
        return mnt

    yield mount
    for mnt in mounted:
        subprocess.run(["umount", "-l", str(mnt)], check=False)
