"""Writes for batch jobs that may run again: a failure is recorded once, however often it recurs."""

from __future__ import annotations

from fehrest.register.store import Register


def record_failure_once(reg: Register, source: str, problem: str, line: int | None = None) -> bool:
    """Record a failed input unless the same source, line and problem are already recorded.

    A backfill that is run again (after a crash, or to be sure) meets the same
    bad records; the register should say once that they are bad. Returns
    whether a row was added. The check and the insert share one write
    transaction (PostgreSQL's advisory lock, SQLite's write lock), so two
    writers cannot both add it.
    """
    with reg.db.transaction():
        known = reg.db.query(
            "SELECT 1 FROM failures WHERE source = ? AND problem = ? AND COALESCE(line, -1) = ?",
            (source, problem, -1 if line is None else line),
        )
        if known:
            return False
        reg.db.execute(
            "INSERT INTO failures (source, line, problem, recorded_at) VALUES (?, ?, ?, ?)",
            (source, line, problem, reg.clock()),
        )
    return True
