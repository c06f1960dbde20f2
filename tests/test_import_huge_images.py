"""A small file that opens to a huge picture cannot take the machine's memory (issue 20, defect 9).

The PNGs are real: a 13,000×13,000 picture of one colour, written row by row
(``tests/bench/bench_import_huge.py`` makes them without holding the pixels),
is a 164 KB palette PNG or a 555 KB RGB one. Today's limits are in
``photo_decode`` (MAX_PIXELS, MAX_WHOLE_PIXELS, DECODE_BUDGET); the peak memory
of a whole import is measured in a child process, alone, as a maker's would be.
The bench measures the same on a bigger folder and prints the figures.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import threading
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageFile

from coulisses.capture import photo_decode
from coulisses.capture.importer import IMPORTED, SKIPPED, import_photos
from coulisses.capture.photo_decode import TOO_LARGE
from tests.bench.bench_import_huge import flat_png, flat_png_idat

ROOT = Path(__file__).resolve().parent.parent
SIDE = 13_000  # 169 MP: over MAX_WHOLE_PIXELS for a PNG
# Memory an import of the folder below may peak at, in the child process:
# Python with numpy, OpenCV and Pillow loaded is ~60 MB, ordinary photos add a
# few tens. Today's code took ~2 GB for each huge PNG, several at once.
RSS_BOUND_MB = 600


@pytest.fixture(scope="module")
def huge_pngs(tmp_path_factory) -> dict[str, bytes]:
    """The bytes of real 13,000×13,000 PNGs: two palette ones, one RGB (made once)."""
    idat = flat_png_idat(SIDE, SIDE)
    return {"poster_a.png": flat_png(SIDE, SIDE, (200, 120, 40), True, idat),
            "poster_b.png": flat_png(SIDE, SIDE, (40, 90, 200), True, idat),
            "poster_rgb.png": flat_png(SIDE, SIDE, (30, 160, 90), palette=False)}


def _photo(path: Path, taken: str, size=(640, 480), fmt="JPEG") -> Path:
    img = Image.new("RGB", size, (120, 100, 80))
    img.paste((200, 40, 40), (0, 0, size[0] // 3, size[1] // 3))
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    img.save(path, fmt, exif=exif.tobytes())
    return path


@pytest.fixture
def folder(tmp_path, huge_pngs) -> Path:
    """Huge PNGs beside ordinary photos that must still be imported."""
    card = tmp_path / "card"
    card.mkdir()
    for name, data in huge_pngs.items():
        (card / name).write_bytes(data)
    _photo(card / "IMG_0001.jpg", "2025:02:01 09:00:00")
    _photo(card / "IMG_0002.jpg", "2025:02:01 09:05:00")
    _photo(card / "sketch.png", "2025:02:01 09:10:00", (800, 600), "PNG")
    return card


@pytest.fixture
def piece(journal):
    return journal.create_piece("Affiche")


def test_the_huge_pngs_are_small_files(huge_pngs):
    sizes = {name: len(data) for name, data in huge_pngs.items()}
    assert sizes["poster_a.png"] < 200_000 and sizes["poster_rgb.png"] < 700_000, sizes
    with Image.open(io.BytesIO(huge_pngs["poster_a.png"])) as img:
        assert img.size == (SIDE, SIDE) and img.mode == "P"


@pytest.fixture
def decoded(monkeypatch) -> list[tuple[int, int]]:
    """The size of every picture Pillow decodes from now on (its one ``load``)."""
    sizes: list[tuple[int, int]] = []
    real_load = ImageFile.ImageFile.load

    def load(self):
        sizes.append(self.size)
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return sizes


def test_a_huge_png_is_refused_from_its_header_and_named(journal, piece, folder, decoded):
    report = import_photos(journal, piece.id, [folder])
    imported = sorted(o.path.name for o in report.outcomes if o.status == IMPORTED)
    assert imported == ["IMG_0001.jpg", "IMG_0002.jpg", "sketch.png"]
    skipped = {o.path.name: o for o in report.outcomes if o.status == SKIPPED}
    assert set(skipped) == {"poster_a.png", "poster_b.png", "poster_rgb.png"}
    for o in skipped.values():
        assert o.kind == TOO_LARGE
        assert o.reason == ("the image is too large to import (13000×13000 pixels; Coulisses "
                            "imports a PNG of up to 120 megapixels): save a smaller copy and "
                            "import that")
    assert decoded and all(w * h < 10_000_000 for w, h in decoded), decoded  # never decoded


def test_the_cli_summary_names_each_huge_file_in_one_sentence(journal, piece, folder, cli):
    code, out, err = cli("import", piece.id, str(folder))
    assert code == 1  # something was skipped
    assert "Photos imported into “Affiche”: 3." in out
    lines = [line for line in err.splitlines() if "poster" in line]
    assert len(lines) == 3, err
    for line in lines:
        assert line.strip().startswith(str(folder / "poster"))
        assert ": the image is too large to import (13000×13000 pixels;" in line


def test_importing_a_folder_of_huge_pngs_keeps_its_memory_bounded(folder, tmp_path):
    """Peak RSS of the whole import, in a child process with four workers."""
    home = tmp_path / "home"
    child = textwrap.dedent("""
        import json, sys
        from pathlib import Path
        from coulisses.capture.importer import import_photos
        from coulisses.journal import Journal

        sys.path.insert(0, sys.argv[3])
        from tests.bench.memory import peak_rss_mb  # not ru_maxrss: see there

        journal = Journal.open(Path(sys.argv[1]))
        piece = journal.create_piece("Affiche")
        report = import_photos(journal, piece.id, [Path(sys.argv[2])], workers=4)
        print(json.dumps({
            "imported": sorted(o.path.name for o in report.outcomes if o.status == "imported"),
            "peak_mb": peak_rss_mb(),
        }))
    """)
    done = subprocess.run([sys.executable, "-c", child, str(home), str(folder), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["peak_mb"] < RSS_BOUND_MB, result
    assert result["imported"] == ["IMG_0001.jpg", "IMG_0002.jpg", "sketch.png"]


def test_a_200_megapixel_phone_photo_is_imported_scaled(journal, piece, tmp_path):
    """The largest photo a camera makes today (16320×12240) goes in, at MAX_SIDE."""
    path = tmp_path / "PHONE.jpg"
    # Made in a child process: Pillow holds the 200 MB of grey pixels there, not here.
    make = ("import sys; from PIL import Image; Image.MAX_IMAGE_PIXELS = None; "
            "Image.new('L', (16320, 12240), 140).save(sys.argv[1], quality=80)")
    subprocess.run([sys.executable, "-c", make, str(path)], check=True, timeout=120)
    report = import_photos(journal, piece.id, [path])
    assert [o.status for o in report.outcomes] == [IMPORTED], report.skipped
    with Image.open(report.imported[0].path) as stored:
        assert max(stored.size) == photo_decode.MAX_SIDE


def _claiming(png: bytes, height: int) -> bytes:
    """The same PNG with a header that claims ``height`` rows (and a CRC to match)."""
    ihdr = bytearray(png[8:33])  # length, b"IHDR", 13 bytes of data, CRC
    ihdr[12:16] = height.to_bytes(4, "big")
    ihdr[21:25] = zlib.crc32(bytes(ihdr[4:21])).to_bytes(4, "big")
    return png[:8] + bytes(ihdr) + png[33:]


def test_pillows_own_guard_still_speaks_beyond_twice_the_limit(journal, piece, tmp_path):
    # Only the header matters: Pillow refuses at open, before reading any pixel.
    side = 21_000  # 441 MP: over twice MAX_PIXELS
    path = tmp_path / "bomb.png"
    path.write_bytes(_claiming(flat_png(side, 8, (10, 20, 30)), side))
    report = import_photos(journal, piece.id, [path])
    (o,) = report.outcomes
    assert o.status == SKIPPED and o.kind == TOO_LARGE
    assert o.reason == ("the image is too large to import (441 megapixels; Coulisses imports "
                        "photos of up to 210 megapixels): save a smaller copy and import that")


def test_a_heic_is_checked_from_its_header_too(journal, piece, tmp_path, monkeypatch):
    if not photo_decode.HEIF_AVAILABLE:
        pytest.skip("pillow-heif is not installed")
    path = tmp_path / "IMG_0042.HEIC"
    Image.new("RGB", (320, 240), (90, 60, 30)).save(path, "HEIF", quality=60)
    # A real HEIC over the limit takes minutes to encode: the limit comes down instead.
    monkeypatch.setattr(photo_decode, "MAX_WHOLE_PIXELS", 320 * 240 - 1)
    report = import_photos(journal, piece.id, [path])
    (o,) = report.outcomes
    assert o.status == SKIPPED and o.kind == TOO_LARGE
    assert o.reason.startswith("the image is too large to import (320×240 pixels; Coulisses "
                               "imports a HEIF of up to")


def test_a_png_is_not_decoded_to_read_its_capture_time(tmp_path, decoded):
    """The header step stays a header step: an eXIf after the pixels is found by hopping."""
    path = _photo(tmp_path / "late_exif.png", "2024:11:02 08:30:00", (400, 300), "PNG")
    data = path.read_bytes()
    # Move the eXIf chunk after the pixels, where some tools write it.
    start = data.index(b"eXIf") - 4
    end = start + 12 + int.from_bytes(data[start:start + 4], "big")
    rest = data[:start] + data[end:]
    iend = rest.index(b"IEND") - 4
    assert rest.index(b"IDAT") < iend
    path.write_bytes(rest[:iend] + data[start:end] + rest[iend:])
    with photo_decode.opened(path) as (_img, header, _fh):
        assert decoded == []  # Pillow's getexif() would have decoded every pixel for it
        assert header.taken.when.year == 2024 and header.taken.from_exif


def test_decodes_take_turns_within_the_memory_budget(journal, piece, tmp_path, monkeypatch):
    """Accepted big pictures are decoded one at a time when two would not fit the budget."""
    card = tmp_path / "scans"
    card.mkdir()
    idat = flat_png_idat(4000, 4000)  # 16 MP palette PNGs: ~96 MB each to decode
    for i in range(3):
        (card / f"scan_{i}.png").write_bytes(flat_png(4000, 4000, (40 * i, 90, 120), True, idat))
    monkeypatch.setattr(photo_decode, "_budget", photo_decode._Budget(150 << 20))  # one fits
    active, peak = [0], [0]
    lock = threading.Lock()
    company = threading.Event()  # set when two decodes are in memory at once
    linger = [0.2]  # how long a decode waits for another one to join it
    real_shrunk = photo_decode._shrunk

    def shrunk(img, max_side):  # runs inside a share, while the full picture is in memory
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
            if active[0] > 1:
                company.set()
        try:
            company.wait(linger[0])  # room for another worker to get in, if it may
            return real_shrunk(img, max_side)
        finally:
            with lock:
                active[0] -= 1

    monkeypatch.setattr(photo_decode, "_shrunk", shrunk)
    report = import_photos(journal, piece.id, [card], workers=4)
    assert len(report.imported) == 3, report.skipped
    assert peak[0] == 1
    # With room for all, the same import decodes them side by side: a decode now
    # waits (up to 10 s, on a busy machine) for a second one, which is let in at once.
    monkeypatch.setattr(photo_decode, "_budget", photo_decode._Budget(4 << 30))
    peak[0], linger[0] = 0, 10.0
    other = journal.create_piece("Autre")
    import_photos(journal, other.id, [card], workers=4)
    assert peak[0] > 1
