"""Two ingest replicas on one PostgreSQL store share stored feeds, moves, dead marks and WebSub subscriptions."""

from __future__ import annotations

import hashlib
import hmac
import threading
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx
import pytest

from ingest.catalog import FeedCatalog
from ingest.health import FeedHealthStore
from ingest.poller import FeedPoller
from ingest.push import PushIntake
from tests.integration.ingest.conftest import Reply
from tests.integration.ingest.websubhub import TOPIC, LocalHub, limits, wait_for
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig
from veille.store import create_engine

pytestmark = pytest.mark.timeout(120)
NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)


def rss(n: int) -> bytes:
    items = "".join(f"<item><guid>https://news.example/{n}/{i}</guid><title>s{n}-{i}</title></item>" for i in range(3))
    return f'<rss version="2.0"><channel><title>F{n}</title>{items}</channel></rss>'.encode()


@pytest.fixture
def pg_engines(pg_url):
    engines = [create_engine(pg_url), create_engine(pg_url)]
    yield engines
    for engine in engines:
        engine.dispose()


def test_two_replicas_poll_each_stored_feed_once_and_share_moves_and_dead_marks(feed_server, pg_engines):
    config = VeilleConfig(ingest=IngestConfig(dead_after=timedelta(hours=1)))
    catalog = FeedCatalog(config, pg_engines[0])
    for n in range(20):
        catalog.add(FeedConfig(id=f"f{n:02d}", url=feed_server.serve(f"/f{n}.xml", Reply(200, rss(n)))), NOW)
    new = feed_server.serve("/new.xml", Reply(200, rss(99)))
    catalog.add(FeedConfig(id="moved", url=feed_server.serve("/old.xml", Reply(301, headers={"Location": new}))), NOW)
    catalog.add(FeedConfig(id="down", url=feed_server.serve("/down.xml", Reply(503, b"down"))), NOW)
    pollers = [FeedPoller(config, engine, f"w{i}", batch=8) for i, engine in enumerate(pg_engines)]
    results: list[list] = [[], []]

    def run(index: int, now: datetime) -> None:
        while batch := pollers[index].poll_due(now):
            results[index].extend(batch)

    try:
        for now in (NOW, NOW + timedelta(hours=2)):
            threads = [threading.Thread(target=run, args=(i, now)) for i in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        polled = [r.feed_id for r in results[0] + results[1]]
        assert sorted(set(polled)) == sorted([f"f{n:02d}" for n in range(20)] + ["moved", "down"])
        assert all(len(feed_server.hits(f"/f{n}.xml")) == 2 for n in range(20))  # once per round, not per replica
        assert results[0] and results[1]  # both replicas took part
        ids = [a.id for r in results[0] + results[1] for a in r.articles]
        assert len(ids) == len(set(ids)) + 63  # every unpublished article comes back once per round, no more
        assert len(feed_server.hits("/old.xml")) == 1 and len(feed_server.hits("/new.xml")) == 2
        assert {f.id: f.url for f in catalog.stored()}["moved"] == new
        assert FeedHealthStore(pg_engines[1], config.ingest).read()["down"].dead
    finally:
        for poller in pollers:
            poller.close()


def test_a_subscription_made_by_one_replica_is_served_by_the_other(pg_engines):
    hub = LocalHub()
    replicas = [PushIntake(engine, limits(), f"w{n}") for n, engine in enumerate(pg_engines)]
    for push in replicas:
        push.start()
    try:
        replicas[0].store.discovered("wire", hub.url, TOPIC, datetime.now(UTC))
        assert sum(push.maintain(datetime.now(UTC)) for push in replicas) == 1  # claimed by one replica only
        wait_for(lambda: len(hub.subscriptions) == 1, "the verification")
        (sub,) = hub.subscriptions.values()
        body = b"<rss/>"
        signature = hmac.new(sub.secret.encode(), body, hashlib.sha256).hexdigest()
        other = next(push for push in replicas if not sub.callback.startswith(push.server.base_url))
        response = httpx.post(
            other.server.base_url + urlsplit(sub.callback).path,
            content=body,
            headers={"X-Hub-Signature-256": f"sha256={signature}"},
            timeout=10,
        )
        assert response.status_code == 202
        assert [pushed.feed_id for pushed in replicas[0].take()] == ["wire"]  # stored: any replica takes it
    finally:
        for push in replicas:
            push.close()
        hub.close()
