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
