"""``coulisses import PIECE PATH... [--watch] [--speedup X | --real-duration D]``.

Photos join the piece at the time they were taken; videos become stills at
the real time each frame shows (``capture.video_import``).

Exit status: 0 when every photo and video is in the journal (already-imported
ones count), 1 when some files were skipped, a video could not be read to its
end or the import stopped early, 2 for a usage error, 130 when Ctrl-C stopped
an import before the end (what was imported stays). With ``--watch``, Ctrl-C
is the normal way out.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from coulisses.capture.exif_time import FILE_DATE
from coulisses.capture.importer import (
    DUPLICATE,
    IMPORTED,
    SKIPPED,
    ImportReport,
    PhotoOutcome,
    VideoOutcome,
    collect_photos,
    import_photos,
    video_settings,
)
from coulisses.capture.photo_decode import INCOMPLETE
from coulisses.capture.video_meta import (
    APPLE_CREATIONDATE,
    CREATION_TIME,
    PACE_CAPTURE_FPS,
    PACE_REAL_DURATION,
    PACE_SPEEDUP,
    is_video_name,
)
from coulisses.capture.watch_folder import DEFAULT_INTERVAL, DEFAULT_SETTLE, FolderWatcher
from coulisses.cli import UsageError
from coulisses.i18n import tr
from coulisses.jobs import CancelToken, Progress
from coulisses.termui import StatusLine, ctrl_c_cancels, progress_bar
from coulisses.units import format_duration, parse_duration

LOG_AFTER = 5.0  # seconds
MAX_LISTED = 20  # names listed in full; beyond this, a count (the terminal stays readable)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help=tr("import photos, videos or folders, placed at the time they were taken"),
        description=tr("Import photos (JPEG, PNG, HEIC), videos (MP4, MOV) and folders of them "
                       "into a piece. Each photo is placed at its EXIF capture time, else at its "
                       "file date; a video becomes a still every few seconds of real time, from "
                       "the time the file says it was filmed. The original files are never "
                       "changed."))
    p.add_argument("piece", metavar="PIECE", help=tr("piece id or name"))
    p.add_argument("paths", metavar="PATH", nargs="+", help=tr("photo or video files, or folders"))
    pace = p.add_mutually_exclusive_group()
    pace.add_argument("--speedup", metavar="X", type=float, default=None, help=tr(
        "videos are time-lapses sped up X times (60: a minute of work in a second of video)"))
    pace.add_argument("--real-duration", metavar="DURATION", default=None, help=tr(
        "the video is a time-lapse of DURATION of real work (e.g. 2h)"))
    p.add_argument("--interval", metavar="DURATION", default=None, help=tr(
        "videos: one still every DURATION of real time (default: the capture interval of "
        "your preferences)"))
    p.add_argument("--keep-idle", action="store_true", help=tr(
        "videos: keep every still, even when nothing moved"))
    p.add_argument("--watch", action="store_true", help=tr(
        "keep running and import each new photo that appears in the folders (Ctrl-C stops)"))
    p.add_argument("--settle", metavar="DURATION", default=None, help=tr(
        "with --watch: how long a new file must stay unchanged before it is taken "
        "(default: 2s; raise it for slow network copies)"))
    p.add_argument("--every", metavar="DURATION", default=None, help=tr(
        "with --watch: how often to look in the folders (default: 1s)"))
    p.set_defaults(run=run)


def _duration(text: str | None, default: float, option: str) -> float:
    if text is None:
        return default
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise UsageError(tr("{option}: {error}", option=option, error=exc)) from None


def run(args: argparse.Namespace, ctx) -> int:
    settle = _duration(args.settle, DEFAULT_SETTLE, "--settle")
    every = _duration(args.every, DEFAULT_INTERVAL, "--every")
    if not args.watch and (args.settle is not None or args.every is not None):
        raise UsageError(tr("--settle and --every only apply with --watch"))
    paths = [Path(p) for p in args.paths]
    video = _video_settings(args)
    if args.watch:
        not_folders = [p for p in paths if not _is_folder(p)]
        if not_folders:
            raise UsageError(tr("--watch needs folders, and {path} is not a folder",
                                path=not_folders[0]))
    journal = ctx.journal
    piece = journal.find_piece(args.piece)
    if args.real_duration is not None:
        found = [p for p in collect_photos(paths, exclude=journal.home).files
                 if is_video_name(p.name)]
        if len(found) > 1:
            raise UsageError(tr("--real-duration is the real time one video covers, and {n} "
                                "videos were given: import them one at a time, or use --speedup",
                                n=len(found)))
    token = CancelToken()
    status = StatusLine(ctx.err)

    def on_progress(p: Progress) -> None:
        # Off a terminal (logs, scripts) only long imports report progress.
        if p.total and (status.tty or time.monotonic() - p.started > LOG_AFTER):
            status.show(progress_bar(p, tr("Importing")), force=status.tty and p.done == p.total)

    watcher: FolderWatcher | None = None
    if args.watch:  # made first: it refuses a folder inside the journal before any work
        watcher = FolderWatcher(journal, piece.id, paths, settle=settle, interval=every,
                                on_outcome=lambda o: _say_outcome(ctx, o),
                                on_error=ctx.warn)
    with ctrl_c_cancels(token):
        todo: list[Path] = paths
        if watcher is not None:  # what a watch of this piece took stays out, moved or not
            todo = watcher.fresh_files()
        report = import_photos(journal, piece.id, todo, progress=on_progress, cancel=token,
                               video=video)
        status.done()
        code = _summarise(ctx, piece.name, report, watching=args.watch,
                          known=watcher.known_before if watcher is not None else 0)
        if watcher is None or token.cancelled or report.stopped:
            return code
        watcher.mark_handled(report.outcomes)
        folders = ", ".join(str(p) for p in paths)
        ctx.warn(tr("Watching {folders} for new photos. Press Ctrl-C to stop.", folders=folders))
        watcher.run(token)
    ctx.warn(tr("Stopped watching. New photos imported: {imported}; skipped: {skipped}.",
                imported=watcher.imported, skipped=watcher.skipped))
    return 1 if code or watcher.skipped else 0


def _video_settings(args: argparse.Namespace):
    from coulisses.preferences import idle_settings, load_preferences

    if args.speedup is not None and not (0 < args.speedup < 1e6):
        raise UsageError(tr("--speedup must be a number above zero (60: sixty times faster)"))
    real = _duration(args.real_duration, 0.0, "--real-duration") or None
    prefs, _problem = load_preferences()  # a damaged file is said when the journal opens
    interval = _duration(args.interval, prefs.interval, "--interval")
    return video_settings(interval, not args.keep_idle and prefs.skip_idle,
                          idle_settings(prefs.idle_sensitivity), speedup=args.speedup,
                          real_duration=real)


def _say_outcome(ctx, o: PhotoOutcome) -> None:
    if o.status == IMPORTED and o.taken_at is not None:
        when = o.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if o.time_source == FILE_DATE:
            ctx.say(tr("Imported {name} (taken {when}, from the file date: no EXIF time).",
                       name=o.path.name, when=when))
        else:
            ctx.say(tr("Imported {name} (taken {when}).", name=o.path.name, when=when))
        if o.note:
            ctx.warn(tr("{path}: {note}.", path=o.path, note=o.note))
    elif o.status == SKIPPED:
        ctx.warn(tr("Skipped {path}: {reason}.", path=o.path, reason=o.reason))


def _names(paths: Sequence[Path]) -> str:
    shown = ", ".join(p.name for p in paths[:MAX_LISTED])
    if len(paths) > MAX_LISTED:
        shown += " " + tr("and {n} more", n=len(paths) - MAX_LISTED)
    return shown


def _summarise(ctx, piece_name: str, report: ImportReport, watching: bool,
               known: int = 0) -> int:
    imported = report.imported
    duplicates = report.duplicates
    skipped: list[PhotoOutcome | VideoOutcome] = [o for o in report.outcomes
                                                  if o.status == SKIPPED]
    skipped += [v for v in report.videos if v.status == SKIPPED]
    if watching:  # a file still being copied will be taken by the watcher
        skipped = [o for o in skipped if o.kind != INCOMPLETE]
    videos = report.videos_total
    if known:
        ctx.say(tr("Taken by this watch before, left alone even if moved, hidden or "
                   "deleted since: {n}.", n=known))
    elif report.total == 0 and not videos and not report.ignored:
        ctx.warn(tr("No photos or videos found in the given paths."))
    elif report.total == 0 and not videos:
        ctx.warn(tr("No photos or videos found: the files there are not JPEG, PNG or HEIC "
                    "photos, nor MP4 or MOV videos."))
    if report.total or not videos:
        ctx.say(tr("Photos imported into {piece!r}: {n}.", n=len(imported), piece=piece_name))
    if imported:
        times = sorted(c.time for c in imported)
        ctx.say(tr("They were taken from {start} to {end}.",
                   start=times[0].astimezone().strftime("%Y-%m-%d %H:%M"),
                   end=times[-1].astimezone().strftime("%Y-%m-%d %H:%M")))
    if duplicates:
        ctx.say(tr("Already in the piece, left as they are: {n}.", n=len(duplicates)))
    if report.no_exif:
        ctx.say(tr("No EXIF capture time, so the file date was used ({n}): {names}",
                   n=len(report.no_exif), names=_names(report.no_exif)))
    for path, note in report.notes:
        ctx.warn(tr("{path}: {note}; it was imported anyway.", path=path, note=note))
    if report.ignored and (report.total or videos):
        ctx.say(tr("Other files left alone (not photos or videos): {n}.",
                   n=len(report.ignored)))
    if report.live_clips:
        ctx.say(tr("Clips of Live Photos left alone (their photo is the shot): {n}.",
                   n=len(report.live_clips)))
    lost = False
    for v in report.videos:
        lost = _say_video(ctx, piece_name, v) or lost
    if skipped:
        ctx.warn(tr("Skipped ({n}):", n=len(skipped)))
        for o in skipped:
            ctx.warn(tr("  {path}: {reason}", path=o.path, reason=o.reason))
    if report.stopped:
        ctx.warn(tr("The import stopped: {reason}.", reason=report.stopped))
        return 1
    if report.cancelled:
        left = report.total - len(report.outcomes)
        if left:
            ctx.warn(tr("Import interrupted before {left} more photos; run the same command "
                        "again to finish (nothing will be imported twice).", left=left))
        else:
            ctx.warn(tr("Import interrupted before the end of the videos; run the same "
                        "command again to finish (nothing will be imported twice)."))
        return 130
    return 1 if skipped or lost else 0


def _pace_text(v: VideoOutcome) -> str:
    r = v.result
    assert r is not None
    speed = f"{r.pace.speedup:.3g}"
    if r.pace.source == PACE_CAPTURE_FPS:
        return tr("a time-lapse at {speed}x, from the capture rate the file gives ({fps:.3g} "
                  "frames a second)", speed=speed, fps=r.info.capture_fps or 0.0)
    if r.pace.source == PACE_SPEEDUP:
        return tr("a time-lapse at {speed}x, as --speedup says", speed=speed)
    if r.pace.source == PACE_REAL_DURATION:
        return tr("a time-lapse of {real} of real time, as --real-duration says ({speed}x)",
                  real=format_duration(r.real_seconds), speed=speed)
    if not r.info.has_audio:  # phones film time-lapses without sound
        return tr("filmed in real time (the file gives no capture rate; it has no sound, as a "
                  "phone's time-lapses: if it is one, give --speedup or --real-duration)")
    return tr("filmed in real time (the file gives no capture rate; for a time-lapse, give "
              "--speedup or --real-duration)")


def _time_text(v: VideoOutcome) -> str:
    r = v.result
    assert r is not None
    if r.info.time_source == APPLE_CREATIONDATE:
        return tr("the filming date the file gives (Apple's creation date, with its time zone)")
    if r.info.time_source == CREATION_TIME:
        return tr("the creation time the file gives")
    return tr("none in the file, so the file date was used, as the end of filming")


def _say_video(ctx, piece_name: str, v: VideoOutcome) -> bool:
    """Say what became of one video; True when part of it could not be read."""
    name = v.path.name
    if v.status == DUPLICATE and v.result is None:
        ctx.say(tr("{name}: already in the piece (the same file was imported before), "
                   "left as it is.", name=name))
        return False
    if v.status == SKIPPED or v.result is None:
        return False  # listed with the skipped files
    r = v.result
    stills = r.captures
    ctx.say(tr("{name}: {stills} imported into {piece!r} from {video} of video.", name=name,
               stills=tr("%n still(s)", None, len(stills)), piece=piece_name,
               video=format_duration(r.info.duration)))
    end = r.start + timedelta(seconds=r.real_seconds)
    ctx.say("  " + tr("Filmed from {start} to {end}: {pace}.",
                      start=r.start.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                      end=end.astimezone().strftime("%Y-%m-%d %H:%M:%S"), pace=_pace_text(v)))
    ctx.say("  " + tr("Its time: {source}.", source=_time_text(v)))
    if r.idle_skipped:
        ctx.say("  " + tr("Idle stills skipped (nothing moved): {n}.", n=r.idle_skipped))
    if r.already:
        ctx.say("  " + tr("Already in the piece, left as they are: {n}.", n=r.already))
    if r.lost:
        ctx.warn(tr("{path}: {lost}; the stills before it were imported.", path=v.path,
                    lost=r.lost))
        return True
    return False



def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # inside a folder that cannot be read: not a folder we can watch
        return False
