"""WebSub (W3C recommendation) for the ingest worker: subscribe to hubs, verify intents, accept pushes.

- ``WebSubSubscriber.maintain`` sends due (re)subscription requests to hubs (``hub.callback``,
  ``hub.mode``, ``hub.topic``, ``hub.secret``, ``hub.lease_seconds``) and fails attempts that a hub
  never verified or whose lease ran out; a failed hub means the feed is polled normally again.
  For a removed feed (``unsubscribing``) it sends ``hub.mode=unsubscribe`` until the hub verifies
  it or the lease has run out.
- ``CallbackServer`` is the HTTP endpoint hubs call, at ``<callback_url>/<feed id>/<token>``:
  GET answers the hub's verification (echoes ``hub.challenge`` for a subscription or an
  unsubscription we asked for, 404 for an unknown feed, token, topic or mode), records the lease
  (or deletes the unsubscribed row), and records denials;
  POST takes content: ``Content-Length`` required and at most ``websub.max_body_bytes`` (else
  411/413), signature checked (``X-Hub-Signature-256``, else ``X-Hub-Signature`` with sha1, sha256,
  sha384 or sha512); a bad or missing signature is acknowledged (2xx, as the spec requires) and
  dropped; pushes after the lease expired get 410. Authentic bodies go to ``on_content``, which
  stores them (``ingest.push_queue``) before the 2xx is sent; when it cannot (queue full, store
  down) the hub gets 503 with Retry-After and delivers again. The worker runs stored bodies
  through the same parse → normalise → seen → publish path as polled bodies.
Hubs are addresses taken from feeds: requests to them pass the SSRF guard (``ingest.netguard``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import httpx

from ingest import metrics
from ingest.errors import one_line
from ingest.netguard import BlockedAddress, GuardedTransport
from ingest.websub_store import Subscription, SubscriptionStore
from veille.config.ingest import WebSubConfig
from veille.errors import ConfigError

log = logging.getLogger(__name__)

_DIGESTS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}
_MIN_LEASE = timedelta(minutes=1)
_PER_CYCLE = 5  # hub requests per maintain call: a cycle waits at most 5 x 10 s on slow hubs
RETRY_PUSH_AFTER = 60  # seconds a hub is asked to wait before delivering a push we could not store

ContentSink = Callable[[str, bytes, str | None], bool]
"""Receives (feed id, body, content type) of each authentic push; True once it is stored durably."""


def signature_ok(secret: str, body: bytes, headers: dict[str, str]) -> bool:
    """True when the push carries a valid HMAC of ``body`` under ``secret`` (header names lowercased)."""
    value = headers.get("x-hub-signature-256")
    if value is None:
        value = headers.get("x-hub-signature")
    if not value or "=" not in value:
        return False
    method, _, received = value.strip().partition("=")
    digest = _DIGESTS.get(method.strip().lower())
    if digest is None:
        return False
    expected = hmac.new(secret.encode(), body, digest).hexdigest()
    return hmac.compare_digest(expected, received.strip().lower())


class WebSubSubscriber:
    """Sends subscription requests to hubs (one per replica; safe to share a store with others)."""

    def __init__(self, store: SubscriptionStore, config: WebSubConfig, callback_base: str, user_agent: str) -> None:
        self.store = store
        self.config = config
        self.callback_base = callback_base.rstrip("/")
        self._client = httpx.Client(
            transport=GuardedTransport(allow_private=config.allow_private),
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(10.0),
            follow_redirects=False,
        )

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def callback_url(self, sub: Subscription) -> str:
        """Where the hub calls us for ``sub``."""
        return f"{self.callback_base}/{sub.feed_id}/{sub.token}"

    def maintain(self, now: datetime | None = None) -> int:
        """Subscribe, renew or give up on every due subscription; return how many requests were sent."""
        now = now or datetime.now(UTC)
        sent = 0
        for sub in self.store.claim_due(now, self.config.verify_timeout, limit=_PER_CYCLE):
            if sub.state == "unsubscribing":
                if sub.lease_expires is None or sub.lease_expires <= now:
                    self.store.forget(sub.feed_id)  # the hub holds nothing for it any more
                else:
                    sent += 1
                    self._unsubscribe(sub)
            elif sub.state == "subscribing":
                self._fail(sub, "hub did not verify the subscription in time", now)
            elif sub.state == "active" and sub.lease_expires is not None and sub.lease_expires <= now:
                self._fail(sub, "lease expired before the hub verified a renewal", now)
            else:
                sent += 1
                self._request(sub, now)
        return sent

    def _request(self, sub: Subscription, now: datetime) -> None:
        form = {
            "hub.callback": self.callback_url(sub),
            "hub.mode": "subscribe",
            "hub.topic": sub.topic,
            "hub.secret": sub.secret,
            "hub.lease_seconds": str(int(self.config.lease.total_seconds())),
        }
        self.store.requested(sub.feed_id, now, self.config.verify_timeout)
        try:
            response = self._client.post(sub.hub, data=form)
        except (httpx.HTTPError, BlockedAddress) as exc:
            self._fail(sub, f"hub unreachable: {one_line(exc) or type(exc).__name__}", now)
            return
        if not 200 <= response.status_code < 300:
            self._fail(sub, f"hub answered HTTP {response.status_code}", now)
            return
        log.info("feed %s: subscription requested from hub %s", sub.feed_id, sub.hub[:200])

    def _unsubscribe(self, sub: Subscription) -> None:
        """Ask the hub to stop pushing a removed feed (retried after ``verify_timeout`` until verified)."""
        form = {"hub.callback": self.callback_url(sub), "hub.mode": "unsubscribe", "hub.topic": sub.topic}
        try:
            response = self._client.post(sub.hub, data=form)
        except (httpx.HTTPError, BlockedAddress) as exc:
            log.warning("feed %s: unsubscribe request failed: %s", sub.feed_id, one_line(exc) or type(exc).__name__)
            return
        if not 200 <= response.status_code < 300:
            log.warning("feed %s: hub answered HTTP %d to the unsubscribe request", sub.feed_id, response.status_code)
            return
        log.info("feed %s: unsubscription requested from hub %s", sub.feed_id, sub.hub[:200])

    def _fail(self, sub: Subscription, error: str, now: datetime) -> None:
        retry_at = now + self.config.retry_after_failure
        if sub.pushing(now) and sub.lease_expires is not None:  # a renewal failed: the lease still runs
            retry_at = min(retry_at, now + (sub.lease_expires - now) / 2)
            self.store.renewal_failed(sub.feed_id, error, retry_at)
            log.warning("feed %s: WebSub renewal failed: %s; retrying before the lease ends", sub.feed_id, error)
            return
        self.store.failed(sub.feed_id, error, retry_at)
        when = retry_at.isoformat("T", "seconds")
        log.warning("feed %s: WebSub %s; polling it, next try %s", sub.feed_id, error, when)


class CallbackServer:
    """The HTTP endpoint hubs call (see the module doc); ``start`` it, ``close`` it at shutdown."""

    def __init__(self, store: SubscriptionStore, config: WebSubConfig, on_content: ContentSink) -> None:
        self.store = store
        self.config = config
        self.on_content = on_content
        try:
            self._httpd = ThreadingHTTPServer((config.host, config.port), _handler(self))
        except OSError as exc:
            where = f"{config.host}:{config.port}"
            raise ConfigError([f"ingest.websub: cannot listen on {where}: {exc.strerror or exc}"]) from None
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.2,), daemon=True, name="websub")

    @property
    def base_url(self) -> str:
        """``callback_url`` from the config, else ``http://host:port`` of the bound socket."""
        if self.config.callback_url:
            return self.config.callback_url.rstrip("/")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def close(self) -> None:
        """Stop serving (if started) and release the port."""
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()

    def verify(self, feed_id: str, token: str, query: dict[str, str], now: datetime) -> tuple[int, bytes]:
        """Answer a verification (or denial) request: (status, body)."""
        sub = self._lookup(feed_id, token)
        mode = query.get("hub.mode", "")
        if sub is None or query.get("hub.topic") != sub.topic:
            log.warning("WebSub: refused %s verification for an unknown feed or topic", mode[:20] or "a")
            return 404, b""
        if mode == "denied":
            reason = query.get("hub.reason", "no reason given")[:200]
            self.store.failed(feed_id, f"hub denied the subscription: {reason}", now + self.config.retry_after_failure)
            log.warning("feed %s: hub denied the subscription (%s); polling it", feed_id, reason)
            return 200, b""
        challenge = query.get("hub.challenge")
        if mode == "unsubscribe" and sub.state == "unsubscribing" and challenge:
            self.store.forget(feed_id)
            log.info("feed %s: WebSub unsubscription verified", feed_id)
            return 200, challenge.encode()
        if mode != "subscribe" or sub.state not in ("subscribing", "active") or not challenge:
            log.warning("feed %s: refused a %s verification we did not ask for", feed_id, mode[:20])
            return 404, b""
        lease = _lease(query.get("hub.lease_seconds"), self.config.lease)
        renew_in = max(lease - self.config.renew_before, lease / 2)
        self.store.verified(feed_id, now + lease, now + renew_in)
        log.info("feed %s: WebSub subscription verified, lease %s", feed_id, lease)
        return 200, challenge.encode()

    def content(self, feed_id: str, token: str, body: bytes, headers: dict[str, str], now: datetime) -> int:
        """Take a push: the status to answer (see the module doc)."""
        sub = self._lookup(feed_id, token)
        if sub is None:
            metrics.PUSHES.labels("unknown_topic").inc()
            return 404
        if not sub.pushing(now):
            metrics.PUSHES.labels("unknown_topic").inc()
            log.warning("feed %s: push outside an active lease refused", feed_id)
            return 410
        if not signature_ok(sub.secret, body, headers):
            metrics.PUSHES.labels("bad_signature").inc()
            log.warning("feed %s: push with a missing or wrong signature dropped", feed_id)
            return 202  # the spec: acknowledge, then ignore
        if not self.on_content(feed_id, body, headers.get("content-type")):
            metrics.PUSHES.labels("deferred").inc()
            return 503  # with Retry-After: the hub delivers it again
        metrics.PUSHES.labels("accepted").inc()
        return 202

    def _lookup(self, feed_id: str, token: str) -> Subscription | None:
        sub = self.store.get(feed_id)
        return sub if sub is not None and hmac.compare_digest(sub.token, token) else None


def _lease(value: str | None, default: timedelta) -> timedelta:
    try:
        seconds = int(value) if value is not None else int(default.total_seconds())
    except ValueError:
        seconds = int(default.total_seconds())
    return max(timedelta(seconds=seconds), _MIN_LEASE)


def _handler(server: CallbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "veille-websub"
        timeout = 30  # seconds a slow client may hold a connection

        def do_GET(self) -> None:
            route = self._route()
            if route is None:
                self._reply(404)
                return
            query = {key: values[0] for key, values in parse_qs(urlsplit(self.path).query).items()}
            status, body = server.verify(*route, query, datetime.now(UTC))
            self._reply(status, body)

        def do_POST(self) -> None:
            route = self._route()
            length = self.headers.get("Content-Length")
            if route is None:
                self._reply(404)
            elif length is None or not length.strip().isdigit():
                self._reply(411)
            elif int(length) > server.config.max_body_bytes:
                metrics.PUSHES.labels("too_large").inc()
                limit = server.config.max_body_bytes
                log.warning("feed %s: push of %s bytes refused (limit %d)", route[0], length, limit)
                self._reply(413)
            else:
                body = self.rfile.read(int(length))
                headers = {key.lower(): value for key, value in self.headers.items()}
                self._reply(server.content(*route, body, headers, datetime.now(UTC)))

        def _route(self) -> tuple[str, str] | None:
            parts = [part for part in urlsplit(self.path).path.split("/") if part]
            return (parts[-2], parts[-1]) if len(parts) >= 2 else None

        def _reply(self, status: int, body: bytes = b"") -> None:
            self.send_response(status)
            if status == 503:
                self.send_header("Retry-After", str(RETRY_PUSH_AFTER))
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            if status in (404, 410, 411, 413):
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler
