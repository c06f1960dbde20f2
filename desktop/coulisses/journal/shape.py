"""Shape checks for the journal's JSON documents, run on every read.

Valid JSON can still be the wrong shape (a hand edit, a sync conflict, a bug
in another version): a moment without ``time`` or ``"piece": []`` must not
crash a command. A file that does not fit is handled like a corrupt one
(set aside, previous version restored), so the check says in one phrase what
is wrong. Fields a document may lack are the ones the readers default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coulisses.i18n import tr
from coulisses.journal.capture_id import is_capture_id
from coulisses.journal.model import MOMENT_KINDS, parse_iso

Check = Callable[[Any], str | None]


def _is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parse_iso(value)
    except (ValueError, OverflowError):
        return False
    return True


def _id_or_none(value: Any) -> bool:
    # Ids read from disk are checked where they come in, like every id that may one
    # day name a file (journal.capture_id).
    return value is None or is_capture_id(value)


def tables_problem(data: Any) -> str | None:
    """TinyDB's own shape: {table: {doc id: {field: value}}}."""
    if not isinstance(data, dict):
        return tr("it is not a journal table file")
    for name, table in data.items():
        if not isinstance(table, dict):
            return tr("its table {name!r} is not a table", name=name)
        for doc_id, doc in table.items():
            if not isinstance(doc, dict) or not str(doc_id).isdigit():
                return tr("its table {name!r} holds something that is not a record", name=name)
    return None


def _piece_doc(d: dict[str, Any]) -> str | None:
    if not isinstance(d.get("name"), str):
        return tr("the piece has no name")
    if not _is_time(d.get("created")):
        return tr("the piece has no valid creation time")
    if not isinstance(d.get("settings", {}), dict):
        return tr("the piece settings are not a set of settings")
    return None


def _moment_doc(d: dict[str, Any]) -> str | None:
    if not isinstance(d.get("id"), str) or not d["id"]:
        return tr("a moment has no id")
    if d.get("kind") not in MOMENT_KINDS:
        return tr("moment {id} has an unknown kind", id=d["id"])
    if not _is_time(d.get("time")):
        return tr("moment {id} has no valid time", id=d["id"])
    if not isinstance(d.get("caption", ""), str):
        return tr("moment {id} has a caption that is not text", id=d["id"])
    if "created" in d and not _is_time(d["created"]):
        return tr("moment {id} has no valid creation time", id=d["id"])
    if not _id_or_none(d.get("capture")) or not _id_or_none(d.get("span_to")):
        return tr("moment {id} points to a still in a way Coulisses cannot read", id=d["id"])
    return None


def _gap_doc(d: dict[str, Any]) -> str | None:
    if not _is_time(d.get("start")):
        return tr("a camera outage has no valid start")
    if d.get("end") is not None and not _is_time(d["end"]):
        return tr("a camera outage has an end that is not a time")
    if not isinstance(d.get("reason", ""), str) or not isinstance(d.get("kind", ""), str):
        return tr("a camera outage has a reason that is not text")
    return None


def _meta_doc(d: dict[str, Any]) -> str | None:
    if not is_capture_id(d.get("capture")) or not isinstance(d.get("meta", {}), dict):
        return tr("the settings of a still are not readable")
    return None


def _dismissed_doc(d: dict[str, Any]) -> str | None:
    if not isinstance(d.get("key"), str):
        return tr("a dismissed suggestion has no key")
    return None


def _hidden_doc(d: dict[str, Any]) -> str | None:
    ranges = d.get("ranges", [])
    if not isinstance(ranges, list) or not all(
            isinstance(r, list) and len(r) == 2 and all(is_capture_id(x) for x in r)
            for r in ranges):
        return tr("the list of hidden stills is not readable")
    return None


def moment_problem(doc: dict[str, Any]) -> str | None:
    """Why a moment document cannot be read, or None (a move's record carries some)."""
    return _moment_doc(doc)


_PIECE_TABLES: dict[str, Callable[[dict[str, Any]], str | None]] = {
    "piece": _piece_doc, "moments": _moment_doc, "gaps": _gap_doc,
    "capture_meta": _meta_doc, "dismissed": _dismissed_doc, "hidden": _hidden_doc,
}


def piece_problem(data: Any) -> str | None:
    """Why ``data`` is not a readable ``piece.json``, or None when it is."""
    problem = tables_problem(data)
    if problem:
        return problem
    for name, check in _PIECE_TABLES.items():
        for doc in (data.get(name) or {}).values():
            problem = check(doc)
            if problem:
                return problem
    return None


def root_problem(data: Any) -> str | None:
    """Why ``data`` is not a readable ``coulisses.json``, or None when it is."""
    return tables_problem(data)


__all__ = ["Check", "moment_problem", "piece_problem", "root_problem", "tables_problem"]
