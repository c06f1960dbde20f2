"""Builders shared by the export tests (no tests here): real stills in a real
journal, hand-made reel plans, MP4 inspection."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import cv2
import numpy as np

from coulisses.export.presets import get_preset
from coulisses.timeline.plan import END_CARD, RESULT_FIRST, WORK, Cue, ReelPlan, Shot

SMALL = get_preset("reels").scaled(270, 480)  # fast tests; the safe zone scales along


def still(i: int, width: int = 640, height: int = 360) -> np.ndarray:
    """A still with texture (so JPEG and H.264 have work to do) and a bright subject."""
    y, x = np.mgrid[0:height, 0:width]
    img = np.zeros((height, width, 3), np.uint8)
    img[..., 0] = (x * 255 // width + 20 * i) % 256
    img[..., 1] = (y * 255 // height) % 256
    img[..., 2] = 90 + (i * 37) % 120
    cv2.circle(img, (width // 2, height // 2), height // 5, (255, 255, 255), -1)
    cv2.putText(img, str(i), (10, height - 20), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 0, 0), 4)
    return img


def jpeg(img: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 92])
    assert ok
    return buf.tobytes()


def make_piece(journal, n: int = 6, size: tuple[int, int] = (640, 360), name: str = "Vase bleu #3"):
    piece = journal.create_piece(name)
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i in range(n):
        journal.add_still(piece.id, jpeg(still(i, *size)), t0 + timedelta(seconds=20 * i))
    captures, _ = journal.captures(piece.id)
    return journal.piece(piece.id), captures


def hand_plan(piece, captures, frames: int | list[int] = 10, cues: tuple[Cue, ...] = (),
              end_card: int = 0, result_first: int = 0, fps: int = 30,
              effort_line: str = "2 h 10 of work · 1 struggle") -> ReelPlan:
    per = frames if isinstance(frames, list) else [frames] * len(captures)
    shots = []
    if result_first:
        shots.append(Shot(captures[-1], result_first, RESULT_FIRST))
    shots += [Shot(c, f, WORK) for c, f in zip(captures, per, strict=False)]
    if end_card:
        shots.append(Shot(None, end_card, END_CARD, card_lines=("2 h 10 of work",
                                                                "1 struggle · 1 fix")))
    return ReelPlan(piece=piece, fps=fps, shots=tuple(shots), cues=cues,
                    effort_line=effort_line)


def visible(folder: Path) -> list[str]:
    """Entries a maker would see (hidden partial folders excluded)."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def top_level_boxes(path: Path) -> list[str]:
    """Types of the MP4's top-level boxes, in file order."""
    data = path.read_bytes()
    pos, out = 0, []
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8:pos + 16])[0]
        elif size == 0:
            size = len(data) - pos
        out.append(kind.decode("latin-1"))
        if size < 8:
            break
        pos += size
    return out


def decode_frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="bgr24") for f in container.decode(video=0)]
