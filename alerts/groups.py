"""The SQL side of groups and lineages: the lock, the reports, and the alerts around a group.

A *group* is one combination of a rule's ``group_by`` values (e.g. agreement, PRK+RUS, signed);
its *lineage* is the same combination at any stage. The engine takes the lineage lock before it
reads or writes anything of a group, so every function here runs under it, in the caller's
transaction. ``lineage`` loads everything ``alerts.outcomes.plan`` needs to judge one lineage.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from alerts.outcomes import Denial
from alerts.rules import GroupKey, Report
from alerts.state import denials, groups, lineages, observations
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


def record(conn: sa.Connection, rule: str, group_key: str, report: Report, observed_at: datetime) -> bool:
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
        "lang": report.lang,
        "evidence": report.evidence,
        "object": report.object,
        "observed_at": observed_at,
        "from_id": report.from_,
        "to_id": report.to,
        "claimed_by": report.claimed_by,
    }
    return insert_ignore(conn, observations, [row], ["rule", "group_key", "article_id"]) == 1


def record_denial(conn: sa.Connection, rule: str, lineage: str, denial: Denial, observed_at: datetime) -> bool:
    """Store ``denial`` for the lineage; False when that article was already recorded for it."""
    r = denial.report
    row = {
        "rule": rule,
        "lineage_key": lineage,
        "article_id": r.article_id,
        "stage": denial.stage,
        "object": r.object,
        "source": r.source,
        "fingerprint": r.fingerprint,
        "url": r.url,
        "title": r.title,
        "lang": r.lang,
        "evidence": r.evidence,
        "reported_at": r.reported_at,
        "observed_at": observed_at,
    }
    return insert_ignore(conn, denials, [row], ["rule", "lineage_key", "article_id"]) == 1


def _fresh(reported_at: datetime, observed_at: datetime | None, max_age: timedelta) -> bool:
    return observed_at is None or reported_at >= observed_at - max_age


def lineage(
    conn: sa.Connection, rule: str, lineage_key: str, max_age: timedelta
) -> tuple[list[Report], dict[str, GroupKey], list[Denial]]:
    """Every report of the lineage with its group (article id -> group), and every denial of it.

    A report is fresh when it was published at most ``max_age`` before the engine first saw it.
    """
    o, g = observations, groups
    rows = conn.execute(
        sa.select(o, g.c.lineage_key, g.c.event_type, g.c.actors, g.c.stage)
        .join(g, sa.and_(g.c.rule == o.c.rule, g.c.group_key == o.c.group_key))
        .where(g.c.rule == rule, g.c.lineage_key == lineage_key)
    ).all()
    reports, group_of = [], {}
    keys: dict[str, GroupKey] = {}
    for r in rows:
        if r.group_key not in keys:
            keys[r.group_key] = GroupKey(r.group_key, r.lineage_key, r.event_type, tuple(json.loads(r.actors)), r.stage)
        reports.append(_stored_report(r, max_age))
        group_of[r.article_id] = keys[r.group_key]
    d = denials
    denied = [
        Denial(_stored_report(r, max_age), r.stage)
        for r in conn.execute(sa.select(d).where(d.c.rule == rule, d.c.lineage_key == lineage_key)).all()
    ]
    return reports, group_of, denied


def _stored_report(row: sa.Row[Any], max_age: timedelta) -> Report:
    """A report (or denial) row as a Report; denial rows carry no direction or claimant."""
    return Report(
        row.article_id,
        row.source,
        row.reported_at,
        row.fingerprint,
        row.url,
        row.title,
        row.lang,
        row.evidence or "",
        row.object or "",
        _fresh(row.reported_at, row.observed_at, max_age),
        row.stage,
        getattr(row, "from_id", None),
        getattr(row, "to_id", None),
        getattr(row, "claimed_by", None),
    )


def reports(conn: sa.Connection, rule: str, group_key: str, start: datetime, end: datetime) -> list[Report]:
    """The reports of a group with ``start <= reported_at <= end``, oldest first."""
    o = observations
    rows = conn.execute(
        sa.select(o)
        .where(o.c.rule == rule, o.c.group_key == group_key, o.c.reported_at >= start, o.c.reported_at <= end)
        .order_by(o.c.reported_at, o.c.article_id)
    ).all()
    return [Report(r.article_id, r.source, r.reported_at, r.fingerprint, r.url, r.title) for r in rows]
