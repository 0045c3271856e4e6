"""What one worker does with one input file: read it, extract, and return compact outcomes.

The same functions run in a process-pool worker (engine ``local``) and in a
Spark executor (engine ``spark``): read a file record by record, run the pure
extraction with the cheap first pass, and return only what the register
needs — documents that report at least one event (without their heavy text
layer), failures, and one :class:`Tally` per file. Nothing here writes
anywhere: the driver stores the outcomes, in order, so a retried task or a
second run cannot double anything.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from fehrest.errors import InputError
from fehrest.ingest.work import compact
from fehrest.model import Document

Extractor = Callable[[Document], Document]

WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts for one input file: pages read, pages past the first pass, events found."""

    pages: int = 0
    relevant: int = 0
    events: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.pages + other.pages, self.relevant + other.relevant, self.events + other.events)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input record that could not be read or extracted, with its WARC record id when it has one."""

    source: str
    problem: str
    line: int | None = None
    record_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        record = f" [{self.record_id}]" if self.record_id else ""
        return f"{where}{record}: {self.problem}"


Outcome = Document | Failure | Tally


def extract_relevant(doc: Document) -> Document:
    """The pipeline with its cheap first pass: what ``ingest`` runs, minus the irrelevant pages."""
    from fehrest.pipeline import extract_document

    return extract_document(doc, prefilter=True)


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def read_documents(path: Path) -> Iterator[Document | InputError]:
    """Documents in one local file: WARC response records, or JSON/JSONL/text records."""
    if is_warc(path.name):
        try:
            from fehrest.ingest.warc import iter_warc_documents
        except ImportError:
            yield InputError(str(path), "this installation cannot read WARC files")
            return
        yield from iter_warc_documents(path)
        return
    from fehrest.ingest import read_file

    yield from read_file(path)


def process_file(path: str, extract: Extractor = extract_relevant) -> Iterator[Outcome]:
    """Read and extract one local file; yield documents with events, failures, then its tally."""
    pages = relevant = events = 0
    for item in read_documents(Path(path)):
        if isinstance(item, InputError):
            yield Failure(item.source, item.problem, item.line)
            continue
        pages += 1
        try:
            done = extract(item)
        except Exception as exc:  # one page's crash must not stop the file
            yield Failure(
                item.source,
                f"extraction failed: {type(exc).__name__}: {exc}",
                record_id=_record_id(item),
            )
            continue
        if done.meta.get("prefiltered"):
            continue
        relevant += 1
        if done.events:
            events += len(done.events)
            yield compact(done)
    yield Tally(pages, relevant, events)


def process_bytes(uri: str, data: bytes, extract: Extractor = extract_relevant) -> Iterator[Outcome]:
    """Process a file the cluster's file system handed over as bytes (``s3a://``, ``hdfs://``…).

    The readers take local paths, so the bytes go to a temporary file named
    like the original (its suffix picks the reader); sources name the URI.
    """
    name = PurePosixPath(uri.split("://", 1)[-1]).name or "input"
    with tempfile.TemporaryDirectory(prefix="fehrest-backfill-") as folder:
        local = Path(folder) / name
        local.write_bytes(data)
        for outcome in process_file(str(local), extract):
            yield _renamed(outcome, str(local), uri)


def _renamed(outcome: Outcome, old: str, new: str) -> Outcome:
    if isinstance(outcome, Document):
        return outcome.with_layers(source=outcome.source.replace(old, new, 1))
    if isinstance(outcome, Failure):
        return Failure(outcome.source.replace(old, new, 1), outcome.problem, outcome.line, outcome.record_id)
    return outcome


def _record_id(doc: Document) -> str | None:
    value = doc.meta.get("record_id")
    return str(value) if value else None
