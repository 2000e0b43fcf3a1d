"""A WebSub hub for tests, on 127.0.0.1: behaves as the spec says unless told to misbehave.

Subscription requests (form POST) are answered ``status`` (202), then verified asynchronously: a
GET to the callback with ``hub.challenge`` and ``hub.lease_seconds``; the subscription counts only
if the callback echoes the challenge. ``publish`` POSTs content to verified subscribers, signed with
their secret (or ``sign_with``), in the header the test picks.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode

import httpx

from veille.config.ingest import IngestConfig, WebSubConfig

TOPIC = "https://news.example/wire.xml"


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Poll ``condition`` until true; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def limits(**websub: object) -> IngestConfig:
    """An ``ingest`` section with WebSub on, on a free loopback port, hubs on loopback allowed."""
    return IngestConfig(websub=WebSubConfig(enabled=True, port=0, allow_private=True, **websub))


@dataclass
class HubSubscription:
    callback: str
    topic: str
    secret: str
    lease_seconds: int
    verified: bool = False


class LocalHub:
    """The hub; attributes set how it behaves (``status``, ``verify``, ``lease_seconds``, ``deny``)."""

    def __init__(self) -> None:
        self.status = 202
        self.verify = True
        self.deny = False
        self.lease_seconds: int | None = None  # None: grant what was asked
        self.requests: list[dict[str, str]] = []
        self.subscriptions: dict[str, HubSubscription] = {}
        self.verifications: list[tuple[int, bool]] = []  # (status, challenge echoed)
        self.verified = threading.Event()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                hub.requests.append(form)
                self.send_response(hub.status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                if 200 <= hub.status < 300 and hub.verify:
                    threading.Thread(target=hub._verify, args=(form,), daemon=True).start()

            def log_message(self, *_args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _verify(self, form: dict[str, str]) -> None:
        callback = form["hub.callback"]
        if self.deny:
            query = {"hub.mode": "denied", "hub.topic": form["hub.topic"], "hub.reason": "not allowed here"}
            httpx.get(callback, params=query, timeout=10)
            self.verified.set()
            return
        lease = self.lease_seconds or int(form.get("hub.lease_seconds", "86400"))
        challenge = secrets.token_hex(8)
        query = {
            "hub.mode": form["hub.mode"],
            "hub.topic": form["hub.topic"],
            "hub.challenge": challenge,
            "hub.lease_seconds": str(lease),
        }
        response = httpx.get(callback, params=query, timeout=10)
        echoed = response.status_code // 100 == 2 and response.text == challenge
        self.verifications.append((response.status_code, echoed))
        if echoed and form["hub.mode"] == "unsubscribe":
            self.subscriptions.pop(callback, None)
        elif echoed:
            self.subscriptions[callback] = HubSubscription(
                callback, form["hub.topic"], form.get("hub.secret", ""), lease, True
            )
        self.verified.set()

    def publish(
        self, topic: str, body: bytes, *, sign_with: str | None = None, header: str = "X-Hub-Signature-256"
    ) -> list[int]:
        """Deliver ``body`` to every verified subscriber of ``topic``; the callbacks' statuses."""
        algorithm = "sha256" if header.endswith("256") else "sha1"
        statuses = []
        for sub in list(self.subscriptions.values()):
            if sub.topic != topic:
                continue
            key = sub.secret if sign_with is None else sign_with
            signature = hmac.new(key.encode(), body, getattr(hashlib, algorithm)).hexdigest()
            headers = {"Content-Type": "application/rss+xml", header: f"{algorithm}={signature}"}
            statuses.append(httpx.post(sub.callback, content=body, headers=headers, timeout=10).status_code)
        return statuses

    def call(self, callback: str, **query: str) -> httpx.Response:
        """A raw GET on a callback (what a confused or hostile hub might send)."""
        return httpx.get(callback + "?" + urlencode(query), timeout=10)
