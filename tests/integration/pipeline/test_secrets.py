"""Secrets never leave the process: not in logs, stdout, files, the store, metrics or health bodies.

The config takes every secret from the environment, as deploy/ does: a Slack webhook URL, a webhook
bearer token and HMAC key, an SMTP login, the PostgreSQL password and a Kafka SASL password, each
a distinct sentinel. The receivers and the broker are made to fail (503, closed ports), because
error paths are where URLs and credentials leak; then every output is searched for the sentinels.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest
import sqlalchemy as sa

from tests.integration.pipeline.support import DEMO_FEED, run_veille, write_config
from veille.broker import free_port

pytestmark = pytest.mark.timeout(300)

SECRETS = {
    "SLACK_WEBHOOK_URL": "http://127.0.0.1:{port}/services/T0/B0/SENTINELslackPath1",
    "WEBHOOK_TOKEN": "SENTINELbearerToken2",
    "WEBHOOK_HMAC": "SENTINELhmacKey3",
    "SMTP_PASSWORD": "SENTINELsmtpPass4",
    "PG_PASSWORD": "SENTINELpgPass5",
    "KAFKA_SASL_PASSWORD": "SENTINELsaslPass6",
}
SENTINELS = ("SENTINEL",)


class _Failing(BaseHTTPRequestHandler):
    """Every request: 503 with a body that echoes nothing."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def failing_peer():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Failing)
    Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _environment(peer_port: int, tmp_path: Path) -> dict[str, str]:
    env = {name: value.format(port=peer_port) for name, value in SECRETS.items()}
    return {**os.environ, **env, "VEILLE_DATA_DIR": str(tmp_path / "data"), "VEILLE_LOG_LEVEL": "DEBUG"}


def _config(tmp_path: Path, pg_url: str, peer_port: int, kafka: str = "") -> Path:
    store = sa.make_url(pg_url).set(password="${PG_PASSWORD}").render_as_string(hide_password=False)
    receivers = f"""  - {{name: out, type: jsonl, path: out.jsonl}}
  - {{name: slack, type: slack, webhook_url: "${{SLACK_WEBHOOK_URL}}", timeout: 2s}}
  - name: hook
    type: webhook
    url: "http://127.0.0.1:{peer_port}/hook"
    secret: "${{WEBHOOK_HMAC}}"
    headers: {{Authorization: "Bearer ${{WEBHOOK_TOKEN}}"}}
    timeout: 2s
  - name: mail
    type: email
    host: 127.0.0.1
    port: {free_port()}
    security: ssl
    username: veille
    password: "${{SMTP_PASSWORD}}"
    sender: veille@example.org
    to: [ops@example.org]
    timeout: 2s"""
    extra = f'store: {{url: "{store}"}}\n{kafka}'
    return write_config(
        tmp_path / "c.yaml", feed_url=str(DEMO_FEED), receivers=receivers, rule_receivers="", extra=extra
    )


def _leaks(text: str) -> list[str]:
    return [line for line in text.splitlines() if any(s in line for s in SENTINELS)]


def _store_text(pg_url: str) -> str:
    """Every text value of every table the run wrote, as one string."""
    engine = sa.create_engine(pg_url, poolclass=sa.pool.NullPool)
    try:
        metadata = sa.MetaData()
        metadata.reflect(engine)
        with engine.connect() as conn:
            return "\n".join(repr(row) for table in metadata.sorted_tables for row in conn.execute(sa.select(table)))
    finally:
        engine.dispose()


def test_run_once_with_failing_receivers_writes_no_secret_anywhere(tmp_path, pg_url, failing_peer):
    env = _environment(failing_peer, tmp_path)
    config = _config(
        tmp_path, pg_url, failing_peer, kafka='kafka: {sasl_username: veille, sasl_password: "${KAFKA_SASL_PASSWORD}"}'
    )
    outputs = {}
    check = run_veille("config", "check", str(config), env=env)
    assert check.returncode == 0, check.stderr
    outputs["config check"] = check.stdout + check.stderr

    run = run_veille("run", "--once", "--timeout", "90", "--config", str(config), env=env)
    outputs["run --once"] = run.stdout + run.stderr
    assert run.returncode == 1, run.stderr  # slack, hook and mail could not be delivered
    assert (tmp_path / "data" / "out.jsonl").read_text().strip()  # an alert did fire
    assert "slack" in run.stderr and "503" in run.stderr  # the failures were reported...

    listing = run_veille("alerts", "list", "--config", str(config), env=env)
    outputs["alerts list"] = listing.stdout + listing.stderr
    for receiver in ("slack", "hook", "mail"):
        probe = run_veille("alerts", "test", receiver, "--config", str(config), env=env)
        outputs[f"alerts test {receiver}"] = probe.stdout + probe.stderr
        assert probe.returncode != 0
    outputs["files"] = "\n".join(
        p.read_text(errors="replace") for p in (tmp_path / "data").rglob("*") if p.is_file() and p.suffix != ".db"
    )
    outputs["store"] = _store_text(pg_url)
    assert "503" in outputs["store"]  # ...and recorded as the deliveries' last errors
    leaks = {where: _leaks(text) for where, text in outputs.items() if _leaks(text)}
    assert leaks == {}


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.read().decode()


def test_a_worker_on_an_unreachable_sasl_broker_leaks_no_secret_in_logs_metrics_or_health(
    tmp_path, pg_url, failing_peer
):
    env = _environment(failing_peer, tmp_path)
    port = free_port()
    kafka = (
        f'kafka: {{bootstrap_servers: ["127.0.0.1:{free_port()}"], security_protocol: SASL_PLAINTEXT,\n'
        '  sasl_mechanism: PLAIN, sasl_username: veille, sasl_password: "${KAFKA_SASL_PASSWORD}"}\n'
    )
    config = _config(tmp_path, pg_url, failing_peer, kafka=kafka)
    config.write_text(config.read_text().replace("alerts_port: 0", f"alerts_port: {port}"))
    worker = subprocess.Popen(
        [sys.executable, "-m", "veille.cli", "alerts", "--config", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    bodies = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and worker.poll() is None:
            try:
                bodies.append(_get(f"http://127.0.0.1:{port}/metrics"))
                break
            except OSError:
                time.sleep(0.5)
        time.sleep(5)  # let it try the broker a few times
        bodies += [_get(f"http://127.0.0.1:{port}/{path}") for path in ("metrics", "healthz", "readyz")]
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            out, err = worker.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()
            out, err = worker.communicate()
    assert any("veille_" in body for body in bodies), (out, err[-2000:])
    assert _leaks(out + err) == []
    assert _leaks("\n".join(bodies)) == []
