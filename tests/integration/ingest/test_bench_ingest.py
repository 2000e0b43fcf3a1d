"""bench.ingest on a few feeds: every key reported, every farm item published exactly once (no timing asserted)."""

from __future__ import annotations

from bench import feedfarm
from bench.ingest import run


def test_the_farm_mix_is_30_etag_50_same_20_growing():
    kinds = [feedfarm.kind_of(n) for n in range(1000)]
    assert (kinds.count("etag"), kinds.count("same"), kinds.count("grows")) == (300, 500, 200)
    assert {feedfarm.new_items(n, 1) for n in range(1000) if kinds[n] == "grows"} == {1, 2, 3}


def test_a_small_run_reports_its_figures_and_loses_or_repeats_nothing():
    result = run(feeds=20, rounds=2)
    for key in ("feeds_per_s", "naive_feeds_per_s", "ratio", "first_poll_ratio", "cpu_s_per_feed"):
        assert result[key] > 0
    assert result["expected_articles"] == 20 * 20 + sum(feedfarm.new_items(n, r) for n in range(20) for r in (1, 2))
    assert (result["articles"], result["lost"], result["duplicated"]) == (result["expected_articles"], 0, 0)
    assert result["outcomes"] == {"ok": 20 + 2 * 4, "not_modified": 2 * 6, "unchanged": 2 * 10}
