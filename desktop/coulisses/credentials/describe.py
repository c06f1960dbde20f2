"""A verdict as lines a person reads, in the UI language (the CLI prints them; the
window's verify view can show the same lines)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coulisses.credentials.verify import CHANGED, INVALID, UNSIGNED, VALID, Verdict
from coulisses.i18n import tr

_EXPIRED = "signingCredential.expired"


def headline(verdict: Verdict, name: str) -> str:
    """One sentence: the answer."""
    if verdict.status == VALID:
        return tr("{file}: Content Credentials valid; the file has not changed since it "
                  "was signed.", file=name)
    if verdict.status == CHANGED:
        return tr("{file} was changed after it was signed: its image or video data no "
                  "longer match the signed fingerprint ({codes}).", file=name,
                  codes=", ".join(verdict.failures))
    if verdict.status == UNSIGNED:
        return tr("{file} carries no Content Credentials.", file=name)
    if verdict.problem:
        return tr("{file} could not be read as a signed image or video ({problem}).",
                  file=name, problem=verdict.problem)
    if _EXPIRED in verdict.failures:
        return tr("{file}: the Content Credentials are invalid because the certificate "
                  "that signed them has expired.", file=name)
    return tr("{file}: the Content Credentials are invalid ({codes}).", file=name,
              codes=", ".join(verdict.failures) or "?")


def details(verdict: Verdict, lang: str | None = None) -> list[str]:
    """Who signed, when, the piece, the capture span, the stills, the moments, the effort."""
    if verdict.status in (UNSIGNED, INVALID) and not verdict.signer:
        return []
    out: list[str] = []
    if verdict.signer:
        out.append(tr("Signed by: {name}", name=verdict.signer))
        out.append(tr("Signer trusted: yes (your trust anchor)") if verdict.trusted else
                   tr("Signer trusted: not checked; pass the maker's published root "
                      "certificate with --trust to check who signed."))
    p = verdict.process
    if verdict.generator:
        out.append(tr("Made with: {app}", app=verdict.generator))
    if any(a.get("digitalSourceType", "").endswith("/compositeCapture")
           for a in verdict.actions):
        out.append(tr("Source: a composite of real captures, not generated."))
    if p.get("signed"):
        out.append(tr("Signed on: {when} (by the signer's clock)", when=_when(p["signed"])))
    piece = p.get("piece") or {}
    if piece.get("name"):
        out.append(tr("Piece: {name}", name=piece["name"]))
    cap = p.get("capture") or {}
    if cap.get("first"):
        out.append(tr("Captured: {first} → {last}", first=_when(cap["first"]),
                      last=_when(cap.get("last", cap["first"]))))
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
            caption = f" “{m['caption']}”" if m.get("caption") else ""
            out.append(f"  {_when(m.get('time', ''))}  {kind_label(m.get('kind', ''), lang)}"
                       f"{caption}")
    return out


def _when(text: str) -> str:
    """An ISO time from the credentials as local time, to the minute."""
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone() \
            .strftime("%Y-%m-%d %H:%M")
    except (ValueError, AttributeError):
        return str(text)


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
