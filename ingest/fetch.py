"""Fetch a feed's bytes politely: conditional GET over http(s), or a local file.

The HTTP side uses one ``urllib3.PoolManager`` (shareable between threads; lighter per request
than httpx, which was most of a 304's cost) with a clear User-Agent, redirects followed here
(bounded, http(s) targets only, permanent moves noted), connect/read timeouts plus an overall
deadline, the standard proxy variables (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``,
``NO_PROXY``, read once, as curl and httpx read them), and its own bounded gzip/deflate decoding
so that a compressed bomb cannot exceed ``max_bytes`` in memory. A 304 answers "not modified";
429 and 503 honour ``Retry-After``. Local feeds (absolute paths, as the config resolves them, or
``file://`` URLs) get an ETag from size and mtime, so they answer "not modified" too. Every failure
is a ``FeedTransientError`` or ``FeedPermanentError`` with a one-line message.
"""

from __future__ import annotations

import email.utils
import logging
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from http import HTTPStatus
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import getproxies_environment, proxy_bypass_environment

import certifi
import urllib3
from urllib3.exceptions import HTTPError, LocationParseError, LocationValueError, NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.response import BaseHTTPResponse

from ingest.errors import FeedPermanentError, FeedTransientError, one_line
from ingest.hints import cache_max_age, header_links, permanent_target
from veille import __version__
from veille.config.ingest import IngestConfig

log = logging.getLogger(__name__)

USER_AGENT = f"veille/{__version__} (news monitoring; RSS/Atom poller; conditional GET)"
_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"  # noqa: E501
_VALIDATOR_MAX = 512
_TRANSIENT_STATUSES = frozenset({408, 425, 500, 502, 504})
_RATE_LIMIT_STATUSES = frozenset({429, 503})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_HOST_POOLS = 64  # hosts whose idle connections are kept (least recently used ones are closed)
_CHUNK = 64 * 1024
_DRAIN_MAX = 64 * 1024  # an unread body up to this size is drained to keep the connection; larger, it is closed


@dataclass(frozen=True, slots=True)
class Fetched:
    """What one fetch returned: the body (None when not modified) and the validators for the next one.

    ``url`` is where an HTTP body finally came from (after redirects): the base of relative links.
    """

    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    url: str | None = None
    max_age: float | None = None
    moved_to: str | None = None
    links: tuple[tuple[str, str], ...] = ()

    @property
    def not_modified(self) -> bool:
        """True when the server (or the file) said nothing changed since the validators we sent."""
        return self.body is None


def user_agent(contact_url: str | None) -> str:
    """The User-Agent, with the operator's contact URL when configured (``+https://…``)."""
    return USER_AGENT if not contact_url else f"{USER_AGENT[:-1]}; +{contact_url})"


def is_local(url: str) -> bool:
    """True for a local feed: a ``file://`` URL or a path without a scheme."""
    return url.startswith("file://") or "://" not in url


@lru_cache(maxsize=16384)
def host_of(url: str) -> str:
    """The politeness group of a feed: its lowercase host, or ``""`` for local files.

    Cached: each claim of a batch asks it of every due feed (a URL parse each time cost 15 % of
    the poller's main thread on 1,000 feeds).
    """
    return "" if is_local(url) else (urlsplit(url).hostname or "").lower()


class Fetcher:
    """Fetches feeds; one instance per worker, safe to call from several threads.

    ``fetch`` raises FeedTransientError (timeout, connection, 5xx, 429/503 with ``retry_after``) or
    FeedPermanentError (4xx, too large, too many redirects, unreadable file); it never returns a
    partial body.
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        deadline: float = 60.0,
        max_bytes: int = 10 * 1024 * 1024,
        max_redirects: int = 5,
        max_retry_after: float = 86400.0,
        connections_per_host: int = 10,
    ) -> None:
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.max_redirects = max_redirects
        self.max_retry_after = max_retry_after
        self._headers = {"User-Agent": user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
        self._pool_options = {
            "num_pools": _HOST_POOLS,
            "maxsize": connections_per_host,  # idle connections kept per host (more may be open at once)
            "timeout": urllib3.Timeout(connect=connect_timeout, read=read_timeout),
            "retries": False,
            "ca_certs": certifi.where(),
        }
        self._http = urllib3.PoolManager(**self._pool_options)
        self._proxy_env = getproxies_environment()
        self._proxied = {
            proxy: urllib3.ProxyManager(proxy, **self._pool_options)
            for scheme, proxy in self._proxy_env.items()
            if scheme in ("http", "https", "all")
        }

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections."""
        self._http.clear()
        for manager in self._proxied.values():
            manager.clear()

    def _manager_for(self, url: str) -> urllib3.PoolManager:
        """The pool that reaches ``url``: direct, or through the proxy the environment names for it."""
        parts = urlsplit(url)
        proxy = self._proxy_env.get(parts.scheme.lower()) or self._proxy_env.get("all")
        if not proxy or proxy_bypass_environment(parts.hostname or "", self._proxy_env):
            return self._http
        return self._proxied[proxy]

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """Fetch ``url`` conditionally on the validators of the previous successful fetch."""
        if is_local(url):
            return self._fetch_file(url, etag)
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise FeedPermanentError(
                "http", f"unsupported URL scheme {urlsplit(url).scheme!r} (use http, https or a path)"
            )
        headers = dict(self._headers)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return self._fetch_http(url, headers)
        except NewConnectionError as exc:  # a subclass of urllib3's timeout, but refused/unreachable
            raise FeedTransientError("connection", f"connection failed: {one_line(exc)}") from None
        except (Urllib3Timeout, TimeoutError):
            raise FeedTransientError(
                "timeout", f"timed out (connect/read limits, or over {self.deadline:g} s)"
            ) from None
        except (LocationParseError, LocationValueError, ValueError) as exc:
            raise FeedPermanentError("http", f"bad URL or redirect target: {one_line(exc)}") from None
        except (HTTPError, OSError) as exc:
            raise FeedTransientError(
                "connection", f"connection failed: {one_line(exc) or type(exc).__name__}"
            ) from None

    def _fetch_http(self, url: str, headers: dict[str, str]) -> Fetched:
        """GET ``url``, following up to ``max_redirects`` redirects (each target must be http or https)."""
        started = time.monotonic()
        hops: list[int] = []
        for _ in range(self.max_redirects + 1):
            response = self._manager_for(url).request(
                "GET", url, headers=headers, redirect=False, preload_content=False, decode_content=False
            )
            try:
                location = response.headers.get("location")
                if response.status in _REDIRECT_STATUSES and location:
                    hops.append(response.status)
                    url = _redirect_target(url, location)
                    continue
                return self._answer(response, url, tuple(hops), started)
            finally:
                _release(response)
        raise FeedPermanentError("redirects", "too many redirects")

    def _answer(self, response: BaseHTTPResponse, url: str, hops: tuple[int, ...], started: float) -> Fetched:
        """The Fetched of a final (non-redirect) response from ``url`` after redirects ``hops``."""
        status = response.status
        headers = response.headers
        moved_to = permanent_target(hops, url)
        if status == 304:
            return Fetched(
                None,
                _validator(headers.get("etag")),
                _validator(headers.get("last-modified")),
                max_age=cache_max_age(headers.get("cache-control")),
                moved_to=moved_to,
            )
        if status in _RATE_LIMIT_STATUSES:
            retry_after = self._retry_after(headers.get("retry-after"))
            hint = f", retry after {retry_after:g} s" if retry_after is not None else ""
            raise FeedTransientError("rate_limited", f"{_status(status)}{hint}", retry_after)
        if status in _TRANSIENT_STATUSES or status >= 500:
            raise FeedTransientError("http", _status(status))
        if not 200 <= status < 300:
            raise FeedPermanentError("http", _status(status))
        body = self._read_body(response, started)
        return Fetched(
            body,
            _validator(headers.get("etag")),
            _validator(headers.get("last-modified")),
            headers.get("content-type"),
            url,
            cache_max_age(headers.get("cache-control")),
            moved_to,
            header_links(headers.getlist("link")),
        )

    def _read_body(self, response: BaseHTTPResponse, started: float) -> bytes:
        """Read and decode the body, refusing more than ``max_bytes`` decoded bytes or the deadline."""
        encoding = (response.headers.get("content-encoding") or "identity").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            decoder = zlib.decompressobj(32 + zlib.MAX_WBITS)  # auto-detects the gzip or zlib header
        elif encoding not in ("", "identity"):
            raise FeedPermanentError("http", f"unsupported Content-Encoding {encoding[:40]!r}")
        else:
            decoder = None
        parts: list[bytes] = []
        size = 0
        try:
            for raw in response.stream(_CHUNK, decode_content=False):
                pending = raw
                while pending:
                    if decoder is None:
                        piece, pending = pending, b""
                    else:
                        piece = decoder.decompress(pending, self.max_bytes - size + 1)
                        pending = decoder.unconsumed_tail
                    size += len(piece)
                    if size > self.max_bytes:
                        raise FeedPermanentError("too_large", f"response larger than {self.max_bytes} bytes")
                    parts.append(piece)
                if time.monotonic() - started > self.deadline:
                    raise FeedTransientError("timeout", f"download took longer than {self.deadline:g} s")
        except zlib.error as exc:
            raise FeedPermanentError("http", f"corrupt {encoding} body: {exc}") from None
        return b"".join(parts)

    def _retry_after(self, value: str | None) -> float | None:
        """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), capped; None if absent/bad."""
        if not value:
            return None
        value = value.strip()
        if value.isdigit():
            seconds = float(value)
        else:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return None
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            seconds = (when - datetime.now(UTC)).total_seconds()
        return min(max(seconds, 0.0), self.max_retry_after)

    def _fetch_file(self, url: str, etag: str | None) -> Fetched:
        path = Path(unquote(urlsplit(url).path)) if url.startswith("file://") else Path(url)
        try:
            stat = path.stat()
            file_etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
            last_modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
            if etag == file_etag:
                return Fetched(None, file_etag, last_modified)
            if stat.st_size > self.max_bytes:
                raise FeedPermanentError("too_large", f"file larger than {self.max_bytes} bytes")
            with path.open("rb") as handle:
                body = handle.read(self.max_bytes + 1)
        except OSError as exc:
            raise FeedPermanentError("file", f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None
        if len(body) > self.max_bytes:
            raise FeedPermanentError("too_large", f"file larger than {self.max_bytes} bytes")
        return Fetched(body, file_etag, last_modified)


def fetcher_for(limits: IngestConfig) -> Fetcher:
    """A Fetcher with the limits and contact URL of the ``ingest:`` config section."""
    return Fetcher(
        user_agent=user_agent(limits.contact_url),
        connect_timeout=limits.connect_timeout,
        read_timeout=limits.read_timeout,
        deadline=limits.deadline,
        max_bytes=limits.max_body_bytes,
        max_redirects=limits.max_redirects,
        connections_per_host=limits.concurrency,
    )


def _redirect_target(url: str, location: str) -> str:
    """The absolute URL a ``Location`` header points to; only http and https are followed."""
    target = urljoin(url, location.strip())
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise FeedPermanentError("http", f"bad URL or redirect target: {scheme or 'no'} scheme in {target[:200]!r}")
    return target


def _release(response: BaseHTTPResponse) -> None:
    """Give the connection back to the pool; an unread body is drained when small, else the connection is closed."""
    if not response.isclosed():
        remaining = response.length_remaining
        if remaining is not None and remaining <= _DRAIN_MAX:
            response.drain_conn()
        else:
            response.close()
    response.release_conn()


def _validator(value: str | None) -> str | None:
    """Keep an ETag / Last-Modified only if it is sane to send back (short, printable ASCII)."""
    if value is None or len(value) > _VALIDATOR_MAX or not value.isascii() or not value.isprintable():
        return None
    return value or None


def _status(code: int) -> str:
    """``HTTP 404 Not Found``, with the standard phrase (never the server's own text)."""
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"
