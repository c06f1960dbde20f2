"""``coulisses import PIECE PATH... [--watch]``: photos join the piece at the time they were taken.

Exit status: 0 when every photo is in the journal (already-imported ones
count), 1 when some files were skipped or the import stopped early, 2 for a
usage error, 130 when Ctrl-C stopped an import before the end (what was
imported stays). With ``--watch``, Ctrl-C is the normal way out.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from coulisses.capture.exif_time import FILE_DATE
from coulisses.capture.importer import (
    IMPORTED,
    SKIPPED,
    ImportReport,
    PhotoOutcome,
    import_photos,
)
from coulisses.capture.photo_decode import INCOMPLETE
from coulisses.capture.watch_folder import DEFAULT_INTERVAL, DEFAULT_SETTLE, FolderWatcher
from coulisses.cli import UsageError
from coulisses.i18n import tr
from coulisses.jobs import CancelToken, Progress
from coulisses.termui import StatusLine, ctrl_c_cancels, progress_bar
from coulisses.units import parse_duration

LOG_AFTER = 5.0  # seconds
MAX_LISTED = 20  # names listed in full; beyond this, a count (the terminal stays readable)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help=tr("import photos or folders, placed at the time they were taken"),
        description=tr("Import photos (JPEG, PNG, HEIC) and folders of photos into a piece. "
                       "Each photo is placed at its EXIF capture time, else at its file date. "
                       "The original files are never changed."))
    p.add_argument("piece", metavar="PIECE", help=tr("piece id or name"))
    p.add_argument("paths", metavar="PATH", nargs="+", help=tr("photo files or folders"))
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
    if args.watch:
        not_folders = [p for p in paths if not _is_folder(p)]
        if not_folders:
            raise UsageError(tr("--watch needs folders, and {path} is not a folder",
                                path=not_folders[0]))
    journal = ctx.journal
    piece = journal.find_piece(args.piece)
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
        report = import_photos(journal, piece.id, todo, progress=on_progress, cancel=token)
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
    skipped = [o for o in report.outcomes if o.status == SKIPPED]
    if watching:  # a file still being copied will be taken by the watcher
        skipped = [o for o in skipped if o.kind != INCOMPLETE]
    if known:
        ctx.say(tr("Taken by this watch before, left alone even if moved, hidden or "
                   "deleted since: {n}.", n=known))
    elif report.total == 0 and not report.ignored:
        ctx.warn(tr("No photos found in the given paths."))
    elif report.total == 0:
        ctx.warn(tr("No photos found: the files there are not JPEG, PNG or HEIC photos."))
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
    if report.ignored and report.total:
        ctx.say(tr("Other files left alone (not JPEG, PNG or HEIC photos): {n}.",
                   n=len(report.ignored)))
    if skipped:
        ctx.warn(tr("Skipped ({n}):", n=len(skipped)))
        for o in skipped:
            ctx.warn(tr("  {path}: {reason}", path=o.path, reason=o.reason))
    if report.stopped:
        ctx.warn(tr("The import stopped: {reason}.", reason=report.stopped))
        return 1
    if report.cancelled:
        left = report.total - len(report.outcomes)
        ctx.warn(tr("Import interrupted before {left} more photos; run the same command "
                    "again to finish (nothing will be imported twice).", left=left))
        return 130
    return 1 if skipped else 0


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # inside a folder that cannot be read: not a folder we can watch
        return False
