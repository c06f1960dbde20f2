"""The CLI in a shell pipeline: a reader that stops early is not an error."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys

import pytest

from coulisses.journal import Journal
from tests import installed


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("head") is None,
                    reason="needs a POSIX shell and head")
def test_output_cut_short_by_head_says_nothing(home) -> None:
    journal = Journal.open(home)
    for i in range(400):
        journal.create_piece(f"Bol {i:03d} " + "x" * 40)
    command = f"{shlex.quote(str(installed.script()))} --home {shlex.quote(str(home))} piece list"
    done = subprocess.run(f"{command} | head -n 1", shell=True, capture_output=True, text=True,
                          timeout=120, env=installed.clean_env())
    assert done.stdout.startswith("id"), done.stdout
    assert done.stderr == "", done.stderr
