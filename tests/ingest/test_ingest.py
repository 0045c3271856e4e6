"""Ingesting files into the register: counts, idempotence, failures, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ingest_helpers import line_extractor

from fehrest.ingest import ingest_paths
from fehrest.model import Document
from fehrest.register import Register, status

REPO = Path(__file__).resolve().parents[2]


def _write_batch(folder: Path, count: int) -> Path:
    path = folder / "batch.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            text = f"Report {i}.\nLIST J{i % 7} group-{i % 11} {2000 + i % 20}-0{1 + i % 9}"
            out.write(json.dumps({"text": text, "published": "2024-02-02"}) + "\n")
    return path


def test_ingest_counts_and_is_idempotent(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("LIST CA blue-hand 2014-08-08\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "Another paper.\nLIST CA blue-hand 2014-08"}) + "\n{oops\n", encoding="utf-8"
    )
    with Register.open(tmp_path / "r.sqlite") as reg:
        first = ingest_paths(reg, [tmp_path], extract=line_extractor)
        again = ingest_paths(reg, [tmp_path], extract=line_extractor)
        report = status(reg, "Blue Hand", as_of="2015-01-01")
        stored_failures = reg.db.query("SELECT source, line FROM failures")
    assert (first.documents_read, first.new_documents, first.stored.new_events, first.stored.new_facts) == (
        2,
        2,
        2,
        1,
    )
    assert str(first.failures[0]).startswith(f"{tmp_path / 'b.jsonl'}:2: malformed JSON")
    assert (again.new_documents, again.unchanged_documents, again.stored.new_events) == (0, 2, 0)
    (ca,) = report.statuses
    assert ca.status == "listed"
    assert len(ca.fact.sources if ca.fact else ()) == 2
    assert (str(tmp_path / "b.jsonl"), 2) in stored_failures


def test_ingest_extraction_crash_is_a_failure_not_an_abort(tmp_path: Path) -> None:
    def fragile(doc: Document) -> Document:
        if "poison" in doc.text:
            raise ValueError("cannot parse this")
        return line_extractor(doc)

    (tmp_path / "1.txt").write_text("poison pill", encoding="utf-8")
    (tmp_path / "2.txt").write_text("LIST DE quiet-men 2001", encoding="utf-8")
    with Register.open(tmp_path / "r.sqlite") as reg:
        summary = ingest_paths(reg, [tmp_path], extract=fragile)
    assert summary.new_documents == 1
    assert [f.problem for f in summary.failures] == ["extraction failed: ValueError: cannot parse this"]


_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[3])
from ingest_helpers import line_extractor
from fehrest.ingest import ingest_paths
from fehrest.register import Register

def slow(doc):
    time.sleep(0.004)
    return line_extractor(doc)

with Register.open(sys.argv[1]) as reg:
    print("ready", flush=True)
    ingest_paths(reg, [sys.argv[2]], extract=slow, batch_size=7)
"""


def _consistency(reg: Register) -> tuple[int, int, int]:
    db = reg.db
    orphans = db.query(
        "SELECT COUNT(*) FROM events e LEFT JOIN facts f ON f.id = e.fact_id WHERE f.id IS NULL"
    )
    counts = db.query(
        "SELECT COUNT(*) FROM facts f "
        "WHERE f.source_count <> (SELECT COUNT(*) FROM events e WHERE e.fact_id = f.id)"
    )
    docs_without_events = db.query(
        "SELECT COUNT(*) FROM documents d "
        "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id)"
    )
    return int(orphans[0][0]), int(counts[0][0]), int(docs_without_events[0][0])


def test_ingest_killed_mid_batch_leaves_register_consistent(tmp_path: Path) -> None:
    source = _write_batch(tmp_path, 600)
    db_path = tmp_path / "killed.sqlite"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db_path), str(source), str(Path(__file__).parent)],
        env=env,
        stdout=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    time.sleep(0.8)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Register.open(db_path) as reg:
        assert reg.db.query("PRAGMA integrity_check") == [("ok",)]
        stored = int(reg.db.query("SELECT COUNT(*) FROM documents")[0][0])
        assert 0 < stored < 600, "the kill should land mid-batch"
        assert stored % 7 == 0, "only whole batches are committed"
        assert _consistency(reg) == (0, 0, 0)
        rerun = ingest_paths(reg, [source], extract=line_extractor)
        assert (rerun.new_documents, rerun.unchanged_documents) == (600 - stored, stored)
        facts_after = reg.db.query("SELECT fact_key, date_value, source_count FROM facts ORDER BY 1, 2")
    with Register.open(tmp_path / "clean.sqlite") as clean:
        ingest_paths(clean, [source], extract=line_extractor)
        assert (
            clean.db.query("SELECT fact_key, date_value, source_count FROM facts ORDER BY 1, 2")
            == facts_after
        )


def _register_rows(reg: Register) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "documents": "SELECT content_hash, source FROM documents ORDER BY 1",
        "facts": "SELECT fact_key, date_value, source_count FROM facts ORDER BY 1, 2",
        "failures": "SELECT source, line, problem FROM failures ORDER BY 1, 2, 3",
    }
    return {name: sorted(reg.db.query(sql)) for name, sql in queries.items()}


def test_ingest_two_workers_store_what_one_worker_stores(tmp_path: Path) -> None:
    source = _write_batch(tmp_path, 300)
    with source.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
        out.write(json.dumps({"text": "Report on a broken wire.\nLIST FR wire-men 2010"}) + "\n")
    broken = "broken wire"  # a closure: the forked workers get it as it is

    def fragile(doc: Document) -> Document:
        if broken in doc.text:
            raise ValueError("cannot read this one")
        return line_extractor(doc)

    results = {}
    for workers in (1, 2):
        with Register.open(tmp_path / f"w{workers}.sqlite") as reg:
            summary = ingest_paths(reg, [source], extract=fragile, workers=workers, batch_size=40)
            results[workers] = (
                summary.documents_read,
                summary.stored.new_events,
                [str(f) for f in summary.failures],
                _register_rows(reg),
            )
    assert results[2] == results[1]
    read, events, failures, rows = results[1]
    assert (read, len(failures)) == (300, 2)
    assert events == 300
    assert len(rows["facts"]) > 1
