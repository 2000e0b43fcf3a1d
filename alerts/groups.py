"""The SQL side of groups and lineages: the lock, the reports, and the alerts around a group.

A *group* is one combination of a rule's ``group_by`` values (e.g. agreement, PRK+RUS, signed);
its *lineage* is the same combination at any stage. The engine takes the lineage lock before it
reads or writes anything of a group, so every function here runs under it, in the caller's
transaction. Stage order is ``veille.contracts.STAGES``.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa

from alerts.rules import GroupKey, Report
from alerts.rules.base import stage_rank
from alerts.state import alerts, groups, lineages, observations
from veille.contracts import STAGES
from veille.store import insert_ignore


def lock(conn: sa.Connection, rule: str, lineage: str) -> None:
    """Hold the lineage's row until the transaction ends (PostgreSQL; SQLite holds the whole database)."""
    insert_ignore(conn, lineages, [{"rule": rule, "lineage_key": lineage}], ["rule", "lineage_key"])
    conn.execute(
        sa.select(lineages.c.rule).where(lineages.c.rule == rule, lineages.c.lineage_key == lineage).with_for_update()
    ).one()


def touch(conn: sa.Connection, rule: str, group: GroupKey, now: datetime) -> None:
    """Make sure the group's row exists and mark it reported at ``now``."""
    row = {
        "rule": rule,
        "group_key": group.key,
        "lineage_key": group.lineage,
        "event_type": group.event_type,
        "actors": json.dumps(list(group.actors)),
        "stage": group.stage,
        "created_at": now,
        "last_seen": now,
        "fired_count": 0,
    }
    if not insert_ignore(conn, groups, [row], ["rule", "group_key"]):
        where = (groups.c.rule == rule, groups.c.group_key == group.key)
        conn.execute(groups.update().where(*where).values(last_seen=now))


def next_sequence(conn: sa.Connection, rule: str, group_key: str) -> int:
    """How many alerts the group fired before (from 0), counting the one about to fire."""
    where = (groups.c.rule == rule, groups.c.group_key == group_key)
    sequence = conn.execute(sa.select(groups.c.fired_count).where(*where)).scalar_one()
    conn.execute(groups.update().where(*where).values(fired_count=sequence + 1))
    return int(sequence)


def known(conn: sa.Connection, rule: str, reported_since: datetime, created_before: datetime) -> list[GroupKey]:
    """The rule's groups reported since ``reported_since`` and known since before ``created_before``."""
    rows = conn.execute(
        sa.select(groups)
        .where(groups.c.rule == rule, groups.c.last_seen >= reported_since, groups.c.created_at <= created_before)
        .order_by(groups.c.lineage_key, groups.c.group_key)
    ).all()
    return [GroupKey(r.group_key, r.lineage_key, r.event_type, tuple(json.loads(r.actors)), r.stage) for r in rows]


def record(conn: sa.Connection, rule: str, group_key: str, report: Report) -> bool:
    """Store ``report`` for the group; False when that article was already recorded for it."""
    row = {
        "rule": rule,
        "group_key": group_key,
        "article_id": report.article_id,
        "source": report.source,
        "fingerprint": report.fingerprint,
        "url": report.url,
        "title": report.title,
        "reported_at": report.reported_at,
    }
    return insert_ignore(conn, observations, [row], ["rule", "group_key", "article_id"]) == 1


def reports(conn: sa.Connection, rule: str, group_key: str, start: datetime, end: datetime) -> list[Report]:
    """The reports of a group with ``start <= reported_at <= end``, oldest first."""
    o = observations
    rows = conn.execute(
        sa.select(o)
        .where(o.c.rule == rule, o.c.group_key == group_key, o.c.reported_at >= start, o.c.reported_at <= end)
        .order_by(o.c.reported_at, o.c.article_id)
    ).all()
    return [Report(r.article_id, r.source, r.reported_at, r.fingerprint, r.url, r.title) for r in rows]


def open_alert(conn: sa.Connection, rule: str, group_key: str, since: datetime) -> sa.Row | None:
    """The group's latest alert fired after ``since`` (the start of the realert period), if any."""
    return conn.execute(
        sa.select(alerts)
        .where(alerts.c.rule == rule, alerts.c.group_key == group_key, alerts.c.fired_at > since)
        .order_by(alerts.c.fired_at.desc())
        .limit(1)
    ).first()


def _staged(conn: sa.Connection, rule: str, group: GroupKey, since: datetime, later: bool) -> list[sa.Row]:
    """Alerts of the lineage fired after ``since`` at a later (else earlier) stage than ``group``'s, newest first."""
    rank = stage_rank(group.stage)
    if rank < 0:
        return []
    stages = STAGES[rank + 1 :] if later else STAGES[:rank]
    return list(
        conn.execute(
            sa.select(alerts.c.alert_id, alerts.c.status)
            .where(
                alerts.c.rule == rule,
                alerts.c.lineage_key == group.lineage,
                alerts.c.stage.in_(stages),
                alerts.c.fired_at > since,
            )
            .order_by(alerts.c.fired_at.desc())
        ).all()
    )


def overtaken(conn: sa.Connection, rule: str, group: GroupKey, since: datetime) -> bool:
    """Whether an alert at a later stage of the lineage fired after ``since`` (it inhibits this group)."""
    return bool(_staged(conn, rule, group, since, later=True))


def previous(conn: sa.Connection, rule: str, group: GroupKey, since: datetime) -> str | None:
    """The latest alert of the lineage at an earlier stage fired after ``since``: the one a new stage follows."""
    earlier = _staged(conn, rule, group, since, later=False)
    return earlier[0].alert_id if earlier else None


def inhibit_earlier(conn: sa.Connection, rule: str, group: GroupKey, since: datetime) -> None:
    """Mark the lineage's active alerts at earlier stages, fired after ``since``, inhibited."""
    ids = [row.alert_id for row in _staged(conn, rule, group, since, later=False) if row.status == "active"]
    if ids:
        conn.execute(alerts.update().where(alerts.c.alert_id.in_(ids)).values(status="inhibited"))


def retraction_target(conn: sa.Connection, rule: str, group: GroupKey, since: datetime) -> sa.Row | None:
    """The alert a denial of ``group`` retracts: the lineage's latest unretracted one fired after ``since``.

    A denial that names a stage retracts that stage's alert only.
    """
    query = sa.select(alerts).where(
        alerts.c.rule == rule,
        alerts.c.lineage_key == group.lineage,
        alerts.c.retracted.is_(False),
        alerts.c.fired_at >= since,
    )
    if group.stage is not None:
        query = query.where(alerts.c.group_key == group.key)
    return conn.execute(query.order_by(alerts.c.fired_at.desc()).limit(1)).first()
