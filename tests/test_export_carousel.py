"""The carousel: files, sizes, order, captions, the most telling moments kept, hidden
stills never shown, alt texts in the post text, no metadata, complete or not at all."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from coulisses.capture.importer import import_photos
from coulisses.export import ExportOptions, export_with_options, layout
from coulisses.export import carousel as carousel_mod
from coulisses.export.carousel import HEIGHT, WIDTH, plan_slides, render_slides, safe_box
from coulisses.export.options import CAROUSEL_ONLY, plan_for_options
from coulisses.export.presets import PRESETS
from coulisses.jobs import Cancelled, CancelToken
from tests.test_export_privacy import gps_card, leaks_in_bytes, leaks_in_exif
from tests.test_export_support import SMALL, make_piece, visible

STORY = [("struggle", "Premier effondrement."), ("fix", "Moins d'eau."),
         ("milestone", "Le col tient ✅"), ("note", "Pause café.")]


@pytest.fixture(autouse=True)
def small_reels(monkeypatch):
    monkeypatch.setitem(PRESETS, "reels", SMALL)  # the reel small; the carousel stays 1080x1350


def story_piece(journal, n=14, moments=STORY):
    piece, caps = make_piece(journal, n=n)
    for i, (kind, caption) in enumerate(moments):
        journal.add_moment(piece.id, kind, at=caps[2 + i].id, caption=caption)
    journal.add_moment(piece.id, "result", at=caps[-1].id, caption="Le vase bleu, fini.")
    return piece, caps


def only_carousel(**changes) -> ExportOptions:
    return ExportOptions(duration=20).replace(outputs=CAROUSEL_ONLY, **changes)


def read(path):
    img = cv2.imread(str(path))
    assert img is not None, path
    return img


def test_carousel_files_sizes_order_and_alt_texts(journal, tmp_path):
    piece, caps = story_piece(journal)
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out",
                                 ExportOptions(duration=20).replace(
                                     outputs={"mp4", "carousel", "post"}))
    folder = result.folder / "carousel"
    files = sorted(p.name for p in folder.iterdir())
    # result first, struggle, fix, milestone (no note), the result, the effort card
    assert files == [f"{i:02d}.jpg" for i in range(1, 7)]
    for name in files:
        assert read(folder / name).shape == (HEIGHT, WIDTH, 3)
    manifest = json.loads((result.folder / "export.json").read_text(encoding="utf-8"))
    alts = [s["alt"] for s in manifest["carousel"]]
    assert [s["file"] for s in manifest["carousel"]] == [f"carousel/{n}" for n in files]
    assert alts[0].startswith("The finished piece, Vase bleu #3")
    assert alts[1].startswith("Struggle on ") and alts[1].endswith("Premier effondrement.")
    assert alts[2].startswith("Fix on ") and "Moins d'eau." in alts[2]
    assert alts[3].startswith("Milestone on ") and "Le col tient" in alts[3]
    assert alts[4].startswith("Result on ") and "Le vase bleu, fini." in alts[4]
    assert alts[5].startswith("The effort behind Vase bleu #3:")
    assert not any("Pause café" in a for a in alts)
    # each alt text is one sentence, and the post text lists them numbered like the files
    post = result.files["post"].read_text(encoding="utf-8")
    block = post.split("Alt text for the carousel images:\n", 1)[1].strip().splitlines()
    assert block == [f"{i:02d}. {a}" for i, a in enumerate(alts, 1)]
    # the moments' times, in order
    times = [a.split(" on ", 1)[1][:16] for a in alts[1:5]]
    assert times == sorted(times)
    # the reel was made too
    assert result.files["mp4"].exists()


def test_a_caption_is_burnt_in_inside_the_safe_area_over_the_moments_still(journal):
    piece, caps = story_piece(journal)
    plan = plan_for_options(journal.snapshot(piece.id), only_carousel())
    slides = list(render_slides(plan))
    slide, image, _ = slides[1]
    assert slide.kind == "struggle" and slide.capture.id == caps[2].id
    bare = layout.lay_out(cv2.imread(str(caps[2].path)), WIDTH, HEIGHT, "fill", slide.focus)
    changed = np.abs(image.astype(int) - bare.astype(int)).max(axis=2) > 40
    ys, xs = np.nonzero(changed)
    x0, y0, x1, y1 = safe_box()
    assert ys.size > 2000  # a caption was drawn
    assert xs.min() >= x0 and xs.max() < x1 and ys.min() >= y0 and ys.max() < y1
    assert ys.min() > HEIGHT // 2  # at the bottom of the safe area, not over the subject


def test_more_moments_than_slides_keeps_every_struggle_then_fixes(journal, tmp_path):
    kinds = ["milestone", "fix", "struggle", "fix", "milestone", "struggle", "fix",
             "struggle", "milestone", "struggle", "fix", "struggle"]
    moments = [(k, f"{k} {i}") for i, k in enumerate(kinds)]
    piece, _ = story_piece(journal, n=20, moments=moments)
    plan = plan_for_options(journal.snapshot(piece.id), only_carousel())
    assert len(plan_slides(plan)) == 15  # all of them fit in Instagram's 20
    slides = plan_slides(plan, limit=10)  # a smaller cap keeps the most telling
    assert len(slides) == 10
    assert [s.kind for s in slides[:1] + slides[-2:]] == ["result-first", "result", "effort"]
    story = slides[1:-2]
    captions = [s.caption for s in story]
    assert sum(s.kind == "struggle" for s in story) == 5  # all of them
    assert sum(s.kind == "fix" for s in story) == 2 and not any(
        s.kind == "milestone" for s in story)
    # the fixes kept are spread over time (the first and the last of four), in time order
    assert "fix 1" in captions and "fix 10" in captions
    order = [int(c.split()[1]) for c in captions]
    assert order == sorted(order)
    # without the end card and the hook there is room for more
    plan = plan_for_options(journal.snapshot(piece.id),
                            only_carousel(result_first=False, end_card=False))
    slides = plan_slides(plan, limit=10)
    assert len(slides) == 10 and slides[-1].kind == "result"
    assert sum(s.kind == "fix" for s in slides) == 4
    assert sum(s.kind == "milestone" for s in slides) == 0


def test_hidden_stills_never_appear_in_the_carousel(journal, tmp_path):
    piece, caps = story_piece(journal)
    journal.hide_stills(piece.id, [caps[2].id])  # the struggle's still
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", only_carousel())
    manifest = json.loads((result.folder / "export.json").read_text(encoding="utf-8"))
    alts = [s["alt"] for s in manifest["carousel"]]
    assert not any("Premier effondrement" in a for a in alts)
    assert len(alts) == 5
    plan = plan_for_options(journal.snapshot(piece.id), only_carousel())
    assert caps[2].id not in {s.capture.id for s in plan_slides(plan) if s.capture}
    # shown again once unhidden
    journal.unhide_stills(piece.id, [caps[2].id])
    plan = plan_for_options(journal.snapshot(piece.id), only_carousel())
    assert caps[2].id in {s.capture.id for s in plan_slides(plan) if s.capture}


def test_carousel_only_makes_no_reel_and_ignores_a_too_short_length(journal, tmp_path):
    piece, _ = story_piece(journal)
    options = only_carousel().replace(duration=2)  # too short for the captions
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", options)
    assert sorted(result.files) == ["carousel", "post"]
    names = sorted(p.name for p in result.folder.iterdir())
    assert names == ["carousel", "export.json", f"{piece.id}-post.txt"]


def test_carousel_images_carry_no_exif_or_gps(journal, tmp_path):
    piece = journal.create_piece("Vase bleu")
    card = gps_card(tmp_path / "DCIM", 6)
    assert len(import_photos(journal, piece.id, [card]).imported) == 6
    caps = journal.snapshot(piece.id).captures
    assert leaks_in_exif(caps[2].path.read_bytes())  # premise: the journal's copy has GPS
    journal.add_moment(piece.id, "struggle", at=caps[2].id, caption="Trop d'eau.")
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", only_carousel())
    files = sorted((result.folder / "carousel").glob("*.jpg"))
    assert len(files) == 3  # the last still first, the struggle, the effort card
    for path in files:
        data = path.read_bytes()
        assert leaks_in_exif(data) == [] and leaks_in_bytes(data) == []
        assert b"Exif\x00\x00" not in data


def test_a_cancelled_or_failed_carousel_leaves_no_folder(journal, tmp_path, monkeypatch):
    piece, _ = story_piece(journal)
    token = CancelToken()

    def progress(p):
        if p.message == "carousel":
            token.cancel()

    with pytest.raises(Cancelled):
        export_with_options(journal.snapshot(piece.id), tmp_path / "out",
                            ExportOptions(duration=20).replace(outputs={"mp4", "carousel"}),
                            progress=progress, cancel=token)
    assert visible(tmp_path / "out") == []

    calls = []
    real = carousel_mod.encode_jpeg

    def fail_third(image):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(image)

    monkeypatch.setattr(carousel_mod, "encode_jpeg", fail_third)
    with pytest.raises(OSError):
        export_with_options(journal.snapshot(piece.id), tmp_path / "out2", only_carousel())
    assert visible(tmp_path / "out2") == [] and len(calls) == 3
    assert not any((tmp_path / "out2").iterdir())  # the partial folder went too


def test_an_unreadable_still_leaves_its_slide_out_with_a_warning(journal, tmp_path):
    piece, caps = story_piece(journal)
    caps[3].path.write_bytes(b"\xff\xd8 not a jpeg")  # the fix's still
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", only_carousel())
    assert len(list((result.folder / "carousel").glob("*.jpg"))) == 5
    assert any("carousel still could not be read" in w for w in result.warnings)
    post = result.files["post"].read_text(encoding="utf-8")
    assert "Moins d'eau" in post.split("Alt text")[0]  # still in the captions
    assert "Fix on" not in post
