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
from quotestance.training.evaluate import evaluate, with_cues
from quotestance.training.labels import LabelSet
from quotestance.training.pipeline import C, FEATURE_GROUPS, stance_pipeline

PREVIOUS_SUFFIX = ".previous"


def labels_hash(labels: LabelSet) -> str:
    """SHA-256 over quotes.jsonl and every article, in name order."""
    h = hashlib.sha256((labels.root / "quotes.jsonl").read_bytes())
    for name in sorted(labels.articles):
        h.update(name.encode())
        h.update(labels.articles[name].encode("utf-8"))
    return h.hexdigest()


def train(labels: LabelSet, out: Path | None = None, target: Target = MANDELSON, report: dict | None = None) -> dict:
    """Cross-validate, fit on everything, write model and card; return the card."""
    import joblib
    import nltk
    import sklearn

    out = Path(out) if out else DATA / MODEL_FILE
    report = report or evaluate(labels, target)
    from threadpoolctl import threadpool_limits

    quotes = with_cues(labels, target)
    with threadpool_limits(1):
        pipe = stance_pipeline(target).fit(np.array(quotes, dtype=object), np.array([q.stance for q in quotes]))
    counts = labels.counts()
    card = {
        "model": out.name,
        "trained": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "labels": {"sha256": labels_hash(labels), "quotes": len(labels.quotes), "articles": len(labels.articles),
                   "per_stance": dict(counts["stance"])},
        "target": target.to_dict(),
        "features": list(FEATURE_GROUPS),
        "classifier": f"LogisticRegression(C={C}, class_weight='balanced')",
        "evaluation": report,
        "versions": {"scikit-learn": sklearn.__version__, "joblib": joblib.__version__, "nltk": nltk.__version__,
                     "python": platform.python_version()},
    }
    write_model(pipe, card, out)
    return card


def write_model(pipe, card: dict, out: Path) -> None:
    """Write model then card through temporary files and renames; the old pair is kept as
    ``*.previous`` first, so an interruption leaves a loadable pair on disk."""
    import joblib

    out.parent.mkdir(parents=True, exist_ok=True)
    cpath = card_path(out)
    if out.exists() and cpath.exists():
        for p in (out, cpath):
            shutil.copy2(p, p.with_name(p.name + PREVIOUS_SUFFIX))
    with tempfile.NamedTemporaryFile(dir=out.parent, suffix=".tmp", delete=False) as f:
        tmp_model = Path(f.name)
    try:
        joblib.dump(pipe, tmp_model, compress=3)
        card = dict(card, model_sha256=sha256(tmp_model))
        tmp_card = tmp_model.with_suffix(".card.tmp")
        tmp_card.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp_model.chmod(0o644)  # NamedTemporaryFile makes 0600; a model is for every user
        os.replace(tmp_model, out)
        os.replace(tmp_card, cpath)
    finally:
        for p in (tmp_model, tmp_model.with_suffix(".card.tmp")):
            if p.exists():
                p.unlink()
