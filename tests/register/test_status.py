"""Status as of a legal date, known on a record date; timelines and changes."""

from __future__ import annotations

import pytest
from register_helpers import GROUP, FakeClock, article, event

from fehrest.errors import FehrestError
from fehrest.register import Register, changes, status, timeline


def _by_jurisdiction(
    reg: Register, as_of: str, known_on: str | None = None
) -> dict[str, tuple[str, str | None, str | None]]:
    report = status(reg, GROUP.id, as_of=as_of, known_on=known_on)
    return {
        s.jurisdiction: (s.status, None if s.since is None else s.since.value, s.by) for s in report.statuses
    }


@pytest.fixture
def history(fresh_register: Register) -> Register:
    """A made-up group's history in three countries, reported by three papers."""
    fresh_register.store_documents(
        [
            article(
                "Paper A on the Northern Front.",
                event("LIST", "MN", "2008-11", authority="supreme court", key="a1"),
                event("SUSPEND", "MN", "2016-04-20", authority="constitutional court", key="a2"),
                event("LIST", "MN", "2017-01-09", authority="parliament", key="a3"),
            ),
            article(
                "Paper B on the Northern Front.",
                event("LIST", "UY", "2012-05-05", authority="government", key="b1"),
                event(
                    "DELIST", "UY", "2023-02-14", modality="possible", authority="foreign ministry", key="b2"
                ),
                event("DELIST", "UY", "2023-03-01", modality="denied", key="b3"),
            ),
            article(
                "Paper C on the Northern Front.",
                event("DELIST", "GH", "2020-08-18", modality="planned", authority="president", key="c1"),
            ),
        ]
    )
    return fresh_register


def test_status_latest_asserted_fact_decides(history: Register) -> None:
    assert _by_jurisdiction(history, "2010-06-30")["MN"] == ("listed", "2008-11", "supreme court")
    assert _by_jurisdiction(history, "2016-12-31")["MN"] == (
        "suspended",
        "2016-04-20",
        "constitutional court",
    )
    assert _by_jurisdiction(history, "2024-01-01")["MN"] == ("listed", "2017-01-09", "parliament")


def test_status_month_precision_counts_from_first_day(history: Register) -> None:
    # Listed "in November 2008": in force from 2008-11-01, not before.
    assert _by_jurisdiction(history, "2008-11-01")["MN"][0] == "listed"
    assert "MN" not in _by_jurisdiction(history, "2008-10-31")


def test_status_pending_and_denied_do_not_change_status(history: Register) -> None:
    report = status(history, GROUP.id, as_of="2023-12-31", jurisdiction="uy")
    (uy,) = report.statuses
    assert uy.status == "listed"
    assert [f.date.value for f in uy.pending if f.date] == ["2023-02-14"]
    assert [f.modality for f in uy.denied] == ["denied"]


def test_status_proposal_alone_is_unknown_with_pending(history: Register) -> None:
    (gh,) = status(history, GROUP.id, as_of="2021-01-01", jurisdiction="GH").statuses
    assert gh.status == "unknown"
    assert [(f.modality, f.authority) for f in gh.pending] == [("planned", "president")]


def test_status_proposals_before_last_assertion_are_not_pending(fresh_register: Register) -> None:
    fresh_register.store_documents(
        [
            article(
                "Sequence.",
                event("DELIST", "KE", "2019-03-03", modality="possible", key="k1"),
                event("DELIST", "KE", "2019-09-09", key="k2"),
            )
        ]
    )
    (ke,) = status(fresh_register, GROUP.id, as_of="2020-01-01").statuses
    assert (ke.status, ke.pending) == ("not listed", ())


def test_status_found_by_alias_in_any_case(history: Register) -> None:
    history.add_group(GROUP.id, GROUP.name, GROUP.wikidata, aliases=["جبهه شمالی"])
    assert status(history, "northern FRONT", as_of="2024-01-01").group.id == GROUP.id
    assert status(history, "جبهه شمالی", as_of="2024-01-01").group.id == GROUP.id


def test_status_unknown_group_is_a_clear_error(history: Register) -> None:
    with pytest.raises(FehrestError, match="no group called"):
        status(history, "Nobody At All")


def test_status_known_on_answers_from_what_was_held(fresh_register: Register, clock: FakeClock) -> None:
    clock.set("2024-01-15")
    fresh_register.store_documents([article("Early.", event("LIST", "AR", "2019"))])
    clock.set("2024-03-20")
    fresh_register.store_documents([article("Finer.", event("LIST", "AR", "2019-06-12", authority="court"))])
    clock.set("2024-05-02")
    fresh_register.store_documents(
        [article("Later.", event("DELIST", "AR", "2024-02-01", authority="court"))]
    )
    now = _by_jurisdiction(fresh_register, "2024-04-01")
    assert now["AR"] == ("not listed", "2024-02-01", "court")
    # An auditor asks: what did the register say on 2024-03-01 about 2024-04-01?
    then = _by_jurisdiction(fresh_register, "2024-04-01", known_on="2024-03-01")
    assert then["AR"] == ("listed", "2019", None)
    assert _by_jurisdiction(fresh_register, "2024-04-01", known_on="2024-03-20")["AR"] == (
        "listed",
        "2019-06-12",
        "court",
    )
    assert _by_jurisdiction(fresh_register, "2024-04-01", known_on="2024-01-01") == {}


def test_timeline_lists_every_fact_in_legal_order(history: Register) -> None:
    _, facts = timeline(history, GROUP.id, jurisdiction="MN")
    assert [(f.type, f.date.value if f.date else None) for f in facts] == [
        ("LIST", "2008-11"),
        ("SUSPEND", "2016-04-20"),
        ("LIST", "2017-01-09"),
    ]


def test_timeline_keeps_reactions_and_recognitions(fresh_register: Register) -> None:
    fresh_register.store_documents(
        [
            article(
                "Reactions.",
                event("REACT", "FR", "2022-02-02"),
                event("RECOGNIZE", "FR", "2022-02-03", key="r"),
            )
        ]
    )
    _, facts = timeline(fresh_register, GROUP.id)
    assert [f.type for f in facts] == ["REACT", "RECOGNIZE"]
    assert status(fresh_register, GROUP.id, as_of="2023-01-01").statuses == ()


def test_changes_by_legal_and_record_time(history: Register, clock: FakeClock) -> None:
    assert [f.date.value for f in changes(history, "2020") if f.date] == [
        "2020-08-18",
        "2023-02-14",
        "2023-03-01",
    ]
    assert [f.type for f in changes(history, "2016-01-01", until="2016-12-31")] == ["SUSPEND"]
    clock.set("2025-01-01")
    history.store_documents([article("Much later.", event("DELIST", "MN", "2024-11-11"))])
    recorded = changes(history, "2025-01-01", recorded=True)
    assert [(f.jurisdiction, f.type) for f in recorded] == [("MN", "DELIST")]


def test_status_shows_first_sources_and_counts_all(fresh_register: Register) -> None:
    for n in range(5):
        doc = article(f"Paper number {n}.", event("LIST", "PL", "2014-03-03"), url=f"https://p.example/{n}")
        fresh_register.store_documents([doc])
    (pl,) = status(fresh_register, GROUP.id, as_of="2015-01-01").statuses
    assert pl.fact is not None
    assert (len(pl.fact.sources), pl.fact.source_count) == (3, 5)
    (everything,) = status(fresh_register, GROUP.id, as_of="2015-01-01", sources=None).statuses
    assert everything.fact is not None
    assert [s.source for s in everything.fact.sources] == [
        f"Paper number {n}.txt"[:12] + ".txt" for n in range(5)
    ]
    # A fact stored before sources were kept on its row reads them from its events.
    fresh_register.db.execute("UPDATE facts SET sources_head = NULL")
    (legacy,) = status(fresh_register, GROUP.id, as_of="2015-01-01").statuses
    assert legacy.fact is not None
    assert [s.url for s in legacy.fact.sources] == [f"https://p.example/{n}" for n in range(3)]
