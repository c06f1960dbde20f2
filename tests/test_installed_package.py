"""What ``pip install`` puts in the venv is complete: modules, data files, the console script.

In this dev tree the venv holds an editable install (its finder maps the
checkout); ``.ci/run`` makes a real one from a clean clone, where a file left
out of pyproject's packages or package-data is really missing and these fail.
"""

from __future__ import annotations

import json
import sys
import tomllib
from importlib import metadata, resources
from pathlib import Path

import av
import pytest

from tests import installed

ROOT = installed.ROOT
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _source_dir(package: str) -> Path:
    """Where a package's files live in the checkout, from pyproject's package-dir."""
    dirs = SETUPTOOLS["package-dir"]
    if package in dirs:
        return ROOT / dirs[package]
    return ROOT / dirs[""] / package.replace(".", "/")


def _data_files(package: str, patterns: list[str]) -> dict[str, list[Path]]:
    src = _source_dir(package)
    return {p: sorted(f for f in src.glob(p) if f.is_file()) for p in patterns}


@pytest.mark.parametrize("package", sorted(SETUPTOOLS["package-data"]))
def test_package_data_is_installed(package: str) -> None:
    patterns = SETUPTOOLS["package-data"][package]
    src = _source_dir(package)
    shipped = {f for files in _data_files(package, patterns).values() for f in files}
    assert shipped, f"{package}'s package-data patterns match nothing in {src}"
    # A data file added to the checkout but not to package-data would be missing once installed.
    present = {f for f in src.rglob("*") if f.is_file() and "__pycache__" not in f.parts
               and f.name != "__init__.py"}
    assert present <= shipped, (f"not in [tool.setuptools.package-data] {package!r}: "
                                f"{sorted(str(f.relative_to(ROOT)) for f in present - shipped)}")
    for f in sorted(shipped):
        copy = installed.data_file(package, *f.relative_to(src).parts)
        assert copy.is_file(), f"{f.relative_to(ROOT)} is not installed in {package}"
        assert copy.read_bytes() == f.read_bytes(), f"installed {f.relative_to(ROOT)} differs"


def test_the_code_finds_its_assets_and_seeds_in_the_installed_package() -> None:
    from coulisses import resources as where

    assert where.asset("fonts") == Path(str(installed.data_file("coulisses._assets", "fonts")))
    assert where.seed("demo") == Path(str(installed.data_file("coulisses._seeds", "demo")))


def test_every_module_of_the_checkout_is_installed() -> None:
    source = ROOT / "desktop" / "coulisses"
    root = resources.files("coulisses")
    missing = [p.relative_to(source).as_posix() for p in sorted(source.rglob("*.py"))
               if not root.joinpath(*p.relative_to(source).parts).is_file()]
    assert not missing, ("not installed (is its package in pyproject's "
                         f"[tool.setuptools] packages?): {missing}")


def test_console_script_is_the_cli_entry_point() -> None:
    (entry,) = [e for e in metadata.entry_points(group="console_scripts")
                if e.name == "coulisses" and e.dist and e.dist.name == "coulisses"]
    assert entry.value == "coulisses.cli:main"
    assert installed.script().is_file()
    done = installed.run("--help")
    assert done.returncode == 0 and "demo" in done.stdout, done.stderr


def test_a_missing_console_script_is_one_clear_message(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    reason = installed.problem()
    assert reason is not None and "console script is missing" in reason
    assert "pip install" in reason and "\n" not in reason


@pytest.mark.slow
def test_installed_demo_uses_the_shipped_fonts_translations_and_seeds(tmp_path) -> None:
    # French, so a translation catalogue left out of the install shows; the burnt-in
    # captions need the font (FontMissing ends the export); the piece comes from the seeds.
    from coulisses.i18n import tr

    out = tmp_path / "out"
    done = installed.run("demo", "--out", str(out), "--duration", "14",
                         home=tmp_path / "journal", COULISSES_LANG="fr")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    script = json.loads(installed.data_file("coulisses._seeds", "demo", "piece.json")
                        .read_text(encoding="utf-8"))
    name = script["name"]["fr"]
    said = tr("Created the demo piece {name!r} ({id}) in {home}.", lang="fr", name=name,
              id="vase-bleu-demo", home=str(tmp_path / "journal"))
    assert said != tr("Created the demo piece {name!r} ({id}) in {home}.", lang="en",
                      name=name, id="vase-bleu-demo", home=str(tmp_path / "journal"))
    assert done.stdout.splitlines()[0] == said

    folder = Path(done.stdout.strip().splitlines()[-1])
    assert folder.parent == out
    report = json.loads((folder / "export.json").read_text(encoding="utf-8"))
    assert report["frames"] == 14 * 30 and report["size"] == [1080, 1920]
    assert (folder / "frames" / "000420.jpg").is_file()
    assert not (folder / "frames" / "000421.jpg").exists()
    with av.open(str(folder / report["files"]["mp4"])) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height, stream.frames) == (1080, 1920, 420)
    srt = (folder / report["files"]["srt"]).read_text(encoding="utf-8")
    captions = [s["moment"]["caption"]["fr"] for s in script["scenes"] if "moment" in s]
    assert captions and all(c in srt for c in captions)
    tags = json.loads(installed.data_file("coulisses._seeds", "hashtags.json")
                      .read_text(encoding="utf-8"))
    post = (folder / report["files"]["post"]).read_text(encoding="utf-8")
    assert all(t in post for t in tags["fr"][script["craft"]])


def test_every_package_of_the_source_tree_is_installed() -> None:
    """A new subpackage (ui/export…) left out of pyproject's list is missing once installed."""
    source = ROOT / "desktop"
    found = {str(p.parent.relative_to(source)).replace("/", ".")
             for p in (source / "coulisses").rglob("__init__.py") if "__pycache__" not in p.parts}
    listed = set(SETUPTOOLS["packages"])
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
