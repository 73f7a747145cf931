"""The whole job on one article's text: extract, attribute, predict stance."""
from __future__ import annotations

from quotestance.model.attribute import attribute
from quotestance.model.extract import extract_quotes
from quotestance.model.record import Quote
from quotestance.model.stance import StanceModel
from quotestance.model.target import Target


def tag_text(text: str, doc: str, model: StanceModel, target: Target | None = None) -> list[Quote]:
    """Every quote in ``text`` with its speaker and stance toward ``target`` (the model's by default)."""
    target = target or model.target
    quotes = attribute(text, list(extract_quotes(text, doc)), target)
    return model.predict(quotes, target)
