"""WebSub subscriptions in SQL, shared by every ingest replica (any replica may receive the hub's calls).

One row per feed whose document or HTTP headers advertise a hub. States:

- ``discovered``: a hub was found; subscribe at ``next_action``.
- ``subscribing``: the hub accepted the request (202); its verification GET is awaited until
  ``next_action`` (``websub.verify_timeout``), after which the attempt counts as failed.
- ``active``: verified; pushes are accepted until ``lease_expires``; renewed from ``next_action``
  (``websub.renew_before`` the expiry).
- ``failed``: the hub refused, denied or never verified; the feed is polled normally and the
  subscription is retried at ``next_action`` (``websub.retry_after_failure``).
- ``unsubscribing``: the feed was removed; an unsubscribe request goes to the hub at
  ``next_action`` (again after ``websub.verify_timeout`` until the hub verifies it, or until the
  lease ends); the row is deleted when the hub verifies the unsubscription.

Work on a row (subscribing, renewing) is claimed by moving ``next_action`` forward with a
compare-and-set UPDATE, so two replicas never subscribe the same feed at once.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import sqlalchemy as sa

from veille.store import UtcDateTime, ensure_tables, insert_ignore, metadata

SubscriptionState = Literal["discovered", "subscribing", "active", "failed", "unsubscribing"]

websub_subscriptions = sa.Table(
    "websub_subscriptions",
    metadata,
    sa.Column("feed_id", sa.String(64), primary_key=True),
    sa.Column("hub", sa.String(2048), nullable=False),
    sa.Column("topic", sa.String(2048), nullable=False),
    sa.Column("secret", sa.String(64), nullable=False),
    sa.Column("token", sa.String(64), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("lease_expires", UtcDateTime()),
    sa.Column("next_action", UtcDateTime(), nullable=False),
    sa.Column("last_error", sa.String(500)),
)


@dataclass(frozen=True, slots=True)
class Subscription:
    """One feed's subscription row."""

    feed_id: str
    hub: str
    topic: str
    secret: str
    token: str
    state: SubscriptionState
    lease_expires: datetime | None
    next_action: datetime
    last_error: str | None

    def pushing(self, now: datetime) -> bool:
        """True while the hub is expected to push: verified and within the lease."""
        return self.state == "active" and self.lease_expires is not None and self.lease_expires > now


class SubscriptionStore:
    """The ``websub_subscriptions`` table behind a small interface (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        ensure_tables(engine, [websub_subscriptions])

    def discovered(self, feed_id: str, hub: str, topic: str, now: datetime) -> bool:
        """Record that ``feed_id`` advertises ``hub`` for ``topic``; True when that is new (or changed)."""
        row = {
            "feed_id": feed_id,
            "hub": hub[:2048],
            "topic": topic[:2048],
            "secret": secrets.token_hex(24),
            "token": secrets.token_urlsafe(18),
            "state": "discovered",
            "next_action": now,
        }
        with self.engine.begin() as conn:
            if insert_ignore(conn, websub_subscriptions, [row], ["feed_id"]):
                return True
            changed = conn.execute(
                sa.update(websub_subscriptions)
                .where(
                    websub_subscriptions.c.feed_id == feed_id,
                    sa.or_(websub_subscriptions.c.hub != row["hub"], websub_subscriptions.c.topic != row["topic"]),
                )
                .values(hub=row["hub"], topic=row["topic"], state="discovered", next_action=now, lease_expires=None)
            )
        return changed.rowcount == 1

    def get(self, feed_id: str) -> Subscription | None:
        """The subscription of ``feed_id``, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(websub_subscriptions).where(websub_subscriptions.c.feed_id == feed_id)).first()
        return _subscription(row) if row else None

    def all(self) -> dict[str, Subscription]:
        """Every subscription, by feed id."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(websub_subscriptions)).all()
        return {row.feed_id: _subscription(row) for row in rows}

    def pushing(self, now: datetime) -> frozenset[str]:
        """The feeds whose hub is expected to push at ``now``."""
        return frozenset(feed_id for feed_id, sub in self.all().items() if sub.pushing(now))

    def claim_due(self, now: datetime, hold: timedelta, limit: int = 100) -> list[Subscription]:
        """Up to ``limit`` subscriptions whose next action is due, each claimed for ``hold`` by this replica."""
        with self.engine.begin() as conn:
            rows = conn.execute(
                sa.select(websub_subscriptions)
                .where(websub_subscriptions.c.next_action <= now)
                .order_by(websub_subscriptions.c.next_action, websub_subscriptions.c.feed_id)
                .limit(limit)
            ).all()
            claimed = []
            for row in rows:
                taken = conn.execute(
                    sa.update(websub_subscriptions)
                    .where(
                        websub_subscriptions.c.feed_id == row.feed_id,
                        websub_subscriptions.c.next_action == row.next_action,
                    )
                    .values(next_action=now + hold)
                )
                if taken.rowcount == 1:
                    claimed.append(_subscription(row))
        return claimed

    def requested(self, feed_id: str, now: datetime, verify_timeout: timedelta) -> None:
        """A (re)subscription request is about to go to the hub: await its verification until the timeout.

        Called *before* the request is sent: a hub may verify before its answer to the request
        arrives. An active subscription stays active (its lease still runs) while a renewal is verified.
        """
        state = sa.case((websub_subscriptions.c.state == "active", "active"), else_="subscribing")
        with self.engine.begin() as conn:
            conn.execute(
                sa.update(websub_subscriptions)
                .where(websub_subscriptions.c.feed_id == feed_id)
                .values(state=state, next_action=now + verify_timeout, last_error=None)
            )

    def verified(self, feed_id: str, lease_expires: datetime, renew_at: datetime) -> None:
        """The hub verified our intent: pushes are expected until ``lease_expires``."""
        self._set(feed_id, state="active", lease_expires=lease_expires, next_action=renew_at, last_error=None)

    def failed(self, feed_id: str, error: str, retry_at: datetime) -> None:
        """The hub failed (refused, denied, silent): poll normally, try again at ``retry_at``."""
        self._set(feed_id, state="failed", lease_expires=None, next_action=retry_at, last_error=error[:500])

    def renewal_failed(self, feed_id: str, error: str, retry_at: datetime) -> None:
        """A renewal failed while the current lease still runs: stay active, try again at ``retry_at``."""
        self._set(feed_id, next_action=retry_at, last_error=error[:500])

    def unsubscribe(self, feed_id: str, now: datetime) -> Subscription | None:
        """A feed was removed: a subscription the hub may hold is to be undone at once (``unsubscribing``),
        any other is dropped; return the subscription to undo, if any."""
        sub = self.get(feed_id)
        if sub is None or sub.state not in ("subscribing", "active", "unsubscribing"):
            self.forget(feed_id)
            return None
        self._set(feed_id, state="unsubscribing", next_action=now, last_error=None)
        return sub

    def forget(self, feed_id: str) -> None:
        """Drop a subscription (an unsubscribed or never subscribed feed's)."""
        with self.engine.begin() as conn:
            conn.execute(sa.delete(websub_subscriptions).where(websub_subscriptions.c.feed_id == feed_id))

    def _set(self, feed_id: str, **values: object) -> None:
        with self.engine.begin() as conn:
            where = websub_subscriptions.c.feed_id == feed_id
            conn.execute(sa.update(websub_subscriptions).where(where).values(values))


def _subscription(row: sa.Row[tuple[object, ...]]) -> Subscription:
    return Subscription(
        row.feed_id,
        row.hub,
        row.topic,
        row.secret,
        row.token,
        row.state,
        row.lease_expires,
        row.next_action,
        row.last_error,
    )
