"""Turn ``SOURCE...`` arguments into the files a backfill reads.

Local files and folders are expanded on the driver (sorted, so every engine
reads them in the same order); a URI with a scheme (``s3a://``, ``hdfs://``,
``file://``) is left to the cluster's file system, which only Spark has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fehrest.backfill.work import WARC_SUFFIXES, Failure
from fehrest.ingest import SUFFIXES

READABLE = (*SUFFIXES, *WARC_SUFFIXES)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(slots=True)
class Sources:
    """What the arguments name: local files, cluster URIs, and the arguments that name nothing."""

    files: list[str] = field(default_factory=list)
    uris: list[str] = field(default_factory=list)
    errors: list[Failure] = field(default_factory=list)


def is_uri(source: str) -> bool:
    return bool(_SCHEME.match(source))


def readable(name: str) -> bool:
    return name.lower().endswith(READABLE)


def expand_sources(sources: Iterable[str]) -> Sources:
    """Expand folders into their readable files (recursively, sorted); keep URIs as given."""
    found = Sources()
    for source in sources:
        if is_uri(source):
            found.uris.append(source)
            continue
        path = Path(source)
        if path.is_dir():
            found.files.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and readable(p.name))
        elif not path.exists():
            found.errors.append(Failure(source, "no such file or folder"))
        elif not readable(path.name):
            found.errors.append(
                Failure(source, f"cannot read {path.suffix or 'files without a suffix'} files")
            )
        else:
            found.files.append(str(path))
    return found
