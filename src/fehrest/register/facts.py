"""Facts and status, as pure functions over plain values (no database here).

A *fact* is one real-world event however many documents report it. Two events
are the same fact when they agree on type, jurisdiction (or, for a non-state
actor, its id), target and modality class, and their dates are compatible
(equal, or one refines the other). Status is derived from asserted facts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter
from typing import Literal

from fehrest.model import DateValue, Modality, ModalityClass, Precision, modality_class
from fehrest.register.dates import PRECISION_RANK, compatible, interval, precision_of, start_of

StatusWord = Literal["listed", "not listed", "suspended", "unknown"]

STATUS_TYPES = ("LIST", "DELIST", "SUSPEND")
_STATUS_OF: dict[str, StatusWord] = {"LIST": "listed", "DELIST": "not listed", "SUSPEND": "suspended"}
_OPPOSITE = {"LIST": "DELIST", "DELIST": "LIST"}
# planned (decided) says more than possible (considered).
_MODALITY_STRENGTH = {"possible": 0, "planned": 1, "asserted": 2, "denied": 2}
# An undated report, published on P, is about a dated fact whose interval
# ends at most this long before P: news follows events within weeks.
REPORT_LAG = timedelta(days=31)


def fact_key(
    type_: str, jurisdiction: str | None, actor_id: str | None, target_id: str, modality: str
) -> str:
    """The exact part of a fact's identity (the date is matched by compatibility)."""
    actor = "" if jurisdiction else (actor_id or "")
    return "|".join((type_, jurisdiction or "", actor, target_id, modality_class(modality)))


def opposite_key(key: str) -> str | None:
    """The key of the facts an asserted LIST/DELIST would contradict, if any."""
    type_, jurisdiction, actor, target, klass = key.split("|")
    if klass != "asserted" or type_ not in _OPPOSITE or not jurisdiction:
        return None
    return "|".join((_OPPOSITE[type_], jurisdiction, actor, target, klass))


@dataclass(slots=True)
class DatedClaim:
    """A date a source gives for a fact: value (ISO) or none, and where it came from."""

    value: str | None
    from_published: bool = False

    @property
    def precision(self) -> Precision | None:
        return None if self.value is None else precision_of(self.value)


def dates_match(fact: DatedClaim, claim: DatedClaim) -> bool:
    """Whether a claim's date may be the same day as a fact's.

    Dates read in the text must be compatible. A date borrowed from the
    publication (the text gave none) matches a text date whose interval began
    on or before it and ended at most :data:`REPORT_LAG` earlier.
    """
    if fact.from_published == claim.from_published:
        return compatible(fact.value, claim.value)
    published, told = (claim, fact) if claim.from_published else (fact, claim)
    if published.value is None or told.value is None:
        return False
    start, end = interval(told.value)
    day = date.fromisoformat(published.value)
    return date.fromisoformat(start) <= day <= date.fromisoformat(end) + REPORT_LAG


def refine_date(fact: DatedClaim, claim: DatedClaim) -> DatedClaim:
    """The fact's date once a matching claim is added: text beats publication, day beats month."""
    if claim.value is None:
        return fact
    if fact.value is None or (fact.from_published and not claim.from_published):
        return DatedClaim(claim.value, claim.from_published)
    if claim.from_published and not fact.from_published:
        return fact
    # Valid ISO values: the longer is the finer (day 10, month 7, year 4 characters).
    if len(claim.value) > len(fact.value):
        return DatedClaim(claim.value, claim.from_published)
    return fact


def stronger_modality(a: str, b: str) -> str:
    """Within one modality class, the stronger of two (planned over possible)."""
    return b if _MODALITY_STRENGTH[b] > _MODALITY_STRENGTH[a] else a


@dataclass(frozen=True, slots=True)
class Source:
    """One report of a fact: the document, what it said, and both record times."""

    document_id: str
    source: str
    url: str | None
    reported_at: str | None
    ingested_at: str
    evidence: tuple[str, ...]
    modality: str
    date: DateValue | None
    date_from_published: bool
    authority: str | None
    agent: str | None
    rule: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Fact:
    """A merged event: one real-world designation step with every source that reported it."""

    id: int
    type: str
    modality: str
    jurisdiction: str | None
    actor_id: str | None
    actor_name: str | None
    target_id: str
    target_name: str
    date: DateValue | None
    date_from_published: bool
    authority: str | None
    list: str | None
    program: str | None
    stance: str | None
    contradicted: bool
    first_ingested_at: str
    last_ingested_at: str
    source_count: int
    sources: Sequence[Source] = ()

    @property
    def modality_class(self) -> ModalityClass:
        return modality_class(self.modality)

    @property
    def date_start(self) -> str | None:
        """The first day the fact may have taken effect (legal time)."""
        return None if self.date is None else start_of(self.date.value)

    def sort_key(self) -> tuple[str, int, int]:
        """Legal order: by first day, then by precision (the finer is later), then by id."""
        if self.date is None:
            return ("9999-99-99", 0, self.id)
        return (start_of(self.date.value), PRECISION_RANK[self.date.precision], self.id)


@dataclass(frozen=True, slots=True)
class Status:
    """Whether a jurisdiction lists a group on a day, since when, by whom and on which sources."""

    target_id: str
    target_name: str
    jurisdiction: str
    status: StatusWord
    fact: Fact | None
    pending: tuple[Fact, ...]
    denied: tuple[Fact, ...]
    contradicted: tuple[Fact, ...]

    @property
    def since(self) -> DateValue | None:
        return None if self.fact is None else self.fact.date

    @property
    def by(self) -> str | None:
        return None if self.fact is None else self.fact.authority


def fold_sources(base: Fact, sources: Sequence[Source]) -> Fact:
    """Rebuild a fact from a subset of its sources (what was known at a record time).

    Applies the same merging rules as storage, in ingestion order, so a fact
    seen through ``--known-on`` has the date, modality and authority it had then.
    """
    ordered = sorted(sources, key=lambda s: s.ingested_at)
    first = ordered[0]
    claim = DatedClaim(None if first.date is None else first.date.value, first.date_from_published)
    modality = first.modality
    authority = first.authority
    for src in ordered[1:]:
        claim = refine_date(
            claim, DatedClaim(None if src.date is None else src.date.value, src.date_from_published)
        )
        modality = stronger_modality(modality, src.modality)
        authority = authority or src.authority
    value = claim.value
    return dataclasses.replace(
        base,
        date=None if value is None else DateValue(value, precision_of(value)),
        date_from_published=claim.from_published,
        modality=modality,
        authority=authority,
        contradicted=False,
        first_ingested_at=first.ingested_at,
        last_ingested_at=ordered[-1].ingested_at,
        source_count=len(ordered),
        sources=tuple(ordered),
    )


def flag_contradictions(facts: Iterable[Fact]) -> list[Fact]:
    """Flag asserted LIST and DELIST facts of one jurisdiction whose dates may be the same day."""
    items = list(facts)
    flagged: set[int] = set()
    asserted = [f for f in items if f.modality_class == "asserted" and f.type in _OPPOSITE]
    for i, a in enumerate(asserted):
        for b in asserted[i + 1 :]:
            if (
                a.type != b.type
                and a.jurisdiction == b.jurisdiction
                and a.target_id == b.target_id
                and a.date is not None
                and b.date is not None
                and compatible(a.date.value, b.date.value)
            ):
                flagged.update((a.id, b.id))
    return [dataclasses.replace(f, contradicted=True) if f.id in flagged else f for f in items]


def derive_status(facts: Iterable[Fact], as_of: str) -> list[Status]:
    """Status per (target, jurisdiction) on the last day ``as_of`` (ISO day), from facts.

    The latest asserted LIST / DELIST / SUSPEND dated on or before ``as_of``
    decides; possible/planned facts after it are pending, denied ones shown.
    Undated facts and REACT / RECOGNIZE facts do not count.
    """
    # Each fact's legal order and modality class, worked out once: status
    # derives over hundreds of facts per question.
    by_pair: dict[tuple[str, str], list[tuple[tuple[str, int, int], ModalityClass, Fact]]] = {}
    for fact in facts:
        if fact.type not in STATUS_TYPES or fact.jurisdiction is None or fact.date is None:
            continue
        key = fact.sort_key()
        if key[0] > as_of:
            continue
        entry = (key, modality_class(fact.modality), fact)
        by_pair.setdefault((fact.target_id, fact.jurisdiction), []).append(entry)
    out: list[Status] = []
    for (target_id, jurisdiction), items in sorted(by_pair.items(), key=itemgetter(0)):
        items.sort(key=itemgetter(0))
        asserted = [(key, fact) for key, klass, fact in items if klass == "asserted"]
        floor, deciding = asserted[-1] if asserted else (("", -1, -1), None)
        out.append(
            Status(
                target_id=target_id,
                target_name=items[0][2].target_name,
                jurisdiction=jurisdiction,
                status="unknown" if deciding is None else _STATUS_OF[deciding.type],
                fact=deciding,
                pending=tuple(f for key, klass, f in items if klass == "proposed" and key > floor),
                denied=tuple(f for key, klass, f in items if klass == "denied" and key > floor),
                contradicted=tuple(f for _, f in asserted if f.contradicted),
            )
        )
    return out


def modality_of(value: str) -> Modality:
    """Narrow a stored modality string to the model's literal type."""
    if value not in ("asserted", "planned", "possible", "denied"):
        raise ValueError(f"unknown modality {value!r}")
    return value  # type: ignore[return-value]
