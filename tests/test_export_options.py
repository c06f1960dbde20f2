"""ExportOptions: declared once, checked on every path in, built equal by the CLI and by
hand (as the dialog does), remembered per piece, and what the export actually uses."""

from __future__ import annotations

import json
from pathlib import Path

import av
import pytest

from coulisses.cli import build_parser
from coulisses.export import OUTPUTS, ExportOptions, InvalidOption, export_with_options
from coulisses.export.options import (
    CAROUSEL_ONLY,
    choices_of,
    last_options,
    options_from_args,
    plan_for_options,
    save_last_options,
)
from coulisses.export.presets import PRESETS
from coulisses.journal import Journal
from coulisses.timeline.pacing import PacingError
from tests.test_export_support import SMALL, make_piece, visible


def parse(*argv: str):
    return build_parser(["export"]).parse_args(["export", "Vase", "--out", "o", *argv])


@pytest.mark.parametrize(("argv", "by_hand"), [
    ((), ExportOptions()),
    (("--preset", "tiktok", "--duration", "45s", "--layout", "fit", "--no-result-first",
      "--no-end-card", "--no-deflicker"),
     ExportOptions().replace(preset="tiktok", duration=45.0, layout="fit", result_first=False,
                             end_card=False, deflicker=False)),
    (("--duration", "1m", "--carousel"),
     ExportOptions().replace(duration=60, outputs=OUTPUTS | {"carousel"})),
    (("--preset", "shorts", "--carousel-only"),
     ExportOptions(preset="shorts").replace(outputs=["post", "carousel"])),
])
def test_the_cli_and_a_hand_built_options_are_equal_for_the_same_choices(argv, by_hand):
    built = options_from_args(parse(*argv))
    assert built == by_hand and hash(built) == hash(by_hand)
    assert built.to_json() == by_hand.to_json()


def test_the_cli_offers_the_choices_the_options_declare():
    for name, flag in (("layout", "--layout"),):
        for value in choices_of(name):
            assert options_from_args(parse(flag, value)).layout == value
    with pytest.raises(Exception, match="invalid choice"):
        parse("--layout", "stretch")
    with pytest.raises(Exception, match="not allowed with"):
        parse("--carousel", "--carousel-only")


@pytest.mark.parametrize("change", [
    {"preset": "vine"}, {"layout": "stretch"}, {"duration": 0}, {"duration": -3},
    {"duration": float("nan")}, {"duration": 3600}, {"duration": "30"}, {"duration": True},
    {"result_first": "yes"}, {"end_card": 1}, {"deflicker": None}, {"lang": "de"},
    {"outputs": []}, {"outputs": ["mp4", "gif"]}, {"outputs": "mp4"}, {"colour": "blue"},
])
def test_replace_refuses_values_outside_the_declared_ones(change):
    options = ExportOptions()
    with pytest.raises(InvalidOption) as info:
        options.replace(**change)
    message = str(info.value)
    assert message and "\n" not in message and message.endswith(".")
    assert options == ExportOptions()  # frozen: unchanged


def test_replace_and_the_constructor_normalise_and_keep_the_rest():
    o = ExportOptions(duration=30).replace(outputs=["mp4", "carousel", "mp4"], lang="fr")
    assert o.outputs == frozenset({"mp4", "carousel"}) and isinstance(o.duration, float)
    assert (o.preset, o.layout, o.result_first, o.lang) == ("reels", "fill", True, "fr")
    with pytest.raises(InvalidOption):
        ExportOptions(preset="vine")
    with pytest.raises(AttributeError):
        o.preset = "tiktok"  # type: ignore[misc]


def test_json_round_trip_and_tolerant_reading():
    o = ExportOptions(preset="shorts", duration=12.5, layout="fit", deflicker=False,
                      lang="fr", outputs=CAROUSEL_ONLY)
    assert ExportOptions.from_json(json.loads(json.dumps(o.to_json()))) == o
    # unknown keys ignored, each wrong value back to its default, the good ones kept
    odd = {"preset": "vine", "duration": "long", "layout": "fit", "end_card": "no",
           "outputs": ["mp4", "gif"], "future_option": 3, "lang": "fr"}
    assert ExportOptions.from_json(odd) == ExportOptions(layout="fit", lang="fr")
    assert ExportOptions.from_json(None) == ExportOptions()
    assert ExportOptions.from_json(["reels"]) == ExportOptions()


def test_the_last_choices_are_remembered_per_piece_across_restarts(journal, home):
    a = journal.create_piece("Vase")
    b = journal.create_piece("Bol")
    assert last_options(journal, a.id) == ExportOptions()
    chosen = ExportOptions().replace(preset="tiktok", duration=20, layout="fit",
                                     outputs=OUTPUTS | {"carousel"})
    save_last_options(journal, a.id, chosen)
    again = Journal.open(home)  # a new process
    assert last_options(again, a.id) == chosen
    assert last_options(again, b.id) == ExportOptions()
    # stored as a plain JSON dict in the piece's settings
    stored = again.piece(a.id).settings["export_options"]
    assert stored["preset"] == "tiktok" and stored["outputs"] == sorted(chosen.outputs)
    # a value edited by hand into something wrong reads as its default
    again.update_piece_settings(a.id, export_options={**stored, "layout": "stretch"})
    assert last_options(again, a.id) == chosen.replace(layout="fill")


def test_export_with_options_renders_what_the_options_say(journal, tmp_path, monkeypatch):
    monkeypatch.setitem(PRESETS, "tiktok", SMALL)
    piece, caps = make_piece(journal, n=8)
    journal.add_moment(piece.id, "struggle", at=caps[3].id, caption="Trop d'eau.")
    options = ExportOptions(preset="tiktok", duration=3, layout="fit", end_card=False,
                            outputs=frozenset({"mp4", "srt"}))
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", options)
    assert sorted(result.files) == ["mp4", "srt"]
    with av.open(str(result.files["mp4"])) as c:
        s = c.streams.video[0]
        assert (s.width, s.height) == (SMALL.width, SMALL.height)
        assert sum(1 for _ in c.decode(video=0)) == 90
    manifest = json.loads((result.folder / "export.json").read_text(encoding="utf-8"))
    assert manifest["layout"] == "fit" and manifest["frames"] == 90
    plan = plan_for_options(journal.snapshot(piece.id), options)
    assert plan.total_frames == 90 and plan.shots[-1].kind != "end-card"


def test_a_reel_too_short_for_its_captions_fails_before_writing(journal, tmp_path, cli):
    piece, caps = make_piece(journal, n=4)
    journal.add_moment(piece.id, "struggle", at=caps[1].id, caption="x" * 200)
    with pytest.raises(PacingError):
        export_with_options(journal.snapshot(piece.id), tmp_path / "out",
                            ExportOptions(duration=2))
    assert visible(tmp_path / "out") == []
    # the same length is fine for a carousel alone: no reel is timed
    plan = plan_for_options(journal.snapshot(piece.id), ExportOptions(duration=2,
                                                                      outputs=CAROUSEL_ONLY))
    assert plan.duration > 2


def test_cli_carousel_and_carousel_only(cli, journal, tmp_path, monkeypatch):
    monkeypatch.setitem(PRESETS, "reels", SMALL)
    piece, caps = make_piece(journal, n=8)
    journal.add_moment(piece.id, "fix", at=caps[2].id, caption="Moins d'eau.")
    code, out, err = cli("export", piece.id, "--out", str(tmp_path / "a"), "--duration", "5",
                         "--carousel")
    assert code == 0, err
    folder = Path(out.strip().splitlines()[-1])
    assert (folder / f"{piece.id}.mp4").exists() and (folder / "frames").is_dir()
    # the finished piece (no result moment: the last still), the fix, the effort card
    assert len(list((folder / "carousel").glob("*.jpg"))) == 3
    assert "carousel/ (3 images" in out
    code, out, err = cli("export", piece.id, "--out", str(tmp_path / "b"), "--carousel-only")
    assert code == 0, err
    folder = Path(out.strip().splitlines()[-1])
    assert sorted(p.name for p in folder.iterdir()) == [
        "carousel", "export.json", f"{piece.id}-post.txt"]
    assert " s reel" not in out
    code, _, err = cli("export", piece.id, "--out", str(tmp_path / "c"), "--carousel",
                       "--carousel-only")
    assert code == 2 and "not allowed" in err and len(err.strip().splitlines()) == 1
