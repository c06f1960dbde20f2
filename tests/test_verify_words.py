"""What `coulisses verify` and File → Check Content Credentials say (issue 21).

In plain words: who signed (and whether that was checked), the capture span, how
many stills were captured, shown and hidden, and whether the file changed;
nothing else private. A reel signed by an older Coulisses, whose manifest
named each still by its journal id (an imported photo's id ends with its file
name: "~Marie Dupont passport scan"), still verifies, and its ids are never
repeated, not even by ``--json`` (tests/fixtures/older-manifest, see make.py there).
"""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coulisses import __version__
from coulisses.cli import main
from coulisses.credentials import VALID, verify_file
from coulisses.credentials.describe import details
from coulisses.credentials.process import shown_captures
from coulisses.i18n import format_datetime
from coulisses.timeline.effort import card_lines
from tests.test_manifest_privacy import SECRETS, export_private, leaks

OLDER = Path(__file__).parent / "fixtures" / "older-manifest"
NOT_CHECKED = ("Who signed is not checked: pass the maker's published root certificate with "
               "--trust to check it.")


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _when(text: str, lang: str | None = None) -> str:
    return format_datetime(datetime.fromisoformat(text.replace("Z", "+00:00")), lang)


@pytest.fixture
def private_export(journal, tmp_path):
    return export_private(journal, tmp_path, tmp_path / "out")


def test_verify_says_who_signed_the_span_the_stills_and_that_nothing_changed(private_export):
    _, _, plan, done = private_export
    mp4 = done.files["mp4"]
    verdict = verify_file(mp4)
    code, out, err = _cli("verify", str(mp4))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Signed by {verdict.signer}.",
        NOT_CHECKED,
        f"Made with Coulisses {__version__} from real captures, not generated.",
        f"Signed on {_when(verdict.process['signed'])} (by the signer's clock).",
        "Piece: Bol à thé",
        # imported photos taken 10:00 to 10:09 at +01:00
        f"Captured from {format_datetime(datetime(2025, 5, 1, 9, 0, tzinfo=UTC))} to "
        f"{format_datetime(datetime(2025, 5, 1, 9, 9, tzinfo=UTC))}.",
        f"Stills: 10 captured, {len(shown_captures(plan))} shown in this export, "
        "1 hidden by the maker.",
        f"Effort: {' · '.join(card_lines(plan.effort))}",
        f"{mp4.name}: Content Credentials valid; the file has not changed since it was signed.",
    ]
    assert "Trop d'eau." not in out  # no moment listed: not what verify is asked


def test_verify_names_no_file_in_english_french_or_json(private_export, journal, tmp_path,
                                                        french_ui):
    _, _, _, done = private_export
    files = [done.files["mp4"], done.files["cover"], sorted(done.files["carousel"].glob("*"))[0]]
    private = (str(tmp_path), str(journal.home))
    for lang in ("fr", "en"):
        from coulisses import i18n

        i18n.set_language(lang)
        for path in files:
            for extra in ((), ("--json",)):
                code, out, err = _cli("verify", str(path), *extra)
                assert code == 0, err
                assert leaks(out + err, private) == [], (lang, path.name, extra)
    i18n.set_language("fr")
    code, out, _ = _cli("verify", str(done.files["mp4"]))
    # dates as a French reader writes them (words come from the lead's catalogue)
    assert format_datetime(datetime(2025, 5, 1, 9, 0, tzinfo=UTC), "fr") in out
    assert "01/05/2025" in out


def test_an_older_reel_still_verifies_and_its_still_ids_are_never_repeated():
    reel, cover, root = OLDER / "reel.mp4", OLDER / "cover.jpg", OLDER / "root.pem"
    assert b"Marie Dupont passport scan" in reel.read_bytes()  # premise: the old format
    for path in (reel, cover):
        assert verify_file(path).status == VALID
        assert verify_file(path, root).trusted
    code, out, err = _cli("verify", str(reel), "--trust", str(root))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == ["Signed by Ana Potière.", "Who signed is checked: the root "
                         "certificate you gave vouches for Ana Potière."]
    assert "Stills: 10 captured, 8 shown in this export, 1 hidden by the maker." in lines
    assert lines[-1] == ("reel.mp4: Content Credentials valid; the file has not changed "
                         "since it was signed.")
    assert leaks(out) == []
    code, out, _ = _cli("verify", str(reel), "--json")
    assert code == 0 and leaks(out) == []
    shown = json.loads(out)["process"]["stills_shown"]
    assert len(shown["sha256"]) == shown["count"] == 8
    assert all(set(e) == {"sha256"} for e in shown["sha256"])  # the hash stays, the id goes


def test_a_changed_file_is_said_changed_and_who_signed_it(tmp_path):
    changed = tmp_path / "changed.mp4"
    data = bytearray((OLDER / "reel.mp4").read_bytes())
    data[data.index(b"mdat") + 2000] ^= 0xFF
    changed.write_bytes(bytes(data))
    code, out, err = _cli("verify", str(changed))
    assert code == 1
    assert out.splitlines()[:2] == ["Signed by Ana Potière.", NOT_CHECKED]
    assert err.strip() == ("changed.mp4 was changed after it was signed: its image or video "
                           "data no longer match the signed fingerprint.")
    assert leaks(out + err) == []


def test_a_byte_changed_in_the_credentials_themselves_is_said_in_words(tmp_path):
    """Anywhere in the manifest store (its boxes, claim, signature, thumbnail), a changed
    byte makes the file invalid or changed, never an error of Coulisses' own: c2pa then
    finds no active manifest (a KeyError), which the window called 'Something unexpected
    went wrong inside Coulisses'."""
    data = (OLDER / "reel.mp4").read_bytes()
    start, end = data.index(b"c2pa"), data.rindex(b"c2pa")
    changed = tmp_path / "changed.mp4"
    seen: dict[tuple[str, str], int] = {}
    for pos in range(start, min(len(data), end + 40_000), 331):
        damaged = bytearray(data)
        damaged[pos] ^= 0xFF
        changed.write_bytes(bytes(damaged))
        verdict = verify_file(changed)  # never raises
        key = (verdict.status, verdict.problem_kind)
        seen[key] = seen.get(key, 0) + 1
    assert seen.get(("invalid", "unreadable"))  # the case that raised KeyError before
    assert seen.get(("valid", ""), 0) <= sum(seen.values()) // 10, seen  # padding, if any
    code, out, err = _cli("verify", str(changed))
    assert code == 1 and err.strip() and "unexpected" not in err.lower()


def test_the_verify_window_says_the_same_and_nothing_private(qtbot, tmp_path):
    from coulisses.ui.verify_view import VerifyDialog

    reel = tmp_path / "reel.mp4"
    shutil.copy(OLDER / "reel.mp4", reel)
    dialog = VerifyDialog()
    qtbot.addWidget(dialog)

    def check() -> None:  # the answer replaces "Reading…" (a small file can be read before
        dialog.check(str(reel))  # a signal wait would be connected)
        qtbot.waitUntil(lambda: not dialog.answer.text().startswith("Reading"), timeout=60000)

    check()
    assert dialog.answer.text() == ("reel.mp4: Content Credentials valid; the file has not "
                                    "changed since it was signed.")
    text = dialog.details.toPlainText()
    assert text.splitlines() == details(verify_file(reel), window=True)
    assert text.splitlines()[1] == ("Who signed is not checked: choose the maker's published "
                                    "root certificate above to check it.")
    assert "Stills: 10 captured, 8 shown in this export, 1 hidden by the maker." in text
    dialog.trust.setText(str(OLDER / "root.pem"))
    check()
    assert dialog.details.toPlainText().splitlines()[1].startswith("Who signed is checked")
    assert leaks(dialog.answer.text() + dialog.details.toPlainText()) == []
    assert not any(s in dialog.details.toPlainText() for s in SECRETS)
