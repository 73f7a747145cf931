"""The whole job on one article's text: extract, attribute, predict stance; and on many, in batches."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

from quotestance.model.attribute import attribute
from quotestance.model.extract import extract_quotes
from quotestance.model.record import Quote
from quotestance.model.stance import StanceModel
from quotestance.model.target import MANDELSON, Target

# Articles whose quotes go to the stance model in one call. One scikit-learn call per article
# costs about 10 ms of fixed overhead (validation, the FeatureUnion's joblib dispatch) on top of
# the ~0.5 ms per quote of real work; a batch of 64 articles (~500 quotes) makes the overhead
# negligible while bounding memory. Probabilities are computed row by row, so batching gives the
# same numbers as one call per article (benchmarks/bench.py and tests/test_jobs.py check the bytes).
BATCH_ARTICLES = 64

# An article that never names the target (nor any alias) says nothing about them: each quote is
# neutral toward the target (ANNOTATION.md: words that say nothing about him are neutral), given
# without asking the model. The model was trained on articles about its own target, so on an
# article about someone else it would read the story's sentiment as stance toward the target
# (a made-up --target got 127 non-neutral stances in the 27 labelled articles before this rule).
UNNAMED_TARGET = {"supporting": 0.0, "criticising": 0.0, "neutral": 1.0}


def find_quotes(text: str, doc: str = "-", target: Target = MANDELSON) -> list[Quote]:
    """Every quote in ``text`` with its speaker; no stance yet (no model needed)."""
    return attribute(text, list(extract_quotes(text, doc)), target)


def tag_text(text: str, doc: str, model: StanceModel, target: Target | None = None) -> list[Quote]:
    """Every quote in ``text`` with its speaker and stance toward ``target`` (the model's by default)."""
    target = target or model.target
    quotes = find_quotes(text, doc, target)
    return model.predict(quotes, target) if target.is_named_in(text) else unnamed_target(quotes)


def unnamed_target(quotes: list[Quote]) -> list[Quote]:
    """The quotes of an article that never names the target: each neutral toward them, for sure."""
    return [replace(q, stance="neutral", confidence=1.0, probabilities=dict(UNNAMED_TARGET)) for q in quotes]


def tag_texts(items: Iterable[tuple[str, str]], model: StanceModel, target: Target | None = None,
              batch: int = BATCH_ARTICLES) -> Iterator[list[Quote]]:
    """``tag_text`` over ``(doc, text)`` pairs, read lazily: one list of quotes per article, in order.

    Stance is predicted once per ``batch`` articles. If reading or tagging an article raises,
    the articles before it are still yielded first, then the error propagates, exactly as a
    loop over ``tag_text`` would behave.
    """
    target = target or model.target
    pending: list[tuple[list[Quote], bool]] = []  # an article's quotes, and whether it names the target
    it = iter(items)
    while True:
        try:
            item = next(it, None)
            if item is None:
                break
            doc, text = item
            pending.append((find_quotes(text, doc, target), target.is_named_in(text)))
        except Exception:
            yield from _predict(pending, model, target)
            raise
        if len(pending) >= batch:
            yield from _predict(pending, model, target)
            pending = []
    yield from _predict(pending, model, target)


def tag_batch(items: list[tuple[str, str]], model: StanceModel, target: Target | None = None) -> list[list[Quote]]:
    """``tag_texts`` on a list, as a list: the unit of work a worker process runs for ``tag --jobs``."""
    return list(tag_texts(items, model, target))


def _predict(per_article: list[tuple[list[Quote], bool]], model: StanceModel, target: Target) -> Iterator[list[Quote]]:
    done = iter(model.predict([q for quotes, named in per_article if named for q in quotes], target))
    for quotes, named in per_article:
        yield [next(done) for _ in quotes] if named else unnamed_target(quotes)
