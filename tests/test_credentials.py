"""Content Credentials (issue 15): every export is signed offline with the maker's own
key, carries the process log, reads back with c2pa's own Reader, and `coulisses verify`
tells a valid, a changed and an unsigned file apart."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import c2pa
import pytest

from coulisses.cli import main
from coulisses.credentials import CHANGED, INVALID, UNSIGNED, VALID, load_identity, verify_file
from coulisses.credentials.identity import ROOT_KEY, SIGNING_KEY, identity_folder
from coulisses.credentials.process import LABEL, merkle_root
from coulisses.credentials.signing import sign_export
from coulisses.export.exporter import export_reel
from coulisses.export.piece import plan_for
from tests.test_export_support import SMALL, make_piece, top_level_boxes

OUTPUTS = frozenset({"mp4", "cover", "carousel", "post"})


def _export(journal, piece_id: str, out: Path, outputs=OUTPUTS):
    snap = journal.snapshot(piece_id)
    plan = plan_for(snap, SMALL, duration=8.0)
    return snap, plan, export_reel(plan, out, SMALL, outputs=outputs)


@pytest.fixture
def piece(journal):
    """Twelve stills in two sessions, two moments, one still hidden (with its own moment)."""
    piece, caps = make_piece(journal, n=12)
    journal.add_moment(piece.id, "struggle", at=caps[4].id, caption="Troisième effondrement.")
    journal.add_moment(piece.id, "note", at=caps[7].id, caption="secret: the neighbour's kiln")
    journal.add_moment(piece.id, "result", at=caps[-1].id, caption="Fini.")
    journal.hide_stills(piece.id, [caps[7].id])
    return piece, caps


@pytest.fixture
def exported(journal, piece, tmp_path):
    return _export(journal, piece[0].id, tmp_path / "out")


def _reader(path: Path, trust: Path | None = None) -> c2pa.Reader:
    context = None
    if trust is not None:
        context = c2pa.Context.from_dict({"trust": {"user_anchors": trust.read_text()}})
    with open(path, "rb") as fh:
        data = io.BytesIO(fh.read())
    return c2pa.Reader("", data, None, context) if context else c2pa.Reader("", data)


def _failures(reader: c2pa.Reader) -> list[str]:
    results = reader.get_validation_results() or {}
    return [f["code"] for f in (results.get("activeManifest") or {}).get("failure", [])]


def _process(reader: c2pa.Reader) -> dict:
    active = reader.get_active_manifest()
    return next(a["data"] for a in active["assertions"] if a["label"] == LABEL)


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# --------------------------------------------------------------------------- signing
def test_every_export_file_reads_back_valid_with_c2pa(exported, journal):
    _, _, result = exported
    signed = result.credentials
    assert signed is not None and signed.ok and not signed.problem
    slides = sorted(result.files["carousel"].glob("*.jpg"))
    assert set(signed.files) == {result.files["mp4"], result.files["cover"], *slides}
    for path in signed.files:
        with _reader(path) as reader:  # no trust anchor: valid, signer merely unknown
            assert reader.get_validation_state() == "Valid", path
            assert _failures(reader) == ["signingCredential.untrusted"], path
        with _reader(path, signed.root) as reader:  # the maker's root trusted: no failure
            assert reader.get_validation_state() == "Trusted", path
            assert _failures(reader) == [], path
        assert verify_file(path).status == VALID
    # The key lives in this computer's identity folder, never in the journal or the export.
    assert signed.root == identity_folder() / "root.pem"
    assert not [p for p in journal.home.rglob("*") if p.suffix == ".pem"]
    assert not [p for p in result.folder.rglob("*") if p.suffix == ".pem"]


def test_process_log_carries_the_journals_evidence(exported, piece):
    snap, plan, result = exported
    with _reader(result.files["mp4"]) as reader:
        log = _process(reader)
        active = reader.get_active_manifest()
    caps = snap.captures
    assert log["piece"] == {"id": snap.piece.id, "name": "Vase bleu #3"}
    assert log["stills_captured"] == len(caps) == 12
    assert log["stills_hidden"] == 1
    assert log["capture"] == {"first": "2026-11-20T09:00:00.000Z",
                              "last": "2026-11-20T09:03:40.000Z"}
    assert [s["stills"] for s in log["sessions"]] == [12]
    # The effort is the end card's: the same computation, not a second one.
    assert log["effort"] == plan.effort.to_json()
    assert log["effort"]["struggles"] == 1 and log["effort"]["worked_seconds"] == 220.0
    kinds = [(m["kind"], m.get("caption")) for m in log["moments"]]
    assert kinds == [("struggle", "Troisième effondrement."), ("note", None),
                     ("result", "Fini.")]  # the hidden still's caption stays private
    # A SHA-256 per still shown, in the MP4, equal to the journal's files; each still by
    # its place in capture order (1 = first), never by its id (issue 21).
    shown = log["stills_shown"]
    by_index = dict(enumerate(caps, 1))
    for entry in shown["sha256"]:
        assert entry["sha256"] == hashlib.sha256(by_index[entry["index"]].path.read_bytes()
                                                 ).hexdigest()
    assert 8 not in {e["index"] for e in shown["sha256"]}  # caps[7], hidden: never shown
    assert shown["merkle_root"] == merkle_root([e["sha256"] for e in shown["sha256"]])
    # Made from real captures, and what the export did to them.
    actions = next(a["data"]["actions"] for a in active["assertions"]
                   if a["label"].startswith("c2pa.actions"))
    assert actions[0]["action"] == "c2pa.created"
    assert actions[0]["digitalSourceType"].endswith("/compositeCapture")
    assert "trainedAlgorithmicMedia" not in json.dumps(active)
    assert {a["action"] for a in actions} >= {"c2pa.resized", "c2pa.cropped", "c2pa.edited"}
    assert active["claim_generator_info"][0]["name"] == "Coulisses"


def test_images_carry_the_merkle_root_only_and_nothing_private(exported, journal, tmp_path):
    _, _, result = exported
    with _reader(result.files["mp4"]) as reader:
        mp4_log = _process(reader)
    slide = sorted(result.files["carousel"].glob("*.jpg"))[0]
    for path in (result.files["cover"], slide):
        with _reader(path) as reader:
            log = _process(reader)
            everything = reader.json()
        assert "sha256" not in log["stills_shown"]
        assert log["stills_shown"]["merkle_root"] == mp4_log["stills_shown"]["merkle_root"]
        # No path of the maker's disk, no GPS, no c2pa thumbnail (~52 KB) in a JPEG.
        for secret in (str(tmp_path), str(journal.home), "secret", "gps", "thumbnail"):
            assert secret.lower() not in everything.lower(), (path, secret)


def test_signed_mp4_still_plays_every_frame_with_moov_first(exported):
    _, plan, result = exported
    boxes = top_level_boxes(result.files["mp4"])
    assert boxes.index("moov") < boxes.index("mdat")
    with av.open(str(result.files["mp4"])) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == plan.total_frames


def test_key_is_created_once_and_reused_owner_only(journal, piece, tmp_path):
    _, _, first = _export(journal, piece[0].id, tmp_path / "a")
    folder = identity_folder()
    keys = {name: (folder / name).read_bytes() for name in (ROOT_KEY, SIGNING_KEY)}
    _, _, second = _export(journal, piece[0].id, tmp_path / "b")
    assert second.credentials.fingerprint == first.credentials.fingerprint
    assert {name: (folder / name).read_bytes() for name in keys} == keys
    if sys.platform != "win32":
        for name in keys:
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600


# --------------------------------------------------------------------------- verify
def test_verify_tells_valid_changed_and_unsigned_apart(exported, tmp_path):
    _, _, result = exported
    mp4 = result.files["mp4"]
    code, out, err = _cli("verify", str(mp4))
    assert code == 0 and err == ""
    assert "Vase bleu #3" in out and "12 captured" in out and "valid" in out
    assert "--trust" in out  # untrusted but valid: said, not failed
    code, out, _ = _cli("verify", str(mp4), "--trust", str(result.credentials.root))
    assert code == 0 and "Who signed is checked" in out

    data = bytearray(mp4.read_bytes())
    data[data.index(b"mdat") + 4000] ^= 0xFF  # one byte of the video itself
    changed = tmp_path / "changed.mp4"
    changed.write_bytes(bytes(data))
    assert verify_file(changed).status == CHANGED
    code, out, err = _cli("verify", str(changed))
    assert code == 1 and "changed after it was signed" in err and len(err.splitlines()) == 1
    assert "mismatch" not in err  # the sentence says it in words, not c2pa's code
    code, out, _ = _cli("verify", str(changed), "--json")
    assert code == 1 and any("bmffHash.mismatch" in f for f in json.loads(out)["failures"])

    cover = bytearray(result.files["cover"].read_bytes())
    cover[-3000] ^= 0xFF  # a byte of the image's pixels
    changed_jpg = tmp_path / "changed.jpg"
    changed_jpg.write_bytes(bytes(cover))
    code, _, err = _cli("verify", str(changed_jpg))
    assert code == 1 and "changed after it was signed" in err
    code, out, _ = _cli("verify", str(changed_jpg), "--json")
    assert any("dataHash.mismatch" in f for f in json.loads(out)["failures"])

    plain = tmp_path / "plain.jpg"
    plain.write_bytes(next(iter(sorted((tmp_path / "journal").rglob("*.jpg")))).read_bytes())
    assert verify_file(plain).status == UNSIGNED
    code, out, err = _cli("verify", str(plain))
    assert (code, out) == (1, "") and "carries no Content Credentials" in err


def test_verify_bad_input_is_one_sentence_never_a_traceback(exported, tmp_path):
    _, _, result = exported
    truncated = tmp_path / "truncated.mp4"
    truncated.write_bytes(result.files["mp4"].read_bytes()[:20_000])
    cover = result.files["cover"]
    for args in ([str(truncated)], [str(tmp_path / "missing.mp4")],
                 [str(cover), "--trust", str(cover)]):
        code, _, err = _cli("verify", *args)
        assert code == 1, args
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, (args, err)
    assert _cli("verify")[0] == 2
    assert _cli("verify", str(cover), "--bogus")[0] == 2


# --------------------------------------------------------------------------- identity
def test_damaged_signing_key_is_set_aside_and_the_fingerprint_kept(journal, piece, tmp_path):
    _, _, first = _export(journal, piece[0].id, tmp_path / "a")
    folder = identity_folder()
    (folder / SIGNING_KEY).write_bytes(b"-----BEGIN PRIVATE KEY-----\nbroken\n")
    _, _, second = _export(journal, piece[0].id, tmp_path / "b")
    assert second.credentials.ok
    assert second.credentials.fingerprint == first.credentials.fingerprint
    aside = list((folder / "set-aside").iterdir())
    assert [p.read_bytes() for p in aside if p.name.startswith(SIGNING_KEY)] == \
        [b"-----BEGIN PRIVATE KEY-----\nbroken\n"]  # kept, never deleted
    notice = [w for w in second.warnings if "set aside" in w]
    assert len(notice) == 1 and "fingerprint is unchanged" in notice[0]
    # The reel signed before still verifies against the same published root.
    assert verify_file(first.files["mp4"], second.credentials.root).trusted


def test_damaged_root_key_makes_a_new_identity_and_keeps_the_old_root(journal, piece,
                                                                     tmp_path):
    _, _, first = _export(journal, piece[0].id, tmp_path / "a")
    folder = identity_folder()
    (folder / ROOT_KEY).write_text("not a key")
    _, _, second = _export(journal, piece[0].id, tmp_path / "b")
    assert second.credentials.ok
    assert second.credentials.fingerprint != first.credentials.fingerprint
    notice = [w for w in second.warnings if "could not be read" in w]
    assert len(notice) == 1 and second.credentials.fingerprint in notice[0]
    assert any(p.read_text() == "not a key" for p in (folder / "set-aside").iterdir())
    previous = list((folder / "previous").glob("root-*.pem"))
    assert len(previous) == 1
    assert verify_file(first.files["mp4"], previous[0]).trusted  # past reels not orphaned
    assert verify_file(second.files["mp4"], second.credentials.root).trusted


def test_an_identity_folder_that_cannot_hold_the_key_exports_unsigned(journal, piece,
                                                                      tmp_path):
    identity_folder().parent.mkdir(parents=True, exist_ok=True)
    identity_folder().write_text("a file where the identity folder goes")
    _, _, result = _export(journal, piece[0].id, tmp_path / "out")
    assert result.credentials is not None and not result.credentials.ok
    assert all(p.exists() for p in result.files.values())  # still written, unsigned
    problem = [w for w in result.warnings if "Content Credentials key cannot be kept" in w]
    assert len(problem) == 1 and "writable" in problem[0]
    assert verify_file(result.files["mp4"]).status == UNSIGNED


def test_an_expired_signing_certificate_turns_the_file_invalid_then_is_renewed(
        journal, piece, tmp_path):
    """With no timestamp authority, validity ends with the signing certificate (c2pa's
    ``signingCredential.expired``): hence decades-long certificates. A short-lived one
    shows it, and the next export renews it under the same root."""
    identity = load_identity(None, "Ana", signing_lifetime=timedelta(seconds=2))
    _, plan, result = _export(journal, piece[0].id, tmp_path / "out", frozenset({"cover"}))
    cover = result.files["cover"]  # signed by the short-lived certificate made above
    assert verify_file(cover).status == VALID
    expiry = identity.signing.cert.not_valid_after_utc
    while datetime.now(UTC) <= expiry + timedelta(seconds=1):
        time.sleep(0.2)  # the certificate's own clock: nothing else to wait on
    verdict = verify_file(cover, identity.root_path)
    assert verdict.status == INVALID and "signingCredential.expired" in verdict.failures
    code, _, err = _cli("verify", str(cover))
    assert code == 1 and "expired" in err
    renewed = load_identity()
    assert renewed.fingerprint == identity.fingerprint
    assert renewed.signing.cert.not_valid_after_utc > datetime.now(UTC) + timedelta(
        days=40 * 365)
    signed = sign_export(plan, {"cover": cover}, layout="fill", deflicker=True,
                         size=(SMALL.width, SMALL.height), identity=renewed)
    assert signed.ok and verify_file(cover, renewed.root_path).trusted


def test_the_post_text_says_the_reel_is_signed_only_when_it_is(journal, tmp_path) -> None:
    from coulisses.capture.demo_piece import build_demo_piece
    from coulisses.export.options import ExportOptions, export_with_options

    piece = build_demo_piece(journal, lang="en")
    base = ExportOptions(duration=14, outputs=frozenset({"mp4", "post"}))
    signed = export_with_options(journal.snapshot(piece.id), tmp_path / "a", base)
    assert signed.credentials is not None and signed.credentials.ok
    assert "carries Content Credentials" in signed.files["post"].read_text("utf-8")
    quiet = export_with_options(journal.snapshot(piece.id), tmp_path / "b",
                                base.replace(credentials_note=False))
    assert "Content Credentials" not in quiet.files["post"].read_text("utf-8")
