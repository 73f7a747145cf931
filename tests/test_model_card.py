"""The shipped model loads; a model whose card does not vouch for it is refused."""
from __future__ import annotations

import json
import tomllib

import pytest

from conftest import ROOT
from quotestance.model.stance import DATA, ModelError, StanceModel

CARD = DATA / "stance.card.json"


def test_shipped_model_loads_and_card_says_what_it_saw():
    m = StanceModel.load()
    card = m.card
    assert card["labels"]["articles"] == 27 and card["labels"]["quotes"] >= 238
    assert set(card["labels"]["per_stance"]) == {"supporting", "criticising", "neutral"}
    assert card["target"]["name"] == "Peter Mandelson"
    assert {"model", "baselines", "calibration"} <= set(card["evaluation"])
    assert card["evaluation"]["model"]["macro_f1"] > card["evaluation"]["baselines"]["always neutral"]["macro_f1"]


def test_pinned_scikit_learn_is_the_cards():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pin = next(d for d in deps if d.startswith("scikit-learn"))
    assert pin == f"scikit-learn=={json.loads(CARD.read_text())['versions']['scikit-learn']}"


def test_copy_loads(model_copy):
    assert StanceModel.load(model_copy).target.name == "Peter Mandelson"


# A tampered model file and a card from another scikit-learn: tests/test_robustness.py, with the CLI's line.


def test_model_without_card_is_refused(model_copy):
    model_copy.with_name("stance.card.json").unlink()
    with pytest.raises(ModelError, match="no card"):
        StanceModel.load(model_copy)
