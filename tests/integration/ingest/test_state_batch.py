"""``FeedStateStore.batch``: a poll batch's outcomes in one transaction, lease guards kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ingest.state import FeedStateStore, Validators
from tests.integration.ingest.test_state import FEEDS, row

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(store_engine):
    return FeedStateStore(store_engine, lease=timedelta(minutes=5))


def test_outcomes_recorded_in_a_batch_are_all_written_at_its_end(store):
    store.claim_due(FEEDS[:3], NOW, "a", limit=3)
    with store.batch():
        store.record_success(FEEDS[0], "a", NOW, Validators('"e0"', None))
        store.record_not_modified(FEEDS[1], "a", NOW, Validators())
        store.record_failure(FEEDS[2], "a", NOW, "HTTP 500")
    states = [row(store, feed.id) for feed in FEEDS[:3]]
    assert [state.lease_owner for state in states] == [None, None, None]
    assert (states[0].etag, states[1].failures, states[2].failures, states[2].last_error) == ('"e0"', 0, 1, "HTTP 500")
    assert states[0].next_due == NOW + FEEDS[0].interval


def test_a_failing_batch_writes_nothing(store):
    store.claim_due(FEEDS[:1], NOW, "a", limit=1)
    with pytest.raises(RuntimeError), store.batch():
        store.record_success(FEEDS[0], "a", NOW, Validators('"e0"', None))
        raise RuntimeError("the poll batch failed")
    assert (row(store, "f00").lease_owner, row(store, "f00").etag) == ("a", None)


def test_a_lost_lease_in_a_batch_is_not_overwritten_and_is_reported(store, caplog):
    store.claim_due(FEEDS[:2], NOW, "a", limit=2)
    store.claim_due(FEEDS[:1], NOW + timedelta(minutes=6), "b", limit=1)  # a's lease on f00 expired
    with store.batch():
        store.record_success(FEEDS[0], "a", NOW + timedelta(minutes=7), Validators('"stale"', None))
        store.record_success(FEEDS[1], "a", NOW + timedelta(minutes=7), Validators('"fresh"', None))
    assert (row(store, "f00").lease_owner, row(store, "f00").etag) == ("b", None)
    assert (row(store, "f01").lease_owner, row(store, "f01").etag) == (None, '"fresh"')
    assert "1 feeds: lease lost" in caplog.text
