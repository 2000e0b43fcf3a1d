"""Every network receiver facing a peer that is down, slow, unknown to DNS or has an untrusted
certificate: one clear outcome each, which the outbox turns into a retry (transient) or a failed
delivery (permanent), and never a hang past the receiver's timeout.

Built from config entries, as the alerts worker builds them. The peers are real sockets on
loopback: a closed port, a server that accepts and never answers, an HTTPS server with a
self-signed certificate; ``.invalid`` names never resolve (RFC 6761).
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from alerts.receivers import build
from alerts.receivers.base import Notice
from tests.unit.alerts.receivers.factory import NAMES, make_alert
from veille.broker import free_port
from veille.config.receivers import ReceiverConfig
from veille.errors import PermanentError, TransientError

TIMEOUT = 1.0
CONFIG = TypeAdapter(ReceiverConfig)


def _entry(kind: str, where: str) -> dict[str, Any]:
    """A receiver entry of ``kind`` aimed at ``where`` (``host:port``, with scheme for HTTP)."""
    host, _, port = where.removeprefix("https://").removeprefix("http://").partition(":")
    return {
        "webhook": {"type": "webhook", "url": f"{where}/hook", "timeout": TIMEOUT},
        "alertmanager": {"type": "alertmanager", "url": where, "timeout": TIMEOUT},
        "slack": {"type": "slack", "webhook_url": f"{where}/services/T0/B0/x", "timeout": TIMEOUT},
        "slack-bot": {
            "type": "slack",
            "token": "xoxb-1",
            "channel": "C1",
            "api_url": f"{where}/api/",
            "timeout": TIMEOUT,
        },
        "email": {
            "type": "email",
            "host": host,
            "port": int(port),
            "security": "none",
            "sender": "veille@example.org",
            "to": ["ops@example.org"],
            "timeout": TIMEOUT,
        },
    }[kind] | {"name": f"{kind}-test"}


def _send(entry: dict[str, Any], tmp_path: Path) -> None:
    receiver = build(CONFIG.validate_python(entry), tmp_path, NAMES)
    try:
        receiver.send(Notice(make_alert(), "k1"))
    finally:
        receiver.close()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield listener.getsockname()[1]
    listener.close()


@pytest.fixture(scope="module")
def untrusted_https(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An HTTPS server on loopback whose certificate is self-signed (made with the openssl CLI)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            try:
                context.wrap_socket(conn, server_side=True).close()  # the client refuses the handshake
            except (ssl.SSLError, OSError):
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    listener.close()


HTTP_KINDS = ("webhook", "alertmanager", "slack", "slack-bot")


@pytest.mark.parametrize("kind", [*HTTP_KINDS, "email"])
def test_a_peer_that_is_down_is_transient(kind: str, tmp_path: Path) -> None:
    where = f"127.0.0.1:{free_port()}"
    with pytest.raises(TransientError):
        _send(_entry(kind, where if kind == "email" else f"http://{where}"), tmp_path)


@pytest.mark.parametrize("kind", [*HTTP_KINDS, "email"])
def test_a_peer_that_never_answers_is_transient_after_the_timeout(kind: str, silent_port: int, tmp_path) -> None:
    where = f"127.0.0.1:{silent_port}"
    started = time.monotonic()
    with pytest.raises(TransientError):
        _send(_entry(kind, where if kind == "email" else f"http://{where}"), tmp_path)
    assert time.monotonic() - started < TIMEOUT * 10  # bounded by the timeout, not hung


@pytest.mark.parametrize("kind", [*HTTP_KINDS, "email"])
def test_a_name_dns_cannot_resolve_is_transient_and_named(kind: str, tmp_path: Path) -> None:
    where = "veille-receiver.invalid:8443"
    with pytest.raises(TransientError) as caught:
        _send(_entry(kind, where if kind == "email" else f"http://{where}"), tmp_path)
    assert "veille-receiver.invalid" in str(caught.value)


@pytest.mark.parametrize("kind", HTTP_KINDS)
def test_an_untrusted_certificate_is_permanent(kind: str, untrusted_https: str, tmp_path: Path) -> None:
    with pytest.raises(PermanentError) as caught:
        _send(_entry(kind, untrusted_https), tmp_path)
    assert "certificate" in str(caught.value).lower()
