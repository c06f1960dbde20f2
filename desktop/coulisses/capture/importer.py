"""Importing photos (files and folders) into a piece, at the time each was taken.

``import_photos`` is the engine both the CLI and the desktop app drive: it
takes a progress callback and a cancel token, never raises for a bad photo
(each is reported with its reason), and returns an immutable ``ImportReport``.

Duplicates are recognised two ways, both before decoding and at a cost that
does not grow with the piece: by name, since a still's file name holds its
time and its source's name (one ``stat``: a second import of the same card
is nearly free); and by content, through the piece's content index
(``journal.content_index``), so a copy of a photo under another name is not
stored twice.

A JPEG is stored as its own bytes (see ``photo_decode``); one photo that
cannot be read or written is reported and the others are still imported;
only a full disk stops an import.

Videos (MP4, MOV) named or found in folders are imported after the photos,
one at a time, as timed stills (``video_import``).
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Collection, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from coulisses.atomicio import DiskFullError, is_temp_name
from coulisses.capture.exif_time import FILE_DATE
from coulisses.capture.idle import IdleSettings
from coulisses.capture.photo_decode import (
    DAMAGED,
    MAX_SIDE,
    PHOTO_EXTENSIONS,
    UNREADABLE,
    DecodedStill,
    PhotoError,
    PhotoHeader,
    decode_still,
    opened,
    read_source,
)
from coulisses.capture.video_import import (
    VideoResult,
    VideoSettings,
    damaged_reason,
    decode_video,
    find_copy,
    grid_count,
)
from coulisses.capture.video_meta import (
    VideoInfo,
    is_video_name,
    probe,
    resolve_pace,
)
from coulisses.i18n import tr
from coulisses.jobs import CancelToken, Progress, ProgressCallback
from coulisses.journal import Capture, Journal, JournalError, is_journal_root, stills, utc_now
from coulisses.journal.content_index import SOURCE, ContentIndex, digest, for_piece
from coulisses.journal.ids import safe_filename_part
from coulisses.os_errors import describe_error, describe_os_error

log = logging.getLogger(__name__)

IMPORTED = "imported"
DUPLICATE = "duplicate"
SKIPPED = "skipped"
UNWRITABLE = "unwritable"  # the photo was read but the journal could not store it

# Names that are never finished photos: browser and sync-tool partial
# downloads, editor backups, and our own atomic-write temp files.
_PARTIAL_SUFFIXES = (".crdownload", ".part", ".partial", ".download", ".tmp", ".temp",
                     ".!ut", ".!qb", ".opdownload")


@dataclass(frozen=True, slots=True)
class PhotoOutcome:
    """What became of one file."""

    path: Path
    status: str  # IMPORTED | DUPLICATE | SKIPPED
    capture: Capture | None = None
    taken_at: datetime | None = None  # aware UTC
    time_source: str | None = None  # see coulisses.capture.exif_time
    reason: str | None = None  # why it was skipped
    kind: str | None = None  # PhotoError kind, for skipped files
    note: str | None = None  # imported, but worth saying (damaged EXIF)
    signature: tuple[int, int] | None = None  # (bytes, mtime_ns) of the file as read

    @property
    def no_exif_time(self) -> bool:
        return self.status != SKIPPED and self.time_source == FILE_DATE


@dataclass(frozen=True, slots=True)
class VideoOutcome:
    """What became of one video: its stills (``result``), or why none."""

    path: Path
    status: str  # IMPORTED (even with no new still) | DUPLICATE | SKIPPED
    result: VideoResult | None = None
    reason: str | None = None
    kind: str | None = None

    @property
    def captures(self) -> tuple[Capture, ...]:
        return self.result.captures if self.result is not None else ()

    @property
    def idle_skipped(self) -> int:
        return self.result.idle_skipped if self.result is not None else 0

    @property
    def video_seconds(self) -> float:
        return self.result.info.duration if self.result is not None else 0.0

    @property
    def mode(self) -> str:
        return self.result.mode if self.result is not None else ""


@dataclass(frozen=True, slots=True)
class ImportReport:
    outcomes: tuple[PhotoOutcome, ...] = ()
    ignored: tuple[Path, ...] = ()  # files in folders that are neither photos nor videos
    total: int = 0  # photo files found
    cancelled: bool = False
    stopped: str | None = None  # why the import stopped before the end (disk full…)
    seconds: float = 0.0
    videos: tuple[VideoOutcome, ...] = ()
    videos_total: int = 0  # video files found (but Live Photo clips)
    live_clips: tuple[Path, ...] = ()  # a Live Photo's clip, beside its photo: left alone

    def _with(self, status: str) -> tuple[PhotoOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == status)

    @property
    def imported(self) -> tuple[Capture, ...]:
        return tuple(o.capture for o in self._with(IMPORTED) if o.capture is not None)

    @property
    def duplicates(self) -> tuple[Path, ...]:
        return tuple(o.path for o in self._with(DUPLICATE))

    @property
    def skipped(self) -> tuple[tuple[Path, str], ...]:
        return tuple((o.path, o.reason or "") for o in self._with(SKIPPED))

    @property
    def no_exif(self) -> tuple[Path, ...]:
        """Photos whose time came from the file's date (no usable EXIF time)."""
        return tuple(o.path for o in self.outcomes if o.no_exif_time)

    @property
    def notes(self) -> tuple[tuple[Path, str], ...]:
        return tuple((o.path, o.note) for o in self.outcomes if o.note)

    @property
    def video_stills(self) -> tuple[Capture, ...]:
        return tuple(c for v in self.videos for c in v.captures)

    @property
    def complete(self) -> bool:
        """Every photo and video found is now in the journal (imported or already there)."""
        return not self.cancelled and self.stopped is None and not self._with(SKIPPED) \
            and len(self.outcomes) == self.total and len(self.videos) == self.videos_total \
            and all(v.status != SKIPPED and (v.result is None or v.result.lost is None)
                    for v in self.videos)


@dataclass(slots=True)
class FoundFiles:
    files: list[Path] = field(default_factory=list)
    problems: list[PhotoOutcome] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)


def is_partial_name(name: str) -> bool:
    """A name that is not (yet) a finished photo: hidden, temp, partial download."""
    low = name.lower()
    return (name.startswith((".", "~")) or is_temp_name(name) or low.endswith(_PARTIAL_SUFFIXES)
            or low.startswith("~$"))


def is_photo_name(name: str) -> bool:
    return not is_partial_name(name) and os.path.splitext(name)[1].lower() in PHOTO_EXTENSIONS


def is_importable_name(name: str) -> bool:
    """A photo or a video an import takes from a folder."""
    return is_photo_name(name) or (not is_partial_name(name) and is_video_name(name))


def collect_photos(paths: Iterable[str | os.PathLike[str]],
                   exclude: Path | None = None) -> FoundFiles:
    """Files named directly, plus photos and videos found in named folders (recursively).

    A named file is always tried, whatever its extension; inside folders only
    photo and video extensions are taken (a camera card also holds RAW files).
    ``exclude`` (the journal's own folder) is never walked into.
    """
    out = FoundFiles()
    seen: set[Path] = set()
    excluded = resolved(exclude) if exclude is not None else None

    def add(p: Path) -> None:
        key = resolved(p)
        if key not in seen:
            seen.add(key)
            out.files.append(p)

    def unreadable(exc: OSError) -> None:
        out.problems.append(PhotoOutcome(
            Path(exc.filename or "?"), SKIPPED, kind=UNREADABLE,
            reason=tr("the folder cannot be read ({error})", error=describe_os_error(exc))))

    def walkable(folder: Path) -> bool:
        # A folder that cannot be looked into is still walked: the walk names it.
        if folder.name.startswith("."):
            return False
        return not (excluded and _inside(resolved(folder), excluded)) \
            and not is_journal_root(folder)

    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            there = is_dir or os.path.lexists(path)  # a broken link is there: opened() says why
        except OSError as exc:  # its parent folder cannot be read
            out.problems.append(PhotoOutcome(path, SKIPPED, kind=UNREADABLE, reason=tr(
                "it cannot be read ({error})", error=describe_os_error(exc))))
            continue
        if is_dir:
            if excluded is not None and _inside(resolved(path), excluded):
                out.problems.append(PhotoOutcome(path, SKIPPED, reason=tr(
                    "it is inside the Coulisses journal folder"), kind=UNREADABLE))
                continue
            for folder, dirs, names in os.walk(path, onerror=unreadable):
                here = Path(folder)
                dirs[:] = sorted(d for d in dirs if walkable(here / d))
                for name in sorted(names):
                    if is_importable_name(name):
                        add(here / name)
                    elif not is_partial_name(name):
                        out.ignored.append(here / name)
        elif there:
            add(path)
        else:
            out.problems.append(PhotoOutcome(path, SKIPPED, reason=tr(
                "there is no such file or folder"), kind=UNREADABLE))
    return out


def resolved(p: Path) -> Path:
    """``p`` with its links followed, as far as they lead; never raises.

    A link that points to itself (``ln -s pic.jpg pic.jpg``) makes ``resolve()``
    raise RuntimeError before Python 3.13 (OSError since): such an entry is
    still listed, and reading it says what is wrong.
    """
    try:
        return p.resolve()
    except (OSError, RuntimeError):
        return p.absolute()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


@dataclass(slots=True)
class _Prepared:
    header: PhotoHeader
    still: DecodedStill | None  # None: already in the journal
    source: bytes = b""  # the photo file's bytes (dropped once hashed when not stored as is)
    size: int = 0  # how many bytes the photo file has
    _digest: str | None = None

    def source_digest(self) -> str:
        """The content hash of the photo file, computed once and only when needed."""
        if self._digest is None:
            self._digest = digest(self.source)
        return self._digest


def source_stem(name: str) -> str:
    """The part of a photo's name a still keeps: ``IMG_9000.jpg`` -> ``IMG_9000``.

    The still's own ``.jpg`` follows it, so the name is not doubled
    (``~IMG_9000.jpg``, where older journals have ``~IMG_9000.jpg.jpg``).
    """
    return os.path.splitext(name)[0] or name


def _prepare(journal: Journal, piece_id: str, path: Path, max_side: int,
             index: ContentIndex) -> _Prepared:
    """Header, duplicate checks, then the still to store (runs on a worker thread)."""
    with opened(path) as (img, header, fh):
        if _already_stored(journal, piece_id, index.piece_folder, header.taken.when, path.name):
            return _Prepared(header, None)
        source = read_source(fh)
        prepared = _Prepared(header, None, source, len(source))
        with index.locked():  # a copy under another name: no need to decode it
            if index.find(prepared.size, prepared.source_digest) is not None:
                return prepared
        prepared.still = decode_still(img, header, max_side, prepared.source)
        if not prepared.still.original:
            prepared.source_digest()  # recorded for a HEIC/PNG (hashed here, in parallel)
            # Only the re-encoded still waits to be stored: a big PNG's bytes need not.
            prepared.source = b""
        return prepared


def _already_stored(journal: Journal, piece_id: str, piece_folder: Path, when: datetime,
                    name: str) -> bool:
    """The same shot is in the piece: same time and same source name, or same name stem.

    Both names a still may carry are checked: ``~IMG_9000.jpg`` (the stem) and,
    from older versions, ``~IMG_9000.jpg.jpg`` (the whole name). The stem rule
    also catches one shot arriving twice in two formats (a phone's IMG_0042.HEIC,
    then its exported IMG_0042.JPG): same instant, same stem. Only the one day
    folder of that instant is listed, so the cost does not grow with the piece.
    """
    stem = source_stem(name)
    if journal.has_still(piece_id, when, stem) or journal.has_still(piece_id, when, name):
        return True
    part = safe_filename_part(stem)
    day = stills.still_path(piece_folder, stills.capture_id(when, 0, None)).parent
    prefix = stills.stamp(when)
    try:
        with os.scandir(day) as entries:
            for entry in entries:
                name_ = entry.name
                if not (name_.startswith(prefix) and name_.endswith(stills.EXT)):
                    continue  # another instant (the stamp holds the time to the ms)
                parsed = stills.parse_capture_id(name_[: -len(stills.EXT)])
                if parsed and parsed[2] and part in (parsed[2], os.path.splitext(parsed[2])[0]):
                    return True
    except FileNotFoundError:
        pass
    return False


def _store(journal: Journal, piece_id: str, path: Path, prepared: _Prepared,
           index: ContentIndex) -> PhotoOutcome:
    """Store a prepared photo (serially); one photo's write failure skips only that photo."""
    header = prepared.header
    note = header.taken.problem
    if note is None and header.taken.when > utc_now() + timedelta(days=1):
        note = tr("its capture time is in the future; is the camera's clock set right?")
    common: dict[str, Any] = {"taken_at": header.taken.when,
                              "time_source": header.taken.source, "note": note,
                              "signature": header.signature}
    still = prepared.still
    if still is None or _already_stored(journal, piece_id, index.piece_folder,
                                        header.taken.when, path.name):
        # (checked again here, serially: two forms of one shot in the same import)
        return PhotoOutcome(path, DUPLICATE, **common)
    try:
        with index.locked():  # check-then-store, safe against a second importer
            if index.find(prepared.size, prepared.source_digest) is not None:
                return PhotoOutcome(path, DUPLICATE, **common)  # a copy under another name
            capture = journal.add_still(piece_id, still.jpeg, header.taken.when,
                                        thumbnail=still.thumbnail,
                                        source=source_stem(path.name), skip_duplicate=True)
            if capture is None:  # the same photo twice in this import (two copies of a folder)
                return PhotoOutcome(path, DUPLICATE, **common)
            index.add(capture.id, len(still.jpeg), None)  # hashed if ever a twin size comes
            if not still.original:  # the same HEIC or PNG is known again by its own bytes
                index.add(capture.id, prepared.size, prepared.source_digest(), SOURCE)
    except DiskFullError:
        raise  # the whole import stops: no other photo would fit either
    except (OSError, JournalError) as exc:
        # One photo that cannot be written (a name the file system refuses, an I/O
        # error on that file) must not end the import of the others.
        log.warning("storing %s failed: %s", path, exc)
        return PhotoOutcome(path, SKIPPED, kind=UNWRITABLE, reason=tr(
            "it could not be written into the journal ({error})", error=describe_error(exc)),
            **common)
    return PhotoOutcome(path, IMPORTED, capture=capture, **common)


def _unexpected() -> str:
    # A library's own words ("cannot identify image file …") go to the log, not here.
    return tr("it could not be imported (an unexpected error; the details were logged)")


def _skipped(path: Path, exc: PhotoError) -> PhotoOutcome:
    try:  # remembered so a watch folder does not report the same broken file again
        st = path.stat()
        signature: tuple[int, int] | None = (st.st_size, st.st_mtime_ns)
    except OSError:
        signature = None
    return PhotoOutcome(path, SKIPPED, reason=exc.reason, kind=exc.kind, signature=signature)


def content_index(journal: Journal, piece_id: str) -> ContentIndex:
    return for_piece(journal.piece(piece_id).folder)


def import_one(journal: Journal, piece_id: str, path: Path,
               max_side: int = MAX_SIDE) -> PhotoOutcome:
    """Import one photo; a bad photo or one failed write comes back SKIPPED.

    Raises only ``DiskFullError`` (and JournalError for a piece that is gone).
    """
    path = Path(path)
    index = content_index(journal, piece_id)
    try:
        prepared = _prepare(journal, piece_id, path, max_side, index)
    except PhotoError as exc:
        return _skipped(path, exc)
    except Exception:  # never let one odd file stop a watch folder
        log.exception("importing %s failed", path)
        return PhotoOutcome(path, SKIPPED, kind=DAMAGED, reason=_unexpected())
    return _store(journal, piece_id, path, prepared, index)


def default_workers() -> int:
    # Decoding, resizing and encoding release the GIL: one worker per core.
    return max(1, min(4, os.cpu_count() or 1))


def import_photos(journal: Journal, piece_id: str, paths: Sequence[str | os.PathLike[str]], *,
                  progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                  max_side: int = MAX_SIDE, workers: int | None = None,
                  video: VideoSettings | None = None) -> ImportReport:
    """Import photos, videos and folders of them into ``piece_id``; see the module doc.

    ``video`` says how videos become stills (interval, idle skipping, speed-up).
    Raises only for a piece that does not exist. Cancelling keeps every still
    already stored; a full disk stops the import with ``report.stopped`` set.
    """
    index = content_index(journal, piece_id)  # PieceNotFound before any work
    started = time.monotonic()
    found = collect_photos(paths, exclude=journal.home)
    files = [p for p in found.files if not is_video_name(p.name)]
    video_files = [p for p in found.files if is_video_name(p.name)]
    settings = video or VideoSettings()
    cancel = cancel or CancelToken()
    report_progress = progress or (lambda _p: None)
    photo_stems = {(p.parent, source_stem(p.name).lower()) for p in files}
    videos, planned, live = _probe_videos(video_files, settings, photo_stems)
    total = len(files)
    units = total + sum(planned.values())
    outcomes: list[PhotoOutcome] = list(found.problems)
    report_progress(Progress(0, units, "", started))
    stopped: str | None = None
    n_workers = workers or default_workers()
    # Bounded look-ahead: decoded stills wait in memory only a few at a time.
    window = n_workers * 2
    pending: deque[tuple[Path, Future[_Prepared]]] = deque()
    queue = iter(files)
    done = 0
    with ThreadPoolExecutor(max_workers=n_workers, thread_name_prefix="import") as pool:
        try:
            while True:
                while len(pending) < window and not cancel.cancelled:
                    nxt = next(queue, None)
                    if nxt is None:
                        break
                    pending.append((nxt, pool.submit(_prepare, journal, piece_id, nxt, max_side,
                                                     index)))
                if not pending or cancel.cancelled:
                    break
                path, future = pending.popleft()
                try:
                    outcome = _store(journal, piece_id, path, future.result(), index)
                except PhotoError as exc:
                    outcome = _skipped(path, exc)
                except DiskFullError:
                    stopped = _disk_full()
                    break
                except (OSError, JournalError) as exc:
                    stopped = _not_written(exc)
                    break
                except Exception:  # a decoder bug on one odd file must not stop the rest
                    log.exception("importing %s failed", path)
                    outcome = PhotoOutcome(path, SKIPPED, kind=DAMAGED, reason=_unexpected())
                outcomes.append(outcome)
                done += 1
                report_progress(Progress(done, units, path.name, started))
        finally:
            for _, future in pending:
                future.cancel()
    photos_cancelled = cancel.cancelled and done < total and stopped is None
    video_outcomes: list[VideoOutcome] = []
    base = done
    for path, info in videos:
        if cancel.cancelled or stopped is not None:
            break
        if isinstance(info, VideoOutcome):
            video_outcomes.append(info)
            base += planned.get(path, 0)
            continue

        def on_video(d: int, _t: int, base: int = base, name: str = path.name) -> None:
            report_progress(Progress(base + d, units, name, started))

        try:
            outcome_v = _import_video(journal, piece_id, info, settings, index, on_video, cancel)
        except DiskFullError:
            stopped = _disk_full()
            break
        except (OSError, JournalError) as exc:
            stopped = _not_written(exc)
            break
        video_outcomes.append(outcome_v)
        if cancel.cancelled:
            break  # the bar stays where the video stopped
        base += planned.get(path, 0)
        report_progress(Progress(base, units, path.name, started))
    cancelled = photos_cancelled or (cancel.cancelled and stopped is None and (
        len(video_outcomes) < len(videos)
        or any(v.result is not None and v.result.cancelled for v in video_outcomes)))
    return ImportReport(tuple(outcomes), tuple(found.ignored), total + len(found.problems),
                        cancelled, stopped, time.monotonic() - started, tuple(video_outcomes),
                        len(videos), tuple(live))


def _disk_full() -> str:
    return tr("the disk holding the journal is full; free some space and "
              "import again (photos already imported are kept)")


def _not_written(exc: BaseException) -> str:
    return tr("the journal could not be written ({error})", error=describe_error(exc))


# An iPhone's Live Photo is IMG_0042.HEIC plus a ~3 s IMG_0042.MOV of the same moment.
LIVE_PHOTO_SECONDS = 4.0


def _probe_videos(paths: Sequence[Path], settings: VideoSettings,
                  photo_stems: Collection[tuple[Path, str]] = ()
                  ) -> tuple[list[tuple[Path, VideoInfo | VideoOutcome]], dict[Path, int],
                             list[Path]]:
    """Each video's header read (or why not), how many stills it may give (progress), and
    the moving parts of Live Photos whose photo is in the same import (left alone)."""
    out: list[tuple[Path, VideoInfo | VideoOutcome]] = []
    planned: dict[Path, int] = {}
    live: list[Path] = []
    for path in paths:
        try:
            info = probe(path)
        except PhotoError as exc:
            out.append((path, VideoOutcome(path, SKIPPED, reason=exc.reason, kind=exc.kind)))
            continue
        except Exception as exc:  # a library's odd refusal: one video, not the import
            reason, kind = damaged_reason(exc)
            out.append((path, VideoOutcome(path, SKIPPED, reason=reason, kind=kind)))
            continue
        if info.duration <= LIVE_PHOTO_SECONDS \
                and (path.parent, source_stem(path.name).lower()) in photo_stems:
            live.append(path)  # the photo is the shot; its clip would be a second copy
            continue
        pace = resolve_pace(info, settings.speedup, settings.real_duration)
        planned[path] = grid_count(info.duration, settings.every / pace.speedup)
        out.append((path, info))
    return out, planned, live


def _import_video(journal: Journal, piece_id: str, info: VideoInfo, settings: VideoSettings,
                  index: ContentIndex, on_progress, cancel: CancelToken) -> VideoOutcome:
    if find_copy(index, info) is not None:
        return VideoOutcome(info.path, DUPLICATE)
    try:
        result = decode_video(journal, piece_id, info, settings, index, progress=on_progress,
                              cancel=cancel)
    except (DiskFullError, OSError, JournalError):
        raise
    except Exception as exc:  # a decoder bug on one odd video must not stop the rest
        log.exception("importing %s failed", info.path)
        reason, kind = damaged_reason(exc)
        return VideoOutcome(info.path, SKIPPED, reason=reason, kind=kind)
    if not result.captures and result.already and result.lost is None:
        return VideoOutcome(info.path, DUPLICATE, result)
    return VideoOutcome(info.path, IMPORTED, result)


def video_settings(interval: float, skip_idle: bool = True,
                   idle: IdleSettings | None = None, *, speedup: float | None = None,
                   real_duration: float | None = None) -> VideoSettings:
    """The settings of a video import from a capture's own (interval, idle skipping)."""
    return VideoSettings(every=interval, keep_idle=not skip_idle, idle=idle or IdleSettings(),
                         speedup=speedup, real_duration=real_duration)


def videos_without_pace(journal: Journal, paths: Sequence[str | os.PathLike[str]]
                        ) -> list[VideoInfo]:
    """The videos among ``paths`` (and in their folders) whose file does not say how fast
    they were filmed: the ones to ask about before importing (a time-lapse?)."""
    found = collect_photos(paths, exclude=journal.home)
    photo_stems = {(p.parent, source_stem(p.name).lower()) for p in found.files
                   if not is_video_name(p.name)}
    videos = [p for p in found.files if is_video_name(p.name)]
    probed, _planned, _live = _probe_videos(videos, VideoSettings(), photo_stems)
    return [info for _path, info in probed
            if isinstance(info, VideoInfo) and info.capture_fps is None]
