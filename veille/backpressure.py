"""Back-pressure: a producer waits while the consumer group downstream lags too far behind.

Kafka is the queue between stages, and on the embedded broker nothing bounds it (no retention).
So ingest does not publish faster than process consumes: before each poll cycle it asks how many
of the records it wrote are not yet committed by the process group, and waits while that lag is
above ``limit``. The lag is computed from the offsets the producer was acknowledged (so it does
not depend on the broker's end-offset answers, wrong on Tansu) minus the group's committed offsets.
A lag that cannot be read does not block: outages are handled by the retries elsewhere.
"""

from __future__ import annotations

import logging
import threading
import time

from kafka import KafkaConsumer
from kafka.errors import KafkaError
from kafka.producer.future import RecordMetadata
from kafka.structs import TopicPartition

from veille.bus import Bus
from veille.telemetry import STAGE_BACKPRESSURE_SECONDS

log = logging.getLogger(__name__)


class DownstreamLag:
    """Records what a stage produced and holds it back while ``group`` lags more than ``limit`` records."""

    def __init__(self, bus: Bus, stage: str, group_id: str, limit: int, check_every: float = 1.0) -> None:
        self.bus = bus
        self.stage = stage
        self.group_id = group_id
        self.limit = limit
        self.check_every = check_every
        self._ends: dict[TopicPartition, int] = {}
        self._consumer: KafkaConsumer | None = None

    def produced(self, metadata: list[RecordMetadata]) -> None:
        """Note the offsets just acknowledged by Kafka."""
        for meta in metadata:
            tp = meta.topic_partition
            self._ends[tp] = max(self._ends.get(tp, 0), meta.offset + 1)

    def lag(self) -> int | None:
        """Records produced here and not yet committed by the group; None when Kafka does not say."""
        if not self._ends:
            return 0
        try:
            if self._consumer is None:
                self._consumer = KafkaConsumer(
                    **self.bus.client_settings(), group_id=self.group_id, enable_auto_commit=False
                )
            return sum(max(0, end - (self._consumer.committed(tp) or 0)) for tp, end in self._ends.items())
        except (KafkaError, AssertionError) as exc:
            log.debug("cannot read the lag of %s: %s", self.group_id, exc)
            self.close()
            return None

    def wait(self, stop: threading.Event) -> float:
        """Block while the lag is above the limit (or until ``stop``); return the seconds waited."""
        started = time.monotonic()
        lag = self.lag()
        if lag is None or lag <= self.limit:
            return 0.0
        log.info("%s: %s lags %d records behind (limit %d); pausing", self.stage, self.group_id, lag, self.limit)
        while lag is not None and lag > self.limit and not stop.wait(self.check_every):
            lag = self.lag()
        waited = time.monotonic() - started
        STAGE_BACKPRESSURE_SECONDS.labels(self.stage).inc(waited)
        log.info("%s: resuming after %.1fs of back-pressure", self.stage, waited)
        return waited

    def close(self) -> None:
        """Close the offset reader."""
        if self._consumer is not None:
            try:
                self._consumer.close(autocommit=False)
            except Exception:
                log.debug("closing the lag reader raised", exc_info=True)
            self._consumer = None
