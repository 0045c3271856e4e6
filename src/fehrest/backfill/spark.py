"""Engine ``spark``: the workers' half of a backfill in Spark executors (PySpark ``mapPartitions``).

Each input file is one partition (one task). Executors return compact
outcomes, kept by Spark; the driver then pulls them back partition by
partition (``toLocalIterator``) in file order and stores them. Spark discards the
output of a failed task attempt, and nothing an executor does writes to the
register, so a retried task cannot double anything; counts travel as data,
not accumulators (which a retried task would add twice).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from fehrest.backfill.events import EVENT_COLUMNS, event_rows
from fehrest.backfill.sources import readable
from fehrest.backfill.work import Extractor, Failure, Outcome, extract_relevant, process_bytes, process_file
from fehrest.model import Document


def spark_session(master: str | None = None, app_name: str = "fehrest backfill") -> Any:
    """A SparkSession for ``master`` (or whatever ``spark-submit`` configured).

    In local mode the executors' Python is this interpreter, so they import
    the same ``fehrest``; on a cluster, ``PYSPARK_PYTHON`` and the cluster's
    own settings decide.
    """
    from pyspark.sql import SparkSession

    if (master or "local").startswith("local") and "PYSPARK_PYTHON" not in os.environ:
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def _files_partition(paths: Iterable[str], extract: Extractor) -> Iterator[Outcome]:
    for path in paths:
        yield from process_file(path, extract)


def _bytes_partition(items: Iterable[tuple[str, bytes]], extract: Extractor) -> Iterator[Outcome]:
    for uri, data in items:
        if readable(uri):
            yield from process_bytes(uri, data, extract)
        else:
            # A folder on the cluster may hold other files too: name them, read on.
            yield Failure(uri, "not a file Fehrest reads (WARC, JSONL, JSON, text)")


def outcomes_rdd(
    spark: Any, files: Sequence[str], uris: Sequence[str], extract: Extractor = extract_relevant
) -> Any:
    """An RDD of outcomes: local files one per partition, then cluster URIs (one file per partition)."""
    sc = spark.sparkContext
    parts = []
    if files:
        parts.append(
            sc.parallelize(list(files), len(files)).mapPartitions(partial(_files_partition, extract=extract))
        )
    for uri in uris:
        # binaryFiles reads through Hadoop's file systems (s3a, hdfs, file); a folder or glob
        # gives every file in it.
        raw = sc.binaryFiles(uri)
        parts.append(raw.mapPartitions(partial(_bytes_partition, extract=extract)))
    if not parts:
        return sc.emptyRDD()
    return parts[0] if len(parts) == 1 else sc.union(parts)


def run_spark(
    spark: Any,
    files: Sequence[str],
    uris: Sequence[str] = (),
    extract: Extractor = extract_relevant,
    parquet: str | None = None,
) -> Iterator[Outcome]:
    """Run the extraction in Spark; write events as Parquet if asked; yield outcomes in file order."""
    from pyspark import StorageLevel

    sc = spark.sparkContext
    # One job extracts every partition in parallel and keeps the (small:
    # relevant pages only) outcomes; a second streams them back in file
    # order. toLocalIterator alone would run the partitions one by one.
    rdd = outcomes_rdd(spark, files, uris, extract).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        if parquet:
            sc.setJobDescription("fehrest backfill: extract, write events as Parquet")
            write_events_parquet(spark, rdd, parquet)
        else:
            sc.setJobDescription("fehrest backfill: extract")
            rdd.count()
        sc.setJobDescription("fehrest backfill: return events to the driver")
        yield from rdd.toLocalIterator(prefetchPartitions=True)
    finally:
        sc.setJobDescription(None)
        rdd.unpersist()


def _event_rows(outcome: Outcome) -> list[tuple[Any, ...]]:
    return event_rows(outcome) if isinstance(outcome, Document) else []


def write_events_parquet(spark: Any, outcomes: Any, folder: str) -> None:
    """One row per event (see :data:`fehrest.backfill.events.EVENT_COLUMNS`), overwriting ``folder``."""
    from pyspark.sql.types import ArrayType, DoubleType, StringType, StructField, StructType

    kinds = {"confidence": DoubleType(), "evidence": ArrayType(StringType())}
    schema = StructType([StructField(name, kinds.get(name, StringType()), True) for name in EVENT_COLUMNS])
    frame = spark.createDataFrame(outcomes.flatMap(_event_rows), schema)
    frame.write.mode("overwrite").parquet(folder)
