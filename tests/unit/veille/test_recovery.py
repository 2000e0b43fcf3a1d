"""After a broker restart, the store gives back to ingest the articles that never reached the alerts stage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from alerts.state import detections
from ingest.state import feed_state, seen_articles
from veille.recovery import Requeued, requeue_unprocessed
from veille.store import ensure_tables

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _feed(feed_id: str) -> dict[str, object]:
    return {
        "feed_id": feed_id,
        "etag": '"v1"',
        "last_modified": "Tue, 01 Dec 2026 11:00:00 GMT",
        "next_due": T0 + timedelta(hours=1),
        "failures": 0,
    }


def test_articles_seen_since_the_broker_started_but_never_recorded_by_alerts_are_requeued(store_engine):
    ensure_tables(store_engine, [feed_state, seen_articles, detections])
    with store_engine.begin() as conn:
        conn.execute(feed_state.insert(), [_feed("old"), _feed("done"), _feed("lost")])
        conn.execute(
            seen_articles.insert(),
            [
                {"article_id": "before", "feed_id": "old", "first_seen": T0 - timedelta(minutes=5)},
                {"article_id": "processed", "feed_id": "done", "first_seen": T0 + timedelta(minutes=1)},
                {"article_id": "in-flight", "feed_id": "lost", "first_seen": T0 + timedelta(minutes=2)},
            ],
        )
        conn.execute(detections.insert(), [{"article_id": "processed", "observed_at": T0, "payload": "{}"}])

    now = T0 + timedelta(minutes=3)
    assert requeue_unprocessed(store_engine, since=T0, now=now) == Requeued(articles=1, feeds=1)

    with store_engine.connect() as conn:
        seen = set(conn.execute(sa.select(seen_articles.c.article_id)).scalars())
        states = {row.feed_id: row for row in conn.execute(sa.select(feed_state))}
    assert seen == {"before", "processed"}
    assert (states["lost"].etag, states["lost"].last_modified, states["lost"].next_due) == (None, None, now)
    assert states["done"].etag == '"v1"'
    assert requeue_unprocessed(store_engine, since=T0, now=now) == Requeued(0, 0)  # nothing left to give back


def test_nothing_to_requeue_on_a_store_that_never_ingested(store_engine):
    assert requeue_unprocessed(store_engine, since=T0, now=T0) == Requeued(0, 0)
