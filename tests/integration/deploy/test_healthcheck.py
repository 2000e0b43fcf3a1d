"""deploy/healthcheck.py against a real HTTP server on loopback: 200 passes, 503 and silence fail."""

from __future__ import annotations

import importlib.util
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "deploy" / "healthcheck.py"
_spec = importlib.util.spec_from_file_location("veille_healthcheck", SCRIPT)
healthcheck = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(healthcheck)


class _Worker(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, body = {"/healthz": (200, b"ok\n"), "/readyz": (503, b"not ready: broker\nunreachable\n")}.get(
            self.path, (404, b"")
        )
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def worker_port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Worker)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_worker_answering_200_is_healthy(worker_port: int) -> None:
    assert healthcheck.main(["healthz", str(worker_port)]) == 0


def test_a_503_is_unhealthy_and_its_reason_is_one_line(worker_port: int, capsys) -> None:
    assert healthcheck.main(["readyz", str(worker_port)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.endswith("/readyz: 503 not ready: broker unreachable")


def test_one_healthy_port_among_several_is_enough(worker_port: int) -> None:
    assert healthcheck.main(["healthz", str(_closed_port()), str(worker_port)]) == 0


def test_nothing_listening_is_unhealthy_with_a_reason(capsys) -> None:
    assert healthcheck.main(["healthz", str(_closed_port())]) == 1
    assert "unreachable" in capsys.readouterr().err


def test_bad_arguments_print_the_usage(capsys) -> None:
    assert healthcheck.main(["healthz"]) == 2
    assert "usage" in capsys.readouterr().err
