"""Shared fixtures: the real labels folder, and small label folders made for a test."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "labels"
ARTICLES = LABELS / "articles"


def article(name: str) -> str:
    """A real article's text, read as the tool reads it."""
    return (ARTICLES / name).read_bytes().decode("utf-8")


@pytest.fixture
def labels_copy(tmp_path: Path):
    """A writable copy of two real articles with their real labels; returns (root, records)."""
    root = tmp_path / "labels"
    (root / "articles").mkdir(parents=True)
    keep = ("c02.txt", "c03.txt")
    for name in keep:
        shutil.copy(ARTICLES / name, root / "articles" / name)
    recs = [json.loads(line) for line in (LABELS / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    recs = [r for r in recs if r["doc"] in keep]
    write_jsonl(root / "quotes.jsonl", recs)
    return root, recs


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped model and its card; returns the model file's path."""
    from quotestance.model.stance import DATA

    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("stance.joblib", "stance.card.json"):
        shutil.copy(DATA / name, folder / name)
    return folder / "stance.joblib"


def write_jsonl(path: Path, recs: list) -> None:
    """Write records (dicts, or raw strings for malformed lines) one per line."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in recs]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
