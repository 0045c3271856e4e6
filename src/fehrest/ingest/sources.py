"""Expand what the user named — files, folders, URLs, feeds — into work items, in order.

This is the I/O half of ingestion (it reads files and fetches URLs); what it
yields is extracted by :func:`fehrest.ingest.work.process_item`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fehrest.errors import InputError
from fehrest.ingest.feeds import FeedEntry, carried_content, looks_like_feed, parse_feed
from fehrest.ingest.fetch import Fetched, Fetcher
from fehrest.ingest.read import find_files, read_file
from fehrest.ingest.warc import is_warc, iter_warc_pages
from fehrest.ingest.work import Page, WorkItem

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.startswith(("http://", "https://"))


def iter_sources(
    sources: Iterable[str | Path],
    fetcher: Fetcher | None = None,
    on_source: Callable[[str], None] | None = None,
) -> Iterator[WorkItem | InputError]:
    """Yield the documents and pages of every source, and an error per thing that could not be read."""
    for source in sources:
        if is_url(source):
            yield from iter_url(str(source), _need(fetcher))
            if on_source is not None:
                on_source(str(source))
            continue
        for item in find_files([source]):
            if isinstance(item, InputError):
                yield item
                continue
            yield from iter_file(item, fetcher)
            if on_source is not None:
                on_source(str(item))


def _need(fetcher: Fetcher | None) -> Fetcher:
    if fetcher is None:
        raise ValueError("reading URLs needs a Fetcher")
    return fetcher


def iter_file(path: Path, fetcher: Fetcher | None = None) -> Iterator[WorkItem | InputError]:
    """The items of one local file, by its kind."""
    name = path.name.lower()
    if is_warc(path):
        yield from iter_warc_pages(path)
    elif name.endswith(HTML_SUFFIXES):
        try:
            yield Page(body=path.read_bytes(), url=None, source=str(path))
        except OSError as exc:
            yield InputError(str(path), f"cannot read: {exc.strerror}")
    elif name.endswith(FEED_SUFFIXES):
        try:
            content = path.read_bytes()
        except OSError as exc:
            yield InputError(str(path), f"cannot read: {exc.strerror}")
            return
        entries = parse_feed(content, str(path))
        if isinstance(entries, InputError):
            yield entries
            return
        for entry in entries:
            yield entry_item(entry, str(path), fetcher)
    else:
        yield from read_file(path)


def iter_url(url: str, fetcher: Fetcher) -> Iterator[WorkItem | InputError]:
    """A page, or every entry of a feed, behind one URL."""
    fetched = fetcher.fetch(url)
    if isinstance(fetched, InputError):
        yield fetched
        return
    if looks_like_feed(fetched.content, fetched.mime):
        entries = parse_feed(fetched.content, url)
        if isinstance(entries, InputError):
            yield entries
            return
        for entry in entries:
            yield entry_item(entry, url, fetcher)
        return
    yield page_of(fetched)


def page_of(fetched: Fetched, entry: FeedEntry | None = None) -> Page:
    """A fetched page, with what its feed entry said about it."""
    return Page(
        body=fetched.content,
        url=fetched.url,
        source=fetched.url,
        charset=fetched.charset,
        plain_text=fetched.mime == "text/plain",
        title=entry.title if entry else None,
        published=entry.published if entry else None,
        language=entry.language if entry else None,
    )


def entry_item(entry: FeedEntry, feed: str, fetcher: Fetcher | None) -> Page | InputError:
    """An entry's own content when the feed carries the article, else its fetched page."""
    carried = carried_content(entry)
    source = entry.link or f"{feed}#{entry.key}"
    if carried is not None:
        return Page(
            body=carried,
            url=entry.link,
            source=source,
            title=entry.title,
            published=entry.published,
            language=entry.language,
        )
    if not entry.link:
        return InputError(feed, f"entry {entry.key!r} has neither an article nor a link")
    if fetcher is None:
        return InputError(entry.link, "the feed entry has no article text and fetching is off")
    fetched = fetcher.fetch(entry.link)
    if isinstance(fetched, InputError):
        return fetched
    return page_of(fetched, entry)
