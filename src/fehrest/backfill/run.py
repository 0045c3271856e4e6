"""One backfill: expand the sources, run an engine's workers, store what they return."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Any

from fehrest.backfill.sources import expand_sources
from fehrest.backfill.store import BackfillSummary, store_outcomes
from fehrest.backfill.work import Extractor, Outcome, extract_relevant
from fehrest.errors import FehrestError
from fehrest.register.store import Register


class Engine(StrEnum):
    """Where the extraction runs."""

    local = "local"
    spark = "spark"


def backfill(
    reg: Register,
    sources: Sequence[str],
    engine: Engine = Engine.local,
    workers: int | None = None,
    master: str | None = None,
    spark: Any = None,
    parquet: str | None = None,
    batch_size: int = 200,
    extract: Extractor = extract_relevant,
) -> BackfillSummary:
    """Extract events from every source with the chosen engine and store them in the register.

    ``workers`` sizes the local process pool (default: every core);
    ``master`` or a ready ``spark`` session picks the Spark cluster;
    ``parquet`` (Spark only) names a folder for one row per event.
    """
    found = expand_sources(sources)
    outcomes: Iterator[Outcome]
    if engine is Engine.local:
        if parquet:
            raise FehrestError("--parquet needs --engine spark (the local engine writes no Parquet)")
        files = [*found.files, *_local_paths(found.uris)]
        from fehrest.backfill.local import run_local

        outcomes = run_local(files, workers or os.cpu_count() or 1, extract)
    else:
        try:
            from fehrest.backfill.spark import run_spark, spark_session
        except ImportError:
            raise FehrestError("--engine spark needs PySpark: pip install 'fehrest[spark]'") from None
        session = spark if spark is not None else spark_session(master)
        outcomes = run_spark(session, found.files, found.uris, extract, parquet)
    return store_outcomes(reg, itertools.chain(found.errors, outcomes), batch_size)


def _local_paths(uris: Sequence[str]) -> list[str]:
    """``file://`` URIs as paths; any other scheme needs the cluster's file system."""
    paths = []
    for uri in uris:
        if not uri.startswith("file://"):
            raise FehrestError(f"{uri}: only --engine spark reads {uri.split('://')[0]}:// sources")
        paths.extend(expand_sources([uri.removeprefix("file://")]).files)
    return paths
