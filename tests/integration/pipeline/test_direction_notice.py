"""A detection with direction and a claimant, through the alerts worker, to a rendered Slack notice.

The real alerts worker (a subprocess with the repository's lexicon) reads the detection from the
embedded broker, stores it in PostgreSQL, fires the rule and posts to a fake Slack on loopback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.integration.alerts.receivers.fakeslack import WEBHOOK_PATH, FakeSlack
from tests.integration.pipeline.support import LEXICON
from tests.processes import stop_process
from veille.bus import Bus
from veille.contracts import ArticleRef, Detection, EntityMention, Event

pytestmark = pytest.mark.timeout(300)


def _config(path: Path, slack: FakeSlack, broker: list[str], prefix: str, pg_url: str) -> Path:
    includes = "\n".join(f"  - {p}" for p in LEXICON)
    path.write_text(
        f"""include:
{includes}
rules:
  - name: prk-troops-to-russia
    type: any
    event_type: troop_deployment
    actors: [PRK, RUS]
    from: PRK
    to: RUS
    lateness: 0s
    receivers: [slack]
receivers:
  - {{name: slack, type: slack, webhook_url: '{slack.base}{WEBHOOK_PATH}'}}
metrics: {{ingest_port: 0, process_port: 0, alerts_port: 0}}
data_dir: {path.parent / "data"}
store: {{url: '{pg_url}'}}
kafka: {{bootstrap_servers: [{broker[0]}], topic_prefix: {prefix}, partitions: 2, session_timeout_ms: 6000}}
""",
        encoding="utf-8",
    )
    return path


def _detection(article_id: str, direction: tuple[str, str]) -> Detection:
    now = datetime.now(UTC)
    article = ArticleRef(
        id=article_id,
        feed_id="yonhap",
        source="Yonhap",
        url=f"https://en.yna.example/{article_id}",
        title="N. Korea sends troops to Russia, Seoul's spy agency says",
        lang="en",
        published=now,
        fetched_at=now,
    )
    event = Event(
        type="troop_deployment",
        actors=("PRK", "RUS"),
        stage="reported",
        evidence="North Korea has sent 1,500 special forces troops to Russia, the NIS said.",
        from_=direction[0],
        to=direction[1],
        claimed_by="KOR",
    )
    return Detection(
        article=article,
        lang="en",
        entities=tuple(EntityMention(id=a, text=a, start=0, end=3) for a in ("PRK", "RUS", "KOR")),
        events=(event,),
        processed_at=now,
    )


def test_a_directed_detection_reaches_slack_with_its_direction_and_claimant(broker, kafka_config, pg_url, tmp_path):
    slack = FakeSlack().start()
    prefix = kafka_config.topic_prefix
    config = _config(tmp_path / "veille.yaml", slack, broker, prefix, pg_url)
    bus = Bus(kafka_config, broker)
    topic = f"{prefix}.detections"
    bus.ensure_topics([topic])
    producer = bus.producer()
    for detection in (_detection("a-wrong-way", ("RUS", "PRK")), _detection("a-nis", ("PRK", "RUS"))):
        producer.send(topic, detection.article_id, detection)
    producer.flush()
    producer.close()
    log = (tmp_path / "alerts.log").open("wb")
    env = {**os.environ, "VEILLE_LOG_LEVEL": "INFO"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "veille.cli", "alerts", "--config", str(config)], stdout=log, stderr=log, env=env
    )
    try:
        deadline = time.monotonic() + 120
        while not slack.webhook_messages and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.25)
        time.sleep(2)  # a second (wrong-way) alert would arrive now
        posted = [json.dumps(m, ensure_ascii=False) for m in slack.webhook_messages]
    finally:
        code = stop_process(worker)
        log.close()
        slack.stop()
    assert len(posted) == 1, (tmp_path / "alerts.log").read_text()
    assert "North Korea → Russia" in posted[0]
    assert "South Korea" in posted[0]
    assert code == 0
