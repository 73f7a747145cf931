"""Bad input gives one line and exit 1 (never a traceback), memory stays bounded, a killed `train`
leaves a model that loads, and a model file is loaded only when its card vouches for it."""
from __future__ import annotations

import builtins
import errno
import hashlib
import io
import json
import os
import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ARTICLES
from quotestance.cli.app import app
from quotestance.cli.articles import MAX_BYTES, MAX_CHARS
from quotestance.model.stance import ModelError, ModelFallbackWarning, StanceModel, previous_pair

runner = CliRunner()
CLI = [sys.executable, "-c", "from quotestance.cli.app import main; main()"]


def tag(*args: str, **kw):
    return runner.invoke(app, ["tag", *args], **kw)


def one_error_line(result) -> str:
    """The single stderr line of a failed command (exit 1, no traceback, nothing on stdout)."""
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    return result.stderr.rstrip("\n")


# --- bad files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data, why", [
    (b"", "empty file"),
    (b"  \n\t\r\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file, not an article"),
    (b'Ann said: "caf\xe9 au lait"', "not UTF-8 text (byte 14)"),  # Latin-1, not UTF-8
    ("Ann said: “Straße”".encode("utf-16"), "UTF-16 text, not UTF-8 (save it as UTF-8)"),  # with its BOM
    ("Ann said: “Straße”".encode("utf-16-le"), "binary file, not an article"),  # no BOM: NUL bytes
])
def test_bad_file_one_line(tmp_path, data, why):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    assert one_error_line(tag(str(path))) == f"quotestance: error: {path}: {why}"


def test_bad_stdin_one_line():
    assert one_error_line(tag("-", input=b"")) == "quotestance: error: -: empty file"
    assert one_error_line(tag("-", input=b"\x01\x00\x02x")) == "quotestance: error: -: binary file, not an article"
    assert one_error_line(tag("-", input=b"\xff\xfe\x00x")) == "quotestance: error: -: UTF-16 text, not UTF-8 (save it as UTF-8)"


def test_missing_file_one_line(tmp_path):
    missing = tmp_path / "nope.txt"
    assert one_error_line(tag(str(missing))) == f"quotestance: error: {missing}: no such file or folder"


def test_folder_without_articles_one_line(tmp_path):
    (tmp_path / "notes.md").write_text('She said "hello there, everyone in the room today".')
    (tmp_path / "sub").mkdir()
    assert one_error_line(tag(str(tmp_path))) == f"quotestance: error: {tmp_path}: no articles (.txt, .html) in this folder"


def test_unreadable_file_one_line(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "locked.txt"
    path.write_text('Ann said: "we will win the vote today, all of us together."')
    path.chmod(0)
    assert one_error_line(tag(str(path))).startswith(f"quotestance: error: {path}: ")


def test_unreadable_file_one_line_even_as_root(tmp_path, monkeypatch):
    """The test above cannot lock root out, and CI runs as root: here opening the file raises the
    PermissionError the OS gives a user without read permission (the file exists and can be
    stat'ed, as for that user), so the unreadable-file path is tested whoever runs the tests."""
    path = tmp_path / "locked.txt"
    path.write_text('Ann said: "we will win the vote today, all of us together."')
    real_open, tried = builtins.open, []

    def locked_open(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and os.fsdecode(file) == str(path):
            tried.append(file)
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", locked_open)
    monkeypatch.setattr(io, "open", locked_open)  # Path.open and the like
    line = one_error_line(tag(str(path)))
    assert tried, "the article was read without opening it: the simulated lock was never hit"
    assert line == f"quotestance: error: {path}: {os.strerror(errno.EACCES)}"


def test_folder_of_3000_small_files(tmp_path):
    """Thousands of files: every quote found, in file order, one summary line, no traceback."""
    expected = []
    for i in range(3000):
        n = 1 + i % 3
        paras = [f"Ann Baker said: \u201cWe will {verb} the vote on Tuesday, and every resident deserves to know why.\u201d"
                 for verb in ("win", "lose", "delay")[:n]]
        name = tmp_path / f"a{i:04d}.txt"
        name.write_text("\n".join(paras) + "\n", encoding="utf-8")
        expected += [str(name)] * n
    result = tag(str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{len(expected)} quotes in 3000 article(s)\n"
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in rows] == expected  # 6,000 quotes, in order
    assert {r["speaker"] for r in rows} == {"Ann Baker"}
    assert all(r["quote"].startswith("We will ") and r["quote"].endswith("know why.") for r in rows)


# --- size limits: a 50 MB file is refused after reading MAX_BYTES + 1 bytes ------------------

def test_size_limits_are_what_the_tests_assume():
    assert MAX_BYTES == 8 * 1024 * 1024 and MAX_CHARS == 400_000


def test_50_mb_article_one_line_error(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        line = b'Ann said: "we will win the vote and everyone knows it now."\n'
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert path.stat().st_size > 50 * 1024 * 1024
    assert one_error_line(tag(str(path))) == f"quotestance: error: {path}: larger than 8 MB, not a news article"
    assert one_error_line(tag("-", input=path.read_bytes())) == "quotestance: error: -: larger than 8 MB, not a news article"


def test_50_mb_article_memory_bounded(tmp_path):
    """In a fresh process: exit 1 with the one line, and peak memory far below the file's size
    plus what the model needs (the file is never read whole)."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.write(b"word " * (50 * 1024 * 1024 // 5 + 1))
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork+exec, so a child of a large
    # pytest process would report the parent's peak; VmHWM belongs to the new image.
    script = ("import sys\nfrom quotestance.cli.app import main\n"
              "try:\n    main()\nfinally:\n"
              "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
              "    print(hwm.split()[1], file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", script, "tag", str(path)], capture_output=True, text=True, timeout=300)
    error, peak_kb = done.stderr.splitlines()
    assert done.returncode == 1 and done.stdout == ""
    assert error == f"quotestance: error: {path}: larger than 8 MB, not a news article"
    assert int(peak_kb) < 400 * 1024, f"peak {int(peak_kb) // 1024} MB"  # model + libraries ~150 MB; the file would add 50-200 MB


def test_byte_limit_boundary_then_text_limit(tmp_path):
    """MAX_BYTES bytes pass the byte check; more text than MAX_CHARS is refused; MAX_CHARS is tagged."""
    at_bytes = tmp_path / "at_bytes.txt"
    at_bytes.write_bytes(b"a" * MAX_BYTES)
    assert one_error_line(tag(str(at_bytes))) == f"quotestance: error: {at_bytes}: more than 400,000 characters of text, not a news article"
    over = tmp_path / "over.txt"
    over.write_bytes(b"a" * (MAX_BYTES + 1))
    assert one_error_line(tag(str(over))) == f"quotestance: error: {over}: larger than 8 MB, not a news article"
    words = ("the vote is on Tuesday and it is not close " * (MAX_CHARS // 40 + 1))[:MAX_CHARS - 1] + "\n"
    at_chars = tmp_path / "at_chars.txt"
    at_chars.write_text(words, encoding="utf-8")
    result = tag(str(at_chars))
    assert result.exit_code == 0 and result.stderr == "0 quotes in 1 article(s)\n"
    at_chars.write_text("x" + words, encoding="utf-8")
    assert one_error_line(tag(str(at_chars))).endswith("more than 400,000 characters of text, not a news article")


def test_html_page_limit_counts_text_not_markup(tmp_path):
    """A big page of scripts and markup is fine when its text is article-sized."""
    page = tmp_path / "page.html"
    script = "<script>" + "var x = 1;" * 100_000 + "</script>"
    page.write_text(f"<html><head>{script}</head><body><p>Ann Baker said: \u201cWe will win the vote on "
                    f"Tuesday, and every resident deserves to know why.\u201d</p></body></html>", encoding="utf-8")
    assert page.stat().st_size > MAX_CHARS
    result = tag(str(page), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["speaker"] == "Ann Baker"


# --- a model from elsewhere --------------------------------------------------------------------

def test_tampered_model_byte_is_refused(model_copy):
    data = bytearray(model_copy.read_bytes())
    data[100] ^= 0x01
    model_copy.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match the hash on its card; refusing to load it, run `quotestance train`"):
        StanceModel.load(model_copy)
    line = one_error_line(tag(str(ARTICLES / "c02.txt"), "--model", str(model_copy)))
    assert line == (f"quotestance: error: {model_copy}: file does not match the hash on its card; "
                    "refusing to load it, run `quotestance train`")


def test_card_from_another_scikit_learn_is_refused(model_copy):
    card_file = model_copy.with_name("stance.card.json")
    card = json.loads(card_file.read_text())
    card["versions"]["scikit-learn"] = "1.0.2"
    card_file.write_text(json.dumps(card))
    with pytest.raises(ModelError, match=r"trained with scikit-learn 1\.0\.2, this is .*; run `quotestance train`"):
        StanceModel.load(model_copy)
    assert "run `quotestance train`" in one_error_line(tag(str(ARTICLES / "c02.txt"), "--model", str(model_copy)))


def test_a_pickle_that_runs_code_is_never_unpickled(model_copy, tmp_path):
    """A file that would run code on loading, next to the shipped card: refused before unpickling."""
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    model_copy.write_bytes(pickle.dumps(Evil()))
    with pytest.raises(ModelError, match="quotestance train"):
        StanceModel.load(model_copy)
    # Even with a card whose hash is right, but whose scikit-learn is not this one.
    card_file = model_copy.with_name("stance.card.json")
    card = json.loads(card_file.read_text())
    card.update(model_sha256=hashlib.sha256(model_copy.read_bytes()).hexdigest())
    card["versions"]["scikit-learn"] = "0.0"
    card_file.write_text(json.dumps(card))
    with pytest.raises(ModelError, match="quotestance train"):
        StanceModel.load(model_copy)
    assert not marker.exists()


@pytest.mark.parametrize("content, says", [
    (lambda: joblib_bytes({"a": 1}), "holds a dict, not a stance pipeline"),
    (lambda: bytes(range(256)) * 8, "not a model file"),
])
def test_vouched_for_file_that_is_no_model_is_refused(model_copy, content, says):
    """A card whose hash matches a file that is not a stance pipeline: one line, no traceback."""
    model_copy.write_bytes(content())
    card_file = model_copy.with_name("stance.card.json")
    card = json.loads(card_file.read_text())
    card.update(model_sha256=hashlib.sha256(model_copy.read_bytes()).hexdigest())
    card_file.write_text(json.dumps(card))
    with pytest.raises(ModelError, match=f"{says}.*run `quotestance train`"):
        StanceModel.load(model_copy)
    assert says in one_error_line(tag(str(ARTICLES / "c02.txt"), "--model", str(model_copy)))


@pytest.mark.parametrize("edit, says", [
    (lambda c: c.update(versions="1.9.1"), "no 'versions' object"),
    (lambda c: c.pop("target"), "no 'target' with a name"),
    (lambda c: c.update(target={"name": ""}), "no 'target' with a name"),
    (lambda c: c.update(target="Peter Mandelson"), "no 'target' with a name"),
    (lambda c: c["target"].update(aliases="Mandelson"), "the target's 'aliases' are not a list of names"),
])
def test_a_card_with_fields_of_the_wrong_shape_is_refused(model_copy, edit, says):
    """The hash covers the model file, not the card: each edit here was a traceback."""
    card_file = model_copy.with_name("stance.card.json")
    card = json.loads(card_file.read_text())
    edit(card)
    card_file.write_text(json.dumps(card))
    with pytest.raises(ModelError, match=f"unreadable card \\({says}\\); run `quotestance train`"):
        StanceModel.load(model_copy)
    assert says in one_error_line(tag(str(ARTICLES / "c02.txt"), "--model", str(model_copy)))


def test_a_card_naming_another_target_than_the_models_is_refused(model_copy):
    """An edited target used to load silently: stances masked Mandelson and were reported toward Starmer."""
    card_file = model_copy.with_name("stance.card.json")
    card = json.loads(card_file.read_text())
    card["target"] = {"name": "Keir Starmer", "aliases": ["Starmer", "the prime minister"]}
    card_file.write_text(json.dumps(card))
    with pytest.raises(ModelError, match="its card says the target is Keir Starmer, the model was trained toward "
                                         "Peter Mandelson; refusing to load it"):
        StanceModel.load(model_copy)
    assert "refusing to load it" in one_error_line(tag(str(ARTICLES / "c02.txt"), "--model", str(model_copy)))


def test_a_pipeline_without_quotestances_features_is_refused(model_copy):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    other = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(["good", "bad", "fine"], ["s", "c", "n"])
    model_copy.write_bytes(joblib_bytes(other))
    card_file = model_copy.with_name("stance.card.json")
    card = json.loads(card_file.read_text())
    card.update(model_sha256=hashlib.sha256(model_copy.read_bytes()).hexdigest())
    card_file.write_text(json.dumps(card))
    with pytest.raises(ModelError, match="without quotestance's features, not a stance pipeline"):
        StanceModel.load(model_copy)
    assert "not a stance pipeline" in one_error_line(tag(str(ARTICLES / "c02.txt"), "--model", str(model_copy)))


def joblib_bytes(obj) -> bytes:
    import io

    import joblib

    buf = io.BytesIO()
    joblib.dump(obj, buf)
    return buf.getvalue()


@pytest.mark.parametrize("card_text", ["", "not json", "[1, 2]", '"a string"'])
def test_unreadable_card_is_refused(model_copy, card_text):
    model_copy.with_name("stance.card.json").write_text(card_text)
    with pytest.raises(ModelError, match="unreadable card.*run `quotestance train`"):
        StanceModel.load(model_copy)


def test_mismatched_model_falls_back_only_to_a_verified_previous_pair(model_copy):
    """The state a kill between write_model's two renames leaves: new model, old card. The
    verified *.previous pair loads, with a warning; an unverified one is refused too."""
    prev_model, prev_card = previous_pair(model_copy)
    shutil.copy(model_copy, prev_model)
    shutil.copy(model_copy.with_name("stance.card.json"), prev_card)
    model_copy.write_bytes(model_copy.read_bytes() + b"\0")  # no longer what the card vouches for
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = StanceModel.load(model_copy)
    assert [w.category for w in caught] == [ModelFallbackWarning]
    assert "loaded the previous model stance.joblib.previous instead" in str(caught[0].message)
    assert m.card["model_sha256"] == hashlib.sha256(prev_model.read_bytes()).hexdigest()
    result = tag(str(ARTICLES / "c02.txt"), "--model", str(model_copy), "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0].startswith(f"quotestance: warning: {model_copy}: file does not match the hash")
    assert result.stdout.count("\n") == 3
    # Every command that loads a model says the fallback in one line, never as a Python warning.
    for args in (["inspect", str(ARTICLES / "c02.txt")], ["summary", str(ARTICLES / "c02.txt")]):
        result = runner.invoke(app, [*args, "--model", str(model_copy)])
        assert result.exit_code == 0, result.stderr
        assert result.stderr.splitlines()[0].startswith(f"quotestance: warning: {model_copy}: file does not match the hash")
        assert "Warning" not in result.stderr
    prev_model.write_bytes(prev_model.read_bytes() + b"\0")  # the previous pair no longer verifies either
    with pytest.raises(ModelError, match=f"^{model_copy}: file does not match the hash on its card"):
        StanceModel.load(model_copy)


# --- interrupting train ------------------------------------------------------------------------

def _loads(out: Path) -> dict:
    """The card of what StanceModel.load(out) loads (falling back to *.previous if it must)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelFallbackWarning)
        return StanceModel.load(out).card


def _wait_for(proc, folder: Path, pattern: str, timeout: float = 300) -> bool:
    """Poll (every ~1 ms) until a file matching ``pattern`` appears in ``folder``; False if the process ended first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if any(folder.glob(pattern)):
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.001)
    raise AssertionError(f"no {pattern} in {folder} after {timeout} s")


def test_killed_train_leaves_a_model_that_loads(labels_copy, model_copy):
    """`quotestance train --out` where a model and card exist, SIGKILLed as soon as its first
    temporary file (the new model being dumped) appears, then as soon as the new card's, then a
    *.previous copy's: after each kill the old or the new model loads, or the verified *.previous
    pair when the kill fell between the two renames. A last run completes."""
    from quotestance.model.stance import verify

    root, _ = labels_copy
    old_sha = json.loads(model_copy.with_name("stance.card.json").read_text())["model_sha256"]

    def train():
        return subprocess.Popen([*CLI, "train", "--labels", str(root), "--out", str(model_copy)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    for kill_at in ("*.tmp", "*.card.tmp", "*.previous.tmp"):
        for p in model_copy.parent.glob("*.tmp"):  # what an earlier kill left behind
            p.unlink()
        proc = train()
        try:
            caught = _wait_for(proc, model_copy.parent, kill_at)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait()
        card = _loads(model_copy)
        if kill_at == "*.tmp":  # killed while dumping the new model (tens of ms: always caught)
            assert caught, "train ended before its model was dumped"
            assert card["model_sha256"] == old_sha == verify(model_copy)["model_sha256"]  # the old pair, untouched
        # The card and *.previous files live for about a millisecond: a kill there is a chance, not
        # a certainty (test_write_model_crash_before_each_rename covers each step for sure).
        assert card["labels"]["articles"] in (27, 2)  # the shipped model, or the one trained on 2 articles
    proc = train()
    assert proc.wait() == 0, proc.stderr.read()
    assert verify(model_copy)["labels"]["articles"] == 2
    assert verify(*previous_pair(model_copy))["labels"]["articles"] in (27, 2)


WRITER = r"""
import copy, itertools, sys
from pathlib import Path
from quotestance.model.stance import StanceModel
from quotestance.training.train import write_model
out = Path(sys.argv[1])
old = StanceModel.load(out)
other = copy.deepcopy(old.pipeline)
other.steps[-1][1].C = 0.5  # different bytes, so a different hash
card = {k: v for k, v in old.card.items() if k != "model_sha256"}
print("ready", flush=True)
for i in itertools.count():
    write_model(other if i % 2 == 0 else old.pipeline, dict(card, trained=str(i)), out)
"""


def test_model_loads_at_any_instant_of_repeated_writes(model_copy):
    """A process rewriting the model in a loop, frozen (SIGSTOP) at random instants: at every
    one, the pair on disk loads (the main pair or the verified *.previous); then SIGKILL."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(model_copy)], stdout=subprocess.PIPE, text=True)
    rng = random.Random(6)
    seen = set()
    try:
        assert proc.stdout.readline() == "ready\n"
        start, samples = time.monotonic(), 0
        # At least 4 s and 20 looks, and until three different writes were seen (60 s at most).
        while (time.monotonic() - start < 4 or samples < 20 or len(seen) < 3) and time.monotonic() - start < 60:
            time.sleep(rng.uniform(0, 0.03))
            proc.send_signal(signal.SIGSTOP)
            try:
                seen.add(_loads(model_copy).get("trained"))  # raises if no pair on disk verifies
                samples += 1
            finally:
                proc.send_signal(signal.SIGCONT)
        time.sleep(rng.uniform(0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _loads(model_copy)
    finally:
        proc.kill()
        proc.wait()
    assert len(seen) >= 3, seen  # the writes went on while we looked


class _Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing in write_model handles it."""


def _crash_at_rename(monkeypatch, k: int):
    """Make write_model's k-th os.replace (0-based) never happen: the process dies right before it."""
    real, calls = os.replace, []

    def replace(src, dst):
        if len(calls) == k:
            raise _Killed
        calls.append(dst)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


@pytest.mark.parametrize("interrupted_before", [False, True])
def test_write_model_crash_before_each_rename_leaves_a_loadable_pair(model_copy, monkeypatch, interrupted_before):
    """Deterministic: write_model interrupted right before each of its renames (the two *.previous
    copies, the model, the card), and run to the end. ``interrupted_before``: the folder already
    holds what a kill between the two renames left (new model, old card, good *.previous); the
    old write_model copied that mismatched pair over *.previous, leaving no pair that loads."""
    import copy

    from quotestance.model.stance import verify
    from quotestance.training.train import write_model

    base = StanceModel.load(model_copy)
    old_sha = base.card["model_sha256"]
    card = {k: v for k, v in base.card.items() if k != "model_sha256"}
    other = copy.deepcopy(base.pipeline)
    other.steps[-1][1].C = 0.25  # a different model file
    pristine = {p.name: p.read_bytes() for p in model_copy.parent.iterdir()}
    renames = 2 if interrupted_before else 4  # a main pair that does not verify is not copied to *.previous
    for k in range(renames + 1):
        for p in model_copy.parent.iterdir():
            p.unlink()
        for name, data in pristine.items():
            (model_copy.parent / name).write_bytes(data)
        if interrupted_before:
            _crash_at_rename(monkeypatch, 3)  # killed between the model's and the card's rename
            with pytest.raises(_Killed):
                write_model(other, dict(card, trained="earlier"), model_copy)
            monkeypatch.undo()
            with pytest.raises(ModelError, match="does not match the hash"):
                verify(model_copy)
            assert verify(*previous_pair(model_copy))["model_sha256"] == old_sha
        done = _crash_at_rename(monkeypatch, k)
        if k < renames:
            with pytest.raises(_Killed):
                write_model(other, dict(card, trained="now"), model_copy)
        else:
            write_model(other, dict(card, trained="now"), model_copy)
        monkeypatch.undo()
        assert len(done) == k
        loaded = _loads(model_copy)  # raises if neither the main nor the *.previous pair verifies
        if k < renames:
            assert loaded["model_sha256"] == old_sha  # the old model, from the main pair or *.previous
        else:
            assert loaded["trained"] == "now" and verify(model_copy)["trained"] == "now"
            assert verify(*previous_pair(model_copy))["model_sha256"] == old_sha
        assert not list(model_copy.parent.glob("*.tmp")), "temporary files left behind"


# --- --skip-bad: a folder with unreadable files ---------------------------------------------------

def _mixed_folder(tmp_path):
    folder = tmp_path / "scraped"
    folder.mkdir()
    for name in ("c02.txt", "c03.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    (folder / "b_binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "c_latin1.txt").write_bytes("caf\xe9 said \u201chello\u201d\n".encode("latin-1", "replace"))
    return folder


@pytest.mark.parametrize("jobs", [[], ["--jobs", "2"]])
def test_skip_bad_tags_the_readable_articles_and_warns_once_per_bad_file(tmp_path, jobs):
    folder = _mixed_folder(tmp_path)
    stopped = tag(str(folder), "--format", "jsonl", *jobs)
    assert one_error_line(stopped).endswith("b_binary.txt: binary file, not an article")
    result = tag(str(folder), "--format", "jsonl", "--skip-bad", *jobs)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    alone = [json.loads(line) for line in tag(str(folder / "c02.txt"), str(folder / "c03.txt"), "--format", "jsonl").stdout.splitlines()]
    assert [(r["quote"], r["speaker"], r["stance"]) for r in rows] == [(r["quote"], r["speaker"], r["stance"]) for r in alone]
    warnings = result.stderr.splitlines()
    assert warnings[0] == f"quotestance: warning: {folder / 'b_binary.txt'}: binary file, not an article; skipped"
    assert warnings[1].startswith(f"quotestance: warning: {folder / 'c_latin1.txt'}: not UTF-8 text")
    assert warnings[2] == f"{len(rows)} quotes in 2 article(s); 2 file(s) skipped"
