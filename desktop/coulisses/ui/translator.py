"""Qt translations from the same .ts files the CLI reads (no compile step needed)."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from coulisses.i18n import _catalog


class CatalogTranslator(QTranslator):
    """A QTranslator answering from ``assets/translations/coulisses_<lang>.ts``.

    Reading the Linguist XML directly keeps one source of truth for the app and
    the CLI; a compiled .qm would only add a build step that can go stale.
    """

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._table = {} if lang == "en" else _catalog(lang)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self._table.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self._table

    def language(self) -> str:
        return self.lang
