"""Ingest files into the register: read, extract, store in batches, record failures."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fehrest.errors import InputError
from fehrest.ingest.read import find_files, read_file
from fehrest.model import Document
from fehrest.register.store import Register, StoreResult

Extractor = Callable[[Document], Document]


@dataclass(slots=True)
class IngestSummary:
    """What an ingestion run did: counts and one line per failure."""

    documents_read: int = 0
    stored: StoreResult = field(default_factory=StoreResult)
    failures: list[InputError] = field(default_factory=list)

    @property
    def new_documents(self) -> int:
        return self.stored.new_documents

    @property
    def unchanged_documents(self) -> int:
        return self.stored.unchanged_documents


def default_extractor(doc: Document) -> Document:
    """The extraction pipeline (imported late: it loads language data)."""
    from fehrest.pipeline import extract_document

    return extract_document(doc)


def ingest_paths(
    reg: Register,
    paths: Iterable[str | Path],
    extract: Extractor = default_extractor,
    batch_size: int = 50,
    on_file: Callable[[Path | None], None] | None = None,
) -> IngestSummary:
    """Read files and folders, extract events, and store them batch by batch.

    Each batch is one transaction, so a crash loses at most the batch in
    flight and never leaves half a document. Bad input and extraction
    failures are recorded (in the summary and the register) and skipped.
    """
    summary = IngestSummary()
    batch: list[Document] = []

    def flush() -> None:
        if batch:
            summary.stored = summary.stored + reg.store_documents(batch)
            batch.clear()

    def fail(error: InputError) -> None:
        summary.failures.append(error)
        reg.record_failure(error.source, error.problem, error.line)

    for item in find_files(paths):
        if isinstance(item, InputError):
            fail(item)
            continue
        for doc in read_file(item):
            if isinstance(doc, InputError):
                fail(doc)
                continue
            summary.documents_read += 1
            try:
                batch.append(extract(doc))
            except Exception as exc:  # one document's crash must not stop the batch
                fail(InputError(doc.source, f"extraction failed: {type(exc).__name__}: {exc}"))
            if len(batch) >= batch_size:
                flush()
        if on_file is not None:
            on_file(item)
    flush()
    return summary
