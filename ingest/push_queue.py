"""Pushed bodies kept in SQL until their articles are published: the hub's 2xx is only sent after this.

A WebSub push is acknowledged once its body is a row of ``websub_pushes`` (committed), never
before: a replica killed afterwards leaves the row, and the next cycle of any replica takes it.
A worker claims rows for a while (``take``, a compare-and-set UPDATE of the claim, as feed
leases), publishes their articles, then deletes them (``done``) or gives them back
(``release``) when Kafka or the store failed. A claim left by a dead replica expires; the same
replica restarted (same worker id) takes its own claims back at once. When ``max_queued`` rows
wait already, ``add`` refuses and the endpoint answers 503 with Retry-After: the hub retries,
nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from veille.store import UtcDateTime, ensure_tables, metadata

websub_pushes = sa.Table(
    "websub_pushes",
    metadata,
    sa.Column("push_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("feed_id", sa.String(64), nullable=False),
    sa.Column("body", sa.LargeBinary, nullable=False),
    sa.Column("content_type", sa.String(200)),
    sa.Column("received", UtcDateTime(), nullable=False),
    sa.Column("claim_owner", sa.String(128)),
    sa.Column("claim_expires", UtcDateTime()),
)


@dataclass(frozen=True, slots=True)
class Pushed:
    """One authentic push waiting to go through the poll path."""

    feed_id: str
    body: bytes
    content_type: str | None
    push_id: int = 0


class PushQueue:
    """The ``websub_pushes`` table (SQLite or PostgreSQL), shared by every ingest replica."""

    def __init__(self, engine: sa.Engine, max_queued: int = 1000, hold: timedelta = timedelta(minutes=10)) -> None:
        self.engine = engine
        self.max_queued = max_queued
        self.hold = hold
        ensure_tables(engine, [websub_pushes])

    def add(self, feed_id: str, body: bytes, content_type: str | None, now: datetime) -> bool:
        """Store one push (committed on return); False, storing nothing, when ``max_queued`` already wait."""
        with self.engine.begin() as conn:
            waiting = conn.execute(sa.select(sa.func.count()).select_from(websub_pushes)).scalar_one()
            if waiting >= self.max_queued:
                return False
            kind = (content_type or "")[:200] or None
            conn.execute(sa.insert(websub_pushes).values(feed_id=feed_id, body=body, content_type=kind, received=now))
        return True

    def take(self, worker_id: str, now: datetime, limit: int = 100) -> list[Pushed]:
        """Claim up to ``limit`` waiting pushes, oldest first (free, expired, or this worker's own)."""
        claimable = sa.or_(
            websub_pushes.c.claim_owner.is_(None),
            websub_pushes.c.claim_expires <= now,
            websub_pushes.c.claim_owner == worker_id,
        )
        with self.engine.begin() as conn:
            ids = list(
                conn.execute(
                    sa.select(websub_pushes.c.push_id).where(claimable).order_by(websub_pushes.c.push_id).limit(limit)
                ).scalars()
            )
            if not ids:
                return []
            conn.execute(
                sa.update(websub_pushes)
                .where(websub_pushes.c.push_id.in_(ids), claimable)
                .values(claim_owner=worker_id, claim_expires=now + self.hold)
            )
            rows = conn.execute(
                sa.select(websub_pushes)
                .where(websub_pushes.c.push_id.in_(ids), websub_pushes.c.claim_owner == worker_id)
                .order_by(websub_pushes.c.push_id)
            ).all()
        return [Pushed(row.feed_id, bytes(row.body), row.content_type, row.push_id) for row in rows]

    def done(self, pushed: list[Pushed]) -> None:
        """Delete pushes whose articles are published (or that held nothing to publish)."""
        if pushed:
            with self.engine.begin() as conn:
                conn.execute(sa.delete(websub_pushes).where(websub_pushes.c.push_id.in_([p.push_id for p in pushed])))

    def release(self, pushed: list[Pushed]) -> None:
        """Give back claimed pushes that could not be published: the next cycle takes them again."""
        if pushed:
            with self.engine.begin() as conn:
                conn.execute(
                    sa.update(websub_pushes)
                    .where(websub_pushes.c.push_id.in_([p.push_id for p in pushed]))
                    .values(claim_owner=None, claim_expires=None)
                )

    def waiting(self) -> int:
        """How many pushes are stored (claimed or not)."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(websub_pushes)).scalar_one()
