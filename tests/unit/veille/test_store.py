"""The store helpers hold on both backends: idempotent DDL, insert-or-ignore, upsert; PostgreSQL reconnects."""

from __future__ import annotations

import time

import sqlalchemy as sa

from veille.store import create_engine, ensure_tables, insert_ignore, inserted_keys, metadata, upsert

probe = sa.Table(
    "store_probe",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
)

probe_pair = sa.Table(
    "store_probe_pair",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
    sa.Column("note", sa.String(16), nullable=False),
)


def test_ensure_tables_is_idempotent(store_engine):
    ensure_tables(store_engine, [probe])
    ensure_tables(store_engine, [probe])
    assert sa.inspect(store_engine).has_table("store_probe")


def test_insert_ignore_keeps_the_first_row_and_counts_only_new_ones(store_engine):
    ensure_tables(store_engine, [probe])
    with store_engine.begin() as conn:
        assert insert_ignore(conn, probe, [{"key": "a", "value": 1}, {"key": "b", "value": 2}], ["key"]) == 2
    with store_engine.begin() as conn:
        assert insert_ignore(conn, probe, [{"key": "a", "value": 9}, {"key": "c", "value": 3}], ["key"]) == 1
    with store_engine.connect() as conn:
        rows = dict(conn.execute(sa.select(probe.c.key, probe.c.value)).all())
    assert rows == {"a": 1, "b": 2, "c": 3}


def test_inserted_keys_names_only_the_rows_that_went_in(store_engine):
    ensure_tables(store_engine, [probe])
    with store_engine.begin() as conn:
        insert_ignore(conn, probe, [{"key": "a", "value": 1}], ["key"])
        rows = [{"key": "a", "value": 9}, {"key": "b", "value": 2}, {"key": "c", "value": 3}]
        assert inserted_keys(conn, probe, rows, ["key"]) == {("b",), ("c",)}


def test_upsert_adds_missing_rows_and_updates_only_the_named_columns_of_existing_ones(store_engine):
    ensure_tables(store_engine, [probe_pair])
    with store_engine.begin() as conn:
        insert_ignore(conn, probe_pair, [{"key": "a", "value": 1, "note": "kept"}], ["key"])
        upsert(
            conn,
            probe_pair,
            [{"key": "a", "value": 5, "note": "x"}, {"key": "b", "value": 2, "note": "y"}],
            ["key"],
            ["value"],
        )
    with store_engine.connect() as conn:
        rows = {r.key: (r.value, r.note) for r in conn.execute(sa.select(probe_pair)).all()}
    assert rows == {"a": (5, "kept"), "b": (2, "y")}


def _backend_pid(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one())


def test_a_pooled_connection_the_server_terminated_is_replaced_at_checkout_without_an_error(pg_url, pg_admin):
    engine = create_engine(pg_url)
    try:
        first = _backend_pid(engine)
        with pg_admin.connect() as admin:
            admin.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
            for _ in range(100):  # the backend ends asynchronously
                gone = admin.execute(sa.text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"), {"pid": first})
                if gone.scalar_one() == 0:
                    break
                time.sleep(0.05)
        assert _backend_pid(engine) != first
    finally:
        engine.dispose()


def test_a_live_pooled_connection_is_reused_without_a_ping_round_trip(pg_url):
    engine = create_engine(pg_url)
    pings: list[object] = []
    real = engine.dialect.do_ping
    engine.dialect.do_ping = lambda dbapi_conn: bool(pings.append(dbapi_conn)) or real(dbapi_conn)  # type: ignore[method-assign]
    try:
        assert _backend_pid(engine) == _backend_pid(engine)
        assert pings == []
    finally:
        engine.dispose()
