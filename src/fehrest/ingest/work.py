"""The unit of batch work: a Document or a raw Page, made ready and extracted in a worker.

Reading (files, WARC records, HTTP) happens in the parent, which is I/O; the
CPU-heavy parts — trafilatura, language identification, the extraction
pipeline — run in :func:`process_item`, a pure function a process pool maps.
"""

from __future__ import annotations

from collections.abc import Callable
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


def process_item(item: WorkItem, extract: Extractor = default_extractor) -> Document | InputError:
    """Prepare and extract one item; a crash becomes a failure naming the document."""
    doc = prepare_item(item)
    if isinstance(doc, InputError):
        return doc
    try:
        done = extract(doc)
    except Exception as exc:  # one document's crash must not stop the batch
        return InputError(doc.source, f"extraction failed: {type(exc).__name__}: {exc}")
    # The text layer (tokens, offset map) is large and the register does not keep it.
    return done.with_layers(text_layer=None)


def warm_worker() -> None:
    """Load the entity registry, time data and language detector once per worker process."""
    from fehrest.language import warm_language_detector
    from fehrest.pipeline import extract_text

    warm_language_detector()
    extract_text(
        "The government of Canada listed the Taliban as a terrorist group on 3 June 2024.", language="en"
    )
    extract_text("دولت کانادا طالبان را در فهرست گروه‌های تروریستی قرار داد.", language="fa")
