"""Export benchmark: our reel export against the ffmpeg command line doing the same job.

300 stills of 1920x1080, each shown for one frame (10 s at 30 fps), cropped to
9:16, scaled to 1080x1920, one burnt-in caption for 3 s, libx264 veryfast
CRF 20, yuv420p, faststart. Target: ours <= 1.0x ffmpeg's time.

Run: python tests/bench/bench_export.py [--stills 300] [--repeat 1] [--full]
(--full also times a complete export: MP4 + frames + SRT/VTT + cover + post
text, with deflicker; informative, not part of the comparison.)
The ffmpeg binary comes from the imageio-ffmpeg package (bench-only dependency).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

import av  # noqa: E402
import numpy as np  # noqa: E402

from coulisses.capture.demo_piece import SensorNoise, _backdrop, render_still  # noqa: E402
from coulisses.export import export_reel, get_preset  # noqa: E402
from coulisses.export.fonts import BOLD, font_path  # noqa: E402
from coulisses.journal import Journal  # noqa: E402
from coulisses.journal.codec import encode_jpeg  # noqa: E402
from coulisses.timeline.plan import WORK, Cue, ReelPlan, Shot  # noqa: E402

CAPTION = "Troisième effondrement. Trop d'eau."
CUE_START, CUE_END = 30, 120  # frames: 1 s to 4 s


def make_stills(journal: Journal, n: int) -> tuple:
    """n realistic 1920x1080 stills (drawn workshop scene with sensor noise)."""
    piece = journal.create_piece("Bench vase")
    rng = np.random.default_rng(7)
    backdrop = _backdrop(1920, 1080)
    noise = SensorNoise(backdrop.shape, rng)
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i in range(n):
        u = i / max(1, n - 1)
        shape = {"h": 80 + 180 * u, "base": 130 - 25 * u, "belly": 125 + 25 * u,
                 "neck": 105 - 45 * u, "lip": 95 - 15 * u, "lean": 0.0}
        img = render_still(backdrop, shape, hands=i % 5 != 0, glaze=False, rng=rng, noise=noise)
        journal.add_still(piece.id, encode_jpeg(img), t0 + timedelta(seconds=10 * i))
    captures, _ = journal.captures(piece.id)
    return journal.piece(piece.id), captures


def plan_of(piece, captures) -> ReelPlan:
    shots = tuple(Shot(c, 1, WORK) for c in captures)
    return ReelPlan(piece=piece, fps=30, shots=shots,
                    cues=(Cue(CUE_START, CUE_END, CAPTION, "struggle"),))


def ffmpeg_job(ffmpeg: str, captures, work: Path, out: Path) -> list[str]:
    seq = work / "seq"
    seq.mkdir()
    for i, c in enumerate(captures, 1):
        os.symlink(c.path, seq / f"{i:06d}.jpg")
    preset = get_preset("reels")
    text_file = work / "caption.txt"
    text_file.write_text(CAPTION, encoding="utf-8")
    font = str(font_path(BOLD)).replace(":", r"\:")
    drawtext = (f"drawtext=fontfile='{font}':textfile='{text_file}':fontsize=58:"
                "fontcolor=white:borderw=3:bordercolor=black:box=1:boxcolor=black@0.65:"
                f"boxborderw=18:x=(w-text_w)/2:y=h-{preset.safe.bottom}-text_h-40:"
                f"enable='between(n,{CUE_START},{CUE_END - 1})'")
    vf = f"crop=ih*9/16:ih,scale=1080:1920:flags=bicubic,{drawtext}"
    return [ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-framerate", "30",
            "-i", str(seq / "%06d.jpg"), "-vf", vf, "-c:v", "libx264", "-preset", "veryfast",
            "-crf", "20", "-pix_fmt", "yuv420p", "-r", "30", "-movflags", "+faststart", str(out)]


def caption_costs(n: int = 40) -> tuple[float, float]:
    """ms per frame: blending a ready caption patch into an I420 frame, versus a
    full-frame Pillow round trip (array -> image -> draw text -> array)."""
    from PIL import Image, ImageDraw

    from coulisses.export import fonts, yuv
    from coulisses.export.captions import render_caption
    from coulisses.export.patches import YuvPatch

    preset = get_preset("reels")
    rng = np.random.default_rng(1)
    frame = rng.integers(0, 255, (1920, 1080, 3), dtype=np.uint8)
    i420 = yuv.to_i420(frame)
    patch = YuvPatch.from_patch(render_caption(CAPTION, preset.safe_box, 1080).patch)
    t = time.perf_counter()
    for _ in range(n):
        f = i420.copy()
        patch.blend_into_i420(f, 1080, 1920)
    blend = (time.perf_counter() - t) / n * 1000
    font = fonts.font(fonts.BOLD, 58)
    t = time.perf_counter()
    for _ in range(n):
        im = Image.fromarray(frame[:, :, ::-1])
        ImageDraw.Draw(im).text((540, 1200), CAPTION, font=font, fill="white", anchor="ms",
                                stroke_width=3, stroke_fill="black")
        np.asarray(im)[:, :, ::-1].copy()
    pillow = (time.perf_counter() - t) / n * 1000
    return blend, pillow


def cpu_seconds(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def frames_in(path: Path) -> int:
    with av.open(str(path)) as c:
        return sum(1 for _ in c.decode(video=0))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stills", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; the best is kept")
    ap.add_argument("--full", action="store_true", help="also time a complete export")
    args = ap.parse_args()
    try:
        import imageio_ffmpeg
    except ImportError:
        print("install the bench extra: pip install imageio-ffmpeg")
        return 1
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    tmp = Path(tempfile.mkdtemp(prefix="coulisses-bench-export-"))
    try:
        journal = Journal.open(tmp / "journal")
        t = time.perf_counter()
        piece, captures = make_stills(journal, args.stills)
        print(f"setup: {len(captures)} stills of 1920x1080 in {time.perf_counter() - t:.1f} s")
        plan = plan_of(piece, captures)

        ours, theirs, ours_cpu, theirs_cpu = [], [], [], []
        for r in range(args.repeat):
            # Same job for both: crop 9:16, scale, one caption, libx264 veryfast CRF 20.
            c, t = cpu_seconds(resource.RUSAGE_SELF), time.perf_counter()
            result = export_reel(plan, tmp / f"ours{r}", "reels", outputs={"mp4"},
                                 deflicker=False)
            ours.append(time.perf_counter() - t)
            ours_cpu.append(cpu_seconds(resource.RUSAGE_SELF) - c)
            assert frames_in(result.files["mp4"]) == plan.total_frames

            work = tmp / f"ffmpeg{r}"
            work.mkdir()
            cmd = ffmpeg_job(ffmpeg, captures, work, work / "reel.mp4")
            c, t = cpu_seconds(resource.RUSAGE_CHILDREN), time.perf_counter()
            subprocess.run(cmd, check=True)
            theirs.append(time.perf_counter() - t)
            theirs_cpu.append(cpu_seconds(resource.RUSAGE_CHILDREN) - c)
            assert frames_in(work / "reel.mp4") == plan.total_frames
            print(f"  run {r + 1}: ours {ours[-1]:.2f} s ({ours_cpu[-1]:.1f} s CPU), "
                  f"ffmpeg {theirs[-1]:.2f} s ({theirs_cpu[-1]:.1f} s CPU)", flush=True)

        blend, pillow = caption_costs()
        print(f"caption per frame: patch blend {blend:.1f} ms (incl. frame copy), "
              f"Pillow full-frame round trip {pillow:.1f} ms")
        o, f = min(ours), min(theirs)
        n = plan.total_frames
        print(f"reel: {n} frames 1080x1920 at 30 fps ({n / 30:.1f} s), one caption")
        print(f"ours   (PyAV export, mp4 only): {o:6.2f} s  ({n / o:5.1f} fps)")
        print(f"ffmpeg (CLI, same filters)    : {f:6.2f} s  ({n / f:5.1f} fps)")
        print(f"ratio ours/ffmpeg: {o / f:.2f}x  (target <= 1.00x)")
        print(f"CPU time (best run): ours {min(ours_cpu):.1f} s, ffmpeg {min(theirs_cpu):.1f} s "
              f"({min(ours_cpu) / min(theirs_cpu):.2f}x; wall time varies with other load, "
              "CPU time much less)")
        if args.full:
            t = time.perf_counter()
            export_reel(plan, tmp / "full", "reels")
            full = time.perf_counter() - t
            print(f"complete export (mp4 + {n} frames + srt/vtt + cover + post, deflicker): "
                  f"{full:.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
