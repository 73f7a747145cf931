#!/usr/bin/env python
"""Speed, cold start, training time and peak memory of `quotestance`, as one table.

    python benchmarks/bench.py                   # the table; also written to benchmarks/RESULTS.md
    python benchmarks/bench.py --profile         # where tagging's time goes (cProfile), by stage
    python benchmarks/bench.py --articles 10000  # a bigger batch (default 5,000)

The batch is made from the 27 labelled articles in labels/articles, cycled, each copy with small
changes of whitespace (blank lines between paragraphs, trailing spaces, a doubled space) and its own
file name, written to a temporary folder. Single-process measures are pinned to one CPU with
BLAS/OpenMP threads set to 1. Cold starts are new processes (the OS file cache warm), median of
--runs runs, interleaved with their floors. Peak memory is the max RSS of the child process
(os.wait4). A reference row times the issue's yardstick, a plain regex + TF-IDF tagger, on the
same batch in the same process. The Dask row needs `pip install quotestance[bench]` (or [dask]) and is skipped without it.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "labels" / "articles"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
ONE_ARTICLE = ARTICLES / "c02.txt"
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def cli() -> list[str]:
    """The installed console script (what users run), else the same entry point through python."""
    script = Path(sys.executable).with_name("quotestance")
    if script.is_file():
        return [str(script)]
    found = shutil.which("quotestance")
    return [found] if found else [sys.executable, "-c", "from quotestance.cli.app import main; main()"]


def one_cpu() -> set[int] | None:
    return {min(os.sched_getaffinity(0))} if hasattr(os, "sched_getaffinity") else None


# --- the batch -------------------------------------------------------------------------------

def make_batch(folder: Path, n: int) -> list[Path]:
    """``n`` articles cycled from the labelled ones, each copy varied in whitespace and named apart."""
    sources = sorted(ARTICLES.glob("*.txt"))
    texts = {s: s.read_bytes().decode("utf-8") for s in sources}
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        k = i // len(sources)  # which copy of this article
        paras = texts[src].split("\n")
        body = ("\n\n" if k % 2 else "\n").join(p + " " * (k % 3) if p.strip() else p for p in paras)
        if k % 5 == 1:
            body = body.replace(". ", ".  ", 1)
        path = folder / f"{i:05d}_{src.stem}_v{k}.txt"
        path.write_bytes(body.encode("utf-8"))
        paths.append(path)
    return paths


# --- child processes ---------------------------------------------------------------------------

class Run:
    def __init__(self, wall: float, cpu: float, max_rss_mb: float, code: int, stderr: str):
        self.wall, self.cpu, self.max_rss_mb, self.code, self.stderr = wall, cpu, max_rss_mb, code, stderr


def run(cmd: list[str], stdout: Path | None = None, pin: bool = False, check: bool = True) -> Run:
    """Run ``cmd`` as a child; wall time, its CPU time and its own peak RSS (os.wait4)."""
    env = dict(os.environ, **SINGLE_THREAD_ENV) if pin else None
    cpus = one_cpu() if pin else None
    pre = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    with tempfile.TemporaryFile() as err, open(stdout or os.devnull, "wb") as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, preexec_fn=pre, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if check and proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{stderr}")
    # ru_maxrss is in KB on Linux, in bytes on macOS.
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode, stderr)


# Runs the CLI in-process and prints the process's own peak resident memory (VmHWM) at exit.
# Not ru_maxrss from wait4: Linux carries a process's ru_maxrss over fork+exec, so a child of
# this (large) benchmark process would report at least the benchmark's own size.
_PEAK_WRAPPER = ("import atexit, sys\n"
                 "def hwm():\n"
                 "    line = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
                 "    sys.stderr.write('VmHWM_KB=' + line.split()[1] + '\\n')\n"
                 "atexit.register(hwm)\n"
                 "from quotestance.cli.app import main\n"
                 "sys.argv[0] = 'quotestance'\n"
                 "main()\n")


def peak_mb(args: list[str]) -> float:
    """Peak resident memory, in MB, of `quotestance ARGS` run as a child."""
    r = run([sys.executable, "-c", _PEAK_WRAPPER, *args], pin=True)
    kb = [line for line in r.stderr.splitlines() if line.startswith("VmHWM_KB=")][-1]
    return int(kb.split("=")[1]) / 1024


def medians(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command over ``runs`` runs, interleaved (after one warm-up each)."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for k, cmd in cmds.items():
        run(cmd)
    for _ in range(runs):
        for k, cmd in cmds.items():
            times[k].append(run(cmd).wall)
    return {k: statistics.median(v) for k, v in times.items()}


# --- in-process stages -------------------------------------------------------------------------

def stages(paths: list[Path]) -> dict[str, float]:
    """Seconds for reading, extraction, attribution and stance over the batch, in this process."""
    from quotestance.cli.articles import read_article
    from quotestance.model.attribute import attribute
    from quotestance.model.extract import extract_quotes
    from quotestance.model.stance import StanceModel
    from quotestance.model.tagger import BATCH_ARTICLES

    model = StanceModel.load()
    target = model.target
    names = [str(p) for p in paths]
    t = {}
    start = time.perf_counter()
    texts = [read_article(n) for n in names]
    t["read"] = time.perf_counter() - start
    start = time.perf_counter()
    extracted = [list(extract_quotes(text, n)) for text, n in zip(texts, names)]
    t["extract"] = time.perf_counter() - start
    start = time.perf_counter()
    attributed = [attribute(text, quotes, target) for text, quotes in zip(texts, extracted)]
    t["attribute"] = time.perf_counter() - start
    start = time.perf_counter()
    for i in range(0, len(attributed), BATCH_ARTICLES):
        model.predict([q for quotes in attributed[i:i + BATCH_ARTICLES] for q in quotes], target)
    t["stance"] = time.perf_counter() - start
    sample = attributed[:1000]
    start = time.perf_counter()
    for quotes in sample:
        model.predict(quotes, target)
    t["stance_per_article"] = (time.perf_counter() - start) * len(attributed) / len(sample)
    t["quotes"] = sum(len(q) for q in extracted)
    t["reference"], t["reference_quotes"] = reference_tagger(texts, BATCH_ARTICLES)
    return t


# The yardstick issue #6 names: "a plain regex-plus-TF-IDF tagger". Quotes are what a double-mark
# regex finds (no single marks, no titles, no speakers); stance is the README's baseline row,
# training/pipeline.py:tfidf_baseline (word + character TF-IDF and logistic regression on the quote
# as written), fitted on the labelled quotes.
REFERENCE_QUOTE = re.compile(r"[\u201c\"]([^\u201d\"\n]+)[\u201d\"]")


def reference_tagger(texts: list[str], batch: int) -> tuple[float, int]:
    """Seconds the plain reference tagger takes over ``texts`` (model calls of ``batch`` articles,
    as quotestance's), and the quotes it finds. Fitting is not timed."""
    from quotestance.model.record import Quote
    from quotestance.training.labels import load_labels
    from quotestance.training.pipeline import tfidf_baseline

    labels = load_labels(ROOT / "labels")
    pipe = tfidf_baseline().fit(labels.quotes, [q.stance for q in labels.quotes])
    found = 0
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        quotes = [Quote("-", m.start(1), m.end(1), m.group(1)) for text in texts[i:i + batch]
                  for m in REFERENCE_QUOTE.finditer(text)]
        found += len(quotes)
        if quotes:
            pipe.predict_proba(quotes)
    return time.perf_counter() - start, found


# --- the table ---------------------------------------------------------------------------------

# Pages of one paragraph holding nothing but quotes: plain ones, and ones whose speaker is a role
# ("the minister") that attribution looks for back through the article.
LONG_PAGES = {
    "quotes": ('x "a b" ', 4_000),
    "role-described quotes": ("\u201cHe should go,\u201d the minister told reporters, adding that she was sure. ", 600),
}


def long_pages() -> list[tuple[str, str, str]]:
    """``tag`` in process on each kind of LONG_PAGES at its size and at twice it: ~2x is linear, ~4x quadratic."""
    from quotestance.model.stance import StanceModel
    from quotestance.model.tagger import tag_text

    model = StanceModel.load()
    rows = []
    for kind, (piece, n) in LONG_PAGES.items():
        seconds = []
        for k in (n, 2 * n):
            text = piece * k + "\n"
            t0 = time.perf_counter()
            quotes = tag_text(text, "long", model)
            seconds.append(time.perf_counter() - t0)
            assert len(quotes) == k
        rows.append((f"one paragraph of {kind}: {n:,} quotes ({len(piece) * n / 1024:.0f} KB), then {2 * n:,}",
                     f"{seconds[0]:.2f} s, then {seconds[1]:.2f} s ({seconds[1] / seconds[0]:.1f}x)", "~2x (linear)"))
    return rows


# An HTML page of unclosed list items (valid HTML), as a site's menu or comment thread can be.
HTML_ITEMS = 40_000


def long_html() -> tuple[str, str, str]:
    """Reading an HTML page of HTML_ITEMS unclosed items and of twice as many: ~2x is linear."""
    from quotestance.cli.articles import html_to_text

    seconds = []
    for k in (HTML_ITEMS, 2 * HTML_ITEMS):
        page = "<ul>" + "<li><a href=#>x</a>" * k + "</ul>"
        t0 = time.perf_counter()
        html_to_text(page)
        seconds.append(time.perf_counter() - t0)
    return (f"HTML page of {HTML_ITEMS:,} unclosed list items ({len('<li><a href=#>x</a>') * HTML_ITEMS / 1024:.0f} KB), "
            f"then {2 * HTML_ITEMS:,}", f"{seconds[0]:.2f} s, then {seconds[1]:.2f} s ({seconds[1] / seconds[0]:.1f}x)",
            "~2x (linear)")


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f} articles/s ({1000 * seconds / n:.2f} ms/article)"


def same_bytes(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()


def bench(n: int, runs: int) -> tuple[str, list[str]]:
    import sklearn

    qs = cli()
    rows: list[tuple[str, str, str]] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="quotestance-bench-") as tmp:
        tmp = Path(tmp)
        batch = make_batch(tmp / "batch", n)
        small = tmp / "batch1000"
        small.mkdir()
        for p in batch[:1000]:
            os.link(p, small / p.name)
        few = tmp / "batch300"
        few.mkdir()
        for p in batch[:300]:
            os.link(p, few / p.name)
        size_kb = sum(p.stat().st_size for p in batch) / len(batch) / 1024

        # 1. In process, one CPU: each stage over the whole batch.
        cpus = one_cpu()
        saved = os.sched_getaffinity(0) if cpus else None
        if cpus:
            os.sched_setaffinity(0, cpus)
        try:
            t = stages(batch)
        finally:
            if saved:
                os.sched_setaffinity(0, saved)
        total = t["extract"] + t["attribute"] + t["stance"]
        rows += [
            (f"tag in process, extraction ({n:,} articles, {t['quotes']:,} quotes)", rate(n, t["extract"]), ""),
            ("tag in process, attribution", rate(n, t["attribute"]), ""),
            ("tag in process, stance (64 articles per model call)", rate(n, t["stance"]), ""),
            ("tag in process, stance (one model call per article, as before)", rate(n, t["stance_per_article"]), ""),
            ("tag in process, extraction + attribution + stance", rate(n, total), "≥ 1,000 articles/s"),
            (f"reference, in process: a plain regex + TF-IDF tagger ({t['reference_quotes']:,} quotes, no speakers)",
             f"{rate(n, t['reference'])}; quotestance takes {total / t['reference']:.1f}x as long", ""),
        ]

        # 2. End to end through the CLI: one process, one CPU, the folder to a JSON Lines file.
        single = run([*qs, "tag", str(tmp / "batch"), "--format", "jsonl"], stdout=tmp / "single.jsonl", pin=True)
        rows.append((f"`quotestance tag FOLDER --format jsonl`, {n:,} articles, 1 process, start-up included",
                     f"{rate(n, single.wall)}; {single.cpu:.1f} s CPU", "≥ 1,000 articles/s"))
        jobs = run([*qs, "tag", str(tmp / "batch"), "--format", "jsonl", "--jobs", "2"], stdout=tmp / "jobs2.jsonl")
        rows.append(("same, `--jobs 2` (loky)", f"{rate(n, jobs.wall)}; output identical: "
                     f"{'yes' if same_bytes(tmp / 'single.jsonl', tmp / 'jobs2.jsonl') else 'NO'}", "identical"))

        # 3. Dask: a local cluster on loopback, output compared with one process.
        try:
            from distributed import LocalCluster
        except ImportError:
            rows.append(("`--backend dask`, 300 articles", "skipped: install quotestance[bench]", "identical"))
        else:
            one = run([*qs, "tag", str(few), "--format", "jsonl"], stdout=tmp / "few.jsonl")
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address=None) as cluster:
                dask = run([*qs, "tag", str(few), "--format", "jsonl", "--backend", "dask", "--scheduler",
                            cluster.scheduler_address], stdout=tmp / "dask.jsonl")
            same = same_bytes(tmp / "few.jsonl", tmp / "dask.jsonl")
            quotes = (tmp / "dask.jsonl").read_bytes().count(b"\n")
            rows.append(("`--backend dask` (LocalCluster, 2 workers, 127.0.0.1), 300 articles",
                         f"output identical to 1 process: {'yes' if same else 'NO'} "
                         f"({quotes:,} quotes; {dask.wall:.1f} s wall, 1 process {one.wall:.1f} s)", "identical"))

        # 4. Cold starts, each next to its floor.
        m = medians({
            "help": [*qs, "--help"],
            "typer": [sys.executable, "-c", "import typer"],
            "tag": [*qs, "tag", str(ONE_ARTICLE)],
            "floor": [sys.executable, "-c", "import sklearn.linear_model, nltk"],
        }, runs)
        rows.append(("cold start `quotestance --help`",
                     f"{m['help']:.2f} s; floor `python -c \"import typer\"` {m['typer']:.2f} s; "
                     f"{m['help'] / m['typer']:.2f}x", "< 0.3 s"))
        rows.append(("cold start `quotestance tag c02.txt`",
                     f"{m['tag']:.2f} s; floor `python -c \"import sklearn.linear_model, nltk\"` {m['floor']:.2f} s; "
                     f"{m['tag'] / m['floor']:.2f}x", "≤ 1.2x floor"))

        # 5. Training on all labels (written to a temporary folder, not over the shipped model).
        train = run([*qs, "train", "--labels", str(ROOT / "labels"), "--out", str(tmp / "model" / "stance.joblib")])
        rows.append(("`quotestance train` on all labels (CV report + fit + write)", f"{train.wall:.1f} s wall", ""))

        # 6. Peak memory as the batch grows: each child reports its own VmHWM (see peak_mb).
        thousand_mb = peak_mb(["tag", str(small), "--format", "jsonl"])
        batch_mb = peak_mb(["tag", str(tmp / "batch"), "--format", "jsonl"])
        rows.append(("peak RSS, `tag` 1,000 articles", f"{thousand_mb:.0f} MB", ""))
        rows.append((f"peak RSS, `tag` {n:,} articles", f"{batch_mb:.0f} MB "
                     f"({batch_mb / thousand_mb:.2f}x the 1,000-article peak)", "flat"))

        # 7. Long one-paragraph pages (not news, but a scraper makes them): time as the page doubles.
        rows += long_pages()
        rows.append(long_html())

    cpu = _cpu_name()
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    notes.append(f"{time.strftime('%Y-%m-%d %H:%M')} · {cpu} · {os.cpu_count()} CPUs · Python {platform.python_version()} · "
                 f"scikit-learn {sklearn.__version__} · articles {size_kb:.1f} KB and {t['quotes'] / n:.1f} quotes each · "
                 f"load average after: {load[0]:.2f}")
    lines = ["| measure | result | goal |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines), notes


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return re.sub(r"\s+", " ", line.split(":", 1)[1]).strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


# --- profile -----------------------------------------------------------------------------------

PROFILED = [  # (label, file suffix, function): what each stage spends, by cumulative time
    ("tag (all stages)", "model/tagger.py", "tag_texts"),
    ("  extraction: extract_quotes", "model/extract.py", "extract_quotes"),
    ("    marks_in (marks.py)", "model/marks.py", "marks_in"),
    ("    is_quotation (titles.py)", "model/titles.py", "is_quotation"),
    ("  attribution: attribute", "model/attribute.py", "attribute"),
    ("    _ArticleContext.__init__ (per article)", "model/attribute.py", "__init__"),
    ("      person_names (names.py)", "model/names.py", "person_names"),
    ("      _roles", "model/attribute.py", "_roles"),
    ("      _pronoun_genders", "model/attribute.py", "_pronoun_genders"),
    ("    _before_cue", "model/attribute.py", "_before_cue"),
    ("    _after_cue", "model/attribute.py", "_after_cue"),
    ("    classify_phrase (names.py)", "model/names.py", "classify_phrase"),
    ("    _mask", "model/attribute.py", "_mask"),
    ("  stance: StanceModel.predict", "model/stance.py", "predict"),
    ("    QuoteFeatures.transform (features.py)", "model/features.py", "transform"),
    ("      cue_features", "model/features.py", "cue_features"),
    ("        lexicon_scores (2 per quote)", "model/lexicon.py", "lexicon_scores"),
    ("      mask_target (2 per quote)", "model/features.py", "mask_target"),
    ("    word TF-IDF: CountVectorizer._count_vocab", "feature_extraction/text.py", "_count_vocab"),
    ("    char n-grams: WordCachedCharTfidf._counts", "model/char_ngrams.py", "_counts"),
    ("      new words' n-grams (_word_ngrams_of)", "model/char_ngrams.py", "_word_ngrams_of"),
    ("    DictVectorizer.transform", "feature_extraction/_dict_vectorizer.py", "_transform"),
    ("    LogisticRegression.predict_proba", "linear_model/_logistic.py", "predict_proba"),
]


def profile(n: int) -> str:
    import cProfile
    import pstats

    from quotestance.cli.articles import read_article
    from quotestance.model.stance import StanceModel
    from quotestance.model.tagger import tag_texts

    model = StanceModel.load()
    with tempfile.TemporaryDirectory(prefix="quotestance-profile-") as tmp:
        paths = make_batch(Path(tmp), n)
        items = [(str(p), read_article(str(p))) for p in paths]
    list(tag_texts(items[:50], model))  # warm: lazy imports, the sentiment lexicon
    plain = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        list(tag_texts(items, model))
        plain = min(plain, time.perf_counter() - start)
    prof = cProfile.Profile()
    prof.enable()
    list(tag_texts(items, model))
    prof.disable()
    stats = pstats.Stats(prof).stats
    found: dict[tuple[str, str], tuple[int, float]] = {}
    for (file, _, fn), (_, ncalls, _, cum, _) in stats.items():
        for _, suffix, name in PROFILED:
            if fn == name and file.replace("\\", "/").endswith(suffix):
                calls, total = found.get((suffix, name), (0, 0.0))
                found[(suffix, name)] = (calls + ncalls, total + cum)
    top = found.get(("model/tagger.py", "tag_texts"), (0, 1.0))[1]
    lines = [f"cProfile of `tag_texts` (the CLI's loop, without I/O) on {n:,} articles: {plain:.1f} s unprofiled "
             f"({n / plain:,.0f} articles/s), {top:.1f} s profiled. Cumulative time per function, as a share of the profiled total:",
             "", "| function | calls | cumulative s | share |", "|---|---|---|---|"]
    for label, suffix, name in PROFILED:
        if (suffix, name) in found:
            calls, cum = found[(suffix, name)]
            depth = (len(label) - len(label.lstrip())) // 2
            lines.append(f"| {'· ' * depth}{label.strip()} | {calls:,} | {cum:.2f} | {100 * cum / top:.0f}% |")
    lines += ["", "cProfile inflates code made of many small Python calls, so the stance model's parts "
              "timed again without it, on the same quotes:", "", *stance_parts(items, model)]
    return "\n".join(lines)


def stance_parts(items: list[tuple[str, str]], model) -> list[str]:
    """Unprofiled time of each part of the stance pipeline on the batch's quotes, per article
    (the best of 3 runs each, so that other load on the machine counts least)."""
    from quotestance.model.lexicon import lexicon_scores
    from quotestance.model.tagger import find_quotes

    quotes = [q for doc, text in items for q in find_quotes(text, doc, model.target)]
    n = len(items)

    def best(f) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            f()
            times.append(time.perf_counter() - start)
        return min(times)

    def around(q) -> str:  # the paragraph without the quote, as features.cue_features builds it
        rel = q.start - q.context_start
        return q.context[:max(0, rel - 1)] + " " + q.context[rel + len(q.quote) + 1:]

    union = model.pipeline.steps[0][1]
    timed = [(f"feature group `{name}` (transform)", best(lambda part=part: part.transform(quotes)))
             for name, part in union.transformer_list]
    features = union.transform(quotes)
    timed.append(("logistic regression (predict_proba)", best(lambda: model.pipeline.steps[-1][1].predict_proba(features))))
    timed.append(("of `cues`: lexicon on the quote", best(lambda: [lexicon_scores(q.quote) for q in quotes])))
    arounds = [around(q) for q in quotes]
    timed.append(("of `cues`: lexicon on the paragraph around it", best(lambda: [lexicon_scores(a) for a in arounds])))
    total = sum(t for name, t in timed if not name.startswith("of "))
    rows = ["| part | ms/article | share of stance |", "|---|---|---|"]
    rows += [f"| {name} | {1000 * t / n:.2f} | {100 * t / total:.0f}% |" for name, t in timed]
    rows.append(f"| stance, all parts ({len(quotes):,} quotes) | {1000 * total / n:.2f} | 100% |")
    return rows


# --- RESULTS.md ----------------------------------------------------------------------------------

def write_section(name: str, body: str) -> None:
    """Replace the text between <!-- name:begin --> and <!-- name:end --> in RESULTS.md."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    block = f"{begin}\n{body}\n{end}"
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text = (text.rstrip() + "\n\n" if text.strip() else "# Benchmarks\n\n") + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000, help="batch size (at least 5,000 for the table)")
    ap.add_argument("--runs", type=int, default=7, help="runs per cold-start median (at least 5)")
    ap.add_argument("--profile", action="store_true", help="profile tagging instead (prints and writes its own section)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = ap.parse_args()
    if args.profile:
        body = profile(min(args.articles, 1000))
        print(body)
        if not args.no_write:
            write_section("profile", body)
        return
    if args.articles < 1000 or args.runs < 5:
        ap.error("--articles must be at least 1000 and --runs at least 5")
    table, notes = bench(args.articles, args.runs)
    body = "\n".join([table, "", *notes])
    print(body)
    if not args.no_write:
        write_section("table", "Command: `python benchmarks/bench.py`\n\n" + body)


if __name__ == "__main__":
    main()
