"""Crafts: the seeds' shape, caption starters and hashtags with their fallbacks, the CLI."""

from __future__ import annotations

import json
import logging
import re
import string
from datetime import UTC, datetime, timedelta

import pytest

from coulisses import crafts
from coulisses.i18n import SUPPORTED
from coulisses.journal import Journal
from coulisses.journal.model import MOMENT_KINDS
from coulisses.resources import seed
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SEED_CRAFTS = (*crafts.CRAFTS, crafts.DEFAULT)


def _read(name: str) -> dict:
    return json.loads(seed(name).read_text(encoding="utf-8"))


def _fields(text: str) -> list[str | None]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def test_caption_starters_cover_every_craft_kind_and_language() -> None:
    table = _read(crafts.STARTERS_FILE)
    assert "_comment" in table
    assert set(table) - {"_comment"} == set(SUPPORTED)
    problems = []
    for lang in SUPPORTED:
        assert set(table[lang]) == set(SEED_CRAFTS), lang  # a typo'd craft id is caught too
        for craft in SEED_CRAFTS:
            assert set(table[lang][craft]) == set(MOMENT_KINDS), (lang, craft)
            for kind in MOMENT_KINDS:
                starters = table[lang][craft][kind]
                where = f"{lang}/{craft}/{kind}"
                if not 3 <= len(starters) <= 6:
                    problems.append(f"{where}: {len(starters)} starters")
                if len(set(starters)) != len(starters):
                    problems.append(f"{where}: a starter twice")
                for s in starters:
                    if not isinstance(s, str) or not s.strip() or s != s.strip():
                        problems.append(f"{where}: {s!r} is empty or padded")
                    elif len(s.replace("{n}", "12")) > 60:
                        problems.append(f"{where}: {s!r} is too long for a reel caption")
                    elif _fields(s) not in ([], ["n"]) or s.count("{") != s.count("{n}"):
                        problems.append(f"{where}: {s!r} has a placeholder other than {{n}}")
    assert not problems, "\n".join(problems)


def test_hashtags_cover_every_craft_and_language() -> None:
    table = _read(crafts.HASHTAGS_FILE)
    assert set(table) - {"_comment"} == set(SUPPORTED)
    for lang in SUPPORTED:
        assert set(table[lang]) == set(SEED_CRAFTS), lang
        for craft, tags in table[lang].items():
            assert 4 <= len(tags) <= 6, (lang, craft, tags)  # no hashtag walls
            assert len(set(tags)) == len(tags), (lang, craft)
            for tag in tags:
                # one word, no accents (how French tags are actually written)
                assert re.fullmatch(r"#[a-z0-9]+", tag), (lang, craft, tag)
    assert table["fr"]["sewing"][0] == "#couture" and table["fr"]["pottery"][0] == "#poterie"


def test_starters_follow_craft_kind_language_and_fill_the_count() -> None:
    assert crafts.caption_starters("pottery", "struggle", "en", 3)[0] == "Collapse number 3."
    assert crafts.caption_starters("pottery", "struggle", "fr", 2)[0] == "Effondrement numéro 2."
    sewing = crafts.caption_starters("sewing", "fix", "fr")
    assert sewing != crafts.caption_starters("pottery", "fix", "fr")
    assert all("{" not in s for c in crafts.CRAFTS for k in MOMENT_KINDS
               for s in crafts.caption_starters(c, k, "en", 4))
    # an old or hand-typed word for a craft finds it
    assert crafts.caption_starters("Woodwork", "note", "en") == \
        crafts.caption_starters("woodworking", "note", "en")


def test_starters_fall_back_to_default_then_to_english() -> None:
    table = {
        "en": {"default": {"fix": ["Again."]}, "sewing": {"fix": ["Unpicked {n}."]}},
        "fr": {"default": {"fix": ["Encore."]}, "sewing": {"fix": []}},
    }
    assert crafts.starters_from(table, "sewing", "fix", "en", 2) == ["Unpicked 2."]
    # a craft with nothing in this language: the language's default, not English
    assert crafts.starters_from(table, "sewing", "fix", "fr") == ["Encore."]
    assert crafts.starters_from(table, "glassblowing", "fix", "fr") == ["Encore."]
    assert crafts.starters_from(table, None, "fix", "fr") == ["Encore."]
    # a language the seeds do not have: English
    assert crafts.starters_from(table, "sewing", "fix", "de", 5) == ["Unpicked 5."]
    assert crafts.starters_from(table, "sewing", "note", "fr") == []
    # the real seeds: an unknown craft gets the default set of the language
    assert crafts.caption_starters("glassblowing", "result", "fr") == \
        crafts.caption_starters(None, "result", "fr") == _read(crafts.STARTERS_FILE)["fr"][
            "default"]["result"]
    assert crafts.caption_starters("pottery", "milestone", "de") == \
        crafts.caption_starters("pottery", "milestone", "en")


def test_hashtags_follow_the_craft_with_the_same_fallbacks() -> None:
    from coulisses.export.post_text import hashtags

    assert crafts.hashtags("sewing", "fr")[0] == "#couture"
    assert crafts.hashtags("jewellery", "en") != crafts.hashtags("pottery", "en")
    assert crafts.hashtags("glassblowing", "fr") == crafts.hashtags(None, "fr") == \
        _read(crafts.HASHTAGS_FILE)["fr"]["default"]
    assert crafts.hashtags("printmaking", "de") == crafts.hashtags("printmaking", "en")
    assert hashtags("fr", "3d-printing") == crafts.hashtags("3d-printing", "fr")  # old name


def test_a_broken_or_missing_seed_file_gives_nothing_and_one_warning(tmp_path, caplog) -> None:
    broken = tmp_path / "caption_starters.json"
    broken.write_text('{"en": {"pottery": ', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="coulisses.crafts"):
        assert crafts.load_table(broken) == {}
        assert crafts.load_table(broken) == {}
        assert crafts.load_table(tmp_path / "missing.json") == {}
    assert [r.getMessage().split(" cannot")[0] for r in caplog.records] == \
        [f"seed file {broken}", f"seed file {tmp_path / 'missing.json'}"]
    assert crafts.starters_from(crafts.load_table(broken), "pottery", "fix", "en") == []
    assert crafts.hashtags_from(crafts.load_table(broken), "pottery", "en") == []
    not_a_table = tmp_path / "list.json"
    not_a_table.write_text("[1, 2]", encoding="utf-8")
    assert crafts.starters_from(crafts.load_table(not_a_table), "pottery", "fix", "en") == []


def test_craft_labels_in_the_language_asked() -> None:
    assert crafts.craft_label("pottery", lang="en") == "Pottery"
    assert crafts.craft_label("3d-printing", lang="en") == "3D printing"
    assert crafts.craft_label(None, lang="en") == "Other craft"
    assert crafts.craft_label("glassblowing", lang="en") == "glassblowing"  # shown as stored
    choices = crafts.craft_choices("en")
    assert [c for _, c in choices] == [*crafts.CRAFTS, ""]
    assert len({label for label, _ in choices}) == len(choices)


def test_post_text_hashtags_follow_the_piece_craft(journal: Journal) -> None:
    from coulisses.export.options import ExportOptions, plan_for_options
    from coulisses.export.post_text import post_text

    piece = journal.create_piece("Robe lin")
    for i in range(12):
        journal.add_still(piece.id, jpeg_bytes(value=60 + 10 * i), T0 + timedelta(seconds=10 * i))
    journal.add_moment(piece.id, "struggle", caption="Deux manches gauches.")

    def text(lang: str) -> str:
        return post_text(plan_for_options(journal.snapshot(piece.id), ExportOptions()), lang)

    assert " ".join(crafts.hashtags(None, "fr")) in text("fr")
    journal.update_piece_settings(piece.id, craft="sewing")
    assert text("fr").rstrip().endswith(" ".join(crafts.hashtags("sewing", "fr")))
    assert text("en").rstrip().endswith(" ".join(crafts.hashtags("sewing", "en")))
    assert "#pottery" not in text("en")


@pytest.fixture
def cli(installed_cli):
    """Through the installed console script, as a maker types it."""
    return installed_cli


def test_cli_sets_the_craft_at_creation_and_later(cli, home) -> None:
    code, out, err = cli("piece", "new", "Robe lin", "--craft", "sewing")
    assert code == 0, err
    pid = out.strip().splitlines()[-1]
    journal = Journal.open(home)
    assert journal.piece(pid).typed_settings.craft == "sewing"
    code, out, err = cli("piece", "set", "Robe lin", "--craft", "3d-printing")
    assert code == 0, err
    assert "3D printing" in out
    assert journal.piece(pid).typed_settings.craft == "3d-printing"
    code, out, _ = cli("piece", "list", "--json")
    assert json.loads(out)[0]["craft"] == "3d-printing"
    code, _, _ = cli("piece", "set", pid, "--craft", "other")
    assert code == 0 and journal.piece(pid).typed_settings.craft is None
    code, _, err = cli("piece", "set", pid, "--craft", "glassblowing")
    assert code == 2 and "glassblowing" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("piece", "new", "Sans", "--craft", "knitting")
    assert code == 2 and not (home / "pieces" / "sans").exists()
    code, out, _ = cli("piece", "new", "--help")
    assert all(c in out for c in crafts.CRAFTS)
