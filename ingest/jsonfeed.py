"""JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) to the entry shape ``ingest.normalize`` reads.

feedparser reads RSS, Atom and RDF only. This parser follows the spec and treats the document as
hostile: the body is size-bounded before decoding, the number of items is capped, deep nesting
stops at json's own recursion guard, every field is type-checked (a field of the wrong type is
ignored, never trusted), and relative URLs resolve against the feed's own address (``feed_url``,
else ``home_page_url``, else where it was fetched). Each item becomes a plain dict with
feedparser's keys (``id``, ``link``, ``title``, ``summary``, ``content``, ``published_parsed``,
``updated_parsed``, ``language``), so one normaliser serves every format.
Failures raise FeedPermanentError (kind ``parse``) with one line.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from ingest.errors import FeedPermanentError, one_line

MAX_BYTES = 16 * 1024 * 1024
MAX_ITEMS = 5000


def looks_like_json(body: bytes) -> bool:
    """True when the document starts (after a BOM and whitespace) with ``{`` or ``[``."""
    start = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start[:1] in (b"{", b"[")


def parse_json_feed(body: bytes, base_url: str | None = None) -> tuple[str | None, str | None, list[dict[str, Any]]]:
    """The (title, language, entries) of a JSON Feed document; FeedPermanentError with one line otherwise."""
    if len(body) > MAX_BYTES:
        raise FeedPermanentError("too_large", f"JSON Feed larger than {MAX_BYTES} bytes")
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FeedPermanentError("parse", f"JSON Feed is not UTF-8: {one_line(exc)}") from None
    except (ValueError, RecursionError) as exc:
        raise FeedPermanentError("parse", f"invalid JSON: {one_line(exc)}") from None
    if not isinstance(document, dict):
        raise FeedPermanentError("parse", "JSON document is not a JSON Feed (top level is not an object)")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedPermanentError("parse", "JSON document is not a JSON Feed (no items list)")
    base = _url(document.get("feed_url"), base_url) or _url(document.get("home_page_url"), base_url) or base_url
    entries = [_entry(item, base) for item in items[:MAX_ITEMS] if isinstance(item, dict)]
    return _text(document.get("title")), _text(document.get("language")), entries


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _url(value: object, base: str | None) -> str | None:
    """``value`` resolved against ``base`` when it is a non-empty string, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return urljoin(base, value.strip()) if base else value.strip()
    except ValueError:
        return None


def _date(value: object) -> time.struct_time | None:
    """An RFC 3339 date as a UTC struct_time (what feedparser gives), or None when unreadable."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    text = value.strip().replace("z", "Z")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC).timetuple()
    except (OverflowError, ValueError):
        return None


def _entry(item: dict[str, Any], base: str | None) -> dict[str, Any]:
    """One JSON Feed item as a feedparser-shaped entry (see the module doc)."""
    link = _url(item.get("url"), base) or _url(item.get("external_url"), base)
    raw_id = item.get("id")
    if isinstance(raw_id, int | float) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)  # 1.0 feeds in the wild use numbers; the spec says to accept them as strings
    ident = _text(raw_id)
    content = [
        {"value": value}
        for value in (_text(item.get("content_html")), _text(item.get("content_text")))
        if value is not None
    ]
    entry: dict[str, Any] = {
        "id": ident,
        "link": link,
        "title": _text(item.get("title")),
        "summary": _text(item.get("summary")),
        "content": content,
        "published_parsed": _date(item.get("date_published")),
        "updated_parsed": _date(item.get("date_modified")),
        "language": _text(item.get("language")),
    }
    return {key: value for key, value in entry.items() if value}
