"""What an operating-system error means, in the maker's language.

Python's ``exc.strerror`` and ``str(OSError)`` are always English ("Not a
directory", "[Errno 2] No such file or directory: '…'"), whatever language the
app speaks. ``describe_os_error`` gives a short translated phrase for the
common errors instead, with no path in it: the caller's sentence already names
the file or folder. ``describe_os_error_at`` adds the path, for callers whose
sentence does not. An error number we have no phrase for keeps the system's own
text, as before. Plain Python: the CLI and the window both use it.
"""

from __future__ import annotations

import errno

from coulisses.atomicio import DiskFullError
from coulisses.i18n import tr


def _phrases() -> dict[int, str]:
    # Built on each call so that each phrase is in the language of the moment
    # (the window can switch language while it runs).
    phrases = {
        errno.ENOENT: tr("not found"),
        errno.EACCES: tr("permission denied"),
        errno.EPERM: tr("permission denied"),
        errno.ENOSPC: tr("the disk is full"),
        errno.ENOTDIR: tr("part of the path is a file, not a folder"),
        errno.EISDIR: tr("it is a folder, not a file"),
        errno.EROFS: tr("the disk is read-only"),
        errno.EEXIST: tr("that name is already taken"),
        errno.ENAMETOOLONG: tr("the name is too long"),
        errno.EBUSY: tr("another program is using it"),
        errno.EIO: tr("input/output error on the disk"),
        errno.ENOTEMPTY: tr("the folder is not empty"),
        errno.EXDEV: tr("the destination is on another disk, so it cannot be moved this way"),
        errno.EMFILE: tr("too many files are open at once"),
        errno.ENFILE: tr("too many files are open at once"),
        errno.ELOOP: tr("too many symbolic links in the path"),
        errno.EFBIG: tr("the file is too large for this disk"),
        errno.ENOMEM: tr("there is not enough memory"),
        errno.ENODEV: tr("the disk or device is not available"),
        errno.ENXIO: tr("the disk or device is not available"),
        errno.EINVAL: tr("the name or the operation is not valid here"),
    }
    # Not every platform has these (Windows has no EDQUOT nor ESTALE).
    for name, phrase in (("EDQUOT", tr("the disk quota is used up")),
                         ("ESTALE", tr("the network folder is no longer available")),
                         ("ETXTBSY", tr("another program is using it"))):
        number = getattr(errno, name, None)
        if number is not None:
            phrases[number] = phrase
    return phrases


def describe_os_error(exc: OSError) -> str:
    """A short phrase saying what went wrong, with no path, in the UI language.

    ``Permission denied`` becomes "permission denied" / "permission refusée";
    an error number without a phrase here keeps ``exc.strerror`` (or the
    exception's text when it has none).
    """
    phrase = _phrases().get(exc.errno) if exc.errno is not None else None
    if phrase is not None:
        return phrase
    return exc.strerror or str(exc) or exc.__class__.__name__


def describe_error(exc: BaseException) -> str:
    """``describe_os_error`` for an OSError; any other error (a JournalError) already
    speaks in a sentence of ours and keeps it."""
    return describe_os_error(exc) if isinstance(exc, OSError) else str(exc)


def own_sentence(exc: BaseException) -> str | None:
    """The sentence our own code put in a ``DiskFullError`` ("Not enough free space in …
    for this export: it needs about 60 MB and only 12 MB is free…"), which says more
    than any phrase here.

    Ours are raised without a file name (the sentence names the place itself);
    ``atomicio`` raises its own with the path and the system's English, which
    ``describe_os_error_at`` words instead. A sentence of ours given a file name
    would be lost for "the disk is full (folder)": issue 20's export did that.
    """
    if isinstance(exc, DiskFullError) and exc.filename is None and exc.strerror:
        return exc.strerror
    return None


def describe_os_error_at(exc: OSError) -> str:
    """The phrase followed by the path it is about, when the error names one."""
    own = own_sentence(exc)
    if own is not None:
        return own
    phrase = describe_os_error(exc)
    if exc.filename is None:
        return phrase
    return tr("{what} ({path})", what=phrase, path=exc.filename)


__all__ = ["describe_error", "describe_os_error", "describe_os_error_at", "own_sentence"]
