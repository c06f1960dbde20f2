"""The capture layer's shape: no import circle around the sources, no terminal or Qt code."""

from __future__ import annotations

import ast
from pathlib import Path

CAPTURE = Path(__file__).resolve().parent.parent / "desktop" / "coulisses" / "capture"
CONCRETE = {"camera", "stream", "videofile", "screen"}


def _imports(path: Path) -> set[str]:
    """Every ``coulisses…`` module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.split(".")[0] in ("coulisses", "PySide6")}


def test_sources_do_not_import_the_factory_back():
    assert (CAPTURE / "source_base.py").is_file()
    base = _imports(CAPTURE / "source_base.py")
    assert not {m for m in base if m.startswith("coulisses.capture.")} - {
        "coulisses.capture.clock", "coulisses.redaction"}
    for name in CONCRETE:
        imported = _imports(CAPTURE / f"{name}.py")
        assert "coulisses.capture.source_base" in imported, name
        assert "coulisses.capture.sources" not in imported, name
    factory = _imports(CAPTURE / "sources.py")
    assert {f"coulisses.capture.{n}" for n in CONCRETE} <= factory


def test_capture_never_imports_the_terminal_the_commands_or_qt():
    files = sorted(CAPTURE.glob("*.py"))
    assert len(files) > 10
    for path in files:
        bad = {m for m in _imports(path)
               if m.startswith(("coulisses.termui", "coulisses.commands", "coulisses.cli",
                                "coulisses.ui", "PySide6"))}
        assert not bad, (path.name, bad)


def test_old_import_names_still_work():
    from coulisses.capture import source_base, sources

    for name in ("Frame", "Source", "SourceError", "SourceLost", "SourceEnded",
                 "SourceUnavailable", "ReopenByRestart", "quiet_opencv"):
        assert getattr(sources, name) is getattr(source_base, name)
