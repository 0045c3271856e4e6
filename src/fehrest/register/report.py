"""Shape answers for people and programs: JSON objects and flat rows (CSV, tables)."""

from __future__ import annotations

from typing import Any

from fehrest.model import DateValue
from fehrest.register.facts import Fact, Source, Status
from fehrest.register.query import StatusReport


def date_text(value: DateValue | None, from_published: bool = False) -> str | None:
    """A date as shown: its own precision, marked when borrowed from publication."""
    if value is None:
        return None
    return f"{value.value} (published)" if from_published else value.value


def source_json(src: Source, explain: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "document": src.document_id,
        "source": src.url or src.source,
        "reported_at": src.reported_at,
        "ingested_at": src.ingested_at,
    }
    if explain:
        out["evidence"] = list(src.evidence)
        out["rule"] = src.rule
        out["confidence"] = src.confidence
    return out


def fact_json(fact: Fact, explain: bool = False) -> dict[str, Any]:
    """A fact with both clocks: its legal date and when each source reported and was read."""
    return {
        "id": fact.id,
        "type": fact.type,
        "modality": fact.modality,
        "jurisdiction": fact.jurisdiction,
        "actor": fact.actor_name if fact.jurisdiction is None else None,
        "target": {"id": fact.target_id, "name": fact.target_name},
        "date": None if fact.date is None else {"value": fact.date.value, "precision": fact.date.precision},
        "date_from_published": fact.date_from_published,
        "authority": fact.authority,
        "list": fact.list,
        "program": fact.program,
        "stance": fact.stance,
        "contradicted": fact.contradicted,
        "first_ingested_at": fact.first_ingested_at,
        "sources": [source_json(s, explain) for s in fact.sources],
    }


def status_json(report: StatusReport, explain: bool = False) -> dict[str, Any]:
    return {
        "group": {"id": report.group.id, "name": report.group.name, "wikidata": report.group.wikidata},
        "as_of": report.as_of,
        "known_on": report.known_on,
        "jurisdictions": [_status_item(s, explain) for s in report.statuses],
    }


def _status_item(s: Status, explain: bool) -> dict[str, Any]:
    fact = s.fact
    return {
        "jurisdiction": s.jurisdiction,
        "status": s.status,
        "since": None if fact is None or fact.date is None else fact.date.value,
        "since_precision": None if fact is None or fact.date is None else fact.date.precision,
        "since_from_published": bool(fact and fact.date_from_published),
        "by": s.by,
        "fact": None if fact is None else fact_json(fact, explain),
        "pending": [fact_json(f, explain) for f in s.pending],
        "denied": [fact_json(f, explain) for f in s.denied],
        "contradicted": [fact_json(f, explain) for f in s.contradicted],
    }


def _pending_text(facts: tuple[Fact, ...]) -> str:
    return "; ".join(
        f"{f.type.lower()} {f.modality} since {date_text(f.date, f.date_from_published)}"
        + (f" by {f.authority}" if f.authority else "")
        for f in facts
    )


def _sources_text(fact: Fact | None) -> str:
    if fact is None:
        return ""
    return "; ".join(dict.fromkeys(s.url or s.source for s in fact.sources))


def _evidence_text(facts: list[Fact]) -> str:
    return " | ".join(dict.fromkeys(text for f in facts for s in f.sources for text in s.evidence))


def status_rows(report: StatusReport, explain: bool = False) -> list[dict[str, Any]]:
    """One flat row per jurisdiction (CSV columns, table rows)."""
    rows: list[dict[str, Any]] = []
    for s in report.statuses:
        row: dict[str, Any] = {
            "group": report.group.name,
            "jurisdiction": s.jurisdiction,
            "status": s.status + (" (contradicted)" if s.contradicted else ""),
            "since": "" if s.fact is None else date_text(s.fact.date, s.fact.date_from_published),
            "by": s.by or "",
            "sources": _sources_text(s.fact),
            "pending": _pending_text(s.pending),
            "denied": _pending_text(s.denied),
        }
        if explain:
            shown = [f for f in (s.fact, *s.pending, *s.denied) if f is not None]
            row["evidence"] = _evidence_text(shown)
        rows.append(row)
    return rows


def fact_rows(facts: list[Fact], explain: bool = False) -> list[dict[str, Any]]:
    """One flat row per fact (timeline, changes, CSV export)."""
    rows: list[dict[str, Any]] = []
    for f in facts:
        row: dict[str, Any] = {
            "id": f.id,
            "date": date_text(f.date, f.date_from_published) or "undated",
            "group": f.target_name,
            "jurisdiction": f.jurisdiction or f.actor_name or "",
            "type": f.type,
            "modality": f.modality,
            "authority": f.authority or "",
            "list": f.list or "",
            "contradicted": "yes" if f.contradicted else "",
            "sources": len(f.sources) or f.source_count,
            "first_ingested_at": f.first_ingested_at,
        }
        if explain:
            row["evidence"] = _evidence_text([f])
        rows.append(row)
    return rows
