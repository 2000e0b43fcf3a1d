"""Generic webhook receiver: the alert as JSON in a signed POST.

Body (UTF-8 JSON)::

    {"version": 1, "receiver": "...", "idempotency_key": "...", "headline": "...", "alert": {...}}

Headers: ``X-Veille-Timestamp`` (Unix seconds), ``X-Veille-Signature: sha256=<hex>`` — the
HMAC-SHA256, keyed with the configured ``secret``, of ``<timestamp>.<body>`` (the timestamp is
signed too, so a captured request cannot be replayed later with a fresh timestamp), and
``Idempotency-Key`` (stable across retries: a consumer that remembers it sees each notice once).
Verify with ``hmac.compare_digest(expected, header)`` and reject old timestamps.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.receivers.http import post_json
from alerts.receivers.jsonl import alert_record
from alerts.render import Renderer
from veille.config.receivers import WebhookReceiver

SIGNATURE_HEADER = "X-Veille-Signature"
TIMESTAMP_HEADER = "X-Veille-Timestamp"


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    """The signature header value for ``body`` sent at ``timestamp``: ``sha256=<hex>``."""
    return "sha256=" + hmac.new(secret, timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


class Webhook(Receiver):
    """POST each notice to ``url``."""

    def __init__(
        self,
        name: str,
        url: str,
        renderer: Renderer,
        secret: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.name = name
        self.url = url
        self.renderer = renderer
        self.secret = secret
        self.headers = dict(headers or {})
        self.timeout = timeout
        self.clock = clock

    @classmethod
    def from_config(cls, config: WebhookReceiver, data_dir: Path, renderer: Renderer) -> Webhook:
        """The receiver for one ``type: webhook`` entry."""
        return cls(
            config.name,
            str(config.url),
            renderer,
            secret=config.secret.get_secret_value().encode("utf-8") if config.secret else None,
            **config.http_options(),
        )

    def send(self, notice: Notice) -> Delivered:
        """POST the notice; 2xx is delivered, 429/5xx/timeouts transient, other 4xx permanent."""
        payload = {
            "version": 1,
            "receiver": self.name,
            "idempotency_key": notice.idempotency_key,
            "headline": self.renderer.render("headline", notice.alert),
            "alert": alert_record(notice.alert),
        }
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        headers = {**self.headers, "Idempotency-Key": notice.idempotency_key}
        if self.secret is not None:
            timestamp = str(int(self.clock()))
            headers[TIMESTAMP_HEADER] = timestamp
            headers[SIGNATURE_HEADER] = sign(self.secret, timestamp, body)
        answer = post_json(f"webhook {self.name}", self.url, body, headers, self.timeout)
        return Delivered(detail=f"HTTP {answer.status}")
