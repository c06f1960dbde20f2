"""SRT and WebVTT files from the plan's cues, timed to the frame."""

from __future__ import annotations

from collections.abc import Sequence

from coulisses.timeline.plan import Cue


def _ms(frame: int, fps: int) -> int:
    return round(frame * 1000 / fps)


def _stamp(ms: int, sep: str) -> str:
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _one_line(text: str) -> str:
    # A blank line ends a cue in both formats: keep the caption on one line.
    return " ".join(text.split())


def _usable(cues: Sequence[Cue]) -> list[Cue]:
    return sorted((c for c in cues if c.end_frame > c.start_frame and c.text.strip()),
                  key=lambda c: (c.start_frame, c.end_frame))


def srt(cues: Sequence[Cue], fps: int) -> str:
    blocks = []
    for n, cue in enumerate(_usable(cues), 1):
        start, end = _stamp(_ms(cue.start_frame, fps), ","), _stamp(_ms(cue.end_frame, fps), ",")
        blocks.append(f"{n}\n{start} --> {end}\n{_one_line(cue.text)}\n")
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt(cues: Sequence[Cue], fps: int) -> str:
    blocks = ["WEBVTT\n"]
    for n, cue in enumerate(_usable(cues), 1):
        start, end = _stamp(_ms(cue.start_frame, fps), "."), _stamp(_ms(cue.end_frame, fps), ".")
        blocks.append(f"{n}\n{start} --> {end}\n{_vtt_escape(_one_line(cue.text))}\n")
    return "\n".join(blocks)
