"""Read WARC files as Common Crawl News publishes them (``warcio``), one Document per page.

Each ``response`` record whose payload is HTML or plain text becomes a
Document: trafilatura's main text, ``WARC-Target-URI`` as the URL, the page's
own publication date when its metadata has one, else the crawl day
(``WARC-Date``) marked as inferred. ``meta`` keeps ``record_id``, ``warc_date``,
``warc_file`` and ``offset`` for provenance. A truncated or corrupt record
yields an :class:`~fehrest.errors.InputError` naming the file, the record and
its offset; reading stops there, because the records after a broken one
cannot be found reliably.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fehrest.errors import InputError
from fehrest.ingest.work import Page, page_document
from fehrest.model import Document

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
MAX_PAYLOAD = 20 * 1024 * 1024  # bytes: a bigger "page" is not an article
_SLACK = 16  # bytes of blank lines a WARC may end with


def is_warc(path: Path) -> bool:
    """True for the suffixes WARC files come with (``.warc``, ``.warc.gz``)."""
    name = path.name.lower()
    return name.endswith(WARC_SUFFIXES)


def iter_warc_documents(path: str | Path) -> Iterator[Document | InputError]:
    """Yield a Document per HTML or text response record of a WARC file, and an error per bad one."""
    for item in iter_warc_pages(path):
        yield page_document(item) if isinstance(item, Page) else item


def iter_warc_pages(path: str | Path) -> Iterator[Page | InputError]:
    """Yield the raw pages of a WARC file (cheap: no extraction), and an error per bad record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    broken = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError)
    path = Path(path)
    try:
        handle = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror}")
        return
    with handle:
        records = ArchiveIterator(handle)
        record_id = "(none)"
        end = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except broken as exc:
                yield _broken(path, f"after record {record_id} (byte {end})", exc)
                return
            offset = int(records.offset)  # get_record_offset() would skip the payload
            if record.format != "warc":
                # warcio reads anything it cannot parse as an old-style ARC record.
                yield InputError(str(path), f"not a WARC file (no WARC record at byte {offset})")
                return
            record_id = record.rec_headers.get_header("WARC-Record-ID") or "(no id)"
            try:
                item = _page_of(record, path, record_id, offset)
                records.read_to_end()
            except broken as exc:
                yield _broken(path, f"record {record_id} at byte {offset}", exc)
                return
            end = offset + records.get_record_length()
            if item is not None:
                yield item
        # warcio ends quietly on a gzip member cut short: bytes left over mean a lost record.
        if size - end > _SLACK:
            yield InputError(
                str(path),
                f"truncated or corrupt WARC after record {record_id} (byte {end}): "
                f"the last {size - end} bytes hold no readable record",
            )


def _broken(path: Path, where: str, exc: Exception) -> InputError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return InputError(str(path), f"truncated or corrupt WARC {where}: {reason}")


def _page_of(record: Any, path: Path, record_id: str, offset: int) -> Page | InputError | None:
    if record.rec_type != "response":
        return None
    http = record.http_headers
    if http is None or not http.get_statuscode().startswith("2"):
        return None
    content_type = (http.get_header("Content-Type") or "").lower()
    mime = content_type.split(";")[0].strip()
    if mime not in _HTML_TYPES and mime not in _TEXT_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = _read_payload(record.content_stream())
    where = f"record {record_id} at byte {offset}"
    if payload is None:
        return InputError(str(path), f"{where}: page larger than 20 MB, skipped")
    _check_complete(record)
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    return Page(
        body=payload,
        url=url,
        source=url or f"{path}#{record_id}",
        charset=_charset(content_type),
        plain_text=mime in _TEXT_TYPES,
        # The crawl day bounds the publication day; it stands in, marked inferred.
        published=warc_date[:10] or None,
        published_inferred=True,
        failure_source=str(path),
        failure_prefix=f"{where} ({url}): " if url else f"{where}: ",
        meta={"record_id": record_id, "warc_date": warc_date, "warc_file": str(path), "offset": offset},
    )


def _read_payload(stream: Any) -> bytes | None:
    """The whole payload (one ``read`` returns a buffer's worth), or None past the size limit."""
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(65536):
        size += len(chunk)
        if size > MAX_PAYLOAD:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _check_complete(record: Any) -> None:
    """Raise EOFError when the record's block ended before its declared length.

    warcio reads a short record without complaint; its ``LimitReader`` still
    counts what it was promised, so draining it shows the shortfall.
    """
    raw = record.raw_stream
    while raw.read(65536):
        pass
    left = int(getattr(raw, "limit", 0))
    if left > 0:
        raise EOFError(f"the file ends {left} bytes before the record does")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
