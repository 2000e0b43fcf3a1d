"""Silences: mute the notices of matching alerts for a while; the alerts are still stored.

A silence names a rule and/or matchers (``event_type``, ``stage``, ``actor``, ``group_key``); with
neither it mutes every alert (maintenance). It holds from its creation for a duration. The engine
reads the ``unexpired`` silences once per batch and asks ``first`` for every notice it is about to
enqueue; a silenced notice is stored without deliveries and counted in
``veille_alerts_silenced_total``. ``expire`` ends a silence early.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from alerts.state import TABLES, silences
from veille.contracts import Alert, utc
from veille.store import ensure_tables

MATCHER_FIELDS = ("event_type", "stage", "actor", "group_key")
"""What a silence may match on besides the rule; ``actor`` matches any one party of the alert."""


@dataclass(frozen=True, slots=True)
class Silence:
    """One silence as stored."""

    id: str
    rule: str | None
    matchers: Mapping[str, str]
    starts_at: datetime
    ends_at: datetime
    reason: str
    author: str
    expired_at: datetime | None = None

    def active(self, now: datetime) -> bool:
        """Whether the silence holds at ``now``."""
        return self.expired_at is None and self.starts_at <= now < self.ends_at

    def covers(self, alert: Alert) -> bool:
        """Whether ``alert`` is one of those this silence mutes (regardless of time)."""
        if self.rule is not None and alert.rule != self.rule:
            return False
        values = {"event_type": alert.event_type, "stage": alert.stage or "", "group_key": alert.group_key}
        for field, wanted in self.matchers.items():
            if field == "actor":
                if wanted not in alert.actors:
                    return False
            elif values[field] != wanted:
                return False
        return True


def _from_row(row: sa.Row) -> Silence:
    return Silence(
        id=row.id,
        rule=row.rule,
        matchers=json.loads(row.matchers),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        reason=row.reason,
        author=row.author,
        expired_at=row.expired_at,
    )


class Silences:
    """Create, list, expire and match silences in the store (tables from ``alerts.state``)."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        ensure_tables(engine, TABLES)

    def create(
        self,
        *,
        now: datetime,
        duration: timedelta,
        reason: str,
        author: str,
        rule: str | None = None,
        matchers: Mapping[str, str] | None = None,
    ) -> Silence:
        """Store a silence holding from ``now`` for ``duration``; raises ValueError on a bad request."""
        matchers = dict(matchers or {})
        unknown = sorted(set(matchers) - set(MATCHER_FIELDS))
        if unknown:
            raise ValueError(f"unknown silence matcher {', '.join(unknown)}; use {', '.join(MATCHER_FIELDS)}")
        if duration <= timedelta(0):
            raise ValueError("a silence needs a positive duration")
        if not reason.strip():
            raise ValueError("a silence needs a reason")
        now = utc(now)
        silence = Silence(
            id=uuid.uuid4().hex[:12],
            rule=rule,
            matchers=matchers,
            starts_at=now,
            ends_at=now + duration,
            reason=" ".join(reason.split()),
            author=author,
        )
        with self._engine.begin() as conn:
            conn.execute(
                silences.insert().values(
                    id=silence.id,
                    rule=rule,
                    matchers=json.dumps(matchers, sort_keys=True),
                    starts_at=silence.starts_at,
                    ends_at=silence.ends_at,
                    reason=silence.reason,
                    author=author,
                )
            )
        return silence

    def list(self, now: datetime, include_expired: bool = False) -> list[Silence]:
        """Silences that hold at ``now`` (all of them with ``include_expired``), newest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(silences).order_by(silences.c.starts_at.desc())).all()
        found = [_from_row(row) for row in rows]
        return found if include_expired else [s for s in found if s.active(utc(now))]

    def expire(self, silence_id: str, now: datetime) -> bool:
        """End silence ``silence_id`` at ``now``; False when no such active silence exists."""
        with self._engine.begin() as conn:
            result = conn.execute(
                silences.update()
                .where(silences.c.id == silence_id, silences.c.expired_at.is_(None), silences.c.ends_at > utc(now))
                .values(expired_at=utc(now))
            )
        return result.rowcount == 1

    @staticmethod
    def unexpired(conn: sa.Connection, since: datetime) -> list[Silence]:
        """The silences not expired early that hold at some time from ``since`` on (in the caller's transaction)."""
        rows = conn.execute(
            sa.select(silences).where(silences.c.expired_at.is_(None), silences.c.ends_at > since)
        ).all()
        return [_from_row(row) for row in rows]

    @staticmethod
    def first(found: Sequence[Silence], alert: Alert, now: datetime) -> Silence | None:
        """The silence of ``found`` that mutes ``alert`` at ``now``, if any."""
        return next((s for s in found if s.active(now) and s.covers(alert)), None)
