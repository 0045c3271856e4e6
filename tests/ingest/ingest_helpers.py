"""A stand-in extractor for ingest tests: each text line ``TYPE JUR GROUP DATE`` is one event.

Ingestion is tested apart from the real extractor, which other tests cover.
"""

from __future__ import annotations

from fehrest.model import Actor, DateValue, Document, Event, Evidence, Target

_PRECISION = {4: "year", 7: "month", 10: "day"}


def line_extractor(doc: Document) -> Document:
    """Turn ``LIST KZ some-group 2005-03`` lines into events (other lines are prose)."""
    events: list[Event] = []
    offset = 0
    for number, line in enumerate(doc.text.split("\n")):
        parts = line.split()
        if len(parts) == 4 and parts[0] in ("LIST", "DELIST", "SUSPEND"):
            type_, jurisdiction, group, value = parts
            events.append(
                Event(
                    id=f"e{number}",
                    type=type_,  # type: ignore[arg-type]
                    modality="asserted",
                    actor=Actor(jurisdiction),
                    target=Target(group, group.replace("-", " ").title()),
                    evidence=(Evidence(line, offset, offset + len(line)),),
                    date=DateValue(value, _PRECISION[len(value)]),  # type: ignore[arg-type]
                )
            )
        offset += len(line) + 1
    return doc.with_layers(events=tuple(events))
