"""`tag --jobs N` and `--backend dask`: the same bytes as one process, and one-line errors."""
from __future__ import annotations

import io
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ARTICLES
from quotestance.cli import cmd_tag
from quotestance.cli.app import app
from quotestance.cli.articles import expand, read_article
from quotestance.cli.output import Writer
from quotestance.model import tagger
from quotestance.model.stance import StanceModel
from quotestance.model.tagger import tag_text
from quotestance.model.target import Target

runner = CliRunner()
FOLDER = str(ARTICLES)


def tag(*args: str):
    return runner.invoke(app, ["tag", *args])


def one_error_line(result, code: int = 1) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


@pytest.fixture(scope="module")
def single():
    """One process, --format jsonl, on all labelled articles."""
    result = tag(FOLDER, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return result


def test_one_process_is_tag_text_article_by_article(single):
    """Batching stance over articles changes nothing: the bytes of a loop over tag_text."""
    model, out = StanceModel.load(), io.StringIO()
    writer = Writer("jsonl", out)
    for name in expand([FOLDER]):
        writer.write(tag_text(read_article(name), name, model))
    assert single.stdout == out.getvalue()
    assert single.stderr == f"{writer.rows} quotes in 27 article(s)\n"


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_jobs_gives_the_same_bytes(single, jobs):
    result = tag(FOLDER, "--format", "jsonl", "--jobs", jobs)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == single.stdout
    assert result.stderr == single.stderr


_real_tag_batch = tagger.tag_batch


def _tag_batch_noting_pid(items, model, target=None):
    """tag_batch, first leaving this process's id in the ``pids`` folder beside the articles'
    folder, then waiting (at most a minute) until a second process has left one too, so that a
    quick first worker cannot take every chunk before the second has started. Runs in the loky
    workers, which import this module by name (their sys.path is the parent's); in the process
    that started the test (the pid in ``pids/parent``) it does not wait."""
    if items:
        pids = Path(items[0][0]).parent.parent / "pids"
        (pids / str(os.getpid())).touch()
        if (pids / "parent").read_text() != str(os.getpid()):
            deadline = time.monotonic() + 60
            while len([p for p in pids.iterdir() if p.name != "parent"]) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
    return _real_tag_batch(items, model, target)


def test_jobs_spreads_the_articles_over_worker_processes(tmp_path, monkeypatch):
    """--jobs 2 tags in two worker processes, not in this one, and still gives the bytes of one process."""
    news, pids = tmp_path / "news", tmp_path / "pids"
    news.mkdir()
    pids.mkdir()
    for name in sorted(p.name for p in ARTICLES.glob("*.txt"))[:8]:  # 4 chunks of 2 for 2 workers
        shutil.copy(ARTICLES / name, news / name)
    (pids / "parent").write_text(str(os.getpid()))
    one = tag(str(news), "--format", "jsonl")
    assert one.exit_code == 0, one.stderr
    monkeypatch.setattr(tagger, "tag_batch", _tag_batch_noting_pid)
    two = tag(str(news), "--format", "jsonl", "--jobs", "2")
    assert two.exit_code == 0, two.stderr
    assert (two.stdout, two.stderr) == (one.stdout, one.stderr) and one.stdout.count("\n") > 20
    workers = {int(p.name) for p in pids.iterdir() if p.name != "parent"}
    assert len(workers) == 2 and os.getpid() not in workers, workers


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_jobs_same_bytes_in_other_formats(fmt):
    one, two = tag(FOLDER, "--format", fmt), tag(FOLDER, "--format", fmt, "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout and two.stdout.count("\n") > 200


def test_jobs_with_another_target():
    args = [FOLDER, "--format", "jsonl", "--target", "Keir Starmer", "--alias", "Starmer"]
    one, two = tag(*args), tag(*args, "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    model = StanceModel.load()
    out = io.StringIO()
    writer = Writer("jsonl", out)
    for name in expand([FOLDER])[:3]:
        writer.write(tag_text(read_article(name), name, model, Target("Keir Starmer", ("Starmer",))))
    assert one.stdout.startswith(out.getvalue())


def test_bad_file_midway_same_output_and_error_as_one_process(tmp_path):
    """Articles before an unreadable one are written, then its error: with or without --jobs."""
    names = sorted(p.name for p in ARTICLES.glob("*.txt"))[:12]
    for name in names:
        shutil.copy(ARTICLES / name, tmp_path / name)
    bad = tmp_path / (names[6][:-4] + "_bad.txt")  # sorts right after the 7th article
    bad.write_bytes(b"PK\x03\x04\x00\x00binary")
    one = tag(str(tmp_path), "--format", "jsonl")
    assert one_error_line(one) == f"quotestance: error: {bad}: binary file, not an article"
    model, out = StanceModel.load(), io.StringIO()
    writer = Writer("jsonl", out)
    for name in names[:7]:
        writer.write(tag_text(read_article(str(tmp_path / name)), str(tmp_path / name), model))
    assert writer.rows > 0 and one.stdout == out.getvalue()
    for jobs in ("2", "3"):
        many = tag(str(tmp_path), "--format", "jsonl", "--jobs", jobs)
        assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)


@pytest.mark.parametrize("args, message", [
    (["--jobs", "0"], "--jobs must be 1 or more, or -1 for one per CPU (got 0)"),
    (["--jobs", "-5"], "--jobs must be 1 or more, or -1 for one per CPU (got -5)"),
    (["--backend", "spark"], "unknown backend 'spark' (choose one of loky, dask)"),
    (["--backend", "dask"], "--backend dask needs --scheduler ADDRESS"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --backend dask"),
])
def test_bad_parallel_options(args, message):
    assert one_error_line(tag(FOLDER, *args), code=2) == f"quotestance: error: {message}"  # usage errors


def test_dask_missing_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = tag(str(ARTICLES / "c02.txt"), "--backend", "dask", "--scheduler", "tcp://127.0.0.1:8786")
    line = one_error_line(result)
    assert line == "quotestance: error: --backend dask needs Dask: install quotestance[dask]"
    assert result.stdout == ""


# --- Dask, against a local cluster on loopback ---------------------------------------------------

@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def test_dask_gives_the_same_bytes(single, cluster):
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    result = tag(FOLDER, "--format", "jsonl", "--backend", "dask", "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == single.stdout
    assert result.stderr.endswith(single.stderr)


def test_dask_with_jobs_and_csv(cluster):
    one = tag(FOLDER, "--format", "csv")
    result = tag(FOLDER, "--format", "csv", "--backend", "dask", "--scheduler", cluster.scheduler_address, "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == one.stdout


def test_dask_scheduler_unreachable(monkeypatch):
    pytest.importorskip("distributed")
    import socket

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(cmd_tag, "DASK_CONNECT_TIMEOUT", "1s")
    result = tag(str(ARTICLES / "c02.txt"), "--backend", "dask", "--scheduler", f"tcp://127.0.0.1:{port}")
    line = one_error_line(result)
    assert line.startswith(f"quotestance: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: ")
    assert result.stdout == ""


def test_dask_scheduler_address_invalid():
    pytest.importorskip("distributed")
    line = one_error_line(tag(str(ARTICLES / "c02.txt"), "--backend", "dask", "--scheduler", "not an address"))
    assert line.startswith("quotestance: error: cannot reach the Dask scheduler at not an address: ")


def test_dask_skip_bad_gives_the_same_bytes_and_warnings_as_one_process(tmp_path, cluster):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("c02.txt", "c05.txt", "c09.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    (folder / "c03_binary.txt").write_bytes(bytes(range(256)) * 20)
    one = tag(str(folder), "--format", "jsonl", "--skip-bad")
    result = tag(str(folder), "--format", "jsonl", "--skip-bad", "--backend", "dask", "--scheduler", cluster.scheduler_address)
    assert one.exit_code == result.exit_code == 0, result.stderr
    assert result.stdout == one.stdout and one.stdout.count("\n") > 5
    assert result.stderr.endswith(one.stderr) and "c03_binary.txt: binary file, not an article; skipped" in one.stderr
