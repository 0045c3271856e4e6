"""Builders shared by the web tests: the seeded register and an API token's header."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from fehrest.ingest.run import ingest_paths
from fehrest.model import Actor, DateValue, Document, Event, Evidence, Target
from fehrest.register import Register

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / ".." / "shared" / "seed" / "000_95124228fc6d7938.txt"
PG_URL = os.environ.get("FEHREST_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)] if PG_URL else ["sqlite"]

# Our own report (not from any source): a parliament lists a made-up group, and a court
# suspends the listing two years later; a ministry proposes to list the Taliban.
OWN_TEXT = (
    "The parliament of Uzbekistan added the Crescent Guard to its list of terrorist organisations "
    "in March 2019. In July 2021 the Supreme Court of Uzbekistan suspended that ban pending an appeal. "
    "On 2 May 2024 the interior ministry of Uzbekistan proposed listing the Taliban as well."
)
CRESCENT = Target("grp-crescent-guard", "Crescent Guard", None)
TALIBAN_ID = "taliban"


def _span(text: str, sentence_start: str) -> Evidence:
    start = text.index(sentence_start)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return Evidence(text[start:end], start, end)


def own_document() -> Document:
    """Three events, written by hand, with evidence offsets found in our own text."""
    text = OWN_TEXT
    events = (
        Event(
            "e1",
            "LIST",
            "asserted",
            Actor("UZ", "Uzbekistan"),
            CRESCENT,
            (_span(text, "The parliament"),),
            authority="parliament",
            list="terrorist organizations",
            date=DateValue("2019-03", "month", "March 2019"),
            confidence=0.9,
        ),
        Event(
            "e2",
            "SUSPEND",
            "asserted",
            Actor("UZ", "Uzbekistan"),
            CRESCENT,
            (_span(text, "In July 2021"),),
            authority="supreme court",
            date=DateValue("2021-07", "month", "July 2021"),
            confidence=0.7,
        ),
        Event(
            "e3",
            "LIST",
            "possible",
            Actor("UZ", "Uzbekistan"),
            Target(TALIBAN_ID, "Taliban", None),
            (_span(text, "On 2 May 2024"),),
            authority="interior ministry",
            date=DateValue("2024-05-02", "day", "2 May 2024"),
            confidence=0.4,
        ),
    )
    return Document(text=text, source="own-report.txt", language="en", published="2024-05-03", events=events)


def fill_register(target: str) -> None:
    """Ingest the seed through the extraction pipeline, then our own report."""
    reg = Register.open(target)
    try:
        summary = ingest_paths(reg, [SEED])
        assert not summary.failures, summary.failures
        reg.store_documents([own_document()])
    finally:
        reg.close()


@dataclass(frozen=True)
class Token:
    name: str
    secret: str

    @property
    def header(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secret}"}
