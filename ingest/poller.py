"""The ingest cycle without Kafka: claim due feeds, fetch, parse, normalise, keep what is new.

``FeedPoller.poll_due`` returns, per claimed feed, the articles never published before; the
worker hands it a ``publish`` callable that produces them and waits for the producer's flush,
before the polls are recorded (other callers call ``mark_published`` after their flush). Only then
are the ids recorded as seen and the response's validators (ETag, Last-Modified) saved: a crash
in between makes the next poll fetch the full feed again and re-send, never lose, those articles.

Politeness (``ingest.hosts``): a small thread pool fetches feeds concurrently, at most
``per_host`` at a time per host, hosts interleaved; failing feeds back off (``ingest.state``);
429/503 Retry-After is honoured.

Speed: a body whose hash matches the last fully published one is "unchanged" and not parsed
(``ingest.bodyhash``); changed bodies are parsed in worker processes (``ingest.parsepool``), where
entries already seen are dropped before normalisation; the seen check of a whole batch is one
query and its outcomes are written in one transaction.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import sqlalchemy as sa

from ingest import metrics
from ingest.bodyhash import BodyHashes, body_hash
from ingest.catalog import FeedCatalog
from ingest.digest import Digest
from ingest.errors import FeedError, FeedPermanentError, FeedTransientError
from ingest.fetch import Fetcher, fetcher_for, host_of, is_local, user_agent
from ingest.fulltext import FullTextFetcher
from ingest.health import FeedHealthStore, bounded_interval
from ingest.hosts import HostSlots, feed_host, fetches_per_slot, interleave_hosts
from ingest.items import ItemIndex
from ingest.metrics import PollOutcome
from ingest.parsepool import ParsePool, shared_pool
from ingest.state import Claim, FeedStateStore, Validators
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.contracts import Article

log = logging.getLogger(__name__)

# The feed list (config + ``feeds`` table + health) is re-read at the start of each cycle, and at
# least this often within a long one: not on every batch, which cost a table scan per 64 feeds.
_REFRESH_EVERY = 30.0


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
    """Validators (and body hash) to save once the listed article ids of that response are all published."""

    validators: Validators
    body_hash: str
    ids: set[str]


@dataclass(frozen=True, slots=True)
class _Polled:
    """What a fetching thread found for one claim, before anything is written to the store."""

    claim: Claim
    outcome: PollOutcome
    validators: Validators = field(default_factory=Validators)
    body_hash: str | None = None
    digest: Digest | None = None
    error: FeedError | None = None
    max_age: float | None = None  # Cache-Control max-age of the response
    links: tuple[tuple[str, str], ...] = ()  # Link: headers (WebSub hub, self)


_Settled = tuple[_Polled, FeedConfig, tuple[Article, ...]]
"""A fetched feed, the feed as rescheduled (hints, dead), and its new articles."""


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
        parse_pool: ParsePool | None = None,
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
        self._refreshed_at = 0.0
        self._refreshed_push: frozenset[str] = frozenset()
        self.refresh_feeds()
        self._stale = True  # the first poll_due starts a cycle: it re-reads the feeds
        self.state = state or FeedStateStore(engine)
        self.bodies = BodyHashes(engine)
        self.batch = batch
        self._fetcher = fetcher or fetcher_for(config.ingest)
        self._pool = ThreadPoolExecutor(
            max_workers=max_workers or config.ingest.concurrency, thread_name_prefix="veille-fetch"
        )
        self._slots = HostSlots(per_host or config.ingest.per_host)
        self._per_batch_host = self._slots.per_host * fetches_per_slot(self.state.lease, config.ingest)
        self._lock = threading.Lock()
        self._pending: dict[str, _Pending] = {}
        self._known: dict[str, set[str]] = {}  # feed id -> ids of its last body that are already seen
        self._items: dict[str, ItemIndex] = {}  # feed id -> its last body's items, not parsed again
        self._hashed: set[str] = set()  # feeds seen with a saved body hash (one vanishing means a reset)
        self._parser = parse_pool or shared_pool()
        self._parser.warm()  # the parse processes start while the first batch is claimed and fetched
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
        self._refreshed_at, self._refreshed_push, self._stale = time.monotonic(), self.push_active, False
        return self.feeds

    def _refresh_if_stale(self) -> None:
        """Re-read the feeds at a cycle's start, after a move or a death, when pushes changed, or every 30 s."""
        old = time.monotonic() - self._refreshed_at >= _REFRESH_EVERY
        if self._stale or old or self.push_active != self._refreshed_push:
            self.refresh_feeds()

    def poll_due(
        self, now: datetime | None = None, publish: Callable[[list[Article]], None] | None = None
    ) -> list[PollResult]:
        """Claim up to ``batch`` due feeds, poll them concurrently, and return one result per feed.

        With ``publish``, the batch's new articles are handed to it before anything is written (it
        returns once Kafka acknowledged them, or raises), and they are marked published in the
        transaction that records the polls: one commit, none between the fetch and the produce.
        If it raises, nothing is written and the feeds stay leased (``release_leases`` frees them).
        Without it, call ``mark_published`` once the returned articles are produced.
        """
        now = now or datetime.now(UTC)
        self._refresh_if_stale()
        claims = self.state.claim_due(
            self.feeds, now, self.worker_id, self.batch, group=feed_host, per_group=self._per_batch_host
        )
        if not claims:
            self._stale = True  # the cycle is over: the next one starts from the store's feed list
            return []
        feed_ids = [claim.feed.id for claim in claims]
        hashes = self.bodies.load(feed_ids)
        self._forget_reset(feed_ids, hashes)
        known = self._known_ids(feed_ids)
        polled = list(
            self._pool.map(
                lambda claim: self._fetch(claim, now, known[claim.feed.id], hashes.get(claim.feed.id)),
                interleave_hosts(claims),
            )
        )
        found = [article for one in polled if one.digest for article in one.digest.articles]
        new_ids = {article.id for article in self.state.unseen(found)} if found else set()
        settled = [self._settle(one, now, new_ids) for one in polled]  # their own transactions: before the batch
        articles = unique_articles(a for _, _, new in settled for a in new) if publish is not None else []
        try:
            if articles and publish is not None:
                publish(articles)
            with self.state.batch() as conn:
                results = [self._record(one, feed, new, now) for one, feed, new in settled]
                done = {
                    one.claim.feed.id: one.body_hash for one in polled if one.body_hash and not _has_new(one, new_ids)
                }
                self.bodies.save(conn, done, now)
                self.health.flush(conn)
                complete, _ = self._write_published(conn, articles, now) if articles else ([], 0)
        except BaseException:
            self.health.forget_cached()  # the queued health rows were not written: re-read them
            self._stale = True
            raise
        with self._lock:
            self._hashed.update(done)
        if articles:
            self._published(articles, complete)
        return _drop_repeats(results)

    def release_leases(self) -> int:
        """Release every feed lease this replica holds (none is in use between cycles)."""
        return self.state.release(self.worker_id)

    def mark_published(self, articles: Iterable[Article], now: datetime | None = None) -> int:
        """Record ``articles`` as published (call after the producer flushed them); return how many were new.

        When every new article of a response is published, that response's validators (and body
        hash) are saved, so the next poll can be a conditional one, or skip an unchanged body.
        """
        articles = list(articles)
        with self.state.batch() as conn:
            complete, marked = self._write_published(conn, articles, now or datetime.now(UTC))
        self._published(articles, complete)
        return marked

    def _write_published(self, conn: sa.Connection, articles: list[Article], now: datetime) -> tuple[list[str], int]:
        """Mark ``articles`` seen and save the validators and body hash of every response they complete,
        in the transaction ``conn``; return those responses' feed ids and how many articles were new."""
        published = {article.id for article in articles}
        with self._lock:  # an id may be pending in several feeds
            complete = {feed_id: p for feed_id, p in self._pending.items() if not p.ids - published}
        marked = self.state.mark_seen(articles, now)
        self.state.save_validators_many({feed_id: pending.validators for feed_id, pending in complete.items()})
        self.bodies.save(conn, {feed_id: pending.body_hash for feed_id, pending in complete.items()}, now)
        return list(complete), marked

    def _published(self, articles: list[Article], complete: list[str]) -> None:
        """Once ``articles`` are recorded as published: count them, and update what this poller remembers."""
        metrics.PUBLISHED.inc(len(articles))
        published = {article.id for article in articles}
        with self._lock:
            self._hashed.update(complete)
            for feed_id, pending in list(self._pending.items()):
                self._known.setdefault(feed_id, set()).update(pending.ids & published)
                pending.ids -= published
                if not pending.ids:
                    del self._pending[feed_id]

    def next_due(self, now: datetime | None = None) -> datetime | None:
        """When the next feed is due (possibly in the past); None when no feed is enabled."""
        return self.state.next_due(self.feeds, now or datetime.now(UTC))

    def _forget_reset(self, feed_ids: list[str], hashes: dict[str, str]) -> None:
        """Drop the cached seen ids of feeds whose saved body hash vanished: a recovery (``veille.recovery``)
        reset them and forgot some of their ids. Feeds that never had a hash (a store older than
        ``feed_bodies``, answered by 304s) keep their cache: reloading it on every poll cost a query."""
        with self._lock:
            for feed_id in feed_ids:
                if feed_id in hashes:
                    self._hashed.add(feed_id)
                elif feed_id in self._hashed:
                    self._hashed.discard(feed_id)
                    self._known.pop(feed_id, None)

    def _known_ids(self, feed_ids: list[str]) -> dict[str, frozenset[str]]:
        """Per feed, the ids already seen that its next body may repeat (from the store after a restart)."""
        with self._lock:
            missing = [feed_id for feed_id in feed_ids if feed_id not in self._known]
        loaded = self.state.seen_ids_by_feed(missing) if missing else {}
        with self._lock:
            for feed_id in missing:
                self._known.setdefault(feed_id, loaded.get(feed_id, set()))
            return {feed_id: frozenset(self._known[feed_id]) for feed_id in feed_ids}

    def _fetch(self, claim: Claim, now: datetime, known: frozenset[str], saved_hash: str | None) -> _Polled:
        """Fetch one feed and, if its body changed, digest it in the parse pool (no store writes here)."""
        feed = claim.feed
        try:
            with self._slots.hold(host_of(feed.url)):
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
            extra = {"max_age": fetched.max_age, "links": fetched.links}
            if fetched.body is None:
                return _Polled(claim, "not_modified", validators, **extra)
            digest_hash = body_hash(fetched.body)
            if digest_hash == saved_hash:
                return _Polled(claim, "unchanged", validators, **extra)
            with self._lock:
                remembered = self._items.get(feed.id)
            digest = self._parser.digest(fetched.body, fetched.content_type, fetched.url, feed, now, known, remembered)
        except (FeedTransientError, FeedPermanentError) as exc:
            failed: PollOutcome = "transient_error" if isinstance(exc, FeedTransientError) else "permanent_error"
            return _Polled(claim, failed, error=exc)
        return _Polled(claim, "ok", validators, digest_hash, digest, **extra)

    def _settle(
        self, polled: _Polled, now: datetime, new_ids: set[str]
    ) -> tuple[_Polled, FeedConfig, tuple[Article, ...]]:
        """Feed health, full text and hub discovery for one result; its feed as rescheduled and new articles."""
        feed = polled.claim.feed
        if polled.error is not None:
            if self.health.on_failure(feed.id, now):
                self._stale = True
                feed = feed.model_copy(update={"interval": max(feed.interval, self.limits.dead_retry)})
            return polled, feed, ()
        if polled.digest is None:  # not modified (304) or the same body as last time
            hint = polled.max_age if polled.max_age is not None else self.health.hint(feed.id)
            self.health.on_success(feed.id, hint_seconds=hint)
            return polled, self._rescheduled(feed, hint), ()
        digest = polled.digest
        self._log_bozo(feed.id, digest.bozo)
        for warning in digest.warnings:
            log.warning("feed %s: %s", feed.id, warning)
        new: dict[str, Article] = {}
        for article in digest.articles:
            if article.id in new_ids:
                new.setdefault(article.id, article)
        with self._lock:
            self._known[feed.id] = set(digest.ids) - new.keys()
            self._items[feed.id] = digest.items
            if new:
                self._pending[feed.id] = _Pending(polled.validators, polled.body_hash or "", set(new))
            else:
                self._pending.pop(feed.id, None)
        enriched = tuple(self.full_text.enrich(feed, list(new.values())))
        hint = max((h for h in (digest.hint_seconds, polled.max_age) if h), default=None)
        lifetime = now - digest.oldest if digest.oldest is not None else None
        self.health.on_success(feed.id, hint_seconds=hint, item_lifetime=lifetime)
        self._discover_hub(feed, polled.links + digest.links)
        return polled, self._rescheduled(feed, hint), enriched

    def _record(self, polled: _Polled, feed: FeedConfig, new: tuple[Article, ...], now: datetime) -> PollResult:
        """Write one feed's outcome (inside the batch transaction) and say what it brought."""
        if polled.error is not None:
            return self._failed(polled.claim, feed, now, polled.error)
        if polled.digest is None:
            if polled.outcome == "not_modified":
                self.state.record_not_modified(feed, self.worker_id, now, polled.validators)
            else:
                self.state.record_success(feed, self.worker_id, now, None)
            metrics.POLLS.labels(polled.outcome).inc()
            return PollResult(feed.id, polled.outcome)
        digest = polled.digest
        self.state.record_success(feed, self.worker_id, now, None if new else polled.validators)
        metrics.POLLS.labels("ok").inc()
        metrics.ARTICLES.inc(len(new))
        metrics.ENTRIES_SKIPPED.inc(digest.skipped)
        log.debug("feed %s: %d entries, %d new, %d skipped", feed.id, len(digest.ids), len(new), digest.skipped)
        return PollResult(feed.id, "ok", new, skipped=digest.skipped)

    def accept_push(self, feed_id: str, body: bytes, content_type: str | None, now: datetime) -> PollResult:
        """Articles from a body a WebSub hub pushed for ``feed_id``: parsed, normalised and seen-checked
        like a polled body (the schedule and validators of the feed are left alone)."""
        feed = next((f for f in self.feeds if f.id == feed_id), None)
        if feed is None:
            return PollResult(feed_id, "permanent_error", error="pushed content for a feed no longer polled")
        with self._lock:
            known = frozenset(self._known.get(feed_id, ()))
            remembered = self._items.get(feed_id)
        try:
            base = feed.url if not is_local(feed.url) else None
            digest = self._parser.digest(body, content_type, base, feed, now, known, remembered)
        except (FeedPermanentError, FeedTransientError) as exc:
            log.warning("feed %s: pushed content refused: %s", feed_id, exc)
            return PollResult(feed_id, "permanent_error", error=str(exc))
        new = self.full_text.enrich(feed, self.state.unseen(digest.articles))
        metrics.ARTICLES.inc(len(new))
        return PollResult(feed_id, "ok", tuple(new), skipped=digest.skipped)

    def _rescheduled(self, feed: FeedConfig, hint: float | None) -> FeedConfig:
        """``feed`` after a success: at the interval its fresh hint gives, longer when a hub pushes it."""
        configured = self._configured.get(feed.id, feed)
        interval = bounded_interval(configured.interval, hint, self.limits)
        if feed.id in self.push_active:
            interval = max(interval, self.limits.websub.push_poll_interval)
        return feed.model_copy(update={"interval": interval})

    def _moved(self, feed: FeedConfig, url: str) -> None:
        """A permanent redirect: poll the new address from now on."""
        self._stale = True
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

    def _failed(self, claim: Claim, feed: FeedConfig, now: datetime, exc: FeedError) -> PollResult:
        """Record a failed poll of ``feed`` (``claim.feed``, possibly rescheduled as dead)."""
        retry_after = exc.retry_after if isinstance(exc, FeedTransientError) else None
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


def _has_new(polled: _Polled, new_ids: set[str]) -> bool:
    """True when the digested body holds an article never published (its hash must wait for that)."""
    return polled.digest is not None and any(article.id in new_ids for article in polled.digest.articles)


def unique_articles(articles: Iterable[Article]) -> list[Article]:
    """Each article id once, at its first occurrence (one story in two feeds, or pushed and polled)."""
    first: dict[str, Article] = {}
    for article in articles:
        first.setdefault(article.id, article)
    return list(first.values())


def _drop_repeats(results: list[PollResult]) -> list[PollResult]:
    """Return each article once per batch: one story in two feeds (same canonical link) goes out once."""
    returned: set[str] = set()
    kept: list[PollResult] = []
    for result in results:
        fresh = tuple(article for article in result.articles if article.id not in returned)
        returned.update(article.id for article in fresh)
        kept.append(replace(result, articles=fresh) if len(fresh) != len(result.articles) else result)
    return kept
