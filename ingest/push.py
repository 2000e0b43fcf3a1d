"""The ingest worker's side of WebSub: one object that owns the callback server, the subscriber and
the queue of pushed bodies waiting to go through the poll path (see ``ingest.websub``)."""

from __future__ import annotations

import threading
from collections import deque
from datetime import UTC, datetime

import sqlalchemy as sa

from ingest.fetch import user_agent
from ingest.websub import CallbackServer, WebSubSubscriber
from ingest.websub_store import SubscriptionStore
from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig

Pushed = tuple[str, bytes, str | None]
"""(feed id, body, content type) of one authentic push."""


class PushIntake:
    """Callback endpoint + subscriber + a bounded queue of pushed bodies; ``wake`` is set on each push."""

    def __init__(self, engine: sa.Engine, limits: IngestConfig, max_queued: int = 1000) -> None:
        self.store = SubscriptionStore(engine)
        self.wake = threading.Event()
        self._queue: deque[Pushed] = deque(maxlen=max_queued)  # overflow drops the oldest: polls catch up
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

    def take(self) -> list[Pushed]:
        """Every queued push, oldest first, removed from the queue."""
        with self._lock:
            items = list(self._queue)
            self._queue.clear()
            self.wake.clear()
        return items

    def put_back(self, items: list[Pushed]) -> None:
        """Return pushes whose articles could not be published (they are tried on the next cycle)."""
        with self._lock:
            self._queue.extendleft(reversed(items))

    def _received(self, feed_id: str, body: bytes, content_type: str | None) -> None:
        with self._lock:
            self._queue.append((feed_id, body, content_type))
        self.wake.set()
