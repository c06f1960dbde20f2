"""The two guards of the maker's signing identity that a mutation run left untested.

* The credentials folder holds private keys: it is owner-only (0700) however it came
  to be: made under a permissive umask, or already there with wider permissions.
* A signing certificate on disk is used only if the maker's own root issued it: one
  copied in from another identity (even under the same maker name, even with its
  matching key) is refused and a new one is issued under her root, so every reel keeps
  chaining to the fingerprint she published.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.exceptions import InvalidSignature

from coulisses.credentials.certificates import fingerprint
from coulisses.credentials.identity import (
    ROOT_CERT,
    ROOT_KEY,
    SIGNING_CERT,
    SIGNING_KEY,
    load_identity,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def issued_by(cert: x509.Certificate, root: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(root)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


@pytest.fixture
def open_umask():
    """The most permissive umask a desktop session could have."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


# ------------------------------------------------------------------ 0700
@posix_only
def test_a_new_credentials_folder_is_owner_only_under_a_permissive_umask(tmp_path, open_umask):
    folder = tmp_path / "config" / "identity"
    identity = load_identity(folder, "Ana")
    assert identity.folder == folder
    assert mode(folder) == 0o700
    assert mode(folder / ROOT_KEY) == 0o600 and mode(folder / SIGNING_KEY) == 0o600
    assert mode(folder / ROOT_CERT) == 0o644 and mode(folder / SIGNING_CERT) == 0o644


@posix_only
@pytest.mark.parametrize("wide", [0o755, 0o777, 0o750])
def test_an_existing_credentials_folder_with_wider_permissions_is_made_owner_only(
        tmp_path, wide):
    folder = tmp_path / "identity"
    folder.mkdir(parents=True)
    os.chmod(folder, wide)
    load_identity(folder, "Ana")
    assert mode(folder) == 0o700


@posix_only
def test_a_folder_opened_up_later_is_closed_again_on_next_use(tmp_path):
    """A backup tool restoring the journal with 0755 folders: the next signing fixes it."""
    home = tmp_path / "journal"
    home.mkdir()
    first = load_identity(home, "Ana")
    os.chmod(first.folder, 0o755)
    again = load_identity(home)
    assert mode(again.folder) == 0o700
    assert again.fingerprint == first.fingerprint  # the same identity, only closed


# ------------------------------------------------------------------ issuer
def _plant_signing(src: Path, dst: Path) -> bytes:
    """Copy one identity's signing key and certificate over another's."""
    for name in (SIGNING_KEY, SIGNING_CERT):
        shutil.copyfile(src / name, dst / name)
    return (dst / SIGNING_CERT).read_bytes()


@pytest.mark.parametrize("other_maker", ["Ana", "Someone else"])
def test_a_signing_certificate_from_another_root_is_refused(tmp_path, other_maker):
    """Same maker name: only the signature tells the roots apart (the issuer name is the
    same); another name: the issuer name already differs. Both are refused."""
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    mine.mkdir()
    theirs.mkdir()
    me = load_identity(mine, "Ana")
    other = load_identity(theirs, other_maker)
    assert me.fingerprint != other.fingerprint
    planted = _plant_signing(theirs, mine)
    assert not issued_by(other.signing.cert, me.root.cert)

    loaded = load_identity(mine)
    assert loaded.fingerprint == me.fingerprint  # her published root is kept
    assert loaded.signing.cert != other.signing.cert
    assert loaded.signing.key.public_key() != other.signing.key.public_key()
    assert issued_by(loaded.signing.cert, me.root.cert)
    assert loaded.signing.cert.public_key() == loaded.signing.key.public_key()
    assert (mine / SIGNING_CERT).read_bytes() != planted  # replaced on disk too
    assert load_identity(mine).signing.cert == loaded.signing.cert  # and kept from now on


def test_a_signing_certificate_issued_by_the_root_is_reused(tmp_path):
    """The guard refuses strangers only: her own valid certificate is not reissued."""
    home = tmp_path / "journal"
    home.mkdir()
    first = load_identity(home, "Ana")
    second = load_identity(home)
    assert second.signing.cert == first.signing.cert
    assert second.signing.key.private_numbers() == first.signing.key.private_numbers()


def test_after_a_new_root_the_old_signing_certificate_is_not_used(tmp_path):
    """A lost root key makes a new root: the signing certificate left from the old one
    no longer chains to it and must be replaced, not carried into new reels."""
    home = tmp_path / "journal"
    home.mkdir()
    first = load_identity(home, "Ana")
    (home / ROOT_KEY).unlink()
    second = load_identity(home)
    assert second.fingerprint != first.fingerprint
    assert second.signing.cert != first.signing.cert
    assert issued_by(second.signing.cert, second.root.cert)
    assert not issued_by(second.signing.cert, first.root.cert)


def test_a_signing_certificate_whose_key_does_not_match_is_replaced(tmp_path):
    """Her root's certificate with another key beside it (a half-finished copy)."""
    home, spare = tmp_path / "journal", tmp_path / "spare"
    home.mkdir()
    spare.mkdir()
    me = load_identity(home, "Ana")
    load_identity(spare, "Ana")
    shutil.copyfile(spare / SIGNING_KEY, home / SIGNING_KEY)
    loaded = load_identity(home)
    assert loaded.signing.cert.public_key() == loaded.signing.key.public_key()
    assert issued_by(loaded.signing.cert, me.root.cert)
    assert loaded.fingerprint == me.fingerprint


def test_a_root_certificate_that_is_not_the_root_keys_is_reissued_for_that_key(tmp_path):
    """root.pem swapped for another maker's: the key decides, the certificate follows."""
    home, other = tmp_path / "journal", tmp_path / "other"
    home.mkdir()
    other.mkdir()
    me = load_identity(home, "Ana")
    stranger = load_identity(other, "Ana")
    shutil.copyfile(other / ROOT_CERT, home / ROOT_CERT)
    loaded = load_identity(home)
    assert loaded.root.cert.public_key() == me.root.key.public_key()
    assert loaded.root.cert.public_key() != stranger.root.cert.public_key()
    assert fingerprint(loaded.root.cert) != stranger.fingerprint
    assert issued_by(loaded.signing.cert, loaded.root.cert)


def test_a_signing_certificate_near_its_end_is_renewed_under_the_same_root(tmp_path):
    home = tmp_path / "journal"
    home.mkdir()
    me = load_identity(home, "Ana")
    end = me.signing.cert.not_valid_after_utc
    kept = load_identity(home, now=end - timedelta(days=6 * 365))
    assert kept.signing.cert == me.signing.cert
    renewed = load_identity(home, now=end - timedelta(days=4 * 365))
    assert renewed.signing.cert != me.signing.cert
    assert renewed.fingerprint == me.fingerprint
    assert issued_by(renewed.signing.cert, me.root.cert)


# ------------------------------------------------------------------ verify
def test_a_file_signed_by_one_root_is_not_trusted_against_another(tmp_path):
    """``verify --trust`` with a root that did not issue the signer says valid but not
    trusted; with the signer's own root, trusted."""
    from coulisses.credentials import VALID, verify_file
    from tests.helpers import jpeg_bytes

    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    mine.mkdir()
    theirs.mkdir()
    me = load_identity(mine, "Ana")
    other = load_identity(theirs, "Ana")  # same name, another key
    photo = tmp_path / "cover.jpg"
    photo.write_bytes(jpeg_bytes())
    _sign_jpeg(photo, me)
    assert verify_file(photo, me.root_path).trusted
    wrong = verify_file(photo, other.root_path)
    assert wrong.status == VALID and not wrong.trusted
    assert not verify_file(photo).trusted


def _sign_jpeg(path: Path, identity) -> None:
    import json

    import c2pa

    from coulisses.credentials.signing import _SETTINGS, _sign_file

    signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(
        c2pa.C2paSigningAlg.ES256, identity.chain_pem(), identity.signing.key_pem(), None))
    manifest = {"claim_generator_info": [{"name": "coulisses-test", "version": "1"}],
                "title": path.name, "format": "image/jpeg",
                "assertions": [{"label": "c2pa.actions", "data": {"actions": [{
                    "action": "c2pa.created", "digitalSourceType":
                    "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}]}}]}
    _sign_file(path, "image/jpeg", json.dumps(manifest),
               signer, c2pa.Context.from_dict(_SETTINGS))
