"""The bus builds clients from the Kafka config: compression and fetch wait are the config's, not fixed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from veille import bus as bus_module
from veille.bus import Bus
from veille.contracts import Article, topic_name


@pytest.mark.parametrize("compression", [None, "gzip"])
def test_messages_round_trip_with_the_configured_compression(broker, kafka_config, compression):
    kafka = kafka_config.model_copy(update={"compression_type": compression, "fetch_max_wait_ms": 50})
    bus = Bus(kafka, broker)
    topic = topic_name(kafka.topic_prefix, "articles")
    bus.ensure_topics([topic])
    sent = [
        Article(id=f"a{n}", feed_id="f", source="S", title=f"title {n}", fetched_at=datetime.now(UTC))
        for n in range(20)
    ]
    producer = bus.producer()
    assert producer._client.config["compression_type"] == compression
    for article in sent:
        producer.send(topic, article.id, article)
    producer.flush()
    producer.close()

    consumer = bus.consumer(f"{kafka.topic_prefix}.reader", [topic])
    assert consumer.config["fetch_max_wait_ms"] == 50
    received: list[Article] = []
    for _ in range(60):
        for batch in consumer.poll(timeout_ms=500).values():
            received.extend(Article.model_validate_json(record.value) for record in batch)
        if len(received) >= len(sent):
            break
    consumer.close()
    assert sorted(a.id for a in received) == sorted(a.id for a in sent)


def test_a_record_larger_than_the_fetch_size_still_reaches_the_consumer(broker, kafka_config):
    bus = Bus(kafka_config, broker)
    topic = topic_name(kafka_config.topic_prefix, "articles")
    bus.ensure_topics([topic])
    large = b"x" * (bus_module._FETCH_BYTES + 1)  # over the per-partition fetch size
    producer = bus.raw_producer()
    for value in (large, b"small"):
        producer.send(topic, key=b"same-partition", value=value)
    producer.flush()
    producer.close()

    consumer = bus.consumer(f"{kafka_config.topic_prefix}.reader", [topic])
    received: list[bytes] = []
    for _ in range(60):
        for batch in consumer.poll(timeout_ms=500).values():
            received.extend(record.value for record in batch)
        if len(received) >= 2:
            break
    consumer.close()
    assert received == [large, b"small"]
