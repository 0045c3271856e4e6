"""Events as flat rows: one per event, for Parquet and for anyone analysing them in Spark."""

from __future__ import annotations

from typing import Any

from fehrest.model import Document

EVENT_COLUMNS = (
    "document_id",
    "url",
    "source",
    "record_id",
    "published",
    "language",
    "event_id",
    "type",
    "modality",
    "jurisdiction",
    "actor_name",
    "authority",
    "target_id",
    "target_name",
    "list",
    "date_value",
    "date_precision",
    "date_text",
    "confidence",
    "evidence",
)


def event_rows(doc: Document) -> list[tuple[Any, ...]]:
    """The events of one document, each as a tuple in :data:`EVENT_COLUMNS` order."""
    record = doc.meta.get("record_id")
    return [
        (
            doc.id,
            doc.url,
            doc.source,
            str(record) if record else None,
            doc.published,
            doc.language,
            e.id,
            e.type,
            e.modality,
            e.actor.jurisdiction,
            e.actor.name,
            e.authority,
            e.target.id,
            e.target.name,
            e.list,
            e.date.value if e.date else None,
            e.date.precision if e.date else None,
            e.date.text if e.date else None,
            float(e.confidence),
            [ev.text for ev in e.evidence],
        )
        for e in doc.events or ()
    ]
