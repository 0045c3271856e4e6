"""Fixtures for register tests: a fresh register on SQLite, and on PostgreSQL when one is given.

``FEHREST_TEST_PG_URL`` names a PostgreSQL database (``make test`` starts one
with ``scripts/pg-test.sh``); each test gets its own schema there, dropped after.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Test helpers live beside the tests; pytest's importlib mode does not put
# this folder on sys.path by itself.
sys.path.insert(0, str(Path(__file__).parent))

from register_helpers import FakeClock, fresh_pg_schema

from fehrest.register import Register

PG_URL = os.environ.get("FEHREST_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)] if PG_URL else ["sqlite"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=BACKENDS)
def register_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL or path for an empty register on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "register.sqlite")
        return
    assert PG_URL is not None
    with fresh_pg_schema(PG_URL) as url:
        yield url


@pytest.fixture
def fresh_register(register_url: str, clock: FakeClock) -> Iterator[Register]:
    """An empty register with a hand-moved clock, on SQLite and (when set up) PostgreSQL."""
    reg = Register.open(register_url, clock=clock)
    try:
        yield reg
    finally:
        reg.close()
