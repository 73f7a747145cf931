"""Load the stance model (only what its card vouches for) and predict stance for quotes."""
from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from quotestance.model.record import STANCES, Quote
from quotestance.model.target import Target

DATA = Path(__file__).parent / "data"
MODEL_FILE = "stance.joblib"
CARD_FILE = "stance.card.json"


class ModelError(ValueError):
    """A model that cannot be used: missing, tampered with, or from another scikit-learn."""


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def card_path(model_path: Path) -> Path:
    return model_path.with_name(model_path.name.removesuffix(".joblib") + ".card.json")


class StanceModel:
    """A fitted pipeline and its card. Unpickling runs code: the file's hash must match the card."""

    def __init__(self, pipeline, card: dict):
        self.pipeline = pipeline
        self.card = card
        self.target = Target.from_dict(card["target"])

    @classmethod
    def load(cls, path: str | Path | None = None) -> "StanceModel":
        path = Path(path) if path else DATA / MODEL_FILE
        cpath = card_path(path)
        if not path.is_file():
            raise ModelError(f"{path}: no model file; run `quotestance train`")
        if not cpath.is_file():
            raise ModelError(f"{path}: no card ({cpath.name}) beside the model; refusing to load it, run `quotestance train`")
        try:
            card = json.loads(cpath.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise ModelError(f"{cpath}: unreadable card ({e}); run `quotestance train`") from None
        if sha256(path) != card.get("model_sha256"):
            raise ModelError(f"{path}: file does not match the hash on its card; refusing to load it, run `quotestance train`")
        import sklearn

        want = card.get("versions", {}).get("scikit-learn")
        if want != sklearn.__version__:
            raise ModelError(f"{path}: trained with scikit-learn {want}, this is {sklearn.__version__}; run `quotestance train`")
        import joblib

        return cls(joblib.load(path), card)

    def predict(self, quotes: list[Quote], target: Target | None = None) -> list[Quote]:
        """The quotes with stance, confidence and the three probabilities filled in."""
        if not quotes:
            return []
        pipe = self.pipeline
        if target is not None and target != self.target:
            pipe = _retarget(pipe, target)
        proba = pipe.predict_proba(quotes)
        classes = list(pipe.classes_)
        out = []
        for q, p in zip(quotes, proba):
            probs = {c: round(float(p[classes.index(c)]), 4) for c in STANCES}
            best = max(probs, key=probs.get)
            out.append(replace(q, stance=best, confidence=probs[best], probabilities=probs))
        return out


def _retarget(pipeline, target: Target):
    """A shallow copy of the pipeline whose feature steps mask ``target`` instead."""
    import copy

    from quotestance.model.features import QuoteFeatures

    pipe = copy.deepcopy(pipeline)
    for step in _walk(pipe):
        if isinstance(step, QuoteFeatures):
            step.target = target
    return pipe


def _walk(est):
    yield est
    for attr in ("steps", "transformer_list"):
        for _, sub in getattr(est, attr, []):
            yield from _walk(sub)
