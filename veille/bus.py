"""Kafka clients with the house defaults, for Apache Kafka and the embedded broker alike.

- Producers are idempotent with ``acks="all"``; a batch counts as sent only when ``flush`` saw every
  record acknowledged. A failed flush rebuilds the client (the embedded broker forgets producer ids
  when it restarts) and raises TransientError: the caller sends the batch again (at-least-once).
- Consumers commit manually, after the work of a batch is done, and start from the earliest offset
  of a new group. Session settings come from config; the defaults suit the embedded broker, whose
  lone consumers get records after about half the session timeout. No consumer call waits longer
  than ``client_wait_limit_ms`` for the client's network thread (veille/bounded_net.py).
- Topics are created explicitly with the configured partition count (auto-creation is not relied on).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from typing import Any

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError
from kafka.producer.future import FutureRecordMetadata, RecordMetadata

from veille.bounded_net import bounded_client
from veille.config.runtime import KafkaConfig
from veille.contracts import Contract
from veille.errors import TransientError

log = logging.getLogger(__name__)

_BATCH_BYTES = 256 * 1024
"""Producer batch size: a whole stage batch per partition, well under Kafka's 1 MB message limit."""

_FETCH_BYTES = 256 * 1024
"""Records a consumer fetches ahead per partition: several stage batches (a record larger than this
still comes, alone). kafka-python's 1 MB default held ~10 MB of fetched bytes in the process worker."""


class Bus:
    """Client factories for one Kafka cluster (``bootstrap_servers`` resolved by the caller)."""

    def __init__(self, kafka: KafkaConfig, bootstrap_servers: list[str]) -> None:
        self.kafka = kafka
        self.bootstrap_servers = bootstrap_servers

    def _common(self) -> dict[str, Any]:
        settings: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap_servers,
            "client_id": self.kafka.client_id,
            "security_protocol": self.kafka.security_protocol,
        }
        if self.kafka.sasl_mechanism:
            settings["sasl_mechanism"] = self.kafka.sasl_mechanism
            settings["sasl_plain_username"] = self.kafka.sasl_username
            if self.kafka.sasl_password is not None:
                settings["sasl_plain_password"] = self.kafka.sasl_password.get_secret_value()
        if self.kafka.ssl_cafile is not None:
            settings["ssl_cafile"] = str(self.kafka.ssl_cafile)
        return settings

    def client_settings(self) -> dict[str, Any]:
        """Connection settings (servers, client id, security) for a kafka-python client."""
        return self._common()

    def raw_producer(self) -> KafkaProducer:
        """A plain producer of bytes (acks=all), for tools that resend records as they were."""
        try:
            return KafkaProducer(**self._common(), acks="all")
        except KafkaError as exc:
            raise TransientError(f"cannot reach Kafka: {exc}") from None

    def ensure_topics(self, names: Iterable[str]) -> None:
        """Create the topics that do not exist yet, with the configured partitions."""
        try:
            admin = KafkaAdminClient(**self._common())
        except KafkaError as exc:
            raise TransientError(f"cannot reach Kafka at {','.join(self.bootstrap_servers)}: {exc}") from None
        try:
            existing = set(admin.list_topics())
            missing = [
                NewTopic(name, self.kafka.partitions, self.kafka.replication_factor)
                for name in names
                if name not in existing
            ]
            if missing:
                with contextlib.suppress(TopicAlreadyExistsError):  # a replica created it first
                    admin.create_topics(missing)
                log.info("created topics %s", ", ".join(t.name for t in missing))
        except KafkaError as exc:
            raise TransientError(f"cannot create topics: {exc}") from None
        finally:
            admin.close()

    def producer(self) -> Producer:
        """A producer of contract messages (see ``Producer``)."""
        return Producer(self._common(), self.kafka.compression_type)

    def consumer(self, group_id: str, topics: list[str], max_poll_records: int = 200) -> KafkaConsumer:
        """A group consumer with manual commits, subscribed to ``topics``."""
        consumer = KafkaConsumer(
            **self._common(),
            group_id=group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            session_timeout_ms=self.kafka.session_timeout_ms,
            heartbeat_interval_ms=self.kafka.heartbeat_interval_ms,
            fetch_max_wait_ms=self.kafka.fetch_max_wait_ms,
            max_partition_fetch_bytes=_FETCH_BYTES,
            max_poll_records=max_poll_records,
            # Also the rebalance timeout: how long a join waits for members that do not answer.
            max_poll_interval_ms=120_000,
            kafka_client=bounded_client(self.kafka.client_wait_limit_ms),
        )
        consumer.subscribe(topics)
        return consumer


class Producer:
    """Sends contract messages as UTF-8 JSON with string keys; ``flush`` confirms a whole batch."""

    def __init__(self, settings: dict[str, Any], compression: str | None = None) -> None:
        self._settings = settings
        self._compression = compression
        self._client = self._build()
        self._pending: list[FutureRecordMetadata] = []

    def _build(self) -> KafkaProducer:
        try:
            return KafkaProducer(
                **self._settings,
                acks="all",
                enable_idempotence=True,
                linger_ms=5,
                # kafka-python wakes its sender thread on every send once a partition holds more than
                # one batch; a polled batch of Articles (~35 kB, all keyed to one partition) overflowed
                # the 16 kB default into a wake-up per record, each a GIL hand-off. flush() sends anyway.
                batch_size=_BATCH_BYTES,
                retries=5,
                delivery_timeout_ms=30_000,
                request_timeout_ms=10_000,
                compression_type=self._compression,
            )
        except KafkaError as exc:
            raise TransientError(f"cannot reach Kafka: {exc}") from None

    def send(self, topic: str, key: str, message: Contract) -> None:
        """Queue ``message`` for ``topic`` under ``key``; nothing is certain until ``flush``."""
        try:
            future = self._client.send(topic, key=key.encode("utf-8"), value=message.to_bytes())
        except KafkaError as exc:
            self._reset()
            raise TransientError(f"cannot send to {topic}: {exc}") from None
        self._pending.append(future)

    def flush(self, timeout: float = 30.0) -> list[RecordMetadata]:
        """Wait until every queued record is acknowledged; return their metadata in send order.

        Raises TransientError if any record failed: the caller sends the whole batch again.
        """
        pending, self._pending = self._pending, []
        try:
            self._client.flush(timeout=timeout)
            return [future.get(timeout=0) for future in pending]
        except KafkaError as exc:
            self._reset()
            raise TransientError(f"Kafka did not acknowledge the batch: {exc}") from None

    def _reset(self) -> None:
        """Drop the client (it may be dead for good, e.g. after a broker restart) and start a new one."""
        self._pending = []
        try:
            self._client.close(timeout=1)
        except Exception:
            log.debug("closing a failed producer raised", exc_info=True)
        self._client = self._build()

    def close(self, timeout: float = 5.0) -> None:
        """Flush what is queued (best effort) and close."""
        self._client.close(timeout=timeout)
