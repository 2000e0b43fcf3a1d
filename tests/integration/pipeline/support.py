"""Real peers for end-to-end tests on loopback: a feed server, an SMTP sink, and config files."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from veille.broker import free_port

REPO = Path(__file__).resolve().parents[3]
DEMO_FEED = REPO / "config" / "feeds" / "demo.xml"
LEXICON = sorted((REPO / "config" / "lexicon").glob("*.yaml"))


class FeedServer:
    """Serves feed documents by path over HTTP, with ETag support, and counts requests."""

    def __init__(self, documents: dict[str, bytes]) -> None:
        self.documents = documents
        self.requests: list[str] = []
        self.served_at: list[float] = []  # monotonic time of each full (200) response
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                body = server.documents.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                server.served_at.append(time.monotonic())

            def log_message(self, *_args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The URL of the document at ``path``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def start(self) -> FeedServer:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()


class SmtpSink:
    """An aiosmtpd server on loopback that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        """Keep the message; answer 250."""
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def start(self) -> SmtpSink:
        """Start the SMTP server thread."""
        self._controller.start()
        return self

    def stop(self) -> None:
        """Stop the SMTP server."""
        self._controller.stop()


def write_config(path: Path, *, feed_url: str, receivers: str, rule_receivers: str, extra: str = "") -> Path:
    """A config watching RUS–PRK agreements from one feed, with the repository's lexicon."""
    includes = "\n".join(f"  - {p}" for p in LEXICON)
    path.write_text(
        f"""include:
{includes}
feeds:
  - {{id: wire, url: "{feed_url}", source: Test Wire, lang: fr, interval: 2s}}
rules:
  - name: rus-prk-agreements
    type: threshold
    event_type: agreement
    actors: [RUS, PRK]
    min_count: 2
    window: 12h
    realert: 24h
    receivers: [{rule_receivers}]
receivers:
{receivers}
metrics: {{ingest_port: 0, process_port: 0, alerts_port: 0}}
{extra}
""",
        encoding="utf-8",
    )
    return path


def run_veille(*args: str, env: dict[str, str] | None = None, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run the ``veille`` command in a subprocess, as a user would; capture its text output."""
    return subprocess.run(
        [sys.executable, "-m", "veille.cli", *args],
        capture_output=True,
        text=True,
        env=os.environ if env is None else env,
        timeout=timeout,
        check=False,
    )
