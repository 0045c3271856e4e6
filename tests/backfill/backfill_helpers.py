"""Builders for backfill tests and the backfill bench: news pages as JSONL and WARC, register snapshots."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from fehrest.register import Register

# Short reports of designations, written for these tests (not real news).
RELEVANT: tuple[tuple[str, str, str], ...] = (
    (
        "en",
        "2024-03-12",
        "Canada lists the Northern Hand as a terrorist group\n"
        "OTTAWA, 12 March 2024 — The Government of Canada has listed Hamas's armed wing and the Baloch "
        "Liberation Army as terrorist entities under the Criminal Code, the public safety minister said.\n"
        "The listing freezes the groups' assets in Canada.",
    ),
    (
        "en",
        "2023-05-06",
        "Kazakhstan drops Taliban from banned list\n"
        "The Supreme Court of Kazakhstan on 4 May 2023 removed the Taliban from the country's list of "
        "banned organisations, the prosecutor's office said.",
    ),
    (
        "fa",
        "2025-04-18",
        "روسیه طالبان را از فهرست گروه‌های تروریستی خارج کرد\n"
        "دادگاه عالی روسیه روز پنجشنبه ۱۷ اپریل ۲۰۲۵ ممنوعیت فعالیت طالبان در این کشور را لغو کرد و "
        "نام این گروه را از فهرست سازمان‌های تروریستی حذف کرد.",
    ),
    (
        "fa",
        "2024-01-13",
        "بریتانیا حزب‌التحریر را ممنوع کرد\n"
        "دولت بریتانیا روز جمعه اعلام کرد که گروه حزب‌التحریر را در فهرست سازمان‌های تروریستی قرار داده "
        "است. این تصمیم از ۱۹ جنوری ۲۰۲۴ اجرایی می‌شود.",
    ),
    (
        "en",
        "2024-02-20",
        "Australia to list the Houthis\n"
        "Australia's Attorney-General said on Monday that the government plans to list Ansar Allah, also "
        "known as the Houthis, as a terrorist organisation.",
    ),
)

# Everyday news with no designation, also written for these tests.
_FILLER = (
    "The river rose by {n} centimetres overnight and two bridges were closed.",
    "A new library with {n} reading rooms opened in the old market hall.",
    "The bakers' union asked for a meeting about flour prices.",
    "Train tickets will cost {n} percent more from next month.",
    "نمایشگاه گل و گیاه با {n} غرفه در پارک شهر برپا شد.",
    "مسابقهٔ دوچرخه‌سواری این هفته از {n} شهر می‌گذرد.",
    "قیمت برنج در بازار محلی {n} درصد کاهش یافت.",
)


def filler(rng: random.Random) -> str:
    """A few lines of ordinary news."""
    return "\n".join(line.format(n=rng.randint(2, 99)) for line in rng.sample(_FILLER, k=3))


def pages(count: int, every: int, seed: int = 3, offset: int = 0) -> list[dict[str, Any]]:
    """``count`` page records, every ``every``-th one reporting a designation."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        url = f"https://news.example/{seed}/{offset + i}"
        if i % every == every - 1:
            lang, published, text = RELEVANT[(offset + i) // every % len(RELEVANT)]
            # A closing line of its own makes each report a distinct document.
            text += f"\n{filler(rng)}\nDesk {seed}-{offset + i}."
            out.append({"text": text, "language": lang, "published": published, "url": url})
        else:
            out.append({"text": filler(rng), "published": "2024-06-01", "url": url})
    return out


def write_jsonl(path: Path, records: Sequence[dict[str, Any]], bad_line: bool = False) -> Path:
    """Write records as JSON Lines, with one malformed line at the end if asked."""
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    if bad_line:
        lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_warc(path: Path, records: Sequence[dict[str, Any]], html: bool = False) -> Path:
    """Write records as WARC response records (gzip), as Common Crawl News does.

    Plain-text payloads by default (fast to read); ``html`` wraps each in a
    small article page, which the reader runs through its HTML extractor.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for r in records:
            if html:
                paragraphs = "".join(f"<p>{p}</p>" for p in r["text"].splitlines())
                meta = f'<meta property="article:published_time" content="{r["published"]}">'
                body = f'<html lang="{r.get("language", "en")}"><head>{meta}</head><body><article>'
                body += f"{paragraphs}</article></body></html>"
                kind = "text/html; charset=utf-8"
            else:
                body, kind = r["text"], "text/plain; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                r["url"],
                "response",
                payload=BytesIO(body.encode("utf-8")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"{r['published']}T08:00:00Z"},
            )
            writer.write_record(record)
    return path


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a backfill writes, without ids and record times: equal snapshots, equal registers."""
    with Register.open(url) as reg:
        q = reg.db.query
        return {
            "documents": sorted(
                tuple(r) for r in q("SELECT content_hash, source, url, language, published FROM documents")
            ),
            "mentions": sorted(
                tuple(r)
                for r in q("SELECT document_id, start_offset, end_offset, kind, entity_id FROM mentions")
            ),
            "facts": sorted(
                tuple(r)
                for r in q(
                    "SELECT fact_key, type, modality, jurisdiction, actor_id, target_id, date_value, "
                    "date_precision, date_from_published, authority, list, stance, contradicted, "
                    "source_count FROM facts"
                )
            ),
            "events": sorted(
                tuple(r)
                for r in q(
                    "SELECT e.document_id, e.event_key, f.fact_key, f.date_value, e.modality, e.confidence "
                    "FROM events e JOIN facts f ON f.id = e.fact_id"
                )
            ),
            "failures": sorted(tuple(r) for r in q("SELECT source, line, problem FROM failures")),
        }


class KilledOnce:
    """An extractor whose first attempt at Spark partition 0 kills its Python worker halfway.

    ``os._exit`` is what a lost executor looks like to Spark: no exception to
    catch, the task just dies and is retried. ``flag`` records that it did.
    """

    def __init__(self, flag: Path, after: int) -> None:
        self.flag = str(flag)
        self.after = after
        self.seen = 0

    def __call__(self, doc: Any) -> Any:
        import os

        from pyspark import TaskContext

        from fehrest.backfill import extract_relevant

        ctx = TaskContext.get()
        if ctx is not None and ctx.partitionId() == 0 and ctx.attemptNumber() == 0:
            self.seen += 1
            if self.seen > self.after:
                Path(self.flag).write_text(f"killed after {self.after} pages\n", encoding="utf-8")
                os._exit(1)
        return extract_relevant(doc)


def synthetic_documents(start: int, stop: int) -> list[Any]:
    """Documents ``start..stop`` with ready-made events that merge into a few shared facts."""
    from register_helpers import OTHER, article, event

    docs = []
    for i in range(start, stop):
        jurisdiction = ("GB", "CA", "AU")[i % 3]
        day = f"2024-0{1 + i % 4}-1{i % 2}"
        events = [event("LIST", jurisdiction, day, key=f"e{i}a")]
        if i % 5 == 0:
            events.append(event("DELIST", "KZ", "2023-12-01", target=OTHER, key=f"e{i}b"))
        docs.append(article(f"Report number {i} on a listing.", *events, published=day))
    return docs


def store_in_batches(url: str, start: int, stop: int, batch: int, go: Any = None) -> None:
    """A writer process: store documents ``start..stop`` in small batches (once ``go`` lets it)."""
    from fehrest.register import Register

    docs = synthetic_documents(start, stop)
    with Register.open(url) as reg:
        if go is not None:
            go.wait(30)
        for i in range(0, len(docs), batch):
            reg.store_documents(docs[i : i + batch])
