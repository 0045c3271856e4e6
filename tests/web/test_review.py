"""Review decisions on the register itself (SQLite and PostgreSQL): facts follow them at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fehrest.model import Actor, DateValue, Document, Event, Evidence, Target
from fehrest.register import Register, status
from fehrest.register.review import (
    InvalidReviewError,
    ReviewConflictError,
    UnknownEventError,
    audit_entries,
    document_events,
    review_event,
    review_queue,
)

GROUP = Target("grp-salt-road", "Salt Road Brigade", None)


def _report(text: str, type_: str, jurisdiction: str, date: str, modality: str = "asserted") -> Document:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    event = Event(
        "e1",
        type_,  # type: ignore[arg-type]
        modality,  # type: ignore[arg-type]
        Actor(jurisdiction),
        GROUP,
        (Evidence(text, 0, len(text)),),
        date=DateValue(date, precision),  # type: ignore[arg-type]
        confidence=0.6,
    )
    return Document(text=text, source=f"{text[:10]}.txt", published="2024-01-01", events=(event,))


@pytest.fixture
def reg(any_register: str) -> Iterator[Register]:
    register = Register.open(any_register)
    try:
        yield register
    finally:
        register.close()


def _event_id(reg: Register, doc: Document) -> int:
    (stored,) = document_events(reg, doc.id)
    return stored.id


def _status(reg: Register, jurisdiction: str, as_of: str) -> tuple[str, str | None]:
    report = status(reg, GROUP.id, as_of, jurisdiction)
    if not report.statuses:
        return "none", None
    (s,) = report.statuses
    return s.status, None if s.since is None else s.since.value


def test_reject_only_event_retires_its_fact(reg: Register) -> None:
    doc = _report("Norway listed the Salt Road Brigade in 2011.", "LIST", "NO", "2011")
    reg.store_documents([doc])
    event_id = _event_id(reg, doc)
    assert _status(reg, "NO", "2012") == ("listed", "2011")
    result = review_event(reg, event_id, "reject", reviewer="ana")
    assert _status(reg, "NO", "2012") == ("none", None)
    # Nothing is deleted: the fact and its event stay, retired at the decision's record time.
    assert reg.db.query("SELECT retired_at FROM facts WHERE id = ?", (result.fact_id,)) == [
        (result.recorded_at,)
    ]
    assert reg.db.query("SELECT retired_at FROM events WHERE id = ?", (event_id,)) == [(result.recorded_at,)]
    (entry,) = audit_entries(reg, event_id=event_id)
    assert entry["action"] == "review.reject"
    assert entry["actor"] == "ana"
    assert entry["before"]["evidence"][0]["text"] == doc.text


def test_reject_one_source_refolds_the_fact(reg: Register) -> None:
    rough = _report("Chile listed the Salt Road Brigade in March 2019.", "LIST", "CL", "2019-03")
    exact = _report("On 15 March 2019 Chile listed the Salt Road Brigade.", "LIST", "CL", "2019-03-15")
    reg.store_documents([rough])
    reg.store_documents([exact])
    assert _status(reg, "CL", "2019-12-31") == ("listed", "2019-03-15")
    review_event(reg, _event_id(reg, exact), "reject")
    assert _status(reg, "CL", "2019-12-31") == ("listed", "2019-03")
    (s,) = status(reg, GROUP.id, "2019-12-31", "CL").statuses
    assert s.fact is not None
    assert s.fact.source_count == 1
    assert [src.document_id for src in s.fact.sources] == [rough.id]


def test_correct_moves_event_to_another_jurisdiction(reg: Register) -> None:
    doc = _report("Peru delisted the Salt Road Brigade on 2 May 2022.", "DELIST", "PE", "2022-05-02")
    reg.store_documents([doc])
    result = review_event(reg, _event_id(reg, doc), "correct", {"jurisdiction": "PY"}, reviewer="ana")
    assert _status(reg, "PE", "2023") == ("none", None)
    assert _status(reg, "PY", "2023") == ("not listed", "2022-05-02")
    assert result.after is not None
    assert result.after["actor"]["jurisdiction"] == "PY"
    assert result.after["confidence"] == 1.0
    assert result.new_event_id not in {e.id for e in review_queue(reg, 500)}


def test_correct_into_an_existing_fact_merges(reg: Register) -> None:
    listed = _report("Ghana listed the Salt Road Brigade on 1 June 2015.", "LIST", "GH", "2015-06-01")
    proposal = _report(
        "Ghana may list the Salt Road Brigade in June 2015.", "LIST", "GH", "2015-06", "possible"
    )
    reg.store_documents([listed, proposal])
    result = review_event(reg, _event_id(reg, proposal), "correct", {"modality": "asserted"})
    assert (
        result.new_fact_id
        == reg.db.query("SELECT fact_id FROM events WHERE document_id = ?", (listed.id,))[0][0]
    )
    (s,) = status(reg, GROUP.id, "2016", "GH").statuses
    assert s.fact is not None
    assert s.fact.source_count == 2
    assert s.pending == ()


def test_reject_clears_a_contradiction(reg: Register) -> None:
    listed = _report("Kenya listed the Salt Road Brigade in May 2020.", "LIST", "KE", "2020-05")
    delisted = _report("Kenya delisted the Salt Road Brigade on 10 May 2020.", "DELIST", "KE", "2020-05-10")
    reg.store_documents([listed, delisted])
    (before,) = status(reg, GROUP.id, "2020-12-31", "KE").statuses
    assert before.contradicted
    review_event(reg, _event_id(reg, delisted), "reject")
    (after,) = status(reg, GROUP.id, "2020-12-31", "KE").statuses
    assert after.status == "listed"
    assert after.contradicted == ()


def test_accept_leaves_facts_and_queue(reg: Register) -> None:
    doc = _report("Fiji listed the Salt Road Brigade in 2018.", "LIST", "FJ", "2018")
    reg.store_documents([doc])
    event_id = _event_id(reg, doc)
    assert event_id in {e.id for e in review_queue(reg, 500)}
    review_event(reg, event_id, "accept", reviewer="ana")
    assert event_id not in {e.id for e in review_queue(reg, 500)}
    assert _status(reg, "FJ", "2019") == ("listed", "2018")


def test_second_decision_after_reject_conflicts(reg: Register) -> None:
    doc = _report("Oman listed the Salt Road Brigade in 2017.", "LIST", "OM", "2017")
    reg.store_documents([doc])
    event_id = _event_id(reg, doc)
    review_event(reg, event_id, "reject")
    with pytest.raises(ReviewConflictError):
        review_event(reg, event_id, "accept")


@pytest.mark.parametrize(
    ("decision", "changes"),
    [
        ("approve", None),  # not a decision
        ("reject", {"type": "LIST"}),  # changes only with correct
        ("correct", {}),  # nothing to correct
        ("correct", {"date": "2017-02-30"}),  # no such day
        ("correct", {"jurisdiction": None}),  # a state's event keeps a jurisdiction
        ("correct", {"target": ""}),
    ],
)
def test_invalid_decisions_change_nothing(
    reg: Register, decision: str, changes: dict[str, object] | None
) -> None:
    doc = _report("Laos listed the Salt Road Brigade in 2016.", "LIST", "LA", "2016")
    reg.store_documents([doc])
    with pytest.raises(InvalidReviewError):
        review_event(reg, _event_id(reg, doc), decision, changes)
    assert _status(reg, "LA", "2017") == ("listed", "2016")
    assert audit_entries(reg) == []


def test_unknown_event(reg: Register) -> None:
    with pytest.raises(UnknownEventError):
        review_event(reg, 10**9, "accept")
