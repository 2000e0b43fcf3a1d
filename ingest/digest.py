"""One fetched body to Articles: parse, drop entries already known, normalise the rest.

``digest_body`` is the CPU-heavy half of a poll, written as a pure function of picklable values so
that ``ingest.parsepool`` can run it in worker processes, beside the fetching threads. Entries whose
id is in ``known`` (published before, as the caller knows) are dropped *before* normalisation, the
costly part (HTML to text, language guess, SimHash); duplicate ids within one feed are kept once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ingest.errors import FeedPermanentError, one_line
from ingest.normalize import entry_id, entry_published, normalize_entry
from ingest.parse import ParsedFeed, parse_feed
from veille.config.feeds import FeedConfig
from veille.contracts import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Digest:
    """What one body holds: every entry id (in order, once), the new entries as Articles, and more.

    ``articles`` are the entries whose id was not in ``known``; ``skipped`` counts entries that could
    not become an Article, ``warnings`` says why for the unexpected cases (the caller logs them: a
    worker process has no log handlers); ``bozo`` says why the document was malformed but still read.
    ``oldest`` covers every entry, so item lifetimes are known without normalising the seen ones.
    """

    ids: tuple[str, ...]
    articles: tuple[Article, ...]
    skipped: int = 0
    bozo: str | None = None
    warnings: tuple[str, ...] = ()
    hint_seconds: float | None = None  # the feed's own polling hint (ttl, sy:updatePeriod)
    links: tuple[tuple[str, str], ...] = ()  # feed-level links (WebSub hub, self)
    oldest: datetime | None = None  # the oldest date among all its entries (seen ones included)


def digest_body(
    body: bytes,
    content_type: str | None,
    base_url: str | None,
    feed: FeedConfig,
    fetched_at: datetime,
    known: frozenset[str] = frozenset(),
) -> Digest:
    """Parse ``body`` and normalise its entries whose id is not in ``known`` (see the module doc).

    Raises FeedPermanentError (``hostile``, ``parse``, ``too_large``) with one line for a document
    that cannot be read; one bad entry only counts as skipped.
    """
    parsed = parse_feed(body, content_type, base_url)
    ids: dict[str, None] = {}
    articles: list[Article] = []
    skipped = 0
    warnings: list[str] = []
    dates: list[datetime] = []
    for index, entry in enumerate(parsed.entries):
        try:
            if (published := entry_published(entry, fetched_at)) is not None:
                dates.append(published)
            ident = entry_id(entry, feed.id, fetched_at)
            if ident in ids:
                continue
            ids[ident] = None
            if ident not in known:
                articles.append(_normalize(entry, feed, parsed, fetched_at))
        except FeedPermanentError as exc:
            skipped += 1
            log.debug("feed %s: entry %d skipped: %s", feed.id, index, exc)
        except Exception as exc:  # hostile entries must not cost the feed's other entries
            skipped += 1
            warnings.append(f"entry {index} skipped: {type(exc).__name__}: {one_line(exc)}")
    return Digest(
        tuple(ids),
        tuple(articles),
        skipped,
        parsed.bozo,
        tuple(warnings),
        parsed.hint_seconds,
        parsed.links,
        min(dates, default=None),
    )


def _normalize(entry: Any, feed: FeedConfig, parsed: ParsedFeed, fetched_at: datetime) -> Article:
    return normalize_entry(entry, feed=feed, feed_title=parsed.title, feed_lang=parsed.lang, fetched_at=fetched_at)
