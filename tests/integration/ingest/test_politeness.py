"""Politeness and feed lifecycle: permanent redirects, interval hints, dead feeds, stored feeds, seen pruning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from prometheus_client import REGISTRY

from ingest.catalog import FeedCatalog
from ingest.health import FeedHealthStore
from ingest.poller import FeedPoller
from ingest.retention import effective_retention, prune_seen
from ingest.state import feed_state, seen_articles
from tests.integration.ingest.conftest import Reply, conditional
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)


def rss(*titles: str, channel_extra: str = "", pub: str = "Tue, 18 Jun 2024 08:00:00 GMT") -> bytes:
    items = "".join(
        f"<item><guid>https://news.example/{t}</guid><title>{t}</title><pubDate>{pub}</pubDate></item>" for t in titles
    )
    return (
        '<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>Wire</title>'
        f"{channel_extra}{items}</channel></rss>"
    ).encode()


@pytest.fixture
def make_poller(store_engine):
    made: list[FeedPoller] = []

    def factory(*feeds: FeedConfig, **ingest: object) -> FeedPoller:
        poller = FeedPoller(VeilleConfig(feeds=feeds, ingest=IngestConfig(**ingest)), store_engine, "w1")
        made.append(poller)
        return poller

    yield factory
    for poller in made:
        poller.close()


def next_due(engine, feed_id: str) -> datetime:
    with engine.connect() as conn:
        return conn.execute(sa.select(feed_state.c.next_due).where(feed_state.c.feed_id == feed_id)).scalar_one()


@pytest.mark.parametrize("status", [301, 308])
def test_a_permanent_redirect_updates_the_stored_url(feed_server, make_poller, store_engine, status):
    new = feed_server.serve("/new.xml", Reply(200, rss("a")))
    old = feed_server.serve("/old.xml", Reply(status, headers={"Location": new}))
    poller = make_poller()
    FeedCatalog(poller.catalog.config, store_engine).add(FeedConfig(id="moved", url=old), NOW)
    (result,) = poller.poll_due(NOW)
    assert result.outcome == "ok"
    assert [feed.url for feed in poller.catalog.stored()] == [new]
    poller.poll_due(NOW + timedelta(minutes=6))
    assert len(feed_server.hits("/old.xml")) == 1 and len(feed_server.hits("/new.xml")) == 2


def test_a_config_feed_that_moved_is_polled_at_its_new_address_and_a_temporary_redirect_changes_nothing(
    feed_server, make_poller
):
    new = feed_server.serve("/new.xml", Reply(200, rss("a")))
    moved = feed_server.serve("/moved.xml", Reply(301, headers={"Location": new}))
    temporary = feed_server.serve("/temp.xml", Reply(302, headers={"Location": new}))
    poller = make_poller(FeedConfig(id="moved", url=moved), FeedConfig(id="temp", url=temporary))
    poller.poll_due(NOW)
    assert {feed.id: feed.url for feed in poller.refresh_feeds()} == {"moved": new, "temp": temporary}


@pytest.mark.parametrize(
    ("extra", "headers", "expected"),
    [
        ("<ttl>60</ttl>", {}, timedelta(minutes=60)),
        (
            "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>",
            {},
            timedelta(minutes=30),
        ),
        ("", {"Cache-Control": "public, max-age=86400"}, timedelta(hours=6)),  # capped by max_interval
        ("<ttl>1</ttl>", {}, timedelta(minutes=5)),  # never shorter than configured
        ("", {"Cache-Control": "no-cache, max-age=3600"}, timedelta(minutes=5)),
    ],
)
def test_feed_and_server_hints_lengthen_the_interval_within_the_limits(
    feed_server, make_poller, store_engine, extra, headers, expected
):
    url = feed_server.serve("/f.xml", Reply(200, rss("a", channel_extra=extra), headers))
    poller = make_poller(FeedConfig(id="f", url=url, interval=timedelta(minutes=5)), max_interval=timedelta(hours=6))
    poller.poll_due(NOW)
    assert next_due(store_engine, "f") == NOW + expected


def test_min_interval_bounds_a_configured_interval_from_below(tmp_path, make_poller, store_engine):
    local = tmp_path / "f.xml"
    local.write_bytes(rss("a"))
    poller = make_poller(FeedConfig(id="f", url=str(local), interval=timedelta(seconds=10)))
    poller.poll_due(NOW)
    assert next_due(store_engine, "f") == NOW + timedelta(minutes=1)


def test_a_feed_failing_longer_than_dead_after_is_marked_dead_reported_and_retried_rarely(
    feed_server, make_poller, store_engine
):
    replies = {"reply": Reply(500, b"down")}
    url = feed_server.serve("/f.xml", lambda _headers: replies["reply"])
    poller = make_poller(FeedConfig(id="f", url=url), dead_after=timedelta(hours=2), dead_retry=timedelta(days=1))
    poller.poll_due(NOW)
    assert not FeedHealthStore(store_engine, poller.limits).read()["f"].dead
    later = NOW + timedelta(hours=3)
    (result,) = poller.poll_due(later)
    assert result.outcome == "transient_error"
    assert FeedHealthStore(store_engine, poller.limits).read()["f"].dead
    assert timedelta(hours=19) <= next_due(store_engine, "f") - later <= timedelta(hours=24)
    poller.refresh_feeds()
    assert REGISTRY.get_sample_value("veille_ingest_feeds", {"state": "dead"}) == 1
    assert [feed.interval for feed in poller.feeds] == [timedelta(days=1)]
    replies["reply"] = Reply(200, rss("back"))
    (result,) = poller.poll_due(next_due(store_engine, "f"))
    assert result.outcome == "ok"
    assert not FeedHealthStore(store_engine, poller.limits).read()["f"].dead
    assert [feed.interval for feed in poller.refresh_feeds()] == [timedelta(minutes=5)]
    assert REGISTRY.get_sample_value("veille_ingest_feeds", {"state": "dead"}) == 0


def test_a_feed_added_to_the_store_is_picked_up_by_a_running_poller(tmp_path, make_poller, store_engine):
    poller = make_poller()
    assert poller.poll_due(NOW) == []
    local = tmp_path / "f.xml"
    local.write_bytes(rss("fresh"))
    FeedCatalog(poller.catalog.config, store_engine).add(FeedConfig(id="late", url=str(local)), NOW)
    (result,) = poller.poll_due(NOW + timedelta(seconds=1))
    assert result.feed_id == "late" and [a.title for a in result.articles] == ["fresh"]


def test_seen_ids_are_pruned_past_a_retention_longer_than_any_feed_keeps_its_items(tmp_path, make_poller, store_engine):
    local = tmp_path / "f.xml"
    local.write_bytes(rss("old", pub="Sat, 18 May 2024 12:00:00 GMT"))  # listed 31 days after publication
    poller = make_poller(FeedConfig(id="f", url=str(local)), seen_retention=timedelta(days=30))
    (result,) = poller.poll_due(NOW)
    poller.mark_published(result.articles, NOW - timedelta(days=40))
    limits = poller.limits
    assert effective_retention(store_engine, limits) == timedelta(days=62)  # twice the observed item lifetime
    assert prune_seen(store_engine, limits, NOW) == 0
    assert prune_seen(store_engine, limits, NOW + timedelta(days=23)) == 1
    with store_engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(seen_articles)).scalar() == 0


def test_a_not_modified_answer_keeps_the_interval_the_feed_asked_for(feed_server, make_poller, store_engine):
    url = feed_server.serve("/f.xml", conditional(rss("a", channel_extra="<ttl>60</ttl>")))
    poller = make_poller(FeedConfig(id="f", url=url, interval=timedelta(minutes=5)))
    (first,) = poller.poll_due(NOW)
    poller.mark_published(first.articles)
    later = NOW + timedelta(minutes=61)
    (again,) = poller.poll_due(later)
    assert again.outcome == "not_modified"
    assert next_due(store_engine, "f") == later + timedelta(minutes=60)
