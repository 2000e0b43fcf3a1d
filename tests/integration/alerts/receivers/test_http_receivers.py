"""The generic webhook and Alertmanager receivers against a recording HTTP server on loopback.

What a real Alertmanager does with our alerts is tested in test_alertmanager.py; here remain the
webhook and the answers a real Alertmanager cannot be made to give.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

import pytest

from alerts.receivers.alertmanager import Alertmanager
from alerts.receivers.base import Notice
from alerts.receivers.webhook import Webhook
from alerts.render import Renderer
from tests.integration.alerts.receivers.recorder import Recorder
from tests.unit.alerts.receivers.factory import NAMES, make_alert
from veille.errors import PermanentError, TransientError

SECRET = b"shared-secret"


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


def test_alertmanager_rejection_is_permanent(peer: Recorder) -> None:
    peer.answers.append((400, {}, '{"code":400,"message":"start time must be before end time"}'))

    with pytest.raises(PermanentError, match="start time must be before end time"):
        alertmanager(peer).send(Notice(make_alert(), "k"))
