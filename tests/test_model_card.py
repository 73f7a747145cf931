"""The shipped model loads; a model whose card does not vouch for it is refused."""
from __future__ import annotations

import json
import re
import shutil
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


@pytest.fixture
def model_copy(tmp_path):
    for name in ("stance.joblib", "stance.card.json"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "stance.joblib"


def test_copy_loads(model_copy):
    assert StanceModel.load(model_copy).target.name == "Peter Mandelson"


def test_tampered_model_is_refused(model_copy):
    data = bytearray(model_copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model_copy.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=re.escape("does not match the hash on its card; refusing to load it, run `quotestance train`")):
        StanceModel.load(model_copy)


def test_other_scikit_learn_version_is_refused(model_copy):
    card_path = model_copy.with_name("stance.card.json")
    card = json.loads(card_path.read_text())
    card["versions"]["scikit-learn"] = "0.24.2"
    card_path.write_text(json.dumps(card))
    with pytest.raises(ModelError, match=r"trained with scikit-learn 0\.24\.2, this is .*; run `quotestance train`"):
        StanceModel.load(model_copy)


def test_model_without_card_is_refused(model_copy):
    model_copy.with_name("stance.card.json").unlink()
    with pytest.raises(ModelError, match="no card"):
        StanceModel.load(model_copy)
