"""Mutation run over a few modules, each against the tests that cover it (see MUTATION.md).

    .venv/bin/python tests/bench/mutation_run.py desktop/coulisses/journal/hidden.py
    .venv/bin/python tests/bench/mutation_run.py hidden output_folder --jobs 2

mutmut (``pip install mutmut``, 3.x; not a test extra, CI never runs this) mutates a
copy of the package and runs, for each mutant, only the mapped tests that reach the
mutated function. Running the whole suite per mutant would take days on two cores, so
``MODULE_TESTS`` names the test files for each module.

The run happens in a scratch folder (default ``out/mutation/<modules>/``, ignored by
git) built from the last commit (``--worktree`` for the files as they are now, with
other people's unsaved edits): the package as ``src/coulisses`` (where mutmut looks),
``tests/``, ``assets/``, ``seeds/`` and ``pyproject.toml`` with a ``[tool.mutmut]``
section added. The
checkout itself is never touched. The scratch folder stays so ``mutmut show NAME`` and
``mutmut browse`` can be run in it; a new run starts it afresh (``--reuse`` keeps
mutmut's results).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Module → the test files that exercise it. Missing files (not written yet) are skipped.
MODULE_TESTS: dict[str, list[str]] = {
    "desktop/coulisses/journal/hidden.py": [
        "tests/test_journal_hidden_ranges.py",
    ],
    "desktop/coulisses/export/output_folder.py": [
        "tests/test_export_folder.py",
        "tests/test_export_folder_mutations.py",
        "tests/test_export_folder_cleanup.py",
        "tests/test_export_cancel.py",
        "tests/test_export_outputs.py",
    ],
    "desktop/coulisses/ui/tasks.py": [
        "tests/test_ui_tasks.py",
        "tests/test_ui_tasks_cancel.py",
    ],
    "desktop/coulisses/credentials/identity.py": [
        "tests/test_credentials_guards.py",
        "tests/test_credentials.py",  # damaged keys, renewal: real exports, slower
    ],
    # The journal's guarantees (issue 20). test_journal_kill's kill -9 children run the
    # checkout's code, unmutated: only what its parent process calls can kill a mutant.
    "desktop/coulisses/journal/moving.py": [
        "tests/test_journal_mutants.py",
        "tests/test_journal_move.py",
        "tests/test_journal_move_guards.py",
        "tests/test_journal_boundaries.py",
        "tests/test_journal_kill.py",
    ],
    **{f"desktop/coulisses/journal/{name}.py": [
        "tests/test_journal_mutants.py",
        "tests/test_journal_recovery.py",
        "tests/test_journal.py",
        "tests/test_journal_shape.py",
        "tests/test_journal_durability.py",
        "tests/test_os_errors.py",
        "tests/test_journal_processes.py",
    ] for name in ("recovery", "generations", "storage")},
    **{f"desktop/coulisses/journal/{name}.py": [
        "tests/test_journal_mutants.py",
        "tests/test_journal_boundaries.py",
        "tests/test_journal_ids.py",
        "tests/test_journal_recovery.py",
        "tests/test_journal.py",
    ] for name in ("capture_id", "confine", "leftovers", "ids")},
    "desktop/coulisses/journal/stills.py": [
        "tests/test_journal_ids.py",
        "tests/test_journal_hidden_ranges.py",  # Listing.between/before: hidden ranges
        "tests/test_journal_changes.py",
        "tests/test_journal_boundaries.py",
        "tests/test_journal_mutants.py",
    ],
    "desktop/coulisses/journal/content_index.py": [
        "tests/test_import_content.py",
        "tests/test_journal_mutants.py",
    ],
    "desktop/coulisses/journal/watch_memory.py": [
        "tests/test_watch_memory.py",
    ],
    "desktop/coulisses/journal/journal.py": [  # reached by every journal test: long
        "tests/test_journal.py",
        "tests/test_journal_shape.py",
        "tests/test_journal_changes.py",
        "tests/test_journal_problems.py",
        "tests/test_journal_home_missing.py",
        "tests/test_journal_mutants.py",
    ],
}


def resolve(module: str) -> str:
    """A path under desktop/coulisses, or a short name (``hidden``, ``export/output_folder``)."""
    if module in MODULE_TESTS:
        return module
    hits = [m for m in MODULE_TESTS if m.endswith(f"/{module}.py") or m.endswith(f"/{module}")]
    if len(hits) == 1:
        return hits[0]
    path = Path(module)
    if path.suffix == ".py" and (ROOT / path).is_file():
        return path.as_posix()
    raise SystemExit(f"{module}: not a module of desktop/coulisses with mapped tests "
                     f"(known: {', '.join(sorted(MODULE_TESTS))}); pass --tests for others.")


# Beside src/: the tests, pytest's settings, and the fonts and seeds the package finds
# two levels above itself (resources._top), which mutmut must copy next to its mutants.
COPIED = ("tests", "pyproject.toml", "assets", "seeds")


# Lines never mutated: a signal call whose number is mutated (os.kill(pid, 0), the
# "is it alive" probe, turned into os.kill(pid, 1)) sends a real signal to a live
# process: test_export_folder names its parent, which is mutmut itself (seen: mutmut
# died of SIGHUP), and a recycled pid could be anyone's.
NEVER_MUTATE = [r"\bos\.kill(pg)?\(", r"\.send_signal\(",
                r"\bsignal\.(raise_signal|pthread_kill)\("]


def build_scratch(work: Path, worktree: bool, tests: list[str], reuse: bool) -> None:
    """src/coulisses, tests/ and pyproject.toml, from HEAD or the working tree."""
    if work.exists():
        for name in (*COPIED, "src") if reuse else os.listdir(work):
            target = work / name  # with --reuse, mutmut's results (mutants/) stay
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    work.mkdir(parents=True, exist_ok=True)
    if worktree:
        shutil.copytree(ROOT / "desktop" / "coulisses", work / "src" / "coulisses",
                        ignore=shutil.ignore_patterns("__pycache__"))
        for name in COPIED:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, work / name,
                                ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
            else:
                shutil.copy2(ROOT / name, work / name)
    else:
        data = subprocess.run(["git", "archive", "--format=tar", "HEAD", "desktop/coulisses",
                               *COPIED], cwd=ROOT, check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(work, filter="data")
        (work / "src").mkdir()
        (work / "desktop" / "coulisses").rename(work / "src" / "coulisses")
        (work / "desktop").rmdir()
        for test in tests:  # a test file not committed yet: as it is now
            if not (work / test).exists() and (ROOT / test).exists():
                print(f"note: {test} is not committed; using the working tree's copy")
                shutil.copy2(ROOT / test, work / test)


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def write_config(work: Path, modules: list[str], tests: list[str], slow: bool) -> None:
    # Tests marked slow (seconds each) are left out unless asked: they would run for
    # every mutant their function reaches.
    pytest_args = ["-p", "no:cacheprovider", "-x", *(() if slow else ("-m", "not slow"))]
    mutate = ["src/" + m.removeprefix("desktop/") for m in modules]
    section = "\n".join([
        "", "[tool.mutmut]",
        'source_paths = ["src/coulisses"]',  # the whole package, so it imports as one
        f"only_mutate = {toml_list(mutate)}",
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}",
        f"pytest_add_cli_args = {toml_list(pytest_args)}",
        'also_copy = ["assets", "seeds"]',
        f"do_not_mutate_patterns = {toml_list(NEVER_MUTATE)}",
        "use_git_change_detection = false",
        "",
    ])
    with open(work / "pyproject.toml", "a", encoding="utf-8") as fh:
        fh.write(section)


def mutmut(work: Path, *args: str, capture: bool = True) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "mutmut"
    if not exe.exists():
        raise SystemExit(f"mutmut is not installed beside {sys.executable}: "
                         f"{sys.executable} -m pip install mutmut")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COULISSES_LANG": "en"}
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(exe), *args], cwd=work, env=env, text=True,
                          capture_output=capture)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", nargs="+", help="desktop/coulisses/… paths or short names")
    ap.add_argument("--tests", nargs="*", help="test files instead of the mapped ones")
    ap.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    ap.add_argument("--work", type=Path, help="scratch folder (default out/mutation/NAME)")
    ap.add_argument("--worktree", action="store_true",
                    help="mutate the files as they are now, not as last committed")
    ap.add_argument("--reuse", action="store_true",
                    help="keep mutmut's earlier results in the scratch folder (faster; a "
                         "verdict may be stale if only a test changed)")
    ap.add_argument("--slow", action="store_true",
                    help="also run the tests marked slow (left out by default)")
    ap.add_argument("--json", type=Path, help="also write the summary here")
    args = ap.parse_args(argv)

    modules = [resolve(m) for m in args.modules]
    tests = args.tests if args.tests is not None else [
        t for m in modules for t in MODULE_TESTS.get(m, [])]
    tests = [t for i, t in enumerate(tests) if t not in tests[:i] and (ROOT / t).exists()]
    if not tests:
        raise SystemExit("no test file for these modules: pass --tests")
    slug = "+".join(Path(m).stem for m in modules)
    work = (args.work or ROOT / "out" / "mutation" / slug).resolve()
    print(f"mutating {', '.join(modules)}\nagainst {', '.join(tests)}\nin {work}")

    build_scratch(work, args.worktree, tests, args.reuse)
    write_config(work, modules, tests, args.slow)
    started = time.monotonic()
    run = mutmut(work, "run", "--max-children", str(args.jobs), capture=False)
    seconds = time.monotonic() - started
    if run.returncode != 0:
        print(f"mutmut run exited with {run.returncode}", file=sys.stderr)
        return run.returncode

    mutmut(work, "export-cicd-stats")
    stats = json.loads((work / "mutants" / "mutmut-cicd-stats.json").read_text())
    listed = mutmut(work, "results").stdout
    survivors = []
    for line in listed.splitlines():
        m = re.match(r"\s*(\S+): (.+)$", line)
        if m:
            diff = mutmut(work, "show", m.group(1)).stdout
            survivors.append({"name": m.group(1), "status": m.group(2), "diff": diff})
    summary = {"modules": modules, "tests": tests, "seconds": round(seconds, 1),
               **stats, "not_killed": survivors}

    print(f"\n{stats['total']} mutants, {stats['killed']} killed, {stats['survived']} survived"
          f", {stats['timeout']} timeout, {stats['no_tests']} no tests, "
          f"{stats['suspicious']} suspicious in {seconds:.0f} s")
    for s in survivors:
        print(f"\n--- {s['name']} ({s['status']})\n{s['diff'].strip()}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
