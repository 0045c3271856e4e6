"""Benchmark backfill engines on the same WARC crawl: process pool, Spark local[1], Spark local[2].

The crawl: ``--pages`` HTML pages (default 20,000) in ``--files`` gzip WARC
files, as Common Crawl News ships many files per month; about 2% of pages
are dev-corpus articles that report a designation, the rest ordinary news
from ``bench_events``'s generator. Every engine runs the same extraction
(cheap first pass, then the deep stages) and stores into a fresh SQLite
register, so the figures differ only by engine. Spark's session start is
timed apart from the job: a cluster pays it once per job, not per page.

Run: ``.venv/bin/python bench/bench_backfill.py [--pages 20000] [--files 8]``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "backfill"))

from backfill_helpers import write_warc  # noqa: E402

from bench_events import dev_articles, ordinary_article  # noqa: E402
from fehrest.backfill import BackfillSummary, Engine, backfill  # noqa: E402
from fehrest.register import Register  # noqa: E402

_ARABIC = re.compile(r"[\u0600-\u06ff]")


def write_crawl(folder: Path, pages: int, files: int, share: float, seed: int = 11) -> int:
    """Write the crawl; return how many pages report a designation."""
    rng = random.Random(seed)
    relevant = [(text, published) for text, published, has_events in dev_articles() if has_events]
    per_file = -(-pages // files)
    count = 0
    for n in range(files):
        records = []
        for i in range(n * per_file, min(pages, (n + 1) * per_file)):
            if rng.random() < share:
                text, published = relevant[count % len(relevant)]
                count += 1
            else:
                text, published = ordinary_article(rng), "2025-01-01"
            records.append(
                {
                    "text": text,
                    "published": published or "2025-01-01",
                    "url": f"https://news.example/{i}",
                    "language": "fa" if _ARABIC.search(text) else "en",
                }
            )
        write_warc(folder / f"crawl-{n:03d}.warc.gz", records, html=True)
    return count


def run(folder: Path, db: Path, engine: Engine, **options: Any) -> tuple[float, BackfillSummary]:
    with Register.open(str(db)) as reg:
        start = time.perf_counter()
        summary = backfill(reg, [str(folder)], engine, **options)
        return time.perf_counter() - start, summary


def spark_run(folder: Path, db: Path, master: str) -> tuple[float, float, BackfillSummary]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    start = time.perf_counter()
    session = (
        SparkSession.builder.master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - start
    try:
        elapsed, summary = run(folder, db, Engine.spark, spark=session)
    finally:
        session.stop()
    return started, elapsed, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--share", type=float, default=0.02, help="share of pages reporting a designation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fehrest-bench-backfill-") as tmp:
        folder = Path(tmp) / "crawl"
        folder.mkdir()
        start = time.perf_counter()
        relevant = write_crawl(folder, args.pages, args.files, args.share)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(
            f"crawl: {args.pages:,} pages ({relevant:,} reporting a designation) in {args.files} WARC files, "
            f"{size:.1f} MB gzip, written in {time.perf_counter() - start:.1f} s"
        )
        results: list[tuple[str, float, float, BackfillSummary, float]] = []
        elapsed, summary = run(folder, Path(tmp) / "pool.sqlite", Engine.local, workers=2)
        results.append(("process pool (2 workers)", 0.0, elapsed, summary, os.getloadavg()[0]))
        for master in ("local[1]", "local[2]"):
            started, elapsed, summary = spark_run(folder, Path(tmp) / f"{master}.sqlite", master)
            results.append((f"spark {master}", started, elapsed, summary, os.getloadavg()[0]))
    base = args.pages / results[0][2]
    # The machine is shared: the 1-minute load average after each run says how busy it was.
    header = f"{'engine':<26} {'session s':>9} {'job s':>7} {'pages/s':>8} {'vs pool':>8} {'new facts':>9}"
    print(f"\n{header} {'load':>5}")
    for name, started, elapsed, summary, load in results:
        rate = summary.pages / elapsed
        print(
            f"{name:<26} {started:>9.1f} {elapsed:>7.1f} {rate:>8.0f} {rate / base:>7.2f}x "
            f"{summary.stored.new_facts:>9,} {load:>5.1f}"
        )
    pages, relevant_pages = results[0][3].pages, results[0][3].relevant
    print(f"\npages read {pages:,}, past the first pass {relevant_pages:,}, events {results[0][3].events:,}")
    one, two = results[1][3].pages / results[1][2], results[2][3].pages / results[2][2]
    print(f"spark local[2] / local[1]: {two / one:.2f}x; cores on this machine: {os.cpu_count()}")
    same = len({(r[3].tally, r[3].stored.new_facts, r[3].stored.new_events) for r in results}) == 1
    print(f"identical tallies and facts across engines: {same}")


if __name__ == "__main__":
    main()
