"""The generic webhook and Alertmanager receivers against a recording HTTP server on loopback."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections import deque
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from alerts.receivers.alertmanager import Alertmanager
from alerts.receivers.base import Notice
from alerts.receivers.webhook import Webhook
from alerts.render import Renderer
from tests.unit.alerts.receivers.factory import NAMES, make_alert
from veille.errors import PermanentError, TransientError

SECRET = b"shared-secret"


class Recorder:
    """An HTTP server that records POSTs and answers from a queue (default: 200, empty body)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], bytes]] = []
        self.answers: deque[tuple[int, dict[str, str], str]] = deque()
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                recorder.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                status, headers, text = recorder.answers.popleft() if recorder.answers else (200, {}, "")
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(text.encode())))
                self.end_headers()
                self.wfile.write(text.encode())

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"


@pytest.fixture
def peer() -> Iterator[Recorder]:
    recorder = Recorder()
    recorder.thread.start()
    yield recorder
    recorder.server.shutdown()
    recorder.server.server_close()


def webhook(peer: Recorder) -> Webhook:
    return Webhook(
        "hook", peer.url + "/hook", Renderer("hook", names=NAMES), secret=SECRET, headers={"X-Team": "desk"}, timeout=5
    )


def test_webhook_body_is_signed_with_the_timestamp(peer: Recorder) -> None:
    webhook(peer).send(Notice(make_alert(), "alert:0:hook"))

    [(_, headers, body)] = peer.requests
    signed = headers["x-veille-timestamp"].encode() + b"." + body
    expected = "sha256=" + hmac.new(SECRET, signed, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["x-veille-signature"], expected)
    assert headers["idempotency-key"] == "alert:0:hook"
    assert headers["x-team"] == "desk"
    payload = json.loads(body)
    assert payload["headline"] == "North Korea–Russia agreement: announced (3 sources)"
    assert payload["alert"]["actors"] == ["PRK", "RUS"]
    assert payload["alert"]["first_seen"] == "2024-06-18T07:12:00Z"


@pytest.mark.parametrize(
    ("status", "headers", "error", "retry"),
    [
        (429, {"Retry-After": "12"}, TransientError, 12.0),
        (503, {}, TransientError, None),
        (400, {}, PermanentError, None),
        (401, {}, PermanentError, None),
        (301, {"Location": "http://127.0.0.1:9/elsewhere"}, PermanentError, None),
    ],
)
def test_webhook_answers_map_to_the_error_vocabulary(peer: Recorder, status, headers, error, retry) -> None:
    peer.answers.append((status, headers, "nope"))

    with pytest.raises(error, match=f"HTTP {status}") as caught:
        webhook(peer).send(Notice(make_alert(), "k"))

    if retry is not None:
        assert caught.value.retry_after == retry
    assert len(peer.requests) == 1


def alertmanager(peer: Recorder) -> Alertmanager:
    return Alertmanager(
        "am", peer.url, Renderer("am", names=NAMES), active_for=timedelta(hours=6), labels={"team": "analysts"}
    )


def posted(peer: Recorder) -> list[dict[str, Any]]:
    return [json.loads(body)[0] for _, _, body in peer.requests]


def test_alertmanager_gets_labels_annotations_and_an_end_after_active_for(peer: Recorder) -> None:
    alertmanager(peer).send(Notice(make_alert(), "k"))

    [(path, _, _)] = peer.requests
    [alert] = posted(peer)
    assert path == "/api/v2/alerts"
    assert alert["labels"] == {
        "team": "analysts",
        "alertname": "rus-prk-agreements",
        "veille_alert_id": "agreement-PRK,RUS-announced-r1",
        "event_type": "agreement",
        "actors": "PRK,RUS",
        "stage": "announced",
    }
    assert alert["annotations"]["summary"] == "North Korea–Russia agreement: announced (3 sources)"
    assert alert["startsAt"] == "2024-06-18T07:12:00Z"
    assert alert["endsAt"] == "2024-06-18T13:12:00Z"


def test_alertmanager_retraction_resolves_the_same_alert(peer: Recorder) -> None:
    receiver = alertmanager(peer)
    receiver.send(Notice(make_alert(), "k0"))
    retracted_at = make_alert().fired_at + timedelta(hours=2)

    receiver.send(Notice(make_alert(kind="retraction", revision=1, fired_at=retracted_at), "k1"))

    first, retraction = posted(peer)
    assert retraction["labels"] == first["labels"]
    assert retraction["endsAt"] == "2024-06-18T09:12:00Z"
    assert retraction["annotations"]["summary"].startswith("RETRACTED:")


def test_alertmanager_rejection_is_permanent(peer: Recorder) -> None:
    peer.answers.append((400, {}, '{"code":400,"message":"start time must be before end time"}'))

    with pytest.raises(PermanentError, match="start time must be before end time"):
        alertmanager(peer).send(Notice(make_alert(), "k"))
