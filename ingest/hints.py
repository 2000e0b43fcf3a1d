"""What a feed and its server say about polling: interval hints, permanent moves and advertised links.

- ``cache_max_age``: Cache-Control ``max-age`` (or ``s-maxage``) in seconds.
- ``feed_interval_hint``: RSS ``<ttl>`` (minutes) or ``sy:updatePeriod`` / ``sy:updateFrequency``.
- ``permanent_target``: where a chain of redirects ends when every hop was permanent (301/308).
- ``header_links`` / ``feed_links``: ``rel`` → URL pairs from HTTP ``Link:`` headers and from the
  feed's own ``<link>`` / ``<atom:link>`` elements (``hub`` and ``self`` matter for WebSub).
All of them read hostile input and return None / nothing for what they do not understand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*\"?(\d{1,10})\"?", re.IGNORECASE)
_NO_STORE = re.compile(r"(?:^|,)\s*(?:no-store|no-cache)\b", re.IGNORECASE)
_PERIOD_SECONDS = {"hourly": 3600, "daily": 86400, "weekly": 604800, "monthly": 2592000, "yearly": 31536000}
_PERMANENT = frozenset({301, 308})
_MAX_LINKS = 16
_LINK = re.compile(r"<([^>]{1,2048})>((?:\s*;\s*[^,;]+)*)")
_REL = re.compile(r";\s*rel\s*=\s*\"?([^\";,]+)\"?", re.IGNORECASE)


def cache_max_age(value: str | None) -> float | None:
    """Seconds from a Cache-Control header, or None (absent, ``no-cache``/``no-store``, or unreadable)."""
    if not value or _NO_STORE.search(value):
        return None
    ages = [int(match.group(1)) for match in _MAX_AGE.finditer(value)]
    return float(max(ages)) if ages else None


def feed_interval_hint(feed: Mapping[str, Any]) -> float | None:
    """Seconds between updates the feed declares (``ttl`` wins over ``sy:*``), or None."""
    ttl = _number(feed.get("ttl"))
    if ttl is not None and ttl > 0:
        return ttl * 60.0
    period = feed.get("sy_updateperiod")
    if isinstance(period, str) and period.strip().lower() in _PERIOD_SECONDS:
        frequency = _number(feed.get("sy_updatefrequency"))
        frequency = 1.0 if frequency is None else frequency
        if frequency >= 1:
            return _PERIOD_SECONDS[period.strip().lower()] / frequency
    return None


def permanent_target(hops: Sequence[int], final_url: str) -> str | None:
    """``final_url`` when the redirects that led to it (their ``hops`` statuses) were all permanent, else None."""
    if not hops or any(status not in _PERMANENT for status in hops):
        return None
    return final_url


def header_links(values: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """``(rel, url)`` pairs from ``Link:`` header values (rel lowercased; several rels give several pairs)."""
    links: list[tuple[str, str]] = []
    for value in values:
        for match in _LINK.finditer(value):
            for rel in _REL.findall(match.group(2)):
                for name in rel.lower().split():
                    links.append((name, match.group(1).strip()))
    return tuple(links[:_MAX_LINKS])


def feed_links(feed: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """``(rel, url)`` pairs of the feed's ``<link>`` elements that carry a rel and an href."""
    links = []
    for link in feed.get("links") or ():
        if isinstance(link, Mapping) and isinstance(link.get("rel"), str) and isinstance(link.get("href"), str):
            links.append((link["rel"].lower(), link["href"].strip()))
    return tuple(links[:_MAX_LINKS])


def _number(value: object) -> float | None:
    try:
        return float(str(value).strip()) if value is not None else None
    except ValueError:
        return None
