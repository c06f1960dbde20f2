"""The piece's exports as the phone sees them: an opaque id each, never a path.

An export is found again from its id through the piece's own history
(``export.history``); its files are named by its manifest (``export.json``),
and a name is used only when it is a plain file name inside that folder, not a
link: a hand-edited manifest cannot make the server read anything else.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coulisses.export.history import MANIFEST, PastExport, made_by_coulisses, past_exports

MAX_LISTED = 20
SLIDE_EXTENSIONS = (".jpg", ".jpeg", ".png")


@dataclass(frozen=True, slots=True)
class PhoneExport:
    id: str
    when: str  # ISO 8601 with offset
    preset: str
    duration: float
    mp4: bool
    cover: bool
    slides: int
    post: bool

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "when": self.when, "preset": self.preset,
                "duration": self.duration, "mp4": self.mp4, "cover": self.cover,
                "slides": self.slides, "post": self.post}


def export_id(past: PastExport) -> str:
    """Stable while the export exists, and says nothing of where it is."""
    key = f"{past.folder}\0{past.when.isoformat()}".encode()
    return hashlib.sha256(key).hexdigest()[:20]


def _manifest(folder: Path, piece_id: str) -> dict[str, Any] | None:
    if not made_by_coulisses(folder, piece_id):
        return None
    try:
        doc = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def _plain_file(folder: Path, name: Any) -> Path | None:
    """``folder/name`` when ``name`` is a plain file name of a regular file (no link)."""
    if not isinstance(name, str) or not name or name in (".", "..") or "/" in name \
            or "\\" in name or "\0" in name:
        return None
    path = folder / name
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    return path if stat.S_ISREG(mode) else None


def _plain_dir(folder: Path, name: Any) -> Path | None:
    if not isinstance(name, str) or not name or name in (".", "..") or "/" in name \
            or "\\" in name:
        return None
    path = folder / name
    try:
        return path if stat.S_ISDIR(os.lstat(path).st_mode) else None
    except OSError:
        return None


def file_of(folder: Path, manifest: dict[str, Any], kind: str) -> Path | None:
    """The export's file of ``kind`` ("mp4", "cover", "post"), validated, or None."""
    files = manifest.get("files")
    return _plain_file(folder, files.get(kind)) if isinstance(files, dict) else None


def slides_of(folder: Path, manifest: dict[str, Any]) -> list[Path]:
    """The carousel's images in order, validated."""
    files = manifest.get("files")
    carousel = _plain_dir(folder, files.get("carousel")) if isinstance(files, dict) else None
    if carousel is None:
        return []
    try:
        names = sorted(os.listdir(carousel))
    except OSError:
        return []
    found = (_plain_file(carousel, n) for n in names if n.lower().endswith(SLIDE_EXTENSIONS))
    return [p for p in found if p is not None]


def phone_exports(journal, piece_id: str) -> list[PhoneExport]:
    """The piece's exports still on disk, newest first."""
    out = []
    for past in past_exports(journal, piece_id):
        if not past.exists:
            continue
        manifest = _manifest(past.folder, piece_id)
        if manifest is None:
            continue
        out.append(PhoneExport(export_id(past), past.when.isoformat(), past.preset,
                               past.duration,
                               file_of(past.folder, manifest, "mp4") is not None,
                               file_of(past.folder, manifest, "cover") is not None,
                               len(slides_of(past.folder, manifest)),
                               file_of(past.folder, manifest, "post") is not None))
        if len(out) >= MAX_LISTED:
            break
    return out


def find_export(journal, piece_id: str, wanted: str) -> tuple[Path, dict[str, Any]] | None:
    """The folder and manifest of the piece's export with id ``wanted``, or None."""
    if len(wanted) != 20:
        return None
    for past in past_exports(journal, piece_id):
        if past.exists and export_id(past) == wanted:
            manifest = _manifest(past.folder, piece_id)
            return (past.folder, manifest) if manifest is not None else None
    return None
