"""Per-host politeness of a poll batch: how many feeds of one host a batch holds, in what order they
are fetched, and the slots that keep at most ``per_host`` fetches of one host running at once."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from itertools import chain, zip_longest

from ingest.fetch import host_of
from ingest.state import Claim
from veille.config.feeds import FeedConfig
from veille.config.ingest import IngestConfig


def fetches_per_slot(lease: timedelta, limits: IngestConfig) -> int:
    """How many fetches one host slot may run back to back in a batch and still end within the lease.

    The slowest fetch takes the connect timeout, the download deadline and one more read timeout;
    one such fetch is kept spare for parsing and the batch's writes (10 min lease, defaults: 5).
    """
    slowest = limits.connect_timeout + limits.deadline + limits.read_timeout
    return max(1, int(lease.total_seconds() // slowest) - 1)


def feed_host(feed: FeedConfig) -> str:
    """The host a feed is fetched from (``""`` for local files)."""
    return host_of(feed.url)


def interleave_hosts(claims: list[Claim]) -> list[Claim]:
    """Order claims round-robin by host, so one busy host does not hold every fetch thread."""
    by_host: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_host[feed_host(claim.feed)].append(claim)
    return [claim for claim in chain.from_iterable(zip_longest(*by_host.values())) if claim is not None]


class HostSlots:
    """``per_host`` fetch slots per host, shared by the fetching threads (local files are not limited)."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._slots: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    @contextmanager
    def hold(self, host: str) -> Iterator[None]:
        """Hold one of the slots of ``host`` for the duration of the block."""
        if not host:
            yield
            return
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with slot:
            yield
