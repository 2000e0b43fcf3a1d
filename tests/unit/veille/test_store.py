"""The store helpers hold on both backends: idempotent DDL and insert-or-ignore."""

from __future__ import annotations

import sqlalchemy as sa

from veille.store import ensure_tables, insert_ignore, metadata

probe = sa.Table(
    "store_probe",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
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
