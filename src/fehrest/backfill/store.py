"""The driver's half of a backfill: store the workers' outcomes in the register, batch by batch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from fehrest.backfill.work import Failure, Outcome, Tally
from fehrest.model import Document
from fehrest.register.bulk import record_failure_once
from fehrest.register.store import Register, StoreResult


@dataclass(slots=True)
class BackfillSummary:
    """What a backfill did: pages read and kept by the first pass, events, what the register gained."""

    tally: Tally = field(default_factory=Tally)
    stored: StoreResult = field(default_factory=StoreResult)
    failures: list[Failure] = field(default_factory=list)
    files: int = 0

    @property
    def pages(self) -> int:
        return self.tally.pages

    @property
    def relevant(self) -> int:
        return self.tally.relevant

    @property
    def events(self) -> int:
        return self.tally.events


def store_outcomes(reg: Register, outcomes: Iterable[Outcome], batch_size: int = 200) -> BackfillSummary:
    """Store documents in batches (one transaction each), record failures once, add up the tallies.

    Every write is idempotent: a document whose content hash is stored is
    skipped, a failure already recorded is not recorded again. So a run that
    was cut off and is started again, or a second run over the same input,
    leaves the register as one clean run does.
    """
    summary = BackfillSummary()
    batch: list[Document] = []

    def flush() -> None:
        if batch:
            summary.stored = summary.stored + reg.store_documents(batch)
            batch.clear()

    for outcome in outcomes:
        if isinstance(outcome, Document):
            batch.append(outcome)
            if len(batch) >= batch_size:
                flush()
        elif isinstance(outcome, Failure):
            summary.failures.append(outcome)
            source = f"{outcome.source} [{outcome.record_id}]" if outcome.record_id else outcome.source
            record_failure_once(reg, source, outcome.problem, outcome.line)
        else:
            summary.tally = summary.tally + outcome
            summary.files += 1
    flush()
    return summary
