"""One fetched body to Articles: parse, drop entries already known, normalise the rest.

``digest_body`` is the CPU-heavy half of a poll, written as a pure function of picklable values so
that ``ingest.parsepool`` can run it in worker processes, beside the fetching threads. Entries whose
id is in ``known`` (published before, as the caller knows) are dropped *before* normalisation, the
costly part (HTML to text, language guess, SimHash); duplicate ids within one feed are kept once.
Items whose bytes the feed's last digest already read, and whose id is known, are not even parsed
(``ingest.items``): a re-polled feed costs the parse of what it gained, not of all it holds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ingest.errors import FeedPermanentError, one_line
from ingest.items import ItemIndex, ItemMark, item_key, item_spans, without
from ingest.jsonfeed import looks_like_json
from ingest.normalize import bounded_date, entry_date, entry_id, fixed_entry_id, normalize_entry
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
    items: ItemIndex = field(default_factory=dict)  # its items by their bytes' hash, for the next digest


def digest_body(
    body: bytes,
    content_type: str | None,
    base_url: str | None,
    feed: FeedConfig,
    fetched_at: datetime,
    known: frozenset[str] = frozenset(),
    remembered: ItemIndex | None = None,
) -> Digest:
    """Parse ``body`` and normalise its entries whose id is not in ``known`` (see the module doc).

    ``remembered``: the ``items`` of the feed's last digest; those of its items still in ``body``
    whose id is in ``known`` are not parsed again. Raises FeedPermanentError (``hostile``,
    ``parse``, ``too_large``) with one line for a document that cannot be read; one bad entry only
    counts as skipped.
    """
    parsed, items = _parse_new_items(body, content_type, base_url, remembered or {}, known)
    ids: dict[str, None] = {}
    articles: list[Article] = []
    skipped = 0
    warnings: list[str] = []
    dates: list[datetime] = []
    index: ItemIndex = {}
    for position, (key, item) in enumerate(items):
        try:
            if isinstance(item, ItemMark):
                ident, stated, entry = item.id, item.date, None
            else:
                stated, entry = entry_date(item), item
            if (published := bounded_date(stated, fetched_at)) is not None:
                dates.append(published)
            if entry is not None:
                fixed = fixed_entry_id(entry, feed.id)
                ident = fixed if fixed is not None else entry_id(entry, feed.id, fetched_at)
                if key is not None and fixed is not None:
                    index[key] = ItemMark(fixed, stated)
            elif key is not None:
                index[key] = item
            if ident in ids:
                continue
            ids[ident] = None
            if ident not in known and entry is not None:  # a remembered item's id is always known
                articles.append(_normalize(entry, feed, parsed, fetched_at))
        except FeedPermanentError as exc:
            skipped += 1
            log.debug("feed %s: entry %d skipped: %s", feed.id, position, exc)
        except Exception as exc:  # hostile entries must not cost the feed's other entries
            skipped += 1
            warnings.append(f"entry {position} skipped: {type(exc).__name__}: {one_line(exc)}")
    return Digest(
        tuple(ids),
        tuple(articles),
        skipped,
        parsed.bozo,
        tuple(warnings),
        parsed.hint_seconds,
        parsed.links,
        min(dates, default=None),
        index,
    )


def _parse_new_items(
    body: bytes, content_type: str | None, base_url: str | None, remembered: ItemIndex, known: frozenset[str]
) -> tuple[ParsedFeed, list[tuple[bytes | None, Any]]]:
    """Parse ``body`` without its remembered, known items (the whole of it at any doubt, see ``ingest.items``).

    Returns the parsed feed and its items in document order as (key, ItemMark) for a remembered
    item, (key, entry) for a parsed one, or (None, entry) when the entries cannot be paired with
    the items found in the bytes (nothing is remembered of them then).
    """
    spans = [] if looks_like_json(body) else item_spans(body)
    keys = [item_key(body, span) for span in spans]
    reused = {i for i, key in enumerate(keys) if (mark := remembered.get(key)) is not None and mark.id in known}
    if reused:
        try:
            parsed: ParsedFeed | None = parse_feed(
                without(body, [span for i, span in enumerate(spans) if i in reused]), content_type, base_url
            )
        except FeedPermanentError:
            parsed = None
        if parsed is not None and parsed.bozo is None and len(parsed.entries) == len(spans) - len(reused):
            entries = iter(parsed.entries)
            return parsed, [(key, remembered[key] if i in reused else next(entries)) for i, key in enumerate(keys)]
    parsed = parse_feed(body, content_type, base_url)
    if parsed.bozo is None and len(parsed.entries) == len(spans):
        return parsed, list(zip(keys, parsed.entries, strict=True))
    return parsed, [(None, entry) for entry in parsed.entries]


def _normalize(entry: Any, feed: FeedConfig, parsed: ParsedFeed, fetched_at: datetime) -> Article:
    return normalize_entry(entry, feed=feed, feed_title=parsed.title, feed_lang=parsed.lang, fetched_at=fetched_at)
