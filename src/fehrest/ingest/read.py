"""Read local text files into Documents: ``.txt`` (one document), ``.json`` and ``.jsonl`` (records).

:func:`find_files` also finds the pages, feeds and WARC files that :mod:`.sources` reads.

A JSON record is ``{text, url?, source?, published?, language?, title?}``; a
``.json`` file holds one record or a list of them. Problems come back as
:class:`~fehrest.errors.InputError` values naming the file and line, in the
stream, so one bad record never stops the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from fehrest.errors import InputError
from fehrest.model import Document

SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm", ".warc", ".warc.gz", ".rss", ".atom", ".xml")
_FIELDS = ("text", "url", "source", "published", "language", "title")


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand files and folders (recursively, sorted) into the files Fehrest reads."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
        elif not path.exists():
            yield InputError(str(path), "no such file or folder")
        elif not _readable(path):
            yield InputError(str(path), f"cannot read {path.suffix or 'files without a suffix'} files yet")
        else:
            yield path


def _readable(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def read_file(path: Path) -> Iterator[Document | InputError]:
    """Yield the documents in one file, and an error for each bad part."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from iter_jsonl_documents(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror}")
        return
    text = _decode(data, path, None)
    if isinstance(text, InputError):
        yield text
    elif suffix == ".txt":
        if text.strip():
            yield Document(text=text, source=str(path))
        else:
            yield InputError(str(path), "empty file")
    else:
        yield from _read_json(text, path)


def iter_jsonl_documents(path: str | Path) -> Iterator[Document | InputError]:
    """Yield the records of a JSON Lines file ``{text, url, published, language}`` as Documents."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror}")
        return
    # Streamed line by line: a gigabyte of JSON Lines never sits in memory whole.
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            # Decode line by line: one bad byte costs one record, not the file.
            text = _decode(raw.rstrip(b"\r\n"), path, number)
            if isinstance(text, InputError):
                yield text
                continue
            yield _parse_record(text, path, number, f"{path}:{number}")


def _decode(data: bytes, path: Path, line: int | None) -> str | InputError:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if line is None:
            line = data[: exc.start].count(b"\n") + 1
        return InputError(str(path), f"not UTF-8 text (bad byte 0x{data[exc.start]:02x})", line)


def _read_json(text: str, path: Path) -> Iterator[Document | InputError]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(str(path), f"malformed JSON: {exc.msg}", exc.lineno)
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records):
        source = str(path) if len(records) == 1 else f"{path}#{index}"
        yield _document_from(record, path, None, source)


def _parse_record(text: str, path: Path, line: int, source: str) -> Document | InputError:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return InputError(str(path), f"malformed JSON line: {exc.msg} (column {exc.colno})", line)
    return _document_from(record, path, line, source)


def _document_from(record: Any, path: Path, line: int | None, source: str) -> Document | InputError:
    if not isinstance(record, dict):
        return InputError(str(path), f"expected a JSON object, got {type(record).__name__}", line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(str(path), "record has no 'text'", line)
    for name in _FIELDS[1:]:
        if record.get(name) is not None and not isinstance(record[name], str):
            return InputError(str(path), f"'{name}' must be a string", line)
    published = record.get("published")
    if published:
        try:
            date.fromisoformat(published[:10])
        except ValueError:
            return InputError(str(path), f"'published' is not an ISO date: {published!r}", line)
        published = published[:10]
    return Document(
        text=text,
        source=record.get("source") or source,
        language=record.get("language") or "auto",
        published=published or None,
        title=record.get("title"),
        url=record.get("url"),
    )
