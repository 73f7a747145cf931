"""Set a new model's card beside an earlier one's: did retraining make it better, and can the two
figures be compared at all."""
from __future__ import annotations

from quotestance.model.record import STANCES


def _part(card: dict, key: str) -> dict:
    """``card[key]`` if it is an object, else empty: a card edited by hand may hold anything."""
    value = card.get(key)
    return value if isinstance(value, dict) else {}


def setting(card: dict) -> str:
    """What a card's held-out figure was measured on, in words."""
    labels = _part(card, "labels")
    parts = [f"{labels.get('quotes', '?')} quotes in {labels.get('articles', '?')} articles",
             "with invented articles" if _part(card, "invented") else "without invented articles",
             "settings chosen by nested CV" if "chosen_in_folds" in _part(card, "evaluation") else "fixed settings"]
    return ", ".join(parts)


def differences(old: dict, new: dict) -> list[str]:
    """Why the two cards' figures are not measured alike (empty when they are)."""
    out = []
    if _part(old, "labels").get("sha256") != _part(new, "labels").get("sha256"):
        n_old, n_new = _part(old, "labels").get("quotes"), _part(new, "labels").get("quotes")
        out.append("the labels differ" + (f" ({n_new - n_old:+d} quotes)" if isinstance(n_old, int) and isinstance(n_new, int) else ""))
    if bool(_part(old, "invented")) != bool(_part(new, "invented")):
        out.append("one used the invented articles and the other did not")
    elif _part(old, "invented").get("sha256") != _part(new, "invented").get("sha256"):
        out.append("the invented articles differ")
    if ("chosen_in_folds" in _part(old, "evaluation")) != ("chosen_in_folds" in _part(new, "evaluation")):
        out.append("one figure is from nested selection and the other is not")
    if _part(old, "target").get("name") != _part(new, "target").get("name"):
        out.append("the targets differ")
    return out


def has_figures(card: dict) -> bool:
    """Whether a card holds the held-out figures a comparison reads (a card edited by hand, or
    written by another tool, may not: it is then not compared, rather than failing)."""
    model = card.get("evaluation", {}).get("model") if isinstance(card.get("evaluation"), dict) else None
    return isinstance(model, dict) and isinstance(model.get("macro_f1"), (int, float)) \
        and isinstance(model.get("per_class", {}), dict) \
        and all(isinstance(v, dict) and isinstance(v.get("f1"), (int, float)) for v in model.get("per_class", {}).values())


def comparison(old: dict, new: dict, what: str = "the previous model") -> str:
    """The two cards' held-out macro-F1 and per-class F1 side by side, the change, and whether the
    change is the model's or partly the labels' and settings'."""
    rows = [("before", old), ("now", new)]
    head = f"{'':8s} {'macro-F1':>8s}  " + "  ".join(f"{c + ' F1':>14s}" for c in STANCES)
    lines = [f"against {what}:", head]
    for name, card in rows:
        m = card["evaluation"]["model"]
        cells = "  ".join(f"{m['per_class'][c]['f1']:14.2f}" if c in m.get("per_class", {}) else f"{'-':>14s}" for c in STANCES)
        lines.append(f"{name:8s} {m['macro_f1']:8.3f}  {cells}")
    d = new["evaluation"]["model"]["macro_f1"] - old["evaluation"]["model"]["macro_f1"]
    lines.append(f"change   {d:+8.3f}")
    lines += [f"{name + ':':8s} {setting(card)}" for name, card in rows]
    why = differences(old, new)
    if why:
        lines.append("not like for like: " + "; ".join(why) + ". The change mixes what was added with how it was "
                     "measured; a like-for-like figure needs both runs on the same labels and options.")
    else:
        lines.append("like for like: same labels, options and target, so the change is the training's.")
    return "\n".join(lines)
