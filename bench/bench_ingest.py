"""Benchmark ``ingest``: documents per second on JSON Lines and on WARC, one worker against all.

The input is 2,000 documents: about 2 in 100 are dev-corpus articles that
report a designation (each made unique by a line of its own), the rest is
ordinary news generated here from templates written for this bench. The same
documents are written once as JSON Lines (text already extracted) and once as
a gzipped WARC of HTML pages (trafilatura runs on each). Each configuration
runs in its own process on a fresh register, so its peak memory (the parent's
and the largest worker's resident set) is its own; its time is the whole
``ingest_paths`` call, loading the extraction data included.

Three parts, in one run:

1. Worker start-up: what a worker that loads its own data spends before its
   first document (measured in a fresh process), against a worker forked from
   a parent that loaded it (first chunk against its later chunks).
2. The table: docs/s with one worker and with all, and the ratio (the peer).
3. Memory: a JSON Lines file of ``--size`` MB (``--gb 1`` for a gigabyte),
   streamed to ``build/`` (ordinary news, 2 in 100 dev-corpus articles),
   ingested with all workers; peak and current memory of the parent and the
   workers at 10 %, 50 % and 100 % of the input. Deleted afterwards.

The machine's load average is printed before and after: the cores are shared.

Run: ``.venv/bin/python bench/bench_ingest.py [--docs 2000] [--size 150 | --gb 1]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from html import escape
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpus" / "dev"

_PLACES = ["Lyon", "Porto", "Kazan", "Herat", "Shiraz", "Tabriz", "Gdansk", "Leeds", "Mazar", "Yazd"]
_THINGS = [
    "a new library",
    "the river bridge",
    "a solar farm",
    "the tram line",
    "a school",
    "the market hall",
]
_FA_PLACES = ["هرات", "شیراز", "تبریز", "بلخ", "یزد", "کرمان", "غزنی", "رشت"]
_FA_THINGS = [
    "کتابخانه تازه",
    "پل رودخانه",
    "نیروگاه خورشیدی",
    "مکتب دخترانه",
    "بازار سرپوشیده",
    "بیمارستان شهر",
]


def ordinary_article(rng: random.Random, number: int) -> str:
    """A short local news item with no group and no designation, English or Persian."""
    if rng.random() < 0.5:
        place, thing = rng.choice(_PLACES), rng.choice(_THINGS)
        return (
            f"Officials in {place} opened {thing} on Monday after two years of work. "
            f"The mayor said the project cost less than planned and thanked residents for their patience. "
            f"Local shops expect more visitors over the summer, and a second phase is due next year. "
            f"Report number {number}."
        )
    place, thing = rng.choice(_FA_PLACES), rng.choice(_FA_THINGS)
    return (
        f"مسئولان شهر {place} روز دوشنبه {thing} را پس از دو سال کار افتتاح کردند. "
        f"شهردار گفت هزینه این طرح کمتر از برآورد بود و از شکیبایی مردم سپاسگزاری کرد. "
        f"کسبه محل امیدوارند در تابستان مسافران بیشتری به شهر بیایند. گزارش شماره {number}."
    )


def make_documents(count: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    relevant = sorted(DEV.glob("*.txt"))
    docs: list[dict[str, str]] = []
    for i in range(count):
        if relevant and i % 50 == 0:
            path = relevant[(i // 50) % len(relevant)]
            text = path.read_text(encoding="utf-8") + f"\n\n({i})"
        else:
            text = ordinary_article(rng, i)
        docs.append({"text": text, "url": f"https://news.example/{i}", "published": "2024-06-04"})
    return docs


def write_inputs(docs: list[dict[str, str]], folder: Path) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    jsonl = folder / "news.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    warc = folder / "news.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for doc in docs:
            paragraphs = "".join(f"<p>{escape(p)}</p>" for p in doc["text"].split("\n") if p.strip())
            page = (
                f'<html><head><meta charset="utf-8"><title>News</title>'
                f'<meta property="article:published_time" content="{doc["published"]}"></head>'
                f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                f"<article>{paragraphs}</article><footer>Contact us</footer></body></html>"
            ).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(doc["url"], "response", payload=BytesIO(page), http_headers=headers)
            )
    return jsonl, warc


def run_one(source: str, workers: int, db: str, expected: int) -> None:
    """Ingest one input into a fresh register and print a JSON line with the figures."""
    from fehrest.ingest import ingest_paths
    from fehrest.register import Register

    started = time.perf_counter()
    seen = [0]
    tenth: list[float] = []

    def count(_: object) -> None:
        seen[0] += 1
        if seen[0] == max(1, expected // 10):
            tenth.append(time.perf_counter())

    with Register.open(db) as reg:
        summary = ingest_paths(reg, [source], workers=workers, batch_size=200, on_document=count)
    ended = time.perf_counter()
    elapsed = ended - started
    # Past the first tenth, loading and start-up are behind: the rate the pool sustains.
    steady = (seen[0] - max(1, expected // 10)) / (ended - tenth[0]) if tenth and ended > tenth[0] else 0.0
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print_result(
        summary,
        elapsed,
        steady_rate=steady,
        parent_cpu=me.ru_utime + me.ru_stime,
        worker_cpu=children.ru_utime + children.ru_stime,
        rss_mb=me.ru_maxrss / 1024,
        worker_rss_mb=children.ru_maxrss / 1024,
    )


def print_result(summary: Any, seconds: float, **figures: Any) -> None:
    """One JSON line for the parent process: an ingest summary's counts, its time, and more figures."""
    counts = {
        "documents": summary.documents_read,
        "events": summary.stored.new_events,
        "failures": len(summary.failures),
    }
    print(json.dumps({**counts, "seconds": seconds, **figures}))


def _timed_chunk(chunk: list[Any]) -> tuple[int, float]:
    from fehrest.ingest.work import default_extractor, process_chunk

    started = time.perf_counter()
    process_chunk(chunk, default_extractor)
    return os.getpid(), time.perf_counter() - started


def run_startup(workers: int) -> None:
    """Print what loading costs a fresh process, and a forked worker's first chunk against its later ones."""
    from fehrest.ingest.pool import map_in_order
    from fehrest.ingest.work import warm_extraction
    from fehrest.model import Document

    started = time.perf_counter()
    warm_extraction()
    load = time.perf_counter() - started
    docs = [Document(text=d["text"], source=d["url"]) for d in make_documents(64 * 4 * workers, seed=11)]
    chunks = [docs[i : i + 64] for i in range(0, len(docs), 64)]
    # One worker per task at first, each task its own fresh documents.
    per_worker: dict[int, list[float]] = {}
    started = time.perf_counter()
    first_result = 0.0
    for pid, seconds in map_in_order(_timed_chunk, chunks, workers, window=workers):
        first_result = first_result or time.perf_counter() - started
        per_worker.setdefault(pid, []).append(seconds)
    firsts = [times[0] for times in per_worker.values()]
    later = [t for times in per_worker.values() for t in times[1:]]
    print(
        json.dumps(
            {
                "load": load,
                "first_result": first_result,
                "first_chunk": statistics.mean(firsts),
                "later_chunks": statistics.median(later) if later else float("nan"),
            }
        )
    )


# Ordinary news items run to a few paragraphs; so do the filler documents of the memory run.
_PARAGRAPHS = 6


def iter_big_documents(rng: random.Random) -> Iterator[dict[str, str]]:
    """An endless stream of filler news with, every 50th, a dev-corpus article made unique."""
    relevant = sorted(DEV.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in relevant]
    number = 0
    while True:
        if texts and number % 50 == 0:
            text = texts[(number // 50) % len(texts)] + f"\n\n({number})"
        else:
            text = "\n".join(ordinary_article(rng, number) for _ in range(_PARAGRAPHS))
        yield {"text": text, "url": f"https://news.example/{number}", "published": "2024-06-04"}
        number += 1


def write_big_jsonl(path: Path, size: int) -> int:
    """Stream about ``size`` bytes of JSON Lines to ``path``; return the number of documents."""
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        for doc in iter_big_documents(random.Random(3)):
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode())
            count += 1
            if written >= size:
                return count
    return count


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _c_heap() -> tuple[float, float, float]:
    """MB held by SQLite, in use in malloc's heap, and free but kept in it (glibc only; else NaN)."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_size_t)
            for name in [
                "arena",
                "ordblks",
                "smblks",
                "hblks",
                "hblkhd",
                "usmblks",
                "fsmblks",
                "uordblks",
                "fordblks",
                "keepcost",
            ]
        ]

    try:
        sqlite = ctypes.CDLL("libsqlite3.so.0")
        libc = ctypes.CDLL("libc.so.6")
        sqlite.sqlite3_memory_used.restype = ctypes.c_int64
        libc.mallinfo2.restype = MallInfo2
        info = libc.mallinfo2()
        return sqlite.sqlite3_memory_used() / 2**20, info.uordblks / 2**20, info.fordblks / 2**20
    except (OSError, AttributeError):
        nan = float("nan")
        return nan, nan, nan


def _children() -> list[int]:
    found: list[int] = []
    for task in Path("/proc/self/task").iterdir():
        try:
            found += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def memory_sample(label: str, done: int, seconds: float) -> dict[str, Any]:
    """Peak (VmHWM) and current (VmRSS, PSS) memory of this process and of its workers, in MB."""
    me = os.getpid()
    workers = _children()
    sqlite, in_use, kept_free = _c_heap()
    return {
        "sqlite": sqlite,
        "malloc_in_use": in_use,
        "malloc_free": kept_free,
        "at": label,
        "documents": done,
        "seconds": seconds,
        "parent_peak": _status_kb(me, "VmHWM") / 1024,
        "parent_rss": _status_kb(me, "VmRSS") / 1024,
        # The register's file is memory-mapped: its pages count in RSS but are page cache.
        "parent_anon": _status_kb(me, "RssAnon") / 1024,
        "parent_file": _status_kb(me, "RssFile") / 1024,
        "worker_peak": max((_status_kb(p, "VmHWM") for p in workers), default=0) / 1024,
        "worker_rss": max((_status_kb(p, "VmRSS") for p in workers), default=0) / 1024,
        "worker_anon": max((_status_kb(p, "RssAnon") for p in workers), default=0) / 1024,
        # Proportional set size: shared pages split between the processes that share them.
        "workers_pss": sum(_pss_kb(p) for p in workers) / 1024,
        "workers": len(workers),
    }


def run_memory(source: str, total: int, workers: int, db: str) -> None:
    """Ingest the big file with ``workers``, sampling memory at 10 %, 50 % and 100 % of the documents."""
    from fehrest.errors import InputError
    from fehrest.ingest import ingest_paths
    from fehrest.model import Document
    from fehrest.register import Register

    marks = {max(1, total // 10): "10%", max(1, total // 2): "50%", total: "100%"}
    samples: list[dict[str, Any]] = []
    done = [0]
    started = time.perf_counter()

    def seen(_: Document | InputError) -> None:
        done[0] += 1
        label = marks.get(done[0])
        if label is not None:
            samples.append(memory_sample(label, done[0], time.perf_counter() - started))

    with Register.open(db) as reg:
        summary = ingest_paths(reg, [source], workers=workers, batch_size=200, on_document=seen)
    print_result(summary, time.perf_counter() - started, samples=samples)


def _child(*args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min)"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--size", type=float, default=150, help="MB of JSON Lines for the memory run")
    parser.add_argument("--gb", type=float, help="GB of JSON Lines for the memory run (overrides --size)")
    parser.add_argument("--run", nargs=4, metavar=("SOURCE", "WORKERS", "DB", "DOCS"), help=argparse.SUPPRESS)
    parser.add_argument("--startup", type=int, metavar="WORKERS", help=argparse.SUPPRESS)
    parser.add_argument(
        "--memory", nargs=4, metavar=("SOURCE", "TOTAL", "WORKERS", "DB"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.run:
        run_one(args.run[0], int(args.run[1]), args.run[2], int(args.run[3]))
        return
    if args.startup:
        run_startup(args.startup)
        return
    if args.memory:
        run_memory(args.memory[0], int(args.memory[1]), int(args.memory[2]), args.memory[3])
        return
    from fehrest.ingest.run import default_workers

    every = default_workers()
    print(f"cores: {every}; at start: {_load()}")

    startup = _child("--startup", str(every))
    print(
        f"\nworker start-up: loading the data in a fresh process {startup['load']:.2f} s "
        f"(what each worker paid before); forked from the loaded parent: first result after "
        f"{startup['first_result'] * 1000:.0f} ms, first chunk of 64 documents "
        f"{startup['first_chunk'] * 1000:.0f} ms against {startup['later_chunks'] * 1000:.0f} ms "
        f"for later chunks (median)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = make_documents(args.docs)
        jsonl, warc = write_inputs(docs, folder)
        sizes = {"JSONL": jsonl.stat().st_size, "WARC": warc.stat().st_size}
        with gzip.open(warc) as handle:
            sizes["WARC (unpacked)"] = len(handle.read())
        print(
            f"\ninput: {len(docs)} documents, {sum(1 for i in range(len(docs)) if i % 50 == 0)} relevant; "
            f"JSONL {sizes['JSONL'] / 1e6:.1f} MB, WARC {sizes['WARC'] / 1e6:.1f} MB "
            f"({sizes['WARC (unpacked)'] / 1e6:.1f} MB unpacked)"
        )
        rows = []
        for label, source in (("JSONL", jsonl), ("WARC", warc)):
            rates: dict[int, float] = {}
            steady: dict[int, float] = {}
            for workers in sorted({1, every}):
                db = str(folder / f"{label}{workers}.db")
                result = _child("--run", str(source), str(workers), db, str(len(docs)))
                rate = result["documents"] / result["seconds"]
                rates[workers] = rate
                steady[workers] = result["steady_rate"]
                rows.append((label, workers, result, rate, rate / rates[1], steady[workers] / steady[1]))
        print(
            "\n| input | workers | docs | events | failures | seconds | docs/s | vs 1 worker "
            "| docs/s past the first 10 % | vs 1 worker | CPU s parent | CPU s workers "
            "| peak RSS parent MB | peak RSS worker MB |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for label, workers, r, rate, ratio, steady_ratio in rows:
            print(
                f"| {label} | {workers} | {r['documents']} | {r['events']} | {r['failures']} "
                f"| {r['seconds']:.1f} | {rate:.0f} | {ratio:.2f}× "
                f"| {r['steady_rate']:.0f} | {steady_ratio:.2f}× "
                f"| {r['parent_cpu']:.1f} | {r['worker_cpu']:.1f} "
                f"| {r['rss_mb']:.0f} | {r['worker_rss_mb']:.0f} |"
            )
        print(
            "(Seconds: the whole ingest_paths call, loading the data included. CPU s: "
            "user + system; with the cores shared, docs/s with all workers cannot pass "
            "what the load leaves free.)"
        )
    print(f"\n{_load()}")
    run_memory_part(args.gb * 1024 if args.gb else args.size, every)
    print(f"\nat the end: {_load()}")


def run_memory_part(megabytes: float, workers: int) -> None:
    """Generate the big JSON Lines file in ``build/``, ingest it in a child, print the samples, delete it."""
    folder = ROOT / "build" / "bench-ingest"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "big.jsonl"
    try:
        started = time.perf_counter()
        total = write_big_jsonl(path, int(megabytes * 1024 * 1024))
        size = path.stat().st_size
        print(
            f"\nmemory run: {size / 1e6:.0f} MB of JSON Lines measured ({total} documents, "
            f"{(total + 49) // 50} relevant), written in {time.perf_counter() - started:.0f} s; "
            f"{workers} workers, first pass on"
        )
        result = _child("--memory", str(path), str(total), str(workers), str(folder / "big.db"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    rate = result["documents"] / result["seconds"]
    print(
        f"{result['documents']} documents, {result['events']} events, {result['failures']} failures "
        f"in {result['seconds']:.0f} s: {rate:.0f} docs/s, {size / 1e6 / result['seconds']:.1f} MB/s"
    )
    print(
        "\n| at | documents | seconds | parent peak RSS | parent RSS | of which anonymous "
        "| of which mapped files | parent: SQLite | malloc in use | malloc kept free "
        "| worker peak RSS | worker RSS | of which anonymous | workers PSS (sum) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for s in result["samples"]:
        print(
            f"| {s['at']} | {s['documents']} | {s['seconds']:.0f} | {s['parent_peak']:.0f} "
            f"| {s['parent_rss']:.0f} | {s['parent_anon']:.0f} | {s['parent_file']:.0f} "
            f"| {s['sqlite']:.0f} | {s['malloc_in_use']:.0f} | {s['malloc_free']:.0f} "
            f"| {s['worker_peak']:.0f} | {s['worker_rss']:.0f} | {s['worker_anon']:.0f} "
            f"| {s['workers_pss']:.0f} |"
        )
    print(
        "(MB. Mapped files are the register's SQLite file (mmap) and libraries: page cache, "
        "not memory the process holds; PSS splits the pages the workers share with the parent. "
        "The parent's anonymous memory grows until SQLite's page cache is full: the register "
        "allows it 64 MB (PRAGMA cache_size). 'Malloc kept free' is freed heap glibc has not "
        "given back.)"
    )


if __name__ == "__main__":
    main()
