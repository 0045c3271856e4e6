"""PostgreSQL as the shared register: writers at once lose and double nothing."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from backfill_helpers import snapshot, store_in_batches, synthetic_documents

from fehrest.register import Register

pytestmark = pytest.mark.postgres


def test_two_concurrent_writers_store_what_one_serial_writer_does(pg_url: str, other_pg_url: str) -> None:
    # Documents 0..59 from writer A, 30..89 from writer B: half of each overlaps the other.
    ctx = multiprocessing.get_context("spawn")
    # Both writers open the register, then start storing together.
    go = ctx.Barrier(2)
    writers = [
        ctx.Process(target=store_in_batches, args=(pg_url, 0, 60, 3, go)),
        ctx.Process(target=store_in_batches, args=(pg_url, 30, 90, 3, go)),
    ]
    for w in writers:
        w.start()
    for w in writers:
        w.join(120)
        assert w.exitcode == 0
    store_in_batches(other_pg_url, 0, 90, 7)
    together, serial = snapshot(pg_url), snapshot(other_pg_url)
    assert together == serial
    assert len(together["documents"]) == 90
    # Every event is kept once, under one fact; sources add up to the events.
    assert len(together["events"]) == sum(len(d.events or ()) for d in synthetic_documents(0, 90))
    assert sum(f[-1] for f in together["facts"]) == len(together["events"])


def test_readers_see_whole_batches_while_a_writer_runs(pg_url: str, tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    writer = ctx.Process(target=store_in_batches, args=(pg_url, 0, 120, 5))
    writer.start()
    seen = []
    with Register.open(pg_url) as reader:
        while writer.is_alive() or not seen:
            rows = reader.db.query(
                "SELECT (SELECT count(*) FROM documents), "
                "(SELECT coalesce(sum(source_count), 0) FROM facts), (SELECT count(*) FROM events)"
            )
            seen.append(tuple(int(v) for v in rows[0]))
    writer.join(120)
    assert writer.exitcode == 0
    # A reader never sees half a batch: facts' source counts always match the events stored.
    assert all(sources == events for _, sources, events in seen)
    assert all(documents % 5 == 0 or documents == 120 for documents, _, _ in seen)
