"""Storing documents and merging their events into facts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from register_helpers import GROUP, OTHER, FakeClock, article, event

from fehrest.model import Evidence
from fehrest.register import Register, status, timeline
from fehrest.register.review import document_events, review_event


def test_store_same_content_twice_is_a_no_op(fresh_register: Register) -> None:
    doc = article("A report on the front.", event("LIST", "NO", "2019-02-11", authority="government"))
    first = fresh_register.store_documents([doc])
    again = fresh_register.store_documents([doc])
    assert (first.new_documents, first.new_events, first.new_facts) == (1, 1, 1)
    assert (again.new_documents, again.unchanged_documents, again.new_events, again.new_facts) == (0, 1, 0, 0)
    _, facts = timeline(fresh_register, GROUP.id)
    assert [len(f.sources) for f in facts] == [1]


def test_store_same_event_from_two_documents_is_one_fact_with_two_sources(fresh_register: Register) -> None:
    a = article(
        "Paper one says it.",
        event("DELIST", "NO", "2021-09-30", authority="court"),
        url="https://a.example/1",
    )
    b = article("Paper two says it too.", event("DELIST", "NO", "2021-09-30"), url="https://b.example/2")
    fresh_register.store_documents([a])
    result = fresh_register.store_documents([b])
    assert (result.new_events, result.new_facts) == (1, 0)
    _, facts = timeline(fresh_register, GROUP.id)
    assert len(facts) == 1
    assert {s.url for s in facts[0].sources} == {"https://a.example/1", "https://b.example/2"}
    assert facts[0].authority == "court"


def test_store_precise_date_refines_vaguer_fact(fresh_register: Register) -> None:
    fresh_register.store_documents([article("Vague report.", event("LIST", "PE", "2011"))])
    fresh_register.store_documents([article("Finer report.", event("LIST", "PE", "2011-07"))])
    fresh_register.store_documents([article("Exact report.", event("LIST", "PE", "2011-07-19"))])
    _, facts = timeline(fresh_register, GROUP.id)
    assert len(facts) == 1
    assert facts[0].date is not None
    assert (facts[0].date.value, facts[0].date.precision) == ("2011-07-19", "day")
    assert len(facts[0].sources) == 3


def test_store_incompatible_dates_stay_separate_facts(fresh_register: Register) -> None:
    fresh_register.store_documents([article("Spring.", event("LIST", "PE", "2011-04"))])
    fresh_register.store_documents([article("Summer.", event("LIST", "PE", "2011-07-02"))])
    _, facts = timeline(fresh_register, GROUP.id)
    assert [f.date.value for f in facts if f.date] == ["2011-04", "2011-07-02"]


def test_store_modality_classes_do_not_merge(fresh_register: Register) -> None:
    fresh_register.store_documents(
        [
            article("Considered.", event("DELIST", "BR", "2022-03-01", modality="possible")),
            article("Planned.", event("DELIST", "BR", "2022-03-01", modality="planned")),
            article("Done.", event("DELIST", "BR", "2022-03-01")),
            article("Refused.", event("DELIST", "BR", "2022-03-01", modality="denied")),
        ]
    )
    _, facts = timeline(fresh_register, GROUP.id)
    # possible and planned are one proposal (the stronger modality wins).
    assert sorted(f.modality for f in facts) == ["asserted", "denied", "planned"]


def test_store_contradiction_is_kept_and_flagged(fresh_register: Register) -> None:
    fresh_register.store_documents([article("One paper.", event("LIST", "CL", "2020-01-15"))])
    fresh_register.store_documents([article("Another paper.", event("DELIST", "CL", "2020-01-15"))])
    _, facts = timeline(fresh_register, GROUP.id)
    assert sorted(f.type for f in facts) == ["DELIST", "LIST"]
    assert all(f.contradicted for f in facts)
    report = status(fresh_register, GROUP.id, as_of="2020-02-01")
    assert len(report.statuses[0].contradicted) == 2


def test_store_undated_event_takes_publication_day(fresh_register: Register) -> None:
    doc = article("No date in text.", event("LIST", "JP", None), published="2023-05-08")
    fresh_register.store_documents([doc])
    report = status(fresh_register, GROUP.id, as_of="2023-06-01")
    fact = report.statuses[0].fact
    assert fact is not None
    assert fact.date is not None
    assert (fact.date.value, fact.date_from_published) == ("2023-05-08", True)


def test_store_undated_report_joins_recent_dated_fact(fresh_register: Register) -> None:
    fresh_register.store_documents([article("Dated.", event("SUSPEND", "TR", "2018-10"))])
    fresh_register.store_documents(
        [article("Undated follow-up.", event("SUSPEND", "TR", None), published="2018-11-02")]
    )
    _, facts = timeline(fresh_register, GROUP.id)
    assert len(facts) == 1
    assert facts[0].date is not None
    assert (facts[0].date.value, facts[0].date_from_published) == ("2018-10", False)


def test_store_later_source_deletes_nothing(fresh_register: Register) -> None:
    fresh_register.store_documents([article("Old.", event("LIST", "IN", "2001-12"))])
    fresh_register.store_documents([article("New.", event("DELIST", "IN", "2015-06-06"))])
    _, facts = timeline(fresh_register, GROUP.id)
    assert [f.type for f in facts] == ["LIST", "DELIST"]


def test_store_keeps_groups_apart(fresh_register: Register) -> None:
    fresh_register.store_documents(
        [
            article(
                "Both.",
                event("LIST", "AU", "2016-02-02"),
                event("LIST", "AU", "2016-02-02", target=OTHER, key="e2"),
            )
        ]
    )
    assert len(timeline(fresh_register, GROUP.id)[1]) == 1
    assert len(timeline(fresh_register, OTHER.id)[1]) == 1


def test_store_records_both_clocks(fresh_register: Register, clock: FakeClock) -> None:
    clock.set("2022-01-10")
    fresh_register.store_documents(
        [article("First.", event("LIST", "NZ", "2021-12-01"), published="2021-12-02")]
    )
    clock.set("2022-03-04")
    fresh_register.store_documents(
        [article("Second.", event("LIST", "NZ", "2021-12-01"), published="2022-03-01")]
    )
    fact = timeline(fresh_register, GROUP.id)[1][0]
    assert [s.reported_at for s in fact.sources] == ["2021-12-02", "2022-03-01"]
    assert [s.ingested_at[:10] for s in fact.sources] == ["2022-01-10", "2022-03-04"]
    assert fact.first_ingested_at.startswith("2022-01-10")


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=3),
    agent=st.none() | st.text(max_size=20),
    confidence=st.floats(min_value=0.0, max_value=1.0),
)
def test_store_sources_round_trip_any_text(texts: list[str], agent: str | None, confidence: float) -> None:
    # Sources are written by hand as JSON (on the fact row and on the event):
    # quotes, backslashes, control characters and Persian must all come back.
    base = event("LIST", "NO", "2019-02-11")
    ev = replace(
        base,
        evidence=tuple(Evidence(t, 0, len(t)) for t in texts),
        agent=agent,
        confidence=confidence,
    )
    with Register.open(":memory:", clock=FakeClock()) as reg:
        reg.store_documents([article("Round trip.", ev)])
        (no,) = status(reg, GROUP.id, as_of="2020-01-01").statuses
        _, (fact,) = timeline(reg, GROUP.id)
        (stored,) = document_events(reg, fact.sources[0].document_id)
    assert no.fact is not None
    assert no.fact.sources[0] == fact.sources[0]
    assert (fact.sources[0].evidence, fact.sources[0].agent) == (tuple(texts), agent)
    assert fact.sources[0].confidence == confidence
    assert stored.event.evidence == ev.evidence


def test_store_merges_what_another_writer_stored_meanwhile(register_url: str, clock: FakeClock) -> None:
    with Register.open(register_url, clock=clock) as one, Register.open(register_url, clock=clock) as two:
        one.store_documents([article("First paper.", event("LIST", "NO", "2019-02"))])
        two.store_documents([article("Second paper.", event("LIST", "NO", "2019-02-11"))])
        one.store_documents([article("Third paper.", event("LIST", "NO", "2019-02-11"))])
        _, facts = timeline(one, GROUP.id)
        (no,) = status(one, GROUP.id, as_of="2020-01-01").statuses
    assert [(f.date.value if f.date else None, f.source_count) for f in facts] == [("2019-02-11", 3)]
    assert no.fact is not None
    assert [s.source for s in no.fact.sources] == ["First paper..txt", "Second paper.txt", "Third paper..txt"]


def test_store_after_a_review_merges_into_what_is_left(fresh_register: Register) -> None:
    only = article("Only paper.", event("LIST", "NO", "2019-02-11"))
    fresh_register.store_documents([only])
    (stored,) = document_events(fresh_register, only.id)
    review_event(fresh_register, stored.id, "reject")
    fresh_register.store_documents([article("Later paper.", event("LIST", "NO", "2019-02-11"))])
    _, facts = timeline(fresh_register, GROUP.id)
    assert [(f.source_count, len(f.sources)) for f in facts] == [(1, 1)]


def test_store_failed_batch_leaves_no_trace(fresh_register: Register) -> None:
    fresh_register.store_documents([article("Good paper.", event("LIST", "NO", "2019-02-11"))])
    bad = article("Bad paper.", event("LIST", "NO", "2019-02-11"), event("LIST", "SE", "2019-13-45"))
    with pytest.raises(ValueError, match="month"):
        fresh_register.store_documents([bad])
    fresh_register.store_documents([article("Another paper.", event("LIST", "NO", "2019-02-11"))])
    _, facts = timeline(fresh_register, GROUP.id)
    assert [(f.jurisdiction, f.source_count, len(f.sources)) for f in facts] == [("NO", 2, 2)]


def test_store_keeps_the_first_sources_on_the_fact_across_openings(
    register_url: str, clock: FakeClock
) -> None:
    for n in range(5):
        with Register.open(register_url, clock=clock) as reg:
            reg.store_documents([article(f"Report {n} of five.", event("LIST", "NO", "2019-02-11"))])
    with Register.open(register_url, clock=clock) as reg:
        (no,) = status(reg, GROUP.id, as_of="2020-01-01").statuses
    assert no.fact is not None
    assert ([s.source for s in no.fact.sources], no.fact.source_count) == (
        [f"Report {n} of .txt" for n in range(3)],
        5,
    )
