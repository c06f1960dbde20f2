"""Photo import: capture times, order, upright stills, formats, broken files, duplicates, CLI."""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import ExifTags, Image

import coulisses.capture.photo_decode  # noqa: F401  (registers the HEIF opener)
from coulisses.capture.exif_time import EXIF_DATETIME, EXIF_ORIGINAL, FILE_DATE
from coulisses.capture.importer import DUPLICATE, IMPORTED, SKIPPED, import_photos
from coulisses.capture.photo_decode import INCOMPLETE, NOT_A_PHOTO
from coulisses.jobs import CancelToken
from tests.conftest import is_root

RED, GREEN, BLUE = (230, 20, 20), (20, 200, 20), (20, 20, 230)  # RGB

# ------------------------------------------------------------------ builders


def scene(width: int = 96, height: int = 64) -> Image.Image:
    """An upright picture whose orientation is unambiguous.

    Red top-left, green top-right, blue bottom-left corner blocks on grey: any
    flip or rotation moves at least one of them.
    """
    img = Image.new("RGB", (width, height), (128, 128, 128))
    bw, bh = width // 3, height // 3
    img.paste(RED, (0, 0, bw, bh))
    img.paste(GREEN, (width - bw, 0, width, bh))
    img.paste(BLUE, (0, height - bh, bw, height))
    return img


def exif_with(taken: str | None = None, *, offset: str | None = None, subsec: str | None = None,
              orientation: int | None = None, datetime_only: str | None = None) -> Image.Exif:
    exif = Image.Exif()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    if datetime_only is not None:
        exif[ExifTags.Base.DateTime] = datetime_only
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        sub[ExifTags.Base.DateTimeOriginal] = taken
    if offset is not None:
        sub[ExifTags.Base.OffsetTimeOriginal] = offset
    if subsec is not None:
        sub[ExifTags.Base.SubsecTimeOriginal] = subsec
    return exif


def make_photo(path: Path, taken: str | None = None, *, img: Image.Image | None = None,
               fmt: str = "JPEG", **exif_args) -> Path:
    img = img or scene()
    exif = exif_with(taken, **exif_args)
    kwargs = {"exif": exif.tobytes()} if len(exif) or exif.get_ifd(ExifTags.IFD.Exif) else {}
    if fmt == "JPEG":
        kwargs["quality"] = 92
    img.save(path, fmt, **kwargs)
    return path


def stored_rgb(capture) -> np.ndarray:
    bgr = cv2.imread(str(capture.path), cv2.IMREAD_COLOR)
    assert bgr is not None
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def corner(rgb: np.ndarray, where: str) -> tuple[int, int, int]:
    """Mean colour well inside one corner block."""
    h, w = rgb.shape[:2]
    ys = slice(h // 24, h // 6) if where[0] == "t" else slice(h - h // 6, h - h // 24)
    xs = slice(w // 24, w // 6) if where[1] == "l" else slice(w - w // 6, w - w // 24)
    return tuple(int(v) for v in rgb[ys, xs].reshape(-1, 3).mean(axis=0))


def near(actual: tuple[int, ...], expected: tuple[int, ...], tol: int = 40) -> bool:
    return all(abs(a - e) <= tol for a, e in zip(actual, expected, strict=True))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def piece(journal):
    return journal.create_piece("Vase bleu #3")


# --------------------------------------------------------------- capture time


def test_photos_are_placed_at_their_exif_time_not_in_name_order(journal, piece, tmp_path):
    src = tmp_path / "card"
    src.mkdir()
    # Names sort a, b, c; the shots were taken c, a, b.
    make_photo(src / "a.jpg", "2025:03:02 09:15:00", offset="+01:00")
    make_photo(src / "b.jpg", "2025:03:02 11:40:30", offset="+01:00", subsec="25")
    make_photo(src / "c.jpg", "2025:03:01 22:05:10", offset="-05:00")

    report = import_photos(journal, piece.id, [src])

    assert report.complete and len(report.imported) == 3 and report.no_exif == ()
    snap = journal.snapshot(piece.id)
    assert [c.source for c in snap.captures] == ["c", "a", "b"]  # stems: the still is c.jpg
    assert [c.time for c in snap.captures] == [
        utc(2025, 3, 2, 3, 5, 10),  # 22:05 at -05:00
        utc(2025, 3, 2, 8, 15, 0),
        utc(2025, 3, 2, 10, 40, 30, 250_000),  # sub-seconds "25" = .25 s
    ]
    assert all(o.time_source == EXIF_ORIGINAL for o in report.outcomes)


def test_time_without_offset_is_local_wall_clock_time(journal, piece, tmp_path, monkeypatch):
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        make_photo(tmp_path / "summer.jpg", "2024:07:01 10:00:00")
        make_photo(tmp_path / "winter.jpg", "2024:01:15 10:00:00")
        import_photos(journal, piece.id, [tmp_path / "summer.jpg", tmp_path / "winter.jpg"])
    finally:
        monkeypatch.undo()
        time.tzset()
    times = {c.source: c.time for c in journal.snapshot(piece.id).captures}
    assert times == {"winter": utc(2024, 1, 15, 9), "summer": utc(2024, 7, 1, 8)}


def test_exif_datetime_is_used_when_there_is_no_original_time(journal, piece, tmp_path):
    make_photo(tmp_path / "edited.jpg", datetime_only="2023:12:24 18:30:00", offset="+00:00")
    report = import_photos(journal, piece.id, [tmp_path / "edited.jpg"])
    (o,) = report.outcomes
    assert o.status == IMPORTED and o.time_source == EXIF_DATETIME
    # The IFD0 DateTime has no offset tag of its own here: local time (UTC on CI is fine,
    # what matters is that it matches the machine's reading of the wall clock).
    assert o.taken_at == datetime(2023, 12, 24, 18, 30).astimezone().astimezone(UTC)
    assert report.no_exif == ()


def test_png_without_exif_uses_the_file_date_and_says_so(journal, piece, tmp_path, cli):
    png = make_photo(tmp_path / "screenshot.png", fmt="PNG")
    mtime = datetime(2024, 2, 29, 16, 45, 12, tzinfo=UTC).timestamp()
    os.utime(png, (mtime, mtime))
    jpg = make_photo(tmp_path / "shot.jpg", "2024:02:29 17:00:00", offset="+00:00")

    code, out, err = cli("import", piece.id, str(png), str(jpg))

    assert code == 0, err
    snap = journal.snapshot(piece.id)
    assert [(c.source, c.time) for c in snap.captures] == [
        ("screenshot", utc(2024, 2, 29, 16, 45, 12)), ("shot", utc(2024, 2, 29, 17))]
    assert "No EXIF capture time" in out and "screenshot.png" in out
    assert "shot.jpg" not in out.split("No EXIF capture time")[1]


# --------------------------------------------------------------- orientation

# How the camera stored the pixels for each orientation value: the inverse of
# the transform that makes them upright.
_STORED_AS = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_stored_upright(journal, piece, tmp_path, orientation):
    upright = scene(96, 64)
    op = _STORED_AS[orientation]
    raw = upright if op is None else upright.transpose(op)
    if orientation >= 5:
        assert raw.size == (64, 96)  # the camera stored it sideways
    make_photo(tmp_path / f"o{orientation}.jpg", "2025:01:01 12:00:00", img=raw,
               orientation=orientation)

    (capture,) = import_photos(journal, piece.id, [tmp_path / f"o{orientation}.jpg"]).imported

    rgb = stored_rgb(capture)
    assert rgb.shape[:2] == (64, 96)
    assert near(corner(rgb, "tl"), RED), corner(rgb, "tl")
    assert near(corner(rgb, "tr"), GREEN), corner(rgb, "tr")
    assert near(corner(rgb, "bl"), BLUE), corner(rgb, "bl")
    assert near(corner(rgb, "br"), (128, 128, 128))
    thumb = cv2.imread(str(capture.thumb_path))
    assert thumb is not None and thumb.shape[:2] == (64, 96)  # small photos are not upscaled


# ------------------------------------------------------------------- formats


def test_heic_from_a_phone_is_imported(journal, piece, tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    heif = pillow_heif.from_pillow(scene(120, 80))
    exif = exif_with("2025:06:10 14:20:05", offset="+02:00")
    path = tmp_path / "IMG_4821.HEIC"
    heif.save(path, quality=90, exif=exif.tobytes())
    assert path.read_bytes()[4:12] in (b"ftypheic", b"ftypmif1", b"ftypheix")

    report = import_photos(journal, piece.id, [tmp_path])  # found by extension in a folder

    (capture,) = report.imported
    assert capture.source == "IMG_4821"
    assert capture.time == utc(2025, 6, 10, 12, 20, 5)
    rgb = stored_rgb(capture)
    assert rgb.shape[:2] == (80, 120)
    assert near(corner(rgb, "tl"), RED) and near(corner(rgb, "tr"), GREEN)
    assert capture.path.read_bytes()[:2] == b"\xff\xd8"  # stored as JPEG


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_heic_orientation_is_applied_once(journal, piece, tmp_path, orientation):
    """libheif applies a HEIC's rotation itself; the EXIF tag must not rotate it again."""
    raw = scene(96, 64)
    op = _STORED_AS[orientation]
    path = tmp_path / f"r{orientation}.heic"
    raw.transpose(op).save(path, "HEIF", quality=90,
                           exif=exif_with("2025:01:01 12:00:00", orientation=orientation).tobytes())

    (capture,) = import_photos(journal, piece.id, [path]).imported

    rgb = stored_rgb(capture)
    assert rgb.shape[:2] == (64, 96)
    assert near(corner(rgb, "tl"), RED) and near(corner(rgb, "tr"), GREEN)
    assert near(corner(rgb, "bl"), BLUE)


def test_large_photos_are_scaled_down_and_keep_their_content(journal, piece, tmp_path):
    # 9000 px wide: decoded at half size by JPEG draft, then resized to 3840.
    wide = np.zeros((900, 9000, 3), np.uint8)
    wide[:, :, 0] = np.linspace(0, 255, 9000, dtype=np.uint8)[None, :]  # red grows to the right
    Image.fromarray(wide).save(tmp_path / "pano.jpg", quality=90,
                               exif=exif_with("2025:01:01 08:00:00").tobytes())
    png = np.full((1000, 4200, 3), 90, np.uint8)
    Image.fromarray(png).save(tmp_path / "big.png")

    report = import_photos(journal, piece.id, [tmp_path / "pano.jpg", tmp_path / "big.png"])

    by_source = {c.source: stored_rgb(c) for c in report.imported}
    pano = by_source["pano"]
    assert pano.shape[:2] == (384, 3840)
    assert pano[:, :100, 0].mean() < 20 and pano[:, -100:, 0].mean() > 235
    assert by_source["big"].shape[:2] == (round(1000 * 3840 / 4200), 3840)


def test_originals_are_never_modified(journal, piece, tmp_path):
    photo = make_photo(tmp_path / "keep.jpg", "2025:01:01 08:00:00", orientation=6)
    before = (hashlib.sha256(photo.read_bytes()).hexdigest(), photo.stat().st_mtime_ns)
    import_photos(journal, piece.id, [tmp_path])
    assert (hashlib.sha256(photo.read_bytes()).hexdigest(), photo.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal", "keep.jpg"]


# -------------------------------------------------------------- broken input


def write_broken_files(folder: Path) -> dict[str, str]:
    """Broken files in ``folder``; returns name -> words expected in the reason."""
    rng = np.random.default_rng(7)
    (folder / "random.jpg").write_bytes(rng.integers(0, 256, 5000, dtype=np.uint8).tobytes())
    (folder / "empty.jpg").write_bytes(b"")
    whole = make_photo(folder / "whole.tmpjpg", "2025:01:01 10:00:00",
                       img=Image.fromarray(rng.integers(0, 256, (300, 400, 3), np.uint8)))
    data = whole.read_bytes()
    whole.unlink()
    (folder / "truncated.jpg").write_bytes(data[: len(data) * 2 // 3])
    heic = io.BytesIO()
    Image.fromarray(rng.integers(0, 256, (300, 400, 3), np.uint8)).save(heic, "HEIF")
    (folder / "cut.heic").write_bytes(heic.getvalue()[: len(heic.getvalue()) // 2])
    return {"random.jpg": "not a photo", "empty.jpg": "empty", "truncated.jpg": "truncated",
            "cut.heic": "truncated"}


def test_broken_files_are_named_with_their_reason_and_the_rest_imported(
        journal, piece, tmp_path, cli):
    src = tmp_path / "mixed"
    src.mkdir()
    expected = write_broken_files(src)
    make_photo(src / "good1.jpg", "2025:01:01 10:00:00")
    make_photo(src / "good2.png", "2025:01:01 10:05:00", fmt="PNG")

    code, out, err = cli("import", piece.id, str(src))

    assert code == 1
    assert "Traceback" not in out + err
    assert [c.source for c in journal.snapshot(piece.id).captures] == ["good1", "good2"]
    lines = {line.strip().split(":")[0]: line for line in err.splitlines() if ": " in line}
    for name, words in expected.items():
        line = lines.get(str(src / name))
        assert line is not None and words in line, (name, err)
    assert "good1.jpg" not in err and "good2.png" not in err


def test_report_kinds_for_broken_files(journal, piece, tmp_path):
    write_broken_files(tmp_path)
    make_photo(tmp_path / "fine.png", fmt="PNG")
    report = import_photos(journal, piece.id, sorted(tmp_path.glob("*.jpg")) + [
        tmp_path / "cut.heic", tmp_path / "fine.png"])
    (fine,) = report.imported
    assert fine.source == "fine" and report.no_exif == (tmp_path / "fine.png",)
    assert report.outcomes[-1].time_source == FILE_DATE
    kinds = {o.path.name: (o.status, o.kind) for o in report.outcomes if o.status == SKIPPED}
    assert kinds == {"empty.jpg": (SKIPPED, INCOMPLETE), "random.jpg": (SKIPPED, NOT_A_PHOTO),
                     "truncated.jpg": (SKIPPED, INCOMPLETE), "cut.heic": (SKIPPED, INCOMPLETE)}
    assert not report.complete
    assert [c.source for c in journal.snapshot(piece.id).captures] == ["fine"]


def test_damaged_exif_is_reported_but_the_photo_is_imported(journal, piece, tmp_path, cli):
    photo = make_photo(tmp_path / "odd.jpg", "2025:01:01 10:00:00")
    data = photo.read_bytes()
    # Point IFD0 far outside the EXIF block: the tags cannot be read.
    i = data.index(b"Exif\x00\x00") + 6
    assert data[i:i + 4] in (b"II*\x00", b"MM\x00*")
    fmt = "<I" if data[i:i + 2] == b"II" else ">I"
    damaged = data[:i + 4] + np.array([0x7FFF0000], dtype=fmt[0] + "u4").tobytes() + data[i + 8:]
    photo.write_bytes(damaged)
    mtime = utc(2024, 5, 5, 5, 5, 5).timestamp()
    os.utime(photo, (mtime, mtime))
    bad_date = make_photo(tmp_path / "baddate.jpg", "yesterday at noon")
    future = make_photo(tmp_path / "future.jpg", "2199:01:01 10:00:00")

    code, out, err = cli("import", piece.id, str(photo), str(bad_date), str(future))

    assert code == 0, err  # both imported: their pixels are fine
    caps = {c.source: c.time for c in journal.snapshot(piece.id).captures}
    assert caps["odd"] == utc(2024, 5, 5, 5, 5, 5)  # fell back to the file date
    assert "odd.jpg" in err and "EXIF data is damaged" in err
    assert "baddate.jpg" in err and "not a valid date" in err and "yesterday at noon" in err
    assert "odd.jpg" in out and "baddate.jpg" in out  # listed among the file-date ones
    assert "future.jpg" in err and "in the future" in err
    assert caps["future"].year == 2199  # kept as the camera said: the maker decides


def test_missing_paths_and_non_photos_in_folders(journal, piece, tmp_path, cli):
    src = tmp_path / "card"
    (src / "DCIM" / ".thumbnails").mkdir(parents=True)
    make_photo(src / "DCIM" / "IMG_1.JPG", "2025:01:01 10:00:00")
    make_photo(src / "DCIM" / ".thumbnails" / "IMG_1.jpg", "2025:01:01 10:00:00")
    (src / "DCIM" / "IMG_1.CR2").write_bytes(b"\x00" * 100)  # RAW: left alone
    (src / "DCIM" / "IMG_2.jpg.part").write_bytes(b"\xff\xd8partial")

    if hasattr(os, "mkfifo"):
        os.mkfifo(src / "DCIM" / "pipe.jpg")  # must not hang the import
    code, out, err = cli("import", piece.id, str(src), str(tmp_path / "nope"))

    assert code == 1
    assert [c.source for c in journal.snapshot(piece.id).captures] == ["IMG_1"]
    assert "nope: there is no such file or folder" in err
    assert not hasattr(os, "mkfifo") or "pipe.jpg: it is not a regular file" in err
    assert "IMG_1.CR2" not in err and "left alone" in out and ".part" not in err


# ------------------------------------------------------ duplicates and exits


def test_an_unreadable_subfolder_is_named(journal, piece, tmp_path):
    if is_root():
        pytest.skip("root reads every folder")
    locked = tmp_path / "card" / "private"
    locked.mkdir(parents=True)
    make_photo(tmp_path / "card" / "ok.jpg", "2025:01:01 10:00:00")
    locked.chmod(0)
    try:
        report = import_photos(journal, piece.id, [tmp_path / "card"])
    finally:
        locked.chmod(0o755)
    assert [p for p, _ in report.skipped] == [locked]
    assert "cannot be read" in report.skipped[0][1] and len(report.imported) == 1


def test_importing_twice_adds_nothing(journal, piece, tmp_path, cli):
    src = tmp_path / "card"
    src.mkdir()
    for i in range(4):
        make_photo(src / f"IMG_{i}.jpg", f"2025:01:0{i + 1} 10:00:00")
    make_photo(src / "nodate.png", fmt="PNG")
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "IMG_0.jpg").write_bytes((src / "IMG_0.jpg").read_bytes())

    code, out, _ = cli("import", piece.id, str(src))
    assert code == 0 and "Photos imported into “Vase bleu #3”: 5." in out
    first = journal.snapshot(piece.id).captures

    code, out, _ = cli("import", piece.id, str(src), str(copy))

    assert code == 0
    assert "Photos imported into “Vase bleu #3”: 0." in out
    assert "Already in the piece, left as they are: 6." in out
    assert journal.snapshot(piece.id).captures == first
    report = import_photos(journal, piece.id, [src])
    assert {o.status for o in report.outcomes} == {DUPLICATE} and report.complete


def test_one_shot_in_two_formats_is_imported_once(journal, piece, tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    exif = exif_with("2025:06:10 14:20:05", offset="+02:00", subsec="31")
    pillow_heif.from_pillow(scene()).save(tmp_path / "IMG_0042.HEIC", exif=exif.tobytes())
    scene().save(tmp_path / "IMG_0042.JPG", exif=exif.tobytes())  # the phone's export
    scene().save(tmp_path / "IMG_0043.JPG", exif=exif.tobytes())  # another shot, same instant

    report = import_photos(journal, piece.id, [tmp_path])

    assert sorted(c.source for c in report.imported) == ["IMG_0042", "IMG_0043"]
    assert [p.name for p in report.duplicates] == ["IMG_0042.JPG"]
    # And later, the export alone is still recognised.
    again = import_photos(journal, piece.id, [tmp_path / "IMG_0042.JPG"])
    assert again.imported == () and len(again.duplicates) == 1


def test_exit_codes_and_usage_errors(journal, piece, tmp_path, cli):
    photo = make_photo(tmp_path / "p.jpg", "2025:01:01 10:00:00")
    assert cli("import", piece.id, str(photo))[0] == 0
    code, _, err = cli("import", piece.id, str(photo), "--watch")
    assert code == 2 and "not a folder" in err
    code, _, err = cli("import", piece.id, str(tmp_path), "--watch", "--settle", "soon")
    assert code == 2 and "--settle" in err
    assert cli("import", piece.id, str(tmp_path), "--settle", "1s")[0] == 2
    assert cli("import", piece.id)[0] == 2  # no path
    code, _, err = cli("import", "no such piece", str(photo))
    assert code == 1 and "no piece" in err


def test_source_names_reach_timeline_json(journal, piece, tmp_path, cli):
    make_photo(tmp_path / "Tour n°2 – essai.jpg", "2025:01:01 10:00:00")
    assert cli("import", "Vase bleu #3", str(tmp_path))[0] == 0
    code, out, _ = cli("timeline", piece.id, "--json")
    assert code == 0
    (cap,) = json.loads(out)["captures"]
    assert cap["source"] == "Tour n°2 – essai"
    assert cap["time"] == "2025-01-01T10:00:00.000Z" or cap["time"].startswith("2025-01-01")


# ------------------------------------------------------- progress and cancel


def test_progress_reports_counts_and_names_and_cancel_keeps_imported(journal, piece, tmp_path):
    for i in range(6):
        make_photo(tmp_path / f"p{i}.jpg", f"2025:01:01 10:0{i}:00")
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append((p.done, p.total, p.message))
        if p.done == 2:
            token.cancel()

    report = import_photos(journal, piece.id, [tmp_path], progress=progress, cancel=token,
                           workers=1)

    assert seen[0] == (0, 6, "") and seen[1:3] == [(1, 6, "p0.jpg"), (2, 6, "p1.jpg")]
    assert report.cancelled and not report.complete
    assert len(report.imported) == 2
    assert len(journal.snapshot(piece.id).captures) == 2
    again = import_photos(journal, piece.id, [tmp_path])
    assert len(again.imported) == 4 and len(again.duplicates) == 2
    assert len(journal.snapshot(piece.id).captures) == 6


def test_a_full_disk_stops_the_import_and_keeps_what_was_stored(tmp_path, tmpfs):
    from coulisses.journal import Journal

    small = tmpfs("1200k")
    journal = Journal.open(small / "journal")
    piece = journal.create_piece("Full")
    rng = np.random.default_rng(3)
    for i in range(8):  # noise compresses badly: ~300 kB each
        img = Image.fromarray(rng.integers(0, 256, (400, 600, 3), np.uint8))
        make_photo(tmp_path / f"n{i}.jpg", f"2025:01:01 10:0{i}:00", img=img)
    report = import_photos(journal, piece.id, sorted(tmp_path.glob("n*.jpg")))
    assert report.stopped is not None and "full" in report.stopped
    assert not report.complete
    stored = journal.snapshot(piece.id).captures
    assert 0 < len(stored) == len(report.imported) < 8
    for c in stored:  # every still that was stored is whole
        assert c.path.read_bytes()[-2:] == b"\xff\xd9"
    # No half-written temp file is left anywhere (atomicio's ".NAME.XXXX.tmp").
    assert temp_files(small / "journal") == []
    # ...and the check can fail: a leftover planted by hand is found.
    planted = stored[0].path.parent / f".{stored[0].path.name}.abcd1234.tmp"
    planted.touch()  # no data: the disk is full
    assert temp_files(small / "journal") == [planted]


def temp_files(root: Path) -> list[Path]:
    from coulisses.atomicio import is_temp_name

    return sorted(p for p in root.rglob("*") if p.is_file() and is_temp_name(p.name))


def test_exif_time_parsing_edge_cases():
    from coulisses.capture.exif_time import parse_exif_datetime

    assert parse_exif_datetime("2024:05:01 10:00:00", "5", "+05:30") == utc(2024, 5, 1, 4, 30, 0,
                                                                            500_000)
    assert parse_exif_datetime(b"2024:05:01 10:00:00\x00", None, "Z") == utc(2024, 5, 1, 10)
    assert parse_exif_datetime("2024-05-01T10:00:00", None, "-03:00") == utc(2024, 5, 1, 13)
    assert parse_exif_datetime("0000:00:00 00:00:00") is None  # camera clock never set
    assert parse_exif_datetime("    :  :     :  :  ") is None
    assert parse_exif_datetime(None) is None
    for bad in ("2024:02:30 10:00:00", "garbage", "1492:10:12 10:00:00"):
        with pytest.raises(ValueError):
            parse_exif_datetime(bad)
    # A blank offset means "unknown zone": local time, like no offset at all.
    local = datetime(2024, 5, 1, 10).astimezone().astimezone(UTC)
    assert parse_exif_datetime("2024:05:01 10:00:00", None, "   :  ") == local
    assert abs(parse_exif_datetime("2024:05:01 10:00:00", None, "+14:00")
               - utc(2024, 4, 30, 20)) < timedelta(seconds=1)


def test_mangled_files_never_raise(journal, piece, tmp_path):
    """Truncated, bit-flipped and zeroed JPEG/PNG/HEIC: imported or skipped, never an exception."""
    import random

    from coulisses.capture.importer import import_one

    originals = {}
    for fmt, ext in (("JPEG", "jpg"), ("PNG", "png"), ("HEIF", "heic")):
        buf = io.BytesIO()
        scene(160, 120).save(buf, fmt, exif=exif_with("2025:01:01 10:00:00",
                                                      orientation=6).tobytes())
        originals[ext] = buf.getvalue()
    rng = random.Random(20251123)
    statuses = set()
    for i in range(90):
        ext = ("jpg", "png", "heic")[i % 3]
        data = bytearray(originals[ext])
        how = rng.choice(("truncate", "flip", "zero"))
        if how == "truncate":
            data = data[: rng.randrange(len(data))]
        elif how == "flip":
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            at = rng.randrange(len(data))
            data[at:at + 300] = bytes(len(data[at:at + 300]))
        path = tmp_path / f"m{i}.{ext}"
        path.write_bytes(bytes(data))
        outcome = import_one(journal, piece.id, path)
        statuses.add(outcome.status)
        if outcome.status == SKIPPED:
            assert outcome.reason and "\n" not in outcome.reason
        else:
            assert outcome.taken_at is not None
    assert statuses >= {SKIPPED}
