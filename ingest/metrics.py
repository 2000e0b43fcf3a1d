"""Prometheus metrics of the ingest worker, defined once; labels are bounded enums, never URLs or ids.

``init_labels`` pre-creates every label set at start-up so dashboards show zeros, not gaps.
"""

from __future__ import annotations

from typing import Literal, get_args

from prometheus_client import Counter, Histogram

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


def init_labels() -> None:
    """Create every label set (call once at start-up)."""
    for outcome in POLL_OUTCOMES:
        POLLS.labels(outcome)
    for kind in ERROR_KINDS:
        FEED_ERRORS.labels(kind)
