"""Suggestion signatures stored when a still is stored: one append-only file per day.

``<piece>/cache/signatures/<day>.sig`` holds fixed-size records::

    b"CSG1" | key (60 bytes) | signature (432 bytes) | checksum (u32, little-endian)

The key is the capture id (UTF-8, NUL-padded), or for an id longer than 60
bytes its first 43 bytes, "/" (never part of an id) and a 16-hex-digit hash.
Appending one record costs the same for the first still and the 100,000th,
and each record is written with one ``O_APPEND`` write, so several processes
(a capture, an import, the app) can add to the same day at once.

It is a cache, written without fsync: a power cut may leave a torn or zeroed
tail, and a later append then lands after it. The reader checks every record
(magic and checksum) and, past a bad one, finds the next magic; a still whose
record is missing simply has its signature computed again from its thumbnail.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import numpy as np

from coulisses.journal.confine import open_append

log = logging.getLogger(__name__)

# A signature is a still shrunk to 24x18 grey levels (journal.codec makes them).
# Defined here, without OpenCV, so reading stored ones never loads it.
SIG_W, SIG_H = 24, 18
SIG_SIZE = SIG_W * SIG_H

SUFFIX = ".sig"
MAGIC = b"CSG1"
KEY_BYTES = 60
_BODY = KEY_BYTES + SIG_SIZE
RECORD = len(MAGIC) + _BODY + 4
_DTYPE = np.dtype([("magic", "S4"), ("key", f"S{KEY_BYTES}"), ("sig", "u1", (SIG_SIZE,)),
                   ("check", "<u4")])
# Position-weighted byte sum: a torn, shifted or zeroed record does not match it.
_WEIGHTS = np.arange(1, _BODY + 1, dtype=np.uint32)

Day = tuple[np.ndarray, np.ndarray]  # sorted unique keys (S60), signatures (n, 432) uint8
EMPTY: Day = (np.array([], dtype=f"S{KEY_BYTES}"), np.zeros((0, SIG_SIZE), np.uint8))


def key_of(capture_id: str) -> bytes:
    raw = capture_id.encode("utf-8")
    if len(raw) <= KEY_BYTES:
        return raw
    digest = hashlib.blake2b(raw, digest_size=8).hexdigest().encode("ascii")
    return raw[:KEY_BYTES - 17] + b"/" + digest


def keys_of(capture_ids: list[str]) -> np.ndarray:
    return np.array([key_of(c) for c in capture_ids], dtype=f"S{KEY_BYTES}")


def _checksum(body: np.ndarray) -> np.ndarray:
    return body.astype(np.uint32) @ _WEIGHTS


def record(capture_id: str, signature: np.ndarray) -> bytes:
    sig = np.ascontiguousarray(signature, dtype=np.uint8).reshape(-1)
    if sig.size != SIG_SIZE:
        raise ValueError(f"a signature has {SIG_SIZE} values, not {sig.size}")
    body = key_of(capture_id).ljust(KEY_BYTES, b"\0") + sig.tobytes()
    check = int(_checksum(np.frombuffer(body, np.uint8)))
    return MAGIC + body + check.to_bytes(4, "little")


def day_path(folder: Path, day: str) -> Path:
    return folder / f"{day}{SUFFIX}"


def append(folder: Path, day: str, capture_id: str, signature: np.ndarray) -> None:
    """Add one still's signature; a failure only costs a decode later, so it is logged."""
    data = record(capture_id, signature)
    try:
        fd = open_append(day_path(folder, day))
        try:
            os.write(fd, data)  # one write per record: O_APPEND keeps writers apart
        finally:
            os.close(fd)
    except OSError as exc:
        log.warning("signature of %s not stored: %s", capture_id, exc)


def _valid(records: np.ndarray) -> np.ndarray:
    raw = records.view(np.uint8).reshape(len(records), RECORD)
    body = raw[:, len(MAGIC):len(MAGIC) + _BODY]
    return (records["magic"] == MAGIC) & (_checksum(body) == records["check"])


def _resync(raw: bytes) -> np.ndarray:
    """Good records of a file with a torn one inside (after a crash): slow, and rare."""
    good: list[bytes] = []
    pos = 0
    while True:
        at = raw.find(MAGIC, pos)
        if at < 0 or at + RECORD > len(raw):
            break
        rec = raw[at:at + RECORD]
        if _valid(np.frombuffer(rec, _DTYPE))[0]:
            good.append(rec)
            pos = at + RECORD
        else:
            pos = at + 1
    return np.frombuffer(b"".join(good), _DTYPE)


def read_day(folder: Path, day: str) -> Day:
    """The stored signatures of one day, keys sorted; the last record of a key wins."""
    path = day_path(folder, day)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return EMPTY
    except OSError as exc:
        log.info("stored signatures %s not read (%s)", path, exc)
        return EMPTY
    whole = len(raw) - len(raw) % RECORD
    records = np.frombuffer(raw, _DTYPE, count=whole // RECORD)
    if len(raw) != whole or not _valid(records).all():
        log.info("stored signatures %s have damaged records; they are skipped", path)
        records = _resync(raw)
    if not len(records):
        return EMPTY
    # Keep each key's last record: reverse, then np.unique keeps first occurrences.
    keys = records["key"][::-1]
    uniq, first = np.unique(keys, return_index=True)
    return uniq, records["sig"][::-1][first]


def lookup(stored: Day, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hit mask, index into stored) for each key."""
    ids, _ = stored
    if not ids.size or not keys.size:
        return np.zeros(keys.size, bool), np.zeros(keys.size, np.int64)
    at = np.minimum(np.searchsorted(ids, keys), ids.size - 1)
    return ids[at] == keys, at


__all__ = ["EMPTY", "RECORD", "SIG_H", "SIG_SIZE", "SIG_W", "append", "day_path", "key_of",
           "keys_of", "lookup", "read_day", "record"]
