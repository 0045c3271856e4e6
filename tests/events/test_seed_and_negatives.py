"""The seed article gives exactly its five gold events; negative articles give none."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fehrest.model import Document

from .conftest import DEV, SEED

SEED_TEXT = SEED / "000_95124228fc6d7938.txt"
MODALITY_CLASS = {"asserted": "a", "planned": "p", "possible": "p", "denied": "d"}


def _key(etype: str, jurisdiction: str | None, modality: str) -> tuple[str, str | None, str]:
    return etype, jurisdiction, MODALITY_CLASS[modality]


def test_seed_gives_the_five_gold_events(extract: Callable[..., Document]) -> None:
    gold = json.loads(SEED_TEXT.with_name(SEED_TEXT.stem + ".gold.json").read_text(encoding="utf-8"))
    doc = extract(SEED_TEXT.read_text(encoding="utf-8"))
    events = list(doc.events or ())
    extras = {
        _key(x["type"], x["actor"]["jurisdiction"], x["modality"]) for x in gold["acceptable_extra_events"]
    }
    unmatched = list(events)
    for g in gold["events"]:
        want = _key(g["type"], g["actor"]["jurisdiction"], g["modality"])
        found = next(
            (
                e
                for e in unmatched
                if _key(e.type, e.actor.jurisdiction, e.modality) == want
                and e.target.name == g["target"]
                and e.date is not None
                and e.date.value == g["date"]["value"]
            ),
            None,
        )
        assert found is not None, f"gold event {g['id']} not extracted"
        assert found.modality == g["modality"], g["id"]
        assert found.authority == g["authority"], g["id"]
        assert found.date is not None
        assert found.date.precision == g["date"]["precision"], g["id"]
        unmatched.remove(found)
    # Anything else must be one of the acceptable extras.
    assert all(_key(e.type, e.actor.jurisdiction, e.modality) in extras for e in unmatched)


def test_seed_delisting_is_one_event_with_every_report_as_evidence(extract: Callable[..., Document]) -> None:
    # The headline, the announcement, the quote and "Kazakhstan is the first
    # country to ..." (gold evidence lines 1, 2, 4, 5) are one event.
    gold = json.loads(SEED_TEXT.with_name(SEED_TEXT.stem + ".gold.json").read_text(encoding="utf-8"))
    [want] = [g for g in gold["events"] if g["id"] == "e1"]
    text = SEED_TEXT.read_text(encoding="utf-8")
    doc = extract(text)
    delistings = [e for e in doc.events or () if e.type == "DELIST" and e.actor.jurisdiction == "KZ"]
    assert len(delistings) == 1
    lines = {text[: ev.start].count("\n") + 1 for ev in delistings[0].evidence}
    assert set(want["evidence_lines"]) <= lines
    for ev in delistings[0].evidence:
        assert text[ev.start : ev.end].strip() == ev.text


def _negatives() -> list[Path]:
    out = []
    for gold in sorted(DEV.glob("*.gold.json")):
        if not json.loads(gold.read_text(encoding="utf-8"))["events"]:
            out.append(gold.with_name(gold.name.removesuffix(".gold.json") + ".txt"))
    return out


@pytest.mark.parametrize("path", _negatives(), ids=lambda p: p.stem)
def test_negative_article_gives_no_event(path: Path, extract: Callable[..., Document]) -> None:
    doc = extract(path.read_text(encoding="utf-8"), published="2025-01-01")
    assert [(e.type, e.target.name) for e in doc.events or ()] == []
