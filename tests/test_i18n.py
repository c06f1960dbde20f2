"""The translations: in step with the code, complete, compiled, faithful to placeholders.

The catalogues are Qt Linguist's (``assets/translations/*.ts``), extracted by
``pyside6-lupdate`` and compiled by ``pyside6-lrelease`` (``python -m
coulisses.i18n_extract``). A string added to the code without a French
translation, or a ``.qm`` older than its ``.ts``, fails here with the list of
what is missing and the command that fixes it.
"""

from __future__ import annotations

import ast
import re
import string

import pytest

from coulisses import i18n
from coulisses.i18n import tr, translate
from coulisses.i18n_extract import PACKAGE, check, messages, sources
from coulisses.resources import asset

HOW_TO_FIX = ("run `python -m coulisses.i18n_extract`, translate the new "
              "<translation type=\"unfinished\"/> entries in assets/translations/*.ts "
              "(Qt Linguist or an editor), then run it again to compile the .qm files")


@pytest.fixture(scope="module")
def french() -> dict:
    return messages(asset("translations", "coulisses_fr.ts"))


@pytest.fixture(scope="module")
def english() -> dict:
    return messages(asset("translations", "coulisses_en.ts"))


def _fields(text: str) -> list[str]:
    """Every replacement field as written, e.g. "{seconds:.1f}" or "{piece!r}", sorted."""
    out = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            out.append("{" + name + (f"!{conversion}" if conversion else "")
                       + (f":{spec}" if spec else "") + "}")
    return sorted(out)


def _percent_fields(text: str) -> tuple[list[str], int]:
    """argparse's %-fields: names ("%(prog)s" and "%(prog)r" alike) and unnamed ones."""
    return sorted(re.findall(r"%\((\w+)\)[rsd]", text)), len(re.findall(r"%[rsd]", text))


def test_catalogues_are_in_step_with_the_code_complete_and_compiled() -> None:
    problems = check()
    assert not problems, "\n".join(problems) + f"\n({HOW_TO_FIX})"


def test_a_stale_compiled_catalogue_is_caught(tmp_path) -> None:
    from coulisses.i18n_extract import _answers_differ, lrelease

    ts = asset("translations", "coulisses_fr.ts")
    edited = tmp_path / ts.name
    text = ts.read_text("utf-8")
    assert "<translation>Atelier</translation>" in text
    edited.write_text(text.replace("<translation>Atelier</translation>",
                                   "<translation>Établi</translation>"), "utf-8")
    lrelease(edited, tmp_path / "fresh.qm")
    table = messages(edited)
    assert _answers_differ(asset("translations", "coulisses_fr.qm"), tmp_path / "fresh.qm",
                           table) == "'Bench'"
    lrelease(ts, tmp_path / "same.qm")
    assert _answers_differ(asset("translations", "coulisses_fr.qm"), tmp_path / "same.qm",
                           table) == ""


def test_the_catalogue_holds_the_code_strings(french) -> None:
    """lupdate really reads our calls: a few strings from each layer are in the catalogue."""
    assert len(french) > 600
    for key in [("", "Unsupported language {code!r}; choose one of {choices}.", ""),
                ("moment-kind", "struggle", ""), ("MainWindow", "&File", ""),
                ("argparse", "usage: ", ""), ("", "%n struggle(s)", "")]:
        assert key in french, key
    assert french[("", "%n struggle(s)", "")]["numerus"]


def test_tr_calls_are_written_so_lupdate_reads_them() -> None:
    """No f-string, no `i18n.tr(...)`, no context= keyword: lupdate would misfile them."""
    wrong = []
    for path in sources():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else "")
            if name not in ("tr", "translate", "QT_TRANSLATE_NOOP"):
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            is_self = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id == "self"
            if isinstance(func, ast.Attribute) and not is_self and name == "tr":
                wrong.append(f"{where}: call tr() by its bare name")
            if any(isinstance(a, ast.JoinedStr) for a in node.args):
                wrong.append(f"{where}: an f-string in {name}() is never translated")
            if any(k.arg in ("context", "disambiguation") for k in node.keywords):
                wrong.append(f"{where}: pass the context/disambiguation in position")
    assert not wrong, "\n".join(wrong)


def _each_translation(table: dict):
    for (context, source, _), m in sorted(table.items()):
        for form in m["forms"]:
            if form:
                yield context, source, form, m["where"]


def test_translations_keep_the_same_placeholders(french, english) -> None:
    wrong = []
    for table in (french, english):
        for context, source, text, where in _each_translation(table):
            if context == "argparse":
                if _percent_fields(source) != _percent_fields(text):
                    wrong.append(f"  {where} {source!r} -> {text!r}")
                continue
            if _fields(source) != _fields(text):
                wrong.append(f"  {where} {source!r}: {_fields(source)} -> {_fields(text)}")
            elif source.count("%") - source.count("%n") != text.count("%") - text.count("%n"):
                # argparse %-formats help strings: a stray "%" breaks `--help`.
                wrong.append(f"  {where} {source!r}: '%' count differs in {text!r}")
    assert not wrong, "placeholders differ between English and French:\n" + "\n".join(wrong)


def test_plural_forms_show_the_count(french, english) -> None:
    """Every form of a plural message shows %n, except an English "once"."""
    wrong = []
    for table in (french, english):
        for (_, source, _), m in table.items():
            if not m["numerus"]:
                continue
            assert len(m["forms"]) == 2, (source, m["forms"])  # French and English: 2 forms
            marker = "%Ln" if "%Ln" in source else "%n"
            wrong += [f"  {m['where']} {form!r}" for form in m["forms"][1:] if marker not in form]
    assert not wrong, "a plural form lost its count:\n" + "\n".join(wrong)


def test_every_translation_formats_with_the_source_arguments(french) -> None:
    """Filling a French string with the values the code passes never raises."""
    for context, source, text, _ in _each_translation(french):
        if context == "argparse":
            continue
        names = {f[1:-1].split("!")[0].split(":")[0] for f in _fields(source)}
        values = {n: 7 for n in names}
        try:
            source.format(**values)
        except (ValueError, TypeError):
            values = {n: "x" for n in names}
        text.format(**values)


def test_french_typography_is_consistent(french) -> None:
    """No-break spaces before : ; ! ? and inside « », so no line starts with them."""
    bad = []
    for _, _, text, where in _each_translation(french):
        literal = re.sub(r"`[^`]*`|\{[^}]*\}|\w+://|%\(\w+\)[rsd]", "", text)
        if re.search(r"[ \t][:;!?»]|«[ \t]|\w[:;!?](?:\s|$)", literal):
            bad.append(f"  {where} {text!r}")
        if "“" in text or "”" in text:
            bad.append(f"  {where} {text!r} (French quotes are « »)")
    assert not bad, "French punctuation needs a no-break space:\n" + "\n".join(bad)


def test_tr_returns_french_and_fills_placeholders() -> None:
    assert translate("MainWindow", "Bench", lang="fr") == "Atelier"
    assert tr("{time} of work", lang="fr", time="2 h") == "2 h de travail"
    assert tr("Behind the scenes: {effort}", lang="fr",
              effort="2 corrections") == "Dans les coulisses\u00a0: 2 corrections"
    # English stays the source, and an unknown string falls back to it.
    assert tr("Not a catalogued string {x}", lang="fr", x=1) == "Not a catalogued string 1"
    assert tr("Behind the scenes: {effort}", lang="en", effort="x") == "Behind the scenes: x"


def test_plurals_follow_each_language_rule() -> None:
    # French takes the singular for 0 and 1; English for 1 only.
    assert [tr("%n struggle(s)", None, n, lang="fr") for n in (0, 1, 2)] == [
        "0 difficulté", "1 difficulté", "2 difficultés"]
    assert [tr("%n struggle(s)", None, n, lang="en") for n in (0, 1, 2)] == [
        "0 struggles", "1 struggle", "2 struggles"]
    assert tr("%Ln still(s)", None, 100_000, lang="fr") == "100\u202f000 photos"
    assert tr("%Ln still(s)", None, 100_000, lang="en") == "100,000 stills"
    # Fields fill after the plural is chosen; `n=` stays free as a field name.
    assert tr("Recording — %n still(s), next in {s} s", None, 1, lang="en", s=4) == \
        "Recording — 1 still, next in 4 s"
    assert tr("Session {n}: {start} – {end} · {worked} · {stills}", lang="en", n=2,
              start="a", end="b", worked="c", stills="d") == "Session 2: a – b · c · d"


def test_numbers_and_quotes_are_written_for_the_reader() -> None:
    source = "{text!r} must be longer than zero"
    assert tr(source, lang="fr", text="0s") == "«\u00a00s\u00a0» doit être supérieur à zéro"
    assert tr(source, lang="en", text="0s") == "“0s” must be longer than zero"
    assert i18n.fill("{s:.1f} s", "fr", s=20.0) == "20,0 s"
    assert i18n.fill("{s:.1f} s", "en", s=20.0) == "20.0 s"
    assert i18n.format_decimal(2.25, 2, "fr") == "2,25"
    assert i18n.fill("{n} · {s:.1f}", "fr", n=3, s=1.5) == "3 · 1,5"  # whole numbers untouched


def test_english_run_without_plurals_never_imports_qt() -> None:
    import subprocess
    import sys

    code = ("import sys; from coulisses.i18n import tr; tr('x {a}', a=1, lang='en'); "
            "assert 'PySide6.QtCore' not in sys.modules; "
            "tr('%n struggle(s)', None, 2, lang='en'); "
            "assert 'PySide6.QtCore' in sys.modules; "
            "assert 'PySide6.QtWidgets' not in sys.modules")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr


def test_preference_names_read_as_the_window_shows_them() -> None:
    from dataclasses import fields

    from coulisses.preferences import Preferences, label

    names = [f.name for f in fields(Preferences)]
    assert all(label(n) != n for n in names), [n for n in names if label(n) == n]
    before = i18n.language()
    try:
        i18n.set_language("fr")
        assert label("interval") == "Une photo toutes les"
    finally:
        i18n.set_language(before)


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


def test_cli_speaks_french(french_ui, cli, journal) -> None:
    code, out, err = cli("piece", "list")
    assert code == 0 and "Aucune pièce pour l’instant" in out, out

    code, out, err = cli("piece", "new", "Bol raku")
    assert code == 0 and "Pièce «\u00a0Bol raku\u00a0» créée." in out, out

    code, out, err = cli("timeline", "Bol raku")
    assert code == 0 and "Aucune photo pour l’instant." in out, out

    code, out, err = cli("mark", "Bol raku", "struggle", "--caption", "Trop d'eau.")
    assert code == 0 and out.startswith("Moment «\u00a0difficulté\u00a0» marqué à "), out
    code, out, err = cli("timeline", "Bol raku")
    assert code == 0 and "difficulté" in out and "Trop d'eau." in out, out

    code, out, err = cli("capture", "Bol raku", "--source", "0", "--count", "0")
    assert code == 2 and err.strip() == "coulisses: --count doit valoir au moins 1", err


def test_argparse_speaks_french_too(french_ui, cli, journal, capsys) -> None:
    with pytest.raises(SystemExit):
        cli("--help")
    out = capsys.readouterr().out
    assert out.startswith("usage\u00a0: coulisses"), out
    assert "arguments positionnels" in out and "afficher cette aide et quitter" in out, out
    # argparse adds the colon after a heading itself: French puts a space before it
    assert "\narguments positionnels\u00a0:\n" in out and "\noptions\u00a0:\n" in out, out
    assert "usage:" not in out and "show this help" not in out, out
    code, out, err = cli("piece", "bogus")
    assert code == 2 and "choix invalide\u00a0: «\u00a0bogus\u00a0»" in err, err


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
