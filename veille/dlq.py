"""The dead-letter topic for operators: list what failed, send it back once the cause is fixed.

A dead letter's id is ``<partition>:<offset>`` on the ``dlq`` topic. ``replay`` produces the
original payload, with its original key, to the topic it came from, and records the id in the
SQL table ``dlq_replays`` first: a second replay of the same id does nothing (idempotent), and
the stage that consumes the payload again is idempotent itself.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

import sqlalchemy as sa
from kafka import KafkaConsumer
from kafka.structs import TopicPartition
from pydantic import ValidationError

from veille.bus import Bus
from veille.contracts import DeadLetter
from veille.store import UtcDateTime, ensure_tables, insert_ignore, metadata

replays = sa.Table(
    "dlq_replays",
    metadata,
    sa.Column("dead_letter_id", sa.String(64), primary_key=True),
    sa.Column("topic", sa.String(255), nullable=False),
    sa.Column("replayed_at", UtcDateTime(), nullable=False),
)


def read_dead_letters(
    bus: Bus, topic: str, idle: float = 2.0, timeout: float = 60.0
) -> Iterator[tuple[str, DeadLetter]]:
    """Every record on the dead-letter ``topic`` as (id, DeadLetter), read from the beginning.

    Reads without a consumer group (nothing is committed) until no record came for ``idle`` seconds.
    """
    consumer = KafkaConsumer(**bus.client_settings(), enable_auto_commit=False, group_id=None)
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        if not assigned:
            return
        consumer.assign(assigned)
        consumer.seek_to_beginning(*assigned)
        deadline = time.monotonic() + timeout
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < idle and time.monotonic() < deadline:
            polled = consumer.poll(timeout_ms=500)
            if polled:
                quiet_since = time.monotonic()
            for records in polled.values():
                for record in records:
                    ident = f"{record.partition}:{record.offset}"
                    try:
                        yield ident, DeadLetter.model_validate_json(record.value)
                    except ValidationError:
                        continue  # not written by veille: nothing to replay
    finally:
        consumer.close(autocommit=False)


def select(
    letters: Iterable[tuple[str, DeadLetter]], *, stage: str | None = None, since: datetime | None = None
) -> list[tuple[str, DeadLetter]]:
    """The dead letters of ``stage`` (if given) that failed at or after ``since`` (if given)."""
    return [
        (ident, letter)
        for ident, letter in letters
        if (stage is None or letter.stage == stage) and (since is None or letter.failed_at >= since)
    ]


def replay(bus: Bus, engine: sa.Engine, letters: Iterable[tuple[str, DeadLetter]]) -> tuple[int, int]:
    """Send each dead letter's payload back to its topic, once per id; return (replayed, already replayed)."""
    ensure_tables(engine, [replays])
    producer = bus.raw_producer()
    sent = skipped = 0
    try:
        for ident, letter in letters:
            with engine.begin() as conn:
                row = {"dead_letter_id": ident, "topic": letter.topic, "replayed_at": datetime.now(UTC)}
                if not insert_ignore(conn, replays, [row], ["dead_letter_id"]):
                    skipped += 1
                    continue
                key = letter.key.encode("utf-8") if letter.key is not None else None
                producer.send(letter.topic, key=key, value=letter.payload.encode("utf-8")).get(timeout=30)
                sent += 1  # the row commits only once Kafka acknowledged the record
    finally:
        producer.close()
    return sent, skipped
