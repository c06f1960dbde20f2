from __future__ import annotations

import pytest

from coulisses.journal.ids import is_valid_id, safe_filename_part, slugify


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Vase bleu ✨ #3", "vase-bleu-3"),
        ("Théière émaillée", "theiere-emaillee"),
        ("Œuvre à l'œil", "oeuvre-a-l-oeil"),
        ("../..", "piece"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("nul\x00byte", "nul-byte"),
        ("CON", "con-piece"),
        ("com1", "com1-piece"),
        ("✨✨✨", "piece"),
        ("", "piece"),
        ("  Bol   raku  ", "bol-raku"),
    ],
)
def test_slugify(name: str, expected: str) -> None:
    assert slugify(name) == expected
    assert is_valid_id(slugify(name))


def test_long_names_are_bounded() -> None:
    slug = slugify("Très long nom de pièce " * 20)
    assert 0 < len(slug) <= 60
    assert not slug.endswith("-")


def test_safe_filename_part_keeps_names_recognisable() -> None:
    assert safe_filename_part("IMG_1234.HEIC") == "IMG_1234.HEIC"
    assert "/" not in safe_filename_part("../../x.jpg")
    assert "\x00" not in safe_filename_part("a\x00b.jpg")
    assert safe_filename_part("") == "photo"


def test_invalid_ids_are_rejected() -> None:
    for bad in ("..", "../x", "a/b", "", "UPPER", "con"):
        assert not is_valid_id(bad)


@pytest.mark.parametrize("char", ["写", "é", "👩🏽‍🎨", "a"])
def test_safe_filename_part_fits_a_file_name_in_bytes(char: str) -> None:
    """Cut by UTF-8 bytes, so a still's name and atomicio's temp name stay <= 255 bytes."""
    from datetime import UTC, datetime

    from coulisses.journal import stills

    part = safe_filename_part(char * 200 + "_0042.jpg")
    assert part.endswith("_0042.jpg")  # the numbered end is what is kept
    cid = stills.capture_id(datetime(2026, 11, 20, 9, tzinfo=UTC), 9999, part)
    name = cid + stills.EXT
    temp = "." + name + ".abcdefgh.tmp"  # atomicio's tempfile.mkstemp name
    assert len(temp.encode("utf-8")) <= 255, len(temp.encode("utf-8"))
    assert len(part.encode("utf-8").decode("utf-8")) == len(part)  # whole characters only
    assert part.encode("utf-8").decode("utf-8") == part


def test_a_cut_never_starts_inside_a_character_or_a_grapheme() -> None:
    import unicodedata

    for pad in range(4):  # every alignment of the cut against 3- and 4-byte characters
        part = safe_filename_part("x" * pad + "🎨\u200d写" * 60)
        assert part and not unicodedata.combining(part[0]) and part[0] != "\u200d"
        assert len(part.encode("utf-8")) <= 200
    combining = safe_filename_part("e\u0301" * 150)  # NFC turns these into é
    assert combining == "é" * 80
    assert safe_filename_part("IMG_1234.jpg") == "IMG_1234.jpg"  # short names untouched
