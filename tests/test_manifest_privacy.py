"""Privacy of what an export publishes (issue 21): no file name, folder, user, device or place.

Photos imported from a phone folder carry private things twice: in their
names ("Marie Dupont passport scan.jpg" in /home/marie/Documents/Papiers),
which the journal keeps in each still's id, and in their EXIF (artist,
copyright, owner, camera serial, GPS). A reel made from them is read back
file by file (bytes of every output, then every Content Credentials manifest
through c2pa's own Reader): none of it may appear. What the maker chose to
show (the piece name, the captions on visible stills) may; the name she signs
with is hers to choose (credentials/identity.py).
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import c2pa
import numpy as np
import pytest
from PIL import ExifTags, Image

from coulisses.capture.importer import import_photos
from coulisses.credentials.process import LABEL, merkle_root
from coulisses.export.exporter import ALL_OUTPUTS, export_reel
from coulisses.export.piece import plan_for
from tests.test_export_support import SMALL
from tests.test_import_photos import scene

WHO = "Marie Dupont"
STEM = "Marie Dupont passport scan"
FOLDER_PARTS = ("home", "marie", "Documents", "Papiers")
SERIAL = "SN-8812-MDPHONE-0007"
MAKE, MODEL = "Pixelware", "Phone 9 Pro"
GPS_IFD = 0x8825
PIECE = "Bol à thé"
HIDDEN_CAPTION = "chez Marie, rue des Lilas"  # on a hidden still: must not appear
# Words that name the maker, her files, folders or device: none may leave.
SECRETS = ("Marie", "Dupont", "passport", "Papiers", "/home/marie", "Documents", SERIAL,
           MODEL, "Lilas")


def private_photo(path: Path, taken: str, seed: int) -> Path:
    """A JPEG as a phone writes it, with the owner's name everywhere EXIF allows."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = MAKE
    exif[ExifTags.Base.Model] = MODEL
    exif[ExifTags.Base.Artist] = WHO
    exif[ExifTags.Base.Copyright] = f"(c) {WHO} 2025"
    exif[ExifTags.Base.ImageDescription] = str(path)
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[ExifTags.Base.DateTimeOriginal] = taken
    sub[ExifTags.Base.OffsetTimeOriginal] = "+01:00"
    sub[ExifTags.Base.BodySerialNumber] = SERIAL
    sub[ExifTags.Base.CameraOwnerName] = WHO
    gps = exif.get_ifd(GPS_IFD)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 51.0, 29.6)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (2.0, 17.0, 40.2)
    rng = np.random.default_rng(seed)
    img = scene(640, 480)
    img.paste(tuple(int(v) for v in rng.integers(0, 255, 3)), (250, 200, 350, 260))
    img.save(path, "JPEG", quality=88, exif=exif.tobytes())
    return path


def private_folder(root: Path, n: int) -> Path:
    """/home/marie/Documents/Papiers (under ``root``) holding ``n`` private photos."""
    folder = root.joinpath(*FOLDER_PARTS)
    folder.mkdir(parents=True)
    for i in range(n):
        name = f"{STEM}.jpg" if i == 0 else f"{STEM} {i + 1}.jpg"
        private_photo(folder / name, f"2025:05:01 10:{i:02d}:00", seed=i)
    return folder


def make_private_piece(journal, root: Path, *, n: int = 10, result: bool = True):
    """A piece of ``n`` imported private photos, moments on them, one still hidden."""
    piece = journal.create_piece(PIECE)
    report = import_photos(journal, piece.id, [private_folder(root, n)])
    assert len(report.imported) == n
    caps = journal.snapshot(piece.id).captures
    assert all(STEM in c.id for c in caps)  # premise: the ids carry the file names
    journal.add_moment(piece.id, "struggle", at=caps[2].id, caption="Trop d'eau.")
    journal.add_moment(piece.id, "milestone", at=caps[4].id, span_to=caps[6].id)
    journal.add_moment(piece.id, "note", at=caps[7].id, caption=HIDDEN_CAPTION)
    journal.hide_stills(piece.id, [caps[7].id])
    if result:
        journal.add_moment(piece.id, "result", at=caps[-1].id, caption="Fini.")
    return journal.piece(piece.id), caps


def leaks(text: bytes | str, extra: tuple[str, ...] = ()) -> list[str]:
    """The secrets ``text`` names (UTF-8 and UTF-16 spellings for bytes; any case for text)."""
    words = (*SECRETS, *extra)
    if isinstance(text, str):
        low = text.lower()
        return [w for w in words if w.lower() in low]
    found = [w for w in words if w.encode() in text or w.encode("utf-16-le") in text
             or w.encode("utf-16-be") in text]
    for order in ("<", ">"):  # the GPS latitude as EXIF rationals 48/1, 51/1
        if np.array([48, 1, 51, 1], dtype=f"{order}u4").tobytes() in text:
            found.append("GPS latitude")
    return found


def exif_leaks(data: bytes) -> list[str]:
    found = []
    try:
        with Image.open(io.BytesIO(data)) as im:
            exif = im.getexif()
            if exif.get_ifd(GPS_IFD) or GPS_IFD in exif:
                found.append("GPS IFD")
            for tag in (ExifTags.Base.Artist, ExifTags.Base.Copyright, ExifTags.Base.Model,
                        ExifTags.Base.ImageDescription):
                if tag in exif:
                    found.append(ExifTags.TAGS[tag])
            sub = exif.get_ifd(ExifTags.IFD.Exif)
            for tag in (ExifTags.Base.BodySerialNumber, ExifTags.Base.CameraOwnerName):
                if tag in sub:
                    found.append(ExifTags.TAGS[tag])
    except Exception:  # noqa: BLE001 - not an image: the byte scan is what applies
        pass
    return found


def manifest_json(path: Path) -> str | None:
    """c2pa's own reading of ``path``'s Content Credentials (None: it carries none)."""
    with open(path, "rb") as fh:
        try:
            reader = c2pa.Reader.try_create("", io.BytesIO(fh.read()))
        except c2pa.C2paError:
            return None
    if reader is None:
        return None
    with reader:
        return reader.json()


def export_private(journal, root: Path, out: Path, *, result: bool = True):
    piece, caps = make_private_piece(journal, root, result=result)
    plan = plan_for(journal.snapshot(piece.id), SMALL, duration=8.0)
    done = export_reel(plan, out, SMALL, outputs=ALL_OUTPUTS)
    assert done.credentials is not None and done.credentials.ok, done.credentials
    return piece, caps, plan, done


@pytest.fixture
def private_export(journal, tmp_path):
    return export_private(journal, tmp_path, tmp_path / "out")


def _private_paths(journal, tmp_path) -> tuple[str, ...]:
    return (str(tmp_path), str(journal.home), str(tmp_path.joinpath(*FOLDER_PARTS)))


def test_no_output_file_names_the_makers_files_folders_device_or_place(
        private_export, journal, tmp_path):
    piece, _, _, done = private_export
    files = sorted(p for p in done.folder.rglob("*") if p.is_file())
    names = {p.relative_to(done.folder).as_posix() for p in files}
    stem = done.files["mp4"].stem
    for output in (f"{stem}.mp4", f"{stem}-cover.jpg", f"{stem}-post.txt", f"{stem}.srt",
                   f"{stem}.vtt", "export.json", "carousel/01.jpg"):
        assert output in names, sorted(names)  # every kind of output is read back
    assert sum(1 for n in names if n.startswith("frames/")) >= 30
    assert PIECE in done.files["post"].read_text("utf-8")  # what the maker chose may appear
    found = {}
    for path in files:
        data = path.read_bytes()
        bad = leaks(data, _private_paths(journal, tmp_path)) + exif_leaks(data)
        if bad:
            found[path.relative_to(done.folder).as_posix()] = bad
    assert found == {}


def test_no_manifest_names_the_makers_files_and_stills_go_by_hash_and_index(
        private_export, journal, tmp_path):
    _, caps, _, done = private_export
    signed = [p for p in sorted(done.folder.rglob("*")) if p.suffix in (".mp4", ".jpg")]
    read = {p.relative_to(done.folder).as_posix(): manifest_json(p) for p in signed}
    assert read[done.files["mp4"].name] and read[done.files["cover"].name]
    assert read["carousel/01.jpg"]
    assert not any(v for k, v in read.items() if k.startswith("frames/"))  # frames: unsigned
    found = {k: leaks(v, (*_private_paths(journal, tmp_path), *(c.id for c in caps)))
             for k, v in read.items() if v}
    assert {k: v for k, v in found.items() if v} == {}

    # The process log keeps its evidence: each still shown by its hash and its place
    # among the stills captured (1 = first), which a follower holding the still checks.
    with c2pa.Reader("", io.BytesIO(done.files["mp4"].read_bytes())) as reader:
        active = reader.get_active_manifest()
    log = next(a["data"] for a in active["assertions"] if a["label"] == LABEL)
    shown = log["stills_shown"]["sha256"]
    by_index = {i: c for i, c in enumerate(caps, 1)}
    assert shown and all(set(e) == {"index", "sha256"} for e in shown)
    for e in shown:
        assert hashlib.sha256(by_index[e["index"]].path.read_bytes()).hexdigest() == e["sha256"]
    assert 8 not in {e["index"] for e in shown}  # the hidden still (caps[7]) is never shown
    assert log["stills_shown"]["merkle_root"] == merkle_root([e["sha256"] for e in shown])
    assert log["stills_captured"] == 10 and log["stills_hidden"] == 1
    assert {"capture", "sessions", "moments", "effort"} <= set(log)
    assert all(set(m) <= {"kind", "time", "caption"} for m in log["moments"])
    assert json.dumps(log, ensure_ascii=False).count("Trop d'eau.") == 1  # visible caption


def test_an_unreadable_stills_warning_does_not_publish_its_path(journal, tmp_path):
    piece, caps = make_private_piece(journal, tmp_path)
    caps[3].path.write_bytes(caps[3].path.read_bytes()[:300])  # a truncated still
    plan = plan_for(journal.snapshot(piece.id), SMALL, duration=8.0)
    done = export_reel(plan, tmp_path / "out", SMALL, outputs=ALL_OUTPUTS)
    assert any("could not be read" in w for w in done.warnings)  # the maker is told
    record = (done.folder / "export.json").read_bytes()
    assert leaks(record, _private_paths(journal, tmp_path)) == []
