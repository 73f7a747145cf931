"""The README's example runs are what the commands print today (an example once drifted from the
model it showed)."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotestance.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def example(command: str) -> list[str]:
    """The lines shown under ``$ quotestance COMMAND`` in the README, up to a "..." line or the fence."""
    block = re.search(rf"^\$ quotestance {re.escape(command)}\n(.*?)^```", README, re.M | re.S)
    assert block, f"no example of `quotestance {command}` in README.md"
    lines = block.group(1).splitlines()
    return lines[:lines.index("...")] if "..." in lines else lines


@pytest.mark.parametrize("command, whole", [
    ("tag labels/articles/c02.txt", True),  # stdout, then the stderr line
    ("inspect labels/articles/c02.txt", False),  # the first quote of three
    ("summary labels/articles/c0*.txt", False),  # the first rows
])
def test_readme_example_is_the_real_output(command, whole):
    args = []
    for a in shlex.split(command):
        args += sorted(str(p) for p in ROOT.glob(a)) if "*" in a else [str(ROOT / a) if a.startswith("labels/") else a]
    result = runner.invoke(app, args, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    shown = example(command)
    real = result.stdout.splitlines() + (result.stderr.splitlines() if whole else [])
    assert real == shown if whole else real[:len(shown)] == shown
