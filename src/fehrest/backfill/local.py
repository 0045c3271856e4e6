"""Engine ``local``: the workers' half of a backfill in a process pool on this machine."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial

from fehrest.backfill.work import Extractor, Outcome, extract_relevant, is_warc, process_file
from fehrest.ingest.pool import map_in_order
from fehrest.ingest.work import warm_extraction


def _process_all(path: str, extract: Extractor) -> list[Outcome]:
    return list(process_file(path, extract))


def run_local(
    files: Sequence[str], workers: int = 1, extract: Extractor = extract_relevant
) -> Iterator[Outcome]:
    """Outcomes of every file, in file order, from ``workers`` processes (1: in this process).

    Files are the unit of work, as Spark's tasks are: the two engines read the
    same records in the same order, so they store the same facts. The pool is
    ``ingest``'s: forked workers that inherit the data loaded once here.
    """
    if workers <= 1 or len(files) <= 1:
        for path in files:
            yield from process_file(path, extract)
        return
    # Only WARC pages need trafilatura loaded.
    prepare = partial(warm_extraction, pages=any(is_warc(path) for path in files))
    task = partial(_process_all, extract=extract)
    for outcomes in map_in_order(task, files, min(workers, len(files)), prepare=prepare):
        yield from outcomes
