"""A real HTTP server on 127.0.0.1 that serves feeds the way tests script it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Reply:
    """What the server answers: status, body, headers, after ``delay`` seconds (cut short at shutdown)."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Route = Callable[[dict[str, str]], Reply]


class FeedServer:
    """Serves ``routes`` (path -> function of the lowercased request headers) and logs every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {key.lower(): value for key, value in self.headers.items()}
                server.requests.append((self.path, headers))
                route = server.routes.get(self.path)
                reply = route(headers) if route else Reply(404, b"not found")
                if reply.delay:
                    server.stop.wait(reply.delay)
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in reply.headers and reply.status != 304:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.status != 304:
                    self.wfile.write(reply.body)

            def log_message(self, *_args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        """The URL of ``path`` on this server."""
        return self.base + path

    def serve(self, path: str, reply: Reply | Route) -> str:
        """Answer ``path`` with a fixed reply or a function of the request headers; return its URL."""
        self.routes[path] = reply if callable(reply) else (lambda _headers: reply)
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        """The headers of every request made for ``path``."""
        return [headers for seen, headers in self.requests if seen == path]

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self.stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()


def conditional(body: bytes, etag: str = '"v1"', last_modified: str = "Tue, 18 Jun 2024 08:00:00 GMT") -> Route:
    """A route that answers 304 to a request carrying the current ETag, else 200 with the validators."""

    def route(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body, {"ETag": etag, "Last-Modified": last_modified, "Content-Type": "application/rss+xml"})

    return route


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started FeedServer, shut down after the test."""
    server = FeedServer()
    server.start()
    yield server
    server.close()
