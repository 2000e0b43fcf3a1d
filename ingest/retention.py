"""Pruning ``seen_articles``: forget ids only once no feed can list them any more.

An id forgotten while a feed still lists its item would be published again, so the retention is
the larger of ``ingest.seen_retention`` and twice the longest item lifetime observed in any feed
(``feed_health.item_lifetime_seconds``: the age of the oldest dated item a feed still listed).
Items without a date do not tell their lifetime: keep ``seen_retention`` above the longest a
feed of yours keeps undated items.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa

from ingest.health import feed_health
from ingest.state import seen_articles
from veille.config.ingest import IngestConfig

log = logging.getLogger(__name__)


def effective_retention(engine: sa.Engine, limits: IngestConfig) -> timedelta:
    """How long seen ids are kept: ``seen_retention`` or twice the longest observed item lifetime."""
    with engine.connect() as conn:
        longest = conn.execute(sa.select(sa.func.max(feed_health.c.item_lifetime_seconds))).scalar()
    return max(limits.seen_retention, timedelta(seconds=2 * (longest or 0.0)))


def prune_seen(engine: sa.Engine, limits: IngestConfig, now: datetime) -> int:
    """Delete seen ids older than the effective retention; return how many went."""
    retention = effective_retention(engine, limits)
    with engine.begin() as conn:
        gone = conn.execute(sa.delete(seen_articles).where(seen_articles.c.first_seen < now - retention)).rowcount
    if gone:
        log.info("pruned %d seen article ids older than %s", gone, retention)
    return gone
