"""Ingest state on SQLite and PostgreSQL: leases, schedule, backoff, validators, seen ids."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from ingest.state import FeedStateStore, Validators, feed_state
from veille.config.feeds import FeedConfig
from veille.contracts import Article
from veille.store import create_engine

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)
FEEDS = [FeedConfig(id=f"f{i:02d}", url=f"/feeds/{i}.xml", interval=timedelta(minutes=10)) for i in range(20)]


@pytest.fixture
def store(store_engine):
    return FeedStateStore(
        store_engine, lease=timedelta(minutes=5), max_backoff=timedelta(hours=2), rng=random.Random(7)
    )


def row(store, feed_id):
    with store.engine.connect() as conn:
        return conn.execute(sa.select(feed_state).where(feed_state.c.feed_id == feed_id)).one()


def article(aid: str, feed_id: str = "f00") -> Article:
    return Article(id=aid, feed_id=feed_id, source="s", title=aid, fetched_at=NOW)


def test_new_feeds_are_due_at_once_and_leased_to_one_worker(store):
    claims = store.claim_due(FEEDS[:3], NOW, "a", limit=10)
    assert [claim.feed.id for claim in claims] == ["f00", "f01", "f02"]
    assert claims[0].validators == Validators() and claims[0].failures == 0
    assert store.claim_due(FEEDS[:3], NOW, "b", limit=10) == []
    leased = row(store, "f00")
    assert leased.lease_owner == "a"
    assert leased.lease_expires == NOW + timedelta(minutes=5)


def test_an_expired_lease_can_be_taken_over(store):
    store.claim_due(FEEDS[:1], NOW, "a", limit=10)
    later = NOW + timedelta(minutes=6)
    assert [claim.feed.id for claim in store.claim_due(FEEDS[:1], later, "b", limit=10)] == ["f00"]


def test_a_replica_releases_the_leases_a_failed_cycle_left_and_only_its_own(store):
    store.claim_due(FEEDS[:2], NOW, "a", limit=10)  # the cycle then failed: the leases were never released
    store.claim_due(FEEDS[2:3], NOW, "b", limit=10)
    assert store.release("a") == 2
    assert [claim.feed.id for claim in store.claim_due(FEEDS[:3], NOW, "c", limit=10)] == ["f00", "f01"]


def test_claims_respect_the_limit_and_take_the_most_overdue_first(store):
    store.claim_due(FEEDS[:3], NOW, "a", limit=10)
    store.record_success(FEEDS[0], "a", NOW - timedelta(minutes=30), None)  # due at NOW - 20 min
    store.record_success(FEEDS[1], "a", NOW - timedelta(minutes=15), None)  # due at NOW - 5 min
    store.record_success(FEEDS[2], "a", NOW - timedelta(minutes=20), None)  # due at NOW - 10 min
    assert [claim.feed.id for claim in store.claim_due(FEEDS[:3], NOW, "b", limit=2)] == ["f00", "f02"]


def test_concurrent_replicas_never_claim_the_same_feed(store_url, store):
    claimed: dict[str, list[str]] = {}

    def replica(name: str) -> None:
        engine = create_engine(store_url)
        try:
            mine = FeedStateStore(engine)
            claimed[name] = [claim.feed.id for claim in mine.claim_due(FEEDS, NOW, name, limit=8)]
        finally:
            engine.dispose()

    threads = [threading.Thread(target=replica, args=(f"r{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [feed_id for ids in claimed.values() for feed_id in ids]
    assert len(everything) == len(set(everything)) == len(FEEDS)


def test_feeds_not_in_the_config_are_ignored(store):
    store.claim_due(FEEDS[:2], NOW, "a", limit=10)
    store.record_success(FEEDS[0], "a", NOW - timedelta(hours=1), None)
    assert store.claim_due(FEEDS[2:3], NOW, "a", limit=10)[0].feed.id == "f02"
    assert store.claim_due(FEEDS[1:3], NOW + timedelta(minutes=6), "b", limit=10)[0].feed.id == "f01"


def test_success_schedules_the_next_poll_stores_validators_and_releases_the_lease(store):
    store.claim_due(FEEDS[:1], NOW, "a", limit=1)
    store.record_success(FEEDS[0], "a", NOW, Validators('"v1"', "Tue, 18 Jun 2024 08:00:00 GMT"))
    state = row(store, "f00")
    assert state.next_due == NOW + timedelta(minutes=10)
    assert (state.etag, state.last_modified, state.lease_owner, state.last_success) == (
        '"v1"',
        "Tue, 18 Jun 2024 08:00:00 GMT",
        None,
        NOW,
    )
    (claim,) = store.claim_due(FEEDS[:1], NOW + timedelta(minutes=10), "a", limit=1)
    assert claim.validators == Validators('"v1"', "Tue, 18 Jun 2024 08:00:00 GMT")


def test_not_modified_keeps_validators_and_success_without_validators_too(store):
    store.claim_due(FEEDS[:1], NOW, "a", limit=1)
    store.record_success(FEEDS[0], "a", NOW, Validators('"v1"', None))
    store.claim_due(FEEDS[:1], NOW + timedelta(minutes=10), "a", limit=1)
    store.record_not_modified(FEEDS[0], "a", NOW + timedelta(minutes=10), Validators())
    assert row(store, "f00").etag == '"v1"'
    store.claim_due(FEEDS[:1], NOW + timedelta(minutes=20), "a", limit=1)
    store.record_success(FEEDS[0], "a", NOW + timedelta(minutes=20), None)
    assert row(store, "f00").etag == '"v1"'
    store.save_validators("f00", Validators('"v2"', "x"))
    assert (row(store, "f00").etag, row(store, "f00").last_modified) == ('"v2"', "x")


def test_failures_back_off_exponentially_with_jitter_up_to_the_cap(store):
    feed = FEEDS[0]
    delays = []
    now = NOW
    for _ in range(6):
        (claim,) = store.claim_due([feed], now, "a", limit=1)
        due = store.record_failure(feed, "a", now, "HTTP 500 Internal Server Error")
        delays.append(due - now)
        now = due
    for streak, delay in enumerate(delays[:4]):
        nominal = timedelta(minutes=10) * 2**streak
        assert nominal * 0.8 <= delay <= nominal * 1.2
    assert delays[5] <= timedelta(hours=2)
    state = row(store, "f00")
    assert (state.failures, state.last_error, state.lease_owner) == (6, "HTTP 500 Internal Server Error", None)
    assert claim.failures == 5


def test_retry_after_pushes_the_next_poll_further(store):
    store.claim_due(FEEDS[:1], NOW, "a", limit=1)
    due = store.record_failure(FEEDS[0], "a", NOW, "HTTP 429 Too Many Requests", retry_after=7200)
    assert due == NOW + timedelta(hours=2)


def test_success_resets_the_failure_streak(store):
    store.claim_due(FEEDS[:1], NOW, "a", limit=1)
    due = store.record_failure(FEEDS[0], "a", NOW, "timed out")
    store.claim_due(FEEDS[:1], due, "a", limit=1)
    store.record_success(FEEDS[0], "a", due, None)
    state = row(store, "f00")
    assert (state.failures, state.last_error) == (0, None)


def test_a_worker_that_lost_its_lease_does_not_overwrite_the_new_owner(store, caplog):
    store.claim_due(FEEDS[:1], NOW, "a", limit=1)
    store.claim_due(FEEDS[:1], NOW + timedelta(minutes=6), "b", limit=1)
    store.record_success(FEEDS[0], "a", NOW + timedelta(minutes=7), Validators('"stale"', None))
    state = row(store, "f00")
    assert (state.lease_owner, state.etag) == ("b", None)
    assert "lease lost" in caplog.text


def test_next_due_is_now_for_new_feeds_then_the_earliest_schedule(store):
    assert store.next_due([], NOW) is None
    assert store.next_due(FEEDS[:2], NOW) == NOW
    store.claim_due(FEEDS[:2], NOW, "a", limit=10)
    store.record_success(FEEDS[0], "a", NOW, None)
    assert store.next_due(FEEDS[:2], NOW) == NOW + timedelta(minutes=5)  # f01 leased until then
    store.record_success(FEEDS[1], "a", NOW, None)
    assert store.next_due(FEEDS[:2], NOW) == NOW + timedelta(minutes=10)


def test_unseen_filters_marked_ids_and_repeats(store):
    batch = [article("a1"), article("a2"), article("a1"), article("a3")]
    assert [a.id for a in store.unseen(batch)] == ["a1", "a2", "a3"]
    assert store.mark_seen([article("a1"), article("a2")], NOW) == 2
    assert store.mark_seen([article("a2")], NOW) == 0
    assert [a.id for a in store.unseen(batch)] == ["a3"]


def test_seen_ids_survive_a_new_store_instance(store):
    store.mark_seen([article(f"id{i}") for i in range(1200)], NOW)
    again = FeedStateStore(store.engine)
    assert again.unseen([article("id0"), article("id1199"), article("new")]) == [article("new")]


def test_claims_per_group_are_capped_but_the_empty_group_is_not(store):
    feeds = [FeedConfig(id=f"h{i}", url=f"https://busy.example/{i}") for i in range(4)]
    feeds += [FeedConfig(id=f"l{i}", url=f"/local/{i}.xml") for i in range(3)]

    def host(feed: FeedConfig) -> str:
        return "busy.example" if feed.url.startswith("https://") else ""

    claims = store.claim_due(feeds, NOW, "a", limit=10, group=host, per_group=2)
    assert sorted(claim.feed.id for claim in claims) == ["h0", "h1", "l0", "l1", "l2"]
    assert [claim.feed.id for claim in store.claim_due(feeds, NOW, "a", limit=10, group=host, per_group=2)] == [
        "h2",
        "h3",
    ]
