"""`quotestance tag`: the main job."""
from __future__ import annotations

import math
from typing import Annotated, Iterator, Optional

import typer

from quotestance.cli.app import (AliasOpt, ArticlesArg, FormatOpt, ModelOpt, TargetOpt, app, check_format, check_jobs,
                                 chosen_target, load_model, target_from_options)
from quotestance.cli.errors import fail, handled, one_line, usage

BACKENDS = ("loky", "dask")
# How long to wait for a Dask scheduler before saying it cannot be reached.
DASK_CONNECT_TIMEOUT = "10s"


@app.command()
@handled
def tag(
    paths: ArticlesArg,
    fmt: FormatOpt = "table",
    model: ModelOpt = None,
    target: TargetOpt = None,
    alias: AliasOpt = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", help="Worker processes; -1 for one per CPU. Default: 1, or every worker of the Dask cluster.")] = None,
    backend: Annotated[str, typer.Option("--backend", help="loky (processes on this machine) or dask (a Dask cluster).")] = "loky",
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="The Dask scheduler's address for --backend dask, e.g. tcp://10.0.0.5:8786.")] = None,
    skip_bad: Annotated[bool, typer.Option(
        "--skip-bad", help="Skip a file that cannot be read as an article (one warning line each) instead of stopping.")] = False,
) -> None:
    """Find every quote, its speaker and its stance toward the target.

    Output is the same, byte for byte, whatever --jobs and --backend say.

    Examples:
      quotestance tag article.txt
      quotestance tag news/ --format jsonl > quotes.jsonl
      cat article.txt | quotestance tag - --format csv
      quotestance tag article.txt --target "Keir Starmer" --alias Starmer --alias "the prime minister"
      quotestance tag news/ --jobs 4 --format jsonl > quotes.jsonl
      quotestance tag news/ --backend dask --scheduler tcp://10.0.0.5:8786 --format jsonl > quotes.jsonl
      quotestance tag scraped/ --skip-bad --format jsonl > quotes.jsonl
    """
    import sys

    from quotestance.cli.articles import expand
    from quotestance.cli.output import Writer

    check_format(fmt)
    if backend not in BACKENDS:
        usage(f"unknown backend {backend!r} (choose one of {', '.join(BACKENDS)})")
    check_jobs(jobs)
    if backend == "dask" and not scheduler:
        usage("--backend dask needs --scheduler ADDRESS")
    if scheduler and backend != "dask":
        usage("--scheduler needs --backend dask")
    who = target_from_options(target, alias)
    names = expand(paths)
    stance_model = load_model(model)
    who = chosen_target(who, stance_model)
    writer = Writer(fmt, sys.stdout)
    skipped: list[str] = []
    articles = _read(names, skipped if skip_bad else None)  # read lazily, by whichever branch runs
    show = len(names) > 20 and sys.stderr.isatty()
    with typer.progressbar(length=len(names), label="tagging", file=sys.stderr) if show else _nullbar() as bar:
        if backend == "dask":
            with _dask_client(scheduler):
                results = _tag_parallel(articles, len(names), stance_model, who, -1 if jobs is None else jobs, "dask")
                _write(results, writer, bar)
        elif jobs is None or jobs == 1:
            from quotestance.model.tagger import tag_texts

            _write(tag_texts(articles, stance_model, who), writer, bar)
        else:
            _write(_tag_parallel(articles, len(names), stance_model, who, jobs, "loky"), writer, bar)
    done = len(names) - len(skipped)
    typer.echo(f"{writer.rows} quotes in {done} article(s)" + (f"; {len(skipped)} file(s) skipped" if skipped else ""),
               err=True)


def _write(results, writer, bar) -> None:
    for quotes in results:
        writer.write(quotes)
        bar.update(1)


def _read(names: list[str], skipped: list[str] | None = None) -> Iterator[tuple[str, str]]:
    """``(name, text)`` per article, read one at a time (memory stays flat however many). With
    ``skipped`` (a list), a file that cannot be read is a warning line and is added to it;
    without, its error ends the input."""
    from quotestance.cli.articles import read_article

    for name in names:
        try:
            text = read_article(name)
        except (ValueError, OSError) as e:
            if skipped is None:
                raise
            why = one_line(e)
            typer.echo(f"quotestance: warning: {why if why.startswith(name) else f'{name}: {why}'}; skipped", err=True)
            skipped.append(name)
            continue
        yield name, text


def _tag_parallel(items: Iterator[tuple[str, str]], count: int, model, who, jobs: int, backend: str) -> Iterator[list]:
    """Quotes per article, in the order of ``items`` (``count`` of them at most, as ``_read``
    gives them), tagged in chunks by joblib workers.

    The articles are read here, in this process (workers may be on other machines, and stdin
    can only be read once), and sent in chunks with the model; results come back in order. A
    file that cannot be read ends the input there: the chunks before it are written, then its
    error is raised, just as in one process.
    """
    from joblib import Parallel, delayed, effective_n_jobs, parallel_config

    from quotestance.model.tagger import BATCH_ARTICLES, tag_batch

    with parallel_config(backend=backend):
        workers = max(1, effective_n_jobs(jobs))
        size = max(1, min(BATCH_ARTICLES, math.ceil(count / (2 * workers))))
        errors: dict[int, Exception] = {}

        def tasks():
            for k in range(math.ceil(count / size)):
                chunk = []
                try:
                    for _ in range(size):
                        chunk.append(next(items))
                except StopIteration:
                    pass
                except Exception as e:  # raised by the parent once the chunk's results are written
                    errors[k] = e
                yield delayed(tag_batch)(chunk, model, who)
                if k in errors:
                    return

        results = Parallel(n_jobs=jobs, return_as="generator", batch_size=1, pre_dispatch="2*n_jobs")(tasks())
        for k, chunk_quotes in enumerate(results):
            yield from chunk_quotes
            if k in errors:
                raise errors[k]


class _dask_client:
    """A connection to the Dask scheduler at ``address`` for joblib's dask backend, or one error line."""

    def __init__(self, address: str):
        self.address = address

    def __enter__(self):
        try:
            from distributed import Client
        except ImportError:
            fail("--backend dask needs Dask: install quotestance[dask]")
        try:
            self.client = Client(self.address, timeout=DASK_CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError, TypeError) as e:
            why = (str(e) or type(e).__name__).splitlines()[0]
            fail(f"cannot reach the Dask scheduler at {self.address}: {why}")
        return self.client

    def __exit__(self, *exc):
        self.client.close()
        return False


class _nullbar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int) -> None:
        pass
