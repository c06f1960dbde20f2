"""The command line over the journal: a command loads only what it needs (the cold
`timeline` of a fresh piece must not pay for OpenCV, the importer or the exporter)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np

from coulisses.cli import COMMAND_MODULES, COMMAND_OF, _modules_for, build_parser
from coulisses.journal import Journal
from coulisses.journal.codec import encode_still

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

_PROBE = """
import json, sys
from coulisses.cli import main
code = main(sys.argv[1:])
heavy = [m for m in ("cv2", "coulisses.capture.importer", "coulisses.export.exporter")
         if m in sys.modules]
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def test_timeline_of_a_fresh_piece_loads_no_opencv(home: Path) -> None:
    journal = Journal.open(home)
    pid = journal.create_piece("Bol").id
    for i in range(60):
        img = np.full((240, 320, 3), 90 if i < 30 else 160, np.uint8)
        cv2.circle(img, (160, 120), 40 + (i % 3), (255, 255, 255), -1)
        still, thumb = encode_still(img)
        journal.add_still(pid, still, T0 + timedelta(seconds=10 * i), thumbnail=thumb)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", _PROBE, "--home", str(home), "timeline", pid,
                           "--json"], capture_output=True, text=True, env=env, timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}, done.stderr
    assert len(json.loads(done.stdout)["captures"]) == 60


def test_each_command_is_found_in_its_module(cli) -> None:
    assert set(COMMAND_OF.values()) == set(COMMAND_MODULES)
    assert _modules_for(["--home", "x", "-v", "timeline", "bol"]) == ("timeline",)
    assert _modules_for(["--home=x", "piece", "list"]) == ("pieces",)
    assert _modules_for(["snap", "bol"]) == ("capture",)
    for full in (["--help"], ["--version"], ["tmeline"], ["-x", "timeline"]):
        assert _modules_for(full) == COMMAND_MODULES
    code, _, err = cli("tmeline", "bol")
    assert code == 2 and "invalid choice" in err and "timeline" in err
    for command in COMMAND_OF:  # each one is registered by the module named for it
        parser = build_parser(_modules_for([command]))
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        assert command in sub.choices
