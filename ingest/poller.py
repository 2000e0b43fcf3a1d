"""The ingest cycle without Kafka: claim due feeds, fetch, parse, normalise, keep what is new.

``FeedPoller.poll_due`` returns, per claimed feed, the articles never published before; the
worker produces them and, once the producer has flushed, calls ``mark_published``. Only then are
the ids recorded as seen and the response's validators (ETag, Last-Modified) saved: a crash in
between makes the next poll fetch the full feed again and re-send, never lose, those articles.

Politeness: a small thread pool fetches feeds concurrently, at most ``per_host`` at a time per
host, hosts interleaved; failing feeds back off (``ingest.state``); 429/503 Retry-After is honoured.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import chain, zip_longest

import sqlalchemy as sa

from ingest import metrics
from ingest.catalog import FeedCatalog
from ingest.errors import FeedError, FeedPermanentError, FeedTransientError, one_line
from ingest.fetch import Fetcher, fetcher_for, host_of, is_local, user_agent
from ingest.fulltext import FullTextFetcher
from ingest.health import FeedHealthStore, bounded_interval
from ingest.metrics import PollOutcome
from ingest.normalize import normalize_entry
from ingest.parse import ParsedFeed, parse_feed
from ingest.state import Claim, FeedStateStore, Validators
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.contracts import Article

log = logging.getLogger(__name__)

# Fetches one host slot may run back to back in a batch: 3 x (60 s deadline + 30 s read) fits the 10 min lease.
_FETCHES_PER_SLOT = 3


@dataclass(frozen=True, slots=True)
class PollResult:
    """The outcome of polling one feed: the new articles, or the one-line reason it failed.

    ``skipped`` counts entries that could not become an Article (each logged once at debug level).
    """

    feed_id: str
    outcome: PollOutcome
    articles: tuple[Article, ...] = ()
    error: str | None = None
    skipped: int = 0


@dataclass(slots=True)
class _Pending:
    """Validators to save once the listed article ids of that response are all published."""

    validators: Validators
    ids: set[str]


class FeedPoller:
    """Polls the enabled feeds of ``config`` on their intervals, sharing the work with other replicas.

    Call ``poll_due`` in a loop (sleeping until ``next_due``), produce the returned articles, then
    ``mark_published`` them after the flush; ``close`` at shutdown. ``worker_id`` names this replica
    in feed leases (unique per process, e.g. host and pid). Raises only on store failures
    (SQLAlchemy errors): feed problems become ``PollResult`` outcomes.
    """

    def __init__(
        self,
        config: VeilleConfig,
        engine: sa.Engine,
        worker_id: str,
        *,
        fetcher: Fetcher | None = None,
        state: FeedStateStore | None = None,
        max_workers: int | None = None,
        per_host: int | None = None,
        batch: int = 64,
        on_hub: Callable[[FeedConfig, str, str], None] | None = None,
    ) -> None:
        self.worker_id = worker_id
        self.limits = config.ingest
        self.catalog = FeedCatalog(config, engine)
        self.health = FeedHealthStore(engine, config.ingest)
        self.full_text = FullTextFetcher(config.ingest.full_text, user_agent(config.ingest.contact_url))
        self.on_hub = on_hub
        self.push_active: frozenset[str] = frozenset()  # feeds a WebSub hub pushes (polled as a safety net)
        self.feeds: tuple[FeedConfig, ...] = ()
        self._configured: dict[str, FeedConfig] = {}
        self.refresh_feeds()
        self.state = state or FeedStateStore(engine)
        self.batch = batch
        self._fetcher = fetcher or fetcher_for(config.ingest)
        self._pool = ThreadPoolExecutor(
            max_workers=max_workers or config.ingest.concurrency, thread_name_prefix="veille-fetch"
        )
        self._per_host = per_host or config.ingest.per_host
        self._host_slots: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()
        self._pending: dict[str, _Pending] = {}
        self._bozo_logged: dict[str, str] = {}
        metrics.init_labels()

    def close(self) -> None:
        """Wait for fetches in flight, then close the HTTP connections."""
        self._pool.shutdown(wait=True)
        self._fetcher.close()
        self.full_text.close()

    def refresh_feeds(self) -> tuple[FeedConfig, ...]:
        """Re-read the config and stored feeds with their health (new address, bounded interval, dead)."""
        configured = self.catalog.enabled()
        self._configured = {feed.id: feed for feed in configured}
        self.feeds = tuple(
            self._rescheduled(feed, self.health.hint(feed.id)) if feed.id in self.push_active else feed
            for feed in self.health.effective(configured)
        )
        metrics.set_feed_counts(len(self.feeds), self.health.dead_count(self._configured))
        return self.feeds

    def poll_due(self, now: datetime | None = None) -> list[PollResult]:
        """Claim up to ``batch`` due feeds, poll them concurrently, and return one result per feed."""
        now = now or datetime.now(UTC)
        self.refresh_feeds()
        claims = self.state.claim_due(
            self.feeds, now, self.worker_id, self.batch, group=_feed_host, per_group=self._per_host * _FETCHES_PER_SLOT
        )
        results = list(self._pool.map(lambda claim: self._poll(claim, now), _interleave_hosts(claims)))
        return _drop_repeats(results)

    def release_leases(self) -> int:
        """Release every feed lease this replica holds (none is in use between cycles)."""
        return self.state.release(self.worker_id)

    def mark_published(self, articles: Iterable[Article], now: datetime | None = None) -> int:
        """Record ``articles`` as published (call after the producer flushed them); return how many were new.

        When every new article of a response is published, that response's validators are saved,
        so the next poll can be a conditional one.
        """
        articles = list(articles)
        marked = self.state.mark_seen(articles, now or datetime.now(UTC))
        metrics.PUBLISHED.inc(len(articles))
        published = {article.id for article in articles}
        complete: list[tuple[str, Validators]] = []
        with self._lock:
            for feed_id, pending in list(self._pending.items()):  # an id may be pending in several feeds
                pending.ids -= published
                if not pending.ids:
                    complete.append((feed_id, pending.validators))
                    del self._pending[feed_id]
        for feed_id, validators in complete:
            self.state.save_validators(feed_id, validators)
        return marked

    def next_due(self, now: datetime | None = None) -> datetime | None:
        """When the next feed is due (possibly in the past); None when no feed is enabled."""
        return self.state.next_due(self.feeds, now or datetime.now(UTC))

    def _poll(self, claim: Claim, now: datetime) -> PollResult:
        feed = claim.feed
        try:
            with self._host_slot(host_of(feed.url)):
                started = time.monotonic()
                try:
                    fetched = self._fetcher.fetch(
                        feed.url, etag=claim.validators.etag, last_modified=claim.validators.last_modified
                    )
                finally:
                    metrics.FETCH_SECONDS.observe(time.monotonic() - started)
            validators = Validators(fetched.etag, fetched.last_modified)
            if fetched.moved_to and fetched.moved_to != feed.url:
                self._moved(feed, fetched.moved_to)
            if fetched.body is None:
                hint = fetched.max_age if fetched.max_age is not None else self.health.hint(feed.id)
                self.health.on_success(feed.id, hint_seconds=hint)
                feed = self._rescheduled(feed, hint)
                self.state.record_not_modified(feed, self.worker_id, now, validators)
                metrics.POLLS.labels("not_modified").inc()
                return PollResult(feed.id, "not_modified")
            parsed = parse_feed(fetched.body, fetched.content_type, fetched.url)
        except (FeedTransientError, FeedPermanentError) as exc:
            return self._failed(claim, now, exc)
        self._log_bozo(feed.id, parsed.bozo)
        articles, skipped = self._normalize(feed, parsed, now)
        new = self.full_text.enrich(feed, self.state.unseen(articles))
        hint = max((h for h in (parsed.hint_seconds, fetched.max_age) if h), default=None)
        self.health.on_success(feed.id, hint_seconds=hint, item_lifetime=_oldest_item_age(articles, now))
        self._discover_hub(feed, fetched.links + parsed.links)
        feed = self._rescheduled(feed, hint)
        with self._lock:
            if new:
                self._pending[feed.id] = _Pending(validators, {article.id for article in new})
            else:
                self._pending.pop(feed.id, None)
        self.state.record_success(feed, self.worker_id, now, None if new else validators)
        metrics.POLLS.labels("ok").inc()
        metrics.ARTICLES.inc(len(new))
        metrics.ENTRIES_SKIPPED.inc(skipped)
        log.debug("feed %s: %d entries, %d new, %d skipped", feed.id, len(parsed.entries), len(new), skipped)
        return PollResult(feed.id, "ok", tuple(new), skipped=skipped)

    def accept_push(self, feed_id: str, body: bytes, content_type: str | None, now: datetime) -> PollResult:
        """Articles from a body a WebSub hub pushed for ``feed_id``: parsed, normalised and seen-checked
        like a polled body (the schedule and validators of the feed are left alone)."""
        feed = next((f for f in self.feeds if f.id == feed_id), None)
        if feed is None:
            return PollResult(feed_id, "permanent_error", error="pushed content for a feed no longer polled")
        try:
            parsed = parse_feed(body, content_type, feed.url if not is_local(feed.url) else None)
        except FeedPermanentError as exc:
            log.warning("feed %s: pushed content refused: %s", feed_id, exc)
            return PollResult(feed_id, "permanent_error", error=str(exc))
        articles, skipped = self._normalize(feed, parsed, now)
        new = self.full_text.enrich(feed, self.state.unseen(articles))
        metrics.ARTICLES.inc(len(new))
        return PollResult(feed_id, "ok", tuple(new), skipped=skipped)

    def _rescheduled(self, feed: FeedConfig, hint: float | None) -> FeedConfig:
        """``feed`` after a success: at the interval its fresh hint gives, longer when a hub pushes it."""
        configured = self._configured.get(feed.id, feed)
        interval = bounded_interval(configured.interval, hint, self.limits)
        if feed.id in self.push_active:
            interval = max(interval, self.limits.websub.push_poll_interval)
        return feed.model_copy(update={"interval": interval})

    def _moved(self, feed: FeedConfig, url: str) -> None:
        """A permanent redirect: poll the new address from now on."""
        if self.catalog.move(feed.id, url):
            log.warning("feed %s: moved permanently to %s; stored URL updated", feed.id, url)
        else:
            self.health.on_moved(feed.id, url)
            log.warning("feed %s: moved permanently to %s; polling there (update the config file)", feed.id, url)

    def _discover_hub(self, feed: FeedConfig, links: tuple[tuple[str, str], ...]) -> None:
        """Tell the WebSub subscriber about a hub the feed advertises (topic: its rel=self, else its URL)."""
        hub = next((url for rel, url in links if rel == "hub"), None)
        if hub is None or self.on_hub is None or is_local(feed.url):
            return
        topic = next((url for rel, url in links if rel == "self"), None) or feed.url
        self.on_hub(feed, hub, topic)

    def _normalize(self, feed: FeedConfig, parsed: ParsedFeed, now: datetime) -> tuple[list[Article], int]:
        articles: list[Article] = []
        skipped = 0
        for index, entry in enumerate(parsed.entries):
            try:
                articles.append(
                    normalize_entry(entry, feed=feed, feed_title=parsed.title, feed_lang=parsed.lang, fetched_at=now)
                )
            except FeedPermanentError as exc:
                skipped += 1
                log.debug("feed %s: entry %d skipped: %s", feed.id, index, exc)
            except Exception as exc:  # hostile entries must not cost the feed's other entries
                skipped += 1
                log.warning("feed %s: entry %d skipped: %s: %s", feed.id, index, type(exc).__name__, one_line(exc))
        return articles, skipped

    def _failed(self, claim: Claim, now: datetime, exc: FeedError) -> PollResult:
        feed = claim.feed
        retry_after = exc.retry_after if isinstance(exc, FeedTransientError) else None
        if self.health.on_failure(feed.id, now):
            feed = feed.model_copy(update={"interval": max(feed.interval, self.limits.dead_retry)})
        due = self.state.record_failure(feed, self.worker_id, now, str(exc), retry_after)
        outcome: PollOutcome = "transient_error" if isinstance(exc, FeedTransientError) else "permanent_error"
        metrics.POLLS.labels(outcome).inc()
        metrics.FEED_ERRORS.labels(exc.kind).inc()
        log.warning(
            "feed %s: %s (failure %d in a row; next try %s)",
            feed.id,
            exc,
            claim.failures + 1,
            due.isoformat("T", "seconds"),
        )
        return PollResult(feed.id, outcome, error=str(exc))

    def _log_bozo(self, feed_id: str, reason: str | None) -> None:
        """Log a malformed-but-usable feed once per distinct reason, not on every poll."""
        with self._lock:
            if reason is None or self._bozo_logged.get(feed_id) == reason:
                return
            self._bozo_logged[feed_id] = reason
        log.warning("feed %s: malformed, read anyway: %s", feed_id, reason)

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        """Hold one of the ``per_host`` fetch slots of ``host`` (local files are not limited)."""
        if not host:
            yield
            return
        with self._lock:
            slot = self._host_slots.setdefault(host, threading.BoundedSemaphore(self._per_host))
        with slot:
            yield


def _oldest_item_age(articles: list[Article], now: datetime) -> timedelta | None:
    """How long ago the oldest dated item the feed still lists was published."""
    dates = [article.published for article in articles if article.published is not None]
    return now - min(dates) if dates else None


def _drop_repeats(results: list[PollResult]) -> list[PollResult]:
    """Return each article once per batch: one story in two feeds (same canonical link) goes out once."""
    returned: set[str] = set()
    kept: list[PollResult] = []
    for result in results:
        fresh = tuple(article for article in result.articles if article.id not in returned)
        returned.update(article.id for article in fresh)
        kept.append(replace(result, articles=fresh) if len(fresh) != len(result.articles) else result)
    return kept


def _feed_host(feed: FeedConfig) -> str:
    """The host a feed is fetched from (``""`` for local files)."""
    return host_of(feed.url)


def _interleave_hosts(claims: list[Claim]) -> list[Claim]:
    """Order claims round-robin by host, so one busy host does not hold every fetch thread."""
    by_host: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_host[_feed_host(claim.feed)].append(claim)
    return [claim for claim in chain.from_iterable(zip_longest(*by_host.values())) if claim is not None]
