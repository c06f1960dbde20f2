"""Tiny grey "signatures" of stills, for the suggestion finder, with a per-day cache.

A signature is the still shrunk to 24×18 grey levels (area average, which also
averages away most sensor noise). It is made from the thumbnail written at
capture (decoded at 1/4 size: ~80×60, very fast), or from the still at 1/8
size when there is no thumbnail.

Decoding 100,000 thumbnails takes a while, so signatures are cached, one small
file per day folder: ``pieces/<piece>/cache/signatures/<day>.npz`` holding the
capture ids, the signatures (uint8) and which stills could not be read. The
file is rewritten atomically only when its day gained stills; it is a cache,
so a damaged or stale one is simply rebuilt (never one TinyDB doc per still).
"""

from __future__ import annotations

import contextlib
import io
import logging
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np

from coulisses.atomicio import atomic_open
from coulisses.jobs import CancelToken, Progress, ProgressCallback
from coulisses.journal.images import jpeg_problem
from coulisses.journal.model import Capture, PieceSnapshot

log = logging.getLogger(__name__)

SIG_W, SIG_H = 24, 18
SIG_SIZE = SIG_W * SIG_H
CACHE_VERSION = 1
CACHE_DIR = ("cache", "signatures")


def signature_from_gray(gray: np.ndarray) -> np.ndarray:
    """24×18 area-averaged grey levels, flattened (uint8)."""
    small = cv2.resize(gray, (SIG_W, SIG_H), interpolation=cv2.INTER_AREA)
    return small.reshape(-1)


def signature_from_bgr(frame: np.ndarray) -> np.ndarray:
    return signature_from_gray(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))


def _decode(path: Path, flag: int) -> np.ndarray | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if jpeg_problem(data):
        return None
    return cv2.imdecode(np.frombuffer(data, np.uint8), flag)


def capture_signature(capture: Capture) -> np.ndarray | None:
    """The signature of one still: from its thumbnail when it has one. None if unreadable."""
    thumb = capture.thumb_path
    gray = _decode(thumb, cv2.IMREAD_REDUCED_GRAYSCALE_4)
    if gray is None:
        gray = _decode(capture.path, cv2.IMREAD_REDUCED_GRAYSCALE_8)
    if gray is None or gray.size == 0:
        return None
    return signature_from_gray(gray)


def _cache_path(piece_folder: Path, day: str) -> Path:
    return piece_folder.joinpath(*CACHE_DIR, f"{day}.npz")


def _load_day(path: Path) -> dict[str, np.ndarray | None]:
    """id → signature (None for an unreadable still) from a day's cache file."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["version"]) != CACHE_VERSION:
                return {}
            ids = data["ids"].tolist()
            sigs = data["sigs"]
            ok = data["ok"]
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        log.info("signature cache %s ignored (%s); it will be rebuilt", path, exc)
        return {}
    if sigs.shape != (len(ids), SIG_SIZE) or ok.shape != (len(ids),):
        return {}
    return {cid: (sigs[k] if ok[k] else None) for k, cid in enumerate(ids)}


def _save_day(path: Path, entries: dict[str, np.ndarray | None]) -> None:
    ids = sorted(entries)
    sigs = np.zeros((len(ids), SIG_SIZE), np.uint8)
    ok = np.zeros(len(ids), bool)
    for k, cid in enumerate(ids):
        sig = entries[cid]
        if sig is not None:
            sigs[k] = sig
            ok[k] = True
    buf = io.BytesIO()
    np.savez(buf, version=np.int64(CACHE_VERSION), ids=np.array(ids, dtype=str), sigs=sigs,
             ok=ok)
    try:
        with atomic_open(path) as fh:
            fh.write(buf.getvalue())
    except OSError as exc:  # a cache that cannot be written only costs time later
        log.warning("signature cache %s not written: %s", path, exc)


def load_signatures(snapshot: PieceSnapshot, *, use_cache: bool = True,
                    token: CancelToken | None = None,
                    progress: ProgressCallback | None = None,
                    workers: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Signatures of all the snapshot's stills, aligned with ``snapshot.captures``.

    Returns ``(sigs, ok)``: ``sigs`` is (n, 432) uint8, ``ok`` marks the stills
    that could be read. Cancellable between days (raises ``Cancelled``).
    """
    import time

    captures = snapshot.captures
    n = len(captures)
    sigs = np.zeros((n, SIG_SIZE), np.uint8)
    ok = np.zeros(n, bool)
    started = time.monotonic()
    # Group capture indices by day folder (stills are already in time order).
    days: list[tuple[str, int, int]] = []
    for i, c in enumerate(captures):
        day = c.path.parent.name
        if days and days[-1][0] == day and days[-1][2] == i:
            days[-1] = (day, days[-1][1], i + 1)
        else:
            days.append((day, i, i + 1))
    folder = snapshot.piece.folder
    done = 0
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for day, lo, hi in days:
            if token is not None:
                token.raise_if_cancelled()
            path = _cache_path(folder, day)
            cached = _load_day(path) if use_cache else {}
            todo = [i for i in range(lo, hi) if captures[i].id not in cached]
            fresh = dict(zip((captures[i].id for i in todo),
                             pool.map(capture_signature, (captures[i] for i in todo),
                                      chunksize=64), strict=True))
            for i in range(lo, hi):
                cid = captures[i].id
                sig = fresh[cid] if cid in fresh else cached[cid]
                if sig is not None:
                    sigs[i] = sig
                    ok[i] = True
            if use_cache and todo:
                # Keep entries of stills no longer in this snapshot's view too:
                # the cache is keyed by id, never trusted for anything but pixels.
                merged = dict(cached)
                merged.update(fresh)
                _save_day(path, merged)
            done += hi - lo
            if progress is not None:
                progress(Progress(done, n, day, started))
    return sigs, ok


def forget_cache(piece_folder: Path, days: Sequence[str] | None = None) -> None:
    """Delete cached signatures (all, or some days'): they are rebuilt on demand."""
    root = piece_folder.joinpath(*CACHE_DIR)
    targets = [root / f"{d}.npz" for d in days] if days is not None else root.glob("*.npz")
    for p in targets:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


__all__ = ["SIG_H", "SIG_SIZE", "SIG_W", "capture_signature", "forget_cache",
           "load_signatures", "signature_from_bgr", "signature_from_gray"]
