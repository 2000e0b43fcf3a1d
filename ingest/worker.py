"""The ingest worker: polls due feeds and publishes their new articles to the ``articles`` topic.

One cycle: claim due feeds (leases shared with other replicas in SQL), fetch and normalise them,
produce the new articles keyed by article id, wait for Kafka to acknowledge all of them, and only
then record the polls and mark the articles seen, in one transaction (which also saves the feeds'
ETag / Last-Modified and frees their leases). A crash or a Kafka outage
in between means the next poll finds the same articles again: re-sent, never lost. Before each
cycle, ingest waits while the process group lags more than ``max_lag`` articles behind what this
replica published (back-pressure, ``veille.backpressure``): a flood slows polling, no queue grows.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from kafka.producer.future import RecordMetadata

from ingest.poller import FeedPoller, unique_articles
from ingest.push import PushIntake
from ingest.push_queue import Pushed
from ingest.retention import prune_seen
from veille.backpressure import DownstreamLag
from veille.bus import Bus, Producer
from veille.config import VeilleConfig
from veille.contracts import Article
from veille.errors import TransientError
from veille.health import HEALTH
from veille.runner import Backoff
from veille.store import outage

log = logging.getLogger(__name__)

_MAX_SLEEP = timedelta(seconds=30)
_ONCE_ATTEMPTS = 5
_PRUNE_EVERY = timedelta(hours=1)
MAX_PROCESS_LAG = 10_000
"""Articles published by this replica and not yet committed by the process group before ingest pauses."""


def default_worker_id() -> str:
    """This replica's name in feed leases: ``VEILLE_WORKER_ID``, else host and process id.

    A stable id (one per replica) lets a restarted replica take back at once the leases its
    previous life held when it was killed, instead of waiting for them to expire.
    """
    return os.environ.get("VEILLE_WORKER_ID") or f"{socket.gethostname()}:{os.getpid()}"


class IngestWorker:
    """Feed poller + Kafka producer (see module doc)."""

    def __init__(
        self,
        config: VeilleConfig,
        bus: Bus,
        engine: sa.Engine,
        worker_id: str | None = None,
        max_lag: int = MAX_PROCESS_LAG,
    ) -> None:
        worker_id = worker_id or default_worker_id()
        self.push = PushIntake(engine, config.ingest, worker_id) if config.ingest.websub.enabled else None
        self.poller = FeedPoller(config, engine, worker_id, on_hub=self.push.discovered if self.push else None)
        if self.push is not None:
            self.push.start()
        self.engine = engine
        self.limits = config.ingest
        self._pruned_at: datetime | None = None
        self.bus = bus
        self.topic = config.topic("articles")
        self._producer: Producer | None = None
        self._backoff = Backoff(base=1.0, cap=60.0)
        self.downstream = DownstreamLag(bus, "ingest", f"{config.kafka.topic_prefix}.process", max_lag)

    def cycle(self, now: datetime | None = None) -> tuple[int, list[RecordMetadata]]:
        """Poll the feeds due at ``now`` once; return (feeds polled, metadata of the articles published).

        The polled articles are produced before the polls are recorded, and marked seen in that
        same transaction (``FeedPoller.poll_due`` with ``publish``). Pushed bodies (WebSub) stored
        since the last cycle go out next and are deleted once published. Raises TransientError
        when Kafka or the store is unavailable; nothing is marked seen then (pushed bodies are
        given back for the next cycle).
        """
        when = now or datetime.now(UTC)
        pushed = self._push_maintenance(when)
        produced: list[RecordMetadata] = []
        try:
            results = self.poller.poll_due(now, publish=lambda articles: produced.extend(self._publish(articles)))
            articles = unique_articles(a for p in pushed for a in self._accept(p))  # after: polled ones are seen
            if articles:
                produced.extend(self._publish(articles))
                try:
                    self.poller.mark_published(articles)
                except sa.exc.OperationalError as exc:
                    raise TransientError(outage(exc) or str(exc)) from None
            self._pushes_done(pushed)
        except BaseException:
            if self.push is not None:
                self.push.put_back(pushed)
            raise
        if produced:
            log.info("published %d new articles from %d feeds", len(produced), len(results))
        return len(results), produced

    def _publish(self, articles: list[Article]) -> list[RecordMetadata]:
        """Produce ``articles`` keyed by id and wait until Kafka acknowledged them all."""
        producer = self._ensure_producer()
        for article in articles:
            producer.send(self.topic, article.id, article)
        produced = producer.flush()
        self.downstream.produced(produced)
        return produced

    def run(self, stop: threading.Event) -> None:
        """Poll and publish until ``stop`` is set; sleep until the next feed is due."""
        failures = 0
        release = True  # the leases of this replica's previous life (same VEILLE_WORKER_ID) come back now
        try:
            while not stop.is_set():
                self.downstream.wait(stop)  # back-pressure: no unbounded backlog on the articles topic
                if stop.is_set():
                    break
                try:
                    if release:
                        self.poller.release_leases()
                        release = False
                    self.cycle()
                    failures = 0
                    HEALTH.condition("feeds", None)
                    wait = self._until_next_due()
                except (TransientError, sa.exc.OperationalError) as exc:
                    failures += 1
                    release = True  # a failed cycle leaves its claimed feeds leased: take them back next time
                    wait = self._backoff.delay(failures)
                    HEALTH.condition("feeds", f"poll cycle failing: {_one_line(exc)}")
                    # the outage itself is logged once by the health prober; say only how we react
                    log.log(_retry_level(failures), "ingest: %s; retrying in %.1fs", _one_line(exc), wait)
                self._sleep(stop, wait)
        finally:
            self.close()

    def poll_once(self) -> list[RecordMetadata]:
        """Poll every feed due now (every feed, on a first run) once and publish; for ``veille run --once``.

        ``now`` is fixed for the whole pass, so each feed is claimed at most once and the loop ends.
        """
        now = datetime.now(UTC)
        produced: list[RecordMetadata] = []
        failures = 0
        while True:
            try:
                polled, batch = self.cycle(now)
            except TransientError as exc:
                failures += 1
                if failures >= _ONCE_ATTEMPTS:
                    raise
                log.warning("ingest: %s; retrying", exc)
                self.poller.release_leases()  # the failed batch's feeds are due again within this pass
                threading.Event().wait(self._backoff.delay(failures))
                continue
            produced.extend(batch)
            if polled == 0:
                return produced

    def _push_maintenance(self, now: datetime) -> list[Pushed]:
        """Hourly seen pruning; with WebSub: subscriptions kept up, the push-fed feeds, the queued pushes."""
        if self._pruned_at is None or now - self._pruned_at >= _PRUNE_EVERY:
            self._pruned_at = now
            prune_seen(self.engine, self.limits, now)
        if self.push is None:
            return []
        self.push.maintain(now)
        self.poller.push_active = self.push.pushing(now)
        return self.push.take(now)

    def _accept(self, pushed: Pushed) -> tuple[Article, ...]:
        """The new articles of one pushed body."""
        return self.poller.accept_push(pushed.feed_id, pushed.body, pushed.content_type, datetime.now(UTC)).articles

    def _pushes_done(self, pushed: list[Pushed]) -> None:
        if self.push is not None:
            self.push.done(pushed)

    def _sleep(self, stop: threading.Event, seconds: float) -> None:
        """Wait ``seconds``, or until stopped, or (with WebSub) until a push arrives."""
        deadline = time.monotonic() + seconds
        while not stop.is_set() and (left := deadline - time.monotonic()) > 0:
            if self.push is None:
                stop.wait(left)
            elif self.push.wake.wait(min(left, 0.5)):
                return

    def _until_next_due(self) -> float:
        due = self.poller.next_due()
        now = datetime.now(UTC)
        if due is None:
            return _MAX_SLEEP.total_seconds()
        return min(max((due - now).total_seconds(), 0.1), _MAX_SLEEP.total_seconds())

    def _ensure_producer(self) -> Producer:
        if self._producer is None:
            self._producer = self.bus.producer()
        return self._producer

    def close(self) -> None:
        """Stop fetching and close the producer."""
        if self.push is not None:
            self.push.close()
        self.poller.close()
        self.downstream.close()
        if self._producer is not None:
            self._producer.close()
            self._producer = None


def _retry_level(failures: int) -> int:
    """WARNING for the first failure of a streak, DEBUG for the retries that follow."""
    return logging.WARNING if failures == 1 else logging.DEBUG


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
