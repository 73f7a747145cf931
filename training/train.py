"""Fit the stance model on all labels and write it with its card, atomically, keeping the old one."""
from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from quotestance.model.stance import DATA, MODEL_FILE, card_path, sha256
from quotestance.model.target import MANDELSON, Target
from quotestance.training.evaluate import evaluate, extra_quotes, with_cues
from quotestance.training.labels import LabelSet
from quotestance.training.select import choose_for_shipping, fit

PREVIOUS_SUFFIX = ".previous"


def labels_hash(labels: LabelSet) -> str:
    """SHA-256 over quotes.jsonl and every article, in name order."""
    h = hashlib.sha256((labels.root / "quotes.jsonl").read_bytes())
    for name in sorted(labels.articles):
        h.update(name.encode())
        h.update(labels.articles[name].encode("utf-8"))
    return h.hexdigest()


def train(labels: LabelSet, out: Path | None = None, target: Target = MANDELSON, report: dict | None = None,
          jobs: int = 1, invented: LabelSet | None = None) -> dict:
    """Cross-validate, fit on everything, write model and card; return the card. ``invented``:
    labelled invented articles the selection may add to the fit (never scored)."""
    import joblib
    import nltk
    import sklearn

    out = Path(out) if out else DATA / MODEL_FILE
    from threadpoolctl import threadpool_limits

    quotes = with_cues(labels, target)
    report = report or evaluate(labels, target, quotes=quotes, jobs=jobs, invented=invented)
    X = np.array(quotes, dtype=object)
    y = np.array([q.stance for q in quotes])
    extra = extra_quotes(invented, quotes, target)
    chosen, inner = choose_for_shipping(X, y, np.array([q.doc for q in quotes]), target, extra)
    with threadpool_limits(1):
        pipe = fit(chosen, target, X, y, extra)
    counts = labels.counts()
    card = {
        "model": out.name,
        "trained": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "labels": {"sha256": labels_hash(labels), "quotes": len(labels.quotes), "articles": len(labels.articles),
                   "per_stance": dict(counts["stance"])},
        **({"invented": {"sha256": labels_hash(invented), "quotes": len(invented.quotes),
                         "articles": len(invented.articles), "per_stance": dict(invented.counts()["stance"]),
                         "dropped_as_overlapping": extra.dropped, "in_the_fit": chosen.invented}}
           if extra is not None else {}),
        "target": target.to_dict(),
        "features": list(chosen.groups),
        "classifier": f"LogisticRegression(C={chosen.c:g}, class_weight='balanced')",
        "selection": {"chosen": chosen.label, "inner_macro_f1": inner},
        "evaluation": report,
        "versions": {"scikit-learn": sklearn.__version__, "joblib": joblib.__version__, "nltk": nltk.__version__,
                     "python": platform.python_version()},
    }
    write_model(pipe, card, out)
    return card


def write_model(pipe, card: dict, out: Path) -> None:
    """Write model and card so that a kill at any instant leaves a pair that loads.

    Two files cannot be replaced in one atomic step, so the write keeps this invariant: at
    every instant either the main pair (``out`` and its card) or the ``*.previous`` pair beside
    it passes ``StanceModel``'s checks, and ``StanceModel.load`` falls back to a verified
    ``*.previous`` pair when the main model does not match its card.

    1. The new model and card are written in full to temporary files beside ``out`` (flushed
       to disk); the main pair is untouched.
    2. If the main pair verifies, it is copied to ``*.previous``, each file through a
       temporary file and a rename, so a ``*.previous`` file is never half-written; while the
       two ``*.previous`` renames happen, the main pair still verifies. A main pair that does
       not verify (left by an interrupted run) is not copied, so a good ``*.previous`` pair is
       never overwritten by a bad one (copying it would leave neither pair loadable).
    3. The model is renamed over ``out``, then the card over its card. Between the two
       renames the main pair does not match and ``*.previous`` (from step 2, or from the run
       that last left a good main pair) is what loads; after them, the new pair.

    A kill leaves at most a few ``stance.joblib.*.tmp`` files beside the model; they are never
    loaded, and may be deleted.
    """
    import joblib

    from quotestance.model.stance import ModelError, previous_pair, verify

    out.parent.mkdir(parents=True, exist_ok=True)
    cpath = card_path(out)
    made: list[Path] = []

    def temp(suffix: str) -> Path:
        with tempfile.NamedTemporaryFile(dir=out.parent, prefix=out.name + ".", suffix=suffix, delete=False) as f:
            made.append(Path(f.name))
        return made[-1]

    try:
        tmp_model = temp(".tmp")
        joblib.dump(pipe, tmp_model, compress=3)
        card = dict(card, model_sha256=sha256(tmp_model))
        tmp_card = temp(".card.tmp")
        tmp_card.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for p in (tmp_model, tmp_card):
            p.chmod(0o644)  # NamedTemporaryFile makes 0600; a model is for every user
            _fsync(p)
        try:
            verify(out, cpath)
            rotate = True
        except (ModelError, AttributeError, TypeError):  # missing, mismatched, or a card of another shape
            rotate = False
        if rotate:
            for src, dst in zip((out, cpath), previous_pair(out)):
                tmp = temp(".previous.tmp")
                shutil.copy2(src, tmp)
                _fsync(tmp)
                os.replace(tmp, dst)
        os.replace(tmp_model, out)
        os.replace(tmp_card, cpath)
        _fsync_dir(out.parent)
    finally:
        for p in made:
            if p.exists():
                p.unlink()


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # not every file system syncs a directory
        pass
    finally:
        os.close(fd)
