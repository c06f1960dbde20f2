"""Video import (issue 25): real MP4/MOV files made here with PyAV become timed stills.

Times from the container (creation_time, Apple's creationdate with its offset,
the file date said as such), real time for time-lapses (Android's capture fps,
--speedup, --real-duration), idle stills skipped, duplicates, a truncated
video, a rotated phone video, HEVC, the key-frame plan, cancel and the CLI.
"""

from __future__ import annotations

import os
import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from coulisses.capture.exif_time import FILE_DATE
from coulisses.capture.importer import DUPLICATE, IMPORTED, SKIPPED, import_photos
from coulisses.capture.photo_decode import INCOMPLETE
from coulisses.capture.video_import import FRAMES, KEYS, VideoSettings, file_digest, plan_keys
from coulisses.capture.video_meta import (
    APPLE_CREATIONDATE,
    CREATION_TIME,
    PACE_CAPTURE_FPS,
    PACE_REAL_DURATION,
    PACE_REAL_TIME,
    PACE_SPEEDUP,
    parse_time,
    probe,
)
from coulisses.jobs import CancelToken
from coulisses.journal import stills

RED, GREEN, BLUE = (20, 20, 230), (20, 200, 20), (230, 20, 20)  # BGR


@pytest.fixture
def piece(journal):
    return journal.create_piece("Bol tourné")


def picture(i: int, w: int, h: int) -> np.ndarray:
    """Frame ``i``: grey with red top-left, green top-right, blue bottom-left corners, and a
    dark bar whose place changes with every frame (so no frame is idle)."""
    img = np.full((h, w, 3), 128, np.uint8)
    bw, bh = w // 4, h // 4
    img[:bh, :bw] = RED
    img[:bh, w - bw:] = GREEN
    img[h - bh:, :bw] = BLUE
    x = bw + (i * 7) % max(1, w - 2 * bw - 12)
    img[bh + 4:h - bh - 4, x:x + 12] = 20
    return img


def make_video(path: Path, *, seconds: float = 4.0, fps: int = 30, size=(160, 96),
               codec: str = "libx264", gop: int = 30, meta: dict | None = None,
               rotation: int | None = None, faststart: bool = False,
               frame=picture, audio: bool = False) -> Path:
    """A real video file; ``meta`` goes into the container's metadata (custom keys written
    as QuickTime mdta keys, as phones do, through movflags=use_metadata_tags)."""
    flags = "use_metadata_tags" + ("+faststart" if faststart else "")
    w, h = size
    with av.open(str(path), "w", options={"movflags": flags}) as out:
        out.metadata.update(meta or {})
        stream = out.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        stream.codec_context.gop_size = gop
        # A key frame every ``gop`` frames and no others, as a phone's encoder does.
        if codec == "libx265":
            stream.codec_context.options = {"x265-params": "log-level=none:scenecut=0"}
        else:
            stream.codec_context.options = {"sc_threshold": "0"}
        if rotation is not None:
            stream.set_display_rotation(rotation)
        if audio:  # an ordinary phone video has sound; a time-lapse has none
            sound = out.add_stream("aac", rate=48000)
            sound.layout = "mono"
            silence = av.AudioFrame.from_ndarray(np.zeros((1, 1024), np.float32), format="fltp",
                                                 layout="mono")
            silence.sample_rate = 48000
            for k in range(int(seconds * 48000 / 1024)):
                silence.pts = k * 1024
                for packet in sound.encode(silence):
                    out.mux(packet)
            for packet in sound.encode():
                out.mux(packet)
        for i in range(int(seconds * fps)):
            vf = av.VideoFrame.from_ndarray(frame(i, w, h), format="bgr24")
            for packet in stream.encode(vf):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def times(report) -> list[datetime]:
    return [c.time for c in report.videos[0].captures]


def corner(bgr: np.ndarray, where: str) -> tuple[int, ...]:
    h, w = bgr.shape[:2]
    ys = slice(h // 24, h // 6) if where[0] == "t" else slice(h - h // 6, h - h // 24)
    xs = slice(w // 24, w // 6) if where[1] == "l" else slice(w - w // 6, w - w // 24)
    return tuple(int(v) for v in bgr[ys, xs].reshape(-1, 3).mean(axis=0))


def near(a, b, tol: int = 45) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


# ------------------------------------------------------------------- time


def test_mp4_creation_time_places_each_still_at_its_frame(journal, piece, tmp_path):
    video = make_video(tmp_path / "VID_1.mp4",
                       meta={"creation_time": "2025-03-02T09:15:00.000000Z"})
    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))

    v = report.videos[0]
    assert v.status == IMPORTED and report.complete
    assert v.result.info.time_source == CREATION_TIME
    assert v.result.pace.source == PACE_REAL_TIME
    assert times(report) == [utc(2025, 3, 2, 9, 15, s) for s in range(4)]
    stored = journal.snapshot(piece.id).captures
    assert [c.source for c in stored] == ["VID_1"] * 4
    for c in stored:  # the same thumbnails and signatures as any still
        assert stills.thumb_path(journal.piece(piece.id).folder, c.id).is_file()
        assert cv2.imread(str(c.path)).shape[:2] == (96, 160)


def test_apple_creationdate_with_its_offset_wins_over_creation_time(journal, piece, tmp_path):
    video = make_video(tmp_path / "IMG_0042.MOV", seconds=2, meta={
        "creation_time": "2025-03-02T07:00:05.000000Z",  # written when the file was closed
        "com.apple.quicktime.creationdate": "2025-03-02T09:00:00+0200"})
    assert dict(av.open(str(video)).metadata)["com.apple.quicktime.creationdate"]

    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))

    assert report.videos[0].result.info.time_source == APPLE_CREATIONDATE
    assert times(report) == [utc(2025, 3, 2, 7, 0, 0), utc(2025, 3, 2, 7, 0, 1)]


def test_no_time_in_the_file_uses_the_file_date_as_the_end_and_says_so(
        journal, piece, tmp_path, cli):
    video = make_video(tmp_path / "clip.mp4", seconds=3)
    end = datetime(2025, 6, 1, 18, 0, 0, tzinfo=UTC)
    os.utime(video, (end.timestamp(), end.timestamp()))

    code, out, err = cli("import", piece.id, str(video), "--interval", "1s")

    assert code == 0, err
    got = [c.time for c in journal.snapshot(piece.id).captures]
    assert got[0] == end - timedelta(seconds=3) and got[-1] == end - timedelta(seconds=1)
    assert "none in the file, so the file date was used, as the end of filming" in out
    assert probe(video).time_source == FILE_DATE


def test_container_times_are_parsed_strictly():
    assert parse_time("2025-03-02T09:00:00+0200") == utc(2025, 3, 2, 7)
    assert parse_time("2025-03-02T09:00:00-05:30") == utc(2025, 3, 2, 14, 30)
    assert parse_time("2025-03-02T09:00:00.250000Z") == utc(2025, 3, 2, 9, 0, 0) + \
        timedelta(milliseconds=250)
    for bad in ("", "yesterday", "2025-13-40T99:00:00Z", "2025-03-02"):
        assert parse_time(bad) is None


def test_an_unset_creation_time_is_not_a_time(journal, piece, tmp_path):
    video = make_video(tmp_path / "zero.mp4", seconds=1,
                       meta={"creation_time": "1970-01-01T00:00:00.000000Z"})
    assert probe(video).time_source == FILE_DATE


# ------------------------------------------------------------ time-lapses


def test_android_capture_fps_makes_it_a_time_lapse(journal, piece, tmp_path):
    # One frame a second of real time, played at 30: 4 s of video are 2 min of work.
    video = make_video(tmp_path / "VID_20250302_timelapse.mp4", meta={
        "creation_time": "2025-03-02T10:00:00.000000Z", "com.android.capture.fps": "1.000000"})

    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=10.0))

    r = report.videos[0].result
    assert r.pace.source == PACE_CAPTURE_FPS and r.pace.speedup == pytest.approx(30)
    assert times(report) == [utc(2025, 3, 2, 10, 0, 0) + timedelta(seconds=10 * k)
                             for k in range(12)]


_CONTAINERS = {b"moov", b"udta", b"meta", b"ilst", b"trak", b"mdia", b"minf"}


def _atoms(data: bytes, start: int, end: int, path: tuple = ()):
    """(offset, size, type, ancestors) of every atom under [start, end), depth first."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if size < 8 or pos + size > end:
            return
        yield pos, size, kind, path
        body = pos + 8
        if kind == b"meta" and data[body + 4:body + 8] not in (b"hdlr", b"keys", b"ilst"):
            body += 4  # the ISO kind of meta has a version and flags; QuickTime's has not
        if kind in _CONTAINERS or (path and path[-1][2] == b"ilst"):
            yield from _atoms(data, body, pos + size, (*path, (pos, size, kind)))
        pos += size


def as_android_writes_it(path: Path, text: str, value: float) -> None:
    """Turn the UTF-8 value ``text`` FFmpeg wrote for a QuickTime key into the big-endian
    float32 (data type 23) Android's MediaMuxer writes for com.android.capture.fps.

    FFmpeg's muxer only writes strings; the atom is crafted here. The index (moov)
    comes after the frames, so resizing it moves no frame.
    """
    data = bytearray(path.read_bytes())
    for pos, size, kind, ancestors in _atoms(bytes(data), 0, len(data)):
        if kind == b"data" and ancestors and ancestors[-2][2] == b"ilst" \
                and bytes(data[pos + 16:pos + size]) == text.encode():
            atom = struct.pack(">I4sII", 20, b"data", 23, 0) + struct.pack(">f", value)
            delta = len(atom) - size
            data[pos:pos + size] = atom
            for a_pos, a_size, _kind in ancestors:
                struct.pack_into(">I", data, a_pos, a_size + delta)
            path.write_bytes(bytes(data))
            return
    raise AssertionError(f"no {text!r} value atom in {path}")


def test_android_capture_fps_written_as_a_float_as_phones_do(journal, piece, tmp_path):
    video = make_video(tmp_path / "VID_20250302_float.mp4", seconds=2, meta={
        "creation_time": "2025-03-02T10:00:00.000000Z", "com.android.capture.fps": "2.5"})
    as_android_writes_it(video, "2.5", 2.0)
    assert b"2.5" not in video.read_bytes()

    info = probe(video)
    assert info.capture_fps == pytest.approx(2.0)
    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=5.0))
    assert report.videos[0].result.pace.speedup == pytest.approx(15)
    assert times(report)[-1] == utc(2025, 3, 2, 10, 0, 25)  # 2 s of video = 30 s of work


def test_cli_speedup_and_real_duration_are_used_and_said(journal, piece, tmp_path, cli):
    a = make_video(tmp_path / "a.mp4", seconds=2,
                   meta={"creation_time": "2025-03-02T10:00:00.000000Z"})
    b = make_video(tmp_path / "b.mov", seconds=2,
                   meta={"creation_time": "2025-03-03T10:00:00.000000Z"})

    code, out, err = cli("import", piece.id, str(a), "--speedup", "60", "--interval", "30s")
    assert code == 0, err
    assert "a time-lapse at 60x, as --speedup says" in out
    got = [c.time for c in journal.snapshot(piece.id).captures]
    assert got == [utc(2025, 3, 2, 10, 0, 0) + timedelta(seconds=30 * k) for k in range(4)]

    code, out, err = cli("import", piece.id, str(b), "--real-duration", "10m",
                         "--interval", "2m")
    assert code == 0, err
    assert "a time-lapse of 10 min 00 s of real time, as --real-duration says (300x)" in out
    day2 = [c.time for c in journal.snapshot(piece.id).captures if c.time.day == 3]
    assert day2 == [utc(2025, 3, 3, 10, 0, 0) + timedelta(minutes=2 * k) for k in range(5)]


def test_cli_pace_usage_errors(journal, piece, tmp_path, cli):
    a = make_video(tmp_path / "a.mp4", seconds=1)
    b = make_video(tmp_path / "b.mp4", seconds=1)
    code, _out, err = cli("import", piece.id, str(a), str(b), "--real-duration", "2h")
    assert code == 2 and "one at a time" in err
    code, _out, err = cli("import", piece.id, str(a), "--real-duration", "2h", "--speedup", "3")
    assert code == 2
    code, _out, err = cli("import", piece.id, str(a), "--speedup", "0")
    assert code == 2 and "--speedup" in err
    assert not journal.snapshot(piece.id).captures


def test_no_capture_rate_is_real_time_and_the_summary_says_how_to_change_it(
        journal, piece, tmp_path, cli):
    a = make_video(tmp_path / "a.mp4", seconds=1, audio=True)
    silent = make_video(tmp_path / "b.mp4", seconds=1)
    assert probe(a).has_audio and not probe(silent).has_audio
    code, out, _err = cli("import", piece.id, str(a), str(silent))
    assert code == 0
    assert "filmed in real time (the file gives no capture rate; for a time-lapse, give " \
        "--speedup or --real-duration)" in out
    assert "it has no sound, as a phone's time-lapses: if it is one, give --speedup" in out


# --------------------------------------------------- idle, duplicates, cancel


def still_frame(i: int, w: int, h: int) -> np.ndarray:
    return picture(0, w, h)


def test_idle_stills_are_skipped_as_capture_does_unless_kept(journal, piece, tmp_path):
    video = make_video(tmp_path / "still.mp4", seconds=4, frame=still_frame)

    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))
    assert len(report.videos[0].captures) == 1 and report.videos[0].idle_skipped == 3

    other = journal.create_piece("Tout garder")
    report = import_photos(journal, other.id, [video],
                           video=VideoSettings(every=1.0, keep_idle=True))
    assert len(report.videos[0].captures) == 4


def test_importing_the_same_video_again_or_a_copy_adds_nothing(journal, piece, tmp_path, cli):
    video = make_video(tmp_path / "VID_2.mp4", seconds=3,
                       meta={"creation_time": "2025-03-02T09:15:00.000000Z"})
    first = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))
    assert len(first.videos[0].captures) == 3

    again = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))
    copy = tmp_path / "copie de VID_2.mp4"
    copy.write_bytes(video.read_bytes())
    code, out, _err = cli("import", piece.id, str(copy))

    assert again.videos[0].status == DUPLICATE and again.complete
    assert code == 0 and "already in the piece" in out
    assert len(journal.snapshot(piece.id).captures) == 3


def test_cancel_keeps_what_was_stored_and_a_second_run_finishes(journal, piece, tmp_path):
    video = make_video(tmp_path / "long.mp4", seconds=6,
                       meta={"creation_time": "2025-03-02T09:15:00.000000Z"})
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append(p)
        if p.done >= 3:
            token.cancel()

    report = import_photos(journal, piece.id, [video], progress=progress, cancel=token,
                           video=VideoSettings(every=1.0))
    assert report.cancelled and not report.complete
    kept = len(journal.snapshot(piece.id).captures)
    assert 1 <= kept < 6
    assert seen[0].total == 6 and seen[-1].message == "long.mp4"
    assert seen[-1].done < 6  # the bar stays where the video stopped

    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))
    assert report.complete and report.videos[0].result.already == kept
    assert len(journal.snapshot(piece.id).captures) == 6


def test_videos_in_folders_are_taken_beside_photos(journal, piece, tmp_path, cli):
    card = tmp_path / "DCIM"
    card.mkdir()
    make_video(card / "VID_3.MP4", seconds=2, meta={"creation_time": "2025-03-02T09:00:00Z"})
    cv2.imwrite(str(card / "IMG_1.jpg"), picture(0, 64, 48))
    (card / "notes.txt").write_text("glaze")

    code, out, err = cli("import", piece.id, str(card), "--interval", "1s")

    assert code == 0, err
    assert sorted(c.source for c in journal.snapshot(piece.id).captures) == \
        ["IMG_1", "VID_3", "VID_3"]
    assert "Photos imported" in out and "VID_3.MP4: 2 stills imported" in out


# ------------------------------------------------------ damaged, odd files


@pytest.mark.parametrize("interval", ["1s", "0.5s"])  # key frames planned / every frame
def test_a_truncated_video_gives_what_decodes_and_says_what_was_lost(
        journal, piece, tmp_path, cli, interval):
    video = make_video(tmp_path / "cut.mp4", seconds=8, faststart=True,
                       meta={"creation_time": "2025-03-02T09:00:00Z"})
    data = video.read_bytes()
    video.write_bytes(data[: len(data) // 2])  # the index first, half the frames

    code, out, err = cli("import", piece.id, str(video), "--interval", interval)

    n = len(journal.snapshot(piece.id).captures)
    assert code == 1, (out, err)
    assert 1 <= n < 8 / float(interval[:-1])
    assert "cut.mp4: the video stops at" in err and "of its 8 s" in err
    assert "could not be read (a truncated copy?)" in err


def test_a_video_cut_before_its_index_is_skipped_with_its_reason(journal, piece, tmp_path):
    video = make_video(tmp_path / "unfinished.mov", seconds=2)  # the index (moov) last
    data = video.read_bytes()
    video.write_bytes(data[: len(data) * 2 // 3])

    report = import_photos(journal, piece.id, [video])

    v = report.videos[0]
    assert v.status == SKIPPED and v.kind == INCOMPLETE and "truncated" in v.reason
    assert not report.complete


def test_a_rotated_phone_video_gives_upright_stills(journal, piece, tmp_path):
    # A phone held upright stores its frames sideways plus a display matrix.
    def sideways(i: int, w: int, h: int) -> np.ndarray:
        return cv2.rotate(picture(i, h, w), cv2.ROTATE_90_COUNTERCLOCKWISE)

    video = make_video(tmp_path / "portrait.mp4", seconds=1, size=(160, 96), frame=sideways,
                       rotation=-90)  # FFmpeg's angle: shown turned 90 degrees clockwise
    with av.open(str(video)) as c:
        assert next(c.decode(video=0)).rotation == -90

    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))

    still = cv2.imread(str(report.videos[0].captures[0].path))
    assert still.shape[:2] == (160, 96)  # portrait
    assert near(corner(still, "tl"), RED) and near(corner(still, "tr"), GREEN)
    assert near(corner(still, "bl"), BLUE)


def test_a_rotation_written_by_hand_in_the_track_header_is_read(journal, piece, tmp_path):
    # Older muxers and phones: the matrix straight in tkhd, as crafted bytes here.
    video = make_video(tmp_path / "tkhd.mp4", seconds=1, size=(160, 96),
                       frame=lambda i, w, h: cv2.rotate(picture(i, h, w), cv2.ROTATE_180))
    data = bytearray(video.read_bytes())
    at = data.find(b"tkhd") + 4
    fields = 4 + (32 if data[at] == 1 else 20) + 8 + 8
    data[at + fields:at + fields + 36] = struct.pack(
        ">9i", -0x10000, 0, 0, 0, -0x10000, 0, 0, 0, 0x40000000)  # 180 degrees
    video.write_bytes(bytes(data))

    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))

    still = cv2.imread(str(report.videos[0].captures[0].path))
    assert near(corner(still, "tl"), RED) and near(corner(still, "bl"), BLUE)


def test_hevc_video_is_imported(journal, piece, tmp_path):
    try:
        av.codec.Codec("libx265", "w")
    except Exception:  # pragma: no cover - this PyAV's FFmpeg has no HEVC encoder
        pytest.skip("no HEVC encoder in this PyAV build")
    video = make_video(tmp_path / "IMG_HEVC.MOV", seconds=2, codec="libx265",
                       meta={"com.apple.quicktime.creationdate": "2025-03-02T09:00:00+0100"})
    assert probe(video).codec == "hevc"

    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=1.0))

    assert times(report) == [utc(2025, 3, 2, 8, 0, 0), utc(2025, 3, 2, 8, 0, 1)]
    still = cv2.imread(str(report.videos[0].captures[0].path))
    assert near(corner(still, "tl"), RED)


# ------------------------------------------------------------- the plan


def test_a_step_longer_than_the_gop_decodes_only_planned_key_frames(journal, piece, tmp_path):
    video = make_video(tmp_path / "gop.mp4", seconds=6, gop=15,  # a key frame every 0.5 s
                       meta={"creation_time": "2025-03-02T09:00:00Z"})
    info = probe(video)
    assert info.key_interval == pytest.approx(0.5, abs=0.05)

    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=2.0))
    assert report.videos[0].mode == KEYS
    assert times(report) == [utc(2025, 3, 2, 9, 0, 2 * k) for k in range(3)]

    fine = import_photos(journal, journal.create_piece("fin").id, [video],
                         video=VideoSettings(every=0.25))
    assert fine.videos[0].mode == FRAMES and len(fine.videos[0].captures) == 24


def test_plan_keys_picks_the_nearest_key_frame_once():
    keys = (0.0, 1.0, 2.0, 3.0, 4.0)
    assert plan_keys(keys, 1.5, 4.0) == [0.0, 1.0, 3.0]  # 1.5 -> 1 (first of a tie), 3.0 -> 3
    assert plan_keys(keys, 10.0, 4.0) == [0.0]
    assert plan_keys((), 1.0, 4.0) == []


def test_pace_sources_are_distinct():
    assert len({PACE_CAPTURE_FPS, PACE_SPEEDUP, PACE_REAL_DURATION, PACE_REAL_TIME}) == 4


def test_far_key_frames_are_sought_and_a_cut_is_still_noticed(journal, piece, tmp_path):
    video = make_video(tmp_path / "long.mp4", seconds=24, gop=30,
                       faststart=True, meta={"creation_time": "2025-03-02T09:00:00Z"})
    report = import_photos(journal, piece.id, [video], video=VideoSettings(every=6.0))
    assert report.videos[0].mode == KEYS and report.complete
    assert times(report) == [utc(2025, 3, 2, 9, 0, 6 * k) for k in range(4)]

    data = video.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) * 3 // 5])
    report = import_photos(journal, journal.create_piece("coupé").id, [cut],
                           video=VideoSettings(every=6.0))
    r = report.videos[0].result
    assert 1 <= len(r.captures) < 4 and r.lost and "of its 24 s" in r.lost
    assert not report.complete


def test_the_video_digest_tells_copies_from_other_videos_of_the_same_size(tmp_path):
    rng = np.random.default_rng(3)
    big = rng.integers(0, 256, 5 << 20, dtype=np.uint8).tobytes()
    a, copy, other = tmp_path / "a.mp4", tmp_path / "b.mp4", tmp_path / "c.mp4"
    a.write_bytes(big)
    copy.write_bytes(big)
    for at in (10, (1 << 20) + 100, len(big) - 10):  # the index at either end, a sampled slice
        changed = bytearray(big)
        changed[at] ^= 0xFF
        other.write_bytes(bytes(changed))
        assert file_digest(other) != file_digest(a)
    assert file_digest(copy) == file_digest(a)
    small = tmp_path / "small.mp4"
    small.write_bytes(big[:1000])
    assert file_digest(small) != file_digest(a)


def test_the_clip_of_a_live_photo_beside_its_photo_is_left_alone(journal, piece, tmp_path, cli):
    card = tmp_path / "DCIM"
    card.mkdir()
    cv2.imwrite(str(card / "IMG_0042.JPG"), picture(0, 64, 48))
    make_video(card / "IMG_0042.MOV", seconds=3)  # the Live Photo's moving part
    make_video(card / "IMG_0050.MOV", seconds=3)  # a video of its own

    code, out, err = cli("import", piece.id, str(card), "--interval", "1s")

    assert code == 0, err
    sources = sorted(c.source for c in journal.snapshot(piece.id).captures)
    assert sources == ["IMG_0042", "IMG_0050", "IMG_0050", "IMG_0050"]
    assert "Clips of Live Photos left alone (their photo is the shot): 1." in out


def test_a_fragmented_mp4_is_planned_from_its_fragments(journal, piece, tmp_path):
    # Screen recorders and some phones write fragments (moof) instead of one index.
    path = tmp_path / "frag.mp4"
    with av.open(str(path), "w", options={"movflags": "frag_keyframe+empty_moov"}) as out:
        out.metadata["creation_time"] = "2025-03-02T09:00:00Z"
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 160, 96, "yuv420p"
        stream.codec_context.gop_size = 30
        stream.codec_context.options = {"sc_threshold": "0"}
        for i in range(300):
            for packet in stream.encode(av.VideoFrame.from_ndarray(picture(i, 160, 96),
                                                                   format="bgr24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)

    report = import_photos(journal, piece.id, [path], video=VideoSettings(every=3.0))

    assert report.complete and report.videos[0].mode == KEYS
    assert times(report) == [utc(2025, 3, 2, 9, 0, 3 * k) for k in range(4)]


def test_the_rest_of_a_group_of_pictures_is_not_decoded_once_its_steps_are_taken(tmp_path):
    from coulisses.capture.video_import import _Decoder

    video = make_video(tmp_path / "gop.mp4", seconds=6, gop=30)  # a key frame a second
    info = probe(video)
    half = _Decoder(info, 0.5)  # two steps in each second: 0 and 0.5
    got = [round(t, 3) for t, _frame in half.frames()]
    assert half.mode == FRAMES
    assert got == [0.5 * k for k in range(12)]
    # 0 to 0.5 of each second, plus the few frames the decoder's threads hold back
    assert 6 * 16 <= half.decoded < 0.8 * 180
    third = _Decoder(info, 0.4)
    assert [round(t, 3) for t, _f in third.frames()] == \
        [round(t, 3) for t in (0.4 * k for k in range(15))]


@pytest.mark.parametrize("codec", ["libx264", "libx265"])
def test_frames_after_a_skipped_tail_are_the_very_frames_a_full_decode_gives(tmp_path, codec):
    # HEVC here with open groups of pictures and B-frames: frames shown before a key
    # frame but decoded after it need the skipped ones; none of them is ever kept.
    from coulisses.capture.video_import import _Decoder

    try:
        av.codec.Codec(codec, "w")
    except Exception:  # pragma: no cover - no HEVC encoder in this PyAV build
        pytest.skip(f"no {codec} encoder")
    path = tmp_path / "open.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=30)
        stream.width, stream.height, stream.pix_fmt = 320, 192, "yuv420p"
        stream.codec_context.gop_size = 30
        stream.codec_context.options = (
            {"x265-params": "log-level=none:open-gop=1:keyint=30:min-keyint=30:bframes=4"}
            if codec == "libx265" else {"sc_threshold": "0", "bf": "3"})
        for i in range(150):
            frame = av.VideoFrame.from_ndarray(picture(i, 320, 192), format="bgr24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    with av.open(str(path)) as container:
        full = {round(f.time, 3): f.to_ndarray(format="bgr24")
                for f in container.decode(video=0)}
    for step in (0.4, 0.5, 0.7):
        decoder = _Decoder(probe(path), step)
        kept = {round(t, 3): f.to_ndarray(format="bgr24") for t, f in decoder.frames()}
        assert decoder.mode == FRAMES and decoder.decoded < len(full)
        assert len(kept) == len(range(0, 5000, int(step * 1000)))
        for t, image in kept.items():
            assert np.array_equal(image, full[t]), (step, t)
