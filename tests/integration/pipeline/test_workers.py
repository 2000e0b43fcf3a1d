"""The three workers as separate processes over a served feed: one alert, once, on Slack and by mail.

This is the docker-compose shape (one process per worker, a shared Kafka and PostgreSQL), run on
loopback: the embedded broker, the local PostgreSQL, a feed server, a Slack stand-in and aiosmtpd.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer

from tests.integration.alerts.receivers.fakeslack import WEBHOOK_PATH, FakeSlack
from tests.integration.pipeline.support import DEMO_FEED, FeedServer, SmtpSink, write_config
from tests.processes import stop_process

pytestmark = pytest.mark.timeout(300)


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


@pytest.fixture
def peers() -> Iterator[tuple[FeedServer, FakeSlack, SmtpSink]]:
    feeds = FeedServer({"/world.xml": DEMO_FEED.read_bytes()}).start()
    slack = FakeSlack().start()
    smtp = SmtpSink().start()
    yield feeds, slack, smtp
    smtp.stop()
    slack.stop()
    feeds.stop()


def _worker(name: str, config, log) -> subprocess.Popen[bytes]:
    env = {**os.environ, "VEILLE_LOG_LEVEL": "INFO"}
    return subprocess.Popen(
        [sys.executable, "-m", "veille.cli", name, "--config", str(config)], stdout=log, stderr=log, env=env
    )


def _replay_detections(servers: list[str], topic: str) -> int:
    """Read every record of the detections topic and write it again (what a crash before commit causes)."""
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=servers,
        group_id=f"replay-{time.monotonic_ns()}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        session_timeout_ms=6000,
        heartbeat_interval_ms=1000,
    )
    records = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        polled = consumer.poll(timeout_ms=500)
        records.extend(r for batch in polled.values() for r in batch)
        if records and not polled:
            break
    consumer.close()
    producer = KafkaProducer(bootstrap_servers=servers, acks="all")
    for record in records:
        producer.send(topic, key=record.key, value=record.value)
    producer.flush()
    producer.close()
    return len(records)


def test_three_workers_deliver_one_alert_once_and_a_restarted_alerts_worker_sends_nothing_again(
    broker, kafka_config, pg_url, peers, tmp_path
):
    feeds, slack, smtp = peers
    prefix = kafka_config.topic_prefix
    config = write_config(
        tmp_path / "veille.yaml",
        feed_url=feeds.url("/world.xml"),
        receivers=(
            f"  - {{name: slack, type: slack, webhook_url: '{slack.base}{WEBHOOK_PATH}'}}\n"
            f"  - {{name: mail, type: email, host: 127.0.0.1, port: {smtp.port}, security: none,"
            " sender: 'veille <veille@example.org>', to: [analysts@example.org]}"
        ),
        rule_receivers="slack, mail",
        extra=(
            f"data_dir: {tmp_path / 'data'}\nstore: {{url: '{pg_url}'}}\n"
            f"kafka: {{bootstrap_servers: [{broker[0]}], topic_prefix: {prefix}, partitions: 2,"
            " session_timeout_ms: 6000}\n"
        ),
    )
    log = (tmp_path / "workers.log").open("wb")
    workers = {name: _worker(name, config, log) for name in ("ingest", "process", "alerts")}
    try:
        _wait_for(
            lambda: len(slack.webhook_messages) >= 1 and len(smtp.messages) >= 1, 120, "the alert on Slack and by mail"
        )
        time.sleep(3)  # anything sent twice would arrive now
        assert len(slack.webhook_messages) == 1
        assert len(smtp.messages) == 1
        text = slack.webhook_messages[0]["text"]
        assert "Russia" in text and "North Korea" in text and "announced" in text
        assert "announced" in str(smtp.messages[0]["Subject"]).lower() or "announced" in smtp.messages[0].as_string()

        assert stop_process(workers.pop("alerts")) == 0
        replayed = _replay_detections(broker, f"{prefix}.detections")
        assert replayed >= 3
        workers["alerts"] = _worker("alerts", config, log)
        group = f"{prefix}.alerts"
        admin = KafkaAdminClient(bootstrap_servers=broker)

        def replays_consumed() -> bool:
            offsets = admin.list_group_offsets(group).get(group, {})
            return sum(meta.offset for meta in offsets.values()) >= 2 * replayed

        _wait_for(replays_consumed, 90, "the restarted alerts worker to consume the replayed detections")
        admin.close()
        time.sleep(3)
        assert len(slack.webhook_messages) == 1, "a restarted alerts worker sent the alert again"
        assert len(smtp.messages) == 1, "a restarted alerts worker mailed the alert again"
    finally:
        codes = {name: stop_process(process) for name, process in workers.items()}
        log.close()
    assert codes == {"ingest": 0, "process": 0, "alerts": 0}, (tmp_path / "workers.log").read_text()
