"""Pages, feeds and WARC files from a local HTTP server, and each kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

from articles import DARI_WEATHER, ENGLISH_ROADS, PERSIAN_DESIGNATION, html_page, rss
from ingest_helpers import line_extractor
from test_warc import page, write_warc
from web_server import LocalWeb

from fehrest.errors import InputError
from fehrest.ingest import extract_html, ingest_paths
from fehrest.ingest.fetch import Fetcher
from fehrest.model import Document
from fehrest.register import Register


def _fast_fetcher() -> Fetcher:
    return Fetcher(timeout=0.5, connect_timeout=0.5, retries=1, backoff=0.05)


def test_extract_html_keeps_zwnj_and_reads_metadata() -> None:
    html = html_page(
        "کانادا",
        PERSIAN_DESIGNATION,
        published="2024-03-12T08:00:00+00:00",
        canonical="https://n.example/a/7",
    )
    doc = extract_html(html, "https://n.example/a/7?utm=x")
    assert isinstance(doc, Document)
    assert "سازمان\u200cهای تروریستی" in doc.text
    assert "ورزش" not in doc.text, "the menu is not article text"
    assert (doc.published, doc.url, doc.title, doc.language[:2]) == (
        "2024-03-12",
        "https://n.example/a/7",
        "کانادا",
        "fa",
    )


def test_extract_html_declared_legacy_charset_is_decoded() -> None:
    # Arabic letters only, so Windows-1256 can encode every character.
    text = "أعلنت الحكومة اليوم خطة جديدة للنقل العام في المدينة. وقال الوزير إن العمل يبدأ في الربيع المقبل."
    data = html_page("خبر", text, lang="ar", charset="windows-1256").encode("cp1256")
    doc = extract_html(data)
    assert isinstance(doc, Document)
    assert "الحكومة" in doc.text
    assert doc.language == "ar"


def test_ingest_url_page_and_feed(tmp_path: Path, local_web: LocalWeb) -> None:
    article = local_web.page("/news/1", html_page("هوا", DARI_WEATHER, published="2024-06-02"))
    local_web.routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
    blocked = local_web.page("/private/2", html_page("x", DARI_WEATHER))
    feed = local_web.page(
        "/rss",
        rss(
            [
                {
                    "title": "سرک",
                    "link": local_web.url("/news/1"),
                    "guid": "a1",
                    "date": "Sun, 02 Jun 2024 08:00:00 GMT",
                },
                {
                    "title": "Roads",
                    "link": local_web.url("/missing"),
                    "guid": "a2",
                    "date": "Mon, 03 Jun 2024 08:00:00 GMT",
                    "content": f"<p>{ENGLISH_ROADS}</p>",
                },
            ]
        ),
        "application/rss+xml",
    )
    with Register.open(tmp_path / "r.sqlite") as reg, _fast_fetcher() as fetcher:
        summary = ingest_paths(reg, [article, feed, blocked], fetcher=fetcher)
        rows = reg.db.query("SELECT url, language, published, published_inferred FROM documents ORDER BY url")
    # The page read directly and again through the feed is one document; the feed's other
    # entry carries its article, so its (missing) page is never fetched.
    assert (summary.documents_read, summary.new_documents, summary.unchanged_documents) == (3, 2, 1)
    assert local_web.hits.get("/missing") is None
    assert [str(f) for f in summary.failures] == [f"{blocked}: robots.txt disallows fetching this URL"]
    assert rows == [(local_web.url("/missing"), "en", "2024-06-03", 0), (article, "fa-AF", "2024-06-02", 0)]


def test_ingest_bad_inputs_each_one_failure_and_the_rest_goes_in(tmp_path: Path, local_web: LocalWeb) -> None:
    good = local_web.page("/good", html_page("Roads", ENGLISH_ROADS, lang="en"))
    not_xml = local_web.page("/feed", "this is { not xml at all", "application/rss+xml")
    empty = local_web.page("/empty", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    # Bytes that are not UTF-8 under a charset no codec knows.
    unknown = local_web.page(
        "/weird",
        b"<html><body><p>" + bytes(range(0x80, 0x100)) * 4 + b"</p></body></html>",
        "text/html; charset=x-martian-7",
    )
    local_web.routes["/huge"] = (200, "text/html", lambda: (b"<p>" + b"x" * (1 << 20) for _ in range(50)))
    warc = tmp_path / "cut.warc.gz"
    write_warc(
        warc,
        [
            (f"https://w.example/{i}", "text/html", page(f"S{i}", [ENGLISH_ROADS + f" Item {i}."]))
            for i in range(3)
        ],
    )
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 120])
    db = tmp_path / "r.sqlite"
    with Register.open(db) as reg:
        earlier = reg.store_documents([Document(text="LIST CA blue-hand 2014", source="old.txt")])
        with _fast_fetcher() as fetcher:
            summary = ingest_paths(
                reg,
                [good, not_xml, empty, unknown, local_web.url("/huge"), local_web.url("/slow"), warc],
                fetcher=fetcher,
            )
        failures = reg.db.query("SELECT source, problem FROM failures ORDER BY id")
        kept = reg.db.query("SELECT COUNT(*) FROM documents WHERE source = 'old.txt'")
    assert earlier.new_documents == 1
    problems = {f.source: f.problem for f in summary.failures}
    assert problems[not_xml].startswith("not an RSS or Atom feed")
    assert problems[empty] == "no article text found in the page"
    assert "unknown character encoding 'x-martian-7'" in problems[unknown]
    assert problems[local_web.url("/huge")] == "page larger than 20 MB"
    assert problems[local_web.url("/slow")].startswith("timed out after 0.5 s")
    assert "truncated or corrupt WARC" in problems[str(warc)]
    assert len(summary.failures) == 6
    assert all("\n" not in str(f) for f in summary.failures)
    assert [(s, p) for s, p in failures] == [(f.source, f.problem) for f in summary.failures]
    # The good page and the two whole WARC records went in; the earlier document is still there.
    assert summary.new_documents == 3
    assert kept == [(1,)]


def test_ingest_local_html_and_feed_files(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        html_page("Roads", ENGLISH_ROADS, lang="en", published="2024-01-05"), encoding="utf-8"
    )
    (tmp_path / "f.rss").write_text(
        rss(
            [
                {
                    "title": "خبر",
                    "link": "https://n.example/9",
                    "guid": "g9",
                    "date": "Tue, 12 Mar 2024 09:00:00 GMT",
                    "content": f"<p>{PERSIAN_DESIGNATION}</p>",
                }
            ]
        ),
        encoding="utf-8",
    )
    with Register.open(tmp_path / "r.sqlite") as reg:
        summary = ingest_paths(reg, [tmp_path], extract=line_extractor)
        rows = reg.db.query("SELECT source, published FROM documents ORDER BY source")
    assert summary.failures == []
    assert rows == [(str(tmp_path / "a.html"), "2024-01-05"), ("https://n.example/9", "2024-03-12")]


def test_ingest_language_not_read_is_stored_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    russian = (
        "Правительство объявило о новом плане строительства дорог в северных районах страны в этом году."
    )
    path.write_text(
        "\n".join(json.dumps({"text": t}) for t in (russian, ENGLISH_ROADS, DARI_WEATHER)) + "\n",
        encoding="utf-8",
    )
    with Register.open(tmp_path / "r.sqlite") as reg:
        first = ingest_paths(reg, [path])
        again = ingest_paths(reg, [path])
        languages = reg.db.query("SELECT language FROM documents ORDER BY language")
    assert dict(first.not_read) == {"ru": 1}
    assert [r[0] for r in languages] == ["en", "fa-AF", "ru"]
    assert (again.new_documents, again.unchanged_documents) == (0, 3)


def test_ingest_pool_matches_one_worker(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    texts = [PERSIAN_DESIGNATION, ENGLISH_ROADS, DARI_WEATHER] * 6
    path.write_text(
        "\n".join(json.dumps({"text": f"{t} ({i})"}) for i, t in enumerate(texts)), encoding="utf-8"
    )
    results = []
    for workers in (1, 2):
        with Register.open(tmp_path / f"r{workers}.sqlite") as reg:
            summary = ingest_paths(reg, [path], workers=workers)
            facts = reg.db.query("SELECT fact_key, source_count FROM facts ORDER BY 1")
        results.append((summary.new_documents, summary.stored.new_events, facts))
    assert results[0] == results[1]
    assert results[0][1] == 6


def test_fetch_retries_server_errors_then_reports(local_web: LocalWeb) -> None:
    local_web.routes["/flaky"] = (503, "text/plain", b"busy")
    with _fast_fetcher() as fetcher:
        result = fetcher.fetch(local_web.url("/flaky"))
    assert isinstance(result, InputError)
    assert result.problem == "HTTP 503 Service Unavailable"
    assert local_web.hits["/flaky"] == 2
