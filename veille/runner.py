"""The one consume → decode → handle → produce → flush → commit loop that every consuming stage runs.

A stage supplies a pure-ish ``handler(messages) -> list[Outgoing]``; the runner owns the rest:

- **At-least-once.** Offsets are committed only after the handler returned and every output was
  acknowledged by Kafka. A crash before the commit redelivers the batch; handlers are idempotent
  (the SQL store's unique keys make replays harmless).
- **Transient failures** (``TransientError``: database or Kafka unavailable) rewind the batch's
  partitions and retry after a capped, jittered exponential backoff, honouring ``retry_after``.
  The consumer keeps polling meanwhile, so the group does not evict it.
- **Poison records** (undecodable, or a handler raising PermanentError or an unexpected error for
  that record alone) go to the dead-letter topic with the reason; the partition moves on.
- **Stalled clients.** A consumer call that waits longer than ``kafka.client_wait_limit_ms`` for the
  client's network thread fails (veille/bounded_net.py): the consumer is rebuilt like a failed poll.
- **Lost clients.** A consumer that is not a stable member of its group, or has no partitions, for
  ``orphan_timeout`` seconds is rebuilt (seen after an embedded-broker restart, and after a broker
  freeze during a rebalance: a member kept its old partitions while its rejoin never completed, so
  the whole group stopped). If the new one is orphaned too, the next rebuild waits twice as long
  (up to 8x, with jitter), so replicas do not keep restarting a rebalance that only needs time to
  finish. Producers rebuild themselves after a failed flush.
- **Shutdown.** ``stop`` (set by SIGTERM/SIGINT) is checked between batches: the batch in hand is
  finished, committed and flushed before ``run`` returns.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from kafka import KafkaConsumer
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import CommitFailedError, KafkaError
from kafka.producer.future import RecordMetadata
from kafka.structs import MemberState, OffsetAndMetadata, TopicPartition
from pydantic import ValidationError

from veille.bus import Bus, Producer
from veille.contracts import Contract, DeadLetter
from veille.errors import PermanentError, TransientError
from veille.health import HEALTH
from veille.telemetry import (
    STAGE_BATCH_SECONDS,
    STAGE_CLIENT_REBUILDS,
    STAGE_LAG,
    STAGE_RECORDS,
    STAGE_RETRIES,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A message a handler wants produced: full topic name, key, and the contract message."""

    topic: str
    key: str
    message: Contract


Handler = Callable[[Sequence[Contract]], list[Outgoing]]
"""Handles a batch of decoded messages; returns what to produce. Raises TransientError to retry."""


@dataclass(frozen=True, slots=True)
class Backoff:
    """Capped exponential backoff with full jitter."""

    base: float = 0.5
    cap: float = 30.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.cap)
        return random.uniform(0, min(self.cap, self.base * 2 ** (attempt - 1)))


class StageRunner:
    """Runs one stage's handler over a topic with a consumer group (see module doc)."""

    def __init__(
        self,
        stage: str,
        bus: Bus,
        *,
        group_id: str,
        source_topic: str,
        model: type[Contract],
        handler: Handler,
        dlq_topic: str,
        batch_size: int = 200,
        poll_timeout: float = 0.5,
        orphan_timeout: float = 30.0,
        backoff: Backoff | None = None,
    ) -> None:
        self.stage = stage
        self.bus = bus
        self.group_id = group_id
        self.source_topic = source_topic
        self.model = model
        self.handler = handler
        self.dlq_topic = dlq_topic
        self.batch_size = batch_size
        self.poll_timeout = poll_timeout
        self.orphan_timeout = orphan_timeout
        self.backoff = backoff or Backoff()
        self._consumer: KafkaConsumer | None = None
        self._producer: Producer | None = None
        self._attempt = 0
        self._orphan_patience = orphan_timeout
        self._orphan_since: float | None = None

    # -- public API ---------------------------------------------------------------------------

    def run(self, stop: threading.Event) -> None:
        """Consume until ``stop`` is set; the batch in hand is completed first."""
        try:
            while not stop.is_set():
                self.step(stop)
        finally:
            self.close()

    def drain(
        self, targets: dict[TopicPartition, int], stop: threading.Event, timeout: float = 120.0
    ) -> list[RecordMetadata]:
        """Consume until every partition in ``targets`` reached its offset; return what was produced.

        Used by ``veille run --once``: the upstream stage tells exactly which offsets it wrote, so
        "drained" does not depend on the broker's end-offset answers.
        """
        produced: list[RecordMetadata] = []
        deadline = time.monotonic() + timeout
        while targets and not stop.is_set():
            consumer = self._ensure_consumer()
            if all(self._position(consumer, tp) >= end for tp, end in targets.items()):
                break
            if time.monotonic() > deadline:
                raise TransientError(f"{self.stage}: pipeline not drained within {timeout:.0f}s")
            produced.extend(self.step(stop))
        return produced

    def step(self, stop: threading.Event) -> list[RecordMetadata]:
        """Poll one batch and handle it completely (or rewind it for a retry)."""
        consumer = self._ensure_consumer()
        try:
            polled = consumer.poll(timeout_ms=int(self.poll_timeout * 1000), max_records=self.batch_size)
        except KafkaError as exc:
            log.log(logging.WARNING if self._attempt == 0 else logging.DEBUG, "%s: poll failed: %s", self.stage, exc)
            self._rebuild_consumer()
            self._pause(stop, TransientError(str(exc)))
            return []
        self._watch_membership(consumer)
        if not polled:
            self._record_lag(consumer)
            return []
        started = time.perf_counter()
        records = [record for batch in polled.values() for record in batch]
        try:
            produced = self._handle(records)
            self._commit(consumer, polled)
        except TransientError as exc:
            STAGE_RETRIES.labels(self.stage).inc()
            self._rewind(consumer, polled)
            self._pause(stop, exc)
            return []
        self._attempt = 0
        STAGE_BATCH_SECONDS.labels(self.stage).observe(time.perf_counter() - started)
        self._record_lag(consumer)
        return produced

    def close(self) -> None:
        """Close the Kafka clients (commits were done per batch)."""
        if self._consumer is not None:
            self._consumer.close(autocommit=False)
            self._consumer = None
        if self._producer is not None:
            self._producer.close()
            self._producer = None

    # -- one batch ----------------------------------------------------------------------------

    def _handle(self, records: list[ConsumerRecord]) -> list[RecordMetadata]:
        producer = self._ensure_producer()
        decoded: list[tuple[ConsumerRecord, Contract]] = []
        dead: list[tuple[ConsumerRecord, str]] = []
        for record in records:
            try:
                decoded.append((record, self.model.model_validate_json(record.value)))
            except ValidationError as exc:
                dead.append((record, f"not a valid {self.model.__name__}: {_first_error(exc)}"))
        outgoing = self._run_handler(decoded, dead)
        for out in outgoing:
            producer.send(out.topic, out.key, out.message)
        for record, reason in dead:
            producer.send(self.dlq_topic, _key(record) or "", self._dead_letter(record, reason))
        produced = producer.flush()
        STAGE_RECORDS.labels(self.stage, "handled").inc(len(records) - len(dead))
        STAGE_RECORDS.labels(self.stage, "dead_lettered").inc(len(dead))
        return produced[: len(outgoing)]

    def _run_handler(
        self, decoded: list[tuple[ConsumerRecord, Contract]], dead: list[tuple[ConsumerRecord, str]]
    ) -> list[Outgoing]:
        """Handle the batch; if it fails for good, handle record by record to isolate the poison."""
        if not decoded:
            return []
        try:
            return self.handler([message for _, message in decoded])
        except TransientError:
            raise
        except Exception as exc:
            if len(decoded) == 1:
                record, _ = decoded[0]
                dead.append((record, _reason(exc)))
                if not isinstance(exc, PermanentError):
                    log.exception("%s: unexpected error on %s", self.stage, _where(record))
                return []
        outgoing: list[Outgoing] = []
        for pair in decoded:
            outgoing.extend(self._run_handler([pair], dead))
        return outgoing

    def _dead_letter(self, record: ConsumerRecord, reason: str) -> DeadLetter:
        log.warning("%s: dead-lettering %s: %s", self.stage, _where(record), reason)
        return DeadLetter(
            stage=self.stage,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            key=_key(record),
            error=reason,
            payload=(record.value or b"").decode("utf-8", "replace"),
            failed_at=datetime.now(UTC),
        )

    def _commit(self, consumer: KafkaConsumer, polled: dict[TopicPartition, list[ConsumerRecord]]) -> None:
        offsets = {tp: OffsetAndMetadata(batch[-1].offset + 1, "", -1) for tp, batch in polled.items()}
        try:
            consumer.commit(offsets)
        except CommitFailedError as exc:
            # The group rebalanced while we worked: the new owner gets the batch again (at-least-once).
            log.warning("%s: commit refused after a rebalance, batch will be redelivered: %s", self.stage, exc)
        except KafkaError as exc:
            raise TransientError(f"commit failed: {exc}") from None

    def _rewind(self, consumer: KafkaConsumer, polled: dict[TopicPartition, list[ConsumerRecord]]) -> None:
        for tp, batch in polled.items():
            # A partition no longer assigned to us is re-read by its new owner from the last commit.
            with contextlib.suppress(KafkaError, AssertionError, ValueError):
                consumer.seek(tp, batch[0].offset)

    def _pause(self, stop: threading.Event, exc: TransientError) -> None:
        self._attempt += 1
        delay = self.backoff.delay(self._attempt, exc.retry_after)
        # First failure of a streak: WARNING; the outage itself is logged once by the health prober.
        level = logging.WARNING if self._attempt == 1 else logging.DEBUG
        log.log(level, "%s: %s; retrying in %.1fs (attempt %d)", self.stage, exc, delay, self._attempt)
        stop.wait(delay)

    # -- clients ------------------------------------------------------------------------------

    def _ensure_consumer(self) -> KafkaConsumer:
        if self._consumer is None:
            self._consumer = self.bus.consumer(self.group_id, [self.source_topic], self.batch_size)
            self._orphan_since = time.monotonic()
        return self._consumer

    def _ensure_producer(self) -> Producer:
        if self._producer is None:
            self._producer = self.bus.producer()
        return self._producer

    def _rebuild_consumer(self) -> None:
        if self._consumer is not None:
            try:
                self._consumer.close(autocommit=False)
            except Exception:
                log.debug("closing a lost consumer raised", exc_info=True)
        self._consumer = None
        STAGE_CLIENT_REBUILDS.labels(self.stage).inc()

    def _watch_membership(self, consumer: KafkaConsumer) -> None:
        missing = membership_problem(consumer)
        if missing is None:
            self._orphan_since = None
            self._orphan_patience = self.orphan_timeout
            HEALTH.condition("partitions", None)
            return
        now = time.monotonic()
        if self._orphan_since is None:
            self._orphan_since = now
        HEALTH.condition("partitions", f"{missing} for {now - self._orphan_since:.0f}s")
        if now - self._orphan_since > self._orphan_patience:
            log.warning("%s: %s for %.0fs; rebuilding the consumer", self.stage, missing, self._orphan_patience)
            self._orphan_patience = orphan_patience(self.orphan_timeout, self._orphan_patience)
            self._rebuild_consumer()

    def _position(self, consumer: KafkaConsumer, tp: TopicPartition) -> int:
        """Where this group stands on ``tp`` (-1 while it is not ours, or the client failed and is rebuilt)."""
        if tp not in consumer.assignment():
            return -1
        try:
            committed = consumer.committed(tp)
            return max(consumer.position(tp), committed or 0)
        except KafkaError as exc:
            log.warning("%s: reading the position on %s failed: %s", self.stage, tp, exc)
            self._rebuild_consumer()
            return -1

    def _record_lag(self, consumer: KafkaConsumer) -> None:
        lag = 0
        try:
            for tp in consumer.assignment():
                high = consumer.highwater(tp)
                if high is not None:
                    lag += max(0, high - consumer.position(tp))
        except KafkaError:  # the next poll meets the same failure and rebuilds the client
            log.debug("%s: lag not measured", self.stage, exc_info=True)
            return
        STAGE_LAG.labels(self.stage).set(lag)


def _key(record: ConsumerRecord) -> str | None:
    return record.key.decode("utf-8", "replace") if record.key is not None else None


def _where(record: ConsumerRecord) -> str:
    return f"{record.topic}[{record.partition}]@{record.offset}"


def _first_error(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    loc = ".".join(str(part) for part in error["loc"]) or "record"
    return f"{loc}: {error['msg']}"


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def membership_problem(consumer: KafkaConsumer) -> str | None:
    """Why ``consumer`` cannot be consuming, or None: still (re)joining its group, or no partitions.

    A member whose rejoin has not completed keeps reporting its old partitions, so the group state is
    checked first.
    """
    if consumer.group_metadata().state != MemberState.STABLE:
        return "not a stable group member"
    if not consumer.assignment():
        return "no partitions assigned"
    return None


def orphan_patience(timeout: float, previous: float) -> float:
    """How long the next consumer may stay without partitions, when the last one waited ``previous``.

    Twice as long as before, at most 8x ``timeout``, with +-20 % jitter so replicas drift apart.
    """
    return min(previous * 2, timeout * 8) * random.uniform(0.8, 1.2)
