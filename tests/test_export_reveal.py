"""Before/after, ghost, and the 2026 platform table (issue 25, parts 2 and 3): real
exports read back with PyAV, pixels checked where each still must show, the frame count
met, carousels capped by the platform chosen, the process log naming both stills."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import c2pa
import cv2
import numpy as np
import pytest

from coulisses.cli import build_parser
from coulisses.credentials.process import LABEL
from coulisses.export import ExportOptions, InvalidOption, export_with_options
from coulisses.export.options import (
    CAROUSEL_ONLY,
    last_options,
    options_from_args,
    plan_for_options,
    save_last_options,
)
from coulisses.export.presets import CHECKED, PRESETS
from coulisses.timeline.plan import BEFORE_AFTER_SIDE, BEFORE_AFTER_WIPE, COVER_FRAME
from tests.test_export_support import SMALL, decode_frames, jpeg

RED, GREEN, BLUE = (30, 30, 210), (40, 190, 40), (210, 40, 30)  # BGR
FPS = 30


@pytest.fixture(autouse=True)
def small_presets(monkeypatch):
    """Small reels (fast); the carousels keep their platforms' real sizes."""
    for name in ("reels", "tiktok", "shorts"):
        monkeypatch.setitem(PRESETS, name, PRESETS[name].scaled(SMALL.width, SMALL.height))


def coloured(bgr, size=(640, 360)) -> np.ndarray:
    """A flat colour with a white 'piece' in the middle, and a little texture."""
    w, h = size
    img = np.full((h, w, 3), bgr, np.uint8)
    rng = np.random.default_rng(sum(bgr))
    img = cv2.add(img, rng.integers(0, 6, img.shape, dtype=np.uint8))
    cv2.circle(img, (w // 2, h // 2), h // 5, (250, 250, 250), -1)
    return img


def raw_to_result(journal, n: int = 12, result: bool = True):
    """The first still red (the raw material), the work green, the last blue (the result)."""
    piece = journal.create_piece("Vase bleu #3")
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i in range(n):
        colour = RED if i == 0 else BLUE if i == n - 1 else GREEN
        journal.add_still(piece.id, jpeg(coloured(colour)), t0 + timedelta(seconds=20 * i))
    caps, _ = journal.captures(piece.id)
    if result:
        journal.add_moment(piece.id, "result", at=caps[-1].id)
    return journal.piece(piece.id), caps


def is_(pixel, colour) -> bool:
    """``pixel`` (BGR) is near ``colour``, with room for H.264 and JPEG."""
    return bool(np.abs(pixel.astype(int) - np.array(colour)).max() < 45)


def export(journal, piece, tmp_path, **options):
    outputs = options.pop("outputs", {"mp4"})
    opts = ExportOptions(duration=6, result_first=False, end_card=False,
                         deflicker=False).replace(outputs=outputs, **options)
    return export_with_options(journal.snapshot(piece.id), tmp_path / "out", opts)


def process_log(path) -> dict:
    with c2pa.Reader("", io.BytesIO(path.read_bytes())) as reader:
        active = reader.get_active_manifest()
    return next(a["data"] for a in active["assertions"] if a["label"] == LABEL)


# --------------------------------------------------------------------------- the table
def test_one_table_holds_each_platforms_limits_with_its_source_and_date():
    for preset in PRESETS.values():
        assert preset.source and preset.checked == CHECKED == "2026-12-07"
        assert 15 <= preset.default_duration <= 30  # short stays the default
    reels, tiktok, shorts = PRESETS["reels"], PRESETS["tiktok"], PRESETS["shorts"]
    assert (reels.carousel.max_images, reels.carousel.width, reels.carousel.height) == \
        (20, 1080, 1350)
    assert (tiktok.carousel.max_images, tiktok.carousel.width, tiktok.carousel.height) == \
        (35, 1080, 1920)
    assert reels.max_duration == shorts.max_duration == 180 and tiktok.max_duration >= 600
    assert shorts.takes_srt and not shorts.cover_upload
    assert not reels.takes_srt and reels.cover_upload and tiktok.cover_upload


@pytest.mark.parametrize(("preset", "seconds", "ok"), [
    ("reels", 180, True), ("reels", 181, False), ("shorts", 180, True), ("shorts", 200, False),
    ("tiktok", 600, True), ("tiktok", 601, False)])
def test_the_length_allows_each_platforms_longest_reel_and_no_more(preset, seconds, ok):
    if ok:
        assert ExportOptions(preset=preset, duration=seconds).duration == seconds
        return
    limit = f"{PRESETS[preset].max_duration:g}"
    with pytest.raises(InvalidOption, match=limit) as info:
        ExportOptions(preset=preset, duration=seconds)
    if preset != "tiktok":  # the longest of all has the plain range's sentence
        assert "Reels" in str(info.value) or "Shorts" in str(info.value)
        assert "short reels, 15 to 30 s" in str(info.value)


def test_a_three_minute_reel_is_planned_to_the_frame(journal):
    piece, _ = raw_to_result(journal, n=40)
    plan = plan_for_options(journal.snapshot(piece.id),
                            ExportOptions(duration=180, before_after="wipe", ghost=True))
    assert plan.total_frames == 180 * FPS


@pytest.mark.parametrize(("preset", "cap", "size"), [
    ("reels", 20, (1350, 1080)), ("tiktok", 35, (1920, 1080)), ("shorts", 20, (1350, 1080))])
def test_the_carousel_is_capped_by_the_platform_chosen_not_at_ten(journal, tmp_path, preset,
                                                                  cap, size):
    piece, caps = raw_to_result(journal, n=50)
    for i in range(2, 46):
        journal.add_moment(piece.id, "struggle", at=caps[i].id, caption=f"effondrement {i}")
    opts = ExportOptions(preset=preset, duration=30).replace(outputs=CAROUSEL_ONLY)
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", opts)
    files = sorted((result.folder / "carousel").iterdir())
    assert len(files) == cap
    assert {cv2.imread(str(p)).shape[:2] for p in files} == {size}
    record = json.loads((result.folder / "export.json").read_text("utf-8"))
    assert len(record["carousel"]) == cap


# --------------------------------------------------------------------------- before/after
def test_side_by_side_at_the_end_shows_the_first_still_left_and_the_result_right(
        journal, tmp_path):
    piece, caps = raw_to_result(journal)
    result = export(journal, piece, tmp_path, before_after="side",
                    outputs={"mp4", "frames"})
    frames = decode_frames(result.files["mp4"])
    assert len(frames) == result.frames == 6 * FPS  # the target, to the frame
    plan = plan_for_options(journal.snapshot(piece.id), ExportOptions(
        duration=6, result_first=False, end_card=False, before_after="side"))
    held = sum(s.frames for s in plan.shots if s.kind == BEFORE_AFTER_SIDE)
    assert held == 75 and plan.shots[-1].kind == BEFORE_AFTER_SIDE
    x0, y0, x1, y1 = SMALL.safe_box
    cx = (x0 + x1) // 2
    y = y0 + 40  # under the labels, above the piece
    for frame in (frames[-held], frames[-1]):
        assert is_(frame[y, x0 + 5], RED) and is_(frame[y, x1 - 5], BLUE)
        # the piece lines up: the white circle's rows are the same in both halves
        # (each half's piece is centred in the part of it no button covers)
        left = np.flatnonzero(frame[:, (x0 + cx) // 2].min(axis=1) > 200)
        right = np.flatnonzero(frame[:, (cx + x1) // 2].min(axis=1) > 200)
        body = [r for r in left if r > y0 + 30]  # below the labels
        assert body and abs(body[0] - right[right > y0 + 30][0]) <= 2
        assert abs(body[-1] - right[-1]) <= 2
    # the frames before it are the work, with no trace of the before/after
    assert is_(frames[-held - 1][y, x1 - 5], GREEN) or is_(frames[-held - 1][y, x1 - 5], BLUE)
    # the numbered frames show it too
    last = sorted((result.folder / "frames").glob("*.jpg"))[-1]
    image = cv2.imread(str(last))
    assert is_(image[y, x0 + 5], RED) and is_(image[y, x1 - 5], BLUE)


def test_a_wipe_sweeps_from_the_raw_material_to_the_result(journal, tmp_path):
    piece, _ = raw_to_result(journal)
    result = export(journal, piece, tmp_path, before_after="wipe", before_after_at="start",
                    result_first=True)
    frames = decode_frames(result.files["mp4"])
    assert len(frames) == 6 * FPS
    row = SMALL.safe_box[1] + 40  # under the labels, above the piece
    blue = [int(sum(is_(p, BLUE) for p in f[row])) for f in frames[30:30 + 90]]
    red = [int(sum(is_(p, RED) for p in f[row])) for f in frames[30:30 + 90]]
    # after the 1 s hook: the raw material held, the line sweeping, the result held
    assert red[0] > 0.9 * SMALL.width and blue[0] == 0
    assert blue[-1] > 0.9 * SMALL.width and red[-1] == 0
    sweep = blue[18:18 + 36]
    assert all(b2 >= b1 - 3 for b1, b2 in zip(sweep, sweep[1:], strict=False))
    assert 0.2 * SMALL.width < blue[18 + 18] < 0.8 * SMALL.width  # halfway: both show
    # then the work begins
    assert is_(frames[120][row, 10], RED) or is_(frames[120][row, 10], GREEN)


def test_the_before_after_is_a_carousel_slide_too(journal, tmp_path):
    piece, _ = raw_to_result(journal)
    for style in ("side", "wipe"):
        result = export(journal, piece, tmp_path / style, before_after=style,
                        end_card=True, outputs=CAROUSEL_ONLY)
        record = json.loads((result.folder / "export.json").read_text("utf-8"))
        alts = [s["alt"] for s in record["carousel"]]
        k = next(i for i, a in enumerate(alts) if a.startswith("Before and after: Vase bleu"))
        assert "finished piece" in alts[k] and k == len(alts) - 2  # before the effort card
        slide = cv2.imread(str(result.folder / record["carousel"][k]["file"]))
        assert slide.shape[:2] == (1350, 1080)
        assert is_(slide[1100, 120], RED) and is_(slide[1100, 960], BLUE)


def test_the_process_log_says_which_stills_the_before_after_and_the_ghost_show(
        journal, tmp_path, cli):
    piece, caps = raw_to_result(journal)
    result = export(journal, piece, tmp_path, before_after="wipe", ghost=True)
    log = process_log(result.files["mp4"])
    hashes = {e["index"]: e["sha256"] for e in log["stills_shown"]["sha256"]}
    reveal = log["reveal"]
    pair = reveal["before_after"]
    assert pair["style"] == "wipe" and pair["before"]["index"] == 1
    assert pair["after"]["index"] == len(caps)
    assert pair["before"]["sha256"] == hashes[1]
    assert pair["after"]["sha256"] == hashes[len(caps)]
    assert pair["start_frame"] + pair["frames"] == result.frames  # held at the end
    ghost = reveal["ghost"]
    assert ghost["still"]["index"] == len(caps) and ghost["start_frame"] == 0
    assert 3 * FPS <= ghost["frames"] < 4 * FPS and ghost["opacity"] == pytest.approx(0.35)
    record = json.loads((result.folder / "export.json").read_text("utf-8"))
    assert all(f["signed"] for f in record["credentials"]["files"])
    # `coulisses verify` says it in words, and its JSON keeps it
    code, out, _ = cli("verify", str(result.files["mp4"]))
    assert code == 0
    assert f"Before/after: still 1 beside still {len(caps)}." in out
    assert f"Ghost: still {len(caps)} shown faintly over the first stills." in out
    code, out, _ = cli("verify", str(result.files["mp4"]), "--json")
    assert json.loads(out)["process"]["reveal"] == reveal


# --------------------------------------------------------------------------- ghost
def test_the_ghost_shows_the_result_faintly_over_the_first_seconds_only(journal, tmp_path):
    piece, _ = raw_to_result(journal, n=40)
    result = export(journal, piece, tmp_path, ghost=True)
    plain = export(journal, piece, tmp_path / "plain")
    frames, bare = decode_frames(result.files["mp4"]), decode_frames(plain.files["mp4"])
    assert len(frames) == len(bare) == 6 * FPS
    x, y = SMALL.safe_box[0] + 5, SMALL.safe_box[3] - 10
    expected = 0.65 * np.array(RED) + 0.35 * np.array(BLUE)  # the first still, ghosted
    assert np.abs(frames[0][y, x].astype(int) - expected).max() < 30
    assert is_(bare[0][y, x], RED)
    shift = [float(np.abs(f.astype(int) - b.astype(int)).mean()) for f, b in
             zip(frames, bare, strict=True)]
    assert shift[0] > shift[45] > 1.0  # fading out
    assert max(shift[3 * FPS + 3:]) < 1.0  # gone after three seconds


# --------------------------------------------------------------------------- Shorts
def test_shorts_open_on_the_cover_and_the_post_text_says_srt_and_thumbnail(journal, tmp_path):
    piece, _ = raw_to_result(journal)
    journal.add_moment(piece.id, "struggle", at=journal.captures(piece.id)[0][3].id,
                       caption="Trop d'eau.")
    opts = ExportOptions(preset="shorts", duration=6)
    result = export_with_options(journal.snapshot(piece.id), tmp_path / "out", opts)
    plan = plan_for_options(journal.snapshot(piece.id), opts)
    assert plan.shots[0].kind == COVER_FRAME and plan.total_frames == 6 * FPS
    first = decode_frames(result.files["mp4"])[0]
    cover = cv2.imread(str(result.files["cover"]))
    assert float(np.abs(first.astype(int) - cover.astype(int)).mean()) < 6
    post = result.files["post"].read_text("utf-8")
    notes = post.split("Notes for you (not to paste):", 1)[1]
    assert f"upload {result.files['srt'].name} as subtitles" in notes
    assert "first frame as the thumbnail" in notes
    assert post.index("Content Credentials") < post.index("Notes for you")
    reels = export_with_options(journal.snapshot(piece.id), tmp_path / "reels",
                                opts.replace(preset="reels"))
    assert "Notes for you" not in reels.files["post"].read_text("utf-8")
    assert plan_for_options(journal.snapshot(piece.id),
                            opts.replace(preset="reels")).shots[0].kind != COVER_FRAME


# --------------------------------------------------------------------------- options
def test_the_cli_builds_the_same_options_and_the_piece_remembers_them(journal):
    args = build_parser(["export"]).parse_args(
        ["export", "Vase", "--out", "o", "--before-after", "wipe", "--before-after-at", "start",
         "--ghost", "--preset", "tiktok", "--duration", "4m"])
    built = options_from_args(args)
    assert built == ExportOptions(preset="tiktok", duration=240, before_after="wipe",
                                  before_after_at="start", ghost=True)
    plain = options_from_args(build_parser(["export"]).parse_args(
        ["export", "Vase", "--out", "o"]))
    assert plain.before_after is None and not plain.ghost and plain.before_after_at == "end"
    with pytest.raises(Exception, match="invalid choice"):
        build_parser(["export"]).parse_args(["export", "V", "--out", "o", "--before-after",
                                             "fade"])
    piece, _ = raw_to_result(journal, n=3)
    save_last_options(journal, piece.id, built)
    assert last_options(journal, piece.id) == built
    assert ExportOptions.from_json({**built.to_json(), "before_after": "fade"}).before_after \
        is None


def test_before_after_and_ghost_cost_their_frames_from_the_work_not_the_length(journal):
    piece, _ = raw_to_result(journal, n=30)
    snap = journal.snapshot(piece.id)
    for options in (ExportOptions(duration=9, before_after="side"),
                    ExportOptions(duration=9, before_after="wipe", before_after_at="start",
                                  ghost=True),
                    ExportOptions(preset="shorts", duration=9, before_after="wipe")):
        plan = plan_for_options(snap, options)
        assert plan.total_frames == 9 * FPS
        assert any(s.kind in (BEFORE_AFTER_SIDE, BEFORE_AFTER_WIPE) for s in plan.shots)


@pytest.mark.parametrize(("style", "mix"), [("side", 1.0), ("wipe", 0.0), ("wipe", 0.5),
                                            ("wipe", 1.0)])
def test_the_before_after_labels_stay_inside_the_safe_zone(style, mix):
    from coulisses.export import reveal

    preset = PRESETS["reels"]
    box, w, h = preset.safe_box, preset.width, preset.height
    before, after = coloured(RED), coloured(BLUE)
    drawn = {lang: reveal.before_after(before, after, w, h, box, style=style, mix=mix,
                                       lang=lang) for lang in ("en", "fr")}
    # "Before"/"Avant", "After"/"Après": where the two differ is where a label is
    ys, xs = np.nonzero(np.abs(drawn["en"].astype(int) - drawn["fr"].astype(int)).max(axis=2))
    assert ys.size > 50
    x0, y0, x1, y1 = box
    assert xs.min() >= x0 and xs.max() < x1 and ys.min() >= y0 and ys.max() < y1


def test_where_the_planner_puts_the_before_after_the_ghost_and_the_cover_frame(journal):
    from coulisses.timeline.pacing import GHOST_OPACITY, GHOST_SECONDS, PacingError, plan_reel
    from coulisses.timeline.plan import END_CARD, RESULT_FIRST

    piece, caps = raw_to_result(journal, n=30)
    snap = journal.snapshot(piece.id)
    kinds = lambda plan: [s.kind for s in plan.shots]  # noqa: E731
    end = plan_reel(snap, duration=10, before_after="side")
    assert kinds(end)[0] == RESULT_FIRST and kinds(end)[-2:] == [BEFORE_AFTER_SIDE, END_CARD]
    pair = end.shots[-2]
    assert pair.overlay == caps[0] and pair.capture == caps[-1]
    start = plan_reel(snap, duration=10, before_after="wipe", before_after_at="start")
    wipe = [i for i, k in enumerate(kinds(start)) if k == BEFORE_AFTER_WIPE]
    assert wipe == list(range(1, 1 + len(wipe)))  # right after the hook, one run
    mixes = [start.shots[i].mix for i in wipe]
    assert mixes[0] == 0 and mixes[-1] == 1 and mixes == sorted(mixes)
    opening = plan_reel(snap, duration=10, cover_frame=True, before_after="side")
    assert kinds(opening)[:2] == [COVER_FRAME, RESULT_FIRST]
    assert opening.shots[0].frames == 15  # half a second at 30 fps
    ghost = plan_reel(snap, duration=10, ghost=True, result_first=False)
    pos, seen = 0, []
    for shot in ghost.shots:
        seen.append((pos, shot.mix if shot.overlay is not None else 0.0))
        pos += shot.frames
    assert seen[0] == (0, GHOST_OPACITY)
    assert all(m2 <= m1 for (_, m1), (_, m2) in zip(seen, seen[1:], strict=False))
    assert all(m == 0 for p, m in seen if p >= GHOST_SECONDS * FPS)
    assert all(s.overlay == caps[-1] for s in ghost.shots if s.overlay is not None)
    for plan in (end, start, opening, ghost):
        assert plan.total_frames == 10 * FPS
    # too short to hold it: the shortest length that does is said
    with pytest.raises(PacingError) as info:
        plan_reel(snap, duration=4, before_after="wipe")
    assert info.value.shortest > 4
    assert plan_reel(snap, duration=info.value.shortest, before_after="wipe").total_frames \
        == round(info.value.shortest * FPS)
