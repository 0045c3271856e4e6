"""Golden files: the JSON extraction of every dev article and the seed.

A change in the extractor shows up as a diff of ``golden/<name>.json``;
regenerate with ``pytest tests/events --update-golden`` and have a person
review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fehrest.model import Document
from fehrest.pipeline import extract_document

from .conftest import DEV, GOLDEN, SEED

ARTICLES = sorted(DEV.glob("*.txt")) + sorted(p for p in SEED.glob("*.txt") if ".zwnj" not in p.name)


def _published(path: Path) -> str | None:
    gold = path.with_name(path.name.removesuffix(".txt") + ".gold.json")
    if not gold.exists():
        return None
    published = json.loads(gold.read_text(encoding="utf-8")).get("published")
    return published if isinstance(published, str) else None


def _extract_json(path: Path) -> str:
    doc = Document(
        text=path.read_text(encoding="utf-8"), source=path.name, language="auto", published=_published(path)
    )
    doc = extract_document(doc)
    events = [e.to_json() for e in doc.events or ()]
    return json.dumps({"document": path.name, "events": events}, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_extract_matches_golden_file(path: Path, update_golden: bool) -> None:
    golden = GOLDEN / (path.stem + ".json")
    got = _extract_json(path)
    if update_golden:
        golden.write_text(got, encoding="utf-8")
        return
    assert golden.exists(), f"no golden file for {path.name}: run pytest --update-golden"
    assert got == golden.read_text(encoding="utf-8")
