"""Engine spark against engine local, on PostgreSQL: same facts, nothing doubled by retries or re-runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from backfill_helpers import KilledOnce, pages, snapshot, write_jsonl, write_warc

from fehrest.backfill import Engine, backfill
from fehrest.backfill.events import EVENT_COLUMNS
from fehrest.register import Register

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _inputs(folder: Path) -> Path:
    """Three WARC files and two JSONL files of news, one page in five a designation, one bad line."""
    folder.mkdir()
    for n in range(3):
        write_warc(folder / f"crawl-{n}.warc.gz", pages(25, every=5, seed=n, offset=25 * n))
    write_jsonl(folder / "feed-a.jsonl", pages(20, every=5, seed=7), bad_line=True)
    # The same pages again under another name: stored once.
    write_jsonl(folder / "feed-b.jsonl", pages(20, every=5, seed=7))
    return folder


def _run(url: str, sources: list[str], engine: Engine, **options: Any) -> Any:
    with Register.open(url) as reg:
        return backfill(reg, sources, engine, **options)


def test_backfill_spark_stores_the_same_facts_as_local(
    spark: Any, tmp_path: Path, pg_url: str, other_pg_url: str
) -> None:
    folder = _inputs(tmp_path / "news")
    on_spark = _run(pg_url, [str(folder)], Engine.spark, spark=spark)
    on_pool = _run(other_pg_url, [str(folder)], Engine.local, workers=2)
    assert on_spark.tally == on_pool.tally
    assert on_spark.pages == 3 * 25 + 2 * 20
    assert on_spark.relevant == 3 * 5 + 2 * 4
    assert on_spark.stored.new_facts > 0
    assert on_spark.stored.unchanged_documents == 4  # feed-b repeats feed-a
    assert [str(f) for f in on_spark.failures] == [str(f) for f in on_pool.failures]
    assert len(on_spark.failures) == 1
    left, right = snapshot(pg_url), snapshot(other_pg_url)
    # The WARC pages carry their URL as source on both engines.
    assert left == right
    assert len(left["facts"]) == on_spark.stored.new_facts


def test_backfill_spark_twice_leaves_the_register_as_one_run(spark: Any, tmp_path: Path, pg_url: str) -> None:
    folder = _inputs(tmp_path / "news")
    first = _run(pg_url, [str(folder)], Engine.spark, spark=spark)
    once = snapshot(pg_url)
    second = _run(pg_url, [str(folder)], Engine.spark, spark=spark)
    assert first.stored.new_events > 0
    assert (second.stored.new_documents, second.stored.new_events, second.stored.new_facts) == (0, 0, 0)
    assert snapshot(pg_url) == once


def test_backfill_spark_task_killed_halfway_and_retried_adds_nothing_twice(
    spark: Any, tmp_path: Path, pg_url: str, other_pg_url: str
) -> None:
    folder = _inputs(tmp_path / "news")
    flag = tmp_path / "killed"
    retried = _run(pg_url, [str(folder)], Engine.spark, spark=spark, extract=KilledOnce(flag, after=12))
    assert flag.exists(), "the first attempt of partition 0 should have been killed"
    clean = _run(other_pg_url, [str(folder)], Engine.local, workers=1)
    assert retried.tally == clean.tally
    assert snapshot(pg_url) == snapshot(other_pg_url)


def test_backfill_spark_writes_one_parquet_row_per_event(spark: Any, tmp_path: Path, pg_url: str) -> None:
    folder = _inputs(tmp_path / "news")
    out = tmp_path / "events.parquet"
    summary = _run(pg_url, [str(folder)], Engine.spark, spark=spark, parquet=str(out))
    frame = spark.read.parquet(str(out))
    assert tuple(frame.columns) == EVENT_COLUMNS
    rows = frame.collect()
    assert len(rows) == summary.events
    with Register.open(pg_url) as reg:
        stored = {r[0] for r in reg.db.query("SELECT id FROM documents")}
    assert {r["document_id"] for r in rows} == stored
    assert all(
        r["evidence"] and r["type"] in {"LIST", "DELIST", "SUSPEND", "RECOGNIZE", "REACT"} for r in rows
    )


def test_backfill_spark_reads_uris_through_the_cluster_file_system(
    spark: Any, tmp_path: Path, pg_url: str, other_pg_url: str
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz", pages(20, every=4, seed=5))
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    through_hadoop = _run(pg_url, [f"file://{folder}/"], Engine.spark, spark=spark)
    direct = _run(other_pg_url, [str(folder)], Engine.local, workers=1)
    assert through_hadoop.tally == direct.tally
    assert through_hadoop.pages == 20
    assert [f.source.rsplit("/", 1)[-1] for f in through_hadoop.failures] == ["notes.pdf"]
    assert snapshot(pg_url)["facts"] == snapshot(other_pg_url)["facts"]
