"""WARC files as Common Crawl News writes them: pages in, truncated records named."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from fehrest.errors import InputError
from fehrest.ingest import iter_warc_documents
from fehrest.model import Document

_PAGE = """<html lang="{lang}"><head><title>{title}</title>{meta}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>All rights reserved.</footer></body></html>"""


def page(title: str, paragraphs: list[str], lang: str = "en", published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return _PAGE.format(lang=lang, title=title, meta=meta, paragraphs=body)


def write_warc(path: Path, pages: list[tuple[str, str, str]], gzip: bool = True) -> None:
    """Write ``(url, content type, body)`` responses, with a request record before each as CC does."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, content_type, body in pages:
            request = writer.create_warc_record(
                url,
                "request",
                payload=BytesIO(b""),
                http_headers=StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "n.example")], is_http_request=True
                ),
            )
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body.encode("utf-8")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-06-05T08:30:00Z"},
            )
            writer.write_record(record)


_PERSIAN = [
    "وزارت امور خارجه کشور الف روز دوشنبه اعلام کرد که نام گروه ب از فهرست سازمان‌های ممنوع حذف شده است.",
    "به گفتهٔ سخنگوی این وزارت، این تصمیم پس از چند ماه بررسی در شورای امنیت ملی گرفته شد.",
]
_ENGLISH = [
    "The city council approved a new plan for bus lanes on the main avenue after a long public debate.",
    "Work is due to start in the spring and the council expects it to last about eight months.",
]


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_yields_one_document_per_page(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("news.warc.gz" if gzip else "news.warc")
    write_warc(
        path,
        [
            ("https://fa.example/1", "text/html; charset=utf-8", page("خبر", _PERSIAN, "fa", "2024-06-03")),
            ("https://en.example/2", "text/html", page("Bus lanes", _ENGLISH)),
            ("https://en.example/logo.png", "image/png", "not a page"),
            ("https://en.example/3.txt", "text/plain; charset=utf-8", "\n".join(_ENGLISH)),
        ],
        gzip=gzip,
    )
    items = list(iter_warc_documents(path))
    assert all(isinstance(i, Document) for i in items), items
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == [
        "https://fa.example/1",
        "https://en.example/2",
        "https://en.example/3.txt",
    ]
    persian, english, text = docs
    # The page's own date wins; without one the crawl day stands in, marked inferred.
    assert (persian.published, persian.published_inferred) == ("2024-06-03", False)
    assert (english.published, english.published_inferred) == ("2024-06-05", True)
    assert "سازمان\u200cهای ممنوع" in persian.text, "ZWNJ must survive extraction"
    assert "Home" not in english.text
    assert "bus lanes" in english.text
    assert (persian.language[:2], english.language, text.language) == ("fa", "en", "en")
    assert all(d.meta["record_id"].startswith("<urn:uuid:") for d in docs)


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_truncated_record_is_named_and_earlier_pages_kept(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    pages = [(f"https://en.example/{i}", "text/html", page(f"Story {i}", _ENGLISH)) for i in range(3)]
    write_warc(path, pages, gzip=gzip)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 150])
    items = list(iter_warc_documents(path))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.url for d in docs] == ["https://en.example/0", "https://en.example/1"]
    assert len(errors) == 1
    assert errors[0].source == str(path)
    assert "truncated or corrupt WARC" in errors[0].problem
    assert "urn:uuid:" in errors[0].problem
    assert "byte" in errors[0].problem


def test_warc_garbage_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage that is not a gzip member at all" * 20)
    items = list(iter_warc_documents(path))
    assert len(items) == 1
    assert isinstance(items[0], InputError)
