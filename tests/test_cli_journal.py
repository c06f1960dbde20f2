from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coulisses.journal import Journal
from tests import installed
from tests.helpers import jpeg_bytes

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def cli(installed_cli):
    """These commands run through the installed console script, as a user types them."""
    return installed_cli


def test_piece_new_prints_the_id_alone_on_the_last_line(cli) -> None:
    code, out, err = cli("piece", "new", "Vase bleu ✨ #3")
    assert code == 0, err
    assert out.strip().splitlines()[-1] == "vase-bleu-3"
    code, out, _ = cli("piece", "new", "Vase bleu ✨ #3")
    assert out.strip().splitlines()[-1] == "vase-bleu-3-2"


def test_piece_list_shows_counts(cli, home: Path) -> None:
    cli("piece", "new", "Bol raku")
    j = Journal.open(home)
    for i in range(3):
        j.add_still("bol-raku", jpeg_bytes(), T0 + timedelta(seconds=i))
    cli("mark", "bol-raku", "struggle", "--caption", "Fissure")
    code, out, _ = cli("piece", "list")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("bol-raku"))
    assert row.split()[:2] == ["bol-raku", "Bol"] and " 3 " in row and " 1 " in row
    code, out, _ = cli("piece", "list", "--json")
    rows = json.loads(out)
    assert rows[0]["captures"] == 3 and rows[0]["moments"] == 1


def test_mark_and_timeline_json(cli, home: Path) -> None:
    cli("piece", "new", "Vase bleu")
    j = Journal.open(home)
    caps = [j.add_still("vase-bleu", jpeg_bytes(), T0 + timedelta(seconds=10 * i))
            for i in range(4)]
    j.add_still("vase-bleu", jpeg_bytes(), T0 + timedelta(seconds=5), source="IMG_0042.HEIC")
    caption = "Troisième effondrement. Trop d'eau."
    assert cli("mark", "Vase bleu", "struggle", "--caption", caption)[0] == 0
    assert cli("mark", "vase-bleu", "fix", "--at", caps[1].id)[0] == 0
    assert cli("mark", "vase-bleu", "milestone", "--at", "2026-11-23T09:00:25Z")[0] == 0
    code, out, err = cli("timeline", "vase-bleu", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["piece"] == {"id": "vase-bleu", "name": "Vase bleu"}
    times = [c["time"] for c in data["captures"]]
    assert times == sorted(times) and len(times) == 5
    assert all({"id", "time", "path"} <= set(c) for c in data["captures"])
    assert all(Path(c["path"]).is_file() for c in data["captures"])
    imported = [c for c in data["captures"] if "source" in c]
    assert [c["source"] for c in imported] == ["IMG_0042.HEIC"]
    assert times[0] == "2026-11-23T09:00:00.000Z"
    kinds = {m["kind"]: m for m in data["moments"]}
    assert kinds["struggle"]["capture"] == caps[-1].id
    assert kinds["struggle"]["caption"] == "Troisième effondrement. Trop d'eau."
    assert kinds["fix"]["capture"] == caps[1].id
    assert kinds["milestone"]["capture"] == caps[2].id
    assert all({"id", "kind", "capture", "time", "caption"} <= set(m) for m in data["moments"])


def test_errors_are_one_line_with_the_right_exit_status(cli) -> None:
    code, out, err = cli("mark", "nowhere", "struggle")
    assert code == 1 and err.count("\n") == 1 and "nowhere" in err and "Traceback" not in err
    code, _, err = cli("piece", "new", "Bol")
    code, _, err = cli("mark", "bol", "disaster")
    assert code == 2 and err.count("\n") == 1 and "disaster" in err
    code, _, err = cli("mark", "bol", "fix", "--at", "not-a-time")
    assert code == 1 and err.count("\n") == 1
    code, _, err = cli("frobnicate")
    assert code == 2 and err.count("\n") == 1
    code, _, err = cli("timeline")
    assert code == 2 and err.count("\n") == 1


def test_console_command_runs_headless_without_qt_widgets(home: Path) -> None:
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['coulisses', '--home', sys.argv[1], 'piece', 'list']\n"
        "from coulisses.cli import main\n"
        "code = main()\n"
        "assert code == 0, code\n"
        "bad = [m for m in sys.modules\n"
        "       if m.startswith('PySide6.QtWidgets') or m == 'PySide6.QtGui']\n"
        "print('QT:' + ','.join(bad))\n"
    )
    # The venv's own interpreter without PYTHONPATH: it imports the installed package.
    res = subprocess.run([sys.executable, "-c", probe, str(home)], capture_output=True,
                         text=True, env=installed.clean_env(), cwd=home, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().splitlines()[-1] == "QT:"
    res = installed.run("piece", "new", "Théière", home=home)
    assert res.returncode == 0 and res.stdout.strip().splitlines()[-1] == "theiere"
    res = installed.run("mark", "theiere", "nope", home=home)
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
