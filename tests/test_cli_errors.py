"""The console entry point on bad command lines: one line on stderr, no traceback, a non-zero exit.

These run `main()` in a child process, as a user's shell does: typer's test runner does not go
through `main()`, which is where usage errors are turned into one line.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLES

CLI = [sys.executable, "-c", "from quotestance.cli.app import main; main()"]
C02 = str(ARTICLES / "c02.txt")


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, starts", [
    (["tag", C02, "--jobs", "abc"], "quotestance: error: Invalid value for '--jobs'"),
    (["tag", C02, "--bogus"], "quotestance: error: No such option: --bogus"),
    (["tag"], "quotestance: error: Missing argument 'paths'."),
    (["label", C02, "--suggest", "abc"], "quotestance: error: Invalid value for '--suggest'"),
    (["nosuchcommand"], "quotestance: error: No such command 'nosuchcommand'."),
])
def test_usage_errors_are_one_line_and_exit_2(args, starts):
    done = run(*args)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith(starts), done.stderr
    assert done.stderr.rstrip().endswith("--help`)")  # says where to look


def test_bare_command_prints_help():
    done = run()
    assert "Usage: " in done.stderr + done.stdout and "Find the direct quotes" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_a_good_command_still_exits_0():
    done = run("tag", C02, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3


def test_stdin_named_twice_is_refused():
    done = run("tag", "-", "-", stdin="Ann Baker said: \u201cWe will win.\u201d\n")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "quotestance: error: -: standard input can be read only once\n"


def test_unwritable_page_names_the_users_file_not_a_temporary_one():
    target = Path("/proc/quotestance-page.html")  # no file can be made in /proc, even by root
    if not Path("/proc").is_dir():
        pytest.skip("needs /proc")
    done = run("inspect", C02, "--html", str(target))
    assert done.returncode == 1
    assert done.stderr.startswith(f"quotestance: error: {target}: cannot write (")
    assert ".tmp" not in done.stderr and done.stderr.count("\n") == 1


def test_train_refuses_an_unwritable_model_path_before_training(tmp_path, labels_copy):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = run("train", "--labels", str(labels_copy[0]), "--out", str(blocker / "stance.joblib"))  # refused at once, not after minutes
    assert done.returncode == 1
    assert done.stderr.startswith(f"quotestance: error: {blocker / 'stance.joblib'}: cannot write the model there (")
    assert done.stderr.count("\n") == 1


def test_train_refuses_a_folder_as_model_path_before_training(tmp_path, labels_copy):
    done = run("train", "--labels", str(labels_copy[0]), "--out", str(tmp_path))  # it used to fail after training, naming a temporary file
    assert done.returncode == 1
    assert done.stderr == (f"quotestance: error: {tmp_path}: is a folder; --out takes the model's file name "
                           f"(e.g. {tmp_path / 'stance.joblib'})\n")


def test_train_refuses_a_card_path_that_is_a_folder(tmp_path, labels_copy):
    (tmp_path / "stance.card.json").mkdir()
    done = run("train", "--labels", str(labels_copy[0]), "--out", str(tmp_path / "stance.joblib"))
    assert done.returncode == 1
    assert done.stderr == (f"quotestance: error: {tmp_path / 'stance.card.json'}: is a folder, where the model's card "
                           "would go; choose another --out\n")
