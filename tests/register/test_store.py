"""Storing documents and merging their events into facts."""

from __future__ import annotations

from register_helpers import GROUP, OTHER, FakeClock, article, event

from fehrest.register import Register, status, timeline


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
