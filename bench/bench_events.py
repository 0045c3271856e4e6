"""Benchmark the whole pipeline (normalise, times, entities, events) on one core.

Two streams, each read lazily (memory must stay flat in the stream size):

(a) every article relevant: the dev corpus (and the seed) repeated up to
    ``--mb`` megabytes; read for at most ``--seconds`` seconds.
(b) a news stream where about 2 in 100 articles concern a designation (dev
    articles with gold events) and the rest is ordinary news generated here
    from templates written for this bench; the cheap first pass
    (:func:`fehrest.events.prefilter.may_report_designation`) sets aside
    articles with no group or no trigger before any deep work. Its recall on
    the relevant articles is measured in the same run.

Peer, measured in the same run: a keyword baseline — an event wherever a
trigger word and a group mention co-occur in a sentence (type from the
trigger, actor the first state named in the sentence, modality asserted) —
for quality (``fehrest eval`` scoring on corpus/dev) and speed.

Run: ``.venv/bin/python bench/bench_events.py [--mb 20] [--seconds 15] [--stream 30000]``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fehrest.entities import annotate_mentions
from fehrest.evaluation import evaluate, load_gold_folder
from fehrest.events.prefilter import may_report_designation
from fehrest.events.rules import fold_sentence, load_rules
from fehrest.language import base_language
from fehrest.model import Actor, Document, Event, Evidence, Target
from fehrest.pipeline import extract_document, resolve_language
from fehrest.text import annotate_text

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpus" / "dev"
SEED = ROOT / ".." / "shared" / "seed"


# -- the streams -------------------------------------------------------------


def dev_articles() -> list[tuple[str, str | None, bool]]:
    """(text, published, relevant) for every dev article and the seed."""
    out = []
    for gold_path in sorted([*DEV.glob("*.gold.json"), *SEED.glob("*.gold.json")]):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt").read_text(
            encoding="utf-8"
        )
        out.append((text, gold.get("published"), bool(gold.get("events"))))
    return out


def repeated(
    articles: list[tuple[str, str | None, bool]], megabytes: float
) -> Iterator[tuple[str, str | None]]:
    """Stream (a): the articles cycled until ``megabytes`` of UTF-8 have gone by."""
    target, size = int(megabytes * 1_000_000), 0
    for text, published, _ in itertools.cycle(articles):
        if size >= target:
            return
        size += len(text.encode("utf-8"))
        yield text, published


# Ordinary news, written for this bench: no designation is reported, though
# some articles use trigger-like words ("list", "ban", "فهرست") or name a
# group in passing, as ordinary news does.
_EN_LINES = (
    "The central bank left its main interest rate unchanged at {n} percent on {day}.",
    "Heavy rain flooded roads in the north of the country, and {n} villages lost power.",
    "The national football team beat its neighbours {n}-1 in a friendly match.",
    "Officials said the new metro line would open to passengers next spring.",
    "The city council added {n} streets to its list of roads to be repaired this year.",
    "A ban on single-use plastic bags came into force in {n} supermarkets.",
    "Wheat prices rose for the third week in a row as exports slowed.",
    "The ministry of health opened {n} new clinics in rural districts.",
    "Students protested against higher tuition fees outside the parliament on {day}.",
    "The film festival announced the list of {n} films chosen for its main competition.",
    "Farmers welcomed the early rains after two dry years.",
)
_FA_LINES = (
    "بانک مرکزی روز {day} نرخ بهره را در {n} درصد ثابت نگه داشت.",
    "باران شدید در ولایات شمالی جاده‌ها را زیر آب برد و برق {n} روستا قطع شد.",
    "تیم ملی فوتبال در یک بازی دوستانه با نتیجه {n} بر یک پیروز شد.",
    "شهرداری {n} خیابان را به فهرست جاده‌هایی که امسال ترمیم می‌شوند افزود.",
    "قیمت آرد برای سومین هفته پیاپی بالا رفت و نانوایی‌ها از کمبود گندم شکایت کردند.",
    "وزارت صحت عامه {n} درمانگاه تازه در ولسوالی‌های دوردست گشود.",
    "دانشجویان روز {day} در برابر دانشگاه در اعتراض به افزایش شهریه تجمع کردند.",
    "جشنواره فیلم فهرست {n} فیلم بخش مسابقه را اعلام کرد.",
    "کشاورزان از بارندگی‌های زودهنگام پس از دو سال خشکسالی استقبال کردند.",
    "استفاده از کیسه‌های پلاستیکی در {n} فروشگاه بزرگ ممنوع شد.",
    "نمایشگاه کتاب با حضور {n} ناشر در پایتخت گشایش یافت.",
)
# A designated group named in passing, with no designation: one ordinary
# article in twenty gets one of these.
_IN_PASSING = (
    "Talks between Hamas and mediators resumed in Cairo, officials said.",
    "The Taliban-run education ministry said schools in Kabul would reopen after the holiday.",
    "مذاکرات میان حماس و میانجی‌ها در قاهره از سر گرفته شد.",
    "وزارت معارف طالبان گفت مکتب‌ها پس از تعطیلات بازگشایی می‌شوند.",
)
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_FA_DAYS = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه")


def ordinary_article(rng: random.Random) -> str:
    """One short ordinary news article in Persian or English."""
    persian = rng.random() < 0.6
    lines, days = (_FA_LINES, _FA_DAYS) if persian else (_EN_LINES, _EN_DAYS)
    chosen = rng.sample(lines, k=rng.randint(3, 6))
    if rng.random() < 0.05:
        chosen.append(rng.choice(_IN_PASSING))
    return "\n".join(s.format(n=rng.randint(2, 90), day=rng.choice(days)) for s in chosen) + "\n"


def news_stream(
    relevant: list[tuple[str, str | None, bool]], size: int, share: float, seed: int = 7
) -> Iterator[tuple[str, str | None, bool]]:
    """Stream (b): ``size`` articles, a ``share`` of them relevant, the rest ordinary."""
    rng = random.Random(seed)
    cycle = itertools.cycle(relevant)
    for _ in range(size):
        if rng.random() < share:
            text, published, _ = next(cycle)
            yield text, published, True
        else:
            yield ordinary_article(rng), "2025-01-01", False


# -- the extractors ----------------------------------------------------------


def deep(text: str, published: str | None) -> Document:
    return extract_document(Document(text=text, source="bench", language="auto", published=published))


def keyword_baseline(text: str, published: str | None) -> Document:
    """An event wherever a trigger word and a group mention share a sentence."""
    doc = resolve_language(Document(text=text, source="bench", language="auto", published=published))
    language = base_language(doc.language)
    if language not in ("fa", "en"):
        return doc.with_layers(events=())
    doc = annotate_mentions(annotate_text(doc))
    layer = doc.require_text()
    rules = load_rules(language)
    mentions = doc.mentions or ()
    events: dict[tuple[str, str | None, str], Event] = {}
    for sentence in layer.sentences:
        folded = fold_sentence(layer.normalized[sentence.norm_start : sentence.norm_end], language)
        inside = [m for m in mentions if sentence.norm_start <= m.norm_start < sentence.norm_end]
        groups = [m for m in inside if m.kind == "group" and m.entity_id]
        if not groups:
            continue
        states = [m.jurisdiction or (m.entity_id if m.kind == "jurisdiction" else None) for m in inside]
        actor = next((s for s in states if s), None)
        for trigger in rules.triggers:
            if trigger.echo or not trigger.regex.search(folded):
                continue
            group = groups[0]
            key = (trigger.type, actor, group.entity_id or "")
            if key not in events:
                events[key] = Event(
                    id=hashlib.sha1(repr(key).encode()).hexdigest()[:16],
                    type=trigger.type,
                    modality="asserted",
                    actor=Actor(jurisdiction=actor),
                    target=Target(id=group.entity_id or "", name=group.name or group.text),
                    evidence=(Evidence(text="", start=sentence.start, end=sentence.end),),
                )
    return doc.with_layers(events=tuple(events.values()))


# -- measuring ---------------------------------------------------------------


def rss_mb() -> float:
    """Resident set size now, in MB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def timed(
    items: Iterable[tuple[str, str | None]], run: Callable[[str, str | None], object], seconds: float
) -> tuple[int, float, float, float]:
    """Run over a stream for at most ``seconds``: (articles, elapsed, rss after warm-up, rss at end)."""
    start = time.perf_counter()
    count, warm = 0, 0.0
    for text, published in items:
        run(text, published)
        count += 1
        if count == 200:
            warm = rss_mb()
        if time.perf_counter() - start > seconds:
            break
    return count, time.perf_counter() - start, warm or rss_mb(), rss_mb()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of stream (a) in MB (default 20)")
    parser.add_argument(
        "--seconds", type=float, default=15.0, help="time cap per stream-(a) run (default 15)"
    )
    parser.add_argument("--stream", type=int, default=30000, help="articles in stream (b) (default 30000)")
    args = parser.parse_args()

    articles = dev_articles()
    relevant = [a for a in articles if a[2]]
    deep(*articles[0][:2])  # load every resource before the clock starts
    keyword_baseline(*articles[0][:2])
    may_report_designation("warm")

    golds = load_gold_folder(DEV)
    quality = {
        "fehrest": evaluate(golds, lambda t, s, p: deep(t, p)).overall,
        "keyword": evaluate(golds, lambda t, s, p: keyword_baseline(t, p)).overall,
    }

    print(
        f"stream (a): dev corpus repeated to {args.mb:g} MB, every article relevant (cap {args.seconds:g} s)"
    )
    speed_a = {}
    for name, run in (("fehrest", deep), ("keyword", keyword_baseline)):
        n, dt, warm, end = timed(repeated(articles, args.mb), run, args.seconds)
        speed_a[name] = n / dt
        print(
            f"  {name:8} {n:6d} articles in {dt:5.1f} s  {n / dt:7.0f} art/s  rss {warm:.0f} → {end:.0f} MB"
        )

    print(f"\nstream (b): {args.stream} articles, ~2% relevant, ordinary news otherwise")
    passed = kept_relevant = total_relevant = 0

    def gated(text: str, published: str | None) -> Document | None:
        nonlocal passed
        if not may_report_designation(text):
            return None
        passed += 1
        return deep(text, published)

    start = time.perf_counter()
    count, warm = 0, 0.0
    for text, published, is_relevant in news_stream(relevant, args.stream, 0.02):
        before = passed
        gated(text, published)
        count += 1
        total_relevant += is_relevant
        kept_relevant += is_relevant and passed > before
        if count == 1000:
            warm = rss_mb()
    dt_b = time.perf_counter() - start
    end_b = rss_mb()
    n_k, dt_k, _, _ = timed(
        ((t, p) for t, p, _ in news_stream(relevant, args.stream, 0.02)), keyword_baseline, args.seconds
    )
    print(
        f"  fehrest  {count:6d} articles in {dt_b:5.1f} s  {count / dt_b:7.0f} art/s",
        f" rss {warm:.0f} → {end_b:.0f} MB",
    )
    print(
        f"           first pass kept {passed} ({passed / count:.1%});",
        f"recall on relevant {kept_relevant}/{total_relevant}",
    )
    print(f"  keyword  {n_k:6d} articles in {dt_k:5.1f} s  {n_k / dt_k:7.0f} art/s  (no first pass)")

    print("\n| extractor | P | R | F1 (corpus/dev) | art/s (a) | ratio |")
    print("|---|---|---|---|---|---|")
    for name in ("fehrest", "keyword"):
        q = quality[name]
        ratio = speed_a[name] / speed_a["keyword"]
        print(
            f"| {name} | {q.precision:.2f} | {q.recall:.2f} | {q.f1:.2f}",
            f"| {speed_a[name]:.0f} | {ratio:.2f}× |",
        )
    print(f"\npeak rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000:.0f} MB")


if __name__ == "__main__":
    main()
