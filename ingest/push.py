"""The ingest worker's side of WebSub: one object that owns the callback server, the subscriber and
the SQL queue of pushed bodies waiting to go through the poll path (see ``ingest.websub`` and
``ingest.push_queue``). A push is acknowledged only once stored; when the queue is full or the
store fails, the hub is told to retry (503)."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

import sqlalchemy as sa

from ingest.fetch import user_agent
from ingest.push_queue import Pushed, PushQueue
from ingest.websub import CallbackServer, WebSubSubscriber
from ingest.websub_store import SubscriptionStore
from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig

log = logging.getLogger(__name__)


class PushIntake:
    """Callback endpoint + subscriber + the stored pushes; ``wake`` is set on each push.

    ``worker_id`` names this replica in push claims (as in feed leases); ``max_queued`` pushes
    may wait before hubs are asked to retry later.
    """

    def __init__(self, engine: sa.Engine, limits: IngestConfig, worker_id: str, max_queued: int = 1000) -> None:
        self.store = SubscriptionStore(engine)
        self.queue = PushQueue(engine, max_queued)
        self.worker_id = worker_id
        self.wake = threading.Event()
        self._lock = threading.Lock()
        self._advertised: dict[str, tuple[str, str]] = {}
        self.server = CallbackServer(self.store, limits.websub, self._received)
        self.subscriber = WebSubSubscriber(
            self.store, limits.websub, self.server.base_url, user_agent(limits.contact_url)
        )

    def start(self) -> None:
        """Start answering hubs."""
        self.server.start()

    def close(self) -> None:
        """Stop the endpoint and close connections to hubs."""
        self.server.close()
        self.subscriber.close()

    def discovered(self, feed: FeedConfig, hub: str, topic: str) -> None:
        """A polled feed advertises ``hub`` for ``topic`` (called from fetch threads; SQL only on news)."""
        with self._lock:
            if self._advertised.get(feed.id) == (hub, topic):
                return
            self._advertised[feed.id] = (hub, topic)
        self.store.discovered(feed.id, hub, topic, datetime.now(UTC))

    def pushing(self, now: datetime) -> frozenset[str]:
        """Feeds whose hub pushes at ``now`` (polled as a safety net only)."""
        return self.store.pushing(now)

    def maintain(self, now: datetime) -> int:
        """Send due (re)subscription requests."""
        return self.subscriber.maintain(now)

    def take(self, now: datetime | None = None) -> list[Pushed]:
        """Claim the stored pushes, oldest first (call ``done`` once published, else ``put_back``)."""
        self.wake.clear()
        return self.queue.take(self.worker_id, now or datetime.now(UTC))

    def done(self, items: list[Pushed]) -> None:
        """Forget pushes whose articles are published."""
        self.queue.done(items)

    def put_back(self, items: list[Pushed]) -> None:
        """Give back pushes whose articles could not be published (they are tried on the next cycle)."""
        self.queue.release(items)

    def _received(self, feed_id: str, body: bytes, content_type: str | None) -> bool:
        """Store an authentic push; False (the hub is told to retry) when the queue is full or the store fails."""
        try:
            stored = self.queue.add(feed_id, body, content_type, datetime.now(UTC))
        except sa.exc.SQLAlchemyError as exc:
            log.warning("feed %s: push not stored (%s); the hub is asked to retry", feed_id, type(exc).__name__)
            return False
        if not stored:
            log.warning("feed %s: %d pushes wait already; the hub is asked to retry", feed_id, self.queue.max_queued)
            return False
        self.wake.set()
        return True
