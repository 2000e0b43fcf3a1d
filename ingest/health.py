"""What the poller learns about each feed beyond its schedule: failing since when, dead, moved, hinted interval.

The ``feed_health`` table sits beside ``feed_state`` (which holds the schedule and the lease):

- **dead feeds**: a feed that has failed without a single success for ``ingest.dead_after`` is
  marked dead, counted in ``veille_ingest_feeds{state="dead"}``, shown by ``veille feed status``, and
  tried every ``ingest.dead_retry`` from then on; one success makes it alive again. It is never dropped.
- **moved feeds**: a permanent redirect (301/308 all the way) records the new address; stored feeds
  are updated in the ``feeds`` table, config feeds are polled at the new address (with a warning
  to update the config).
- **interval hints**: RSS ``<ttl>``, ``sy:updatePeriod``/``sy:updateFrequency`` and Cache-Control
  ``max-age`` may lengthen a feed's interval, up to ``ingest.max_interval``; nothing shortens
  it below the configured interval or ``ingest.min_interval``.
- **item lifetime**: how old the oldest item still listed in the feed was, so that pruning
  ``seen_articles`` never forgets an id that a feed still lists (``ingest.retention``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig
from veille.store import UtcDateTime, ensure_tables, insert_ignore, metadata

log = logging.getLogger(__name__)

_ID_CHUNK = 500  # ids per IN list

feed_health = sa.Table(
    "feed_health",
    metadata,
    sa.Column("feed_id", sa.String(64), primary_key=True),
    sa.Column("failing_since", UtcDateTime()),
    sa.Column("dead", sa.Boolean, nullable=False, default=False),
    sa.Column("moved_to", sa.String(2048)),
    sa.Column("hint_seconds", sa.Float),
    sa.Column("item_lifetime_seconds", sa.Float),
)


@dataclass(frozen=True, slots=True)
class Health:
    """One feed's row of ``feed_health`` (defaults: a feed never polled)."""

    failing_since: datetime | None = None
    dead: bool = False
    moved_to: str | None = None
    hint_seconds: float | None = None
    item_lifetime_seconds: float | None = None


def bounded_interval(feed_interval: timedelta, hint_seconds: float | None, limits: IngestConfig) -> timedelta:
    """The interval to poll at: the configured one, lengthened by the feed's hint up to ``max_interval``.

    The result is never below ``min_interval`` nor below the configured interval (the operator's
    choice wins when it is longer than ``max_interval``).
    """
    interval = max(feed_interval, limits.min_interval)
    if hint_seconds is not None and hint_seconds > 0:
        interval = max(interval, min(timedelta(seconds=hint_seconds), limits.max_interval))
    return interval


class FeedHealthStore:
    """Reads and writes ``feed_health``; turns configured feeds into the feeds actually polled."""

    def __init__(self, engine: sa.Engine, limits: IngestConfig) -> None:
        self.engine = engine
        self.limits = limits
        self._cache: dict[str, Health] = {}  # last known rows; threads write distinct feeds
        self._queued: dict[str, tuple[float | None, float | None]] = {}  # feed id -> (hint, item lifetime) to write
        self._queue_lock = threading.Lock()
        ensure_tables(engine, [feed_health])

    def read(self) -> dict[str, Health]:
        """Every feed's health row, by feed id."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(feed_health)).all()
        health = {
            row.feed_id: Health(
                row.failing_since, bool(row.dead), row.moved_to, row.hint_seconds, row.item_lifetime_seconds
            )
            for row in rows
        }
        self._cache = dict(health)
        return health

    def effective(self, feeds: Sequence[FeedConfig]) -> tuple[FeedConfig, ...]:
        """``feeds`` as they are polled: at their new address, at their bounded interval, dead ones rarely."""
        health = self.read()
        out = []
        for feed in feeds:
            state = health.get(feed.id, Health())
            update: dict[str, Any] = {"interval": bounded_interval(feed.interval, state.hint_seconds, self.limits)}
            if state.dead:
                update["interval"] = max(self.limits.dead_retry, feed.interval)
            if state.moved_to:
                update["url"] = state.moved_to
            out.append(feed.model_copy(update=update))
        return tuple(out)

    def dead_count(self, feeds: dict[str, FeedConfig]) -> int:
        """How many of ``feeds`` are marked dead (as of the last ``read`` or ``effective``)."""
        return sum(1 for feed_id, health in self._cache.items() if health.dead and feed_id in feeds)

    def hint(self, feed_id: str) -> float | None:
        """The interval hint last recorded for ``feed_id`` (as of the last ``read`` or write here)."""
        known = self._cache.get(feed_id)
        return known.hint_seconds if known else None

    def on_success(self, feed_id: str, *, hint_seconds: float | None, item_lifetime: timedelta | None = None) -> None:
        """A poll went through: the feed is alive; ``hint_seconds`` replaces its hint.

        Writes nothing when that changes nothing (the usual case); a change is queued and written
        by ``flush``, with the other feeds of the batch, in the caller's transaction.
        """
        known = self._cache.get(feed_id)
        lifetime = item_lifetime.total_seconds() if item_lifetime is not None else None
        if (
            known is not None
            and known.failing_since is None
            and not known.dead
            and known.hint_seconds == hint_seconds
            and (lifetime is None or lifetime <= (known.item_lifetime_seconds or 0.0))
        ):
            return
        longest = max(lifetime or 0.0, (known.item_lifetime_seconds if known else None) or 0.0) or None
        with self._queue_lock:
            self._queued[feed_id] = (hint_seconds, lifetime)
        self._cache[feed_id] = Health(None, False, known.moved_to if known else None, hint_seconds, longest)

    def flush(self, conn: sa.Connection) -> None:
        """Write the successes ``on_success`` queued: one INSERT of missing rows and one executemany UPDATE."""
        with self._queue_lock:
            queued, self._queued = self._queued, {}
        if not queued:
            return
        ids = list(queued)
        insert_ignore(conn, feed_health, [{"feed_id": feed_id, "dead": False} for feed_id in ids], ["feed_id"])
        for start in range(0, len(ids), _ID_CHUNK):
            chunk = ids[start : start + _ID_CHUNK]
            dead = sa.select(feed_health.c.feed_id).where(feed_health.c.feed_id.in_(chunk), feed_health.c.dead)
            for feed_id in conn.execute(dead).scalars():
                log.warning("feed %s: alive again after being marked dead", feed_id)
        longest, lifetime = feed_health.c.item_lifetime_seconds, sa.bindparam("b_lifetime", type_=sa.Float)
        stmt = (
            sa.update(feed_health)
            .where(feed_health.c.feed_id == sa.bindparam("b_feed_id"))
            .values(
                failing_since=None,
                dead=False,
                hint_seconds=sa.bindparam("b_hint"),
                item_lifetime_seconds=sa.case((sa.func.coalesce(longest, 0.0) < lifetime, lifetime), else_=longest),
            )
        )
        rows = [{"b_feed_id": fid, "b_hint": hint, "b_lifetime": life} for fid, (hint, life) in queued.items()]
        conn.execute(stmt, rows)

    def forget_cached(self) -> None:
        """Drop what is known and queued (a ``flush`` was rolled back): the next ``read`` reloads it."""
        with self._queue_lock:
            self._queued = {}
        self._cache = {}

    def on_failure(self, feed_id: str, now: datetime) -> bool:
        """A poll failed: start or continue the failing streak; return True when the feed is (now) dead."""
        with self.engine.begin() as conn:
            current = self._row(conn, feed_id)
            since = current.failing_since or now
            dead = now - since >= self.limits.dead_after
            if dead and not current.dead:
                log.error(
                    "feed %s: marked dead, failing since %s; retried every %s from now on",
                    feed_id,
                    since.isoformat("T", "seconds"),
                    self.limits.dead_retry,
                )
            conn.execute(
                sa.update(feed_health).where(feed_health.c.feed_id == feed_id).values(failing_since=since, dead=dead)
            )
        self._cache.pop(feed_id, None)
        return dead

    def on_moved(self, feed_id: str, url: str) -> None:
        """Remember the address a permanent redirect pointed to."""
        with self.engine.begin() as conn:
            self._row(conn, feed_id)
            conn.execute(sa.update(feed_health).where(feed_health.c.feed_id == feed_id).values(moved_to=url))
        self._cache.pop(feed_id, None)

    def forget(self, feed_id: str) -> None:
        """Drop a removed feed's row."""
        with self.engine.begin() as conn:
            conn.execute(sa.delete(feed_health).where(feed_health.c.feed_id == feed_id))

    def _row(self, conn: sa.Connection, feed_id: str) -> Health:
        insert_ignore(conn, feed_health, [{"feed_id": feed_id, "dead": False}], ["feed_id"])
        row = conn.execute(sa.select(feed_health).where(feed_health.c.feed_id == feed_id)).one()
        return Health(row.failing_since, bool(row.dead), row.moved_to, row.hint_seconds, row.item_lifetime_seconds)
