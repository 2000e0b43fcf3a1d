"""What the SQL store gives back after the embedded broker restarted and forgot every record.

The broker keeps its topics in memory. When ``veille run`` restarts it, the articles and
detections that were still on their topics, not yet consumed by the alerts stage, are gone.
The store knows which ones: an article marked seen by ingest (``seen_articles``) but never
recorded by the alerts stage (``alert_detections``) since the broker's previous start. Those
articles are forgotten by ingest, and their feeds are made due now without ETag / Last-Modified
or saved body hash (``feed_bodies``), so the next poll fetches and parses them in full and publishes
them again (a running poller trusts its in-memory seen ids only while a feed's body hash is saved);
the handlers downstream are idempotent, so an article that was in fact processed changes nothing.

What cannot come back: an article that has meanwhile left its feed (the feed no longer lists
it), and the notices on the ``alerts`` topic (deliveries come from the SQL outbox, not from it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from alerts.state import detections
from ingest.bodyhash import feed_bodies
from ingest.state import feed_state, seen_articles

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Requeued:
    """What ``requeue_unprocessed`` gave back to ingest."""

    articles: int
    feeds: int


def requeue_unprocessed(engine: sa.Engine, since: datetime, now: datetime) -> Requeued:
    """Forget the articles seen since ``since`` that the alerts stage never recorded; make their feeds due.

    Returns zeros when the tables do not exist yet (nothing was ever ingested).
    """
    inspector = sa.inspect(engine)
    if not all(inspector.has_table(t.name) for t in (seen_articles, detections, feed_state)):
        return Requeued(0, 0)
    has_bodies = inspector.has_table(feed_bodies.name)
    lost = (
        sa.select(seen_articles.c.article_id, seen_articles.c.feed_id)
        .where(seen_articles.c.first_seen >= since)
        .where(~sa.exists().where(detections.c.article_id == seen_articles.c.article_id))
    )
    with engine.begin() as conn:
        rows = conn.execute(lost).all()
        if not rows:
            return Requeued(0, 0)
        ids = [row.article_id for row in rows]
        feeds = sorted({row.feed_id for row in rows})
        for start in range(0, len(ids), 500):
            conn.execute(seen_articles.delete().where(seen_articles.c.article_id.in_(ids[start : start + 500])))
        conn.execute(
            feed_state.update()
            .where(feed_state.c.feed_id.in_(feeds))
            .values(next_due=now, etag=None, last_modified=None)
        )
        if has_bodies:
            conn.execute(feed_bodies.delete().where(feed_bodies.c.feed_id.in_(feeds)))
    log.warning(
        "broker restart: %d articles from %d feeds had not reached the alerts stage; they will be fetched again",
        len(ids),
        len(feeds),
    )
    return Requeued(len(ids), len(feeds))
