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
from coulisses.i18n import format_datetime, quote, tr

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
    """Who signed, when, the piece, the capture span, the stills, the moments, the effort.

    ``window``: the lines are for the window's verify view, which has a field for
    the root certificate, not the CLI's ``--trust`` option.
    """
    if verdict.status in (UNSIGNED, INVALID) and not verdict.signer:
        return []
    out: list[str] = []
    if verdict.signer:
        out.append(tr("Signed by: {name}", name=verdict.signer))
        if verdict.trusted:
            out.append(tr("Signer trusted: yes (your trust anchor)"))
        elif window:
            out.append(tr("Signer trusted: not checked; choose the maker's published root "
                          "certificate in the root certificate field to check who signed."))
        else:
            out.append(tr("Signer trusted: not checked; pass the maker's published root "
                          "certificate with --trust to check who signed."))
    p = verdict.process
    if verdict.generator:
        out.append(tr("Made with: {app}", app=verdict.generator))
    if any(a.get("digitalSourceType", "").endswith("/compositeCapture")
           for a in verdict.actions):
        out.append(tr("Source: a composite of real captures, not generated."))
    if p.get("signed"):
        out.append(tr("Signed on: {when} (by the signer's clock)", when=_when(p["signed"], lang)))
    piece = p.get("piece") or {}
    if piece.get("name"):
        out.append(tr("Piece: {name}", name=piece["name"]))
    cap = p.get("capture") or {}
    if cap.get("first"):
        out.append(tr("Captured: {first} → {last}", first=_when(cap["first"], lang),
                      last=_when(cap.get("last", cap["first"]), lang)))
    if "stills_captured" in p:
        out.append(tr("Stills: {captured} captured, {shown} shown in this export, "
                      "{hidden} hidden by the maker", captured=p["stills_captured"],
                      shown=p.get("stills_used", 0), hidden=p.get("stills_hidden", 0)))
    elif "stills_used" in p:
        out.append(tr("Stills shown: {shown}", shown=p["stills_used"]))
    if p.get("sessions"):
        out.append(tr("Sessions: {count}", count=len(p["sessions"])))
    effort = _effort(p.get("effort"))
    if effort is not None:
        from coulisses.timeline.effort import card_lines

        out.append(tr("Effort: {figures}", figures=" · ".join(card_lines(effort, lang))))
    moments = p.get("moments") or []
    if moments:
        from coulisses.labels import kind_label

        out.append(tr("Moments: {count}", count=len(moments)))
        for m in moments:
            caption = " " + quote(m["caption"], lang) if m.get("caption") else ""
            out.append(f"  {_when(m.get('time', ''), lang)}  "
                       f"{kind_label(m.get('kind', ''), lang)}{caption}")
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
