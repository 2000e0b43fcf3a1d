"""What the poller reads and writes per cycle: the feed list once per cycle, feed health batched per poll batch."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from ingest.catalog import FeedCatalog
from ingest.health import FeedHealthStore
from ingest.poller import FeedPoller
from tests.integration.ingest.conftest import Reply
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)


def rss(title: str, pub: str = "Tue, 18 Jun 2024 08:00:00 GMT") -> bytes:
    item = f"<item><guid>https://news.example/{title}</guid><title>{title}</title><pubDate>{pub}</pubDate></item>"
    return f'<rss version="2.0"><channel><title>Wire</title>{item}</channel></rss>'.encode()


def local_feed(folder: Path, feed_id: str, body: bytes) -> FeedConfig:
    path = folder / f"{feed_id}.xml"
    path.write_bytes(body)
    return FeedConfig(id=feed_id, url=str(path))


@pytest.fixture
def feed_reads(store_engine: sa.Engine) -> Iterator[list[str]]:
    """The SELECTs on the ``feeds`` table the engine runs while the test goes on."""
    reads: list[str] = []

    def spy(_conn, _cursor, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM feeds" in statement:
            reads.append(statement)

    sa.event.listen(store_engine, "before_cursor_execute", spy)
    yield reads
    sa.event.remove(store_engine, "before_cursor_execute", spy)


def drain(poller: FeedPoller, now: datetime) -> list[str]:
    """Poll until nothing is due (one cycle); return the feed ids polled."""
    polled = []
    while results := poller.poll_due(now):
        polled += [result.feed_id for result in results]
        poller.mark_published([article for result in results for article in result.articles], now)
    return polled


def test_the_feed_list_is_read_once_per_cycle_and_a_feed_added_meanwhile_is_polled_the_next_cycle(
    tmp_path, store_engine, feed_reads
):
    feeds = tuple(local_feed(tmp_path, f"f{n}", rss(f"a{n}")) for n in range(6))
    poller = FeedPoller(VeilleConfig(feeds=feeds), store_engine, "w1", batch=2)
    try:
        feed_reads.clear()
        first = [result.feed_id for result in poller.poll_due(NOW)]
        assert len(feed_reads) == 1  # the cycle starts from the store's feed list
        FeedCatalog(poller.catalog.config, store_engine).add(local_feed(tmp_path, "late", rss("late")), NOW)
        feed_reads.clear()
        rest = drain(poller, NOW)
        assert sorted(first + rest) == [f"f{n}" for n in range(6)]
        assert feed_reads == []  # the cycle's next two batches did not re-read it
        assert drain(poller, NOW + timedelta(seconds=1)) == ["late"]
        assert len(feed_reads) == 1
    finally:
        poller.close()


def test_a_dead_feed_that_answers_again_is_alive_and_says_so(feed_server, store_engine, caplog):
    replies = {"reply": Reply(500, b"down")}
    url = feed_server.serve("/f.xml", lambda _headers: replies["reply"])
    limits = IngestConfig(dead_after=timedelta(hours=1))
    poller = FeedPoller(VeilleConfig(feeds=(FeedConfig(id="f", url=url),), ingest=limits), store_engine, "w1")
    try:
        poller.poll_due(NOW)
        poller.poll_due(NOW + timedelta(hours=2))
        assert FeedHealthStore(store_engine, limits).read()["f"].dead
        replies["reply"] = Reply(200, rss("back"))
        with caplog.at_level(logging.WARNING, logger="ingest.health"):
            (result,) = poller.poll_due(NOW + timedelta(days=2))
        assert result.outcome == "ok"
        health = FeedHealthStore(store_engine, limits).read()["f"]
        assert not health.dead and health.failing_since is None
        assert "feed f: alive again after being marked dead" in caplog.messages
    finally:
        poller.close()


def test_the_longest_item_lifetime_a_feed_showed_is_kept_when_its_old_items_go(tmp_path, store_engine):
    feed = local_feed(tmp_path, "f", rss("old", pub="Sat, 08 Jun 2024 12:00:00 GMT"))  # 10 days old at NOW
    poller = FeedPoller(VeilleConfig(feeds=(feed,)), store_engine, "w1")
    try:
        (first,) = poller.poll_due(NOW)
        poller.mark_published(first.articles, NOW)
        Path(feed.url).write_bytes(rss("new", pub="Tue, 18 Jun 2024 11:00:00 GMT"))
        (again,) = poller.poll_due(NOW + timedelta(hours=1))
        assert [article.title for article in again.articles] == ["new"]
        lifetime = FeedHealthStore(store_engine, poller.limits).read()["f"].item_lifetime_seconds
        assert lifetime == timedelta(days=10).total_seconds()
    finally:
        poller.close()
