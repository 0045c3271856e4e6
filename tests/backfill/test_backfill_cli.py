"""``fehrest backfill``: a summary table, failures one per line, re-runs add nothing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from backfill_helpers import pages, write_jsonl, write_warc
from typer.testing import CliRunner

from fehrest.cli import app


def test_backfill_command_prints_a_summary_and_is_idempotent(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz", pages(30, every=6, seed=2))
    write_jsonl(folder / "feed.jsonl", pages(10, every=5, seed=4), bad_line=True)
    db = str(tmp_path / "register.sqlite")
    runner = CliRunner()
    first = runner.invoke(app, ["backfill", str(folder), "--db", db, "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert "pages read" in first.output
    assert re.search(r"pages read\s*│\s*40\s*│", first.output)
    assert "feed.jsonl:11" in first.output
    again = runner.invoke(app, ["backfill", str(folder), "--db", db, "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert re.search(r"new facts\s*│\s*0\s*│", again.output)
    assert not re.search(r"new facts\s*│\s*0\s*│", first.output)


def test_backfill_command_explains_a_source_only_spark_reads(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["backfill", "s3a://bucket/news/", "--db", str(tmp_path / "r.sqlite")])
    assert result.exit_code != 0
    assert "--engine spark" in str(result.exception) + result.output


@pytest.mark.postgres
@pytest.mark.slow
def test_backfill_command_on_spark_writes_parquet_and_the_register(
    spark: Any, tmp_path: Path, pg_url: str
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz", pages(20, every=4, seed=6))
    out = tmp_path / "events"
    # The session the fixture made is the one the command gets (getOrCreate).
    args = ["backfill", str(folder), "--engine", "spark", "--master", "local[2,2]", "--db", pg_url]
    result = CliRunner().invoke(app, [*args, "--parquet", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(r"pages read\s*│\s*20\s*│", result.output)
    assert spark.read.parquet(str(out)).count() > 0
