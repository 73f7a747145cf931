"""Setting a retrained model's card beside an earlier one's (training/compare.py), on the shipped card."""
from __future__ import annotations

import copy
import json

from quotestance.model.stance import DATA, card_path
from quotestance.training.compare import comparison, differences, setting

SHIPPED = json.loads(card_path(DATA / "stance.joblib").read_text(encoding="utf-8"))


def test_the_shipped_card_beside_itself_is_like_for_like():
    text = comparison(SHIPPED, SHIPPED)
    assert differences(SHIPPED, SHIPPED) == []
    assert "change     +0.000" in text and "like for like: same labels, options and target" in text
    assert f"{SHIPPED['evaluation']['model']['macro_f1']:8.3f}" in text.splitlines()[2]


def test_other_labels_and_no_invented_articles_are_named_as_not_like_for_like():
    new = copy.deepcopy(SHIPPED)
    new["labels"]["sha256"] = "0" * 64
    new["labels"]["quotes"] += 13
    del new["invented"]
    new["evaluation"]["model"]["macro_f1"] = 0.660
    assert differences(SHIPPED, new) == ["the labels differ (+13 quotes)", "one used the invented articles and the other did not"]
    text = comparison(SHIPPED, new, "the previous model")
    lines = text.splitlines()
    assert lines[0] == "against the previous model:"
    assert lines[4].split() == ["change", f"{0.660 - SHIPPED['evaluation']['model']['macro_f1']:+.3f}"]
    assert lines[5] == f"before:  {setting(SHIPPED)}" and lines[6] == f"now:     {setting(new)}"
    assert lines[7].startswith("not like for like: the labels differ (+13 quotes); one used the invented articles")
    assert setting(new).startswith(f"{SHIPPED['labels']['quotes'] + 13} quotes in {SHIPPED['labels']['articles']} articles, "
                                   "without invented articles")


def test_a_stance_missing_from_one_card_is_shown_as_a_dash():
    new = copy.deepcopy(SHIPPED)
    del new["evaluation"]["model"]["per_class"]["supporting"]
    assert comparison(SHIPPED, new).splitlines()[3].split()[2] == "-"


def test_a_card_without_figures_is_not_compared():
    from quotestance.training.compare import has_figures

    assert has_figures(SHIPPED)
    for broken in ({k: v for k, v in SHIPPED.items() if k != "evaluation"}, dict(SHIPPED, evaluation="x"),
                   dict(SHIPPED, evaluation={"model": {"macro_f1": "high"}}),
                   dict(SHIPPED, evaluation={"model": {"macro_f1": 0.5, "per_class": {"supporting": 0.4}}})):
        assert not has_figures(broken)


def test_odd_fields_on_a_hand_edited_card_do_not_break_the_comparison():
    for odd in ({"labels": None}, {"labels": "x"}, {"invented": None}, {"target": []}):
        card = dict(SHIPPED, **odd)
        text = comparison(card, SHIPPED)  # no exception: the odd field counts as missing
        assert text.splitlines()[0] == "against the previous model:"
        assert text.splitlines()[-1].startswith("not like for like: ")
