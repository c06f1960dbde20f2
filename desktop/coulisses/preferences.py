"""The maker's preferences: declared once, typed, with defaults; plain Python, no Qt.

They live in a JSON file in the user config folder rather than in QSettings
or the journal: the journal folder is itself a preference, and the CLI (which
never loads Qt) reads the same defaults. Each field declares its own limits
(``choices`` or ``bounds`` in its metadata); loading, the dialog and the CLI
all read them from there.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coulisses import APP_ID
from coulisses.atomicio import fsync_dir, write_text
from coulisses.i18n import QT_TRANSLATE_NOOP, quote, tr, translate
from coulisses.os_errors import describe_os_error

if TYPE_CHECKING:
    from coulisses.capture.idle import IdleSettings

log = logging.getLogger(__name__)

ENV_CONFIG = "COULISSES_CONFIG"
FILE_NAME = "preferences.json"
DAMAGED_SUFFIX = ".damaged"


def _choices(*values: str) -> dict[str, Any]:
    return {"choices": values}


def _bounds(low: float, high: float) -> dict[str, Any]:
    return {"bounds": (low, high)}


@dataclass(frozen=True, slots=True)
class Preferences:
    # A camera index, a stream URL, a video file, or "screen".
    default_source: str = field(default="0", metadata={"nonempty": True})
    interval: float = field(default=10.0, metadata=_bounds(0.5, 86_400.0))  # seconds
    skip_idle: bool = True
    idle_sensitivity: int = field(default=2, metadata=_bounds(1, 3))  # 1 low … 3 high
    journal_folder: str = ""  # "" = the default (coulisses.journal.home.resolve_home)
    language: str = field(default="system", metadata=_choices("system", "fr", "en"))
    # Same names as coulisses.export.presets.PRESETS (a test keeps them in step).
    export_preset: str = field(default="reels", metadata=_choices("reels", "tiktok", "shorts"))
    export_duration: float = field(default=30.0, metadata=_bounds(3.0, 600.0))  # seconds
    export_layout: str = field(default="fill", metadata=_choices("fill", "fit"))
    # The name reels are signed with (credentials.identity.set_maker_name). "" = never
    # given: the identity keeps the name it has, a new one says NEUTRAL_NAME.
    maker_name: str = ""
    # The phone companion: a Result flag makes the reel in the background (issue 24).
    auto_reel: bool = True

    def replace(self, **changes: Any) -> Preferences:
        """A copy with ``changes``; raises ValueError for a value outside its field's limits."""
        changes = {name: _coerce(name, value) for name, value in changes.items()}
        for name, value in changes.items():
            problem = _check(name, value)
            if problem:
                raise ValueError(problem)
        return replace(self, **changes)


_DEFAULTS = Preferences()
_FIELDS = {f.name: f for f in fields(Preferences)}

# What the maker reads for each field: the preferences window's own labels.
_LABEL_CONTEXT = "PreferencesDialog"
_LABELS = {
    "default_source": QT_TRANSLATE_NOOP("PreferencesDialog", "Default source:"),
    "interval": QT_TRANSLATE_NOOP("PreferencesDialog", "One still every:"),
    "skip_idle": QT_TRANSLATE_NOOP("PreferencesDialog", "Skip stills where nothing moved"),
    "idle_sensitivity": QT_TRANSLATE_NOOP("PreferencesDialog", "Sensitivity:"),
    "journal_folder": QT_TRANSLATE_NOOP("PreferencesDialog", "Journal folder:"),
    "language": QT_TRANSLATE_NOOP("PreferencesDialog", "Language:"),
    "export_preset": QT_TRANSLATE_NOOP("PreferencesDialog", "Platform:"),
    "export_duration": QT_TRANSLATE_NOOP("PreferencesDialog", "Reel length:"),
    "export_layout": QT_TRANSLATE_NOOP("PreferencesDialog", "Framing:"),
    "maker_name": QT_TRANSLATE_NOOP("PreferencesDialog", "Signed as:"),
    "auto_reel": QT_TRANSLATE_NOOP("PreferencesDialog", "Make the reel when a Result is flagged"),
}


def label(name: str) -> str:
    """A field as the preferences window names it ("One still every"), translated."""
    text = translate(_LABEL_CONTEXT, _LABELS[name]) if name in _LABELS else name
    return text.rstrip(":\u00a0 ")


def choices(name: str) -> tuple[str, ...]:
    """The allowed values of a choice field (e.g. ``language``)."""
    return tuple(_FIELDS[name].metadata["choices"])


def bounds(name: str) -> tuple[float, float]:
    """(lowest, highest) allowed for a numeric field (e.g. ``interval``)."""
    low, high = _FIELDS[name].metadata["bounds"]
    return low, high


def _check(name: str, value: object) -> str | None:
    """Why ``value`` cannot be field ``name`` (a developer-facing reason), or None."""
    if name not in _FIELDS:
        return f"unknown preference {name!r}"
    kind = type(getattr(_DEFAULTS, name))
    if not _is_a(value, kind):
        return f"{name} must be a {kind.__name__}, not {value!r}"
    meta = _FIELDS[name].metadata
    if "choices" in meta and value not in meta["choices"]:
        return f"{name} must be one of {', '.join(meta['choices'])}, not {value!r}"
    if "bounds" in meta:
        low, high = meta["bounds"]
        if not low <= value <= high:  # type: ignore[operator]
            return f"{name} must be between {low} and {high}, not {value!r}"
    if meta.get("nonempty") and not str(value).strip():
        return f"{name} must not be empty"
    return None


def _coerce(name: str, value: object) -> object:
    """JSON and spin boxes may give 10 for 10.0: a float field stores a float."""
    field_ = _FIELDS.get(name)
    if (field_ is not None and isinstance(field_.default, float) and isinstance(value, int)
            and not isinstance(value, bool)):
        return float(value)
    return value


def _is_a(value: object, kind: type) -> bool:
    # bool is an int in Python: a JSON true must not pass for a sensitivity of 1.
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        return isinstance(value, int | float)
    return isinstance(value, kind)


def preferences_path() -> Path:
    """``$COULISSES_CONFIG/preferences.json``, else the platform's user config folder."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser() / FILE_NAME
    from platformdirs import user_config_path

    return user_config_path(APP_ID, appauthor=False) / FILE_NAME


class _Damaged(ValueError):
    """The preferences file is there and readable, but not preferences."""


def _read(path: Path) -> dict[str, Any]:
    """The file's JSON object. Raises FileNotFoundError when there is none, another
    OSError when it cannot be read (nothing is wrong with it then), ``_Damaged``
    when it is not UTF-8, not JSON, or not an object."""
    data = path.read_bytes()
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _Damaged(f"not UTF-8 text ({exc})") from None
    except (ValueError, RecursionError) as exc:
        raise _Damaged(f"not JSON ({exc})") from None
    if not isinstance(doc, dict):
        raise _Damaged(f"a JSON {type(doc).__name__}, not an object")
    return doc


def _set_aside(path: Path) -> Path:
    """Move a damaged file beside itself with a timestamp (as the journal does):
    never deleted, never overwritten by a later damaged one, said only once."""
    aside = path.with_name(f"{path.name}.{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%f')}"
                           f"{DAMAGED_SUFFIX}")
    os.replace(path, aside)
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)  # set aside for good: a power cut must not bring it back
    return aside


def load_preferences(path: Path | None = None) -> tuple[Preferences, str | None]:
    """The saved preferences and a sentence about any problem (or None); never raises.

    Unknown keys are ignored here and kept by ``save_preferences`` (a newer
    Coulisses may have written them); a value of the wrong type or out of range
    falls back to its default. A damaged file (not UTF-8, not JSON, not an
    object) is set aside once as ``preferences.json.<time>.damaged`` and the
    defaults are used; a file that cannot be read (permissions, a disk error) is
    not damaged: it is left as it is, and the defaults are used for now.
    """
    path = Path(path) if path is not None else preferences_path()
    try:
        data = _read(path)
    except FileNotFoundError:
        return _DEFAULTS, None
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        return _DEFAULTS, tr("Your preferences in {path} cannot be read ({problem}), so the "
                             "defaults are used for now; the file was left as it is.",
                             path=path, problem=describe_os_error(exc))
    except _Damaged as exc:
        log.warning("damaged preferences %s: %s", path, exc)
        try:
            aside = _set_aside(path)
        except OSError as move:
            log.warning("cannot set %s aside: %s", path, move)
            return _DEFAULTS, tr("Your preferences file {path} is damaged, so the defaults "
                                 "are used; it could not be moved aside ({problem}), so "
                                 "remove it or fix it by hand.", path=path,
                                 problem=describe_os_error(move))
        return _DEFAULTS, tr("Your preferences file was damaged, so the defaults are used; "
                             "the old file was kept as {path}.", path=aside)
    values: dict[str, Any] = {}
    rejected: list[str] = []
    for name in _FIELDS:
        if name not in data:
            continue
        value = _coerce(name, data[name])
        reason = _check(name, value)
        if reason:
            log.warning("preferences %s: %s; using the default", path, reason)
            rejected.append(name)
        else:
            values[name] = value
    prefs = replace(_DEFAULTS, **values)
    if rejected:
        return prefs, tr("Some preferences were not valid and are back to their defaults: "
                         "{names}.", names=", ".join(quote(label(n)) for n in rejected))
    return prefs, None


def save_preferences(prefs: Preferences, path: Path | None = None) -> None:
    """Write ``prefs`` atomically (a crash leaves the old file or the new one).

    Keys this version does not know stay as they were: a newer Coulisses wrote
    them, and using this one in between must not lose them. A file that cannot
    be read is not replaced (the OSError is raised): writing over it would lose
    what it holds, the journal folder first of all. A damaged one is set aside.
    """
    path = Path(path) if path is not None else preferences_path()
    try:
        kept = {k: v for k, v in _read(path).items() if k not in _FIELDS}
    except FileNotFoundError:
        kept = {}
    except _Damaged as exc:
        log.warning("damaged preferences %s: %s; set aside before saving", path, exc)
        with contextlib.suppress(OSError):
            _set_aside(path)
        kept = {}
    data = {**kept, **{name: getattr(prefs, name) for name in _FIELDS}}
    write_text(path, json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def journal_home(prefs: Preferences | Callable[[], Preferences],
                 explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--home``, else ``$COULISSES_HOME``, else the preferred folder, else the default.

    ``prefs`` may be a function: it is called only when the preferences decide
    (the CLI reads its preferences file only then; reading sets a damaged one aside).
    Raises ``JournalFolderMissing`` when the folder chosen in Preferences is not
    there (its disk unplugged): it is never made afresh without the maker's yes.
    """
    from coulisses.journal.home import ENV_HOME, resolve_home

    if explicit:
        return resolve_home(explicit)
    if os.environ.get(ENV_HOME):
        return resolve_home(None)
    chosen = prefs() if callable(prefs) else prefs
    return resolve_home(None, chosen=chosen.journal_folder or None)


# Sensitivity 1 (low) asks for a bigger change before a still counts as "something
# moved"; 3 (high) keeps stills for small changes (a hand at the edge of the frame).
_IDLE_LEVELS = {1: (20.0, 0.012), 2: (14.0, 0.005), 3: (9.0, 0.002)}


def idle_settings(level: int) -> IdleSettings:
    """The scene-change thresholds for sensitivity ``level`` (1 low … 3 high)."""
    from coulisses.capture.idle import IdleSettings

    low, high = bounds("idle_sensitivity")
    level = int(min(max(level, low), high))
    pixel_threshold, min_changed = _IDLE_LEVELS[level]
    return IdleSettings(pixel_threshold=pixel_threshold, min_changed=min_changed)
