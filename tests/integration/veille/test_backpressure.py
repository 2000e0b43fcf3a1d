"""Back-pressure on the embedded broker: ingest stops polling while process lags, and resumes when it catches up."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from ingest.state import feed_state
from ingest.worker import IngestWorker
from tests.chaos.world import Item, rss
from tests.integration.pipeline.support import FeedServer, write_config
from tests.integration.veille.test_runner import _article
from veille.backpressure import DownstreamLag
from veille.bus import Bus
from veille.config import load_config
from veille.contracts import topic_name
from veille.store import create_engine


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def _consume_and_commit(bus: Bus, group: str, topic: str, count: int) -> None:
    consumer = bus.consumer(group, [topic])
    seen = 0
    deadline = time.monotonic() + 60
    while seen < count and time.monotonic() < deadline:
        polled = consumer.poll(timeout_ms=500)
        seen += sum(len(batch) for batch in polled.values())
        if polled:
            consumer.commit()
    consumer.close(autocommit=False)
    assert seen >= count


def test_the_lag_gate_holds_until_the_group_commits(broker, kafka_config):
    bus = Bus(kafka_config, broker)
    topic = topic_name(kafka_config.topic_prefix, "articles")
    bus.ensure_topics([topic])
    producer = bus.producer()
    for n in range(30):
        producer.send(topic, f"a{n}", _article(n))
    gate = DownstreamLag(bus, "ingest", "lagging", limit=10, check_every=0.2)
    gate.produced(producer.flush())
    producer.close()
    assert gate.lag() == 30

    waited: list[float] = []
    holder = threading.Thread(target=lambda: waited.append(gate.wait(threading.Event())))
    holder.start()
    time.sleep(2)
    assert holder.is_alive(), "the gate let a producer run 30 records ahead of a limit of 10"
    _consume_and_commit(bus, "lagging", topic, 30)
    holder.join(timeout=30)
    assert not holder.is_alive() and waited[0] >= 2
    assert gate.lag() == 0
    gate.close()


def test_a_flood_of_articles_pauses_ingest_instead_of_growing_the_topic(broker, kafka_config, tmp_path):
    published = {f"flood-{n}": datetime.now(UTC) for n in range(60)}
    items = [Item(guid, 0, f"Ferry story {guid}", "The ferry ran late.", None) for guid in published]
    feeds = FeedServer({"/f.xml": rss(0, items, published)}).start()
    prefix = kafka_config.topic_prefix
    path = write_config(
        tmp_path / "veille.yaml",
        feed_url=feeds.url("/f.xml"),
        receivers="  - {name: out, type: jsonl, path: alerts.jsonl}",
        rule_receivers="out",
        extra=f"data_dir: {tmp_path}\nkafka: {{bootstrap_servers: [{broker[0]}], topic_prefix: {prefix}}}\n",
    )
    config = load_config(path)
    bus = Bus(config.kafka, broker)
    bus.ensure_topics([config.topic("articles")])
    engine = create_engine(config.store_url)
    worker = IngestWorker(config, bus, engine, max_lag=20)
    worker.downstream.check_every = 0.2
    stop = threading.Event()
    runner = threading.Thread(target=worker.run, args=(stop,))
    runner.start()
    try:
        _wait_for(lambda: len(feeds.requests) >= 1, 60, "the first poll")
        time.sleep(6)  # three poll intervals: a free-running ingest would poll again
        assert len(feeds.requests) == 1, "ingest kept polling while process lagged 60 articles behind"
        _consume_and_commit(bus, f"{prefix}.process", config.topic("articles"), 60)
        with engine.begin() as conn:  # due now, whatever the feed's schedule says: only back-pressure holds it
            conn.execute(feed_state.update().values(next_due=datetime.now(UTC)))
        _wait_for(lambda: len(feeds.requests) >= 2, 30, "ingest to resume once process caught up")
    finally:
        stop.set()
        runner.join(timeout=30)
        feeds.stop()
        engine.dispose()
