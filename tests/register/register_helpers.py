"""Builders shared by the register tests: events, articles and a hand-moved clock."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from fehrest.model import Actor, DateValue, Document, Event, Evidence, Target


@contextmanager
def fresh_pg_schema(url: str) -> Iterator[str]:
    """A URL for a new, empty schema in the PostgreSQL database at ``url``; dropped after."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


class FakeClock:
    """A record-time clock the test moves by hand (one microsecond per reading)."""

    def __init__(self, day: str = "2024-06-05") -> None:
        self.day = day
        self.tick = 0

    def set(self, day: str) -> None:
        self.day = day

    def __call__(self) -> str:
        self.tick += 1
        return f"{self.day}T12:00:00.{self.tick:06d}Z"


GROUP = Target("grp-northern-front", "Northern Front", "Q999001")
OTHER = Target("grp-river-brigade", "River Brigade", None)


def event(
    type_: str,
    jurisdiction: str | None,
    date: str | None,
    modality: str = "asserted",
    authority: str | None = None,
    target: Target = GROUP,
    evidence: str = "",
    key: str = "e1",
) -> Event:
    """An event as the extractor would make it (precision read off the ISO value)."""
    precision = {4: "year", 7: "month", 10: "day"}
    value = None if date is None else DateValue(date, precision[len(date)])  # type: ignore[arg-type]
    return Event(
        id=key,
        type=type_,  # type: ignore[arg-type]
        modality=modality,  # type: ignore[arg-type]
        actor=Actor(jurisdiction),
        target=target,
        evidence=(Evidence(evidence or f"{type_} by {jurisdiction} on {date}", 0, 10),),
        authority=authority,
        date=value,
    )


def article(text: str, *events: Event, published: str | None = None, url: str | None = None) -> Document:
    """A document carrying ready-made events (the register's unit of input)."""
    return Document(text=text, source=f"{text[:12]}.txt", published=published, url=url, events=events)
