"""Preferences: one declaration, saved atomically, never a crash on a bad file."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from coulisses.preferences import (
    Preferences,
    bounds,
    choices,
    idle_settings,
    journal_home,
    load_preferences,
    preferences_path,
    save_preferences,
)


@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("COULISSES_CONFIG", str(folder))
    return folder


def test_path_follows_coulisses_config(config: Path) -> None:
    assert preferences_path() == config / "preferences.json"


def test_missing_file_gives_defaults_and_no_problem(config: Path) -> None:
    assert load_preferences() == (Preferences(), None)


def test_saved_preferences_come_back(config: Path) -> None:
    prefs = Preferences().replace(default_source="rtsp://192.168.1.20:8554/live", interval=4,
                                  skip_idle=False, idle_sensitivity=3, language="fr",
                                  journal_folder="/data/atelier ✨", export_preset="tiktok",
                                  export_duration=45.0, export_layout="fit")
    save_preferences(prefs)
    loaded, problem = load_preferences()
    assert problem is None
    assert loaded == prefs
    assert isinstance(loaded.interval, float)
    # Written atomically: no temp file left beside it.
    assert [p.name for p in config.iterdir()] == ["preferences.json"]


def test_unknown_keys_are_ignored(config: Path) -> None:
    config.mkdir()
    (config / "preferences.json").write_text(json.dumps({"interval": 5, "from_the_future": 1}))
    prefs, problem = load_preferences()
    assert prefs == Preferences(interval=5.0) and problem is None


def test_wrong_types_and_values_fall_back_per_field(config: Path) -> None:
    config.mkdir()
    (config / "preferences.json").write_text(json.dumps({
        "interval": "fast", "skip_idle": 1, "idle_sensitivity": True, "language": "de",
        "export_duration": 1e9, "default_source": "  ", "export_layout": "fit"}))
    prefs, problem = load_preferences()
    assert prefs == Preferences(export_layout="fit")
    assert problem is not None
    # Named as the preferences window labels them, not by their field names.
    from coulisses.preferences import label

    for name in ("interval", "skip_idle", "idle_sensitivity", "language", "export_duration",
                 "default_source"):
        assert f"“{label(name)}”" in problem and name not in problem
    assert label("export_layout") not in problem


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "\x00\x01", ""])
def test_damaged_file_is_set_aside_and_defaults_used(config: Path, text: str) -> None:
    config.mkdir()
    path = config / "preferences.json"
    path.write_text(text)
    prefs, problem = load_preferences()
    assert prefs == Preferences()
    [aside] = config.glob("preferences.json.*.damaged")  # timestamped, like the journal's
    assert problem and str(aside) in problem
    assert not path.exists()
    assert aside.read_text() == text
    # The next save starts a clean file and the next load is quiet.
    save_preferences(prefs.replace(language="en"))
    assert load_preferences() == (Preferences(language="en"), None)


def test_unreadable_file_is_a_sentence_not_a_crash(config: Path) -> None:
    config.mkdir()
    (config / "preferences.json").mkdir()  # a folder where the file should be
    prefs, problem = load_preferences()
    assert prefs == Preferences() and problem and "cannot be read" in problem


def test_replace_checks_each_field_from_its_declaration() -> None:
    prefs = Preferences()
    with pytest.raises(ValueError, match="interval"):
        prefs.replace(interval=0.0)
    with pytest.raises(ValueError, match="language"):
        prefs.replace(language="de")
    with pytest.raises(ValueError, match="skip_idle"):
        prefs.replace(skip_idle="yes")
    with pytest.raises(ValueError, match="unknown"):
        prefs.replace(colour="blue")
    assert prefs.replace(idle_sensitivity=1).idle_sensitivity == 1


def test_limits_are_read_from_the_fields() -> None:
    assert choices("language") == ("system", "fr", "en")
    assert bounds("idle_sensitivity") == (1, 3)
    low, high = bounds("interval")
    assert low <= Preferences().interval <= high
    # Every default is itself valid.
    for f in fields(Preferences):
        assert Preferences().replace(**{f.name: getattr(Preferences(), f.name)})


def test_preset_choices_match_the_export_presets() -> None:
    from coulisses.export.presets import PRESETS

    assert set(choices("export_preset")) == set(PRESETS)


def test_idle_sensitivity_orders_the_thresholds() -> None:
    from coulisses.capture.idle import IdleSettings

    low, medium, high = (idle_settings(level) for level in (1, 2, 3))
    assert medium == IdleSettings()  # the capture layer's tuned defaults
    assert low.pixel_threshold > medium.pixel_threshold > high.pixel_threshold
    assert low.min_changed > medium.min_changed > high.min_changed
    assert idle_settings(9) == high and idle_settings(0) == low


def test_journal_home_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("COULISSES_HOME", raising=False)
    prefs = Preferences(journal_folder=str(tmp_path / "preferred"))
    (tmp_path / "preferred").mkdir()  # a chosen folder must exist (test_journal_home_missing)
    assert journal_home(prefs, tmp_path / "cli") == tmp_path / "cli"
    assert journal_home(prefs) == tmp_path / "preferred"
    monkeypatch.setenv("COULISSES_HOME", str(tmp_path / "env"))
    assert journal_home(prefs) == tmp_path / "env"
    assert journal_home(prefs, tmp_path / "cli") == tmp_path / "cli"


def test_the_cli_opens_the_journal_folder_chosen_in_preferences(config: Path, tmp_path: Path,
                                                                monkeypatch) -> None:
    """The window and the CLI must see the same pieces: a capture script on the same
    computer writes where the maker looks."""
    import io

    from coulisses.cli import main

    monkeypatch.delenv("COULISSES_HOME", raising=False)
    chosen = tmp_path / "atelier ✨"
    chosen.mkdir()  # chosen in Preferences, so it exists (test_journal_home_missing)
    save_preferences(Preferences(journal_folder=str(chosen)))
    assert main(["piece", "new", "Vase bleu"], out=io.StringIO(), err=io.StringIO()) == 0
    assert (chosen / "pieces" / "vase-bleu").is_dir()
    other = tmp_path / "one run"
    assert main(["--home", str(other), "piece", "new", "Plat"], out=io.StringIO(),
                err=io.StringIO()) == 0
    assert (other / "pieces" / "plat").is_dir() and not (chosen / "pieces" / "plat").exists()


def test_the_cli_says_when_the_preferences_it_needs_are_damaged(config: Path, tmp_path: Path,
                                                                monkeypatch) -> None:
    import io

    from coulisses.cli import main

    monkeypatch.delenv("COULISSES_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the default journal
    config.mkdir()
    (config / "preferences.json").write_text("{ not json")
    # With --home the preferences decide nothing: they are not read, nor set aside.
    err = io.StringIO()
    assert main(["--home", str(tmp_path / "j"), "piece", "list"], out=io.StringIO(),
                err=err) == 0
    assert err.getvalue() == "" and (config / "preferences.json").exists()
    err = io.StringIO()
    assert main(["piece", "list"], out=io.StringIO(), err=err) == 0
    assert err.getvalue().startswith("coulisses: Your preferences file was damaged")
    assert len(list(config.glob("preferences.json.*.damaged"))) == 1


def test_no_qt_in_preferences() -> None:
    import subprocess
    import sys

    code = ("import sys, coulisses.preferences as p; p.load_preferences(); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
