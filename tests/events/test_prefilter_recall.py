"""The first pass never sets aside an article the extractor reads events from."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fehrest.events import may_report_designation
from fehrest.model import Document

DEV = Path(__file__).resolve().parents[2] / "corpus" / "dev"
ARTICLES = sorted(p for p in DEV.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_first_pass_keeps_every_article_with_events(path: Path, extract: Callable[..., Document]) -> None:
    text = path.read_text(encoding="utf-8")
    published = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))["published"]
    if extract(text, published=published).events:
        assert may_report_designation(text), path.name
