"""The SQL side of groups and lineages: the lock, the reports, and the alerts around a group.

A *group* is one combination of a rule's ``group_by`` values (e.g. agreement, PRK+RUS, signed);
its *lineage* is the same combination at any stage. The engine takes the lineage lock before it
reads or writes anything of a group, so every function here runs under it, in the caller's
transaction. ``load`` reads, in one query, everything ``alerts.outcomes.plan`` needs to judge
the lineages a batch of detections touched.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from alerts.outcomes import Denial
from alerts.rules import GroupKey, Report
from alerts.state import denials, groups, lineages, observations
from veille.store import inserted_keys, upsert


def lock(conn: sa.Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Hold the rows of the (rule, lineage) ``keys`` until the transaction ends, taken in sorted order.

    One statement: an upsert locks each row as it goes (PostgreSQL); SQLite holds the whole
    database. Every engine locks in the same order, so replicas never deadlock.
    """
    rows = [{"rule": rule, "lineage_key": lineage} for rule, lineage in sorted(set(keys))]
    upsert(conn, lineages, rows, ["rule", "lineage_key"], ["rule"])


def touch(conn: sa.Connection, found: Iterable[tuple[str, GroupKey]], now: datetime) -> None:
    """Make sure the rows of the (rule, group) pairs ``found`` exist and mark them reported at ``now``."""
    rows = {
        (rule, group.key): {
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
        for rule, group in found
    }
    upsert(conn, groups, [rows[key] for key in sorted(rows)], ["rule", "group_key"], ["last_seen"])


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


def record(
    conn: sa.Connection, found: Iterable[tuple[str, str, Report]], observed_at: datetime
) -> set[tuple[str, str]]:
    """Store the (rule, group key, report) ``found``; return the (rule, group key) pairs that got a new report.

    A report of an article already recorded for its group changes nothing (the first one stays).
    """
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for rule, group_key, report in found:
        rows.setdefault(
            (rule, group_key, report.article_id),
            {
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
            },
        )
    went_in = inserted_keys(conn, observations, [rows[k] for k in sorted(rows)], ["rule", "group_key", "article_id"])
    return {(rule, group_key) for rule, group_key, _ in went_in}


def record_denials(
    conn: sa.Connection, found: Iterable[tuple[str, str, Denial]], observed_at: datetime
) -> set[tuple[str, str]]:
    """Store the (rule, lineage, denial) ``found``; return the (rule, lineage) pairs that got a new denial."""
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for rule, lineage, denial in found:
        r = denial.report
        rows.setdefault(
            (rule, lineage, r.article_id),
            {
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
            },
        )
    went_in = inserted_keys(conn, denials, [rows[k] for k in sorted(rows)], ["rule", "lineage_key", "article_id"])
    return {(rule, lineage) for rule, lineage, _ in went_in}


def _fresh(reported_at: datetime, observed_at: datetime | None, max_age: timedelta) -> bool:
    return observed_at is None or reported_at >= observed_at - max_age


@dataclass
class Lineage:
    """Everything stored about one lineage: its reports with their groups, and its denials."""

    reports: list[Report] = field(default_factory=list)
    group_of: dict[str, GroupKey] = field(default_factory=dict)
    """The group of each report, by article id."""
    denials: list[Denial] = field(default_factory=list)


def load(
    conn: sa.Connection, keys: Collection[tuple[str, str]], max_age: Mapping[str, timedelta]
) -> dict[tuple[str, str], Lineage]:
    """Every report (with its group) and every denial of the (rule, lineage) ``keys``, in one query.

    A report is fresh when it was published at most ``max_age[rule]`` before the engine first saw it.
    """
    if not keys:
        return {}
    o, g, d = observations, groups, denials
    none = sa.null()
    reported = (
        sa.select(
            sa.literal(False, sa.Boolean).label("denial"),
            g.c.rule,
            g.c.lineage_key,
            o.c.group_key,
            g.c.event_type,
            g.c.actors,
            g.c.stage,
            *(o.c[c] for c in _REPORT_COLUMNS),
            o.c.from_id,
            o.c.to_id,
            o.c.claimed_by,
        )
        .join(g, sa.and_(g.c.rule == o.c.rule, g.c.group_key == o.c.group_key))
        .where(sa.tuple_(g.c.rule, g.c.lineage_key).in_(list(keys)))
    )
    denied = sa.select(
        sa.literal(True, sa.Boolean).label("denial"),
        d.c.rule,
        d.c.lineage_key,
        sa.cast(none, sa.Text).label("group_key"),
        sa.cast(none, sa.Text).label("event_type"),
        sa.cast(none, sa.Text).label("actors"),
        d.c.stage,
        *(d.c[c] for c in _REPORT_COLUMNS),
        sa.cast(none, sa.String(128)).label("from_id"),
        sa.cast(none, sa.String(128)).label("to_id"),
        sa.cast(none, sa.String(128)).label("claimed_by"),
    ).where(sa.tuple_(d.c.rule, d.c.lineage_key).in_(list(keys)))
    found = {key: Lineage() for key in keys}
    group_keys: dict[tuple[str, str], GroupKey] = {}
    for r in conn.execute(sa.union_all(reported, denied)).all():
        into = found[(r.rule, r.lineage_key)]
        report = _stored_report(r, max_age[r.rule])
        if r.denial:
            into.denials.append(Denial(report, r.stage))
            continue
        group = group_keys.get((r.rule, r.group_key))
        if group is None:
            group = GroupKey(r.group_key, r.lineage_key, r.event_type, tuple(json.loads(r.actors)), r.stage)
            group_keys[(r.rule, r.group_key)] = group
        into.reports.append(report)
        into.group_of[r.article_id] = group
    return found


_REPORT_COLUMNS = (
    "article_id",
    "source",
    "fingerprint",
    "url",
    "title",
    "lang",
    "evidence",
    "object",
    "reported_at",
    "observed_at",
)


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
