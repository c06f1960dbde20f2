"""A piece's past exports: when, which preset, how long, where, so the app can list,
open and delete them.

One JSON line per finished export in the piece's ``exports`` cache folder
(``Journal.cache_dir``). A piece has a few dozen exports at most, so a JSON
lines file beats a TinyDB table in ``piece.json``: recording is an
fsync'd append that never rewrites the piece's metadata (nor takes its
lock while a capture writes), and a line torn by a crash is skipped on
reading instead of making the whole record unreadable. Deleting rewrites
the small file atomically. Exports made elsewhere stay listed with their
folder shown as missing once it is gone, never dropped silently.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coulisses.atomicio import fsync_dir, write_text
from coulisses.export.errors import ExportError
from coulisses.export.exporter import ExportResult
from coulisses.i18n import tr
from coulisses.journal.confine import open_append
from coulisses.journal.storage import locked
from coulisses.os_errors import describe_error, describe_os_error

if TYPE_CHECKING:
    from coulisses.export.options import ExportOptions

log = logging.getLogger(__name__)

CACHE_NAME = "exports"
LOG_NAME = "history.jsonl"
LOCK_NAME = ".lock"
MANIFEST = "export.json"  # written last into every export folder (exporter)


@dataclass(frozen=True, slots=True)
class PastExport:
    folder: Path
    when: datetime  # local time, with its offset
    preset: str
    duration: float  # seconds of reel (0: a carousel alone)
    outputs: tuple[str, ...]
    exists: bool  # False: the folder was moved or deleted outside Coulisses


# --------------------------------------------------------------------------- recording
def record_export(journal, piece_id: str, result: ExportResult,
                  options: ExportOptions) -> None:
    """Add a finished export to the piece's history."""
    _append(journal.cache_dir(piece_id, CACHE_NAME), _entry(result, options))


def record_in_piece_folder(piece_folder: Path, result: ExportResult,
                           options: ExportOptions) -> ExportResult:
    """``record_export`` from a snapshot's piece folder (no journal object at hand).

    The export is done and complete whatever happens here: a history that
    cannot be written becomes a warning on the result, not a failure."""
    from coulisses.journal.layout import cache_dir

    try:
        _append(cache_dir(piece_folder, CACHE_NAME), _entry(result, options))
    except (OSError, ValueError) as exc:
        log.warning("export not added to the history: %s", exc)
        message = tr("The export is complete but could not be added to the piece's list of "
                     "exports ({problem}).",
                     problem=describe_error(exc))
        return replace(result, warnings=(*result.warnings, message))
    return result


def _entry(result: ExportResult, options: ExportOptions) -> dict[str, Any]:
    # a carousel alone has no length: 0, not the length of a reel nobody rendered
    timed = {"mp4", "frames"} & set(result.files)
    return {"folder": str(Path(result.folder).absolute()),
            "when": datetime.now().astimezone().isoformat(timespec="seconds"),
            "preset": options.preset, "duration": round(result.duration, 3) if timed else 0.0,
            "outputs": sorted(result.files)}


def _append(folder: Path, entry: dict[str, Any]) -> None:
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    with locked(folder / LOCK_NAME):
        path = folder / LOG_NAME
        new = not path.exists()
        fd = open_append(path)  # never through a link planted at its name
        try:
            if _ends_torn(path):
                os.write(fd, b"\n")  # a crash cut the last line: never glue onto it
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
        if new:
            fsync_dir(folder)


def _ends_torn(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            if fh.tell() == 0:
                return False
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) != b"\n"
    except OSError:
        return False


# --------------------------------------------------------------------------- reading
def _read(folder: Path) -> list[dict[str, Any]]:
    try:
        data = (folder / LOG_NAME).read_bytes()
    except FileNotFoundError:
        return []
    out = []
    for raw in data.splitlines():
        try:
            entry = json.loads(raw)
        except ValueError:
            continue  # a line torn by a crash
        if isinstance(entry, dict) and _parse(entry) is not None:
            out.append(entry)
    return out


def _parse(entry: dict[str, Any]) -> PastExport | None:
    try:
        folder = Path(entry["folder"])
        when = datetime.fromisoformat(entry["when"])
        outputs = tuple(str(o) for o in entry.get("outputs") or ())
        return PastExport(folder, when, str(entry["preset"]), float(entry["duration"]),
                          outputs, folder.is_dir())
    except (KeyError, TypeError, ValueError):
        return None


def past_exports(journal, piece_id: str) -> list[PastExport]:
    """The piece's exports, newest first; a folder that is gone shows ``exists=False``."""
    entries = [_parse(e) for e in _read(journal.cache_dir(piece_id, CACHE_NAME))]
    found = [e for e in entries if e is not None]
    found.reverse()  # appended in order: newest last (stable for equal times)
    return sorted(found, key=lambda e: e.when, reverse=True)


# --------------------------------------------------------------------------- deleting
def made_by_coulisses(folder: Path, piece_id: str) -> bool:
    """True when ``folder`` is a finished Coulisses export of this piece (its manifest)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return manifest["piece"]["id"] == piece_id and "files" in manifest
    except (OSError, ValueError, KeyError, TypeError):
        return False


def delete_export(journal, piece_id: str, folder: str | os.PathLike[str]) -> None:
    """Delete one of the piece's past exports and drop it from the list.

    Only a folder in this piece's history that carries the export's own
    manifest is deleted (never a folder Coulisses did not make); one already
    gone is just dropped from the list. Raises ``ExportError`` otherwise.
    """
    cache = journal.cache_dir(piece_id, CACHE_NAME)
    target = Path(folder).absolute()
    with locked(cache / LOCK_NAME):
        entries = _read(cache)
        keep = [e for e in entries if Path(e["folder"]) != target]
        if len(keep) == len(entries):
            raise ExportError(tr("{folder} is not among this piece's exports; it was left "
                                 "alone.", folder=target))
        if target.exists() or target.is_symlink():
            if target.is_symlink() or not made_by_coulisses(target, piece_id):
                raise ExportError(tr("{folder} does not look like a Coulisses export any "
                                     "more, so it was not deleted; delete it yourself if "
                                     "you mean to.", folder=target))
            _remove(target)
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in keep)
        write_text(cache / LOG_NAME, text)


def _remove(folder: Path) -> None:
    # Renamed to a hidden name first: a deletion cut short leaves no half export
    # under the name the maker knows.
    doomed = folder.with_name(f".{folder.name}.deleting")
    try:
        os.rename(folder, doomed)
        shutil.rmtree(doomed)
    except OSError as exc:
        raise ExportError(tr("The export {folder} could not be deleted ({problem}).",
                             folder=folder, problem=describe_os_error(exc))) from exc


__all__ = ["PastExport", "delete_export", "made_by_coulisses", "past_exports",
           "record_export", "record_in_piece_folder"]
