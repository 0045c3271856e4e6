"""Benchmark ``ingest``: documents per second on JSON Lines and on WARC, one worker against all.

The input is 2,000 documents: about 2 in 100 are dev-corpus articles that
report a designation (each made unique by a line of its own), the rest is
ordinary news generated here from templates written for this bench. The same
documents are written once as JSON Lines (text already extracted) and once as
a gzipped WARC of HTML pages (trafilatura runs on each). Each configuration
runs in its own process on a fresh register, so its peak memory (the parent's
and the largest worker's resident set) is its own.

Peer, measured in the same run: one worker (all workers ÷ one worker is the
ratio printed).

Run: ``.venv/bin/python bench/bench_ingest.py [--docs 2000]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from html import escape
from io import BytesIO
from pathlib import Path

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


def run_one(source: str, workers: int, db: str) -> None:
    """Ingest one input into a fresh register and print a JSON line with the figures."""
    from fehrest.ingest import ingest_paths
    from fehrest.register import Register

    started = time.perf_counter()
    with Register.open(db) as reg:
        summary = ingest_paths(reg, [source], workers=workers, batch_size=200)
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "documents": summary.documents_read,
                "events": summary.stored.new_events,
                "failures": len(summary.failures),
                "seconds": elapsed,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--run", nargs=3, metavar=("SOURCE", "WORKERS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_one(args.run[0], int(args.run[1]), args.run[2])
        return
    from fehrest.ingest.run import default_workers

    every = default_workers()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = make_documents(args.docs)
        jsonl, warc = write_inputs(docs, folder)
        sizes = {"JSONL": jsonl.stat().st_size, "WARC": warc.stat().st_size}
        with gzip.open(warc) as handle:
            sizes["WARC (unpacked)"] = len(handle.read())
        print(
            f"input: {len(docs)} documents, {sum(1 for i in range(len(docs)) if i % 50 == 0)} relevant; "
            f"JSONL {sizes['JSONL'] / 1e6:.1f} MB, WARC {sizes['WARC'] / 1e6:.1f} MB "
            f"({sizes['WARC (unpacked)'] / 1e6:.1f} MB unpacked); cores: {every}"
        )
        rows = []
        for label, source in (("JSONL", jsonl), ("WARC", warc)):
            rates = {}
            for workers in sorted({1, every}):
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--run",
                        str(source),
                        str(workers),
                        str(folder / f"{label}{workers}.db"),
                    ],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                result = json.loads(out.stdout.strip().splitlines()[-1])
                rate = result["documents"] / result["seconds"]
                rates[workers] = rate
                rows.append((label, workers, result, rate, rate / rates[1]))
        print(
            "\n| input | workers | docs | events | failures | seconds | docs/s | vs 1 worker "
            "| peak RSS parent MB | peak RSS worker MB |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for label, workers, r, rate, ratio in rows:
            print(
                f"| {label} | {workers} | {r['documents']} | {r['events']} | {r['failures']} "
                f"| {r['seconds']:.1f} | {rate:.0f} | {ratio:.2f}× "
                f"| {r['rss_mb']:.0f} | {r['worker_rss_mb']:.0f} |"
            )


if __name__ == "__main__":
    main()
