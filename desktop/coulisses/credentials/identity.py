"""The maker's signing identity, kept in her own private folder: never in the journal,
never in an export.

The journal is synced and backed up, often through disks and cloud drives where
owner-only modes mean nothing, and a journal someone copies to you must not make
you sign as them. So the keys live in ``identity_folder()``: ``identity/`` in the
user config folder (``~/.config/coulisses/identity`` on Linux), or a
``coulisses-identity`` folder beside it where that config folder is also the
default journal (macOS, Windows); ``$COULISSES_CONFIG/identity`` when that is set.
It holds ``root.pem`` (the certificate the maker publishes; its fingerprint is
what people check), ``root-key.pem``, ``signing.pem`` and ``signing-key.pem``.
Keys are owner-only and written atomically. Older versions kept them in
``<journal>/credentials/``: ``legacy`` moves them out once (see there).

The name a reel is signed with is the signing certificate's: the one the maker
gave (``set_maker_name``, the "Signed as" preference), else the one the identity
already has, else the neutral ``NEUTRAL_NAME``, never the computer's login name.
Changing it issues a new signing certificate under the *same root*, so the
published fingerprint does not change and older reels still verify.

Renewal keeps old reels valid: a file carries its own signing certificate, valid
for decades, so nothing done later invalidates it. When the signing certificate
nears its end (``RENEW_BEFORE``), is missing or is damaged, a new one is issued
under the same root. Only a damaged root key forces a new root: the damaged file
is set aside, the old root certificate is kept in ``previous/`` (past reels still
verify against it), and the maker is told in one sentence to publish the new
fingerprint.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from coulisses.atomicio import atomic_open, fsync_dir, make_dirs
from coulisses.credentials.certificates import (
    Certified,
    cert_pem,
    common_name,
    fingerprint,
    make_root,
    make_signing,
)
from coulisses.credentials.names import (  # noqa: F401 - the identity's API, in one place
    FOLDER,
    MAX_NAME,
    NEUTRAL_NAME,
    ROOT_CERT,
    SIGNING_CERT,
    clean_name,
    current_name,
    identity_folder,
    needs_name,
    peek_name,
    preferred_name,
    unchosen,
)
from coulisses.i18n import tr
from coulisses.os_errors import describe_os_error

log = logging.getLogger(__name__)

ROOT_KEY, SIGNING_KEY = "root-key.pem", "signing-key.pem"
PREVIOUS = "previous"
SET_ASIDE = "set-aside"
RENEW_BEFORE = timedelta(days=5 * 365)


class CredentialsError(Exception):
    """The identity cannot be made or kept; the message is one sentence for the maker."""


class DamagedFile(Exception):
    """A key or certificate file that is there but cannot be parsed."""


@dataclass(frozen=True, slots=True)
class Identity:
    folder: Path
    root: Certified
    signing: Certified
    notices: tuple[str, ...] = ()  # what happened to damaged or moved files, for the maker

    @property
    def maker(self) -> str:
        """The name reels are signed with (the signing certificate's)."""
        return common_name(self.signing.cert)

    @property
    def named(self) -> bool:
        """False while reels say the neutral name, or a login name an older version used."""
        return not unchosen(self.maker)

    @property
    def fingerprint(self) -> str:
        """SHA-256 fingerprint of the root certificate (what the maker publishes)."""
        return fingerprint(self.root.cert)

    @property
    def root_path(self) -> Path:
        return self.folder / ROOT_CERT

    def chain_pem(self) -> bytes:
        """Signing certificate then root: what every signed file carries."""
        return self.signing.cert_pem() + self.root.cert_pem()


def set_maker_name(name: str, folder: Path | None = None, *,
                   journal: Path | None = None) -> Identity:
    """Sign from now on as ``name``: a new signing certificate under the same root (the
    identity is made if there is none yet), and the "Signed as" preference.

    Raises ValueError for a name a certificate cannot carry, CredentialsError when the
    identity cannot be kept, OSError when the preference cannot be saved.
    """
    from coulisses.preferences import load_preferences, save_preferences

    name = clean_name(name)
    identity = load_identity(folder, name, journal=journal)
    # The preference too: an older one left there would rename the identity back.
    prefs, _ = load_preferences()
    if prefs.maker_name != name:
        save_preferences(prefs.replace(maker_name=name))
    return identity


def load_identity(folder: Path | None = None, maker: str | None = None, *,
                  journal: Path | None = None, now: datetime | None = None,
                  signing_lifetime: timedelta | None = None) -> Identity:
    """The identity in ``folder`` (default ``identity_folder()``), made on first use,
    renewed when needed, signing as ``maker`` (default: the preference, else its own).

    ``journal``: the journal being exported; keys an older version kept in it are moved
    out first. Raises ``CredentialsError`` when the identity cannot be kept.
    """
    from coulisses.credentials.legacy import move_out_of_journal

    folder = Path(folder) if folder is not None else identity_folder()
    now = now or datetime.now(UTC)
    wanted = clean_name(maker) if maker else preferred_name()
    notices: list[str] = []
    if journal is not None:
        move_out_of_journal(Path(journal), folder, notices)
    try:
        make_dirs(folder)
        with contextlib.suppress(OSError, NotImplementedError):
            os.chmod(folder, 0o700)
        _close_keys(folder)
        fallback = wanted or peek_name(folder) or NEUTRAL_NAME
        root = _load_root(folder, fallback, now, notices)
        signing = _load_signing(folder, root, wanted, now, notices, signing_lifetime)
    except OSError as exc:
        raise CredentialsError(tr(
            "The Content Credentials key cannot be kept in {folder} ({problem}); check that "
            "this folder is writable.", folder=folder,
            problem=describe_os_error(exc))) from exc
    identity = Identity(folder, root, signing, tuple(notices))
    if not wanted and not identity.named:
        notices.append(tr(
            "Your reels are signed as {name!r}: to sign with your name or your studio's, "
            "set it in Preferences (Signed as) or run: coulisses identity --name \"Your name\"",
            name=identity.maker))
        identity = Identity(folder, root, signing, tuple(notices))
    return identity


def _close_keys(folder: Path) -> None:
    """Keys copied in from a backup or another computer may arrive readable by all."""
    for name in (ROOT_KEY, SIGNING_KEY):
        with contextlib.suppress(OSError, NotImplementedError):
            path = folder / name
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                os.chmod(path, 0o600)


# ------------------------------------------------------------------ root
def _load_root(folder: Path, name: str, now: datetime, notices: list[str]) -> Certified:
    """The root, made (named ``name``) when there is none or its key is damaged."""
    key_path, cert_path = folder / ROOT_KEY, folder / ROOT_CERT
    if not key_path.exists():
        if cert_path.exists():  # a root with no key left: keep it for past reels
            _keep_previous(folder, cert_path)
        return _new_root(folder, name, now)
    try:
        key = read_key(key_path)
    except DamagedFile:
        aside = _set_aside(folder, key_path)
        if cert_path.exists():
            _keep_previous(folder, cert_path)
        root = _new_root(folder, name, now)
        notices.append(tr(
            "The Content Credentials key {path} could not be read; it was moved to {aside} "
            "and a new identity was made: publish its fingerprint {fingerprint} (reels "
            "signed before still verify with the previous certificate in {previous}).",
            path=key_path, aside=aside, fingerprint=fingerprint(root.cert),
            previous=folder / PREVIOUS))
        return root
    try:
        cert = read_cert(cert_path)
        if cert.public_key() != key.public_key():
            raise DamagedFile
    except (DamagedFile, FileNotFoundError):
        # Same key, same name: signing certificates under it still chain to it.
        if cert_path.exists():
            _set_aside(folder, cert_path)
        root = _reissue_root(key, name, now)
        write_pem(cert_path, root.cert_pem(), private=False)
        return root
    return Certified(key, cert)


def _new_root(folder: Path, name: str, now: datetime) -> Certified:
    root = make_root(name, now)
    try:
        write_pem(folder / ROOT_KEY, root.key_pem(), private=True, overwrite=False)
    except FileExistsError:  # another export made it a moment ago: use that one
        return _load_root(folder, name, now, [])
    write_pem(folder / ROOT_CERT, root.cert_pem(), private=False)
    with contextlib.suppress(OSError):  # the old signing certificate is not under this root
        (folder / SIGNING_CERT).unlink()
    return root


def _reissue_root(key: ec.EllipticCurvePrivateKey, name: str, now: datetime) -> Certified:
    fresh = make_root(name, now)
    builder = (x509.CertificateBuilder().subject_name(fresh.cert.subject)
               .issuer_name(fresh.cert.subject).public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(fresh.cert.not_valid_before_utc)
               .not_valid_after(fresh.cert.not_valid_after_utc))
    for ext in fresh.cert.extensions:
        if isinstance(ext.value, x509.SubjectKeyIdentifier):
            builder = builder.add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), ext.critical)
        else:
            builder = builder.add_extension(ext.value, ext.critical)
    return Certified(key, builder.sign(key, hashes.SHA256()))


# ------------------------------------------------------------------ signing certificate
def _load_signing(folder: Path, root: Certified, wanted: str | None, now: datetime,
                  notices: list[str], lifetime: timedelta | None) -> Certified:
    """The signing certificate, issued again under ``root`` when it is missing, damaged,
    near its end, not the root's, or not in the ``wanted`` name (None: keep its name)."""
    key_path, cert_path = folder / SIGNING_KEY, folder / SIGNING_CERT
    current: str | None = None  # the name of a certificate the root did issue
    try:
        key = read_key(key_path)
        cert = read_cert(cert_path)
        ours = _issued_by(cert, root.cert)
        current = common_name(cert) if ours else None
        usable = (ours and cert.public_key() == key.public_key()
                  and cert.not_valid_after_utc - now > _renew_margin(cert)
                  and wanted in (None, current))
    except FileNotFoundError:
        usable = False
    except DamagedFile:
        for path in (key_path, cert_path):
            if path.exists():
                _set_aside(folder, path)
        usable = False
        notices.append(tr("The Content Credentials signing key in {folder} could not be "
                          "read; it was set aside and a new one made under the same "
                          "identity, so your fingerprint is unchanged.", folder=folder))
    if usable:
        return Certified(key, cert)
    signing = make_signing(root, wanted or current or common_name(root.cert), now, lifetime)
    write_pem(key_path, signing.key_pem(), private=True)
    write_pem(cert_path, signing.cert_pem(), private=False)
    return signing


def _renew_margin(cert: x509.Certificate) -> timedelta:
    # A short-lived certificate (tests) is renewed only once it has expired.
    life = cert.not_valid_after_utc - cert.not_valid_before_utc
    return RENEW_BEFORE if life > 2 * RENEW_BEFORE else timedelta(0)


def _issued_by(cert: x509.Certificate, root: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(root)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


# ------------------------------------------------------------------ files
def read_key(path: Path) -> ec.EllipticCurvePrivateKey:
    data = path.read_bytes()  # FileNotFoundError goes up: a missing file is not damaged
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise DamagedFile from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise DamagedFile
    return key


def read_cert(path: Path) -> x509.Certificate:
    data = path.read_bytes()  # FileNotFoundError goes up: a missing file is not damaged
    try:
        return x509.load_pem_x509_certificate(data)
    except ValueError as exc:
        raise DamagedFile from exc


def write_pem(path: Path, data: bytes, *, private: bool, overwrite: bool = True) -> None:
    with atomic_open(path, overwrite=overwrite) as fh:
        with contextlib.suppress(AttributeError, NotImplementedError, OSError):
            os.fchmod(fh.fileno(), 0o600 if private else 0o644)
        fh.write(data)


def _set_aside(folder: Path, path: Path) -> Path:
    """Move a file we cannot read out of the way, never deleting it."""
    aside = make_dirs(folder / SET_ASIDE)
    target = aside / f"{path.name}.{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%f')}.damaged"
    os.replace(path, target)
    fsync_dir(aside)
    return target


def _keep_previous(folder: Path, cert_path: Path) -> None:
    """Keep a root certificate that past reels chain to (``previous/root-<fp>.pem``)."""
    try:
        cert = read_cert(cert_path)
    except DamagedFile:
        _set_aside(folder, cert_path)
        return
    except FileNotFoundError:
        return
    previous = make_dirs(folder / PREVIOUS)
    tag = fingerprint(cert).replace(":", "")[:16].lower()
    os.replace(cert_path, previous / f"root-{tag}.pem")
    fsync_dir(previous)


def root_certificate_pem(identity: Identity) -> bytes:
    return cert_pem(identity.root.cert)
