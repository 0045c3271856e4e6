"""Review decisions are record-time events: ``known_on`` before one answers as the register did then.

Each test ingests on one day, reviews on a later one (the clock is moved by
hand), and asks the same question known on a day in between and on the day
of the review. Runs on SQLite and, when one is given, PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from register_helpers import GROUP, OTHER, FakeClock, article, event

from fehrest.errors import FehrestError
from fehrest.register import Register, changes, status, timeline
from fehrest.register.backend import open_backend
from fehrest.register.dates import format_timestamp
from fehrest.register.migrations import LATEST_VERSION, migrate
from fehrest.register.review import audit_entries, document_events, get_event, review_event

INGESTED = "2024-01-10"
BETWEEN = "2024-02-01"
REVIEWED = "2024-03-01"
LATER = "2024-04-01"


def _answer(reg: Register, name: str, as_of: str, known_on: str | None = None) -> list[tuple[Any, ...]]:
    """Status per jurisdiction as comparable tuples: word, since, sources, contradiction."""
    try:
        report = status(reg, name, as_of, known_on=known_on)
    except FehrestError:  # the group is not in the register (yet): nothing is known of it
        return []
    return [
        (
            s.jurisdiction,
            s.status,
            None if s.since is None else s.since.value,
            None if s.fact is None else s.fact.source_count,
            len(s.pending),
            len(s.contradicted),
        )
        for s in report.statuses
    ]


def _only_event(reg: Register, doc_id: str) -> int:
    (stored,) = document_events(reg, doc_id)
    return stored.id


def _ingest(reg: Register, clock: FakeClock, *docs: Any) -> None:
    clock.set(INGESTED)
    for doc in docs:
        reg.store_documents([doc])


def test_review_reject_known_on_before_answers_as_before(fresh_register: Register, clock: FakeClock) -> None:
    reg = fresh_register
    doc = article("Estonia listed the front in 2019.", event("LIST", "EE", "2019-04"))
    _ingest(reg, clock, doc)
    then = status(reg, GROUP.id, "2020", known_on=BETWEEN)
    clock.set(REVIEWED)
    review_event(reg, _only_event(reg, doc.id), "reject", reviewer="ana")
    # Exactly the answer the register gave before the review, sources and all.
    assert status(reg, GROUP.id, "2020", known_on=BETWEEN).statuses == then.statuses
    assert _answer(reg, GROUP.id, "2020", BETWEEN) == [("EE", "listed", "2019-04", 1, 0, 0)]
    for after in (REVIEWED, LATER, None):
        assert _answer(reg, GROUP.id, "2020", after) == []


def test_review_reject_known_on_the_decision_moment(fresh_register: Register, clock: FakeClock) -> None:
    reg = fresh_register
    doc = article("Latvia listed the front in 2018.", event("LIST", "LV", "2018"))
    _ingest(reg, clock, doc)
    clock.set(REVIEWED)
    decided = review_event(reg, _only_event(reg, doc.id), "reject").recorded_at
    just_before = format_timestamp(datetime.fromisoformat(decided) - timedelta(microseconds=1))
    assert _answer(reg, GROUP.id, "2019", just_before) == [("LV", "listed", "2018", 1, 0, 0)]
    assert _answer(reg, GROUP.id, "2019", decided) == []


def test_review_reject_one_of_two_sources(fresh_register: Register, clock: FakeClock) -> None:
    reg = fresh_register
    rough = article("Malta listed the front in May 2020.", event("LIST", "MT", "2020-05"))
    exact = article("On 4 May 2020 Malta listed the front.", event("LIST", "MT", "2020-05-04"))
    _ingest(reg, clock, rough, exact)
    clock.set(REVIEWED)
    review_event(reg, _only_event(reg, exact.id), "reject")
    assert _answer(reg, GROUP.id, "2021", BETWEEN) == [("MT", "listed", "2020-05-04", 2, 0, 0)]
    assert _answer(reg, GROUP.id, "2021", REVIEWED) == [("MT", "listed", "2020-05", 1, 0, 0)]
    assert _answer(reg, GROUP.id, "2021") == [("MT", "listed", "2020-05", 1, 0, 0)]
    _, (fact,) = timeline(reg, GROUP.id, known_on=BETWEEN)
    assert [s.document_id for s in fact.sources] == [rough.id, exact.id]


def test_review_reject_contradiction_returns_before(fresh_register: Register, clock: FakeClock) -> None:
    reg = fresh_register
    listed = article("Cyprus listed the front in June 2021.", event("LIST", "CY", "2021-06"))
    delisted = article("Cyprus delisted the front on 9 June 2021.", event("DELIST", "CY", "2021-06-09"))
    _ingest(reg, clock, listed, delisted)
    clock.set(REVIEWED)
    review_event(reg, _only_event(reg, delisted.id), "reject")
    assert _answer(reg, GROUP.id, "2022", BETWEEN) == [("CY", "not listed", "2021-06-09", 1, 0, 2)]
    assert _answer(reg, GROUP.id, "2022") == [("CY", "listed", "2021-06", 1, 0, 0)]


@pytest.mark.parametrize(
    ("changes_", "before", "after"),
    [
        # A later date: listed in 2011 before the review; from 2013 after it.
        (
            {"date": "2013-02-01"},
            {GROUP.id: [("NO", "listed", "2011", 1, 0, 0)]},
            {GROUP.id: []},
        ),
        # The report was of a removal, not a listing.
        (
            {"type": "DELIST"},
            {GROUP.id: [("NO", "listed", "2011", 1, 0, 0)]},
            {GROUP.id: [("NO", "not listed", "2011", 1, 0, 0)]},
        ),
        # The group was another one.
        (
            {"target": OTHER.id},
            {GROUP.id: [("NO", "listed", "2011", 1, 0, 0)], OTHER.id: []},
            {GROUP.id: [], OTHER.id: [("NO", "listed", "2011", 1, 0, 0)]},
        ),
    ],
)
def test_review_correct_known_on_before_and_after(
    fresh_register: Register,
    clock: FakeClock,
    changes_: dict[str, str],
    before: dict[str, list[tuple[Any, ...]]],
    after: dict[str, list[tuple[Any, ...]]],
) -> None:
    reg = fresh_register
    reg.add_group(OTHER.id, OTHER.name, OTHER.wikidata)
    doc = article("Norway listed the front in 2011.", event("LIST", "NO", "2011"))
    _ingest(reg, clock, doc)
    clock.set(REVIEWED)
    result = review_event(reg, _only_event(reg, doc.id), "correct", changes_, reviewer="ana")
    for name in before:
        assert _answer(reg, name, "2012", BETWEEN) == before[name], name
        assert _answer(reg, name, "2012", REVIEWED) == after[name], name
        assert _answer(reg, name, "2012") == after[name], name
    # The corrected copy is recorded at the decision's time; the original is kept, retired then.
    assert result.new_event_id is not None
    new = get_event(reg, result.new_event_id)
    old = get_event(reg, result.event_id, retired=True)
    assert new is not None
    assert old is not None
    assert new.ingested_at == result.recorded_at
    assert old.retired_at == result.recorded_at
    assert get_event(reg, result.event_id) is None


def test_review_correct_date_moves_changes_and_timeline(fresh_register: Register, clock: FakeClock) -> None:
    reg = fresh_register
    doc = article("Iceland listed the front on 3 March 2015.", event("LIST", "IS", "2015-03-03"))
    _ingest(reg, clock, doc)
    clock.set(REVIEWED)
    review_event(reg, _only_event(reg, doc.id), "correct", {"date": "2016-08"})

    def dates(facts: list[Any]) -> list[str]:
        return [f.date.value for f in facts]

    assert dates(changes(reg, "2015", "2015", known_on=BETWEEN)) == ["2015-03-03"]
    assert dates(changes(reg, "2016", known_on=BETWEEN)) == []
    assert dates(changes(reg, "2015", "2015", known_on=LATER)) == []
    assert dates(changes(reg, "2016", known_on=LATER)) == ["2016-08"]
    assert dates(changes(reg, "2015")) == ["2016-08"]
    assert dates(timeline(reg, GROUP.id, known_on=BETWEEN)[1]) == ["2015-03-03"]
    assert dates(timeline(reg, GROUP.id)[1]) == ["2016-08"]
    # By record time: the corrected fact was first recorded on the day of the review.
    assert dates(changes(reg, REVIEWED, recorded=True)) == ["2016-08"]
    assert dates(changes(reg, INGESTED, REVIEWED, recorded=True, known_on=BETWEEN)) == ["2015-03-03"]


def test_review_accept_changes_nothing(fresh_register: Register, clock: FakeClock) -> None:
    reg = fresh_register
    doc = article("Greece proposed listing the front.", event("LIST", "GR", "2022-10", "possible"))
    listed = article("Greece listed the front in 2020.", event("LIST", "GR", "2020"))
    _ingest(reg, clock, doc, listed)
    clock.set(REVIEWED)
    questions = [("2023", None), ("2023", BETWEEN), ("2021", None)]
    then = [_answer(reg, GROUP.id, as_of, known_on) for as_of, known_on in questions]
    timeline_then = timeline(reg, GROUP.id)
    review_event(reg, _only_event(reg, doc.id), "accept", reviewer="ana")
    assert [_answer(reg, GROUP.id, as_of, known_on) for as_of, known_on in questions] == then
    assert _answer(reg, GROUP.id, "2023", LATER) == then[0]
    assert timeline(reg, GROUP.id) == timeline_then


def test_review_audit_keeps_before_and_after(fresh_register: Register, clock: FakeClock) -> None:
    reg = fresh_register
    docs = [
        article(f"Report {n}: Portugal listed the front in 2014.", event("LIST", "PT", "2014"))
        for n in range(3)
    ]
    _ingest(reg, clock, *docs)
    clock.set(REVIEWED)
    ids = [_only_event(reg, d.id) for d in docs]
    review_event(reg, ids[0], "accept", reviewer="ana")
    review_event(reg, ids[1], "reject", reviewer="ben", note="a rumour")
    review_event(reg, ids[2], "correct", {"date": "2014-11-20"}, reviewer="cy")
    entries = {e["event"]: e for e in audit_entries(reg)}
    assert [entries[i]["action"] for i in ids] == ["review.accept", "review.reject", "review.correct"]
    assert [entries[i]["actor"] for i in ids] == ["ana", "ben", "cy"]
    assert entries[ids[0]]["after"] == entries[ids[0]]["before"]
    assert entries[ids[1]]["after"] is None
    assert entries[ids[1]]["note"] == "a rumour"
    assert entries[ids[2]]["before"]["date"]["value"] == "2014"
    assert entries[ids[2]]["after"]["date"]["value"] == "2014-11-20"
    assert entries[ids[2]]["after"]["id"] == entries[ids[2]]["new_event"]
    assert all(e["recorded_at"].startswith(REVIEWED) for e in entries.values())


def test_review_a_new_report_after_reject_starts_a_new_fact(
    fresh_register: Register, clock: FakeClock
) -> None:
    reg = fresh_register
    first = article("Croatia listed the front in 2017.", event("LIST", "HR", "2017"))
    _ingest(reg, clock, first)
    clock.set(REVIEWED)
    rejected = review_event(reg, _only_event(reg, first.id), "reject")
    clock.set(LATER)
    again = article("Croatia did list the front in 2017, the ministry says.", event("LIST", "HR", "2017"))
    reg.store_documents([again])
    (fact_id,) = {e.fact_id for e in document_events(reg, again.id)}
    assert fact_id != rejected.fact_id
    assert _answer(reg, GROUP.id, "2018", BETWEEN) == [("HR", "listed", "2017", 1, 0, 0)]
    assert _answer(reg, GROUP.id, "2018", REVIEWED) == []
    assert _answer(reg, GROUP.id, "2018") == [("HR", "listed", "2017", 1, 0, 0)]
    (s,) = status(reg, GROUP.id, "2018").statuses
    assert s.fact is not None
    assert [src.document_id for src in s.fact.sources] == [again.id]


def test_review_upgrade_from_version_5_keeps_data_and_history(register_url: str, clock: FakeClock) -> None:
    # A version-5 register written by hand, as the Fehrest of that version stored one fact.
    db = open_backend(register_url)
    assert migrate(db, clock(), upto=5) == [1, 2, 3, 4, 5]
    at = f"{INGESTED}T08:00:00.000001Z"
    db.execute("INSERT INTO groups (id, name) VALUES (?, ?)", (GROUP.id, GROUP.name))
    db.execute(
        "INSERT INTO documents (id, content_hash, source, published, ingested_at, text) "
        "VALUES ('d5', 'hash-d5', 'five.txt', '2024-01-09', ?, 'five')",
        (at,),
    )
    db.execute(
        "INSERT INTO facts (id, fact_key, type, modality, modality_class, jurisdiction, target_id, "
        "date_value, date_precision, date_start, date_end, source_count, first_ingested_at, "
        "last_ingested_at) VALUES (1, ?, 'LIST', 'asserted', 'asserted', 'SE', ?, '2012', 'year', "
        "'2012-01-01', '2012-12-31', 1, ?, ?)",
        (f"LIST|SE||{GROUP.id}|asserted", GROUP.id, at, at),
    )
    db.execute(
        "INSERT INTO events (document_id, fact_id, event_key, type, modality, jurisdiction, target_id, "
        "target_name, date_value, date_precision, confidence, evidence, reported_at, ingested_at) "
        "VALUES ('d5', 1, 'e1', 'LIST', 'asserted', 'SE', ?, ?, '2012', 'year', 0.5, ?, '2024-01-09', ?)",
        (GROUP.id, GROUP.name, json.dumps([{"text": "five", "start": 0, "end": 4}]), at),
    )
    db.close()
    with Register.open(register_url, clock=clock) as reg:
        versions = [r[0] for r in reg.db.query("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == list(range(1, LATEST_VERSION + 1))
        assert _answer(reg, GROUP.id, "2013") == [("SE", "listed", "2012", 1, 0, 0)]
        clock.set(REVIEWED)
        review_event(reg, _only_event(reg, "d5"), "reject")
        assert _answer(reg, GROUP.id, "2013", BETWEEN) == [("SE", "listed", "2012", 1, 0, 0)]
        assert _answer(reg, GROUP.id, "2013") == []
