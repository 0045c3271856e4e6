"""One small seam over the two databases the register runs on.

We talk to SQLite through the standard library and to PostgreSQL through
psycopg 3 rather than through SQLAlchemy: the register needs a dozen SQL
statements, all written in the dialect both servers share (``ON CONFLICT``,
``RETURNING``, window functions), and bulk ``executemany`` without an ORM
layer is what keeps ingestion above 20,000 events a second. SQL is written
with ``?`` placeholders; the PostgreSQL side rewrites them to ``%s``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from fehrest.errors import FehrestError

Row = tuple[Any, ...]
Params = Sequence[Any]


class Backend(Protocol):
    """What the register needs from a database: statements and transactions."""

    dialect: str
    url: str

    def any_of(self, column: str, values: Sequence[Any], sqltype: str = "text") -> tuple[str, list[Any]]:
        """A condition "column is one of values" (of an SQL type) and its parameters."""

    def execute(self, sql: str, params: Params = ()) -> None:
        """Run one statement."""

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each row of parameters."""

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a query and return every row."""

    def insert_returning_id(self, sql: str, params: Params = ()) -> int:
        """Run an ``INSERT ... RETURNING id`` and return the id."""

    def allocate_ids(self, table: str, count: int) -> list[int]:
        """Reserve ``count`` new ids of a table, inside the write transaction."""

    def transaction(self) -> Any:
        """A context manager: commit on success, roll back on error."""

    def in_transaction(self) -> bool:
        """Whether a transaction opened by :meth:`transaction` is under way."""

    def change_mark(self) -> object | None:
        """A value that changes whenever anyone writes to the database (None: cannot tell)."""

    def close(self) -> None:
        """Close the connection."""


class _Nesting:
    """Transactions that nest: only the outermost one commits or rolls back."""

    _depth = 0

    def _outer_transaction(self) -> Any:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit on success, roll back on error; inner calls join the open transaction."""
        if self._depth:
            yield
            return
        self._depth = 1
        try:
            with self._outer_transaction():
                yield
        finally:
            self._depth = 0

    def in_transaction(self) -> bool:
        return bool(self._depth)

    def change_mark(self) -> object | None:
        return None


class SqliteBackend(_Nesting):
    """SQLite in one file, in WAL mode so readers never wait for the writer."""

    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.url = str(path)
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE).
            self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            raise FehrestError(f"{path}: cannot open the register: {exc}") from None
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=30000")
        self.conn.execute("PRAGMA cache_size=-65536")
        # Pages beyond the cache are read through the OS's page cache without a
        # read() call each: merging and status touch scattered rows of big tables.
        self.conn.execute("PRAGMA mmap_size=1073741824")
        # Checkpoint every 160 MB of log rather than 4: a batch rewrites scattered
        # pages of the facts, and pages rewritten by the next batches too are
        # copied back once, not once per batch. The log is cut back after.
        self.conn.execute("PRAGMA wal_autocheckpoint=40000")
        self.conn.execute("PRAGMA journal_size_limit=67108864")

    def any_of(self, column: str, values: Sequence[Any], sqltype: str = "text") -> tuple[str, list[Any]]:
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def execute(self, sql: str, params: Params = ()) -> None:
        self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        return self.conn.execute(sql, params).fetchall()

    def insert_returning_id(self, sql: str, params: Params = ()) -> int:
        return int(self.conn.execute(sql, params).fetchone()[0])

    def change_mark(self) -> object | None:
        # data_version moves when another connection commits; total_changes
        # counts this connection's own writes (including rolled-back ones).
        return (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)

    def allocate_ids(self, table: str, count: int) -> list[int]:
        # BEGIN IMMEDIATE holds the write lock, so nobody else can take these ids.
        top = self.conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
        return list(range(int(top) + 1, int(top) + 1 + count))

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


_PLACEHOLDER = re.compile(r"\?")


def _pg_sql(sql: str) -> str:
    # Our SQL never holds a literal "?" or "%", so a plain rewrite is safe.
    return _PLACEHOLDER.sub("%s", sql)


class PostgresBackend(_Nesting):
    """PostgreSQL through psycopg 3; the same schema and SQL as SQLite."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "cannot connect"
            raise FehrestError(f"{_redact(url)}: cannot open the register: {first}") from None

    def any_of(self, column: str, values: Sequence[Any], sqltype: str = "text") -> tuple[str, list[Any]]:
        # One array parameter, joined as a set: "= ANY(array)" in a generic
        # plan compares every row with every element (quadratic on big batches).
        return f"{column} IN (SELECT unnest(?::{sqltype}[]))", [list(values)]

    def execute(self, sql: str, params: Params = ()) -> None:
        self.conn.execute(_pg_sql(sql), params)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(_pg_sql(sql), rows)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        with self.conn.cursor() as cur:
            cur.execute(_pg_sql(sql), params)
            return list(cur.fetchall())

    def insert_returning_id(self, sql: str, params: Params = ()) -> int:
        rows = self.query(sql, params)
        return int(rows[0][0])

    def allocate_ids(self, table: str, count: int) -> list[int]:
        rows = self.query(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, ?)", (count,)
        )
        return [int(r[0]) for r in rows]

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            # One writer at a time, as on SQLite: fact merging reads then writes.
            self.conn.execute("SELECT pg_advisory_xact_lock(7315)")
            yield

    def close(self) -> None:
        self.conn.close()


def _redact(url: str) -> str:
    """Hide a password in a connection URL before printing it."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def open_backend(target: str | Path) -> SqliteBackend | PostgresBackend:
    """Open SQLite for a path, PostgreSQL for a ``postgresql://`` URL."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    return SqliteBackend(text)
