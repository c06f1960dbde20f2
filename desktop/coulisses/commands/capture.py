"""``coulisses capture PIECE --source SRC …`` and ``coulisses snap PIECE --source SRC``."""

from __future__ import annotations

import argparse
import queue
import re

from coulisses.i18n import tr

_SIZE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)
_SCALE = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """Bytes in ``200MB``, ``1G``, ``500k``, ``0``; ValueError otherwise."""
    m = _SIZE.match(text)
    if not m:
        raise ValueError(tr("{text!r} is not a size (try 200MB or 1GB)", text=text))
    return int(float(m.group(1).replace(",", ".")) * _SCALE[m.group(2).lower()])


def register(sub: argparse._SubParsersAction) -> None:
    src_help = tr("camera number (0), stream URL (rtsp://…, http://…), video file, or 'screen'")
    p = sub.add_parser("capture", help=tr("take a still every few seconds, skipping idle ones"))
    p.add_argument("piece", metavar="PIECE", help=tr("piece name or id"))
    p.add_argument("--source", required=True, metavar="SRC", help=src_help)
    p.add_argument("--every", default="10s", metavar="INTERVAL",
                   help=tr("time between stills, e.g. 2s, 30s, 5m (default 10s)"))
    until = p.add_mutually_exclusive_group()
    until.add_argument("--count", type=int, metavar="N", help=tr("stop after N stills"))
    until.add_argument("--for", dest="duration", metavar="DURATION",
                       help=tr("stop after this long, e.g. 45m or 2h"))
    p.add_argument("--keep-idle", action="store_true",
                   help=tr("keep every still, even when nothing moved"))
    p.add_argument("--disk-margin", default="200MB", metavar="SIZE",
                   help=tr("pause when less than this is free on the disk (default 200MB)"))
    # Plays a video file N times faster (demos, tests); live sources run in real time.
    p.add_argument("--speed", type=float, default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=run_capture)

    s = sub.add_parser("snap", help=tr("take one still now"))
    s.add_argument("piece", metavar="PIECE", help=tr("piece name or id"))
    s.add_argument("--source", required=True, metavar="SRC", help=src_help)
    s.add_argument("--disk-margin", default="200MB", metavar="SIZE", help=argparse.SUPPRESS)
    s.set_defaults(run=run_snap)


def _parse_common(args: argparse.Namespace) -> int:
    from coulisses.cli import UsageError

    try:
        return parse_size(args.disk_margin)
    except ValueError as exc:
        raise UsageError(tr("--disk-margin: {error}", error=str(exc))) from None


def _status_name(status: str) -> str:
    return {
        "starting": tr("starting"),
        "ok": tr("capturing"),
        "lost": tr("source lost, retrying"),
        "paused-disk-full": tr("paused: disk full"),
        "paused-write-error": tr("paused: write error"),
        "ended": tr("ended"),
        "stopped": tr("stopped"),
        "failed": tr("failed"),
    }.get(status, status)


def _status_text(state) -> str:
    last = (state.last_still.astimezone().strftime("%H:%M:%S") if state.last_still
            else tr("none yet"))
    text = tr("{kept} · {skipped} · last still {last} · {source}: {status}",
              kept=tr("%n kept", None, state.kept), skipped=tr("%n skipped", None, state.skipped),
              last=last, source=state.source, status=_status_name(str(state.status)))
    if state.missed:
        text += " · " + tr("%n missed (source lost, disk full or too short an interval)",
                           None, state.missed)
    return text


def run_capture(args: argparse.Namespace, ctx) -> int:
    from coulisses.capture.clock import AcceleratedClock, SystemClock
    from coulisses.capture.session import CaptureSession, CaptureSettings, Finish
    from coulisses.capture.sources import SourceUnavailable, open_source
    from coulisses.capture.videofile import VideoFileSource
    from coulisses.cli import Failure, UsageError
    from coulisses.jobs import CancelToken
    from coulisses.termui import StatusLine, ctrl_c_cancels
    from coulisses.units import parse_duration

    try:
        interval = parse_duration(args.every)
    except ValueError as exc:
        raise UsageError(tr("--every: {error}", error=str(exc))) from None
    duration = None
    if args.duration:
        try:
            duration = parse_duration(args.duration)
        except ValueError as exc:
            raise UsageError(tr("--for: {error}", error=str(exc))) from None
    if args.count is not None and args.count < 1:
        raise UsageError(tr("--count must be at least 1"))
    if args.speed is not None and args.speed <= 0:
        raise UsageError(tr("--speed must be positive"))
    margin = _parse_common(args)
    piece = ctx.journal.find_piece(args.piece)
    clock = AcceleratedClock(args.speed) if args.speed else SystemClock()
    try:
        source = open_source(args.source, clock=clock)
    except SourceUnavailable as exc:
        raise Failure(str(exc)) from None
    if args.speed and not isinstance(source, VideoFileSource):
        raise UsageError(tr("--speed only applies to a video file source"))
    settings = CaptureSettings(interval=interval, count=args.count, duration=duration,
                               keep_idle=args.keep_idle, disk_margin=margin)
    session = CaptureSession(ctx.journal, piece.id, source, settings, clock)
    events = session.events()
    line = StatusLine(ctx.err)
    token = CancelToken()

    def drain() -> None:
        # Outages, pauses and recoveries are said once, on their own line.
        while True:
            try:
                event = events.get_nowait()
            except queue.Empty:
                return
            if event.kind in ("lost", "recovered", "paused", "resumed"):
                line.done(event.state.message)
            elif event.kind == "started":
                line.done(tr("Capturing {piece!r} from {source}, one still every {every}. "
                             "Ctrl-C stops.", piece=piece.name, source=event.state.source,
                             every=args.every))

    with ctrl_c_cancels(token):
        session.start()
        while not session.wait(0.2):
            if token.cancelled:
                session.stop(wait=False)
            drain()
            if session.state.status != "starting":  # an open failure stays a single line
                line.show(_status_text(session.state))
        drain()
    line.done()
    state = session.state
    if state.finished == Finish.FAILED:
        raise Failure(state.error or state.message)
    ctx.say(tr("{piece}: {summary}", piece=piece.name, summary=state.message))
    return 0


def run_snap(args: argparse.Namespace, ctx) -> int:
    from coulisses.atomicio import DiskFullError
    from coulisses.capture.session import snap
    from coulisses.capture.sources import SourceUnavailable
    from coulisses.cli import Failure

    margin = _parse_common(args)
    piece = ctx.journal.find_piece(args.piece)
    try:
        capture = snap(ctx.journal, piece.id, args.source, disk_margin=margin)
    except SourceUnavailable as exc:
        raise Failure(str(exc)) from None
    except DiskFullError as exc:
        raise Failure(exc.strerror or str(exc)) from None
    ctx.say(tr("Took a still for {piece!r}.", piece=piece.name))
    ctx.say(capture.id)
    return 0
