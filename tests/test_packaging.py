"""packaging/: the PyInstaller spec bundles what the app needs; the desktop entry, the
AppStream metainfo and the icons agree with each other and pass their validators."""

from __future__ import annotations

import configparser
import importlib
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops, ImageStat

from coulisses import __version__, cli

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "coulisses.spec"
DESKTOP = PACKAGING / "coulisses.desktop"
METAINFO = PACKAGING / "io.github.coulisses.Coulisses.metainfo.xml"
DESKTOP_ICON = "io.github.coulisses.Coulisses"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCREENSHOTS_URL = "https://github.com/coulisses/coulisses/raw/main/"


class _Recorder:
    """Stands in for one of PyInstaller's spec classes: keeps what the spec passed it."""

    made: list[_Recorder]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.scripts = self.pure = self.binaries = self.datas = []
        self.made.append(self)


def run_spec(spec: Path, work: Path) -> dict[str, list[_Recorder]]:
    """Execute a spec file as PyInstaller does, with recorders for Analysis, PYZ, EXE…"""
    made: dict[str, list[_Recorder]] = {}
    names = {}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT"):
        made[name] = []
        names[name] = type(name, (_Recorder,), {"made": made[name]})
    code = compile(spec.read_text(encoding="utf-8"), str(spec), "exec")
    exec(code, {"__name__": "__main__", "SPECPATH": str(spec.parent), "workpath": str(work),
                "DISTPATH": str(work / "dist"), **names})
    return made


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[_Recorder]]:
    return run_spec(SPEC, tmp_path_factory.mktemp("spec-work"))


def test_the_spec_bundles_every_command_module_the_cli_lists(spec) -> None:
    # The CLI imports its commands by name (importlib), so PyInstaller cannot find them;
    # a command missing from hiddenimports is a "No module named" in the built app only.
    (analysis,) = spec["Analysis"]
    hidden = analysis.kwargs["hiddenimports"]
    assert hidden == [f"coulisses.commands.{name}" for name in cli.COMMAND_MODULES]
    for module in hidden:
        importlib.import_module(module)  # a name that is not a module would fail the build


def test_the_spec_reads_the_cli_list_however_long_it_grows(tmp_path: Path) -> None:
    # Another command added to cli.py reaches the spec without editing it.
    checkout = tmp_path / "checkout"
    (checkout / "packaging").mkdir(parents=True)
    shutil.copy(SPEC, checkout / "packaging")
    for folder in ("assets", "seeds"):
        (checkout / folder).symlink_to(ROOT / folder)
    cli_copy = checkout / "desktop" / "coulisses" / "cli.py"
    cli_copy.parent.mkdir(parents=True)
    source = (ROOT / "desktop" / "coulisses" / "cli.py").read_text(encoding="utf-8")
    cli_copy.write_text(source.replace('COMMAND_MODULES = (\n', 'COMMAND_MODULES = (\n    "x",\n'),
                        encoding="utf-8")
    (analysis,) = run_spec(checkout / "packaging" / "coulisses.spec", tmp_path / "w")["Analysis"]
    assert analysis.kwargs["hiddenimports"][0] == "coulisses.commands.x"
    assert len(analysis.kwargs["hiddenimports"]) == len(cli.COMMAND_MODULES) + 1


def test_the_spec_puts_assets_and_seeds_where_a_frozen_app_looks(spec, tmp_path: Path) -> None:
    # Lay the spec's data files out as PyInstaller does (_internal/<dest>) and ask the
    # package's own resources.py, placed at _internal/coulisses/, where its files are.
    (analysis,) = spec["Analysis"]
    frozen = tmp_path / "_internal"
    for src, dest in analysis.kwargs["datas"]:
        if Path(src).is_dir():
            shutil.copytree(src, frozen / dest, dirs_exist_ok=True)
        else:
            (frozen / dest).mkdir(parents=True, exist_ok=True)
            shutil.copy(src, frozen / dest)
    module = frozen / "coulisses" / "resources.py"
    where: dict[str, Any] = {"__file__": str(module), "__name__": "frozen_resources"}
    exec(compile((ROOT / "desktop" / "coulisses" / "resources.py").read_text(encoding="utf-8"),
                 str(module), "exec"), where)
    for sub in ("fonts", "icons", "translations"):
        found = where["asset"](sub)
        assert found == frozen / "coulisses" / "_assets" / sub  # not the checkout fallback
        shipped = {f.name for f in found.iterdir()}
        assert {f.name for f in (ROOT / "assets" / sub).iterdir()} <= shipped
    assert where["seed"]("demo", "piece.json").is_file()
    assert not (frozen / "coulisses" / "_assets" / "screenshots").exists()  # README only
    # Qt loads compiled catalogues: every .ts has its .qm, committed or compiled by the spec.
    translations = where["asset"]("translations")
    for ts in translations.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        assert qm.is_file() and qm.stat().st_size > 0, f"no {qm.name} in the build"


def test_the_spec_bundles_the_library_c2pa_loads_with_ctypes(spec) -> None:
    # Without it the built app stopped at `import c2pa` ("Could not find libc2pa_c.so").
    import c2pa

    (analysis,) = spec["Analysis"]
    folder = Path(c2pa.__file__).parent
    for src, dest in analysis.kwargs["binaries"]:
        assert Path(src).is_file()
        assert Path(src).parent == folder / Path(dest).relative_to("c2pa")  # where c2pa looks
    names = {Path(src).name for src, _ in analysis.kwargs["binaries"]}
    assert names & {"libc2pa_c.so", "libc2pa_c.dylib", "c2pa_c.dll"}


def test_the_spec_makes_a_console_cli_and_a_windowed_app_in_one_folder(spec) -> None:
    programs = {exe.kwargs["name"]: exe.kwargs for exe in spec["EXE"]}
    assert programs["coulisses"]["console"] is True  # the CLI prints to its terminal
    assert programs["coulisses-gui"]["console"] is False  # no console window on Windows
    (collect,) = spec["COLLECT"]
    assert collect.kwargs["name"] == "coulisses"
    assert all(exe in collect.args for exe in spec["EXE"])
    icon = programs["coulisses"]["icon"]
    if sys.platform in ("win32", "darwin"):
        assert Path(icon).is_file()


def test_gui_script_opens_the_app_and_the_cli_keeps_its_name() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["coulisses"] == "coulisses.cli:main"
    target = project["gui-scripts"]["coulisses-gui"]
    module, _, func = target.partition(":")
    assert callable(getattr(importlib.import_module(module), func))
    assert target == "coulisses.cli:main"  # no argument (a shortcut) opens the window


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_desktop_entry_and_metainfo_name_each_other() -> None:
    entry, meta = _desktop_entry(), _metainfo()
    assert meta.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert entry["Icon"] == meta.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert entry["Exec"].split()[0] == "coulisses"
    assert meta.findtext("provides/binary") == "coulisses"
    # Wayland finds the window's icon through the desktop file the app names.
    from coulisses import APP_ID

    assert DESKTOP.stem == APP_ID


def test_metainfo_speaks_english_and_french_and_names_this_version() -> None:
    meta = _metainfo()
    for tag in ("summary", "description/p"):
        langs = {el.get(XML_LANG) for el in meta.findall(tag)}
        assert {None, "fr"} <= langs, f"{tag} needs an English and a French text"
    english = [p for p in meta.findall("description/p") if p.get(XML_LANG) is None]
    french = [p for p in meta.findall("description/p") if p.get(XML_LANG) == "fr"]
    assert len(english) == len(french)
    newest = meta.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    assert meta.find("content_rating").get("type") == "oars-1.1"
    assert meta.findtext("project_license") == "GPL-3.0-or-later"


def test_metainfo_screenshots_are_the_repository_files() -> None:
    shots = _metainfo().findall("screenshots/screenshot")
    assert shots
    for shot in shots:
        images = {el.get(XML_LANG): el.text or "" for el in shot.findall("image")}
        for url in images.values():
            assert url.startswith(SCREENSHOTS_URL + "assets/screenshots/"), url
            path = ROOT / url.removeprefix(SCREENSHOTS_URL)
            assert path.is_file(), f"{url} names {path.relative_to(ROOT)}, not in the repo"
        # A French capture of the same screen is shown to French readers.
        english = Path(images[None])
        french = english.with_name(f"{english.stem}-fr{english.suffix}")
        if (ROOT / "assets" / "screenshots" / french.name).is_file():
            assert images.get("fr", "").endswith("/" + french.name), f"{french.name} unused"


def _validator(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (Debian: desktop-file-utils, appstream)")
    return found


def test_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run([_validator("desktop-file-validate"), str(DESKTOP)],
                          capture_output=True, text=True)
    # It exits 0 with "error: (will be fatal in the future)" lines: any remark fails here.
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_passes_appstreamcli_validate_pedantic() -> None:
    done = subprocess.run([_validator("appstreamcli"), "validate", "--no-net", "--pedantic",
                           str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    # It exits 0 with info and pedantic remarks too (a missing <releases> was one): only
    # these are accepted. A capital in the reverse-DNS ID, as Flathub's IDs have; and
    # AppStream >= 1.0 asks for a <developer> tag that Debian 12's 0.16 calls unknown.
    accepted = ("cid-contains-uppercase-letter", "developer-info-missing")
    remarks = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:", "I:", "P:")]
    assert all(any(tag in line for tag in accepted) for line in remarks), done.stdout


def test_files_installed_as_the_readme_says_pass_appstreamcli_validate_tree(tmp_path) -> None:
    # The tree check also finds the desktop file the metainfo launches (desktop-file-not-found
    # when its name and <launchable> differ) and reads it.
    tool = _validator("appstreamcli")
    share = tmp_path / "usr" / "share"
    for size in _make_icons().PNG_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ICON}.png"
        icon.parent.mkdir(parents=True)
        shutil.copy(PACKAGING / "icons" / f"coulisses-{size}.png", icon)
    (share / "applications").mkdir()
    shutil.copy(DESKTOP, share / "applications" / DESKTOP.name)
    (share / "metainfo").mkdir()
    shutil.copy(METAINFO, share / "metainfo" / METAINFO.name)
    done = subprocess.run([tool, "validate-tree", "--no-net", "--pedantic", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icons_exist_at_every_size_with_the_drawing(qapp) -> None:
    make_icons = _make_icons()
    out = PACKAGING / "icons"
    for size in make_icons.PNG_SIZES:
        with Image.open(out / make_icons.png_name(size)) as png:
            assert png.size == (size, size)
            committed = png.convert("RGBA")
        # Committed PNGs still show the SVG (re-run packaging/make_icons.py after editing it).
        fresh = make_icons.render(make_icons.SVG, size)
        diff = ImageStat.Stat(ImageChops.difference(committed, fresh)).mean
        assert max(diff) < 2, f"{size} px icon differs from assets/icons/coulisses.svg"
        # Rounded corners let the desktop show through; the body is opaque.
        assert committed.getpixel((0, 0))[3] < 64
        assert committed.getpixel((size // 2, size // 2))[3] == 255
    with Image.open(out / "coulisses.ico") as ico:
        assert {(s, s) for s in make_icons.ICO_SIZES} <= ico.info["sizes"]
    with Image.open(out / "coulisses.icns") as icns:
        # From the 16 px slot at 2x to the 512 px slot at 2x (a 1024 px image).
        assert {(16, 16, 2), (128, 128, 1), (512, 512, 2)} <= set(icns.info["sizes"])


def test_icons_script_notices_a_changed_drawing(qapp, tmp_path: Path) -> None:
    # The comparison above can fail: a different drawing gives different pixels.
    make_icons = _make_icons()
    svg = tmp_path / "other.svg"
    svg.write_text(make_icons.SVG.read_text().replace("#b3412f", "#1f6fb3"))
    other = make_icons.render(svg, 64)
    with Image.open(PACKAGING / "icons" / make_icons.png_name(64)) as png:
        diff = ImageStat.Stat(ImageChops.difference(png.convert("RGBA"), other)).mean
    assert max(diff) >= 2
