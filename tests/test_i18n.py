"""The French translation: complete, faithful to placeholders, used by the CLI and the app.

A string added to the code without a French translation fails here, with the
list of what is missing and the command that updates the catalogue.
"""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET

import pytest

from coulisses import i18n
from coulisses.i18n import tr
from coulisses.i18n_extract import extract
from coulisses.resources import asset

TS_PATH = asset("translations", "coulisses_fr.ts")
HOW_TO_FIX = ("run `python -m coulisses.i18n_extract`, then translate the new "
              "<translation type=\"unfinished\"/> entries in assets/translations/coulisses_fr.ts")


def _ts_messages() -> dict[tuple[str, str], tuple[str, str | None]]:
    """{(context, source): (translation text, translation type)} read straight from the XML."""
    table: dict[tuple[str, str], tuple[str, str | None]] = {}
    for ctx in ET.parse(TS_PATH).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            trans = msg.find("translation")
            text = "" if trans is None else (trans.text or "")
            kind = None if trans is None else trans.get("type")
            table[(name, msg.findtext("source") or "")] = (text, kind)
    return table


@pytest.fixture(scope="module")
def strings() -> dict[tuple[str, str], str]:
    found = extract()
    assert len(found) > 100, "the extractor found almost no tr() strings; is it still scanning?"
    return found


@pytest.fixture(scope="module")
def french() -> dict[tuple[str, str], tuple[str, str | None]]:
    return _ts_messages()


def _fields(text: str) -> list[str]:
    """Every replacement field as written, e.g. "{seconds:.1f}" or "{piece!r}", sorted."""
    out = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            out.append("{" + name + (f"!{conversion}" if conversion else "")
                       + (f":{spec}" if spec else "") + "}")
    return sorted(out)


def test_every_string_in_the_code_has_a_french_translation(strings, french) -> None:
    missing = []
    for (context, source), where in sorted(strings.items(), key=lambda kv: kv[1]):
        text, kind = french.get((context, source), ("", "absent"))
        if not text.strip() or kind in ("unfinished", "obsolete", "vanished", "absent"):
            missing.append(f"  {where} [{context}] {source!r}")
    assert not missing, (f"{len(missing)} string(s) without a French translation "
                         f"({HOW_TO_FIX}):\n" + "\n".join(missing))


def test_translations_keep_the_same_placeholders(strings, french) -> None:
    wrong = []
    for (context, source), where in sorted(strings.items(), key=lambda kv: kv[1]):
        text, _ = french.get((context, source), ("", None))
        if not text:
            continue  # reported by the completeness test
        if _fields(source) != _fields(text):
            wrong.append(f"  {where} {source!r}: {_fields(source)} -> {_fields(text)} in {text!r}")
        elif source.count("%") != text.count("%"):
            # argparse %-formats help strings: a stray "%" breaks `--help`.
            wrong.append(f"  {where} {source!r}: '%' count differs in {text!r}")
    assert not wrong, "placeholders differ between English and French:\n" + "\n".join(wrong)


def test_every_translation_formats_with_the_source_arguments(strings, french) -> None:
    """Filling a French string with the values the code passes never raises."""
    for (context, source), _where in strings.items():
        text, _ = french.get((context, source), ("", None))
        if not text:
            continue
        names = {f[1:-1].split("!")[0].split(":")[0] for f in _fields(source)}
        values = {n: 7 for n in names}
        try:
            source.format(**values)
        except (ValueError, TypeError):
            values = {n: "x" for n in names}
        text.format(**values)


def test_french_typography_is_consistent(strings, french) -> None:
    """No-break spaces before : ; ! ? and inside « », so no line starts with them."""
    bad = []
    for (context, source), where in sorted(strings.items(), key=lambda kv: kv[1]):
        text, _ = french.get((context, source), ("", None))
        literal = re.sub(r"`[^`]*`|\{[^}]*\}|\w+://", "", text)  # commands, fields, URLs
        if re.search(r"[ \t][:;!?»]|«[ \t]|\w[:;!?](?:\s|$)", literal):
            bad.append(f"  {where} {text!r}")
        if "“" in text or "”" in text:
            bad.append(f"  {where} {text!r} (French quotes are « »)")
    assert not bad, "French punctuation needs a no-break space:\n" + "\n".join(bad)


def test_tr_returns_french_and_fills_placeholders() -> None:
    assert tr("Bench", context="MainWindow", lang="fr") == "Atelier"
    assert tr("{n} struggles", lang="fr", n=3) == "3 difficultés"
    assert tr("{time} of work", lang="fr", time="2 h") == "2 h de travail"
    assert tr("Behind the scenes: {effort}", lang="fr",
              effort="2 corrections") == "Dans les coulisses\u00a0: 2 corrections"
    text = tr("Created piece {name!r}.", lang="fr", name="Vase bleu #3")
    assert text == "Pièce 'Vase bleu #3' créée."
    # English stays the source, and an unknown string falls back to it.
    assert tr("{n} struggles", lang="en", n=3) == "3 struggles"
    assert tr("Not a catalogued string {x}", lang="fr", x=1) == "Not a catalogued string 1"


def test_moment_kinds_are_named_in_french() -> None:
    """Kinds stay English keywords on the command line but read as French words."""
    from coulisses.labels import kind_label

    kinds = ("struggle", "fix", "milestone", "result", "note")
    assert [kind_label(k, lang="fr") for k in kinds] == [
        "difficulté", "correction", "étape", "résultat", "note"]
    assert [kind_label(k, lang="en") for k in kinds] == list(kinds)


def test_effort_figures_read_as_french() -> None:
    from coulisses.timeline.effort import format_worked

    assert format_worked(11 * 3600 + 40 * 60, lang="fr") == "11\u00a0h\u00a040"
    assert format_worked(25 * 60, lang="fr") == "25\u00a0min"
    assert format_worked(11 * 3600 + 40 * 60, lang="en") == "11 h 40"


@pytest.fixture
def french_ui():
    """Switch the process to French for one test, then back to whatever it was."""
    before = i18n.language()
    i18n.set_language("fr")
    try:
        yield
    finally:
        i18n.set_language(before)


def test_cli_speaks_french(french_ui, cli, journal) -> None:
    code, out, err = cli("piece", "list")
    assert code == 0 and "Aucune pièce pour l’instant" in out, out

    code, out, err = cli("piece", "new", "Bol raku")
    assert code == 0 and "Pièce 'Bol raku' créée." in out, out

    code, out, err = cli("timeline", "Bol raku")
    assert code == 0 and "Aucune photo pour l’instant." in out, out

    code, out, err = cli("mark", "Bol raku", "struggle", "--caption", "Trop d'eau.")
    assert code == 0 and out.startswith("Moment «\u00a0difficulté\u00a0» marqué à "), out
    code, out, err = cli("timeline", "Bol raku")
    assert code == 0 and "difficulté" in out and "Trop d'eau." in out, out

    code, out, err = cli("capture", "Bol raku", "--source", "0", "--count", "0")
    assert code == 2 and err.strip() == "coulisses: --count doit valoir au moins 1", err


def test_cli_language_is_restored_for_other_tests(cli) -> None:
    # Runs after the French test: the suite's language (English, from conftest) is back.
    assert i18n.language() == i18n.detect_language()
    code, out, _ = cli("piece", "list")
    expected = tr('No pieces yet. Create one with: coulisses piece new "Vase bleu #3"')
    assert code == 0 and expected in out


def test_cli_in_a_subprocess_follows_coulisses_lang(home) -> None:
    import os
    import subprocess
    import sys

    # No PYTHONPATH: the subprocess imports the installed package.
    env = dict({k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, COULISSES_LANG="fr")
    done = subprocess.run([sys.executable, "-m", "coulisses", "--home", str(home),
                           "capture", "x", "--source", "0", "--every", "soon"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("coulisses: --every\u00a0: "), done.stderr


def test_main_window_switches_to_french_without_restart(qtbot, journal, tmp_path,
                                                        monkeypatch) -> None:
    from PySide6.QtCore import QCoreApplication

    from coulisses.preferences import Preferences
    from coulisses.ui.language import apply_language
    from coulisses.ui.main_window import MainWindow

    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))
    window = MainWindow(journal, Preferences(default_source="screen"), tray=False)
    qtbot.addWidget(window)
    assert window.pieces.heading.text() == "Pieces"
    app = QCoreApplication.instance()
    try:
        apply_language(app, "fr")
        qtbot.waitUntil(lambda: window.pieces.heading.text() == "Pièces", timeout=3000)
        assert window.capture_panel.start_button.text() == "Démarrer"
        assert window.moment_bar.buttons["struggle"].text() == "Difficulté\nF8"
        assert window.file_menu.title() == "&Fichier"
        assert window.views.tabText(0) == "Atelier"
    finally:
        apply_language(app, "en")
    qtbot.waitUntil(lambda: window.pieces.heading.text() == "Pieces", timeout=3000)
    assert window.capture_panel.start_button.text() == "Start"
