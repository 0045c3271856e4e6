"""Fixtures for the web tests: a register holding the seed article (ingested through the real
pipeline) plus a short English report of our own with hand-made events, an API token, and
a test client over the app.

The seeded register is built once per session and copied for each test, so tests that
write (reviews, ingest) never see each other's decisions.
"""

from __future__ import annotations

import shutil
import sys
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

# Test helpers live beside the tests; pytest's importlib mode does not put
# this folder on sys.path by itself.
sys.path.insert(0, str(Path(__file__).parent))

from web_helpers import BACKENDS, PG_URL, Token, fill_register

from fehrest.register import Register
from fehrest.register.tokens import create_token
from fehrest.web import create_app

with warnings.catch_warnings():
    # Starlette asks for httpx2 in a deprecation warning; httpx is what the project pins.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "register.sqlite"
    fill_register(str(path))
    return path


@pytest.fixture
def register_path(seeded_template: Path, tmp_path: Path) -> str:
    """A fresh copy of the seeded SQLite register."""
    path = tmp_path / "register.sqlite"
    shutil.copy(seeded_template, path)
    return str(path)


@pytest.fixture(params=BACKENDS)
def any_register(request: pytest.FixtureRequest, seeded_template: Path, tmp_path: Path) -> Iterator[str]:
    """A seeded register on each backend (PostgreSQL when ``make test`` started one)."""
    if request.param == "sqlite":
        path = tmp_path / "register.sqlite"
        shutil.copy(seeded_template, path)
        yield str(path)
        return
    import psycopg

    assert PG_URL is not None
    schema = f"w_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    try:
        fill_register(url)
        yield url
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def token(register_path: str) -> Token:
    reg = Register.open(register_path)
    try:
        info, secret = create_token(reg, "reviewer-1")
    finally:
        reg.close()
    return Token(info.name, secret)


@pytest.fixture
def client(register_path: str) -> Iterator[TestClient]:
    """A test client over the app on the seeded register."""
    with TestClient(create_app(register_path), raise_server_exceptions=False) as test_client:
        yield test_client
