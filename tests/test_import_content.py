"""Import: original JPEG bytes kept, upright everywhere, duplicates by content, safe names."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
from datetime import UTC, datetime

import cv2
import numpy as np
import pytest
from PIL import Image

from coulisses.capture.importer import DUPLICATE, IMPORTED, SKIPPED, import_photos
from coulisses.export.stills import load as export_load
from coulisses.export.stills import still_size
from coulisses.journal.codec import read_still, signature_from_bgr, signature_from_jpeg
from tests.test_import_photos import (
    _STORED_AS,
    BLUE,
    GREEN,
    RED,
    corner,
    exif_with,
    make_photo,
    near,
    scene,
)


@pytest.fixture
def piece(journal):
    return journal.create_piece("Bol raku")


def rgb(bgr: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def assert_upright(image_rgb: np.ndarray, size: tuple[int, int]) -> None:
    assert image_rgb.shape[:2] == size, image_rgb.shape
    assert near(corner(image_rgb, "tl"), RED), corner(image_rgb, "tl")
    assert near(corner(image_rgb, "tr"), GREEN), corner(image_rgb, "tr")
    assert near(corner(image_rgb, "bl"), BLUE), corner(image_rgb, "bl")
    assert near(corner(image_rgb, "br"), (128, 128, 128)), corner(image_rgb, "br")


def forget_indexes() -> None:
    """What a new process sees: no content index read yet."""
    from coulisses.journal import content_index

    content_index._indexes.clear()


# ------------------------------------------------------------ original bytes


def test_a_jpeg_is_stored_as_its_own_bytes(journal, piece, tmp_path):
    photo = make_photo(tmp_path / "IMG_9000.jpg", "2025:05:01 10:00:00", img=scene(400, 300))
    (capture,) = import_photos(journal, piece.id, [photo]).imported
    assert capture.path.read_bytes() == photo.read_bytes()
    # The name keeps the source's name once: ~IMG_9000.jpg, not ~IMG_9000.jpg.jpg.
    assert capture.path.name.endswith("~IMG_9000.jpg") and capture.source == "IMG_9000"


@pytest.mark.parametrize("kind", ["png", "heic", "cmyk", "huge", "progressive"])
def test_what_must_be_re_encoded_is_and_the_rest_is_kept(journal, piece, tmp_path, kind):
    exif = exif_with("2025:05:01 10:00:00").tobytes()
    path = tmp_path / f"p.{'jpg' if kind in ('cmyk', 'huge', 'progressive') else kind}"
    if kind == "png":
        scene(400, 300).save(path, "PNG")
    elif kind == "heic":
        pytest.importorskip("pillow_heif")
        scene(400, 300).save(path, "HEIF", exif=exif)
    elif kind == "cmyk":
        scene(400, 300).convert("CMYK").save(path, "JPEG", exif=exif)
    elif kind == "huge":  # over ORIGINAL_MAX_SIDE: scaled to MAX_SIDE
        scene(8200, 900).save(path, "JPEG", exif=exif)
    else:
        scene(400, 300).save(path, "JPEG", progressive=True, exif=exif)
    (capture,) = import_photos(journal, piece.id, [path]).imported
    kept = capture.path.read_bytes() == path.read_bytes()
    assert kept == (kind == "progressive")
    assert_upright(rgb(read_still(capture.path)), (421, 3840) if kind == "huge" else (300, 400))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_a_kept_original_is_upright_everywhere(journal, piece, tmp_path, orientation):
    """Every EXIF orientation: the journal's reads at 1 and 1/8, the thumbnail, export."""
    upright = scene(960, 640)
    op = _STORED_AS[orientation]
    raw = upright if op is None else upright.transpose(op)
    photo = make_photo(tmp_path / f"o{orientation}.jpg", "2025:01:01 12:00:00", img=raw,
                       orientation=orientation)

    (capture,) = import_photos(journal, piece.id, [photo]).imported

    assert capture.path.read_bytes() == photo.read_bytes()  # kept, orientation in its EXIF
    for reduce in (1, 2, 4, 8):
        assert_upright(rgb(read_still(capture.path, reduce=reduce)), (640 // reduce, 960 // reduce))
    assert still_size(capture.path.read_bytes()) == (960, 640)  # what export plans with
    # The suggestion signature of an old journal's still (no thumbnail) is read upright too.
    expected = signature_from_bgr(np.ascontiguousarray(np.asarray(upright)[..., ::-1]))
    read = signature_from_jpeg(capture.path.read_bytes())
    assert np.abs(read.astype(int) - expected.astype(int)).mean() < 6
    thumb = cv2.imread(str(capture.thumb_path), cv2.IMREAD_COLOR)
    assert_upright(rgb(thumb), (213, 320))
    # Export decodes reduced when the frame is small, whole when it is large.
    assert_upright(rgb(export_load(capture.path, 120, 80, "fill")), (80, 120))
    assert_upright(rgb(export_load(capture.path, 1080, 1920, "fill")), (640, 960))


# ---------------------------------------------------------------- file names


def test_a_very_long_non_ascii_name_does_not_stop_the_import(journal, piece, tmp_path):
    folder = tmp_path / ("轆轤" * 40)  # 240 bytes: a folder name near the limit too
    folder.mkdir()
    # 80 CJK characters (the old cut) and 83 (the longest an ext4 name can hold).
    long_names = ["写" * 80 + ".jpg", "陶" * 83 + ".jpg"]
    for i, name in enumerate(long_names + ["IMG_0001.jpg", "IMG_0002.jpg"]):
        make_photo(folder / name, f"2025:05:01 10:0{i}:00")
    assert len(long_names[1].encode()) == 253

    report = import_photos(journal, piece.id, [folder])

    assert report.complete and report.stopped is None, (report.stopped, report.skipped)
    assert len(report.imported) == 4
    for path in journal.home.rglob("*"):
        assert len(path.name.encode()) <= 255 - 14, path.name  # room for the temp name
    again = import_photos(journal, piece.id, [folder])
    assert len(again.duplicates) == 4 and not again.imported


def test_one_photo_that_cannot_be_written_is_skipped_and_the_rest_imported(
        journal, piece, tmp_path, monkeypatch):
    for i in range(4):
        make_photo(tmp_path / f"IMG_{i}.jpg", f"2025:05:01 10:0{i}:00")
    real = journal.add_still

    def refuse(piece_id, jpeg, taken_at, **kw):
        if kw.get("source") == "IMG_1":
            raise OSError(errno.ENAMETOOLONG, "File name too long")
        return real(piece_id, jpeg, taken_at, **kw)

    monkeypatch.setattr(journal, "add_still", refuse)
    report = import_photos(journal, piece.id, [tmp_path])

    assert report.stopped is None
    assert sorted(c.source for c in report.imported) == ["IMG_0", "IMG_2", "IMG_3"]
    ((path, reason),) = report.skipped
    assert path.name == "IMG_1.jpg" and "the name is too long" in reason


def test_stills_named_the_old_way_are_still_found_as_duplicates(journal, piece, tmp_path):
    photo = make_photo(tmp_path / "IMG_9000.jpg", "2025:05:01 10:00:00", offset="+00:00")
    # A journal written before: the source's whole name, then .jpg again, and
    # re-encoded bytes (as older versions stored them): only the name can tell.
    reencoded = cv2.imencode(".jpg", np.full((64, 96, 3), 99, np.uint8))[1].tobytes()
    old = journal.add_still(piece.id, reencoded, datetime(2025, 5, 1, 10, tzinfo=UTC),
                            source="IMG_9000.jpg")
    assert old.path.name.endswith("~IMG_9000.jpg.jpg")
    report = import_photos(journal, piece.id, [photo])
    assert report.duplicates == (photo,) and report.imported == ()


# ---------------------------------------------------------------- duplicates


def test_a_byte_identical_copy_under_another_name_is_a_duplicate(journal, piece, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = make_photo(tmp_path / "a" / "IMG_0042.jpg", "2025:05:01 10:00:00")
    copy = tmp_path / "b" / "IMG_0042 (1).jpg"
    shutil.copyfile(first, copy)
    other = tmp_path / "b" / "other.jpg"
    make_photo(other, "2025:05:01 10:00:00", img=scene(97, 64))  # same time, other pixels

    report = import_photos(journal, piece.id, [tmp_path / "a", tmp_path / "b"])

    assert sorted(c.source for c in report.imported) == ["IMG_0042", "other"]
    assert report.duplicates == (copy,)
    forget_indexes()  # and from another process, reading the index file
    shutil.copyfile(first, tmp_path / "renamed.jpg")
    again = import_photos(journal, piece.id, [tmp_path / "renamed.jpg"])
    assert [o.status for o in again.outcomes] == [DUPLICATE]


def test_the_same_heic_under_another_name_is_a_duplicate(journal, piece, tmp_path):
    pytest.importorskip("pillow_heif")
    heic = tmp_path / "IMG_4821.HEIC"
    scene(120, 80).save(heic, "HEIF", exif=exif_with("2025:06:10 14:20:05").tobytes())
    (capture,) = import_photos(journal, piece.id, [heic]).imported
    assert capture.path.read_bytes()[:2] == b"\xff\xd8"  # re-encoded
    forget_indexes()
    copy = tmp_path / "copy of IMG_4821.heic"
    shutil.copyfile(heic, copy)
    assert [o.status for o in import_photos(journal, piece.id, [copy]).outcomes] == [DUPLICATE]


def test_a_still_the_maker_deleted_can_be_imported_again(journal, piece, tmp_path):
    photo = make_photo(tmp_path / "IMG_1.jpg", "2025:05:01 10:00:00")
    (capture,) = import_photos(journal, piece.id, [photo]).imported
    capture.path.unlink()
    renamed = tmp_path / "IMG_1 copy.jpg"
    shutil.copyfile(photo, renamed)
    assert [o.status for o in import_photos(journal, piece.id, [renamed]).outcomes] == [IMPORTED]


@pytest.mark.parametrize("damage", ["missing", "garbage", "cut-short"])
def test_a_missing_or_damaged_index_is_rebuilt_from_the_stills(journal, piece, tmp_path, damage):
    photos = [make_photo(tmp_path / f"IMG_{i}.jpg", f"2025:05:01 10:0{i}:00",
                         img=scene(96 + i, 64)) for i in range(3)]
    from coulisses.journal import content_index

    import_photos(journal, piece.id, photos)
    index_file = content_index.ContentIndex(piece.folder).path
    assert index_file.parent == piece.folder / "cache" / "content"
    assert index_file.read_bytes().count(b"\n") == 1 + 3
    if damage == "missing":
        index_file.unlink()
    elif damage == "garbage":
        index_file.write_bytes(index_file.read_bytes() + b"\x00\xffnot a line\n")
    else:  # a crash in the middle of an append
        index_file.write_bytes(index_file.read_bytes()[:-9])
    forget_indexes()
    copies = []
    for p in photos:
        copies.append(tmp_path / f"copy-{p.name}")
        shutil.copyfile(p, copies[-1])
    report = import_photos(journal, piece.id, copies)
    if damage == "cut-short":  # the cut entry is lost: that one photo comes in again
        assert len(report.duplicates) == 2 and len(report.imported) == 1
    else:
        assert len(report.duplicates) == 3, report.outcomes
    lines = index_file.read_bytes().splitlines()
    assert lines[0] == content_index.HEADER.strip()
    assert all(len(line.split(b" ")) == 4 for line in lines[1:])  # whole lines only


def test_two_importers_at_once_store_each_photo_once(journal, piece, tmp_path):
    """The CLI twice, at the same moment, on two copies of one card under other names."""
    card_a, card_b = tmp_path / "a", tmp_path / "b"
    card_a.mkdir()
    card_b.mkdir()
    for i in range(12):
        rng = np.random.default_rng(i)
        img = Image.fromarray(rng.integers(0, 256, (120, 160, 3), np.uint8))
        make_photo(card_a / f"IMG_{i:02d}.jpg", f"2025:05:01 10:{i:02d}:00", img=img)
        shutil.copyfile(card_a / f"IMG_{i:02d}.jpg", card_b / f"copy_{i:02d}.jpg")
    from tests import installed

    env = installed.clean_env(COULISSES_LANG="en")  # the installed console script, as a user
    procs = [subprocess.Popen([str(installed.script()), "--home", str(journal.home),
                               "import", piece.id, str(card)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for card in (card_a, card_b)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    captures = journal.snapshot(piece.id).captures
    assert len(captures) == 12, sorted(c.source for c in captures)
    assert len({c.time for c in captures}) == 12


def test_mpo_or_a_jpeg_with_data_after_its_end_is_stored_readable(journal, piece, tmp_path):
    """A Pixel motion photo carries a video after the JPEG: kept bytes would be unreadable."""
    buf = io.BytesIO()
    scene(400, 300).save(buf, "JPEG", exif=exif_with("2025:05:01 10:00:00").tobytes())
    motion = tmp_path / "PXL_1.MP.jpg"
    motion.write_bytes(buf.getvalue() + b"\x00\x00\x00\x18ftypmp42" + os.urandom(4000))
    (capture,) = import_photos(journal, piece.id, [motion]).imported
    assert_upright(rgb(read_still(capture.path)), (300, 400))
    assert [o.status for o in import_photos(journal, piece.id, [motion]).outcomes] != [SKIPPED]


def test_the_content_lock_makes_check_then_store_one_step(journal, piece, tmp_path):
    """Two importers (two index objects, as two processes have): the second waits, then sees."""
    import threading
    import time

    from coulisses.journal.content_index import ContentIndex, digest

    photo = make_photo(tmp_path / "IMG_7.jpg", "2025:05:01 10:00:00")
    data = photo.read_bytes()
    first, second = ContentIndex(piece.folder), ContentIndex(piece.folder)
    checked, release = threading.Event(), threading.Event()
    seen: list[str | None] = []

    def store_slowly() -> None:
        with first.locked():
            assert first.find(len(data), digest(data)) is None
            checked.set()
            release.wait(10)  # the other importer comes in now
            capture = journal.add_still(piece.id, data, datetime(2025, 5, 1, 10, tzinfo=UTC),
                                        source="IMG_7")
            first.add(capture.id, len(data), None)

    def check() -> None:
        checked.wait(10)
        with second.locked():
            seen.append(second.find(len(data), lambda: digest(data)))

    threads = [threading.Thread(target=store_slowly), threading.Thread(target=check)]
    for t in threads:
        t.start()
    checked.wait(10)
    time.sleep(0.3)  # the checker reaches the lock (and must wait there)
    release.set()
    for t in threads:
        t.join(10)
    (capture,) = journal.snapshot(piece.id).captures
    assert seen == [capture.id]


def test_the_index_reads_only_what_was_added_since(journal, piece, monkeypatch):
    """Per photo, the index costs the same with 2,000 stills as with none."""
    from coulisses.journal.content_index import ContentIndex

    writer, reader = ContentIndex(piece.folder), ContentIndex(piece.folder)
    with writer.locked():
        for i in range(2000):
            writer.add(f"20250501T10{i // 60 % 60:02d}{i % 60:02d}.000Z~IMG_{i}", 1000 + i, None)
    parsed: list[bytes] = []
    real = ContentIndex._parse

    def counting(self, line: bytes) -> bool:
        parsed.append(line)
        return real(self, line)

    monkeypatch.setattr(ContentIndex, "_parse", counting)
    with reader.locked():
        assert len(parsed) == 2000  # a process reads the file once...
    with writer.locked():
        writer.add("20250502T100000.000Z~IMG_new", 5, None)
    parsed.clear()
    for _ in range(3):
        with reader.locked():
            pass
    assert len(parsed) == 1  # ...then only the lines added since
