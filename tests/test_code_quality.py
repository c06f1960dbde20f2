"""The code stays ruff-clean and type-checked (the config is in pyproject.toml) and keeps its
layers."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean() -> None:
    try:
        import ruff  # noqa: F401
    except ImportError:
        if shutil.which("ruff") is None:
            pytest.skip("ruff is not installed (pip install '.[test]')")
    res = subprocess.run([sys.executable, "-m", "ruff", "check", "desktop", "tests"],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


# The layers whose types are checked (ARCHITECTURE.md); ui/ comes next.
TYPED = ("journal", "capture", "timeline", "export", "credentials", "companion")


def test_the_core_layers_type_check() -> None:
    """mypy (configured in pyproject.toml) finds nothing in the core layers."""
    pytest.importorskip("mypy", reason="mypy is not installed (pip install '.[test]')")
    config = str(ROOT / "pyproject.toml")
    res = subprocess.run([sys.executable, "-m", "mypy", "--config-file", config,
                          *(f"coulisses/{p}" for p in TYPED)],
                         cwd=ROOT / "desktop", capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


# The layers (STYLE.md): Qt only in ui/; the core never reaches up into a front end.
PACKAGE = ROOT / "desktop" / "coulisses"
FRONT_ENDS = ("coulisses.ui", "coulisses.commands", "coulisses.cli", "coulisses.termui",
              "coulisses.__main__")
TOOLS = ("coulisses.i18n_extract",)  # a developer's tool, not a layer
QT = ("PySide6", "shiboken6")
# QtCore's QTranslator reads the compiled catalogues for the headless layers too; no
# widgets, no GUI (i18n.py says why). Nothing else outside ui/ touches Qt.
QT_CORE_ONLY = {"coulisses.i18n": ("PySide6.QtCore",),
                "coulisses.i18n_extract": ("PySide6.QtCore",)}


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def imported_modules(path: Path, name: str) -> set[str]:
    """Every module the file (module ``name``) imports, anywhere in it, relative ones resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            # ``from coulisses import termui`` imports the module coulisses.termui
            found.update({base} | {f"{base}.{alias.name}" for alias in node.names})
    return found


def layer_violations(package: Path) -> list[str]:
    """``file: module`` for each import that crosses a layer boundary."""
    bad = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        crossing = {m for m in imported_modules(path, name)
                    if (_within(m, QT) and not _within(name, ("coulisses.ui",))
                        and not _within(m, QT_CORE_ONLY.get(name, ())))
                    or (_within(m, FRONT_ENDS) and not _within(name, FRONT_ENDS + TOOLS))}
        rel = path.relative_to(package.parent).as_posix()
        bad += [f"{rel}: {m}" for m in sorted(crossing)
                if not any(m.startswith(other + ".") for other in crossing)]
    return bad


def test_qt_only_in_ui_and_no_core_layer_imports_a_front_end() -> None:
    bad = layer_violations(PACKAGE)
    assert not bad, ("Qt belongs in ui/; the core (capture, journal, timeline, export, units, "
                     "atomicio, i18n…) never imports ui, commands, cli or termui:\n"
                     + "\n".join(bad))


def test_the_layer_check_sees_every_kind_of_import(tmp_path: Path) -> None:
    package = tmp_path / "coulisses"
    core, ui = package / "timeline", package / "ui"
    core.mkdir(parents=True)
    ui.mkdir()
    (core / "__init__.py").write_text("")
    (core / "a.py").write_text("def f():\n    from coulisses import termui, units\n")
    (core / "b.py").write_text("from ..commands.export import run_export\n")
    (core / "c.py").write_text("import PySide6.QtCore\n")
    (core / "d.py").write_text("from coulisses.units import format_duration\nimport numpy\n")
    (ui / "e.py").write_text("from PySide6.QtWidgets import QWidget\nfrom .. import termui\n")
    (package / "cli.py").write_text("from coulisses.commands import demo\n")
    assert layer_violations(package) == ["coulisses/timeline/a.py: coulisses.termui",
                                         "coulisses/timeline/b.py: coulisses.commands.export",
                                         "coulisses/timeline/c.py: PySide6.QtCore"]
