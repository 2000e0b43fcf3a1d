"""How many feeds of one host a poll batch may hold: as many as its slots can fetch within the lease."""

from __future__ import annotations

from datetime import timedelta

from ingest.hosts import fetches_per_slot
from veille.config.ingest import IngestConfig


def test_default_limits_allow_five_slowest_fetches_per_slot_in_a_ten_minute_lease():
    assert fetches_per_slot(timedelta(minutes=10), IngestConfig()) == 5  # 6 x 100 s fit, one kept spare


def test_long_deadlines_leave_one_fetch_per_slot_never_none():
    assert fetches_per_slot(timedelta(minutes=10), IngestConfig(deadline=240)) == 1
    assert fetches_per_slot(timedelta(minutes=10), IngestConfig(deadline=900)) == 1


def test_a_longer_lease_allows_more():
    assert fetches_per_slot(timedelta(minutes=30), IngestConfig()) == 17
