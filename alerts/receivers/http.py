"""One JSON POST over urllib, with the answer sorted into the error vocabulary.

Shared by the generic webhook and Alertmanager receivers. Redirects are not followed (a moved
endpoint is a configuration problem, and a POST must not silently become a GET).

- 2xx: returned as ``HttpAnswer``;
- 429 (with ``Retry-After``), 408, 425, 5xx, timeouts and connection errors: ``TransientError``;
- any other status, an untrusted TLS certificate: ``PermanentError`` with the status and the start
  of the body.
"""

from __future__ import annotations

import logging
import ssl
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from alerts.render import clip, one_line
from veille.errors import PermanentError, TransientError

log = logging.getLogger(__name__)

USER_AGENT = "veille-alerts/0.1"
_TRANSIENT_STATUS = frozenset({408, 425, 429})


@dataclass(frozen=True, slots=True)
class HttpAnswer:
    """A 2xx answer: status and the body as text."""

    status: int
    body: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


def raise_for_status(what: str, status: int, body: str, retry_after_header: str | None) -> None:
    """Raise the error a non-2xx ``status`` from ``what`` means; return for a 2xx."""
    if 200 <= status < 300:
        return
    detail = f"{what}: HTTP {status} {clip(one_line(body), 200)}".rstrip()
    if status in _TRANSIENT_STATUS or status >= 500:
        raise TransientError(detail, retry_after=retry_after(retry_after_header))
    raise PermanentError(detail)


def post_json(what: str, url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> HttpAnswer:
    """POST ``body`` (JSON) to ``url``; ``what`` names the receiver in error messages."""
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("User-Agent", USER_AGENT)
    for key, value in headers.items():
        request.add_header(key, value)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            text = response.read().decode("utf-8", "replace")
            status = response.status
            retry = response.headers.get("Retry-After")
    except urllib.error.HTTPError as exc:
        text = exc.read().decode("utf-8", "replace")
        status, retry = exc.code, exc.headers.get("Retry-After")
        exc.close()
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, ssl.SSLCertVerificationError):
            raise PermanentError(f"{what}: TLS certificate not trusted ({exc.reason.verify_message})") from None
        raise TransientError(f"{what}: cannot reach {host_of(url)}: {exc.reason}") from None
    except (TimeoutError, ConnectionError, OSError) as exc:
        raise TransientError(f"{what}: no answer from {host_of(url)}: {exc}") from None
    raise_for_status(what, status, text, retry)
    log.debug("%s: HTTP %s", what, status)
    return HttpAnswer(status, text)


def host_of(url: str) -> str:
    """The host:port of ``url`` for messages (never the path: it may hold a secret token)."""
    return urllib.request.urlparse(url).netloc.rsplit("@", 1)[-1] or url
