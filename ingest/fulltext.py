"""Optional full text: for feeds with ``full_text: true``, fetch each new article's page and keep its main text.

The page is fetched through the SSRF guard (``ingest.netguard``: no loopback, private or link-local
address unless ``ingest.full_text.allow_private``, checked at every redirect hop), within
``timeout`` seconds and ``max_bytes``, at most ``per_host_per_minute`` pages per host and ``per_poll``
pages per feed poll, and only where the host's robots.txt allows our User-Agent. trafilatura
extracts the main text; when it is longer than the feed's summary it becomes the article's summary
(the extractor reads title + summary).
Any failure keeps the feed's summary and is counted in ``veille_ingest_full_text_total``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict, deque
from collections.abc import Sequence
from urllib import robotparser
from urllib.parse import urlsplit

import httpx
from pydantic import ValidationError

from ingest import metrics
from ingest.fetch import USER_AGENT
from ingest.netguard import BlockedAddress, GuardedTransport
from ingest.text import clean_text
from veille.config.feeds import FeedConfig
from veille.config.ingest import FullTextConfig
from veille.contracts import Article

log = logging.getLogger(__name__)

_ROBOTS_TTL = 3600.0
_ROBOTS_MAX = 512 * 1024
_WINDOW = 60.0


class FullTextFetcher:
    """Replaces the summary of new articles of ``full_text`` feeds with their page's main text."""

    def __init__(self, config: FullTextConfig, user_agent: str = USER_AGENT) -> None:
        self.config = config
        self._agent = user_agent
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()
        self._recent: dict[str, deque[float]] = defaultdict(deque)
        self._robots: dict[str, tuple[float, robotparser.RobotFileParser | None]] = {}

    def close(self) -> None:
        """Close the HTTP connections (if any page was ever fetched)."""
        if self._client is not None:
            self._client.close()

    def enrich(self, feed: FeedConfig, articles: Sequence[Article]) -> list[Article]:
        """``articles`` with the full text of each page as summary where it could be had (feeds with
        ``full_text`` only); every other article, and every failure, keeps the feed's summary."""
        if not feed.full_text:
            return list(articles)
        limit = self.config.per_poll  # bounds the time a poll holds its feed's lease
        return [self._enriched(feed, a) for a in articles[:limit]] + list(articles[limit:])

    def _enriched(self, feed: FeedConfig, article: Article) -> Article:
        if not article.url:
            return article
        try:
            text = self.page_text(article.url)
        except BlockedAddress as exc:
            metrics.FULL_TEXT.labels("refused").inc()
            log.warning("feed %s: full text of %s refused: %s", feed.id, article.url[:200], exc)
            return article
        except _Skipped as exc:
            metrics.FULL_TEXT.labels(exc.outcome).inc()
            log.info("feed %s: full text of %s skipped: %s", feed.id, article.url[:200], exc)
            return article
        if len(text) <= len(article.summary):
            metrics.FULL_TEXT.labels("failed").inc()
            return article
        try:
            longer = Article.model_validate({**article.model_dump(), "summary": text})
        except ValidationError:  # the contract's bounds win over the page
            metrics.FULL_TEXT.labels("failed").inc()
            return article
        metrics.FULL_TEXT.labels("ok").inc()
        return longer

    def page_text(self, url: str) -> str:
        """The main text of the page at ``url``; BlockedAddress (SSRF guard) or _Skipped otherwise."""
        host = (urlsplit(url).hostname or "").lower()
        if not self._robots_allow(url, host):
            raise _Skipped("failed", "robots.txt disallows it")
        self._take_slot(host)
        html = self._get(url)
        import trafilatura  # ~0.2 s to import: paid only by configs that use full text

        try:
            text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
        except Exception as exc:  # the extractor must not cost the article
            raise _Skipped("failed", f"extraction failed: {type(exc).__name__}") from None
        cleaned = clean_text(text, self.config.max_chars)
        if not cleaned:
            raise _Skipped("failed", "no main text found")
        return cleaned

    def _take_slot(self, host: str) -> None:
        """Count one page for ``host``; _Skipped when it already had ``per_host_per_minute`` this minute."""
        now = time.monotonic()
        with self._lock:
            recent = self._recent[host]
            while recent and now - recent[0] > _WINDOW:
                recent.popleft()
            if len(recent) >= self.config.per_host_per_minute:
                raise _Skipped("rate_limited", f"more than {self.config.per_host_per_minute} pages a minute")
            recent.append(now)

    def _robots_allow(self, url: str, host: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            cached = self._robots.get(key)
        if cached is None or time.monotonic() - cached[0] > _ROBOTS_TTL:
            cached = (time.monotonic(), self._read_robots(key))
            with self._lock:
                self._robots[key] = cached
        rules = cached[1]
        return rules is None or rules.can_fetch(self._agent, url)

    def _read_robots(self, origin: str) -> robotparser.RobotFileParser | None:
        """The origin's robots.txt rules; None (everything allowed) when it has none (4xx)."""
        rules = robotparser.RobotFileParser()
        try:
            response = self._http().get(f"{origin}/robots.txt")
        except httpx.HTTPError:
            rules.disallow_all = True  # unreachable: do not crawl (RFC 9309 §2.3.1.4)
            return rules
        if response.status_code >= 500:
            rules.disallow_all = True
        elif response.status_code >= 400:
            return None
        else:
            rules.parse(response.text[:_ROBOTS_MAX].splitlines())
        return rules

    def _get(self, url: str) -> str:
        started = time.monotonic()
        try:
            with self._http().stream("GET", url) as response:
                if response.status_code != 200:
                    raise _Skipped("failed", f"HTTP {response.status_code}")
                kind = response.headers.get("content-type", "text/html").lower()
                if "html" not in kind:
                    raise _Skipped("failed", f"not an HTML page ({kind[:60]})")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.config.max_bytes:
                        raise _Skipped("failed", f"page larger than {self.config.max_bytes} bytes")
                    if time.monotonic() - started > self.config.timeout:
                        raise _Skipped("failed", f"page took longer than {self.config.timeout:g} s")
                return body.decode(response.encoding or "utf-8", errors="replace")
        except httpx.HTTPError as exc:
            raise _Skipped("failed", f"{type(exc).__name__}: {str(exc)[:200]}") from None

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(
                    transport=GuardedTransport(allow_private=self.config.allow_private),
                    headers={"User-Agent": self._agent, "Accept": "text/html,application/xhtml+xml"},
                    timeout=httpx.Timeout(self.config.timeout),
                    follow_redirects=True,
                    max_redirects=5,
                )
            return self._client


class _Skipped(Exception):
    """A page that could not give full text; ``outcome`` is the metrics label."""

    def __init__(self, outcome: str, message: str) -> None:
        super().__init__(message)
        self.outcome = outcome
