"""Privacy: the journal keeps a phone photo's EXIF (the maker's copy); no export carries it.

A phone photo carries where it was taken (GPS) and which device took it
(serial numbers, the owner's name). Stored as its original bytes, the
journal keeps them; everything that leaves through an export (the MP4, the
frames, the cover, the carousel, the captions, the post text, export.json and
the Content Credentials) must carry none of it, nor the photos' file names.
"""

from __future__ import annotations

import io
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import ExifTags, Image

from coulisses.capture.importer import import_photos
from tests.test_import_photos import scene

SERIAL = "SN-4711-CLAYPHONE-0042"
OWNER = "Juliette Potiere"
MAKE, MODEL = "Pixelware", "Phone 9 Pro"
GPS_IFD = 0x8825
# Strings that must not leave: the serial and owner, and the device too (it
# narrows down who filmed). Make and Model are checked as a pair.
SECRETS = (SERIAL.encode(), OWNER.encode(), MODEL.encode())


def gps_photo(path: Path, taken: str, seed: int) -> Path:
    """A JPEG as a phone writes it: GPS position, device, serial, owner."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = MAKE
    exif[ExifTags.Base.Model] = MODEL
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[ExifTags.Base.DateTimeOriginal] = taken
    sub[ExifTags.Base.OffsetTimeOriginal] = "+01:00"
    sub[ExifTags.Base.BodySerialNumber] = SERIAL
    sub[ExifTags.Base.CameraOwnerName] = OWNER
    gps = exif.get_ifd(GPS_IFD)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 51.0, 29.6)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (2.0, 17.0, 40.2)
    rng = np.random.default_rng(seed)
    img = scene(1200, 900)
    img.paste(tuple(int(v) for v in rng.integers(0, 255, 3)), (500, 400, 700, 500))
    img.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def leaks_in_exif(data: bytes) -> list[str]:
    """What a JPEG's (or PNG's) metadata gives away."""
    found = []
    try:
        with Image.open(io.BytesIO(data)) as im:
            exif = im.getexif()
            if exif.get_ifd(GPS_IFD) or GPS_IFD in exif:
                found.append("GPS IFD")
            sub = exif.get_ifd(ExifTags.IFD.Exif)
            for tag in (ExifTags.Base.BodySerialNumber, ExifTags.Base.CameraOwnerName):
                if tag in sub:
                    found.append(ExifTags.TAGS[tag])
            if exif.get(ExifTags.Base.Model) == MODEL:
                found.append("Model")
            for key, value in im.info.items():  # XMP, comments, PNG text chunks
                blob = value if isinstance(value, bytes) else str(value).encode()
                if any(s in blob for s in SECRETS):
                    found.append(f"info[{key}]")
    except Exception:  # noqa: BLE001 - not an image: only the raw byte scan applies
        pass
    return found


def leaks_in_bytes(data: bytes) -> list[str]:
    found = [s.decode() for s in SECRETS if s in data]
    # The GPS position as EXIF stores it: rationals 48/1, 51/1 (either byte order).
    for order in ("<", ">"):
        lat = np.array([48, 1, 51, 1], dtype=f"{order}u4").tobytes()
        if lat in data:
            found.append(f"GPS latitude rationals ({order})")
    return found


def leaks_in_mp4(path: Path) -> list[str]:
    found = []
    with av.open(str(path)) as container:
        tags = dict(container.metadata)
        for stream in container.streams:
            tags.update(stream.metadata)
    for key, value in tags.items():
        if any(s.decode() in str(value) for s in SECRETS) or "location" in key.lower():
            found.append(f"metadata {key}={value}")
    return found


def manifest_text(path: Path) -> str:
    """The Content Credentials of ``path`` as c2pa reads them ("" when it has none)."""
    import c2pa

    if path.suffix.lower() not in (".mp4", ".jpg"):
        return ""
    with open(path, "rb") as fh:
        try:
            reader = c2pa.Reader.try_create("", io.BytesIO(fh.read()))
        except c2pa.C2paError:
            return ""
    if reader is None:
        return ""
    with reader:
        return reader.json()


def gps_card(folder: Path, n: int) -> Path:
    """A phone's card of ``n`` photos carrying GPS, serial and owner tags."""
    folder.mkdir()
    for i in range(n):
        gps_photo(folder / f"IMG_{i:04d}.jpg", f"2025:05:01 10:{i:02d}:00", seed=i)
    return folder


@pytest.fixture
def imported_piece(journal, tmp_path):
    piece = journal.create_piece("Vase bleu")
    card = gps_card(tmp_path / "DCIM", 8)
    report = import_photos(journal, piece.id, [card])
    assert len(report.imported) == 8
    caps = journal.snapshot(piece.id).captures
    journal.add_moment(piece.id, "struggle", at=caps[3].id, caption="Trop d'eau.")
    return piece, caps


def test_the_journal_keeps_the_makers_own_copy(imported_piece):
    """Premise of the test: the stored stills do carry GPS and serial (original bytes)."""
    _, caps = imported_piece
    data = caps[0].path.read_bytes()
    assert "GPS IFD" in leaks_in_exif(data) and SERIAL in leaks_in_bytes(data)


def test_nothing_that_leaves_through_an_export_carries_gps_or_device_ids(
        imported_piece, cli, tmp_path):
    piece, _ = imported_piece
    out = tmp_path / "out"
    code, stdout, stderr = cli("export", piece.id, "--out", str(out), "--duration", "6",
                               "--carousel")
    assert code == 0, stderr
    folder = Path(stdout.strip().splitlines()[-1])
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    names = {p.name for p in files}
    for output in (f"{piece.id}.mp4", f"{piece.id}-cover.jpg", f"{piece.id}-post.txt",
                   f"{piece.id}.srt", f"{piece.id}.vtt", "export.json", "01.jpg"):
        assert output in names, sorted(names)  # every output is scanned
    frames = [p for p in files if p.parent.name == "frames" and p.suffix == ".jpg"]
    assert len(frames) >= 30, "no frame files"
    leaks = {}
    for path in files:
        data = path.read_bytes()
        found = leaks_in_bytes(data)
        if path.suffix.lower() in (".jpg", ".jpeg", ".png"):
            found += leaks_in_exif(data)
        if path.suffix.lower() == ".mp4":
            found += leaks_in_mp4(path)
        # The card's file names and folder (the stills' ids keep them) stay home too,
        # in the bytes and in the Content Credentials as c2pa reads them (issue 21).
        for text in (data.decode("latin-1"), manifest_text(path)):
            found += [w for w in ("IMG_0", str(tmp_path / "DCIM")) if w in text]
        if found:
            leaks[str(path.relative_to(folder))] = found
    assert leaks == {}


def test_the_scan_finds_a_leak_when_there_is_one(tmp_path):
    """The checks above can fail: a photo with its EXIF is caught by each of them."""
    photo = gps_photo(tmp_path / "leak.jpg", "2025:05:01 10:00:00", seed=0)
    data = photo.read_bytes()
    assert {"GPS IFD", "BodySerialNumber", "CameraOwnerName", "Model"} <= set(leaks_in_exif(data))
    assert SERIAL in leaks_in_bytes(data) and OWNER in leaks_in_bytes(data)
    assert any("GPS latitude" in f for f in leaks_in_bytes(data))
    mp4 = tmp_path / "tagged.mp4"
    with av.open(str(mp4), "w") as container:
        container.metadata["comment"] = f"shot on {MODEL} {SERIAL}"
        container.metadata["location"] = "+48.8582+002.2945/"
        stream = container.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 64, 64, "yuv420p"
        frame = av.VideoFrame.from_ndarray(np.zeros((64, 64, 3), np.uint8), format="rgb24")
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    assert len(leaks_in_mp4(mp4)) >= 1
    assert SERIAL in leaks_in_bytes(mp4.read_bytes())
