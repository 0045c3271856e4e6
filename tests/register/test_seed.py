"""End to end: the seed article through the extractor into the register, then status."""

from __future__ import annotations

from pathlib import Path

import pytest

from fehrest.ingest import ingest_paths
from fehrest.register import Register, status, timeline

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_95124228fc6d7938.txt"
# Our own one-sentence report of the same decision (Kazakhstan's president, 3 June 2024).
SECOND = "رئیس‌جمهور قزاقستان روز دوشنبه ۳ جون ۲۰۲۴ نام طالبان را از فهرست گروه‌های تروریستی این کشور حذف کرد."


@pytest.fixture
def seeded(register_url: str) -> Register:
    reg = Register.open(register_url)
    summary = ingest_paths(reg, [SEED])
    assert summary.failures == []
    return reg


def _row(reg: Register, as_of: str, jurisdiction: str) -> tuple[str, str | None, str | None]:
    (found,) = status(reg, "Taliban", as_of=as_of, jurisdiction=jurisdiction).statuses
    return found.status, None if found.since is None else found.since.value, found.by


def test_seed_status_kazakhstan_listed_then_delisted(seeded: Register) -> None:
    assert _row(seeded, "2010-01-01", "KZ") == ("listed", "2005-03", "supreme court")
    assert _row(seeded, "2024-06-10", "KZ") == ("not listed", "2024-06-03", "president")
    (kz,) = status(seeded, "طالبان", as_of="2024-06-10", jurisdiction="KZ").statuses
    assert kz.fact is not None
    evidence = " ".join(text for s in kz.fact.sources for text in s.evidence)
    assert "قزاقستان" in evidence
    assert "طالبان" in evidence


def test_seed_status_russia_delisting_under_consideration(seeded: Register) -> None:
    (ru,) = status(seeded, "Taliban", as_of="2024-06-10", jurisdiction="RU").statuses
    assert ru.status == "unknown"
    assert ru.pending
    assert ru.pending[0].date is not None
    assert ru.pending[0].date.value == "2024-05-26"


def test_seed_twice_is_one_fact_one_source(seeded: Register) -> None:
    again = ingest_paths(seeded, [SEED])
    assert (again.new_documents, again.stored.new_events) == (0, 0)
    _, facts = timeline(seeded, "Taliban", jurisdiction="KZ")
    delist = [f for f in facts if f.type == "DELIST" and f.modality == "asserted"]
    assert [len(f.sources) for f in delist] == [1]


def test_seed_plus_second_report_is_one_fact_two_sources(seeded: Register, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text(SECOND, encoding="utf-8")
    ingest_paths(seeded, [second])
    _, facts = timeline(seeded, "Taliban", jurisdiction="KZ")
    delist = [f for f in facts if f.type == "DELIST" and f.modality == "asserted"]
    assert [len(f.sources) for f in delist] == [2]
