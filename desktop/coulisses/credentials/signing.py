"""Sign an export's finished files with the maker's identity, offline.

Called by the exporter while the export is still its hidden partial folder, so
a signed file appears whole or not at all. Signing never costs the export: if
it fails (no key can be kept, a file c2pa cannot read), the files stay as they
were, unsigned, and the result says so in one sentence.

One ``Signer`` and one ``Context`` serve every file of an export; a ``Builder``
signs once. The JPEG thumbnail c2pa would embed (~52 KB) is turned off: the
image is its own thumbnail.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from coulisses.atomicio import atomic_open
from coulisses.credentials.identity import CredentialsError, Identity, load_identity
from coulisses.credentials.process import (
    actions,
    manifest,
    process_log,
    shown_captures,
    still_hashes,
    without_hash_list,
)
from coulisses.i18n import tr
from coulisses.jobs import CancelToken
from coulisses.os_errors import describe_os_error
from coulisses.timeline.plan import ReelPlan

log = logging.getLogger(__name__)

MIME = {".mp4": "video/mp4", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
_SETTINGS = {"builder": {"thumbnail": {"enabled": False}}}


@dataclass(frozen=True, slots=True)
class Signed:
    """What signing did to one export."""

    files: tuple[Path, ...] = ()  # signed files (paths inside the folder signed)
    maker: str = ""
    fingerprint: str = ""  # of the maker's root certificate
    root: Path | None = None  # the root certificate to publish / to pass to --trust
    seconds: float = 0.0
    added_bytes: int = 0
    problem: str = ""  # why the export is unsigned ("" when signed)
    notices: tuple[str, ...] = field(default=())  # e.g. a damaged key set aside
    per_file: tuple[tuple[str, float, int], ...] = ()  # (name, seconds, bytes added)

    @property
    def ok(self) -> bool:
        return bool(self.files) and not self.problem

    def relocated(self, old: Path, new: Path) -> Signed:
        """The same, with file paths under ``old`` (the partial folder) moved to ``new``."""
        return replace(self, files=tuple(new / p.relative_to(old) for p in self.files))


def files_to_sign(files: Mapping[str, Path]) -> list[Path]:
    """The MP4, the cover and the carousel slides among an export's outputs."""
    out = [files[k] for k in ("mp4", "cover") if k in files]
    if "carousel" in files:
        out.extend(sorted(files["carousel"].glob("*.jpg")))
    return out


def journal_home_of(plan: ReelPlan) -> Path | None:
    """The journal folder holding the plan's piece (keys an older version kept there are
    moved out of it before signing)."""
    from coulisses.journal.layout import is_journal_root

    folder = plan.piece.folder
    if not folder.parts:
        return None
    home = folder.parent.parent  # <home>/pieces/<piece id>
    return home if is_journal_root(home) else None


def sign_export(plan: ReelPlan, files: Mapping[str, Path], *, layout: str, deflicker: bool,
                size: tuple[int, int], home: Path | None = None,
                identity: Identity | None = None, cancel: CancelToken | None = None,
                on_file: Callable[[Path], None] | None = None) -> Signed:
    """Sign the MP4, cover and carousel slides in place; never raises for a signing
    problem (returns it in ``Signed.problem``; the files are then left unsigned).

    Raises ``Cancelled`` when ``cancel`` fires: it is checked before the stills are
    hashed and between files (c2pa cannot be stopped inside one file, and a long MP4
    takes seconds). ``on_file(path)`` is called as each file's signing starts.
    """
    started = time.perf_counter()
    cancel = cancel or CancelToken()
    targets = files_to_sign(files)
    if not targets:
        return Signed()
    cancel.raise_if_cancelled()
    try:
        if identity is None:  # this computer's; keys an older version left in the journal
            identity = load_identity(journal=home or journal_home_of(plan))  # move out first
        shown = shown_captures(plan)
        hashes = still_hashes(shown)
    except CredentialsError as exc:
        return Signed(problem=tr("This export is not signed: {problem}", problem=str(exc)))
    except OSError as exc:
        return Signed(problem=tr("This export is not signed: a still could not be read to "
                                 "record its fingerprint ({problem}).",
                                 problem=describe_os_error(exc)))
    cancel.raise_if_cancelled()  # hashing every still of a long piece takes a while
    full = process_log(plan, hashes, shown)
    brief = without_hash_list(full)
    import c2pa

    done: list[Path] = []
    timings: list[tuple[str, float, int]] = []
    added = 0
    try:
        context = c2pa.Context.from_dict(_SETTINGS)
        signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(
            c2pa.C2paSigningAlg.ES256, identity.chain_pem(), identity.signing.key_pem(), None))
        for path in targets:
            cancel.raise_if_cancelled()  # Cancelled is none of the errors caught below
            if on_file is not None:
                on_file(path)
            is_image = path.suffix.lower() != ".mp4"
            data = manifest(plan, path.name, brief if is_image else full,
                            actions(plan, layout=layout, deflicker=deflicker, size=size,
                                    image=is_image))
            before, t = path.stat().st_size, time.perf_counter()
            _sign_file(path, MIME[path.suffix.lower()], json.dumps(data, ensure_ascii=False),
                       signer, context)
            grew = path.stat().st_size - before
            added += grew
            timings.append((path.name, time.perf_counter() - t, grew))
            done.append(path)
    except (c2pa.C2paError, OSError, ValueError) as exc:
        log.warning("signing failed: %s", exc)
        return Signed(tuple(done), problem=tr(
            "{file} could not be signed ({problem}); it and the files after it are complete "
            "but carry no Content Credentials.", file=targets[len(done)].name,
            problem=_short(exc)))
    return Signed(tuple(done), identity.maker, identity.fingerprint, identity.root_path,
                  time.perf_counter() - started, added, "", identity.notices, tuple(timings))


def _sign_file(path: Path, mime: str, manifest_json: str, signer, context) -> None:
    import c2pa

    builder = c2pa.Builder.from_json(manifest_json, context=context)
    with open(path, "rb") as src, atomic_open(path) as dst:
        builder.sign(signer, mime, src, dst)


def _short(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno is not None:
        return describe_os_error(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
