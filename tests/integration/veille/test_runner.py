"""The stage runner on the embedded broker: at-least-once, dead letters, resume from commits."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

from kafka.structs import TopicPartition

from veille.bus import Bus
from veille.contracts import Article, DeadLetter, topic_name
from veille.errors import TransientError
from veille.runner import Outgoing, StageRunner


def _article(n: int) -> Article:
    return Article(id=f"a{n}", feed_id="f", source="S", title=f"t{n}", fetched_at=datetime.now(UTC))


def _produce(bus: Bus, topic: str, values: list[bytes]) -> dict[TopicPartition, int]:
    producer = bus.producer()
    client = producer._client
    futures = [client.send(topic, key=f"k{i}".encode(), value=v) for i, v in enumerate(values)]
    client.flush()
    ends: dict[TopicPartition, int] = {}
    for future in futures:
        meta = future.get(timeout=10)
        ends[meta.topic_partition] = max(ends.get(meta.topic_partition, 0), meta.offset + 1)
    producer.close()
    return ends


def _read_all(bus: Bus, topic: str, count: int) -> list[bytes]:
    consumer = bus.consumer(f"reader-{topic}", [topic])
    values: list[bytes] = []
    for _ in range(60):
        for batch in consumer.poll(timeout_ms=500).values():
            values.extend(r.value for r in batch)
        if len(values) >= count:
            break
    consumer.close()
    return values


def test_runner_forwards_handled_records_and_dead_letters_poison(broker, kafka_config):
    bus = Bus(kafka_config, broker)
    src, out, dlq = (topic_name(kafka_config.topic_prefix, t) for t in ("articles", "detections", "dlq"))
    bus.ensure_topics([src, out, dlq])
    good = [_article(n).to_bytes() for n in range(3)]
    ends = _produce(bus, src, [*good, b"{not json", json.dumps({"id": "x"}).encode()])

    def handler(messages):
        return [Outgoing(out, m.id, m) for m in messages]

    runner = StageRunner("process", bus, group_id="g1", source_topic=src, model=Article, handler=handler, dlq_topic=dlq)
    produced = runner.drain(ends, threading.Event(), timeout=60)
    runner.close()

    assert sorted(m.offset for m in produced) == sorted(m.offset for m in produced)  # metadata returned
    assert len(produced) == 3
    forwarded = sorted(Article.model_validate_json(v).id for v in _read_all(bus, out, 3))
    assert forwarded == ["a0", "a1", "a2"]
    letters = [DeadLetter.model_validate_json(v) for v in _read_all(bus, dlq, 2)]
    assert len(letters) == 2
    assert all(letter.stage == "process" and "not a valid Article" in letter.error for letter in letters)
    assert {letter.payload for letter in letters} == {"{not json", '{"id": "x"}'}


def test_runner_retries_transient_failures_and_resumes_from_committed_offsets(broker, kafka_config):
    bus = Bus(kafka_config, broker)
    src, out, dlq = (topic_name(kafka_config.topic_prefix, t) for t in ("articles", "detections", "dlq"))
    bus.ensure_topics([src, out, dlq])
    ends = _produce(bus, src, [_article(n).to_bytes() for n in range(4)])
    seen: list[str] = []
    failures = {"left": 2}

    def flaky(messages):
        if failures["left"]:
            failures["left"] -= 1
            raise TransientError("database is busy", retry_after=0.1)
        seen.extend(m.id for m in messages)
        return []

    runner = StageRunner("process", bus, group_id="g2", source_topic=src, model=Article, handler=flaky, dlq_topic=dlq)
    runner.drain(ends, threading.Event(), timeout=60)
    runner.close()
    assert sorted(seen) == ["a0", "a1", "a2", "a3"]  # nothing lost across the retries

    again: list[str] = []
    more = _produce(bus, src, [_article(9).to_bytes()])
    second = StageRunner(
        "process",
        bus,
        group_id="g2",
        source_topic=src,
        model=Article,
        handler=lambda ms: again.extend(m.id for m in ms) or [],
        dlq_topic=dlq,
    )
    second.drain(more, threading.Event(), timeout=60)
    second.close()
    assert again == ["a9"]  # committed records are not redelivered to the group
