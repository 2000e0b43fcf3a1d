"""The Alertmanager receiver against a real Alertmanager (Debian ``prometheus-alertmanager``) on loopback.

The Alertmanager routes every alert, grouped by ``alertname``, to a recording webhook, so the tests
see both its API (``/api/v2/alerts``) and what it decides to notify.
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

from alerts.receivers.alertmanager import Alertmanager
from alerts.receivers.base import Notice
from alerts.render import Renderer
from tests.debian import binary
from tests.integration.alerts.receivers.recorder import Recorder
from tests.processes import stop_process
from tests.unit.alerts.receivers.factory import NAMES, make_alert
from veille.broker import free_port

T = TypeVar("T")


def wait_for(probe: Callable[[], T | None], what: str, timeout: float = 60.0) -> T:
    """Poll ``probe`` until it returns something truthy; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def call(url: str, body: object | None = None) -> Any:
    """GET ``url`` (or POST ``body`` as JSON) and decode the JSON answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


@pytest.fixture
def alertmanager_url(tmp_path: Path, peer: Recorder) -> Iterator[str]:
    """A real Alertmanager on a free loopback port (no clustering), notifying ``peer``; its base URL."""
    program = binary("prometheus-alertmanager", "alertmanager")
    config = tmp_path / "alertmanager.yml"
    config.write_text(
        "route: {receiver: hook, group_by: [alertname], group_wait: 1s, group_interval: 1s}\n"
        f"receivers:\n  - name: hook\n    webhook_configs: [{{url: '{peer.url}/hook', send_resolved: true}}]\n",
        encoding="utf-8",
    )
    port = free_port()
    log = (tmp_path / "alertmanager.log").open("wb")
    server = subprocess.Popen(
        [
            program,
            f"--config.file={config}",
            f"--storage.path={tmp_path / 'data'}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        if server.poll() is not None:
            pytest.fail(f"Alertmanager exited: {(tmp_path / 'alertmanager.log').read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/-/ready", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        wait_for(ready, "Alertmanager to be ready")
        yield base
    finally:
        stop_process(server, grace=10)
        log.close()


def receiver(base: str) -> Alertmanager:
    return Alertmanager("am", base, Renderer("am", names=NAMES), active_for=timedelta(hours=6), labels={"team": "x"})


def listed(base: str, alert_id: str) -> dict[str, Any] | None:
    """The alert with ``veille_alert_id`` in Alertmanager's API, or None."""
    matches = [a for a in call(f"{base}/api/v2/alerts") if a["labels"].get("veille_alert_id") == alert_id]
    return matches[0] if matches else None


def notified(peer: Recorder) -> list[dict[str, Any]]:
    """Every alert in every notification Alertmanager sent to the webhook, in order."""
    return [alert for _, _, body in peer.requests for alert in json.loads(body)["alerts"]]


def when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_an_alert_appears_with_its_labels_and_a_retraction_resolves_it(alertmanager_url, peer):
    now = datetime.now(UTC).replace(microsecond=0)
    alert = make_alert(first_seen=now - timedelta(minutes=30), fired_at=now)
    am = receiver(alertmanager_url)
    [posted] = am.payload(alert)

    am.send(Notice(alert, "k0"))

    shown = wait_for(lambda: listed(alertmanager_url, alert.alert_id), "the alert in /api/v2/alerts")
    assert shown["labels"] == posted["labels"]
    assert shown["labels"]["alertname"] == "rus-prk-agreements"
    assert shown["labels"]["team"] == "x"
    assert shown["labels"]["actors"] == "PRK,RUS"
    assert shown["status"]["state"] == "active"
    assert shown["annotations"]["summary"] == "North Korea–Russia agreement: announced (3 sources)"
    assert when(shown["startsAt"]) == now - timedelta(minutes=30)
    assert when(shown["endsAt"]) == now + timedelta(hours=6)
    [firing] = wait_for(lambda: notified(peer), "the firing notification")
    assert (firing["status"], firing["labels"]) == ("firing", posted["labels"])

    retracted_at = datetime.now(UTC)
    am.send(Notice(make_alert(kind="retraction", revision=1, first_seen=alert.first_seen, fired_at=retracted_at), "k1"))

    wait_for(lambda: listed(alertmanager_url, alert.alert_id) is None, "the alert to leave the active list")
    resolved = wait_for(lambda: [a for a in notified(peer) if a["status"] == "resolved"], "the resolved notification")
    assert resolved[0]["labels"] == posted["labels"]
    assert resolved[0]["annotations"]["summary"].startswith("RETRACTED:")


def test_a_silence_created_in_alertmanager_is_respected_there(alertmanager_url, peer):
    now = datetime.now(UTC).replace(microsecond=0)
    quiet = make_alert(first_seen=now, fired_at=now)
    loud = make_alert(alert_id="agreement-PRK,RUS-signed-r1", stage="signed", first_seen=now, fired_at=now)
    matcher = {"name": "veille_alert_id", "value": quiet.alert_id, "isRegex": False, "isEqual": True}
    silence = {
        "matchers": [matcher],
        "startsAt": now.isoformat(),
        "endsAt": (now + timedelta(hours=1)).isoformat(),
        "createdBy": "analyst",
        "comment": "known story",
    }
    silence_id = call(f"{alertmanager_url}/api/v2/silences", silence)["silenceID"]
    am = receiver(alertmanager_url)

    am.send(Notice(quiet, "k0"))
    am.send(Notice(loud, "k1"))

    shown = wait_for(lambda: listed(alertmanager_url, quiet.alert_id), "the silenced alert in /api/v2/alerts")
    assert shown["status"]["state"] == "suppressed"
    assert shown["status"]["silencedBy"] == [silence_id]
    assert listed(alertmanager_url, loud.alert_id)["status"]["state"] == "active"
    # both alerts are in one group (same alertname): the notification carries the loud one only
    wait_for(lambda: [a for a in notified(peer) if a["labels"]["veille_alert_id"] == loud.alert_id], "a notification")
    assert quiet.alert_id not in {a["labels"]["veille_alert_id"] for a in notified(peer)}
