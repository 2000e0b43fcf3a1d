"""Prometheus metrics of the ingest worker, defined once; labels are bounded enums, never URLs or ids.

``init_labels`` pre-creates every label set at start-up so dashboards show zeros, not gaps.
"""

from __future__ import annotations

from typing import Literal, get_args

from prometheus_client import Counter, Gauge, Histogram

from ingest.errors import ERROR_KINDS

# unchanged: a 200 whose body has the hash of the last one fully published (not parsed again)
PollOutcome = Literal["ok", "not_modified", "unchanged", "transient_error", "permanent_error"]
POLL_OUTCOMES: tuple[PollOutcome, ...] = get_args(PollOutcome)

POLLS = Counter("veille_ingest_polls_total", "Feed polls, by outcome", ["outcome"])
ARTICLES = Counter("veille_ingest_articles_total", "New (never published) articles found in polled feeds")
PUBLISHED = Counter("veille_ingest_articles_published_total", "Articles marked seen after the producer flushed them")
ENTRIES_SKIPPED = Counter("veille_ingest_entries_skipped_total", "Feed entries that could not become an Article")
FEED_ERRORS = Counter("veille_ingest_feed_errors_total", "Failed feed polls, by kind of failure", ["kind"])
FETCH_SECONDS = Histogram(
    "veille_ingest_fetch_seconds",
    "Time to fetch one feed (304s and failures included)",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
FEEDS = Gauge("veille_ingest_feeds", "Enabled feeds, by state (dead: failing longer than ingest.dead_after)", ["state"])
PUSHES = Counter("veille_ingest_websub_pushes_total", "WebSub content deliveries, by outcome", ["outcome"])
PUSH_OUTCOMES = ("accepted", "deferred", "bad_signature", "unknown_topic", "too_large")
FULL_TEXT = Counter("veille_ingest_full_text_total", "Article pages fetched for full text, by outcome", ["outcome"])
FULL_TEXT_OUTCOMES = ("ok", "refused", "failed", "rate_limited")


def set_feed_counts(enabled: int, dead: int) -> None:
    """Publish how many enabled feeds are alive and dead."""
    FEEDS.labels("alive").set(enabled - dead)
    FEEDS.labels("dead").set(dead)


def init_labels() -> None:
    """Create every label set (call once at start-up)."""
    for outcome in POLL_OUTCOMES:
        POLLS.labels(outcome)
    for kind in ERROR_KINDS:
        FEED_ERRORS.labels(kind)
    for outcome in PUSH_OUTCOMES:
        PUSHES.labels(outcome)
    for outcome in FULL_TEXT_OUTCOMES:
        FULL_TEXT.labels(outcome)
