"""Ingest state in the SQL store: per-feed schedule and validators, and the ids already published.

``feed_state`` holds, per feed, the conditional-GET validators, when it is next due, its failure
streak and last error, and a lease (owner, expiry). A replica claims a due feed with a
compare-and-set UPDATE on the lease, so several ingest replicas sharing one store never poll the
same feed at once; a crashed replica's lease simply expires, unless the replica comes back under
the same worker id or its cycle failed: then it releases its own leases (``release``) at once.
``seen_articles`` holds one row per published article id (primary key), so "already seen"
survives restarts and is shared by replicas.
"""

from __future__ import annotations

import logging
import random
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from veille.config.feeds import FeedConfig
from veille.contracts import Article
from veille.store import UtcDateTime, ensure_tables, insert_ignore, metadata

log = logging.getLogger(__name__)


feed_state = sa.Table(
    "feed_state",
    metadata,
    sa.Column("feed_id", sa.String(64), primary_key=True),
    sa.Column("etag", sa.String(512)),
    sa.Column("last_modified", sa.String(512)),
    sa.Column("next_due", UtcDateTime(), nullable=False),
    sa.Column("failures", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.String(500)),
    sa.Column("last_success", UtcDateTime()),
    sa.Column("lease_owner", sa.String(128)),
    sa.Column("lease_expires", UtcDateTime()),
    sa.Index(None, "next_due"),
)

seen_articles = sa.Table(
    "seen_articles",
    metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("feed_id", sa.String(64), nullable=False),
    sa.Column("first_seen", UtcDateTime(), nullable=False),
    sa.Index(None, "first_seen"),
    sa.Index(None, "feed_id"),
)

_ID_CHUNK = 500
_INDEX_LOCK_ID = 0x7665696C6C69  # "veilli": serialises the index upgrade between replicas


@dataclass(frozen=True, slots=True)
class Validators:
    """The conditional-GET validators of a feed's last full response (None: the server sent none)."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A feed this replica holds the lease on, with the validators to send and its failure streak."""

    feed: FeedConfig
    validators: Validators
    failures: int


class FeedStateStore:
    """The ingest tables behind a small interface (SQLite or PostgreSQL); creates them if missing.

    ``lease`` must exceed the longest poll (fetch deadline + parse); ``max_backoff`` caps how far a
    failing feed is pushed back (never below its own interval); ``rng`` draws the backoff jitter.
    """

    def __init__(
        self,
        engine: sa.Engine,
        *,
        lease: timedelta = timedelta(minutes=10),
        max_backoff: timedelta = timedelta(hours=6),
        rng: random.Random | None = None,
    ) -> None:
        self.engine = engine
        self.lease = lease
        self.max_backoff = max_backoff
        self._rng = rng or random.Random()
        self._known: set[str] = set()
        self._batch = threading.local()
        ensure_tables(engine, [feed_state, seen_articles])
        _ensure_feed_index(engine)

    def claim_due(
        self,
        feeds: Sequence[FeedConfig],
        now: datetime,
        worker_id: str,
        limit: int,
        *,
        group: Callable[[FeedConfig], str] | None = None,
        per_group: int | None = None,
    ) -> list[Claim]:
        """Lease up to ``limit`` of ``feeds`` that are due at ``now`` and not leased; most overdue first.

        A feed never polled before is due at once. The leases of the batch are taken with one
        compare-and-set UPDATE, so two replicas claiming together never both get one feed. With
        ``group`` (e.g. the host) and ``per_group``, at most that many feeds of one non-empty group
        are claimed, so that a batch never queues more work on one host than fits in the lease.
        """
        by_id = {feed.id: feed for feed in feeds}
        if not by_id or limit <= 0:
            return []
        taken_per_group: Counter[str] = Counter()
        with self.engine.begin() as conn:
            new = [{"feed_id": fid, "next_due": now, "failures": 0} for fid in by_id if fid not in self._known]
            insert_ignore(conn, feed_state, new, ["feed_id"])
            free = sa.or_(feed_state.c.lease_expires.is_(None), feed_state.c.lease_expires <= now)
            due = sa.and_(feed_state.c.next_due <= now, free)
            rows = conn.execute(
                sa.select(feed_state.c.feed_id, feed_state.c.etag, feed_state.c.last_modified, feed_state.c.failures)
                .where(due)
                .order_by(feed_state.c.next_due, feed_state.c.feed_id)
            ).all()
            claims: list[Claim] = []
            remaining = iter(rows)
            while len(claims) < limit:  # another replica may take some of a round: fill up from the rest
                chosen: list[tuple[Any, FeedConfig, str]] = []
                for row in remaining:
                    feed = by_id.get(row.feed_id)
                    key = group(feed) if feed is not None and group is not None else ""
                    if feed is None or (key and per_group is not None and taken_per_group[key] >= per_group):
                        continue
                    taken_per_group[key] += 1
                    chosen.append((row, feed, key))
                    if len(claims) + len(chosen) >= limit:
                        break
                if not chosen:
                    break
                taken = _take_leases(conn, [row.feed_id for row, _, _ in chosen], due, worker_id, now + self.lease)
                for row, feed, key in chosen:
                    if row.feed_id in taken:
                        claims.append(Claim(feed, Validators(row.etag, row.last_modified), row.failures))
                    else:
                        taken_per_group[key] -= 1
        self._known.update(by_id)  # only once the rows are committed
        return claims

    def release(self, worker_id: str) -> int:
        """Drop every lease ``worker_id`` holds (after a failed cycle, or at start-up); return how many."""
        with self.engine.begin() as conn:
            return conn.execute(
                sa.update(feed_state)
                .where(feed_state.c.lease_owner == worker_id)
                .values(lease_owner=None, lease_expires=None)
            ).rowcount

    def record_success(self, feed: FeedConfig, worker_id: str, now: datetime, validators: Validators | None) -> None:
        """A poll went through: reset the failure streak, schedule the next poll, release the lease.

        ``validators`` replace the stored ones; None keeps them (the caller saves new ones with
        ``save_validators`` once what this response brought is published).
        """
        values: dict[str, Any] = {"failures": 0, "last_error": None, "last_success": now}
        if validators is not None:
            values.update(etag=validators.etag, last_modified=validators.last_modified)
        self._release(feed, worker_id, now + feed.interval, values)

    def record_not_modified(self, feed: FeedConfig, worker_id: str, now: datetime, validators: Validators) -> None:
        """The server answered 304: as a success, keeping the stored validators unless it sent new ones."""
        changed = validators if validators.etag or validators.last_modified else None
        self.record_success(feed, worker_id, now, changed)

    def record_failure(
        self, feed: FeedConfig, worker_id: str, now: datetime, error: str, retry_after: float | None = None
    ) -> datetime:
        """A poll failed: back off exponentially (jitter, capped), at least ``retry_after``; return the new due time."""
        with self.transaction() as conn:
            failures = conn.execute(
                sa.select(feed_state.c.failures).where(feed_state.c.feed_id == feed.id)
            ).scalar_one_or_none()
        streak = (failures or 0) + 1
        cap = max(self.max_backoff, feed.interval)
        delay = min(cap, feed.interval * 2 ** min(streak - 1, 32)) * self._rng.uniform(0.8, 1.2)
        delay = min(delay, cap)
        if retry_after is not None:
            delay = max(delay, timedelta(seconds=retry_after))
        due = now + delay
        self._release(feed, worker_id, due, {"failures": streak, "last_error": error[:500]})
        return due

    def save_validators(self, feed_id: str, validators: Validators) -> None:
        """Store the validators of a response whose new articles are now all published."""
        self.save_validators_many({feed_id: validators})

    def save_validators_many(self, validators: dict[str, Validators]) -> None:
        """``save_validators`` for several feeds, as one executemany UPDATE."""
        if not validators:
            return
        stmt = (
            sa.update(feed_state)
            .where(feed_state.c.feed_id == sa.bindparam("b_feed_id"))
            .values(etag=sa.bindparam("b_etag"), last_modified=sa.bindparam("b_last_modified"))
        )
        rows = [
            {"b_feed_id": feed_id, "b_etag": saved.etag, "b_last_modified": saved.last_modified}
            for feed_id, saved in validators.items()
        ]
        with self.transaction() as conn:
            conn.execute(stmt, rows)

    def next_due(self, feeds: Sequence[FeedConfig], now: datetime) -> datetime | None:
        """When the earliest of ``feeds`` is due (``now`` if one has never been polled); None without feeds."""
        wanted = {feed.id for feed in feeds}
        if not wanted:
            return None
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(feed_state.c.feed_id, feed_state.c.next_due, feed_state.c.lease_expires)
            ).all()
        times = {
            row.feed_id: max(row.next_due, row.lease_expires) if row.lease_expires else row.next_due
            for row in rows
            if row.feed_id in wanted
        }
        if len(times) < len(wanted):
            return now
        return min(times.values())

    def unseen(self, articles: Iterable[Article]) -> list[Article]:
        """The articles whose id was never marked seen, each id once, in order."""
        pending: dict[str, Article] = {}
        for article in articles:
            pending.setdefault(article.id, article)
        seen: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(list(pending)):
                query = sa.select(seen_articles.c.article_id).where(seen_articles.c.article_id.in_(chunk))
                seen.update(conn.execute(query).scalars())
        return [article for aid, article in pending.items() if aid not in seen]

    def mark_seen(self, articles: Iterable[Article], now: datetime) -> int:
        """Record the articles as seen (idempotent); return how many were new."""
        rows = [{"article_id": a.id, "feed_id": a.feed_id, "first_seen": now} for a in articles]
        with self.transaction() as conn:
            return sum(insert_ignore(conn, seen_articles, chunk, ["article_id"]) for chunk in _chunks(rows))

    @contextmanager
    def batch(self) -> Iterator[sa.Connection]:
        """One transaction for every write this thread makes inside (``record_*``, ``mark_seen``…).

        A poll batch records dozens of feeds: one commit instead of one per feed, and the feeds'
        outcomes go out as one executemany UPDATE per shape of row. Nothing is written if the
        block raises.
        """
        with self.engine.begin() as conn:
            self._batch.conn, self._batch.releases = conn, []
            try:
                yield conn
                _execute_releases(conn, self._batch.releases)
            finally:
                self._batch.conn, self._batch.releases = None, None

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """The open ``batch`` connection of this thread, else a transaction of its own."""
        conn = getattr(self._batch, "conn", None)
        if conn is not None:
            yield conn
            return
        with self.engine.begin() as conn:
            yield conn

    def seen_ids_by_feed(self, feed_ids: Iterable[str]) -> dict[str, set[str]]:
        """The ids marked seen from each of ``feed_ids`` (feeds with none are absent)."""
        found: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(feed_ids)):
                query = sa.select(seen_articles.c.feed_id, seen_articles.c.article_id).where(
                    seen_articles.c.feed_id.in_(chunk)
                )
                for row in conn.execute(query):
                    found.setdefault(row.feed_id, set()).add(row.article_id)
        return found

    def _release(self, feed: FeedConfig, worker_id: str, due: datetime, values: dict[str, Any]) -> None:
        """Write the poll's outcome and drop the lease, if this worker still holds it (deferred in a ``batch``)."""
        row = {"feed_id": feed.id, "owner": worker_id, "next_due": due, "lease_owner": None, "lease_expires": None}
        row.update(values)
        queued = getattr(self._batch, "releases", None)
        if queued is not None:
            queued.append(row)
            return
        with self.transaction() as conn:
            _execute_releases(conn, [row])


def _take_leases(
    conn: sa.Connection, ids: list[str], due: sa.ColumnElement[bool], worker_id: str, expires: datetime
) -> set[str]:
    """Lease the feeds ``ids`` that are still ``due``, in one compare-and-set UPDATE; return those taken.

    SQLite transactions here are ``BEGIN IMMEDIATE`` (one writer at a time). On PostgreSQL the rows
    are first locked in feed id order, skipping those another replica is claiming right now, so two
    replicas never wait on each other in opposite orders.
    """
    if not ids:
        return set()
    if conn.dialect.name == "postgresql":
        lock = (
            sa.select(feed_state.c.feed_id)
            .where(feed_state.c.feed_id.in_(ids), due)
            .order_by(feed_state.c.feed_id)
            .with_for_update(skip_locked=True)
        )
        ids = list(conn.execute(lock).scalars())
        if not ids:
            return set()
    stmt = (
        sa.update(feed_state)
        .where(feed_state.c.feed_id.in_(ids), due)
        .values(lease_owner=worker_id, lease_expires=expires)
        .returning(feed_state.c.feed_id)
    )
    return set(conn.execute(stmt).scalars())


def _execute_releases(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    """Apply ``_release`` rows: one executemany UPDATE per set of columns, guarded by the lease owner."""
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        shapes.setdefault(tuple(sorted(row)), []).append(row)
    for shape, group in shapes.items():
        columns = [name for name in shape if name not in ("feed_id", "owner")]
        stmt = (
            sa.update(feed_state)
            .where(feed_state.c.feed_id == sa.bindparam("b_feed_id"))
            .where(feed_state.c.lease_owner == sa.bindparam("b_owner"))
            .values({name: sa.bindparam(f"b_{name}") for name in columns})
        )
        done = conn.execute(stmt, [{f"b_{name}": value for name, value in row.items()} for row in group])
        if 0 <= done.rowcount < len(group):
            lost = "feed " + group[0]["feed_id"] if len(group) == 1 else f"{len(group) - done.rowcount} feeds"
            log.warning("%s: lease lost before the poll was recorded (poll longer than the lease?)", lost)


def _ensure_feed_index(engine: sa.Engine) -> None:
    """Add the ``seen_articles.feed_id`` index to stores created before it existed (the seen check reads by feed)."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # replicas starting together would race on the catalog
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _INDEX_LOCK_ID})
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_seen_articles_feed_id ON seen_articles (feed_id)")


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    """``items`` in slices small enough for an IN list or one multi-row INSERT."""
    for start in range(0, len(items), _ID_CHUNK):
        yield items[start : start + _ID_CHUNK]
