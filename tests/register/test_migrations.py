"""Versioned migrations: a newer Fehrest opens an older register."""

from __future__ import annotations

import pytest
from register_helpers import GROUP, FakeClock, article, event

from fehrest.errors import FehrestError
from fehrest.register import Register, timeline
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
