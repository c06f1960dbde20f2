"""export/output_folder.py beyond the publish race and the 24 h rule (those are in
test_export_folder_mutations.py): the survivors of the first mutation run (issue 20).

The folder's name (never hidden, never a path), the marker's format and what is not
a marker, the "is its process alive" probe, which leftovers a cleanup may touch (only
Coulisses' hidden ``.*.partial`` folders, never through a link) and that a leftover it
cannot fully delete never fails the new export, the permissions a finished export is
given, and the default reels folder.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import stat
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from coulisses.export import output_folder as of
from coulisses.export.output_folder import (
    MARKER,
    MARKER_FORMAT,
    PartialFolder,
    clean_stale_partials,
    free_name,
    marker_text,
    name_for,
    partial_name,
    read_marker,
    share_modes,
)

WHEN = datetime(2026, 11, 20, 9, 0)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def leftover(out: Path, name: str, pid: int | None = None) -> Path:
    """A hidden partial export whose process is gone, as a killed export leaves it."""
    folder = out / name
    folder.mkdir(parents=True)
    (folder / MARKER).write_text(marker_text(dead_pid() if pid is None else pid))
    (folder / "frame.jpg").write_bytes(b"half a reel")
    return folder


# ------------------------------------------------------------------ names
@pytest.mark.parametrize(("piece_id", "stem"), [
    ("Vase bleu #3", "Vase-bleu-3"),
    ("a/b\\c", "a-b-c"),  # never a path
    (".vase", "vase"),  # never a hidden folder
    ("  bol  ", "bol"),
    ("-.bol.-", "bol"),
    ("Xavier.", "Xavier"),  # only dots and dashes are trimmed
    ("Bol émaillé", "Bol-émaillé"),
    ("...", "reel"),
    ("/", "reel"),
    ("", "reel"),
])
def test_name_for_is_a_plain_visible_name(piece_id, stem):
    assert name_for(piece_id, WHEN) == f"{stem}-20261120-0900"


def test_free_name_skips_names_taken_by_a_finished_or_a_partial_export(tmp_path):
    assert free_name(tmp_path, "vase") == "vase"
    (tmp_path / partial_name("vase")).mkdir()  # an export under way
    assert free_name(tmp_path, "vase") == "vase-2"
    (tmp_path / "vase-2").mkdir()  # a finished one
    (tmp_path / partial_name("vase-3")).mkdir()
    assert free_name(tmp_path, "vase") == "vase-4"


# ------------------------------------------------------------------ the marker
def test_the_marker_names_this_process_and_this_computer(tmp_path):
    doc = json.loads(marker_text())
    assert doc["format"] == MARKER_FORMAT and doc["version"] == 1
    assert doc["pid"] == os.getpid() and doc["host"] == socket.gethostname()
    assert datetime.fromisoformat(doc["started"]).tzinfo is not None
    assert set(doc) == {"format", "version", "pid", "host", "started"}
    (tmp_path / MARKER).write_text(marker_text())
    assert read_marker(tmp_path) == (os.getpid(), socket.gethostname())


def test_the_marker_is_readable_utf8_text(tmp_path):
    text = marker_text(12, "atelier-hélène")
    assert "atelier-hélène" in text and text.endswith("}\n")  # not \u escapes
    (tmp_path / MARKER).write_bytes(text.encode("utf-8"))
    assert read_marker(tmp_path) == (12, "atelier-hélène")


def _doc(**fields) -> bytes:
    return json.dumps({"format": MARKER_FORMAT, "version": 1, "pid": 12, "host": "h",
                       **fields}).encode()


@pytest.mark.parametrize("content", [
    b"[1, 2]",
    b'"coulisses-export-in-progress"',
    _doc(format="another-tool"),
    _doc(pid=True),
    _doc(pid="12"),
    _doc(pid=12.0),
    _doc(host=5),
    _doc(host=None),
    b'{"format": "coulisses-export-in-progress", "pid": 12}',
    b"12 somewhere\n",
    b"\xff\xfe not text",
    b"",
], ids=["list", "string", "other-format", "pid-bool", "pid-str", "pid-float", "host-int",
        "host-null", "no-host", "not-json", "not-utf8", "empty"])
def test_anything_else_is_not_a_coulisses_marker(tmp_path, content):
    (tmp_path / MARKER).write_bytes(content)
    assert read_marker(tmp_path) is None


def test_a_marker_longer_than_4_kib_is_not_read_whole(tmp_path):
    """A marker is a hundred bytes: a huge file by that name is someone else's, and is
    not read into memory to find out."""
    doc = _doc(note="")
    pad = 4097 - len(doc)
    big = _doc(note="x" * pad)
    assert len(big) == 4097
    (tmp_path / MARKER).write_bytes(big)
    assert read_marker(tmp_path) is None
    small = _doc(note="x" * (pad - 1))
    (tmp_path / MARKER).write_bytes(small)  # 4096 bytes: still a marker
    assert read_marker(tmp_path) == (12, "h")
    # Bytes, not characters: 2,100 "é" are 4,200 bytes, past the limit, in fewer than
    # 4,096 characters.
    accents = json.dumps({"format": MARKER_FORMAT, "pid": 12, "host": "h",
                          "note": "é" * 2100}, ensure_ascii=False).encode("utf-8")
    assert len(accents) > 4096 > len(accents.decode("utf-8"))
    (tmp_path / MARKER).write_bytes(accents)
    assert read_marker(tmp_path) is None


# ------------------------------------------------------------------ is its process alive
def test_pid_alive_probe():
    assert of._pid_alive(os.getpid())
    assert of._pid_alive(1)  # init: always there
    assert not of._pid_alive(dead_pid())
    assert not of._pid_alive(0)  # os.kill(0, …) would mean "my own process group"
    assert not of._pid_alive(-1)  # … and -1 "every process I may signal"


@pytest.mark.skipif(not hasattr(os, "setresuid"), reason="POSIX user ids")
def test_a_process_we_may_not_signal_is_alive():
    """Another user's export (a shared folder on one computer): os.kill says EPERM, and
    the process is there, so its folder is kept."""
    if os.geteuid() != 0:
        assert of._pid_alive(1)  # init is not ours: EPERM
        return
    # As nobody for this one probe: real and effective ids both (the kernel lets a real
    # uid of 0 signal anyone), the saved one kept to come back.
    os.setresuid(65534, 65534, 0)
    try:
        alive = of._pid_alive(1)
    finally:
        os.setresuid(0, 0, 0)
    assert os.getuid() == os.geteuid() == 0
    assert alive


# ------------------------------------------------------------------ cleaning leftovers
def test_only_coulisses_hidden_partial_folders_are_cleaned(tmp_path):
    out = tmp_path / "out"
    for i in range(20):  # ordinary entries around them, in whatever order scandir gives
        (out / f"reel-{i}").mkdir(parents=True)
        (out / f"note-{i}.txt").write_text("keep")
    dead = [leftover(out, ".a.partial"), leftover(out, ".b.partial")]
    visible = leftover(out, "holiday.partial")  # the maker's own, visible, name
    hidden = leftover(out, ".holiday")  # hidden but not a partial export
    (out / ".file.partial").write_text("a file, not a folder")
    elsewhere = leftover(tmp_path, "kept")  # reached only through a link
    (out / ".link.partial").symlink_to(elsewhere, target_is_directory=True)

    assert sorted(clean_stale_partials(out)) == sorted(dead)
    assert not any(p.exists() for p in dead)
    for folder in (visible, hidden, elsewhere):
        assert (folder / "frame.jpg").read_bytes() == b"half a reel"
    assert (out / ".link.partial").is_symlink()
    assert (out / ".file.partial").read_text() == "a file, not a folder"
    assert len([p for p in out.iterdir() if p.name.startswith("reel-")]) == 20
    assert clean_stale_partials(tmp_path / "missing") == []


def test_a_live_exports_partial_is_kept(tmp_path):
    out = tmp_path / "out"
    ours = leftover(out, ".ours.partial", pid=os.getpid())
    parent = leftover(out, ".parent.partial", pid=os.getppid())
    assert clean_stale_partials(out) == []
    assert ours.is_dir() and parent.is_dir()


def test_another_computers_partial_whose_age_cannot_be_read_is_kept(tmp_path, monkeypatch):
    """On a flaky network share the folder's age may not be readable: when in doubt the
    other computer's export is kept (it may still be writing), never deleted."""
    out = tmp_path / "out"
    far = out / ".far.partial"
    far.mkdir(parents=True)
    (far / MARKER).write_text(marker_text(4242, "another-laptop"))
    old = time.time() - 3 * 86400  # old enough to clean, were its age known
    os.utime(far, (old, old))
    real_stat = Path.stat

    def flaky(self: Path, *args, **kwargs):
        if self.name == far.name:
            raise OSError(errno.EIO, "Input/output error")
        return real_stat(self, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(Path, "stat", flaky)
        assert clean_stale_partials(out) == []
    assert (far / MARKER).is_file()
    assert clean_stale_partials(out) == [far]  # once readable: three days old, cleaned


def _mount_inside(tmpfs, tmp_path: Path, folder: Path) -> Path:
    """A mount point inside ``folder``: rmdir on it fails (EBUSY) even for root, like a
    file another program holds open on Windows or a read-only share."""
    name = (folder / "busy").relative_to(tmp_path).as_posix()
    mnt = tmpfs("1m", name)
    (mnt / "cache.bin").write_bytes(b"x")
    return mnt


def test_a_leftover_that_cannot_be_fully_deleted_does_not_fail_the_cleanup(tmpfs, tmp_path):
    out = tmp_path / "out"
    stuck = leftover(out, ".stuck.partial")
    gone = leftover(out, ".gone.partial")
    _mount_inside(tmpfs, tmp_path, stuck)
    removed = clean_stale_partials(out)  # must not raise
    assert set(removed) == {stuck, gone}
    assert not gone.exists()
    assert not (stuck / "frame.jpg").exists()  # what could go, went


def test_discarding_a_partial_that_cannot_be_fully_deleted_does_not_raise(tmpfs, tmp_path):
    """discard() runs while an export is already failing: it must not hide that error
    behind its own."""
    out = tmp_path / "out"
    out.mkdir()
    folder = PartialFolder.create(out, "vase")
    (folder.path / "frame.jpg").write_bytes(b"x")
    _mount_inside(tmpfs, tmp_path, folder.path)
    folder.discard()
    assert not (folder.path / "frame.jpg").exists()


def test_a_published_folder_is_never_discarded(tmp_path):
    folder = PartialFolder.create(tmp_path, "vase")
    final = folder.publish()
    folder.discard()
    assert final.is_dir() and final.name == "vase"


def test_publish_does_not_fail_when_the_marker_is_already_gone(tmp_path):
    folder = PartialFolder.create(tmp_path, "vase")
    (folder.path / "vase.mp4").write_bytes(b"reel")
    (folder.path / MARKER).unlink()  # a cleanup tool, a sync client…
    final = folder.publish()
    assert (final / "vase.mp4").read_bytes() == b"reel" and not (final / MARKER).exists()


def _create_at_once(out: Path, n: int) -> tuple[list[PartialFolder], list[BaseException]]:
    start = threading.Barrier(n)
    made: list[PartialFolder] = []
    errors: list[BaseException] = []

    def one() -> None:
        start.wait(5)
        try:
            made.append(PartialFolder.create(out, "vase"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    return made, errors


def test_exports_starting_together_each_get_their_own_folder(tmp_path):
    """Several exports of one piece in the same minute, at once: each makes its own
    partial folder; one that loses the race for a name takes the next, never none."""
    out = tmp_path / "out"
    out.mkdir()
    for _round in range(5):
        made, errors = _create_at_once(out, 6)
        assert errors == [] and all(isinstance(f, PartialFolder) for f in made)
        assert len({f.path for f in made}) == 6 and all(f.path.is_dir() for f in made)
        for f in made:
            f.discard()


def test_a_dangling_link_holding_the_name_is_skipped_not_looped_on(tmp_path):
    """A broken symbolic link by the name of the export's folder (left by a sync tool or
    a moved disk) is a taken name. Before the fix, create() spun at full CPU for ever:
    run in a child process with a time limit."""
    out = tmp_path / "out"
    out.mkdir()
    (out / partial_name("vase")).symlink_to(tmp_path / "nowhere")
    (out / "vase-2").symlink_to(tmp_path / "nowhere either")
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from coulisses.export.output_folder import PartialFolder
        folder = PartialFolder.create(Path(sys.argv[1]), "vase")
        print(folder.publish().name)
    """)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    try:
        done = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True,
                              text=True, env=env, timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail("PartialFolder.create did not return within 5 s")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "vase-3"
    assert (out / "vase-2").is_symlink() and (out / partial_name("vase")).is_symlink()


# ------------------------------------------------------------------ permissions
@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


@posix_only
def test_umask_is_read_without_changing_it(umask_027):
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc here")
    assert of._umask() == 0o027
    assert of._umask() == 0o027  # unchanged by reading it


def test_umask_without_proc_is_the_usual_022(monkeypatch):
    """macOS and Windows have no /proc: the common default is taken."""
    real = Path
    monkeypatch.setattr(of, "Path", lambda p: real("/nonexistent/proc/self/status"))
    assert of._umask() == 0o022


@posix_only
def test_share_modes_opens_files_to_the_users_usual_mode_and_nothing_else(tmp_path,
                                                                         umask_027):
    export = tmp_path / "vase"
    (export / "carousel").mkdir(parents=True)
    os.chmod(export / "carousel", 0o711)
    for p in (export / "vase.mp4", export / "carousel" / "01.jpg"):
        p.write_bytes(b"x")
        os.chmod(p, 0o600)  # as the crash-safe temp files are made
    outside = tmp_path / "private.txt"
    outside.write_text("mine")
    os.chmod(outside, 0o600)
    (export / "link.txt").symlink_to(outside)
    share_modes(export)
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(export / "vase.mp4") == 0o640 and mode(export / "carousel" / "01.jpg") == 0o640
    assert mode(export / "carousel") == 0o711  # folders keep their own mode
    assert mode(outside) == 0o600  # a link is not followed out of the export


@posix_only
def test_share_modes_goes_on_past_a_file_it_cannot_change(tmpfs, tmp_path):
    export = tmp_path / "vase"
    export.mkdir()
    (export / "a.jpg").write_bytes(b"x")
    os.chmod(export / "a.jpg", 0o600)
    ro = tmpfs("1m", "vase/readonly")
    (ro / "b.jpg").write_bytes(b"x")
    os.chmod(ro / "b.jpg", 0o600)
    done = subprocess.run(["mount", "-o", "remount,ro", str(ro)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.decode().strip()}")
    share_modes(export)  # EROFS on b.jpg: must not raise
    assert stat.S_IMODE((ro / "b.jpg").stat().st_mode) == 0o600
    assert stat.S_IMODE((export / "a.jpg").stat().st_mode) != 0o600


# ------------------------------------------------------------------ default folder
def test_default_reels_dir_is_videos_coulisses_else_home_coulisses(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    monkeypatch.delenv("XDG_VIDEOS_DIR", raising=False)
    if sys.platform != "linux":
        pytest.skip("the Videos folder is found from HOME on Linux only")
    assert of.default_reels_dir() == home / "Coulisses"
    (home / "Videos").mkdir()
    assert of.default_reels_dir() == home / "Videos" / "Coulisses"


def test_default_reels_dir_without_a_videos_folder_at_all(tmp_path, monkeypatch):
    """A system where platformdirs cannot name a videos folder (it raises): home."""
    import platformdirs

    def no_videos() -> str:
        raise RuntimeError("no videos folder on this system")

    monkeypatch.setattr(platformdirs, "user_videos_dir", no_videos)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert of.default_reels_dir() == Path.home() / "Coulisses"
