"""Errors from the operating system reach the maker in her language (issue 13).

Python's ``strerror`` is always English ("No such file or directory"): every
OSError here is a real one, made by the OS, and what the maker reads must say
the same thing in the UI language with no English system text in it.
"""

from __future__ import annotations

import errno
import json
import logging
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coulisses.i18n import tr
from coulisses.journal import Journal, JournalError, generations
from coulisses.os_errors import describe_os_error, describe_os_error_at
from tests.conftest import is_root
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _raised(action) -> OSError:
    with pytest.raises(OSError) as info:
        action()
    return info.value


def _missing(tmp_path: Path) -> OSError:
    return _raised(lambda: open(tmp_path / "absent.jpg", "rb"))


def _under_a_file(tmp_path: Path) -> OSError:
    (tmp_path / "notes.txt").write_text("not a folder")
    return _raised(lambda: (tmp_path / "notes.txt" / "out").mkdir())


# ------------------------------------------------------------------ the phrases
def test_common_errors_get_a_short_phrase_without_the_path(tmp_path: Path) -> None:
    missing = _missing(tmp_path)
    assert missing.errno == errno.ENOENT
    assert describe_os_error(missing) == "not found"

    under = _under_a_file(tmp_path)
    assert under.errno == errno.ENOTDIR
    assert describe_os_error(under) == "part of the path is a file, not a folder"

    folder = _raised(lambda: tmp_path.read_bytes())
    assert folder.errno == errno.EISDIR and describe_os_error(folder) == \
        "it is a folder, not a file"

    taken = _raised(lambda: tmp_path.mkdir())
    assert taken.errno == errno.EEXIST and describe_os_error(taken) == \
        "that name is already taken"

    (tmp_path / "full" / "inside").mkdir(parents=True)
    not_empty = _raised(lambda: (tmp_path / "full").rmdir())
    assert not_empty.errno == errno.ENOTEMPTY and describe_os_error(not_empty) == \
        "the folder is not empty"

    long = _raised(lambda: (tmp_path / ("x" * 300)).write_bytes(b""))
    assert long.errno == errno.ENAMETOOLONG and describe_os_error(long) == \
        "the name is too long"

    for exc in (missing, under, folder, taken, not_empty, long):
        assert str(tmp_path) not in describe_os_error(exc)  # callers name the path


def test_the_phrase_follows_the_ui_language(tmp_path: Path, french_ui) -> None:
    missing, under = _missing(tmp_path), _under_a_file(tmp_path)
    assert describe_os_error(missing) == "introuvable"
    assert describe_os_error(under) == "une partie du chemin est un fichier, pas un dossier"
    assert describe_os_error_at(missing) == f"introuvable ({tmp_path / 'absent.jpg'})"
    for exc in (missing, under):
        assert exc.strerror not in describe_os_error_at(exc)
        assert "Errno" not in describe_os_error_at(exc)


def test_a_read_only_folder_is_permission_denied(tmp_path: Path, french_ui) -> None:
    if is_root():
        pytest.skip("root may write in a read-only folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        exc = _raised(lambda: (locked / "new").mkdir())
    finally:
        locked.chmod(0o700)
    assert exc.errno in (errno.EACCES, errno.EPERM)
    assert describe_os_error(exc) == "permission refusée"


def test_an_error_without_a_phrase_keeps_the_systems_text() -> None:
    with socket.socket() as probe:  # a port nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with socket.socket() as client:
        exc = _raised(lambda: client.connect(("127.0.0.1", port)))
    assert exc.errno == errno.ECONNREFUSED
    assert describe_os_error(exc) == exc.strerror


# ------------------------------------------------------------------ background jobs
def _failure_of(qtbot, job) -> str:
    from coulisses.ui.tasks import Task, TaskRunner

    task = Task(job)
    with qtbot.waitSignal(task.signals.failed, timeout=5000) as blocker:
        TaskRunner().start(task)
    return blocker.args[0]


def test_a_job_failing_on_a_file_names_it_and_says_why_in_french(qtbot, tmp_path: Path,
                                                                  french_ui) -> None:
    missing = tmp_path / "root.pem"
    text = _failure_of(qtbot, lambda _c, _p: missing.read_bytes())
    assert text == f"Coulisses n’a pas pu utiliser {missing}\u00a0: introuvable."
    assert "No such file" not in text and "Errno" not in text


def test_a_job_never_shows_a_bare_python_error(qtbot, caplog) -> None:
    def job(_c, _p):
        return {}["frame"]  # a slip in our code: KeyError('frame')

    with caplog.at_level(logging.ERROR, logger="coulisses.ui.tasks"):
        text = _failure_of(qtbot, job)
    assert text == tr("Something unexpected went wrong inside Coulisses (the technical details "
                      "were logged).")
    assert "KeyError" not in text and "frame" not in text
    assert "KeyError" in caplog.text  # the class goes to the log


def test_a_job_keeps_our_own_sentences(qtbot, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    home = tmp_path / "notes.txt" / "journal"
    text = _failure_of(qtbot, lambda _c, _p: Journal.open(home))
    assert text.startswith(f"{home} cannot be used as the journal folder")


# ------------------------------------------------------------------ damaged journal files
def _damaged_piece(home: Path) -> tuple[str, Path]:
    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    journal.add_still(pid, jpeg_bytes(), T0)
    journal.add_moment(pid, "struggle", caption="Trop d'eau")  # a version is kept now
    path = home / "pieces" / pid / "piece.json"
    path.write_text('{ "piece": {"name": "Bol"}, broken')
    return pid, path


def test_a_damaged_piece_file_is_explained_in_french(home: Path, french_ui, caplog) -> None:
    pid, path = _damaged_piece(home)
    with caplog.at_level(logging.WARNING, logger="coulisses.journal.storage"):
        fresh = Journal.open(home)
        snap = fresh.snapshot(pid)
    aside = next((path.parent / "set-aside").iterdir())
    kept = generations.listing(path)[0]
    assert snap.problems == (
        f"{path} était abîmé (son texte n’est pas du JSON valide à la ligne 1, colonne 29)"
        f"\u202f; il a été déplacé vers {aside} et Coulisses a rétabli la version gardée le "
        f"{generations.describe_time(kept.saved)} (les modifications faites après manquent "
        "peut-être).",)
    assert "Expecting" not in snap.problems[0]  # the parser's English stays in the log
    assert "Expecting" in caplog.text


def test_a_damaged_piece_file_without_backup_starts_afresh_in_french(home: Path,
                                                                     french_ui) -> None:
    pid, path = _damaged_piece(home)
    for kept in generations.listing(path):
        kept.path.write_text("")
    problems = Journal.open(home).snapshot(pid).problems
    assert len(problems) == 1
    assert problems[0].startswith(f"{path} était abîmé (")
    assert "et Coulisses l’a recommencé à neuf (aucune version antérieure" in problems[0]


def test_a_piece_file_of_the_wrong_shape_says_what_is_wrong_in_french(home: Path,
                                                                      french_ui) -> None:
    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    journal.add_still(pid, jpeg_bytes(), T0)
    moment = journal.add_moment(pid, "struggle")
    path = home / "pieces" / pid / "piece.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data["moments"].values():
        del doc["time"]
    path.write_text(json.dumps(data), encoding="utf-8")
    problems = Journal.open(home).snapshot(pid).problems
    assert f"(le moment {moment.id} n’a pas d’heure valide)" in problems[0]


def test_a_file_in_place_of_the_pieces_folder_is_explained_in_french(tmp_path: Path,
                                                                     french_ui) -> None:
    home = tmp_path / "journal"
    home.mkdir()
    (home / "pieces").write_text("not a folder")
    with pytest.raises(JournalError) as info:
        Journal.open(home)
    assert str(info.value) == (f"{home} ne peut pas servir de dossier pour le journal "
                               f"({home / 'pieces'} est un fichier, pas un dossier)\u202f; "
                               "choisissez un autre dossier")
