"""The maker's signing identity, kept in the journal folder (never in an export).

``<journal>/credentials/`` holds four files: ``root.pem`` (the certificate the
maker publishes; its fingerprint is what people check), ``root-key.pem``,
``signing.pem`` and ``signing-key.pem``. Keys are owner-only and written
atomically.

Renewal keeps old reels valid: a file carries its own signing certificate, valid
for decades, so nothing done later invalidates it. When the signing certificate
nears its end (``RENEW_BEFORE``), is missing or is damaged, a new one is issued
under the *same root*, so the published fingerprint does not change. Only a
damaged root key forces a new root: the damaged file is set aside, the old root
certificate is kept in ``previous/`` (past reels still verify against it), and
the maker is told in one sentence to publish the new fingerprint.
"""

from __future__ import annotations

import contextlib
import getpass
import os
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
from coulisses.i18n import tr
from coulisses.os_errors import describe_os_error

FOLDER = "credentials"
ROOT_CERT, ROOT_KEY = "root.pem", "root-key.pem"
SIGNING_CERT, SIGNING_KEY = "signing.pem", "signing-key.pem"
PREVIOUS = "previous"
SET_ASIDE = "set-aside"
RENEW_BEFORE = timedelta(days=5 * 365)


class CredentialsError(Exception):
    """The identity cannot be made or kept; the message is one sentence for the maker."""


class _Damaged(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Identity:
    folder: Path
    root: Certified
    signing: Certified
    notices: tuple[str, ...] = ()  # what happened to damaged files, for the maker

    @property
    def maker(self) -> str:
        return common_name(self.root.cert)

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


def default_maker() -> str:
    """The maker's name from the preferences, else the system user's name."""
    from coulisses.preferences import load_preferences

    with contextlib.suppress(Exception):  # a damaged preferences file is reported elsewhere
        name = load_preferences()[0].maker_name.strip()
        if name:
            return name
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return "Coulisses"


def credentials_folder(home: Path) -> Path:
    return Path(home) / FOLDER


def load_identity(home: Path, maker: str | None = None, *, now: datetime | None = None,
                  signing_lifetime: timedelta | None = None) -> Identity:
    """The identity stored under ``home``, made on first use, renewed when needed.

    Raises ``CredentialsError`` when the journal folder cannot hold it.
    """
    folder = credentials_folder(home)
    now = now or datetime.now(UTC)
    notices: list[str] = []
    try:
        make_dirs(folder)
        with contextlib.suppress(OSError, NotImplementedError):
            os.chmod(folder, 0o700)
        root = _load_root(folder, maker, now, notices)
        signing = _load_signing(folder, root, now, notices, signing_lifetime)
    except OSError as exc:
        raise CredentialsError(tr(
            "The Content Credentials key cannot be kept in {folder} ({problem}); check that "
            "the journal folder is writable.", folder=folder,
            problem=describe_os_error(exc))) from exc
    return Identity(folder, root, signing, tuple(notices))


# ------------------------------------------------------------------ root
def _load_root(folder: Path, maker: str | None, now: datetime, notices: list[str]) -> Certified:
    key_path, cert_path = folder / ROOT_KEY, folder / ROOT_CERT
    if not key_path.exists():
        if cert_path.exists():  # a root with no key left: keep it for past reels
            _keep_previous(folder, cert_path)
        return _new_root(folder, maker, now)
    try:
        key = _read_key(key_path)
    except _Damaged:
        aside = _set_aside(folder, key_path)
        if cert_path.exists():
            _keep_previous(folder, cert_path)
        root = _new_root(folder, maker, now)
        notices.append(tr(
            "The Content Credentials key {path} could not be read; it was moved to {aside} "
            "and a new identity was made: publish its fingerprint {fingerprint} (reels "
            "signed before still verify with the previous certificate in {previous}).",
            path=key_path, aside=aside, fingerprint=fingerprint(root.cert),
            previous=folder / PREVIOUS))
        return root
    try:
        cert = _read_cert(cert_path)
        if cert.public_key() != key.public_key():
            raise _Damaged
    except (_Damaged, FileNotFoundError):
        # Same key, same name: signing certificates under it still chain to it.
        if cert_path.exists():
            _set_aside(folder, cert_path)
        maker = maker or default_maker()
        root = _reissue_root(key, maker, now)
        _write(cert_path, root.cert_pem(), private=False)
        return root
    return Certified(key, cert)


def _new_root(folder: Path, maker: str | None, now: datetime) -> Certified:
    root = make_root(maker or default_maker(), now)
    try:
        _write(folder / ROOT_KEY, root.key_pem(), private=True, overwrite=False)
    except FileExistsError:  # another export made it a moment ago: use that one
        return _load_root(folder, maker, now, [])
    _write(folder / ROOT_CERT, root.cert_pem(), private=False)
    with contextlib.suppress(OSError):  # the old signing certificate is not under this root
        (folder / SIGNING_CERT).unlink()
    return root


def _reissue_root(key: ec.EllipticCurvePrivateKey, maker: str, now: datetime) -> Certified:
    fresh = make_root(maker, now)
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
def _load_signing(folder: Path, root: Certified, now: datetime, notices: list[str],
                  lifetime: timedelta | None) -> Certified:
    key_path, cert_path = folder / SIGNING_KEY, folder / SIGNING_CERT
    try:
        key = _read_key(key_path)
        cert = _read_cert(cert_path)
        usable = (cert.public_key() == key.public_key()
                  and _issued_by(cert, root.cert)
                  and cert.not_valid_after_utc - now > _renew_margin(cert))
    except FileNotFoundError:
        usable = False
    except _Damaged:
        for path in (key_path, cert_path):
            if path.exists():
                _set_aside(folder, path)
        usable = False
        notices.append(tr("The Content Credentials signing key in {folder} could not be "
                          "read; it was set aside and a new one made under the same "
                          "identity, so your fingerprint is unchanged.", folder=folder))
    if usable:
        return Certified(key, cert)
    signing = make_signing(root, common_name(root.cert), now, lifetime)
    _write(key_path, signing.key_pem(), private=True)
    _write(cert_path, signing.cert_pem(), private=False)
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
def _read_key(path: Path) -> ec.EllipticCurvePrivateKey:
    data = path.read_bytes()  # FileNotFoundError goes up: a missing file is not damaged
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise _Damaged from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise _Damaged
    return key


def _read_cert(path: Path) -> x509.Certificate:
    data = path.read_bytes()  # FileNotFoundError goes up: a missing file is not damaged
    try:
        return x509.load_pem_x509_certificate(data)
    except ValueError as exc:
        raise _Damaged from exc


def _write(path: Path, data: bytes, *, private: bool, overwrite: bool = True) -> None:
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
        cert = _read_cert(cert_path)
    except _Damaged:
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
