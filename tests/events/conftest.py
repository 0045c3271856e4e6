"""Fixtures for the event tests; ``--update-golden`` rewrites the golden files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fehrest.model import Document
from fehrest.pipeline import extract_document

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "corpus" / "dev"
SEED = REPO / ".." / "shared" / "seed"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/events/golden/*.json from the current extractor (review the diff).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden", default=False))


@pytest.fixture(scope="session")
def extract() -> Callable[..., Document]:
    """Run the whole pipeline on a text: ``extract(text, published=None, language="auto")``."""

    def run(text: str, published: str | None = None, language: str = "auto") -> Document:
        doc = Document(text=text, source="test", language=language, published=published)
        return extract_document(doc)

    return run
