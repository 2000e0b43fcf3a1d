"""Malformed records on every consumed topic go to the dead-letter topic with the reason, and the
partition moves on: the real process and alerts stages, on the embedded broker.

Poison: bytes that are not UTF-8, text that is not JSON, JSON that is not an object, an object
missing fields, a record from a newer schema, and a record over the Article length limits.
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

import pytest

from alerts.worker import AlertsWorker
from process.worker import make_runner
from tests.integration.pipeline.support import REPO
from veille import contracts
from veille.bus import Bus
from veille.config import load_config
from veille.contracts import Article, ArticleRef, DeadLetter, Detection
from veille.pipeline import end_offsets
from veille.store import create_engine

pytestmark = [pytest.mark.broker, pytest.mark.timeout(300)]

NOW = datetime(2024, 6, 19, 8, 0, tzinfo=UTC)
GOOD_ARTICLE = Article(id="good", feed_id="f", source="S", title="Putin and Kim sign treaty", fetched_at=NOW)
GOOD_DETECTION = Detection(article=ArticleRef.of(GOOD_ARTICLE), lang="en", processed_at=NOW)


def _poison(good: bytes) -> dict[str, bytes]:
    record = json.loads(good)
    return {
        "not UTF-8": b"\xff\xfe\x00 broken",
        "not JSON": b"{not json",
        "not an object": b"[1, 2, 3]",
        "missing fields": json.dumps({"schema_version": 1}).encode(),
        "newer schema": json.dumps({**record, "schema_version": 99}).encode(),
        "over the limits": json.dumps({**record, "title": "x" * (contracts.TITLE_MAX + 1)}).encode(),
    }


def _config(tmp_path, kafka_config):
    config = load_config(REPO / "config" / "veille.example.yaml", environ={})
    return config.model_copy(update={"kafka": kafka_config, "data_dir": tmp_path})


def _produce(bus: Bus, topic: str, values: list[bytes]):
    producer = bus.producer()
    client = producer._client
    futures = [client.send(topic, key=f"k{i}".encode(), value=v) for i, v in enumerate(values)]
    client.flush()
    metas = [f.get(timeout=30) for f in futures]
    producer.close()
    return metas


def _letters(bus: Bus, topic: str, count: int) -> list[DeadLetter]:
    consumer = bus.consumer(f"reader-{topic}", [topic])
    values: list[bytes] = []
    for _ in range(120):
        for batch in consumer.poll(timeout_ms=500).values():
            values.extend(r.value for r in batch)
        if len(values) >= count:
            break
    consumer.close()
    return [DeadLetter.model_validate_json(v) for v in values]


@pytest.mark.parametrize("stage", ["process", "alerts"])
def test_every_kind_of_malformed_record_is_dead_lettered_with_its_reason(stage, broker, kafka_config, tmp_path):
    config = _config(tmp_path, kafka_config)
    bus = Bus(config.kafka, broker)
    bus.ensure_topics(config.topic(short) for short in contracts.TOPICS)
    source, good = ("articles", GOOD_ARTICLE) if stage == "process" else ("detections", GOOD_DETECTION)
    poison = _poison(good.to_bytes())
    metas = _produce(bus, config.topic(source), [*poison.values(), good.to_bytes()])
    engine = create_engine(f"sqlite:///{tmp_path / 'veille.db'}")
    runner = make_runner(config, bus) if stage == "process" else AlertsWorker(config, bus, engine).runner
    try:
        produced = runner.drain(end_offsets(metas), threading.Event(), timeout=120)
    finally:
        runner.close()
        engine.dispose()

    assert len(produced) == (1 if stage == "process" else 0)  # the good record behind the poison went through
    letters = _letters(bus, config.topic("dlq"), len(poison))
    assert len(letters) == len(poison)
    by_position = {(letter.partition, letter.offset): letter for letter in letters}
    for meta, (kind, value) in zip(metas, poison.items(), strict=False):
        letter = by_position.get((meta.partition, meta.offset))
        assert letter is not None, kind
        assert (letter.stage, letter.topic) == (stage, config.topic(source)), kind
        assert letter.error and "\n" not in letter.error, kind
        assert letter.payload == value.decode("utf-8", "replace"), kind
