"""Keep the translation catalogues in step with the code, with Qt's own tools.

``python -m coulisses.i18n_extract`` runs ``pyside6-lupdate`` over every module
of the package into ``assets/translations/coulisses_fr.ts`` (new strings come
in as unfinished, strings no longer in the code are dropped) and into
``coulisses_en.ts`` with plural entries only (English needs its "1 still" /
"2 stills" forms too), then ``pyside6-lrelease`` compiles each ``.ts`` into
the ``.qm`` shipped beside it. Translate with Qt Linguist
(``pyside6-linguist assets/translations/coulisses_fr.ts``) or any editor,
then run it again to compile. ``--check`` changes nothing and says whether the
catalogues and the compiled files are in step (the tests ask the same).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from coulisses.i18n import SUPPORTED, catalogue_path

PACKAGE = Path(__file__).resolve().parent
# English is the source language; its catalogue holds only the plural forms.
PLURAL_ONLY = ("en",)


def sources(root: Path = PACKAGE) -> list[Path]:
    """Every module lupdate reads, in a stable order."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _qt_tool(name: str, *args: str) -> subprocess.CompletedProcess:
    # PySide6's own launcher finds the tool inside the wheel on every platform.
    code = f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())"
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed ({done.returncode}): {done.stderr or done.stdout}")
    return done


def lupdate(ts: Path, lang: str, files: list[Path] | None = None) -> None:
    """Merge the strings of ``files`` into ``ts`` (created when missing)."""
    files = sources() if files is None else files
    args = ["-no-obsolete", "-target-language", lang, "-source-language", "en"]
    if lang in PLURAL_ONLY:
        args.append("-pluralonly")
    # A list file keeps the command line short on Windows.
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(f) for f in files))
    try:
        _qt_tool("lupdate", *args, f"@{lst.name}", "-ts", str(ts))
    finally:
        Path(lst.name).unlink(missing_ok=True)


def lrelease(ts: Path, qm: Path) -> None:
    # Compiled beside it, then renamed over it: Qt maps a loaded catalogue into memory, and
    # a running window whose .qm was rewritten in place showed English from then on.
    fresh = qm.with_name(qm.name + ".new")
    _qt_tool("lrelease", "-silent", str(ts), "-qm", str(fresh))
    os.replace(fresh, qm)


def messages(ts: Path) -> dict[tuple[str, str, str], dict]:
    """{(context, source, disambiguation): {"numerus", "type", "forms", "where"}} from a .ts."""
    table: dict[tuple[str, str, str], dict] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            trans = msg.find("translation")
            forms = [f.text or "" for f in trans.iter("numerusform")] if trans is not None else []
            if not forms and trans is not None:
                forms = [trans.text or ""]
            loc = msg.find("location")
            # Locations are relative to the .ts; show them from the package down.
            file = "" if loc is None else loc.get("filename") or ""
            file = file[file.find("coulisses/"):] if "coulisses/" in file else file
            where = f"{file}:{loc.get('line')}" if loc is not None else ""
            key = (name, msg.findtext("source") or "", msg.findtext("comment") or "")
            table[key] = {"numerus": msg.get("numerus") == "yes",
                          "type": None if trans is None else trans.get("type"),
                          "forms": forms, "where": where}
    return table


def update(langs: tuple[str, ...] = SUPPORTED) -> dict[str, tuple[int, int]]:
    """Extract and compile every catalogue; {lang: (messages, unfinished)}."""
    report = {}
    for lang in langs:
        ts = catalogue_path(lang, ".ts")
        lupdate(ts, lang)
        lrelease(ts, catalogue_path(lang))
        for path in (ts, catalogue_path(lang)):
            path.chmod(0o644)  # lupdate writes owner-only files; these ship to everyone
        table = messages(ts)
        report[lang] = (len(table), sum(m["type"] == "unfinished" for m in table.values()))
    return report


def check(langs: tuple[str, ...] = SUPPORTED) -> list[str]:
    """What is out of step, in sentences; empty when the catalogues match the code."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            ts = catalogue_path(lang, ".ts")
            fresh = Path(tmp) / ts.name
            fresh.write_bytes(ts.read_bytes())
            lupdate(fresh, lang)
            before, after = messages(ts), messages(fresh)
            if set(before) != set(after):
                added = sorted(set(after) - set(before))
                gone = sorted(set(before) - set(after))
                problems.append(f"{ts.name} is not in step with the code: "
                                f"{len(added)} new ({added[:5]}), {len(gone)} gone ({gone[:5]})")
            unfinished = [k for k, m in after.items()
                          if m["type"] == "unfinished" or not all(f.strip() for f in m["forms"])]
            if unfinished:
                problems.append(f"{ts.name}: {len(unfinished)} without a translation: "
                                + "; ".join(f"{after[k]['where']} {k[1]!r}"
                                            for k in unfinished[:20]))
            qm = catalogue_path(lang)
            compiled = Path(tmp) / qm.name
            lrelease(ts, compiled)
            stale = _answers_differ(qm, compiled, before)
            if stale:
                problems.append(f"{qm.name} does not match {ts.name} ({stale}): compile it again")
    return problems


def _answers_differ(qm: Path, fresh: Path, table: dict) -> str:
    """The first message the committed .qm answers differently from a fresh compile.

    Compared by what QTranslator answers rather than by bytes: another Qt
    version's lrelease may lay the same catalogue out differently.
    """
    from PySide6.QtCore import QTranslator

    old, new = QTranslator(), QTranslator()
    if not qm.is_file() or not old.load(str(qm)):
        return "missing"
    new.load(str(fresh))
    for context, source, comment in table:
        for n in (-1, 1, 2):
            args = (context, source, comment or None, n)
            if old.translate(*args) != new.translate(*args):
                return f"{source!r}"
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coulisses.i18n_extract",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when a catalogue is out of step")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations are in step with the code")
        return 1 if problems else 0
    for lang, (total, missing) in update().items():
        print(f"{lang}: {total} strings, {missing} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
