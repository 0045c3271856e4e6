"""The unit of batch work: a Document or a raw Page, made ready and extracted in a worker.

Reading (files, WARC records, HTTP) happens in the parent, which is I/O; the
CPU-heavy parts — trafilatura, language identification, the extraction
pipeline — run in :func:`process_item`, a pure function a process pool maps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fehrest.errors import InputError
from fehrest.ingest.html import extract_html
from fehrest.language import identify_language
from fehrest.model import Document

Extractor = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class Page:
    """A page not yet read: its bytes, where it came from and what its container said about it."""

    body: bytes | str
    url: str | None
    source: str
    charset: str | None = None
    plain_text: bool = False
    title: str | None = None
    # The container's date (a feed entry's, a WARC's crawl day): used when the page has none.
    published: str | None = None
    published_inferred: bool = False
    language: str | None = None
    # Failures are reported against this file or URL, after this prefix (a WARC record's id).
    failure_source: str | None = None
    failure_prefix: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


WorkItem = Document | Page


def page_document(page: Page) -> Document | InputError:
    """Turn a Page into a Document (pure: no network)."""
    if page.plain_text:
        body = (
            page.body.decode(page.charset or "utf-8", errors="replace")
            if isinstance(page.body, bytes)
            else page.body
        )
        text = body.strip()
        if not text:
            return InputError(page.failure_source or page.source, f"{page.failure_prefix}empty text")
        doc = Document(text=text, source=page.source, url=page.url, title=page.title)
    else:
        found = extract_html(page.body, page.url, encoding=page.charset, source=page.source)
        if isinstance(found, InputError):
            return InputError(page.failure_source or found.source, f"{page.failure_prefix}{found.problem}")
        doc = found
    language = (
        identify_language(doc.text, page.language)
        if doc.language == "auto" or page.plain_text
        else doc.language
    )
    updates: dict[str, Any] = {"language": language, "meta": {**doc.meta, **page.meta}}
    if doc.title is None and page.title:
        updates["title"] = page.title
    if doc.published is None and page.published:
        updates["published"] = page.published
        updates["published_inferred"] = page.published_inferred
    return doc.with_layers(**updates)


def prepare_item(item: WorkItem) -> Document | InputError:
    """A Document with its language decided, ready for the extractor."""
    if isinstance(item, Page):
        return page_document(item)
    if item.language in ("auto", "", "und"):
        return item.with_layers(language=identify_language(item.text))
    return item


def default_extractor(doc: Document) -> Document:
    """The extraction pipeline with its cheap first pass (imported late: it loads language data)."""
    from fehrest.pipeline import extract_document

    return extract_document(doc, prefilter=True)


def compact(doc: Document) -> Document:
    """What the register stores of an extracted document: no text layer, times or first-pass mark.

    The text layer (tokens, offset map) is many times the size of the text;
    leaving it in the worker keeps what travels back to the parent small.
    """
    meta = {k: v for k, v in doc.meta.items() if k != "prefiltered"}
    return doc.with_layers(text_layer=None, times=None, meta=meta)


def process_item(item: WorkItem, extract: Extractor = default_extractor) -> Document | InputError:
    """Prepare and extract one item; a crash becomes a failure naming the document."""
    doc = prepare_item(item)
    if isinstance(doc, InputError):
        return doc
    try:
        done = extract(doc)
    except Exception as exc:  # one document's crash must not stop the batch
        return InputError(doc.source, f"extraction failed: {type(exc).__name__}: {exc}")
    return compact(done)


def process_chunk(chunk: list[WorkItem | InputError], extract: Extractor) -> list[Document | InputError]:
    """:func:`process_item` over a chunk (the unit a pool worker receives); errors pass through."""
    return [item if isinstance(item, InputError) else process_item(item, extract) for item in chunk]


def chunk_items(
    items: Iterable[WorkItem | InputError], max_items: int = 64, max_chars: int = 1_000_000
) -> Iterator[list[WorkItem | InputError]]:
    """Group items into chunks of at most ``max_items`` items and about ``max_chars`` of text or bytes.

    A chunk is pickled once to go to a worker and once to come back, so it is
    large enough to make that overhead small against the extraction, and
    bounded in bytes so a run of big pages cannot fill memory.
    """
    chunk: list[WorkItem | InputError] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += _size(item)
        if len(chunk) >= max_items or size >= max_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _size(item: WorkItem | InputError) -> int:
    if isinstance(item, Page):
        return len(item.body)
    if isinstance(item, Document):
        return len(item.text)
    return 0


# Texts that take every loader on the way: both scripts Fehrest reads and the
# others lingua is asked about, a designation (events, times, entities) and a page.
_WARM_TEXTS = (
    ("The government of Canada listed the Taliban as a terrorist group on 3 June 2024.", "en"),
    ("Last week the Kazakh ministry said the ban, in force for two years, ends in March next year.", "en"),
    ("دولت کانادا روز دوشنبه ۱۴ جوزا ۱۴۰۳ طالبان را در فهرست گروه‌های تروریستی قرار داد.", "fa"),
    ("وزارت هفته گذشته گفت این ممنوعیت که دو سال است برقرار است، در حمل سال آینده پایان می‌یابد.", "fa"),
    ("Правительство исключило движение из списка запрещённых организаций.", "ru"),
)
_WARM_PAGE = (
    "<html><head><title>Warm</title></head><body><article><p>"
    + "The city council opened a new library on Monday after two years of work. " * 3
    + "</p></article></body></html>"
)


def warm_extraction(pages: bool = True) -> None:
    """Load everything extraction reads: language models, registry, automata, rules, trafilatura.

    The pool runs it in the parent before forking, so every worker inherits
    the loaded data instead of spending a second loading its own. Without
    ``pages`` trafilatura is left out (a quarter of the time, 30 MB): input
    of extracted text never needs it.
    """
    from fehrest.language import warm_language_detector
    from fehrest.pipeline import extract_text

    warm_language_detector()
    for text, language in _WARM_TEXTS:
        identify_language(text)
        extract_text(text, language=language)
        extract_text(text, language=language, prefilter=True)
    if pages:
        extract_html(_WARM_PAGE, "https://warm.invalid/")
