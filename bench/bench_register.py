"""Benchmark the register: ingestion (events/s) and status latency (p95) on SQLite and PostgreSQL.

A synthetic register of 1,000,000 events over 200 groups and 200
jurisdictions: each (group, jurisdiction) pair has a short designation history
(listed, delisted, relisted, a proposal), and every step is reported by
several documents at day or month precision, so merging and date refinement
run as they do on real news. PostgreSQL is the peer, measured in the same run
on the cluster ``scripts/pg-test.sh`` starts (or ``FEHREST_TEST_PG_URL``).

The 1,000,000-event register is built once into ``build/bench-register/`` and
reused while its schema version is current (``--rebuild`` builds it anew): its
ingestion rate is the one recorded when it was built. Every run also stores
the first ``--pg-events`` events afresh on both SQLite and PostgreSQL, so the
ingestion of this code is always measured, side by side.

    .venv/bin/python bench/bench_register.py [--events N] [--pg-events N] [--no-pg] [--rebuild]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from fehrest.model import Actor, DateValue, Document, Event, Evidence, Target
from fehrest.register import Register, status
from fehrest.register.migrations import LATEST_VERSION

REPO = Path(__file__).resolve().parents[1]
BUILD = REPO / "build" / "bench-register"
GROUPS = 200
JURISDICTIONS = 200
EVENTS_PER_DOCUMENT = 10
DOCUMENTS_PER_BATCH = 500
STEPS = (("LIST", "asserted"), ("DELIST", "asserted"), ("LIST", "asserted"), ("DELIST", "possible"))


def _codes(n: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [a + b for a in letters for b in letters][:n]


def _history(rng: random.Random) -> list[str]:
    """Four increasing day dates for one pair's designation steps."""
    years = sorted(rng.sample(range(1995, 2025), len(STEPS)))
    return [f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for y in years]


def synthetic_documents(events: int, seed: int = 7) -> Iterator[list[Document]]:
    """Batches of documents carrying ``events`` events in all."""
    rng = random.Random(seed)
    groups = [Target(f"grp-{i:03d}", f"Group {i}", f"Q{900000 + i}") for i in range(GROUPS)]
    codes = _codes(JURISDICTIONS)
    histories: dict[tuple[int, int], list[str]] = {}
    batch: list[Document] = []
    for doc_number in range(events // EVENTS_PER_DOCUMENT):
        items: list[Event] = []
        for k in range(EVENTS_PER_DOCUMENT):
            g, j = rng.randrange(GROUPS), rng.randrange(JURISDICTIONS)
            dates = histories.setdefault((g, j), _history(rng))
            step = rng.randrange(len(STEPS))
            value = dates[step] if rng.random() < 0.7 else dates[step][:7]
            type_, modality = STEPS[step]
            items.append(
                Event(
                    id=f"e{k}",
                    type=type_,  # type: ignore[arg-type]
                    modality=modality,  # type: ignore[arg-type]
                    actor=Actor(codes[j]),
                    target=groups[g],
                    evidence=(Evidence(f"{codes[j]} {type_} {groups[g].name} on {value}.", 0, 40),),
                    authority="government",
                    date=DateValue(value, "day" if len(value) == 10 else "month"),
                )
            )
        text = f"synthetic report {doc_number}"
        batch.append(
            Document(text=text, source=f"bench/{doc_number}", published="2024-06-01", events=tuple(items))
        )
        if len(batch) == DOCUMENTS_PER_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


Row = tuple[str, int, int, float, float, float, float]


def ingest(target: str, events: int) -> tuple[float, float]:
    """Store the synthetic events; return (events/s, events per CPU second of this process).

    The machine is shared: the CPU-time rate says what the code does when it
    has a core to itself (for PostgreSQL it leaves out the server's work).
    """
    stored = 0
    elapsed = cpu = 0.0
    with Register.open(target) as reg:
        for batch in synthetic_documents(events):
            start, start_cpu = time.perf_counter(), time.process_time()
            stored += reg.store_documents(batch).new_events
            elapsed += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
    return stored / elapsed, stored / cpu


def query(target: str, queries: int = 300) -> tuple[float, float, int]:
    """Status of one group in every jurisdiction: (p50 ms, p95 ms, facts in the register)."""
    with Register.open(target) as reg:
        facts = int(reg.db.query("SELECT COUNT(*) FROM facts")[0][0])
        rng = random.Random(3)
        timings: list[float] = []
        for _ in range(queries):
            name = f"Group {rng.randrange(GROUPS)}"
            as_of = f"{rng.randint(1995, 2025)}-06-30"
            start = time.perf_counter()
            status(reg, name, as_of=as_of)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * len(timings)) - 1], facts


def measure(name: str, target: str, events: int) -> Row:
    print(f"{name}: storing {events:,} events …", file=sys.stderr, flush=True)
    return (name, events, *_facts_last(ingest(target, events), query(target)))


def _facts_last(
    rates: tuple[float, float], answers: tuple[float, float, int]
) -> tuple[int, float, float, float, float]:
    return (answers[2], *rates, answers[0], answers[1])


def big_register(events: int, rebuild: bool) -> Row:
    """The large SQLite register: reused when it is current, else built (and its rate recorded)."""
    path, notes = BUILD / "register.sqlite", BUILD / "build.json"
    recorded = json.loads(notes.read_text()) if notes.exists() and path.exists() else {}
    if rebuild or recorded.get("schema") != _schema_version(path) or recorded.get("events") != events:
        for old in BUILD.glob("register.sqlite*"):
            old.unlink()
        BUILD.mkdir(parents=True, exist_ok=True)
        print(f"SQLite: building a register of {events:,} events …", file=sys.stderr, flush=True)
        rate, cpu_rate = ingest(str(path), events)
        recorded = {"schema": LATEST_VERSION, "events": events, "rate": rate, "cpu_rate": cpu_rate}
        recorded["built_at"] = time.strftime("%Y-%m-%d %H:%M")
        notes.write_text(json.dumps(recorded))
        label = "SQLite"
    else:
        label = "SQLite (a)"
        print(f"SQLite: reusing {path} (built {recorded['built_at']})", file=sys.stderr, flush=True)
    return (label, events, *_facts_last((recorded["rate"], recorded["cpu_rate"]), query(str(path))))


def _schema_version(path: Path) -> int | None:
    """The schema version a register file has, without migrating it."""
    if not path.exists():
        return None
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0])


def postgres_url() -> str | None:
    """The test cluster's URL, starting it when needed; None when PostgreSQL is not installed."""
    if os.environ.get("FEHREST_TEST_PG_URL"):
        return os.environ["FEHREST_TEST_PG_URL"]
    script = REPO / "scripts" / "pg-test.sh"
    done = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True, check=False)
    return done.stdout.strip().splitlines()[-1] if done.returncode == 0 and done.stdout.strip() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    # PostgreSQL stores about as fast as SQLite here but would double the run.
    parser.add_argument("--pg-events", type=int, default=200_000)
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="build the large register anew")
    args = parser.parse_args()
    rows = [big_register(args.events, args.rebuild)]
    scratch = BUILD / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    rows.append(measure("SQLite", str(scratch / "register.sqlite"), args.pg_events))
    shutil.rmtree(scratch, ignore_errors=True)
    url = None if args.no_pg else postgres_url()
    if url:
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        try:
            sep = "&" if "?" in url else "?"
            target = f"{url}{sep}options=-csearch_path%3D{schema}"
            rows.append(measure("PostgreSQL", target, args.pg_events))
        finally:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
    print(
        f"\nregister: {GROUPS} groups x {JURISDICTIONS} jurisdictions; status of one group, all jurisdictions"
    )
    header = ("backend", "events", "facts", "events/s", "ratio", "per cpu-s", "p50 ms", "p95 ms", "ratio")
    print("{:<11} {:>10} {:>8} {:>10} {:>6} {:>10} {:>7} {:>7} {:>6}".format(*header))
    for name, n, facts, rate, cpu_rate, p50, p95 in rows:
        # Ratios against SQLite on the same number of events.
        base = next(r for r in rows if r[1] == n)
        print(
            f"{name:<11} {n:>10,} {facts:>8,} {rate:>10,.0f} {rate / base[3]:>6.2f} {cpu_rate:>10,.0f} "
            f"{p50:>7.2f} {p95:>7.2f} {p95 / base[6]:>6.2f}"
        )
    if rows[0][0].endswith("(a)"):
        print("(a) register reused: its ingestion rate was recorded when it was built; --rebuild to renew")
    print("targets: SQLite >= 20,000 events/s, status p95 < 5 ms (on the 1,000,000-event register)")


if __name__ == "__main__":
    main()
