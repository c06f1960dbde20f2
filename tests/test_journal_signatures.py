"""Suggestion signatures stored with the stills: the first timeline decodes nothing,
torn records and several writers at once are survived, old journals still work."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from coulisses.jobs import Cancelled, CancelToken
from coulisses.journal import Journal, sigstore
from coulisses.journal.codec import SIG_SIZE, encode_still, signature_from_jpeg
from coulisses.timeline import signatures as sigmod
from coulisses.timeline.signatures import forget_cache, load_signatures, signature_dir

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DAY = "2026-11-20"


def _frame(i: int) -> np.ndarray:
    img = np.full((240, 320, 3), 40 + (i * 37) % 180, np.uint8)
    cv2.circle(img, (20 + (i * 13) % 280, 120), 30, (255, 255, 255), -1)
    return img


def _fill(journal: Journal, n: int, name: str = "Bol", hours: float = 0) -> tuple[str, list]:
    pid = journal.create_piece(name).id
    caps = []
    for i in range(n):
        still, thumb = encode_still(_frame(i))
        caps.append(journal.add_still(pid, still, T0 + timedelta(hours=hours * i, seconds=i),
                                      thumbnail=thumb))
    return pid, caps


def _no_decode(monkeypatch) -> None:
    def refuse(capture):
        raise AssertionError(f"{capture.id} was decoded")

    monkeypatch.setattr(sigmod, "capture_signature", refuse)


def test_fresh_piece_needs_no_decode_and_matches_the_lazy_path(journal: Journal,
                                                               monkeypatch) -> None:
    pid, caps = _fill(journal, 30, hours=2)  # spread over three days
    snap = journal.snapshot(pid)
    lazy_sigs = None
    with monkeypatch.context() as m:
        _no_decode(m)
        days: list[str] = []
        sigs, ok = load_signatures(snap, progress=lambda p: days.append(p.message))
    assert ok.all() and sigs.shape == (30, SIG_SIZE)
    assert days == sorted(set(days)) and len(days) == 3  # progress once per day
    for cap, sig in zip(caps, sigs, strict=True):
        assert np.array_equal(sig, signature_from_jpeg(cap.thumb_path.read_bytes()))
    assert not list(signature_dir(journal.piece(pid).folder).glob("*.npz"))
    forget_cache(journal.piece(pid).folder, stored=True)
    lazy_sigs, lazy_ok = load_signatures(snap)
    assert lazy_ok.all() and np.array_equal(lazy_sigs, sigs)


def test_a_given_signature_is_stored_as_is_and_a_wrong_one_refused(journal: Journal,
                                                                   monkeypatch) -> None:
    pid = journal.create_piece("Bol").id
    still, _ = encode_still(_frame(0))
    mine = np.arange(SIG_SIZE, dtype=np.uint8)
    journal.add_still(pid, still, T0, signature=mine)
    journal.add_still(pid, still, T0 + timedelta(seconds=1), signature=bytes(range(216)) * 3)
    with pytest.raises(ValueError):
        journal.add_still(pid, still, T0 + timedelta(seconds=2), signature=b"short")
    with pytest.raises(ValueError):  # an old, grey signature is no longer what is stored
        journal.add_still(pid, still, T0 + timedelta(seconds=3), signature=bytes(432))
    assert len(journal.snapshot(pid).captures) == 2  # nothing written for the refused one
    _no_decode(monkeypatch)
    sigs, ok = load_signatures(journal.snapshot(pid))
    assert ok.all() and np.array_equal(sigs[0], mine)
    assert bytes(sigs[1]) == bytes(range(216)) * 3


def test_stills_without_a_stored_signature_take_the_lazy_path(journal: Journal,
                                                              monkeypatch) -> None:
    pid, caps = _fill(journal, 10)
    still, thumb = encode_still(_frame(99))
    extra = journal.add_still(pid, still, T0 + timedelta(seconds=50))  # no thumbnail
    decoded = []
    real = sigmod.capture_signature
    monkeypatch.setattr(sigmod, "capture_signature", lambda c: decoded.append(c.id) or real(c))
    sigs, ok = load_signatures(journal.snapshot(pid))
    assert ok.all() and decoded == [extra.id]
    assert np.array_equal(sigs[-1], signature_from_jpeg(still))


def test_torn_and_zeroed_records_are_skipped(tmp_path: Path) -> None:
    sig = np.full(SIG_SIZE, 7, np.uint8)
    sigstore.append(tmp_path, DAY, "a", sig)
    with open(sigstore.day_path(tmp_path, DAY), "ab") as fh:
        fh.write(sigstore.record("torn", sig)[:123])  # a crash mid-write
    sigstore.append(tmp_path, DAY, "b", sig + 1)
    with open(sigstore.day_path(tmp_path, DAY), "ab") as fh:
        fh.write(b"\0" * 4096)  # a zeroed tail after a power cut
    bad = bytearray(sigstore.record("c", sig))
    bad[200] ^= 0xFF  # a flipped byte: the checksum no longer matches
    with open(sigstore.day_path(tmp_path, DAY), "ab") as fh:
        fh.write(bytes(bad))
    sigstore.append(tmp_path, DAY, "d", sig + 3)
    sigstore.append(tmp_path, DAY, "a", sig + 9)  # a later record of a key wins
    keys, sigs = sigstore.read_day(tmp_path, DAY)
    assert keys.tolist() == [b"a", b"b", b"d"]
    assert [int(s[0]) for s in sigs] == [16, 8, 10]


def test_long_capture_ids_are_keyed_by_a_hash(journal: Journal, monkeypatch) -> None:
    pid = journal.create_piece("Bol").id
    still, thumb = encode_still(_frame(1))
    names = ["陶" * 60 + "_1.jpg", "陶" * 60 + "_2.jpg"]  # same first 60 bytes
    caps = [journal.add_still(pid, still, T0, thumbnail=thumb, source=n) for n in names]
    assert sigstore.key_of(caps[0].id) != sigstore.key_of(caps[1].id)
    assert all(len(sigstore.key_of(c.id)) <= sigstore.KEY_BYTES for c in caps)
    _no_decode(monkeypatch)
    _, ok = load_signatures(journal.snapshot(pid))
    assert ok.all()


_WRITER = """
import sys
from pathlib import Path
import numpy as np
from coulisses.journal import sigstore
folder, who = Path(sys.argv[1]), sys.argv[2]
for i in range(300):
    sigstore.append(folder, "2026-11-20", f"{who}-{i:04d}", np.full(648, i % 256, np.uint8))
"""


def test_several_processes_append_to_one_day_at_once(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), f"w{n}"], env=env)
             for n in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    assert sigstore.day_path(tmp_path, DAY).stat().st_size == 4 * 300 * sigstore.RECORD
    keys, sigs = sigstore.read_day(tmp_path, DAY)
    assert len(keys) == 1200
    for key, sig in zip(keys.tolist(), sigs, strict=True):
        assert (sig == int(key.split(b"-")[1]) % 256).all()


def test_loading_stored_signatures_stays_cancellable(journal: Journal) -> None:
    pid, _ = _fill(journal, 6, hours=12)
    token = CancelToken()
    seen = []

    def progress(p) -> None:
        seen.append(p.done)
        token.cancel()

    with pytest.raises(Cancelled):
        load_signatures(journal.snapshot(pid), token=token, progress=progress)
    assert len(seen) == 1


def test_old_grey_signatures_are_still_read_and_colour_ones_rebuilt(journal: Journal,
                                                                   monkeypatch) -> None:
    """A journal from before colour was kept: its grey records stay readable (and move with
    their stills), the finder rebuilds colour signatures from the thumbnails, lazily."""
    from coulisses.journal.codec import signature_from_gray

    pid, caps = _fill(journal, 6)
    folder = signature_dir(journal.piece(pid).folder)
    forget_cache(journal.piece(pid).folder, stored=True)
    for cap in caps:  # what an older Coulisses stored
        grey = signature_from_gray(cv2.cvtColor(_frame(caps.index(cap)), cv2.COLOR_BGR2GRAY))
        sigstore.append(folder, DAY, cap.id, grey)
    keys, grey_sigs = sigstore.read_day(folder, DAY, sigstore.GREY)
    assert len(keys) == 6 and grey_sigs.shape == (6, sigstore.LUMA_SIZE)
    assert sigstore.read_day(folder, DAY)[0].size == 0  # no colour record yet
    decoded = []
    real = sigmod.capture_signature
    monkeypatch.setattr(sigmod, "capture_signature", lambda c: decoded.append(c.id) or real(c))
    sigs, ok = load_signatures(journal.snapshot(pid))
    assert ok.all() and sigs.shape == (6, SIG_SIZE) and len(decoded) == 6
    # Luma as the grey signature had it; chroma beside it (the frames are coloured).
    assert np.abs(sigs[:, :sigstore.LUMA_SIZE].astype(int) - grey_sigs.astype(int)).mean() < 3
    decoded.clear()
    load_signatures(journal.snapshot(pid))  # the lazy cache: nothing decoded again
    assert decoded == []
