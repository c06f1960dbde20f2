"""Tiny colour "signatures" of stills, for the suggestion finder.

A signature is the still's brightness shrunk to 24×18 and its two chroma
channels to 12×9 (area averages, which also average away most sensor noise;
648 bytes, journal.codec). The journal stores it when it stores the
still (``Journal.add_still``, from the thumbnail: journal.sigstore), so the
first timeline of a freshly captured or imported piece decodes nothing.

Stills without a stored signature (journals written before signatures were
stored, a thumbnail that could not be read) take the old, lazy path: the
signature is made from the thumbnail (decoded at 1/8 size, ~40×30: the JPEG
decoder then keeps only the block averages, which is fast), or from the still
at 1/8 size when there is no thumbnail, and cached one small file per day
folder, ``<day>.npz`` in the journal's signature cache folder, holding the
capture ids, the signatures (uint8) and which stills could not be read. That
file is rewritten atomically only when its day gained such stills; it is a
cache, so a damaged or stale one is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import io
import logging
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from coulisses.atomicio import atomic_open
from coulisses.jobs import CancelToken, Progress, ProgressCallback
from coulisses.journal import sigstore
from coulisses.journal.journal import SIGNATURES
from coulisses.journal.layout import cache_dir
from coulisses.journal.model import Capture, PieceSnapshot
from coulisses.journal.sigstore import SIG_H, SIG_SIZE, SIG_W

log = logging.getLogger(__name__)

CACHE_VERSION = 3  # 3: colour signatures (2 held grey ones: rebuilt)
BATCH = 256  # stills per worker task


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def capture_signature(capture: Capture) -> np.ndarray | None:
    """The signature of one still: from its thumbnail when it has one. None if unreadable."""
    from coulisses.journal.codec import signature_from_jpeg  # OpenCV: only when decoding

    for path in (capture.own_thumb(), capture.path):
        data = _read(path) if path is not None else None
        sig = signature_from_jpeg(data) if data is not None else None
        if sig is not None:
            return sig
    return None


def _signatures(captures: list[Capture]) -> list[np.ndarray | None]:
    # One task per batch: a future per still costs more than decoding a thumbnail.
    return [capture_signature(c) for c in captures]


def signature_dir(piece_folder: Path) -> Path:
    """The journal's folder for this piece's signatures (stored and lazily cached)."""
    return cache_dir(piece_folder, SIGNATURES)


def _cache_path(folder: Path, day: str) -> Path:
    return folder / f"{day}.npz"


_Day = tuple[np.ndarray, np.ndarray, np.ndarray]  # sorted ids, sigs, ok
_EMPTY: _Day = (np.array([], dtype=str), np.zeros((0, SIG_SIZE), np.uint8), np.zeros(0, bool))


def _load_day(path: Path) -> _Day:
    """Sorted capture ids, their signatures and readability from a day's cache file."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["version"]) != CACHE_VERSION:
                return _EMPTY
            ids, sigs, ok = data["ids"], data["sigs"], data["ok"]
    except FileNotFoundError:
        return _EMPTY
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        log.info("signature cache %s ignored (%s); it will be rebuilt", path, exc)
        return _EMPTY
    n = len(ids)
    if sigs.shape != (n, SIG_SIZE) or ok.shape != (n,) or (n and not (ids[1:] > ids[:-1]).all()):
        return _EMPTY
    return ids, sigs, ok


def _save_day(path: Path, ids: np.ndarray, sigs: np.ndarray, ok: np.ndarray) -> None:
    order = np.argsort(ids)
    buf = io.BytesIO()
    np.savez(buf, version=np.int64(CACHE_VERSION), ids=ids[order], sigs=sigs[order],
             ok=ok[order])
    try:
        with atomic_open(path) as fh:
            fh.write(buf.getvalue())
    except OSError as exc:  # a cache that cannot be written only costs time later
        log.warning("signature cache %s not written: %s", path, exc)


def _day_runs(captures: Sequence[Capture], lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(day folder, start, end) runs of consecutive stills in the same day folder."""
    # A day's captures share one folder object: compare folders, name them once a run.
    runs: list[tuple[str, int, int]] = []
    folder = None
    for i in range(lo, hi):
        here = captures[i].folder
        if folder is not None and (here is folder or here == folder):
            continue
        if runs:
            runs[-1] = (runs[-1][0], runs[-1][1], i)
        runs.append((here.name, i, hi))
        folder = here
    return runs


def load_signatures(snapshot: PieceSnapshot, *, ranges: Sequence[tuple[int, int]] | None = None,
                    use_cache: bool = True, token: CancelToken | None = None,
                    progress: ProgressCallback | None = None,
                    workers: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Signatures of the snapshot's stills (or of the ``[start, end)`` index ``ranges``,
    concatenated in order).

    Returns ``(sigs, ok)``: ``sigs`` is (n, 648) uint8, ``ok`` marks the stills
    that could be read. Cancellable between days (raises ``Cancelled``). With
    ``use_cache=False`` nothing stored is trusted: every signature is decoded.
    """
    import time

    captures = snapshot.captures
    if ranges is None:
        ranges = [(0, len(captures))]
    runs = [run for lo, hi in ranges for run in _day_runs(captures, lo, hi)]
    total = sum(hi - lo for _, lo, hi in runs)
    sigs = np.zeros((total, SIG_SIZE), np.uint8)
    ok = np.zeros(total, bool)
    started = time.monotonic()
    folder = signature_dir(snapshot.piece.folder)
    stored: dict[str, sigstore.Day] = {}
    loaded: dict[str, _Day] = {}
    pos = 0
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for day, lo, hi in runs:
            if token is not None:
                token.raise_if_cancelled()
            out = slice(pos, pos + hi - lo)
            # 1. Signatures stored with the stills (every still of a recent journal).
            if day not in stored:
                stored[day] = sigstore.read_day(folder, day) if use_cache else sigstore.EMPTY
            keys = sigstore.keys_of([captures[i].id for i in range(lo, hi)])
            have, where = sigstore.lookup(stored[day], keys)
            sigs[out][have] = stored[day][1][where[have]]
            ok[out][have] = True
            rest = np.flatnonzero(~have)
            if not rest.size:
                pos += hi - lo
                if progress is not None:
                    progress(Progress(pos, total, day, started))
                continue
            # 2. The others (old journals): the lazy per-day cache, else decode.
            path = _cache_path(folder, day)
            if day not in loaded:
                loaded[day] = _load_day(path) if use_cache else _EMPTY
            ids, csigs, cok = loaded[day]
            want = np.array([captures[lo + k].id for k in rest.tolist()], dtype=str)
            at = np.searchsorted(ids, want) if ids.size else np.zeros(want.size, np.int64)
            at = np.minimum(at, max(ids.size - 1, 0))
            hit = (ids[at] == want) if ids.size else np.zeros(want.size, bool)
            sigs[pos + rest[hit]] = csigs[at[hit]]
            ok[pos + rest[hit]] = cok[at[hit]]
            missing = rest[~hit]
            if missing.size:
                todo = [captures[lo + k] for k in missing.tolist()]
                batches = [todo[b:b + BATCH] for b in range(0, len(todo), BATCH)]
                fresh = [sig for batch in pool.map(_signatures, batches) for sig in batch]
                for k, sig in zip(missing.tolist(), fresh, strict=True):
                    if sig is not None:
                        sigs[pos + k] = sig
                        ok[pos + k] = True
                if use_cache:
                    # Keep the entries of other stills of the day: the cache is keyed
                    # by id and trusted for nothing but pixels.
                    new_ids = np.concatenate([ids, want[~hit]])
                    new_sigs = np.concatenate([csigs, sigs[pos + missing]])
                    new_ok = np.concatenate([cok, ok[pos + missing]])
                    _save_day(path, new_ids, new_sigs, new_ok)
                    order = np.argsort(new_ids)
                    loaded[day] = (new_ids[order], new_sigs[order], new_ok[order])
            pos += hi - lo
            if progress is not None:
                progress(Progress(pos, total, day, started))
    return sigs, ok


def forget_cache(piece_folder: Path, days: Sequence[str] | None = None, *,
                 stored: bool = False) -> None:
    """Delete cached signatures (all, or some days'): they are rebuilt on demand.

    With ``stored`` the signatures stored with the stills go too (the piece then
    behaves like a journal written before they were stored).
    """
    root = signature_dir(piece_folder)
    suffixes = (".npz", *(f.suffix for f in sigstore.FORMATS)) if stored else (".npz",)
    if days is not None:
        targets = [root / f"{d}{s}" for d in days for s in suffixes]
    else:
        targets = [p for s in suffixes for p in root.glob(f"*{s}")]
    for p in targets:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


__all__ = ["SIG_H", "SIG_SIZE", "SIG_W", "capture_signature", "forget_cache",
           "load_signatures", "signature_dir"]
