"""Nested selection of the stance model's settings, on real labelled quotes."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pytest

from quotestance.model import features
from quotestance.model.features import QuoteFeatures, remembered_features
from quotestance.model.stance import StanceModel
from quotestance.model.target import MANDELSON
from quotestance.training import select
from quotestance.training.evaluate import with_cues
from quotestance.training.labels import load_labels
from quotestance.training.pipeline import FEATURE_GROUPS, stance_pipeline

from conftest import LABELS

# Seven articles with all three stances among them: enough for the inner folds, quick to fit.
SMALL = ("c02.txt", "c03.txt", "c05.txt", "c08.txt", "c11.txt", "c14.txt", "c20.txt")


@lru_cache(maxsize=1)
def _small():
    labels = load_labels(LABELS)
    quotes = [q for q in with_cues(labels) if q.doc in SMALL]
    X = np.array(quotes, dtype=object)
    return X, np.array([q.stance for q in quotes]), np.array([q.doc for q in quotes])


def test_small_set_has_every_stance():
    _, y, groups = _small()
    assert set(y) == {"supporting", "criticising", "neutral"}
    assert set(groups) == set(SMALL)


def test_candidates_are_fixed_and_start_with_the_defaults():
    assert select.CANDIDATES[0] == select.Candidate(FEATURE_GROUPS, 1.0)
    assert len(set(select.CANDIDATES)) == len(select.CANDIDATES) == 15
    assert select.CANDIDATES[0].label == "all groups, C=1"
    assert select.Candidate(FEATURE_GROUPS[:3], 0.3).label == "without cues, C=0.3"


def test_each_article_is_predicted_by_settings_chosen_without_it(monkeypatch):
    X, y, groups = _small()
    seen = []
    real = select.choose

    def spy(Xs, ys, gs, target=MANDELSON, extra=None):
        seen.append(set(gs))
        return real(Xs, ys, gs, target, extra)

    monkeypatch.setattr(select, "choose", spy)
    pred, probs, chosen = select.nested_predictions(X, y, groups)
    assert len(seen) == len(SMALL) == sum(chosen.values())
    for article, given in zip(sorted(SMALL), seen):  # LeaveOneGroupOut goes in sorted order
        assert article not in given and len(given) == len(SMALL) - 1
    assert set(pred) <= {"supporting", "criticising", "neutral"}
    assert np.allclose(probs.sum(axis=1), 1.0)


def test_nested_predictions_are_deterministic():
    X, y, groups = _small()
    first = select.nested_predictions(X, y, groups)
    second = select.nested_predictions(X, y, groups)
    assert list(first[0]) == list(second[0])
    assert np.array_equal(first[1], second[1])
    assert first[2] == second[2]


def test_processes_do_not_change_the_result():
    X, y, groups = _small()
    one = select.nested_predictions(X, y, groups, jobs=1)
    two = select.nested_predictions(X, y, groups, jobs=2)
    assert list(one[0]) == list(two[0]) and np.array_equal(one[1], two[1]) and one[2] == two[2]


def test_choose_scores_every_candidate_and_returns_the_best():
    X, y, groups = _small()
    best, scored = select.choose(X, y, groups)
    assert set(scored) == {c.label for c in select.CANDIDATES}
    assert scored[best.label] == max(scored.values())
    # A tie goes to the earlier candidate.
    first_best = next(c for c in select.CANDIDATES if scored[c.label] == max(scored.values()))
    assert best == first_best


def test_remembered_features_are_the_same_and_computed_once(monkeypatch):
    assert features._MEMO.get() is None
    X, _, _ = _small()
    plain = QuoteFeatures("cues", MANDELSON).transform(X)
    calls = []
    real = features.cue_features
    monkeypatch.setattr(features, "cue_features", lambda q, t: calls.append(q) or real(q, t))
    with remembered_features():
        once = QuoteFeatures("cues", MANDELSON).transform(X)
        again = QuoteFeatures("cues", MANDELSON).transform(X[::-1])
    assert once == plain and again == plain[::-1]
    assert len(calls) == len(X)
    QuoteFeatures("cues", MANDELSON).transform(X[:3])  # outside the block: computed again
    assert len(calls) == len(X) + 3


def test_a_stance_missing_from_training_gets_probability_zero():
    X, y, _ = _small()
    keep = y != "supporting"
    pipe = stance_pipeline(MANDELSON).fit(X[keep], y[keep])
    model = StanceModel(pipe, {"target": MANDELSON.to_dict()})
    out = model.predict(list(X[:5]))
    assert all(q.probabilities["supporting"] == 0.0 for q in out)
    assert all(q.stance in ("criticising", "neutral") for q in out)
    assert all(q.probabilities["criticising"] + q.probabilities["neutral"] == pytest.approx(1.0, abs=1e-3) for q in out)


def test_threads_entering_and_leaving_out_of_order_leave_no_memo_behind():
    """Dask's threaded workers run predict in threads: A enters, B enters, A leaves, B leaves.
    A shared global would be left holding B's saved copy of A's memo."""
    import threading

    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen = []

    def a():
        with remembered_features():
            a_in.set()
            b_in.wait(5)
        a_out.set()

    def b():
        a_in.wait(5)
        with remembered_features():
            b_in.set()
            a_out.wait(5)
        seen.append(features._MEMO.get())

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert a_out.is_set() and seen == [None]
    assert features._MEMO.get() is None
    after = []
    t = threading.Thread(target=lambda: after.append(features._MEMO.get()))
    t.start()
    t.join(5)
    assert after == [None]


def test_attributed_speakers_replace_the_labelled_ones_by_attributions():
    from quotestance.model.tagger import find_quotes

    labels = load_labels(LABELS)
    labelled = [q for q in with_cues(labels) if q.doc in SMALL]
    attributed = [q for q in with_cues(labels, attributed_speakers=True) if q.doc in SMALL]
    assert [(q.id, q.stance, q.start) for q in labelled] == [(q.id, q.stance, q.start) for q in attributed]
    for q in attributed:
        found = [p for p in find_quotes(labels.articles[q.doc], q.doc, MANDELSON) if p.start < q.end and q.start < p.end]
        assert q.speaker == (max(found, key=lambda p: min(p.end, q.end) - max(p.start, q.start)).speaker if found else None)
    # Attribution is not perfect on these articles, so some speakers differ from the labels.
    assert any(a.speaker != b.speaker for a, b in zip(labelled, attributed))


# --- invented articles as training-only data ---------------------------------------------------

def _extra(stance: str | None = None, n: int = 40) -> select.Extra:
    """Labelled quotes from articles outside SMALL, standing in for invented ones."""
    labels = load_labels(LABELS)
    quotes = [q for q in with_cues(labels) if q.doc not in SMALL and (stance is None or q.stance == stance)][:n]
    return select.Extra(np.array(quotes, dtype=object), np.array([q.stance for q in quotes]))


def test_invented_candidates_only_when_there_are_invented_quotes():
    assert select.candidates(None) == select.CANDIDATES
    both = select.candidates(_extra())
    assert len(both) == 30 and both[:15] == select.CANDIDATES  # every setting without them comes first
    assert all(c.invented for c in both[15:])
    assert both[15].label == "all groups, C=1, with invented"


def test_invented_quotes_join_the_fit_with_the_weight_of_the_real_ones(monkeypatch):
    X, y, _ = _small()
    extra = _extra()
    seen = {}
    real_fit = select.Candidate.pipeline

    class Spy:
        def __init__(self, pipe):
            self.pipe = pipe

        def fit(self, X, y, **kw):
            seen.update(n=len(y), weights=kw.get("clf__sample_weight"))
            return self.pipe.fit(X, y, **kw)

    monkeypatch.setattr(select.Candidate, "pipeline", lambda self, t: Spy(real_fit(self, t)))
    plain = select.fit(select.Candidate(FEATURE_GROUPS, 1.0), MANDELSON, X, y, extra)
    assert seen["n"] == len(y) and seen["weights"] is None  # a candidate without them ignores them
    with_inv = select.fit(select.Candidate(FEATURE_GROUPS, 1.0, invented=True), MANDELSON, X, y, extra)
    assert seen["n"] == len(y) + len(extra)
    assert seen["weights"][:len(y)].tolist() == [1.0] * len(y)
    assert seen["weights"][len(y):].sum() == pytest.approx(len(y))  # together as much as the real ones
    # The vectorizers were fitted on them too: words only they hold are in the vocabulary.
    vocab = lambda est: est.named_steps["features"].transformer_list[0][1].steps[-1][1].vocabulary_
    only_extra = set(vocab(with_inv)) - set(vocab(plain))
    words = {w for q in extra.X for w in re.findall(r"\b\w\w+\b", features.mask_target(q.quote, MANDELSON).lower())}
    unigrams = {t for t in only_extra if " " not in t}
    assert unigrams and unigrams <= words


def test_invented_quotes_are_never_predicted_or_scored(monkeypatch):
    X, y, groups = _small()
    extra = _extra()
    scored_sizes = []
    real = select.f1_score
    monkeypatch.setattr(select, "f1_score", lambda yt, yp, **kw: scored_sizes.append(len(yt)) or real(yt, yp, **kw))
    pred, probs, chosen = select.nested_predictions(X, y, groups, extra=extra)
    assert len(pred) == len(y) and probs.shape == (len(y), 3)
    # every inner score is over real quotes of the outer fold's training articles only
    assert set(scored_sizes) <= {int((groups != g).sum()) for g in set(groups)}
    assert sum(chosen.values()) == len(SMALL)


def test_invented_quotes_repeating_collected_words_are_dropped(tmp_path):
    """An invented quote equal to a collected one, or sharing four words in a row with one, never
    joins a fit: no fold may be scored on words it was fitted on."""
    import json

    from quotestance.model.record import Quote
    from quotestance.training.evaluate import OVERLAP_WORDS, extra_quotes

    text = ("Ann Baker said: \u201cBest pal.\u201d Then she said: \u201cHe must go now, and take his friends "
            "with him.\u201d Tom Hill said: \u201cA fair and open process.\u201d")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "x.txt").write_text(text, encoding="utf-8")
    spans = ["Best pal.", "He must go now, and take his friends with him.", "A fair and open process."]
    with open(tmp_path / "quotes.jsonl", "w", encoding="utf-8") as f:
        for k, s in enumerate(spans, 1):
            start = text.index(s)
            f.write(json.dumps({"id": f"x:{k:03d}", "doc": "x.txt", "start": start, "end": start + len(s),
                                "quote": s, "speaker": None, "stance": "neutral"}) + "\n")
    invented = load_labels(tmp_path)
    real = [Quote(doc="r.txt", start=0, end=8, quote="best pal", stance="neutral"),  # same words, other case
            Quote(doc="r.txt", start=0, end=30, quote="he said he must go now whatever", stance="criticising")]
    assert OVERLAP_WORDS == 4  # "he must go now" is the run the second shares
    extra = extra_quotes(invented, real)
    assert [q.quote for q in extra.X] == ["A fair and open process."] and extra.dropped == 2
    assert extra_quotes(invented, []).dropped == 0 and len(extra_quotes(invented, [])) == 3
