"""The process log an export's Content Credentials carry (assertion ``io.coulisses.process``).

Everything comes from the frozen snapshot the reel was planned from
(``ReelPlan.source``) and the effort figures of its end card
(``ReelPlan.effort``, the same ``compute_effort`` call): nothing is typed in.
Nothing private leaves: no file path, no original photo name, no EXIF (the
stills are hashed, not copied); a moment on a hidden still keeps its kind and
time but not its caption, which may speak of what the maker hid.

The stills the reel shows are identified by SHA-256 and their index: their
place among the piece's stills in capture order, 1 for the first, hidden ones
counted. Never by their journal id: an imported photo's id ends with its
original file name ("~Marie Dupont passport scan"). A follower who gets a still
hashes it and finds it in the list. (Earlier builds wrote ``"capture": id`` there:
such files still verify, and ``describe`` never shows those ids.)

A 30 s reel shows ~300 distinct stills (0.1 s each), ~30 KB of hashes as JSON:
the MP4's manifest carries the list; the images carry only its Merkle root and
count (the list would grow a 300 KB slide by 10 %).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from coulisses import __version__
from coulisses.journal.model import Capture, iso
from coulisses.timeline.plan import BEFORE_AFTER_KINDS, BEFORE_AFTER_SIDE, ReelPlan

LABEL = "io.coulisses.process"
COMPOSITE_CAPTURE = "http://cv.iptc.org/newscodes/digitalsourcetype/compositeCapture"
GENERATOR = {"name": "Coulisses", "version": __version__}


def shown_captures(plan: ReelPlan) -> list[Capture]:
    """The distinct stills the export shows (reel shots, then the cover), first time first."""
    seen: set[str] = set()
    out: list[Capture] = []
    shots = [*plan.shots, *([plan.cover] if plan.cover else [])]
    for shot in shots:
        for cap in shot.captures:  # a before/after's or a ghost's second still too
            if cap.id not in seen:
                seen.add(cap.id)
                out.append(cap)
    return out


def still_hashes(captures: list[Capture]) -> list[str]:
    """SHA-256 (hex) of each still's file as stored in the journal."""
    out = []
    for cap in captures:
        digest = hashlib.sha256()
        with open(cap.path, "rb") as fh:
            while block := fh.read(1 << 20):
                digest.update(block)
        out.append(digest.hexdigest())
    return out


def still_indices(plan: ReelPlan, shown: list[Capture]) -> list[int]:
    """Each shown still's place among the piece's stills in capture order (1 = the first,
    hidden ones counted); a plan without its snapshot numbers them as shown."""
    order = {c.id: i for i, c in enumerate(plan.source.captures, 1)} \
        if plan.source is not None else {}
    return [order.get(c.id, k) for k, c in enumerate(shown, 1)]


def merkle_root(hashes: list[str]) -> str:
    """Root of a binary SHA-256 Merkle tree over ``hashes`` (an odd leaf is paired with
    itself); anyone holding the stills can recompute it."""
    level = [bytes.fromhex(h) for h in hashes]
    if not level:
        return hashlib.sha256(b"").hexdigest()
    while len(level) > 1:
        if len(level) % 2:
            level.append(level[-1])
        level = [hashlib.sha256(level[i] + level[i + 1]).digest()
                 for i in range(0, len(level), 2)]
    return level[0].hex()


def process_log(plan: ReelPlan, hashes: list[str], shown: list[Capture], *,
                signed: datetime | None = None) -> dict[str, Any]:
    """The process assertion's data, with the full list of still hashes."""
    source = plan.source
    log: dict[str, Any] = {
        "piece": {"id": plan.piece.id, "name": plan.piece.name},
        "signed": iso(signed or datetime.now(UTC)),
        "stills_used": len(shown),
        "stills_shown": {"count": len(hashes), "merkle_root": merkle_root(hashes),
                         "hash": "sha256",
                         "sha256": [{"index": i, "sha256": h} for i, h in
                                    zip(still_indices(plan, shown), hashes, strict=True)]},
    }
    if source is not None and source.captures:
        caps = source.captures
        log["capture"] = {"first": iso(caps[0].time), "last": iso(caps[-1].time)}
        log["stills_captured"] = len(caps)
        log["stills_hidden"] = sum(1 for c in caps if source.is_hidden(c.id))
        log["sessions"] = _sessions(source)
        log["moments"] = [_moment(m, source) for m in
                          sorted(source.moments, key=lambda m: (m.time, m.created))]
    if plan.effort is not None:
        log["effort"] = plan.effort.to_json()  # the end card's figures, same computation
    reveal = _reveal(plan, shown, hashes)
    if reveal:
        log["reveal"] = reveal
    return log


def _reveal(plan: ReelPlan, shown: list[Capture], hashes: list[str]) -> dict[str, Any]:
    """Which stills the before/after and the ghost show, by index and hash as in
    ``stills_shown``: two pictures in one frame are said, not blended in silence."""
    index = dict(zip((c.id for c in shown), zip(still_indices(plan, shown), hashes,
                                                 strict=True), strict=True))

    def still(cap: Capture | None) -> dict[str, Any] | None:
        if cap is None or cap.id not in index:
            return None
        i, digest = index[cap.id]
        return {"index": i, "sha256": digest}

    out: dict[str, Any] = {}
    frame = 0
    for shot in plan.shots:
        if shot.kind in BEFORE_AFTER_KINDS and "before_after" not in out:
            out["before_after"] = {
                "style": "side" if shot.kind == BEFORE_AFTER_SIDE else "wipe",
                "start_frame": frame, "before": still(shot.overlay),
                "after": still(shot.capture)}
        elif shot.kind not in BEFORE_AFTER_KINDS and shot.overlay is not None \
                and shot.mix > 0:
            ghost = out.setdefault("ghost", {"still": still(shot.overlay),
                                             "start_frame": frame, "frames": 0,
                                             "opacity": shot.mix})
            ghost["frames"] = frame + shot.frames - ghost["start_frame"]
        frame += shot.frames
    if "before_after" in out:
        out["before_after"]["frames"] = sum(s.frames for s in plan.shots
                                            if s.kind in BEFORE_AFTER_KINDS)
    return out


def without_hash_list(log: dict[str, Any]) -> dict[str, Any]:
    """The log for an image: the still hashes as their Merkle root and count only."""
    shown = {k: v for k, v in log["stills_shown"].items() if k != "sha256"}
    return {**log, "stills_shown": shown}


def _sessions(source) -> list[dict[str, Any]]:
    from coulisses.timeline.sessions import DEFAULT_GAP, split_sessions

    gap = source.settings.session_gap or DEFAULT_GAP
    return [{"start": iso(s.start), "end": iso(s.end), "seconds": round(s.seconds, 3),
             "stills": s.stills} for s in split_sessions(source, gap)]


def _moment(m, source) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": m.kind, "time": iso(m.time)}
    hidden = m.capture is not None and source.is_hidden(m.capture)
    if m.caption and not hidden:
        out["caption"] = m.caption
    return out


def actions(plan: ReelPlan, *, layout: str, deflicker: bool, size: tuple[int, int],
            image: bool) -> list[dict[str, Any]]:
    """``c2pa.actions``: made from real captures, then what the export did to them."""
    width, height = size
    out: list[dict[str, Any]] = [{
        "action": "c2pa.created", "digitalSourceType": COMPOSITE_CAPTURE,
        "softwareAgent": GENERATOR,
        "description": "Composed from timed stills captured at the maker's bench."}]
    out.append({"action": "c2pa.resized",
                "description": f"Stills scaled to {width}x{height}."})
    if layout == "fill":
        out.append({"action": "c2pa.cropped",
                    "description": "Stills cropped around the maker's focus point."})
    else:
        out.append({"action": "c2pa.edited",
                    "description": "Whole stills placed over a blurred copy of themselves."})
    if deflicker and not image:
        out.append({"action": "c2pa.color_adjustments",
                    "description": "Exposure evened out between consecutive stills."})
    if any(cue.text for cue in plan.cues):
        out.append({"action": "c2pa.edited",
                    "description": "The maker's captions placed on the stills."})
    hidden = sum(1 for c in plan.source.captures if plan.source.is_hidden(c.id)) \
        if plan.source is not None else 0
    if hidden:
        out.append({"action": "c2pa.edited",
                    "description": f"{hidden} stills hidden by the maker left out."})
    if any(s.kind in BEFORE_AFTER_KINDS for s in plan.shots):
        out.append({"action": "c2pa.edited",
                    "description": "The piece's first still and its result shown together "
                                   "(before/after)."})
    if any(s.kind not in BEFORE_AFTER_KINDS and s.overlay is not None and s.mix > 0
           for s in plan.shots):
        out.append({"action": "c2pa.edited",
                    "description": "The result shown faintly over the first stills "
                                   "(ghost)."})
    return out


def manifest(plan: ReelPlan, title: str, log: dict[str, Any], acts: list[dict[str, Any]]
             ) -> dict[str, Any]:
    return {
        "claim_generator_info": [GENERATOR],
        "title": title,
        "assertions": [
            {"label": "c2pa.actions", "data": {"actions": acts}},
            {"label": LABEL, "data": log},
        ],
    }
