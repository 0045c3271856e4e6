"""Versioned migrations: a newer Fehrest opens an older register."""

from __future__ import annotations

import json
from typing import Any

import pytest
from register_helpers import GROUP, FakeClock, article, event

from fehrest.errors import FehrestError
from fehrest.model import DateValue
from fehrest.register import Register, status, timeline
from fehrest.register.backend import open_backend
from fehrest.register.migrations import LATEST_VERSION, MIGRATIONS, migrate


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_migrations_open_an_older_register_and_keep_its_data(register_url: str, clock: FakeClock) -> None:
    db = open_backend(register_url)
    assert migrate(db, clock(), upto=1) == [1]
    # Write as a version-1 Fehrest would have: no programme column yet.
    db.execute("INSERT INTO groups (id, name) VALUES (?, ?)", (GROUP.id, GROUP.name))
    db.close()
    with Register.open(register_url, clock=clock) as reg:
        versions = [r[0] for r in reg.db.query("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == list(range(1, LATEST_VERSION + 1))
        reg.store_documents([article("After upgrade.", event("LIST", "EE", "2020-05-05"))])
        assert len(timeline(reg, GROUP.name)[1]) == 1


def test_migrations_reopening_runs_nothing(register_url: str, clock: FakeClock) -> None:
    Register.open(register_url, clock=clock).close()
    db = open_backend(register_url)
    assert migrate(db, clock()) == []
    db.close()


def test_migrations_refuse_a_newer_register(register_url: str, clock: FakeClock) -> None:
    Register.open(register_url, clock=clock).close()
    db = open_backend(register_url)
    db.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", (99, "future", "x")
    )
    db.close()
    with pytest.raises(FehrestError, match="newer than this Fehrest"):
        Register.open(register_url, clock=clock)


def test_migrations_upgrade_keeps_sources_an_older_register_wrote(
    register_url: str, clock: FakeClock
) -> None:
    # A version-4 register: its fact row keeps its first source as a JSON object.
    db = open_backend(register_url)
    assert migrate(db, clock(), upto=4) == [1, 2, 3, 4]
    at = "2024-06-01T09:00:00.000001Z"
    head: dict[str, Any] = {
        "document_id": "d0c0",
        "source": "old.txt",
        "url": "https://old.example/1",
        "reported_at": "2024-05-31",
        "ingested_at": at,
        "evidence": ["The ministry listed the front."],
        "modality": "asserted",
        "date": "2020-05-05",
        "date_text": "5 May 2020",
        "date_from_published": False,
        "authority": "government",
        "agent": None,
        "rule": "en.list.test",
        "confidence": 0.75,
    }
    db.execute("INSERT INTO groups (id, name) VALUES (?, ?)", (GROUP.id, GROUP.name))
    db.execute(
        "INSERT INTO documents (id, content_hash, source, url, published, ingested_at, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        ("d0c0", "hash-d0c0", "old.txt", "https://old.example/1", "2024-05-31", at, "old text"),
    )
    db.execute(
        "INSERT INTO facts (id, fact_key, type, modality, modality_class, jurisdiction, target_id, "
        "date_value, date_precision, date_start, date_end, authority, source_count, first_ingested_at, "
        "last_ingested_at, sources_head) VALUES (1, ?, 'LIST', 'asserted', 'asserted', 'EE', ?, "
        "'2020-05-05', 'day', '2020-05-05', '2020-05-05', 'government', 1, ?, ?, ?)",
        (f"LIST|EE||{GROUP.id}|asserted", GROUP.id, at, at, json.dumps([head])),
    )
    db.execute(
        "INSERT INTO events (document_id, fact_id, event_key, type, modality, jurisdiction, authority, "
        "target_id, target_name, date_value, date_precision, date_text, confidence, rule, evidence, "
        "reported_at, ingested_at) VALUES ('d0c0', 1, 'e1', 'LIST', 'asserted', 'EE', 'government', ?, ?, "
        "'2020-05-05', 'day', '5 May 2020', 0.75, 'en.list.test', ?, '2024-05-31', ?)",
        (GROUP.id, GROUP.name, json.dumps([{"text": head["evidence"][0], "start": 0, "end": 30}]), at),
    )
    db.close()
    with Register.open(register_url, clock=clock) as reg:
        reg.store_documents([article("A newer report.", event("LIST", "EE", "2020-05-05"))])
        (ee,) = status(reg, GROUP.id, as_of="2021-01-01").statuses
        _, (fact,) = timeline(reg, GROUP.id)
    assert ee.fact is not None
    assert (ee.fact.source_count, ee.fact.authority) == (2, "government")
    # The old object and the new array read alike, and as the events say.
    assert list(ee.fact.sources) == list(fact.sources)
    assert [s.source for s in ee.fact.sources] == ["old.txt", "A newer repo.txt"]
    assert ee.fact.sources[0].date == DateValue("2020-05-05", "day", "5 May 2020")
