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


class ModelError(ValueError):
    """A model that cannot be used: missing, tampered with, or from another scikit-learn."""


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def card_path(model_path: Path) -> Path:
    """The card beside a model: ``stance.card.json`` for ``stance.joblib``, and for the kept
    ``stance.joblib.previous`` its ``stance.card.json.previous`` (so ``--model`` takes either)."""
    name = model_path.name
    if name.endswith(".joblib" + PREVIOUS_SUFFIX):
        return model_path.with_name(name.removesuffix(".joblib" + PREVIOUS_SUFFIX) + ".card.json" + PREVIOUS_SUFFIX)
    return model_path.with_name(name.removesuffix(".joblib") + ".card.json")


# The pair `quotestance train` keeps when it replaces a model: stance.joblib.previous and
# stance.card.json.previous beside the model.
PREVIOUS_SUFFIX = ".previous"


def previous_pair(model_path: Path) -> tuple[Path, Path]:
    """The ``*.previous`` model and card kept beside ``model_path``."""
    return (model_path.with_name(model_path.name + PREVIOUS_SUFFIX),
            card_path(model_path).with_name(card_path(model_path).name + PREVIOUS_SUFFIX))


class ModelMismatch(ModelError):
    """The model file is not the one its card vouches for (tampered with, or a write interrupted)."""


class ModelFallbackWarning(UserWarning):
    """The model did not match its card, and the verified ``*.previous`` pair was loaded instead."""


def verify(path: Path, cpath: Path | None = None) -> dict:
    """The card of the model at ``path`` if the pair may be loaded, else raise ModelError.

    The checks, in order: both files exist, the card is JSON, the file's SHA-256 is the card's
    ``model_sha256``, and the card's scikit-learn version is the installed one. Nothing is
    unpickled here.
    """
    return _verified(path, cpath)[0]


def _verified(path: Path, cpath: Path | None = None) -> tuple[dict, bytes]:
    """``verify``, also returning the model's bytes as hashed: those bytes, not the file read
    again, are what gets unpickled, so a file replaced after the check is never loaded."""
    cpath = cpath or card_path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no model file; run `quotestance train`")
    if not cpath.is_file():
        raise ModelError(f"{path}: no card ({cpath.name}) beside the model; refusing to load it, run `quotestance train`")
    try:
        card = json.loads(cpath.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ModelError(f"{cpath}: unreadable card ({e}); run `quotestance train`") from None
    if not isinstance(card, dict):
        raise ModelError(f"{cpath}: unreadable card (not a JSON object); run `quotestance train`")
    problem = _card_problem(card)
    if problem:
        raise ModelError(f"{cpath}: unreadable card ({problem}); run `quotestance train`")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != card.get("model_sha256"):
        raise ModelMismatch(f"{path}: file does not match the hash on its card; refusing to load it, run `quotestance train`")
    import sklearn

    want = card.get("versions", {}).get("scikit-learn")
    if want != sklearn.__version__:
        raise ModelError(f"{path}: trained with scikit-learn {want}, this is {sklearn.__version__}; run `quotestance train`")
    return card, data


def _card_problem(card: dict) -> str | None:
    """What is wrong with the fields a card must hold to be used, or None. (The hash covers the
    model file only; the card's target is checked against the model's own when it is loaded.)"""
    if not isinstance(card.get("versions"), dict):
        return "no 'versions' object"
    target = card.get("target")
    if not isinstance(target, dict) or not isinstance(target.get("name"), str) or not target["name"].strip():
        return "no 'target' with a name"
    aliases = target.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return "the target's 'aliases' are not a list of names"
    return None


def _feature_targets(pipeline) -> set:
    """The targets the pipeline's QuoteFeatures steps mask: one, for a stance pipeline."""
    from quotestance.model.features import QuoteFeatures

    return {step.target for step in _walk(pipeline) if isinstance(step, QuoteFeatures)}


class StanceModel:
    """A fitted pipeline and its card. Unpickling runs code: the file's hash must match the card."""

    def __init__(self, pipeline, card: dict):
        self.pipeline = pipeline
        self.card = card
        self.target = Target.from_dict(card["target"])
        self._retargeted: dict[Target, object] = {}  # pipeline_for's copies, by target

    def __getstate__(self):  # sent to `tag --jobs` workers: without the cached copies
        return {k: v for k, v in self.__dict__.items() if k != "_retargeted"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._retargeted = {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> "StanceModel":
        """The model at ``path`` (default: the shipped one), only if its card vouches for it.

        A file is unpickled only after ``verify`` passed on it and its card. One fallback: when
        the model does not match its card's hash and the ``*.previous`` pair beside it passes
        ``verify`` in full, that pair is loaded instead, with a ModelFallbackWarning. This is the
        state a `quotestance train` killed between its two renames leaves (new model, old card;
        see training/train.py:write_model). The mismatched file itself is never loaded; if the
        previous pair does not verify either, the model's own error is raised.
        """
        path = Path(path) if path else DATA / MODEL_FILE
        try:
            card, data = _verified(path)
        except ModelMismatch as e:
            import warnings

            prev, prev_card = previous_pair(path)
            try:
                card, data = _verified(prev, prev_card)
            except ModelError:
                raise e from None
            warnings.warn(f"{e}; loaded the previous model {prev.name} instead", ModelFallbackWarning, stacklevel=2)
        import io

        import joblib

        try:
            pipeline = joblib.load(io.BytesIO(data))
        except Exception as e:  # bytes the card vouches for but no pickle can make: anything may be raised
            raise ModelError(f"{path}: not a model file ({type(e).__name__} while loading it); run `quotestance train`") from None
        if not all(hasattr(pipeline, a) for a in ("predict_proba", "classes_", "named_steps")):
            raise ModelError(f"{path}: holds a {type(pipeline).__name__}, not a stance pipeline; run `quotestance train`")
        targets = _feature_targets(pipeline)
        if not targets:  # e.g. a plain TF-IDF pipeline, which would fail on quote records
            raise ModelError(f"{path}: holds a pipeline without quotestance's features, not a stance pipeline; "
                             "run `quotestance train`")
        target = Target.from_dict(card["target"])
        if targets != {target}:  # an edited card: predictions would mask one person and report another
            raise ModelError(f"{path}: its card says the target is {target.name}, the model was trained toward "
                             f"{', '.join(sorted(t.name for t in targets))}; refusing to load it, run `quotestance train`")
        return cls(pipeline, card)

    def pipeline_for(self, target: Target | None = None):
        """The pipeline that predicts stance toward ``target``: the model's own for its own target
        (or None), else a copy whose features mask ``target`` instead."""
        if target is None or target == self.target:
            return self.pipeline
        # The deep copy costs ~15 ms: made once per target, not once per call to predict.
        cache = self._retargeted
        if target not in cache:
            if len(cache) >= 8:
                cache.clear()
            cache[target] = _retarget(self.pipeline, target)
        return cache[target]

    def predict(self, quotes: list[Quote], target: Target | None = None) -> list[Quote]:
        """The quotes with stance, confidence and the three probabilities filled in."""
        if not quotes:
            return []
        from quotestance.model.features import remembered_features

        pipe = self.pipeline_for(target)
        with remembered_features():  # feature groups that read the same masked text share it
            proba = pipe.predict_proba(quotes)
        classes = list(pipe.classes_)
        # A stance absent from the training labels has no column: its probability is 0.
        cols = [(c, classes.index(c) if c in classes else None) for c in STANCES]
        out = []
        for q, p in zip(quotes, proba.tolist()):  # tolist(): the same floats as float(p[i]), made at once
            probs = {c: 0.0 if i is None else round(p[i], 4) for c, i in cols}
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
