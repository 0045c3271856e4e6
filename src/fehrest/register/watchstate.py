"""What ``fehrest watch`` remembers between polls and restarts, kept in the register itself.

Three tables, created on first use (``CREATE TABLE IF NOT EXISTS``, same SQL
on SQLite and PostgreSQL) so that watching needs no migration of its own:

- ``watch_seen``: feed entries and pages already read (source, key, fingerprint);
- ``watch_status``: the last status reported per group × jurisdiction;
- ``watch_changes``: an outbox of status changes, unique by a change key, with
  the time each was reported — a change is written in the same transaction as
  the documents that caused it and delivered after, so a crash in between
  delivers it on restart, and nothing is ever reported twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from fehrest.register.store import Register, chunked

_TABLES = (
    """CREATE TABLE IF NOT EXISTS watch_seen (
        source TEXT NOT NULL,
        entry_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (source, entry_key)
    )""",
    """CREATE TABLE IF NOT EXISTS watch_status (
        target_id TEXT NOT NULL,
        jurisdiction TEXT NOT NULL,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (target_id, jurisdiction)
    )""",
    """CREATE TABLE IF NOT EXISTS watch_changes (
        change_key TEXT PRIMARY KEY,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        reported_at TEXT
    )""",
)


class WatchState:
    """Seen entries, last reported statuses and the change outbox of one register."""

    def __init__(self, reg: Register) -> None:
        self.reg = reg
        with reg.db.transaction():
            for statement in _TABLES:
                reg.db.execute(statement)

    def is_seen(self, source: str, key: str, fingerprint: str) -> bool:
        """True when this entry was read before with the same content."""
        rows = self.reg.db.query(
            "SELECT fingerprint FROM watch_seen WHERE source = ? AND entry_key = ?", (source, key)
        )
        return bool(rows) and rows[0][0] == fingerprint

    def mark_seen(self, entries: Iterable[tuple[str, str, str]]) -> None:
        """Remember entries ``(source, key, fingerprint)`` as read."""
        now = self.reg.clock()
        self.reg.db.executemany(
            "INSERT INTO watch_seen (source, entry_key, fingerprint, seen_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (source, entry_key) DO UPDATE SET fingerprint = excluded.fingerprint, "
            "seen_at = excluded.seen_at",
            [(s, k, f, now) for s, k, f in entries],
        )

    def last_status(self, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        """The last reported state of each ``(target_id, jurisdiction)`` that has one."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        targets = sorted({t for t, _ in pairs})
        for part in chunked(targets):
            marks = ",".join("?" * len(part))
            for target, jurisdiction, state in self.reg.db.query(
                f"SELECT target_id, jurisdiction, state FROM watch_status WHERE target_id IN ({marks})", part
            ):
                if (target, jurisdiction) in pairs:
                    out[(target, jurisdiction)] = json.loads(state)
        return out

    def save_status(self, states: dict[tuple[str, str], dict[str, Any]]) -> None:
        now = self.reg.clock()
        self.reg.db.executemany(
            "INSERT INTO watch_status (target_id, jurisdiction, state, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (target_id, jurisdiction) DO UPDATE SET state = excluded.state, "
            "updated_at = excluded.updated_at",
            [(t, j, json.dumps(s, ensure_ascii=False, sort_keys=True), now) for (t, j), s in states.items()],
        )

    def add_changes(self, changes: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Put changes ``(key, payload)`` in the outbox; a key already there is ignored."""
        now = self.reg.clock()
        self.reg.db.executemany(
            "INSERT INTO watch_changes (change_key, payload, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (change_key) DO NOTHING",
            [(k, json.dumps(p, ensure_ascii=False), now) for k, p in changes],
        )

    def unreported(self) -> list[tuple[str, dict[str, Any]]]:
        """Changes not yet delivered, oldest first."""
        rows = self.reg.db.query(
            "SELECT change_key, payload FROM watch_changes WHERE reported_at IS NULL "
            "ORDER BY created_at, change_key"
        )
        return [(r[0], json.loads(r[1])) for r in rows]

    def mark_reported(self, keys: Sequence[str]) -> None:
        now = self.reg.clock()
        with self.reg.db.transaction():
            self.reg.db.executemany(
                "UPDATE watch_changes SET reported_at = ? WHERE change_key = ?", [(now, k) for k in keys]
            )
