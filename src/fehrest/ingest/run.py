"""Ingest sources into the register: read, extract (in a process pool), store in batches, record failures."""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from fehrest.errors import InputError
from fehrest.ingest.fetch import Fetcher
from fehrest.ingest.pool import map_in_order
from fehrest.ingest.sources import iter_sources
from fehrest.ingest.work import (
    Extractor,
    Page,
    WorkItem,
    chunk_items,
    default_extractor,
    process_chunk,
    process_item,
    warm_extraction,
)
from fehrest.language import READ_LANGUAGES, base_language
from fehrest.model import Document
from fehrest.register.store import Register, StoreResult

__all__ = [
    "Extractor",
    "IngestSummary",
    "default_extractor",
    "extract_stream",
    "ingest_items",
    "ingest_paths",
]


@dataclass(slots=True)
class IngestSummary:
    """What an ingestion run did: counts and one line per failure."""

    documents_read: int = 0
    stored: StoreResult = field(default_factory=StoreResult)
    failures: list[InputError] = field(default_factory=list)
    # Documents per language code, and those in languages Fehrest does not read yet.
    languages: Counter[str] = field(default_factory=Counter)
    not_read: Counter[str] = field(default_factory=Counter)

    @property
    def new_documents(self) -> int:
        return self.stored.new_documents

    @property
    def unchanged_documents(self) -> int:
        return self.stored.unchanged_documents


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_stream(
    items: Iterable[WorkItem | InputError], extract: Extractor = default_extractor, workers: int = 1
) -> Iterator[Document | InputError]:
    """Extract every item, in order; with ``workers > 1`` in a pool of forked processes.

    The parent loads the extraction data once before the workers start (they
    inherit it), reads the input, and sends it out in chunks; at most
    ``2 × workers`` chunks are in flight, so memory stays flat however long
    the input is.
    """
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, InputError) else process_item(item, extract)
        return
    source = iter(items)
    first = next(source, None)
    if first is None:
        return
    # Pages need trafilatura; a stream that starts with extracted text most likely never does.
    prepare = partial(warm_extraction, pages=isinstance(first, Page))
    work = chunk_items(itertools.chain([first], source))
    for done in map_in_order(partial(process_chunk, extract=extract), work, workers, prepare=prepare):
        yield from done


def ingest_items(
    reg: Register,
    items: Iterable[WorkItem | InputError],
    extract: Extractor = default_extractor,
    batch_size: int = 50,
    workers: int = 1,
    on_document: Callable[[Document | InputError], None] | None = None,
    store: Callable[[list[Document]], StoreResult] | None = None,
) -> IngestSummary:
    """Extract items and store them batch by batch, recording failures.

    Each batch is one transaction, so a crash loses at most the batch in
    flight and never leaves half a document. ``store`` replaces
    ``reg.store_documents`` (``watch`` wraps it to compare status around it).
    """
    summary = IngestSummary()
    batch: list[Document] = []
    save = store or reg.store_documents

    def flush() -> None:
        if batch:
            summary.stored = summary.stored + save(batch)
            batch.clear()

    for result in extract_stream(items, extract, workers):
        if isinstance(result, InputError):
            summary.failures.append(result)
            reg.record_failure(result.source, result.problem, result.line)
        else:
            summary.documents_read += 1
            summary.languages[result.language] += 1
            if base_language(result.language) not in READ_LANGUAGES:
                # Stored all the same, so reading it again is a no-op.
                summary.not_read[result.language] += 1
            batch.append(result)
            if len(batch) >= batch_size:
                flush()
        if on_document is not None:
            on_document(result)
    flush()
    return summary


def ingest_paths(
    reg: Register,
    paths: Iterable[str | Path],
    extract: Extractor = default_extractor,
    batch_size: int = 50,
    on_file: Callable[[Path | None], None] | None = None,
    workers: int = 1,
    fetcher: Fetcher | None = None,
    on_document: Callable[[Document | InputError], None] | None = None,
) -> IngestSummary:
    """Read files, folders, URLs and feeds, extract events, and store them batch by batch.

    Bad input and extraction failures are recorded (in the summary and the
    register's ``failures`` table) and skipped; what was stored before stays.
    """

    def source_done(name: str) -> None:
        if on_file is not None:
            on_file(Path(name))

    paths = list(paths)
    own_fetcher = fetcher is None and any(str(p).startswith(("http://", "https://")) for p in paths)
    active = Fetcher() if own_fetcher else fetcher
    try:
        items = iter_sources(paths, active, on_source=source_done)
        return ingest_items(reg, items, extract, batch_size, workers, on_document)
    finally:
        if own_fetcher and active is not None:
            active.close()
