"""The workers' half and the driver's half of a backfill, without Spark or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from backfill_helpers import pages, snapshot, write_jsonl, write_warc

from fehrest.backfill import Engine, Failure, Tally, backfill, process_file, store_outcomes
from fehrest.backfill.sources import expand_sources
from fehrest.errors import FehrestError
from fehrest.model import Document
from fehrest.register import Register
from fehrest.register.bulk import record_failure_once


def test_process_file_returns_only_pages_with_events_and_a_tally(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "day.jsonl", pages(40, every=8), bad_line=True)
    outcomes = list(process_file(str(path)))
    docs = [o for o in outcomes if isinstance(o, Document)]
    failures = [o for o in outcomes if isinstance(o, Failure)]
    tally = outcomes[-1]
    assert isinstance(tally, Tally)
    assert tally.pages == 40
    # Five designation reports among 35 ordinary pages: the first pass keeps the five.
    assert tally.relevant == 5
    assert len(docs) == 5
    assert tally.events == sum(len(d.events or ()) for d in docs) > 0
    # What comes back is compact: no text layer or times to ship to the driver.
    assert all(d.text_layer is None and d.times is None for d in docs)
    assert [f.line for f in failures] == [41]


def test_process_file_names_the_warc_record_of_a_page_that_fails(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", pages(6, every=3))

    def explode(doc: Document) -> Document:
        raise ValueError("boom")

    outcomes = list(process_file(str(path), explode))
    failures = [o for o in outcomes if isinstance(o, Failure)]
    assert len(failures) == 6
    assert all(f.record_id and f.record_id.startswith("<urn:uuid:") for f in failures)
    assert "extraction failed: ValueError: boom" in str(failures[0])
    assert outcomes[-1] == Tally(pages=6)


def test_process_file_reads_warc_and_jsonl_alike(tmp_path: Path) -> None:
    records = pages(12, every=4, seed=9)
    from_warc = list(process_file(str(write_warc(tmp_path / "a.warc.gz", records))))
    from_jsonl = list(process_file(str(write_jsonl(tmp_path / "a.jsonl", records))))
    warc_docs = [d for d in from_warc if isinstance(d, Document)]
    jsonl_docs = [d for d in from_jsonl if isinstance(d, Document)]
    assert [d.content_hash for d in warc_docs] == [d.content_hash for d in jsonl_docs]
    assert [len(d.events or ()) for d in warc_docs] == [len(d.events or ()) for d in jsonl_docs]
    assert all(d.meta.get("record_id") for d in warc_docs)


def test_store_outcomes_twice_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    path = write_jsonl(tmp_path / "day.jsonl", pages(30, every=5), bad_line=True)
    with Register.open(db) as reg:
        first = store_outcomes(reg, process_file(str(path)), batch_size=2)
    once = snapshot(db)
    with Register.open(db) as reg:
        second = store_outcomes(reg, process_file(str(path)), batch_size=4)
    assert first.stored.new_facts > 0
    assert (second.stored.new_documents, second.stored.new_events, second.stored.new_facts) == (0, 0, 0)
    assert snapshot(db) == once
    assert len(once["failures"]) == 1


def test_store_outcomes_cut_off_then_run_again_equals_one_clean_run(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "day.jsonl", pages(60, every=4))
    clean, cut = str(tmp_path / "clean.sqlite"), str(tmp_path / "cut.sqlite")
    with Register.open(clean) as reg:
        store_outcomes(reg, process_file(str(path)), batch_size=3)

    def dies_halfway() -> object:
        for n, outcome in enumerate(process_file(str(path))):
            if n == 8:
                raise KeyboardInterrupt
            yield outcome

    with Register.open(cut) as reg, pytest.raises(KeyboardInterrupt):
        store_outcomes(reg, dies_halfway(), batch_size=3)  # type: ignore[arg-type]
    partial = snapshot(cut)
    assert 0 < len(partial["documents"]) < len(snapshot(clean)["documents"])
    with Register.open(cut) as reg:
        store_outcomes(reg, process_file(str(path)), batch_size=5)
    assert snapshot(cut) == snapshot(clean)


def test_record_failure_once_keeps_one_row_per_problem(tmp_path: Path) -> None:
    with Register.open(str(tmp_path / "r.sqlite")) as reg:
        assert record_failure_once(reg, "a.warc", "truncated", None)
        assert not record_failure_once(reg, "a.warc", "truncated", None)
        assert record_failure_once(reg, "a.warc", "truncated", 3)
        assert not record_failure_once(reg, "a.warc", "truncated", 3)
        assert len(reg.db.query("SELECT * FROM failures")) == 2


def test_expand_sources_sorts_folders_and_names_what_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    write_jsonl(tmp_path / "b" / "2.jsonl", pages(2, every=2))
    write_warc(tmp_path / "b" / "1.warc.gz", pages(2, every=2))
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF")
    found = expand_sources([str(tmp_path / "b"), str(tmp_path / "missing"), "s3a://bucket/news/"])
    assert [Path(f).name for f in found.files] == ["1.warc.gz", "2.jsonl"]
    assert found.uris == ["s3a://bucket/news/"]
    assert [e.problem for e in found.errors] == ["no such file or folder"]


def test_backfill_local_refuses_what_only_spark_can_do(tmp_path: Path) -> None:
    with Register.open(str(tmp_path / "r.sqlite")) as reg:
        with pytest.raises(FehrestError, match="--engine spark"):
            backfill(reg, ["s3a://bucket/news/"], Engine.local)
        with pytest.raises(FehrestError, match="Parquet"):
            backfill(reg, [str(tmp_path)], Engine.local, parquet=str(tmp_path / "pq"))


def test_backfill_local_pool_equals_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        write_jsonl(folder / f"{n}.jsonl", pages(20, every=4, seed=n, offset=20 * n))
    one, pool = str(tmp_path / "one.sqlite"), str(tmp_path / "pool.sqlite")
    with Register.open(one) as reg:
        serial = backfill(reg, [str(folder)], Engine.local, workers=1)
    with Register.open(pool) as reg:
        parallel = backfill(reg, [str(folder)], Engine.local, workers=2)
    assert serial.tally == parallel.tally == Tally(60, 15, serial.events)
    assert snapshot(one) == snapshot(pool)
