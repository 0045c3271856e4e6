"""Backfill: years of news (WARC, JSONL) through a process pool or Apache Spark into the register.

Workers (pool processes or Spark executors) run the same pure extraction as
``ingest`` with its cheap first pass and return compact outcomes
(:mod:`.work`); the driver stores them in batches, idempotently (:mod:`.store`).
"""

from fehrest.backfill.run import Engine, backfill
from fehrest.backfill.store import BackfillSummary, store_outcomes
from fehrest.backfill.work import Failure, Outcome, Tally, extract_relevant, process_file

__all__ = [
    "BackfillSummary",
    "Engine",
    "Failure",
    "Outcome",
    "Tally",
    "backfill",
    "extract_relevant",
    "process_file",
    "store_outcomes",
]
