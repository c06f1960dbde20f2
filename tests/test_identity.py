"""The maker's signing identity (issue 21, items 1 and 3): the name reels are signed
with is the one she gives, never the login name, and changing it keeps the published
fingerprint; the keys live in this computer's private config folder, never in the
journal, and the keys an older version kept in a journal are moved out once.

The config folder is each test's own (tests/conftest.py points COULISSES_CONFIG at a
temporary folder), so ``identity_folder()`` is ``<that>/identity``.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from coulisses.credentials.certificates import fingerprint, make_root, make_signing
from coulisses.credentials.verify import verify_file
from coulisses.export.exporter import export_reel
from coulisses.export.piece import plan_for
from coulisses.journal import Journal
from coulisses.preferences import Preferences, load_preferences, save_preferences
from tests.test_export_support import SMALL, make_piece

NEUTRAL = "Coulisses maker"
HINT = "coulisses identity --name"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def config() -> Path:
    return Path(os.environ["COULISSES_CONFIG"])


def keys_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.suffix == ".pem" or p.name.endswith(".damaged")]


def export_cover(journal: Journal, piece_id: str, out: Path):
    """A signed cover (the quickest signed export)."""
    plan = plan_for(journal.snapshot(piece_id), SMALL, duration=8.0)
    result = export_reel(plan, out, SMALL, outputs={"cover"})
    return result, result.files["cover"]


def old_keys(journal_home: Path, name: str, *, extras: bool = False) -> dict[str, bytes]:
    """The keys an older Coulisses made in ``<journal>/credentials/`` (same files, same
    layout), written here with the certificate helpers alone; returns their bytes."""
    folder = journal_home / "credentials"
    folder.mkdir(parents=True)
    root = make_root(name)
    signing = make_signing(root, name)
    files = {"root.pem": root.cert_pem(), "root-key.pem": root.key_pem(),
             "signing.pem": signing.cert_pem(), "signing-key.pem": signing.key_pem()}
    if extras:  # what renewals and damage leave behind
        files["previous/root-0123456789abcdef.pem"] = make_root(name).cert_pem()
        files["set-aside/signing-key.pem.20250101T000000000000.damaged"] = b"broken"
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return files


def root_fingerprint(pem: bytes) -> str:
    from cryptography import x509

    return fingerprint(x509.load_pem_x509_certificate(pem))


@pytest.fixture
def piece(journal):
    return make_piece(journal, n=4)[0]


# --------------------------------------------------------------------- the name
def test_a_first_reel_says_a_neutral_name_never_the_login_name(journal, piece, tmp_path):
    result, cover = export_cover(journal, piece.id, tmp_path / "out")
    assert result.credentials.ok
    signer = verify_file(cover).signer
    assert signer == NEUTRAL and signer != getpass.getuser()
    # said once, with how to set the name
    hints = [w for w in result.warnings if HINT in w]
    assert len(hints) == 1 and "Preferences" in hints[0] and NEUTRAL in hints[0]


def test_the_name_set_after_the_first_reel_signs_the_next_under_the_same_root(
        journal, piece, tmp_path):
    first, first_cover = export_cover(journal, piece.id, tmp_path / "a")
    save_preferences(Preferences(maker_name="Atelier Terre et Bois"))  # "Signed as"
    second, second_cover = export_cover(journal, piece.id, tmp_path / "b")
    assert verify_file(second_cover).signer == "Atelier Terre et Bois"
    assert second.credentials.maker == "Atelier Terre et Bois"
    assert second.credentials.fingerprint == first.credentials.fingerprint  # same root
    assert not [w for w in second.warnings if HINT in w]  # named: nothing more to say
    root = second.credentials.root
    assert verify_file(first_cover, root).trusted  # the older reel still checks out
    assert verify_file(second_cover, root).trusted
    assert verify_file(first_cover).signer == NEUTRAL  # and still says what it said


def test_a_name_a_certificate_cannot_carry_is_refused_in_one_sentence():
    from coulisses.credentials.identity import set_maker_name

    for bad in ("", "   ", "x" * 65):
        with pytest.raises(ValueError) as caught:
            set_maker_name(bad)
        assert str(caught.value).endswith(".") and "\n" not in str(caught.value)
    assert set_maker_name("  Atelier\n Terre\tet  Bois ").maker == "Atelier Terre et Bois"
    assert load_preferences()[0].maker_name == "Atelier Terre et Bois"


# --------------------------------------------------------------------- where the keys are
@posix_only
def test_the_keys_are_kept_in_the_config_folder_never_in_the_journal(journal, piece, tmp_path):
    from coulisses.credentials.identity import identity_folder

    result, _ = export_cover(journal, piece.id, tmp_path / "out")
    folder = config() / "identity"
    assert identity_folder() == folder
    assert result.credentials.root == folder / "root.pem"
    assert not (journal.home / "credentials").exists()
    assert keys_in(journal.home) == [] and keys_in(result.folder) == []
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("root-key.pem", "signing-key.pem"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600


def test_the_identity_folder_is_never_the_default_journal(tmp_path, monkeypatch):
    """On macOS and Windows the user config folder *is* the default journal folder
    (platformdirs gives both the same path); on Linux they differ. Linux's XDG variables
    pointed at one folder stand for the first case."""
    from platformdirs import user_config_path, user_data_path

    from coulisses.credentials.identity import identity_folder

    monkeypatch.delenv("COULISSES_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert identity_folder() == tmp_path / "config" / "coulisses" / "identity"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "config"))
    journal = user_data_path("coulisses", appauthor=False)
    assert user_config_path("coulisses", appauthor=False) == journal
    assert identity_folder() == tmp_path / "config" / "coulisses-identity"
    assert not identity_folder().is_relative_to(journal)


def test_an_identity_folder_inside_the_journal_is_refused(journal, piece, tmp_path,
                                                          monkeypatch):
    monkeypatch.setenv("COULISSES_CONFIG", str(journal.home / "config"))
    result, cover = export_cover(journal, piece.id, tmp_path / "out")
    assert not result.credentials.ok and cover.is_file()  # made, unsigned
    problem = [w for w in result.warnings if "inside the journal folder" in w]
    assert len(problem) == 1 and "Preferences" in problem[0]
    assert keys_in(journal.home) == []


@posix_only
def test_keys_copied_in_readable_by_all_are_made_owner_only_again(tmp_path):
    """Moving the identity to a new computer goes through USB sticks and cloud drives."""
    from coulisses.credentials.identity import load_identity

    first = load_identity(None, "Ana")
    for name in ("root-key.pem", "signing-key.pem"):
        os.chmod(first.folder / name, 0o644)
    again = load_identity()
    assert again.fingerprint == first.fingerprint
    for name in ("root-key.pem", "signing-key.pem"):
        assert stat.S_IMODE((again.folder / name).stat().st_mode) == 0o600


# --------------------------------------------------------------------- moving old keys
def test_an_old_journals_keys_are_moved_out_once_and_keep_the_fingerprint(journal, piece,
                                                                           tmp_path):
    old = old_keys(journal.home, "Ana", extras=True)
    published = root_fingerprint(old["root.pem"])
    first, cover = export_cover(journal, piece.id, tmp_path / "a")
    assert first.credentials.ok and first.credentials.fingerprint == published
    folder = config() / "identity"
    for rel, data in old.items():  # every file moved, byte for byte
        assert (folder / rel).read_bytes() == data, rel
    assert not (journal.home / "credentials").exists()
    assert keys_in(journal.home) == []  # moved, not copied
    moved = [w for w in first.warnings if "moved out of the journal" in w]
    assert len(moved) == 1 and str(folder) in moved[0]
    assert verify_file(cover).signer == "Ana"  # the name it had, kept
    second, _ = export_cover(journal, piece.id, tmp_path / "b")
    assert second.credentials.fingerprint == published
    assert not [w for w in second.warnings if "journal" in w]  # once


def test_a_journal_copied_from_someone_else_signs_with_this_computers_identity(
        journal, piece, tmp_path):
    from coulisses.credentials.identity import set_maker_name

    mine = set_maker_name("Atelier Terre et Bois")  # this computer's maker
    theirs = old_keys(journal.home, "Someone else")
    result, cover = export_cover(journal, piece.id, tmp_path / "out")
    assert result.credentials.fingerprint == mine.fingerprint
    assert verify_file(cover).signer == "Atelier Terre et Bois"
    assert keys_in(journal.home) == []  # not left in the journal either
    aside = config() / "identity" / "others" / root_fingerprint(
        theirs["root.pem"]).replace(":", "")[:16].lower()
    assert (aside / "root-key.pem").read_bytes() == theirs["root-key.pem"]  # kept, unused
    notice = [w for w in result.warnings if "other than this computer's" in w]
    assert len(notice) == 1 and str(aside) in notice[0]


def test_of_two_journals_with_keys_the_first_exported_gives_the_identity(tmp_path):
    """Decided: the first journal exported from on this computer gives its identity (her
    published fingerprint is kept); the other's keys are moved aside, never used."""
    one, two = Journal.open(tmp_path / "one"), Journal.open(tmp_path / "two")
    a = old_keys(one.home, "Ana")
    b = old_keys(two.home, "Ana (old laptop)")
    first, _ = export_cover(one, make_piece(one, n=4)[0].id, tmp_path / "a")
    second, cover = export_cover(two, make_piece(two, n=4)[0].id, tmp_path / "b")
    assert first.credentials.fingerprint == root_fingerprint(a["root.pem"])
    assert second.credentials.fingerprint == root_fingerprint(a["root.pem"])
    assert verify_file(cover).signer == "Ana"
    others = list((config() / "identity" / "others").iterdir())
    assert len(others) == 1 and (others[0] / "root-key.pem").read_bytes() == b["root-key.pem"]
    assert keys_in(one.home) == [] and keys_in(two.home) == []


def test_a_synced_copy_of_the_same_keys_is_removed_from_the_journal(journal, piece, tmp_path):
    """The README used to say: sync credentials/ between computers. The copy a synced
    journal brings back is this computer's own identity: removed, nothing set aside,
    an old root it alone had is kept."""
    from coulisses.credentials.identity import load_identity

    mine = load_identity(None, "Ana")
    legacy = journal.home / "credentials"
    shutil.copytree(mine.folder, legacy)
    (legacy / "previous").mkdir()
    (legacy / "previous" / "root-feedfacefeedface.pem").write_bytes(make_root("Ana").cert_pem())
    result, _ = export_cover(journal, piece.id, tmp_path / "out")
    assert result.credentials.fingerprint == mine.fingerprint
    assert keys_in(journal.home) == []
    assert not (mine.folder / "others").exists()
    assert (mine.folder / "previous" / "root-feedfacefeedface.pem").is_file()
    assert len([w for w in result.warnings if "was removed" in w]) == 1


def test_a_move_cut_short_before_the_root_key_is_finished_next_time(journal, piece, tmp_path):
    """A crash while moving: the certificates reached this computer's folder, the root
    key did not, the journal still has everything. The next export finishes the move
    (the root key is written last, so the half copy is not taken for an identity)."""
    old = old_keys(journal.home, "Ana")
    folder = config() / "identity"
    folder.mkdir(parents=True)
    for name in ("root.pem", "signing.pem", "signing-key.pem"):
        (folder / name).write_bytes(old[name])
    result, _ = export_cover(journal, piece.id, tmp_path / "out")
    assert result.credentials.fingerprint == root_fingerprint(old["root.pem"])
    assert (folder / "root-key.pem").read_bytes() == old["root-key.pem"]
    assert keys_in(journal.home) == []


def test_a_disk_full_while_moving_leaves_the_journal_keys_and_no_half_identity(
        journal, piece, tmp_path, monkeypatch):
    """The disk fills after the first file: the export is made unsigned with one sentence,
    the journal keeps every key, and what reached this computer is not taken for an
    identity (no root key: it is written last); the next export finishes the move."""
    import errno

    from coulisses.credentials import legacy

    old = old_keys(journal.home, "Ana")
    real, calls = legacy.write_pem, []

    def full_after_one(path, data, **kw):
        calls.append(path.name)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data, **kw)

    monkeypatch.setattr(legacy, "write_pem", full_after_one)
    result, cover = export_cover(journal, piece.id, tmp_path / "a")
    assert not result.credentials.ok and cover.is_file()
    problem = [w for w in result.warnings if "could not be moved out of the journal" in w]
    assert len(problem) == 1
    assert {p.name: p.read_bytes() for p in (journal.home / "credentials").iterdir()} == old
    assert not (config() / "identity" / "root-key.pem").exists()
    monkeypatch.setattr(legacy, "write_pem", real)
    again, _ = export_cover(journal, piece.id, tmp_path / "b")
    assert again.credentials.fingerprint == root_fingerprint(old["root.pem"])
    assert keys_in(journal.home) == []


# --------------------------------------------------------------------- the command
def test_identity_command_shows_and_changes_the_name_with_the_same_fingerprint(
        cli, journal, piece, tmp_path):
    code, out, err = cli("identity")
    assert code == 0
    folder = config() / "identity"
    assert f"Signed as: {NEUTRAL}" in out and str(folder) in out
    fp = out.split("Fingerprint to publish: ")[1].split()[0]
    assert len(fp) == 95  # 32 bytes as AB:CD:…
    assert err.count(HINT) == 1  # how to set it, once
    _, before = export_cover(journal, piece.id, tmp_path / "a")

    code, out, err = cli("identity", "--name", "Atelier Terre et Bois")
    assert code == 0 and err == ""
    assert "Signed as: Atelier Terre et Bois" in out and fp in out
    assert load_preferences()[0].maker_name == "Atelier Terre et Bois"
    code, out, _ = cli("identity", "--json")
    data = json.loads(out)
    assert data == {"name": "Atelier Terre et Bois", "named": True, "fingerprint": fp,
                    "folder": str(folder), "root_certificate": str(folder / "root.pem"),
                    "notices": []}
    _, after = export_cover(journal, piece.id, tmp_path / "b")
    assert verify_file(after).signer == "Atelier Terre et Bois"
    assert verify_file(before, folder / "root.pem").trusted
    assert verify_file(after, folder / "root.pem").trusted

    code, _, err = cli("identity", "--name", "  ")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_identity_command_moves_an_old_journals_keys_first(cli, journal):
    old = old_keys(journal.home, "Ana")
    code, out, err = cli("identity")
    assert code == 0 and root_fingerprint(old["root.pem"]) in out
    assert "Signed as: Ana" in out and "moved out of the journal" in err
    assert keys_in(journal.home) == []


def test_a_bare_export_signs_neutral_and_says_once_how_to_set_the_name(cli, journal, piece,
                                                                       tmp_path):
    code, out, err = cli("export", piece.id, "--out", str(tmp_path / "out"), "--carousel-only")
    assert code == 0, err
    assert err.count(HINT) == 1
    folder = Path(out.strip().splitlines()[-1])
    slide = sorted(folder.rglob("*.jpg"))[0]
    assert verify_file(slide).signer == NEUTRAL
    assert keys_in(journal.home) == []
