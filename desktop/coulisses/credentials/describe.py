"""A verdict as lines a person reads, in the UI language (the CLI prints them; the
window's verify view can show the same lines)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coulisses.credentials.verify import (
    CHANGED,
    INVALID,
    NOT_SUPPORTED,
    UNSIGNED,
    VALID,
    Verdict,
    changed_code,
)
from coulisses.i18n import format_datetime, tr

_EXPIRED = "signingCredential.expired"


def _reasons() -> dict[str, str]:
    """c2pa failure codes a maker can be told about, as the end of a sentence."""
    return {
        "claimSignature.mismatch": tr("their signature does not match them (they were altered "
                                      "after signing)"),
        "claimSignature.missing": tr("they carry no signature"),
        "assertion.hashedURI.mismatch": tr("a part of them was altered after signing"),
        "signingCredential.revoked": tr("the certificate that signed them was revoked"),
        "signingCredential.invalid": tr("the certificate that signed them is not valid"),
        "signingCredential.expired": tr("the certificate that signed them has expired"),
    }


def _technical(codes: list[str] | tuple[str, ...]) -> str:
    """`` (technical code: …)`` after a sentence, for codes we have no words for."""
    if not codes:
        return ""
    return " " + tr("(technical code: {code})", code=", ".join(codes))


def headline(verdict: Verdict, name: str) -> str:
    """One sentence: the answer (c2pa codes it cannot put in words come after it)."""
    if verdict.status == VALID:
        return tr("{file}: Content Credentials valid; the file has not changed since it "
                  "was signed.", file=name)
    if verdict.status == UNSIGNED:
        return tr("{file} carries no Content Credentials.", file=name)
    known = _reasons()
    if verdict.status == CHANGED:
        other = [c for c in verdict.failures if not changed_code(c) and c not in known]
        return tr("{file} was changed after it was signed: its image or video data no "
                  "longer match the signed fingerprint.", file=name) + _technical(other)
    if verdict.problem:
        if verdict.problem_kind == NOT_SUPPORTED:
            return tr("{file} is not a kind of file that carries Content Credentials "
                      "(Coulisses signs MP4 reels and JPEG images).", file=name)
        return tr("{file} could not be read as a signed image or video; it may be damaged "
                  "or cut short.", file=name) + _technical([verdict.problem])
    if _EXPIRED in verdict.failures:
        return tr("{file}: the Content Credentials are invalid because the certificate "
                  "that signed them has expired.", file=name)
    said = [known[c] for c in verdict.failures if c in known]
    other = [c for c in verdict.failures if c not in known]
    if said:
        return tr("{file}: the Content Credentials are invalid: {reasons}.", file=name,
                  reasons="; ".join(dict.fromkeys(said))) + _technical(other)
    return tr("{file}: the Content Credentials are invalid.", file=name) + \
        _technical(other or ["?"])


def details(verdict: Verdict, lang: str | None = None, *, window: bool = False) -> list[str]:
    """In plain words: who signed (and whether that was checked), what made the file, when
    it was signed, the piece, the capture span, how many stills were captured, shown and
    hidden, and the effort its end card shows. Nothing else: no moment, no caption, no
    still's id (older manifests name stills by a journal id that may hold a file name).

    ``window``: the lines are for the window's verify view, which has a field for
    the root certificate, not the CLI's ``--trust`` option.
    """
    if verdict.status in (UNSIGNED, INVALID) and not verdict.signer:
        return []
    out: list[str] = []
    if verdict.signer:
        out.append(tr("Signed by {name}.", lang=lang, name=verdict.signer))
        if verdict.trusted:
            out.append(tr("Who signed is checked: the root certificate you gave vouches "
                          "for {name}.", lang=lang, name=verdict.signer))
        elif window:
            out.append(tr("Who signed is not checked: choose the maker's published root "
                          "certificate above to check it.", lang=lang))
        else:
            out.append(tr("Who signed is not checked: pass the maker's published root "
                          "certificate with --trust to check it.", lang=lang))
    p = public_process(verdict.process)
    composite = any(str(a.get("digitalSourceType", "")).endswith("/compositeCapture")
                    for a in verdict.actions if isinstance(a, dict))
    if verdict.generator:
        out.append(tr("Made with {app} from real captures, not generated.", lang=lang,
                      app=verdict.generator) if composite
                   else tr("Made with {app}.", lang=lang, app=verdict.generator))
    elif composite:
        out.append(tr("Made from real captures, not generated.", lang=lang))
    if p.get("signed"):
        out.append(tr("Signed on {when} (by the signer's clock).", lang=lang,
                      when=_when(p["signed"], lang)))
    piece = p.get("piece") or {}
    if piece.get("name"):
        out.append(tr("Piece: {name}", lang=lang, name=piece["name"]))
    cap = p.get("capture") or {}
    if cap.get("first"):
        out.append(tr("Captured from {first} to {last}.", lang=lang,
                      first=_when(cap["first"], lang),
                      last=_when(cap.get("last", cap["first"]), lang)))
    if "stills_captured" in p:
        out.append(tr("Stills: {captured} captured, {shown} shown in this export, "
                      "{hidden} hidden by the maker.", lang=lang, captured=p["stills_captured"],
                      shown=p.get("stills_used", 0), hidden=p.get("stills_hidden", 0)))
    elif "stills_used" in p:
        out.append(tr("Stills: {shown} shown in this export.", lang=lang, shown=p["stills_used"]))
    effort = _effort(p.get("effort"))
    if effort is not None:
        from coulisses.timeline.effort import card_lines

        out.append(tr("Effort: {figures}", lang=lang,
                      figures=" · ".join(card_lines(effort, lang))))
    out.extend(_reveal_lines(p.get("reveal") or {}, lang))
    return out


def _reveal_lines(reveal: dict[str, Any], lang: str | None) -> list[str]:
    """Which stills the before/after and the ghost show, by their number among the stills
    captured (1 = the first): two stills in one frame are said, never blended in silence."""
    out = []
    pair = reveal.get("before_after") or {}
    before, after = pair.get("before") or {}, pair.get("after") or {}
    if "index" in before and "index" in after:
        out.append(tr("Before/after: still {before} beside still {after}.", lang=lang,
                      before=before["index"], after=after["index"]))
    ghost = reveal.get("ghost") or {}
    if "index" in (ghost.get("still") or {}):
        out.append(tr("Ghost: still {n} shown faintly over the first stills.", lang=lang,
                      n=ghost["still"]["index"]))
    return out


# What a process log may hold, key by key (``True``: a plain value). Anything else a
# manifest carries is not shown: an older Coulisses named each still by its journal id.
_PUBLIC: dict[str, Any] = {
    "piece": {"id": True, "name": True},
    "signed": True,
    "stills_used": True,
    "stills_shown": {"count": True, "merkle_root": True, "hash": True,
                     "sha256": [{"index": True, "sha256": True}]},
    "capture": {"first": True, "last": True},
    "stills_captured": True,
    "stills_hidden": True,
    "sessions": [{"start": True, "end": True, "seconds": True, "stills": True}],
    "moments": [{"kind": True, "time": True, "caption": True}],
    "effort": {k: True for k in ("sessions", "worked_seconds", "days", "stills", "struggles",
                                 "fixes", "milestones", "results", "notes", "attempts",
                                 "first", "last")},
    "reveal": {
        "before_after": {"style": True, "start_frame": True, "frames": True,
                         "before": {"index": True, "sha256": True},
                         "after": {"index": True, "sha256": True}},
        "ghost": {"still": {"index": True, "sha256": True}, "start_frame": True,
                  "frames": True, "opacity": True},
    },
}


def public_process(log: Any) -> dict[str, Any]:
    """The process log with only what Coulisses publishes (what ``verify --json`` prints):
    a still's old ``capture`` id, or anything unknown, is left out."""
    kept = _kept(log, _PUBLIC)
    return kept if isinstance(kept, dict) else {}


def _kept(value: Any, shape: Any) -> Any:
    if shape is True:
        return value if isinstance(value, str | int | float | bool) or value is None else None
    if isinstance(shape, list):
        if not isinstance(value, list):
            return None
        return [k for k in (_kept(v, shape[0]) for v in value) if k is not None]
    if not isinstance(value, dict):
        return None
    out = {}
    for key, sub in shape.items():
        if key in value:
            kept = _kept(value[key], sub)
            if kept is not None:
                out[key] = kept
    return out


def _when(text: str, lang: str | None = None) -> str:
    """An ISO time from the credentials as local time, to the minute, as the reader writes it."""
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError, TypeError):
        return str(text)
    return format_datetime(when, lang)


def _effort(data: Any):
    from coulisses.timeline.effort import Effort

    if not isinstance(data, dict):
        return None
    try:
        return Effort(**{k: data[k] for k in ("sessions", "worked_seconds", "days", "stills",
                                              "struggles", "fixes", "milestones", "results",
                                              "notes", "attempts")})
    except (KeyError, TypeError):
        return None
