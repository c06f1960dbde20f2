"""Read and check an export's Content Credentials (what ``coulisses verify`` prints).

c2pa's Reader does the checking; this turns its validation codes into the three
answers a maker needs: valid and unchanged, changed since signing, or invalid /
absent. Without a trust anchor a valid file is "valid, signer not in a trust
list" (c2pa's ``signingCredential.untrusted``): that is the normal case for a
maker's own key, and is said, not failed. ``trust`` makes her root an anchor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coulisses.credentials.process import LABEL
from coulisses.i18n import tr
from coulisses.os_errors import describe_os_error

VALID, CHANGED, INVALID, UNSIGNED = "valid", "changed", "invalid", "unsigned"
UNTRUSTED = "signingCredential.untrusted"
# Why a file could not be read at all (Verdict.problem_kind).
NOT_SUPPORTED, UNREADABLE = "not-supported", "unreadable"


class TrustFileError(ValueError):
    """The root certificate given to check the signer cannot be used; one sentence."""

    def __init__(self, path: str | Path, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str  # VALID, CHANGED, INVALID or UNSIGNED
    trusted: bool = False  # the signer chains to a given trust anchor
    signer: str = ""  # common name of the signing certificate
    issuer: str = ""
    process: dict[str, Any] = field(default_factory=dict)  # io.coulisses.process, if any
    actions: tuple[dict[str, Any], ...] = ()
    generator: str = ""
    failures: tuple[str, ...] = ()  # c2pa failure codes, untrusted left out
    explanations: tuple[str, ...] = ()
    problem: str = ""  # c2pa's own words on why there is nothing to read (technical)
    problem_kind: str = ""  # NOT_SUPPORTED or UNREADABLE when ``problem`` is set

    @property
    def ok(self) -> bool:
        return self.status == VALID


def changed_code(code: str) -> bool:
    """A c2pa failure code saying the file's own data changed since signing."""
    # assertion.dataHash.mismatch (JPEG), assertion.bmffHash.mismatch (MP4), …
    return "hash.mismatch" in code.lower() or code.lower().endswith("hash.malformed")


def verify_file(path: str | Path, trust: str | Path | None = None) -> Verdict:
    """The verdict on ``path``; raises ``OSError`` when the file cannot be opened and
    ``TrustFileError`` (a ValueError) when the trust certificate cannot be used."""
    import c2pa

    path = Path(path)
    context = None
    if trust is not None:
        context = c2pa.Context.from_dict({"trust": {"user_anchors": read_trust(trust)}})
    with open(path, "rb") as fh:
        try:
            reader = c2pa.Reader.try_create("", fh, None, context) if context else \
                c2pa.Reader.try_create("", fh)
        except c2pa.C2paError as exc:
            text = str(exc).strip()
            kind = NOT_SUPPORTED if isinstance(exc, c2pa.C2paError.NotSupported) else UNREADABLE
            return Verdict(INVALID, problem=text.splitlines()[0][:200] if text
                           else type(exc).__name__, problem_kind=kind)
        if reader is None:
            return Verdict(UNSIGNED)
        with reader:
            try:
                state = reader.get_validation_state() or ""
                results = reader.get_validation_results() or {}
                active = reader.get_active_manifest() or {}
            except (KeyError, ValueError, c2pa.C2paError) as exc:
                # A byte changed inside the manifest store itself: c2pa finds a store but
                # no active manifest in it (KeyError), which is damage, not our slip.
                text = str(exc).strip().strip("'\"")
                return Verdict(INVALID, problem=text.splitlines()[0][:200] if text
                               else type(exc).__name__, problem_kind=UNREADABLE)
    return _verdict(state, results, active)


def read_trust(trust: str | Path) -> str:
    """The PEM text of the maker's root certificate, or TrustFileError saying why not."""
    try:
        anchors = Path(trust).read_text(encoding="ascii", errors="strict")
    except OSError as exc:
        raise TrustFileError(trust, tr(
            "The root certificate {file} cannot be read ({problem}).", file=trust,
            problem=describe_os_error(exc))) from None
    except UnicodeDecodeError:
        anchors = ""  # a binary file: not a PEM certificate either
    if "-----BEGIN CERTIFICATE-----" not in anchors:
        raise TrustFileError(trust, tr(
            "{file} is not a root certificate: a certificate file is text that starts with "
            "-----BEGIN CERTIFICATE----- (the root.pem the maker publishes).", file=trust))
    return anchors


def _verdict(state: str, results: dict[str, Any], active: dict[str, Any]) -> Verdict:
    failures = [f for f in (results.get("activeManifest") or {}).get("failure", [])]
    codes = [f.get("code", "") for f in failures]
    real = [c for c in codes if c != UNTRUSTED]
    explanations = tuple(f.get("explanation", "") for f in failures if f.get("code") in real)
    if any(changed_code(c) for c in real):
        status = CHANGED
    elif state in ("Valid", "Trusted") and not real:
        status = VALID
    else:
        status = INVALID
    sig = active.get("signature_info") or {}
    process: dict[str, Any] = {}
    acts: tuple[dict[str, Any], ...] = ()
    for a in active.get("assertions", []):
        if a.get("label") == LABEL:
            process = a.get("data") or {}
        elif a.get("label", "").startswith("c2pa.actions"):
            acts = tuple((a.get("data") or {}).get("actions", []))
    gen = (active.get("claim_generator_info") or [{}])[0]
    generator = " ".join(str(gen.get(k, "")) for k in ("name", "version")).strip()
    return Verdict(status, trusted=state == "Trusted", signer=sig.get("common_name", ""),
                   issuer=sig.get("issuer", ""), process=process, actions=acts,
                   generator=generator, failures=tuple(real), explanations=explanations)


def raw_report(path: str | Path) -> str:
    """c2pa's own JSON for ``path`` (for a details view)."""
    import c2pa

    with open(path, "rb") as fh, c2pa.Reader("", fh) as reader:
        return json.dumps(json.loads(reader.json()), indent=2, ensure_ascii=False)
