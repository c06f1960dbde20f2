"""A capture state in the maker's words, and the colour that goes with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coulisses.capture.session import CaptureState, Status
from coulisses.i18n import tr
from coulisses.redaction import redact

GREEN, AMBER, RED, GREY = "#2e7d32", "#b26a00", "#c62828", "#616161"


@dataclass(frozen=True, slots=True)
class StatusLine:
    text: str
    colour: str
    key: str  # recording | idle | lost | paused | stopped | starting | failed (tray icon)


def _clock(t: datetime | None) -> str:
    return t.astimezone().strftime("%H:%M") if t else "?"


def describe(state: CaptureState | None, now: datetime, problem: str | None = None) -> StatusLine:
    """One line for the status label and tray tooltip.

    ``problem``: why the source chosen cannot be read now (its preview, a start that
    was refused), said here while nothing records, and nowhere else.
    """
    if (state is None or state.status in (Status.STOPPED, Status.ENDED)) and problem:
        return StatusLine(redact(problem), RED, "stopped")
    if state is None or state.status in (Status.STOPPED, Status.ENDED):
        text = tr("Stopped")
        if state is not None and state.kept:
            text = tr("Stopped — %n still(s) kept", None, state.kept)
        return StatusLine(text, GREY, "stopped")
    if state.status == Status.FAILED:
        # The error names the source: masked again, it also goes to the tray's tooltip.
        return StatusLine(redact(state.error) or tr("The capture could not start."), RED,
                          "failed")
    if state.status == Status.STARTING:
        return StatusLine(tr("Opening the camera…"), GREY, "starting")
    if state.status == Status.LOST:
        since = getattr(state, "lost_since", None)
        if "://" in state.source:  # a phone or network camera: the Wi-Fi is the usual cause
            text = tr("Stream lost since {time} — retrying; check the phone and the Wi-Fi",
                      time=_clock(since))
        else:
            text = tr("Camera lost since {time} — retrying", time=_clock(since))
        return StatusLine(text, RED, "lost")
    if state.status in (Status.PAUSED_DISK_FULL, Status.PAUSED_WRITE_ERROR):
        if state.status == Status.PAUSED_DISK_FULL:
            text = tr("Disk nearly full — paused; free some space and it resumes by itself")
        else:
            text = tr("Cannot write to the journal — paused; retrying")
        return StatusLine(text, AMBER, "paused")
    next_at = getattr(state, "next_at", None)
    wait = max(0, round((next_at - now).total_seconds())) if next_at else None
    if state.skipped and state.ticks and state.last_still is not None and (
            (now - state.last_still).total_seconds() > 60):
        return StatusLine(tr("Recording — idle, skipping stills where nothing moves "
                             "(%n kept)", None, state.kept), GREEN, "idle")
    if wait is not None:
        text = tr("Recording — %n still(s), next in {s} s", None, state.kept, s=wait)
    else:
        text = tr("Recording — %n still(s)", None, state.kept)
    return StatusLine(text, GREEN, "recording")
