"""Receivers that count what arrives: a webhook endpoint and an SMTP server, keyed by notice."""

from __future__ import annotations

import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.integration.pipeline.support import SmtpSink


class WebhookSink:
    """Accepts veille webhook POSTs on loopback; counts each notice (idempotency key) and its actors."""

    def __init__(self) -> None:
        self.arrivals: Counter[str] = Counter()
        self.actors: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                payload = json.loads(body)
                key = str(payload["idempotency_key"])
                with sink._lock:
                    sink.arrivals[key] += 1
                    sink.actors[key] = tuple(payload["alert"]["actors"])
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Where to POST."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/hook"

    def start(self) -> WebhookSink:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()

    def pairs(self) -> Counter[tuple[str, ...]]:
        """Notices received per actor pair."""
        with self._lock:
            return Counter(tuple(sorted(self.actors[key])) for key in self.arrivals)

    def duplicates(self) -> int:
        """Arrivals beyond the first of each notice."""
        with self._lock:
            return sum(count - 1 for count in self.arrivals.values())


class CountingSmtp(SmtpSink):
    """The test SMTP sink, with arrivals counted per Message-ID (stable across resends of a notice)."""

    def arrivals(self) -> Counter[str]:
        """Messages received per Message-ID."""
        return Counter(str(message["Message-ID"]) for message in list(self.messages))

    def duplicates(self) -> int:
        """Arrivals beyond the first of each notice."""
        return sum(count - 1 for count in self.arrivals().values())
