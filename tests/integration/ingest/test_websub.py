"""WebSub against a local hub: subscription, verification, signed pushes, leases, and hubs that misbehave."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa
import yaml
from prometheus_client import REGISTRY

from ingest.poller import FeedPoller
from ingest.push import PushIntake
from ingest.push_queue import PushQueue
from ingest.state import seen_articles
from ingest.worker import IngestWorker
from tests.integration.ingest.conftest import Reply
from tests.integration.ingest.websubhub import TOPIC, LocalHub, limits, wait_for
from veille.bus import Bus
from veille.cli import main
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig, WebSubConfig
from veille.errors import ConfigError, TransientError
from veille.store import create_engine

pytestmark = pytest.mark.timeout(120)


def rss(*titles: str, hub: str | None = None, self_url: str | None = None) -> bytes:
    items = "".join(
        f"<item><guid>https://news.example/{t.replace(' ', '-')}</guid><title>{t}</title></item>" for t in titles
    )
    links = ""
    if hub:
        links += f'<atom:link rel="hub" href="{hub}"/>'
    if self_url:
        links += f'<atom:link rel="self" href="{self_url}"/>'
    return (
        f'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Wire</title>{links}'
        f"{items}</channel></rss>"
    ).encode()


@pytest.fixture
def hub():
    local = LocalHub()
    yield local
    local.close()


@pytest.fixture
def intake_factory(store_engine):
    made: list[PushIntake] = []

    def factory(max_queued: int = 1000, **websub: object) -> PushIntake:
        push = PushIntake(store_engine, limits(**websub), "w1", max_queued)
        push.start()
        made.append(push)
        return push

    yield factory
    for push in made:
        push.close()


def subscribed(push: PushIntake, hub: LocalHub, feed_id: str = "wire") -> str:
    """Discover, subscribe and wait for the hub's verification; return the callback URL."""
    push.store.discovered(feed_id, hub.url, TOPIC, datetime.now(UTC))
    assert push.maintain(datetime.now(UTC)) == 1
    callback = hub.requests[-1]["hub.callback"]
    wait_for(lambda: callback in hub.subscriptions, "the hub's verification")
    assert push.store.get(feed_id).state == "active"
    return callback


@pytest.fixture
def hub_feed(feed_server, hub, broker, kafka_config, tmp_path):
    """(config, engine, bus) for one feed "wire" that advertises the local hub, on a SQLite store."""
    url = feed_server.serve("/wire.xml", Reply(200, rss("First", hub=hub.url, self_url=TOPIC)))
    config = VeilleConfig(kafka=kafka_config, feeds=(FeedConfig(id="wire", url=url),), ingest=limits())
    engine = create_engine(f"sqlite:///{tmp_path / 'state.db'}")
    bus = Bus(kafka_config, broker)
    bus.ensure_topics([config.topic("articles")])
    yield config, engine, bus
    engine.dispose()


def test_a_hub_a_feed_advertises_is_subscribed_and_its_pushes_are_published(hub_feed, hub):
    config, engine, bus = hub_feed
    worker = IngestWorker(config, bus, engine, "w1")
    try:
        _, produced = worker.cycle()  # polls the feed, finds the hub
        assert len(produced) == 1
        worker.cycle()  # subscribes
        wait_for(lambda: len(hub.subscriptions) == 1, "the subscription")
        assert hub.verifications == [(200, True)]
        assert hub.publish(TOPIC, rss("First", "Pushed story")) == [202]
        assert worker.push.wake.is_set()
        _, produced = worker.cycle()
        assert len(produced) == 1  # the pushed story; "First" was seen already
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(seen_articles)).scalar() == 2
        assert [f.interval for f in worker.poller.feeds] == [timedelta(hours=1)]  # polled as a safety net only
    finally:
        worker.close()


def test_hub_links_come_from_http_link_headers_and_the_feed_document(feed_server, store_engine):
    headers = {"Link": f'<{TOPIC}>; rel="self", <https://hub.example/>; rel="hub"'}
    by_header = feed_server.serve("/a.xml", Reply(200, rss("A"), headers))
    in_document = feed_server.serve("/b.xml", Reply(200, rss("B", hub="https://hub2.example/")))
    found: list[tuple[str, str, str]] = []
    feeds = (FeedConfig(id="a", url=by_header), FeedConfig(id="b", url=in_document))
    poller = FeedPoller(
        VeilleConfig(feeds=feeds), store_engine, "w1", on_hub=lambda f, h, t: found.append((f.id, h, t))
    )
    try:
        poller.poll_due(datetime.now(UTC))
    finally:
        poller.close()
    assert sorted(found) == [("a", "https://hub.example/", TOPIC), ("b", "https://hub2.example/", in_document)]


def test_subscription_request_carries_callback_topic_secret_and_lease(intake_factory, hub):
    push = intake_factory()
    callback = subscribed(push, hub)
    form = hub.requests[0]
    assert form["hub.mode"] == "subscribe" and form["hub.topic"] == TOPIC
    assert callback.startswith(push.server.base_url + "/wire/")
    assert len(form["hub.secret"]) >= 32 and form["hub.lease_seconds"] == str(5 * 86400)
    sub = push.store.get("wire")
    assert sub.pushing(datetime.now(UTC))
    assert sub.lease_expires - datetime.now(UTC) > timedelta(days=4, hours=23)


def test_verifications_for_unknown_topics_tokens_feeds_or_modes_are_refused(intake_factory, hub):
    push = intake_factory()
    callback = subscribed(push, hub)
    base = push.server.base_url
    assert (
        hub.call(
            callback, **{"hub.mode": "subscribe", "hub.topic": "https://evil.example/", "hub.challenge": "x"}
        ).status_code
        == 404
    )
    assert (
        hub.call(callback, **{"hub.mode": "unsubscribe", "hub.topic": TOPIC, "hub.challenge": "x"}).status_code == 404
    )
    assert (
        hub.call(
            f"{base}/wire/not-the-token", **{"hub.mode": "subscribe", "hub.topic": TOPIC, "hub.challenge": "x"}
        ).status_code
        == 404
    )
    push.store.discovered("quiet", hub.url, TOPIC, datetime.now(UTC) + timedelta(days=1))  # never asked for
    quiet = push.store.get("quiet")
    unasked = f"{base}/quiet/{quiet.token}"
    assert hub.call(unasked, **{"hub.mode": "subscribe", "hub.topic": TOPIC, "hub.challenge": "x"}).status_code == 404
    assert push.store.get("quiet").state == "discovered"


def test_signed_pushes_are_queued_and_wrong_or_missing_signatures_are_acknowledged_then_dropped(intake_factory, hub):
    push = intake_factory()
    callback = subscribed(push, hub)
    assert hub.publish(TOPIC, b"<rss/>") == [202]
    assert hub.publish(TOPIC, b"<rss>sha1</rss>", header="X-Hub-Signature") == [202]
    assert [pushed.body for pushed in push.take()] == [b"<rss/>", b"<rss>sha1</rss>"]
    assert hub.publish(TOPIC, b"<rss>forged</rss>", sign_with="not-the-secret") == [202]
    unsigned = httpx.post(callback, content=b"<rss>unsigned</rss>", timeout=10)
    assert unsigned.status_code == 202
    unknown = httpx.post(f"{push.server.base_url}/nosuch/token", content=b"<rss/>", timeout=10)
    assert unknown.status_code == 404
    assert push.queue.waiting() == 2  # the two taken, not yet done; nothing else was stored


def test_a_push_over_the_size_limit_is_refused_unread(intake_factory, hub):
    push = intake_factory(max_body_bytes=1024)
    subscribed(push, hub)
    assert hub.publish(TOPIC, b"<rss>" + b"x" * 2000 + b"</rss>") == [413]
    assert push.queue.waiting() == 0


def test_a_push_after_the_lease_expired_is_refused_and_the_feed_is_polled_again(intake_factory, hub):
    push = intake_factory()
    subscribed(push, hub)
    past = datetime.now(UTC) - timedelta(seconds=1)
    push.store.verified("wire", past, past)  # the hub let the lease run out without renewal
    assert hub.publish(TOPIC, b"<rss/>") == [410]
    assert push.queue.waiting() == 0
    assert push.pushing(datetime.now(UTC)) == frozenset()
    push.maintain(datetime.now(UTC))
    assert push.store.get("wire").state == "failed"
    assert "lease expired" in push.store.get("wire").last_error


def test_the_lease_is_renewed_before_it_expires(intake_factory, hub):
    hub.lease_seconds = 7200
    push = intake_factory()
    subscribed(push, hub)
    first = push.store.get("wire")
    assert timedelta(minutes=59) < first.next_action - datetime.now(UTC) <= timedelta(hours=1)
    assert push.maintain(datetime.now(UTC)) == 0
    hub.verified.clear()
    assert push.maintain(first.next_action + timedelta(seconds=1)) == 1
    assert hub.requests[-1]["hub.callback"] == hub.requests[0]["hub.callback"]
    wait_for(lambda: push.store.get("wire").lease_expires > first.lease_expires, "the renewed lease")
    assert push.store.get("wire").state == "active"


def test_a_failed_renewal_keeps_the_running_lease_and_retries_before_it_ends(intake_factory, hub):
    hub.lease_seconds = 7200
    push = intake_factory()
    subscribed(push, hub)
    first = push.store.get("wire")
    hub.status = 500
    when = first.next_action + timedelta(seconds=1)
    assert push.maintain(when) == 1
    sub = push.store.get("wire")
    assert sub.state == "active" and sub.lease_expires == first.lease_expires
    assert "HTTP 500" in sub.last_error
    assert when < sub.next_action < first.lease_expires
    assert push.pushing(when) == frozenset({"wire"})


@pytest.mark.parametrize(("behaviour", "error"), [("status", "hub answered HTTP 500"), ("deny", "not allowed here")])
def test_a_hub_that_fails_or_denies_leaves_the_feed_to_polling(intake_factory, hub, behaviour, error):
    if behaviour == "status":
        hub.status = 500
    else:
        hub.deny = True
    push = intake_factory()
    push.store.discovered("wire", hub.url, TOPIC, datetime.now(UTC))
    push.maintain(datetime.now(UTC))
    wait_for(lambda: push.store.get("wire").state == "failed", "the failure")
    sub = push.store.get("wire")
    assert error in sub.last_error
    assert sub.next_action - datetime.now(UTC) > timedelta(hours=5)
    assert push.pushing(datetime.now(UTC)) == frozenset()


def test_a_hub_that_never_verifies_is_given_up_after_the_timeout(intake_factory, hub):
    hub.verify = False
    push = intake_factory()
    push.store.discovered("wire", hub.url, TOPIC, datetime.now(UTC))
    assert push.maintain(datetime.now(UTC)) == 1
    assert push.store.get("wire").state == "subscribing"
    push.maintain(datetime.now(UTC) + timedelta(minutes=11))
    assert push.store.get("wire").state == "failed"
    assert "did not verify" in push.store.get("wire").last_error


def test_a_hub_on_a_private_address_is_refused_by_default(store_engine, hub):
    push = PushIntake(store_engine, IngestConfig(websub=WebSubConfig(enabled=True, port=0)), "w1")
    try:
        push.store.discovered("wire", hub.url, TOPIC, datetime.now(UTC))
        push.maintain(datetime.now(UTC))
        assert hub.requests == []
        assert "non-public address" in push.store.get("wire").last_error
    finally:
        push.close()


def test_a_callback_port_already_in_use_is_one_config_error(intake_factory, store_engine):
    first = intake_factory()
    port = int(first.server.base_url.rsplit(":", 1)[1])
    with pytest.raises(ConfigError, match=f"cannot listen on 127.0.0.1:{port}"):
        PushIntake(store_engine, IngestConfig(websub=WebSubConfig(enabled=True, port=port)), "w2")


def test_pushed_items_wait_for_kafka_when_it_is_down(tmp_path, broker, kafka_config):
    local = tmp_path / "wire.xml"
    local.write_bytes(rss("First"))
    config = VeilleConfig(kafka=kafka_config, feeds=(FeedConfig(id="wire", url=str(local)),), ingest=limits())
    engine = create_engine(f"sqlite:///{tmp_path / 'state.db'}")
    worker = IngestWorker(config, _KafkaDown(kafka_config, []), engine, "w1")
    try:
        assert worker.push.queue.add("wire", rss("Pushed story"), "application/rss+xml", datetime.now(UTC))
        with pytest.raises(TransientError):
            worker.cycle()
        worker.bus = Bus(kafka_config, broker)
        worker.bus.ensure_topics([config.topic("articles")])
        _, produced = worker.cycle()
        assert len(produced) == 1  # the pushed story, kept through the outage
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(seen_articles)).scalar() == 1
    finally:
        worker.close()
        engine.dispose()


class _KafkaDown(Bus):
    """A bus whose cluster cannot be reached (kafka-python leaks sockets when pointed at a closed port)."""

    def producer(self):
        raise TransientError("cannot reach Kafka: NoBrokersAvailable")


def test_a_push_acknowledged_before_a_worker_died_is_published_by_its_restart(hub_feed, hub):
    config, engine, bus = hub_feed
    first = IngestWorker(config, bus, engine, "w1")
    try:
        first.cycle()  # polls the feed, finds the hub
        first.cycle()  # subscribes
        wait_for(lambda: len(hub.subscriptions) == 1, "the subscription")
        assert hub.publish(TOPIC, rss("First", "Pushed story")) == [202]
        assert [p.feed_id for p in first.push.take()] == ["wire"]  # taken, then the process dies before publishing
    finally:
        first.close()  # what a kill leaves: the stored push, claimed by w1
    restarted = IngestWorker(config, bus, engine, "w1")  # the same replica, restarted
    try:
        _, produced = restarted.cycle()
        assert len(produced) == 1  # the pushed story the hub was told we had
        assert restarted.push.queue.waiting() == 0
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(seen_articles)).scalar() == 2
        assert restarted.cycle()[1] == []  # published once, not again
    finally:
        restarted.close()


def test_a_claim_left_by_a_dead_replica_is_taken_by_another_after_it_expires(intake_factory, hub):
    push = intake_factory()
    subscribed(push, hub)
    assert hub.publish(TOPIC, b"<rss/>") == [202]
    (taken,) = push.take()  # replica w1 dies holding it
    other = PushQueue(push.queue.engine)
    assert other.take("w2", datetime.now(UTC)) == []  # still claimed
    later = datetime.now(UTC) + other.hold + timedelta(seconds=1)
    assert [p.push_id for p in other.take("w2", later)] == [taken.push_id]


def test_a_full_push_queue_tells_the_hub_to_retry_and_drops_nothing(intake_factory, hub):
    push = intake_factory(max_queued=2)
    callback = subscribed(push, hub)
    assert hub.publish(TOPIC, b"<rss>1</rss>") == [202]
    assert hub.publish(TOPIC, b"<rss>2</rss>") == [202]
    sub = hub.subscriptions[callback]
    signature = hmac.new(sub.secret.encode(), b"<rss>3</rss>", hashlib.sha256).hexdigest()
    refused = httpx.post(
        callback, content=b"<rss>3</rss>", headers={"X-Hub-Signature-256": f"sha256={signature}"}, timeout=10
    )
    assert (refused.status_code, refused.headers["retry-after"]) == (503, "60")
    assert REGISTRY.get_sample_value("veille_ingest_websub_pushes_total", {"outcome": "deferred"}) >= 1
    taken = push.take()
    assert [p.body for p in taken] == [b"<rss>1</rss>", b"<rss>2</rss>"]
    push.done(taken)
    assert hub.publish(TOPIC, b"<rss>3</rss>") == [202]  # the hub's retry
    assert [p.body for p in push.take()] == [b"<rss>3</rss>"]


def test_a_push_the_store_cannot_keep_is_not_acknowledged(intake_factory, hub):
    push = intake_factory()
    subscribed(push, hub)
    with push.queue.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE websub_pushes"))  # the store refuses the write
    assert hub.publish(TOPIC, b"<rss/>") == [503]


def test_removing_a_pushed_feed_unsubscribes_at_the_hub(intake_factory, hub, feed_server, store_url, tmp_path, capsys):
    config = tmp_path / "veille.yaml"
    config.write_text(yaml.safe_dump({"data_dir": str(tmp_path / "data"), "store": {"url": store_url}, "feeds": []}))
    url = feed_server.serve("/wire.xml", Reply(200, rss("First"), {"Content-Type": "application/rss+xml"}))
    assert main(["feed", "add", url, "--id", "wire", "--config", str(config)]) == 0
    push = intake_factory()
    callback = subscribed(push, hub)

    assert main(["feed", "remove", "wire", "--config", str(config)]) == 0
    assert f"unsubscribing from WebSub hub {hub.url}" in capsys.readouterr().out
    assert push.store.get("wire").state == "unsubscribing"
    assert hub.publish(TOPIC, rss("Late")) == [410]  # no longer taken
    assert push.maintain(datetime.now(UTC)) == 1  # the running worker sends the request
    request = hub.requests[-1]
    assert (request["hub.mode"], request["hub.topic"], request["hub.callback"]) == ("unsubscribe", TOPIC, callback)
    wait_for(lambda: callback not in hub.subscriptions, "the hub's unsubscription check")
    assert hub.verifications[-1] == (200, True)  # our endpoint confirmed the intent
    assert push.store.get("wire") is None


def test_an_unsubscription_the_hub_does_not_verify_is_retried_then_dropped_when_the_lease_ends(intake_factory, hub):
    push = intake_factory()
    subscribed(push, hub)
    lease_end = push.store.get("wire").lease_expires
    hub.verify = False
    assert push.store.unsubscribe("wire", datetime.now(UTC)) is not None
    assert push.maintain(datetime.now(UTC)) == 1
    assert push.maintain(datetime.now(UTC)) == 0  # waits for the verification
    retry = datetime.now(UTC) + timedelta(minutes=11)
    assert push.maintain(retry) == 1 and hub.requests[-1]["hub.mode"] == "unsubscribe"
    assert push.maintain(lease_end + timedelta(minutes=30)) == 0  # the hub holds nothing any more
    assert push.store.get("wire") is None
