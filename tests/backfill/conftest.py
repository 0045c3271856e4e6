"""Fixtures for backfill tests: one local Spark session for the run, a fresh PostgreSQL schema per test.

``FEHREST_TEST_PG_URL`` names the PostgreSQL database ``make test`` starts;
each test gets its own schema there, dropped after (as the register tests do).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
# Helpers live beside the tests; Spark's Python workers import them too, so
# they go on PYTHONPATH before the JVM (which starts the workers) is launched.
sys.path.insert(0, str(HERE))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")]))

from register_helpers import fresh_pg_schema  # noqa: E402  (tests/register is on the test path)

PG_URL = os.environ.get("FEHREST_TEST_PG_URL")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A local Spark with two cores and two attempts per task (so a killed task is retried)."""
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2,2]")
        .appName("fehrest-backfill-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "512m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def _fresh_schema_url() -> Iterator[str]:
    assert PG_URL is not None
    with fresh_pg_schema(PG_URL) as url:
        yield url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """An empty PostgreSQL schema for one register."""
    if PG_URL is None:
        pytest.skip("FEHREST_TEST_PG_URL is not set (make test sets it)")
    yield from _fresh_schema_url()


@pytest.fixture
def other_pg_url() -> Iterator[str]:
    """A second empty PostgreSQL schema, for the run to compare with."""
    if PG_URL is None:
        pytest.skip("FEHREST_TEST_PG_URL is not set (make test sets it)")
    yield from _fresh_schema_url()
