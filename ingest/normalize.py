"""Feed entry (feedparser) -> ``veille.contracts.Article``.

- **id**: 32 hex digits of a BLAKE2b hash, the same on every poll and replica, from (first that exists)
  the entry's guid when it is an http(s) URL (canonicalised: one story in two feeds is one article),
  the guid otherwise (scoped by feed id: bare guids like ``12345`` are not unique across feeds), the
  canonical link, or the title (or text) with the date (scoped by feed id).
- **url**: the canonical link: http(s) only, lowercase scheme and host, no default port, no
  credentials, tracking parameters (``utm_*``, ``fbclid``, ``xtor``…) and ``key=value`` fragments
  (``#xtor=RSS-3208``) removed; plain anchors stay (live blogs tell posts apart by them).
- **published**: the entry's published (else updated, else created) date in UTC; dates before 1990
  are dropped, dates up to a day ahead are clamped to ``fetched_at``, later ones dropped.
- **title / summary**: plain text (see ``ingest.text``), capped; summary falls back to the content.
- **source**: the item's ``<source>`` or ``dc:publisher``, else the configured feed ``source``, else
  the feed title, else the feed id.
- **lang**: a language the item declares itself (one that differs from the feed's), else the
  configured hint, else the feed's declared language, else ``veille.language.detect_language``.
- **fingerprint**: ``veille.fingerprint.simhash`` of the title and summary; **tags** from the config.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import ValidationError

from ingest.errors import FeedPermanentError
from ingest.text import clean_text, wordset
from veille.config.feeds import FeedConfig
from veille.contracts import Article
from veille.fingerprint import simhash
from veille.language import detect_language, normalize_lang

TITLE_MAX = 500
SUMMARY_MAX = 5000
SOURCE_MAX = 200
URL_MAX = 2048
OLDEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)

_TRACKING_PARAMS = wordset(
    "fbclid gclid gclsrc dclid msclkid yclid igshid mc_cid mc_eid _hsenc _hsmi mkt_tok xtor ocid "
    "cmpid cmp smid ns_mchannel ns_source ns_campaign ns_linkname ns_fee at_medium at_campaign "
    "at_custom1 at_custom2 at_custom3 at_custom4 __twitter_impression ito"
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNSAFE_URL_CHAR = re.compile(r"[\s<>\"']")


def canonical_url(url: object) -> str | None:
    """The canonical form of an http(s) URL (see the module doc), or None for anything else."""
    if not isinstance(url, str) or len(url) > URL_MAX:
        return None
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return None
    if scheme not in _DEFAULT_PORTS or not host or _UNSAFE_URL_CHAR.search(url.strip()):
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in _TRACKING_PARAMS
    ]
    fragment = "" if "=" in parts.fragment else parts.fragment  # key=value fragments are analytics, not anchors
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(sorted(query)), fragment))


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def article_id(entry: Any, feed_id: str, title: str, published: datetime | None) -> str:
    """The stable id of ``entry`` (see the module doc); FeedPermanentError when nothing identifies it."""
    guid = entry.get("id") or entry.get("guid")
    if isinstance(guid, str) and guid.strip():
        url = canonical_url(guid)
        return _digest("url", url) if url else _digest("guid", feed_id, guid.strip())
    link = canonical_url(entry.get("link"))
    if link:
        return _digest("url", link)
    if title:
        return _digest("title", feed_id, title, published.isoformat() if published else "")
    raise FeedPermanentError("parse", "entry has no guid, link, title or text to identify it")


def entry_id(entry: Any, feed_id: str, fetched_at: datetime) -> str:
    """The id ``normalize_entry`` gives ``entry``, computed without normalising it (for the seen check).

    Cheap for entries with a guid or a link; only the rare entry with neither needs its title and date.
    """
    fixed = fixed_entry_id(entry, feed_id)
    if fixed is not None:
        return fixed
    title = clean_text(entry.get("title"), TITLE_MAX) or _entry_summary(entry)
    return article_id(entry, feed_id, title, entry_published(entry, fetched_at))


def fixed_entry_id(entry: Any, feed_id: str) -> str | None:
    """The id of an entry with a guid or a link, which does not depend on when it was read; else None."""
    guid = entry.get("id") or entry.get("guid")
    if (isinstance(guid, str) and guid.strip()) or canonical_url(entry.get("link")):
        return article_id(entry, feed_id, "", None)
    return None


def entry_published(entry: Any, fetched_at: datetime) -> datetime | None:
    """The entry's date in UTC within sane bounds (see the module doc), or None."""
    return bounded_date(entry_date(entry), fetched_at)


def entry_date(entry: Any) -> datetime | None:
    """The entry's published (else updated, else created) date in UTC as it states it, or None."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value is None:
            continue
        try:
            return datetime.fromtimestamp(calendar.timegm(value), UTC)
        except (TypeError, ValueError, OverflowError, OSError):
            continue
    return None


def bounded_date(when: datetime | None, fetched_at: datetime) -> datetime | None:
    """``when`` within sane bounds for a document fetched at ``fetched_at``: None before 1990 or more
    than a day ahead, clamped to ``fetched_at`` up to a day ahead."""
    if when is None or when < OLDEST or when > fetched_at + FUTURE_SLACK:
        return None
    return min(when, fetched_at)


def _entry_source(entry: Any) -> str:
    source = entry.get("source")
    if isinstance(source, dict) and source.get("title"):
        return clean_text(source["title"], SOURCE_MAX)
    return clean_text(entry.get("publisher"), SOURCE_MAX)


def _entry_summary(entry: Any) -> str:
    summary = clean_text(entry.get("summary"), SUMMARY_MAX)
    if summary:
        return summary
    for content in entry.get("content") or ():
        if isinstance(content, dict) and (text := clean_text(content.get("value"), SUMMARY_MAX)):
            return text
    return ""


def _entry_lang(entry: Any, feed: FeedConfig, feed_lang: str | None, text: str) -> str | None:
    declared = [entry.get("language")]
    declared += [(entry.get(key) or {}).get("language") for key in ("title_detail", "summary_detail")]
    for value in declared:
        lang = normalize_lang(value if isinstance(value, str) else None)
        if lang and lang != feed_lang:
            return lang
    return normalize_lang(feed.lang) or feed_lang or detect_language(text)


def normalize_entry(
    entry: Any, *, feed: FeedConfig, feed_title: str | None, feed_lang: str | None, fetched_at: datetime
) -> Article:
    """The Article for one feedparser entry of ``feed``.

    ``feed_title`` / ``feed_lang`` are what the document declares. Raises FeedPermanentError (kind
    ``parse``) with a one-line reason for an entry that cannot become an Article.
    """
    title = clean_text(entry.get("title"), TITLE_MAX)
    summary = _entry_summary(entry)
    published = entry_published(entry, fetched_at)
    url = canonical_url(entry.get("link")) or canonical_url(entry.get("id"))
    ident = article_id(entry, feed.id, title or summary, published)
    source = (
        _entry_source(entry) or clean_text(feed.source, SOURCE_MAX) or clean_text(feed_title, SOURCE_MAX) or feed.id
    )
    text = f"{title}\n\n{summary}" if summary else title
    try:
        return Article(
            id=ident,
            feed_id=feed.id,
            source=source,
            url=url,
            title=title,
            summary=summary,
            lang=_entry_lang(entry, feed, normalize_lang(feed_lang), text),
            published=published,
            fetched_at=fetched_at,
            tags=feed.tags,
            fingerprint=simhash(text),
        )
    except ValidationError as exc:
        problem = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise FeedPermanentError("parse", f"entry is not a valid article: {where}: {problem['msg']}") from None
