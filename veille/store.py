"""The SQL state store: one SQLAlchemy Core ``metadata``, engines for SQLite and PostgreSQL.

Each worker defines the tables it owns in its own module (``ingest/state.py``, ``alerts/state.py``)
on the shared ``metadata`` and calls ``ensure_tables`` at start-up. Uniqueness constraints, not
application checks, make "seen once" and "fired once" hold across restarts and replicas;
``insert_ignore`` is the one cross-dialect way to lean on them.
"""

from __future__ import annotations

import logging
import select
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from veille.errors import ConfigError

log = logging.getLogger(__name__)

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UtcDateTime(sa.types.TypeDecorator[datetime]):
    """A timestamp kept in UTC: aware in, aware out (SQLite stores it naive, PostgreSQL as timestamptz)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        """Normalise to UTC; SQLite gets the naive UTC value so that text comparisons order correctly."""
        if value is None:
            return None
        value = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        """Return an aware UTC datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Serialises DDL between replicas that start at the same moment (PostgreSQL only).
_DDL_LOCK_ID = 0x7665696C6C65  # "veille"


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url`` with house settings.

    SQLite: the parent folder is created, WAL journal, a 30 s busy timeout, and ``BEGIN IMMEDIATE``
    for every transaction so that concurrent writers queue instead of failing on upgrade.
    PostgreSQL: a pooled connection the server closed (restart, ``pg_terminate_backend``) is
    replaced at checkout (``_closed_by_server``), so a restarted server costs no failed statement;
    unlike ``pool_pre_ping`` this costs no round trip per checkout.
    """
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" hook below emits BEGIN itself
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _sqlite_begin(conn: sa.Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    if backend == "postgresql":
        engine = sa.create_engine(url, pool_size=5, max_overflow=5)
        sa.event.listen(engine, "checkout", _replace_if_closed)
        return engine
    raise ConfigError([f"store.url: unsupported database {backend!r} (use sqlite:/// or postgresql+psycopg://)"])


def _closed_by_server(dbapi_conn: Any) -> bool:
    """Whether the server closed this idle psycopg connection (it said goodbye or hung up), without a round trip.

    An idle connection has nothing to read; a socket that is readable, or gone, means the server
    ended the session (a terminated backend sends its FATAL error, then closes).
    """
    if dbapi_conn.closed or dbapi_conn.broken:
        return True
    try:
        readable, _, _ = select.select([dbapi_conn.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _replace_if_closed(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
    """Pool checkout hook: a connection the server closed is discarded and the checkout retried with a new one."""
    if _closed_by_server(dbapi_conn):
        log.info("database connection closed by the server; reconnecting")
        raise sa.exc.DisconnectionError("connection closed by the server")


def outage(exc: sa.exc.DBAPIError) -> str | None:
    """One line saying the database is down, busy or gone (``exc`` is then retried, not dead-lettered), or
    None when ``exc`` is no outage (a bug or a constraint: it must surface)."""
    if isinstance(exc, sa.exc.OperationalError):
        return f"database unavailable: {str(exc.orig).strip().splitlines()[0]}"
    if exc.connection_invalidated:
        return "database connection lost"
    return None


def ensure_tables(engine: sa.Engine, tables: Sequence[sa.Table]) -> None:
    """Create ``tables`` (and their indexes) if missing; safe when replicas start together."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _DDL_LOCK_ID})
        metadata.create_all(conn, tables=list(tables), checkfirst=True)


def _insert(conn: sa.Connection, table: sa.Table) -> postgresql.Insert | sqlite.Insert:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise ConfigError([f"store.url: unsupported database {conn.dialect.name!r}"])  # pragma: no cover


def inserted_keys(
    conn: sa.Connection, table: sa.Table, rows: Iterable[Mapping[str, Any]], conflict: Sequence[str]
) -> set[tuple[Any, ...]]:
    """Insert ``rows`` in one statement, skipping those that violate the unique key ``conflict``.

    Returns the primary keys (tuples) of the rows that went in.
    """
    rows = list(rows)
    if not rows:
        return set()
    stmt = _insert(conn, table).on_conflict_do_nothing(index_elements=list(conflict))
    # RETURNING tells what went in on both dialects (rowcount is -1 for batched statements).
    stmt = stmt.returning(*table.primary_key.columns)
    return {tuple(row) for row in conn.execute(stmt, [dict(row) for row in rows]).all()}


def insert_ignore(
    conn: sa.Connection, table: sa.Table, rows: Iterable[Mapping[str, Any]], conflict: Sequence[str]
) -> int:
    """Insert ``rows``, skipping those that violate the unique key ``conflict``; return how many went in."""
    return len(inserted_keys(conn, table, rows, conflict))


def upsert(
    conn: sa.Connection,
    table: sa.Table,
    rows: Sequence[Mapping[str, Any]],
    conflict: Sequence[str],
    update: Sequence[str],
) -> list[sa.Row[Any]]:
    """Insert ``rows`` in one statement; a row whose key ``conflict`` exists gets its ``update`` columns from it.

    Returns every row as it now stands (any order). On PostgreSQL the existing rows are locked
    until the transaction ends, in the order of ``rows``.
    """
    if not rows:
        return []
    stmt = _insert(conn, table)
    stmt = stmt.on_conflict_do_update(index_elements=list(conflict), set_={c: stmt.excluded[c] for c in update})
    return list(conn.execute(stmt.returning(*table.columns), [dict(row) for row in rows]).all())


def backend_name(engine: sa.Engine) -> str:
    """``sqlite`` or ``postgresql``: for metrics labels and log lines (never the URL: it may hold a password)."""
    return engine.dialect.name
