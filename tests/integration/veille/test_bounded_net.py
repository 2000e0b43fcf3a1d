"""A consumer whose network thread stops serving it fails after the wait limit instead of hanging,
lets go of its group, and a stage runner carries on with a new consumer (veille/bounded_net.py)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from kafka import KafkaConsumer
from kafka.future import Future
from kafka.structs import OffsetAndMetadata, TopicPartition

from veille.bounded_net import BoundedSelector, ClientStalled
from veille.bus import Bus
from veille.contracts import Article, topic_name
from veille.runner import Outgoing, StageRunner

pytestmark = pytest.mark.timeout(120)  # a hang is what these tests exist to rule out

LIMIT_MS = 1_500
"""Short enough for a test; the tests that wait on a rejoin (its members answer within seconds) allow more."""


def _stall(consumer: KafkaConsumer) -> None:
    """Make the consumer's next group check wait on an answer that never comes, its own timeout unheeded.

    What the chaos run showed after a broker freeze: the network thread alive and idle, the main thread
    waiting in ``poll`` for a rejoin coroutine that never completed.
    """

    async def never_answered(*_args: object, **_kwargs: object) -> None:
        await Future()

    consumer._coordinator.ensure_coordinator_ready_async = never_answered


def _joined(bus: Bus, topic: str, group: str) -> KafkaConsumer:
    consumer = bus.consumer(group, [topic])
    for _ in range(60):
        consumer.poll(timeout_ms=500)
        if consumer.assignment():
            return consumer
    raise AssertionError("the consumer never got partitions")


def test_a_poll_whose_network_thread_stalls_raises_after_the_limit_and_the_client_stops(broker, kafka_config):
    bus = Bus(kafka_config.model_copy(update={"client_wait_limit_ms": LIMIT_MS}), broker)
    topic = topic_name(kafka_config.topic_prefix, "articles")
    bus.ensure_topics([topic])
    consumer = _joined(bus, topic, "stalled")
    selector = consumer._net
    assert isinstance(selector, BoundedSelector)
    io_thread = selector._io_thread
    assert io_thread is not None

    _stall(consumer)
    started = time.monotonic()
    with pytest.raises(ClientStalled, match=f"did not complete .* within {LIMIT_MS} ms"):
        consumer.poll(timeout_ms=500)
    assert time.monotonic() - started < 30  # the limit, not forever

    with pytest.raises(ClientStalled, match="given up"):  # every later call fails at once
        consumer.commit({TopicPartition(topic, 0): OffsetAndMetadata(0, "", -1)})
    io_thread.join(10)
    assert not io_thread.is_alive()  # told to stop: it heartbeats no more, its partitions go to others


def test_a_healthy_consumer_is_never_given_up_by_the_limit(broker, kafka_config):
    bus = Bus(kafka_config.model_copy(update={"client_wait_limit_ms": 4 * LIMIT_MS}), broker)
    topic = topic_name(kafka_config.topic_prefix, "articles")
    bus.ensure_topics([topic])
    consumer = _joined(bus, topic, "healthy")
    deadline = time.monotonic() + 12 * LIMIT_MS / 1000
    while time.monotonic() < deadline:  # idle polls and commits, each far shorter than the limit
        consumer.poll(timeout_ms=500)
        consumer.commit()
    assert consumer._net.stalled is None
    consumer.close()


def test_a_stage_whose_consumer_stalls_rebuilds_it_and_handles_every_record(broker, kafka_config):
    # The given-up member stays in the group until its session times out (6 s): the new one's first
    # calls wait that long for the rebalance, legitimately.
    kafka = kafka_config.model_copy(update={"client_wait_limit_ms": 20_000})
    bus = Bus(kafka, broker)
    src, out, dlq = (topic_name(kafka.topic_prefix, t) for t in ("articles", "detections", "dlq"))
    bus.ensure_topics([src, out, dlq])
    handled: list[str] = []

    def handler(messages):
        handled.extend(m.id for m in messages)
        return [Outgoing(out, m.id, m) for m in messages]

    runner = StageRunner(
        "process", bus, group_id="g-stall", source_topic=src, model=Article, handler=handler, dlq_topic=dlq
    )
    stop = threading.Event()
    first = runner._ensure_consumer()
    for _ in range(60):
        runner.step(stop)
        if first.assignment():
            break
    _stall(first)

    producer = bus.producer()
    ends: dict[TopicPartition, int] = {}
    for n in range(5):
        producer.send(
            src, f"k{n}", Article(id=f"a{n}", feed_id="f", source="S", title=f"t{n}", fetched_at=datetime.now(UTC))
        )
    for meta in producer.flush():
        ends[meta.topic_partition] = max(ends.get(meta.topic_partition, 0), meta.offset + 1)
    producer.close()

    runner.drain(ends, stop, timeout=90)
    runner.close()
    assert runner._consumer is None
    assert sorted(set(handled)) == ["a0", "a1", "a2", "a3", "a4"]
    assert first._net.stalled is not None  # the first consumer was given up, a second one did the work
