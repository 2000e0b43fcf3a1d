"""The alerts worker's tables in the SQL store (SQLAlchemy Core, SQLite and PostgreSQL).

- ``alert_detections``: every detection handled, once per article id (replays are skipped), with
  its payload so ``veille rules backtest`` can replay it through other rules;
- ``alert_observations``: one row per (rule, group, article) that matched: what rules count;
- ``alert_denials``: one row per (rule, lineage, article) that denies an event of the lineage;
- ``alert_groups`` / ``alert_lineages``: one row per group (how many alerts it fired, for
  deterministic ids) and per lineage (the group at any stage): the row locked while a group is judged;
- ``alerts``: fired alerts, latest state; ``alert_notices``: every notice (new, update, retraction);
- ``alert_deliveries``: the outbox, one row per (notice, receiver); ``alert_receiver_slots``: the
  per-receiver rate limit shared by replicas;
- ``alert_silences``.

Times are stored in UTC and read back as aware UTC datetimes on both backends (``UtcDateTime``).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from veille.store import UtcDateTime, metadata


def _key(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.String(128), primary_key=True)


detections = sa.Table(
    "alert_detections",
    metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("observed_at", UtcDateTime, nullable=False, index=True),
    sa.Column("payload", sa.Text, nullable=False),
)

observations = sa.Table(
    "alert_observations",
    metadata,
    _key("rule"),
    sa.Column("group_key", sa.Text, primary_key=True),
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("fingerprint", sa.String(16)),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("reported_at", UtcDateTime, nullable=False),
    sa.Column("lang", sa.String(16)),
    sa.Column("evidence", sa.Text),
    sa.Column("object", sa.Text),
    sa.Column("observed_at", UtcDateTime, doc="when the engine first saw the report (freshness)"),
    sa.Column("from_id", sa.String(128), doc="directed events: the watched id the event goes from"),
    sa.Column("to_id", sa.String(128), doc="directed events: the watched id the event goes to"),
    sa.Column("claimed_by", sa.String(128), doc="the entity the report attributes the claim to"),
    sa.Index("ix_alert_observations_group_time", "rule", "group_key", "reported_at"),
)

denials = sa.Table(
    "alert_denials",
    metadata,
    _key("rule"),
    sa.Column("lineage_key", sa.Text, primary_key=True),
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("stage", sa.String(32), doc="the stage denied; NULL: the event as a whole"),
    sa.Column("object", sa.Text, nullable=False, default=""),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("fingerprint", sa.String(16)),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("lang", sa.String(16)),
    sa.Column("evidence", sa.Text, nullable=False, default=""),
    sa.Column("reported_at", UtcDateTime, nullable=False),
    sa.Column("observed_at", UtcDateTime, nullable=False),
)

lineages = sa.Table(
    "alert_lineages",
    metadata,
    _key("rule"),
    sa.Column("lineage_key", sa.Text, primary_key=True),
)

groups = sa.Table(
    "alert_groups",
    metadata,
    _key("rule"),
    sa.Column("group_key", sa.Text, primary_key=True),
    sa.Column("lineage_key", sa.Text, nullable=False),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("actors", sa.Text, nullable=False, doc="JSON list"),
    sa.Column("stage", sa.String(32)),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("last_seen", UtcDateTime, nullable=False),
    sa.Column("fired_count", sa.Integer, nullable=False, default=0),
)

alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("alert_id", sa.String(256), primary_key=True),
    sa.Column("rule", sa.String(128), nullable=False),
    sa.Column("group_key", sa.Text, nullable=False),
    sa.Column("lineage_key", sa.Text, nullable=False),
    sa.Column("stage", sa.String(32)),
    sa.Column("status", sa.String(16), nullable=False, doc="active | silenced | inhibited"),
    sa.Column("retracted", sa.Boolean, nullable=False, default=False),
    sa.Column("revision", sa.Integer, nullable=False, default=0),
    sa.Column("fired_at", UtcDateTime, nullable=False, index=True),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("previous_alert_id", sa.String(256)),
    sa.Column("payload", sa.Text, nullable=False, doc="the Alert of the latest notice, JSON"),
    sa.Index("ix_alerts_rule_lineage", "rule", "lineage_key", "fired_at"),
)

notices = sa.Table(
    "alert_notices",
    metadata,
    sa.Column("alert_id", sa.String(256), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

deliveries = sa.Table(
    "alert_deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("alert_id", sa.String(256), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("receiver", sa.String(128), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, doc="pending | sending | sent | failed"),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("next_attempt_at", UtcDateTime, nullable=False),
    sa.Column("lease_until", UtcDateTime),
    sa.Column("last_error", sa.Text),
    sa.Column("ref", sa.Text, doc="the receiver's Delivered.ref, for threading later notices"),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("sent_at", UtcDateTime),
    sa.Column("published_at", UtcDateTime, doc="when the article behind the notice was published"),
    sa.UniqueConstraint("alert_id", "revision", "receiver"),
    sa.Index("ix_alert_deliveries_due", "status", "next_attempt_at"),
)

receiver_slots = sa.Table(
    "alert_receiver_slots",
    metadata,
    sa.Column("receiver", sa.String(128), primary_key=True),
    sa.Column("next_slot", UtcDateTime, nullable=False),
)

silences = sa.Table(
    "alert_silences",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("rule", sa.String(128)),
    sa.Column("matchers", sa.Text, nullable=False, doc="JSON object field -> value"),
    sa.Column("starts_at", UtcDateTime, nullable=False),
    sa.Column("ends_at", UtcDateTime, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("expired_at", UtcDateTime),
)

ADDED_COLUMNS: dict[sa.Table, tuple[str, ...]] = {
    observations: ("lang", "evidence", "object", "observed_at", "from_id", "to_id", "claimed_by")
}
"""Nullable columns added after a table first shipped: ``upgrade`` adds them to an older store."""


def upgrade(engine: sa.Engine) -> None:
    """Add ``ADDED_COLUMNS`` missing from tables an older veille created (safe when replicas start together)."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": UPGRADE_LOCK_ID})
        inspector = sa.inspect(conn)
        for table, names in ADDED_COLUMNS.items():
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for name in (n for n in names if n not in present):
                kind = table.c[name].type.compile(dialect=conn.dialect)
                conn.execute(sa.text(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {kind}'))


UPGRADE_LOCK_ID = 0x7665696C6C6502
"""PostgreSQL advisory lock held while ``upgrade`` alters tables."""

TABLES: tuple[sa.Table, ...] = (
    detections,
    observations,
    denials,
    lineages,
    groups,
    alerts,
    notices,
    deliveries,
    receiver_slots,
    silences,
)
"""Every table of the alerts worker, for ``veille.store.ensure_tables``."""
