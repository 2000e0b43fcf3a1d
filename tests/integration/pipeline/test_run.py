"""``veille run`` as a user runs it: the embedded broker, SQLite in the data directory, the demo feed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.pipeline.support import DEMO_FEED, REPO, FeedServer, run_veille, write_config

pytestmark = pytest.mark.timeout(300)

EXAMPLE = REPO / "config" / "veille.example.yaml"
JSONL_KEYS = {
    "alert_id",
    "rule",
    "event_type",
    "actors",
    "stage",
    "sources",
    "article_ids",
    "first_seen",
    "fired_at",
    "title",
}


def _veille(*args: str, data_dir: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return run_veille(*args, env={**os.environ, "VEILLE_DATA_DIR": str(data_dir)}, timeout=timeout)


def _alerts(data_dir: Path) -> list[dict]:
    path = data_dir / "alerts.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_run_once_on_the_example_config_alerts_once_for_russia_dprk_and_never_for_vietnam(tmp_path):
    result = _veille("run", "--once", "--config", str(EXAMPLE), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    alerts = _alerts(tmp_path)
    assert len(alerts) == 1, alerts
    (alert,) = alerts
    assert alert.keys() >= JSONL_KEYS
    assert alert["event_type"] == "agreement"
    assert alert["actors"] == ["PRK", "RUS"]
    assert alert["stage"] == "announced"
    assert len(alert["sources"]) >= 2
    assert "VNM" not in json.dumps(alert)
    assert "ALERT" in result.stdout or "agreement" in result.stdout  # the console receiver printed it

    again = _veille("run", "--once", "--config", str(EXAMPLE), data_dir=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(_alerts(tmp_path)) == 1  # a second run over the same news sends nothing new


def test_run_once_reads_a_served_feed_and_reports_a_bad_config_in_one_line(tmp_path):
    feeds = FeedServer({"/rss": DEMO_FEED.read_bytes()}).start()
    try:
        config = write_config(
            tmp_path / "c.yaml",
            feed_url=feeds.url("/rss"),
            rule_receivers="out",
            receivers="  - {name: out, type: jsonl, path: out.jsonl}",
        )
        result = _veille("run", "--once", "--config", str(config), data_dir=tmp_path / "data")
        assert result.returncode == 0, result.stderr
        lines = (tmp_path / "data" / "out.jsonl").read_text().splitlines()
        assert len(lines) == 1
        assert feeds.requests == ["/rss"]
    finally:
        feeds.stop()

    broken = tmp_path / "broken.yaml"
    broken.write_text("feeds:\n  - {id: x, url: a.xml, interval: sometimes}\n")
    result = _veille("run", "--once", "--config", str(broken), data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        line for line in result.stderr.strip().splitlines() if line.startswith("config: feeds.0.interval: ")
    ]
    assert "Traceback" not in result.stderr


def test_veille_run_prints_the_demo_alert_and_ctrl_c_stops_every_process(tmp_path):
    env = {**os.environ, "VEILLE_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "veille.cli", "run", "--config", str(EXAMPLE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not _alerts(tmp_path):
            time.sleep(0.5)
        assert len(_alerts(tmp_path)) == 1
        children = _children(process.pid)
        assert len(children) >= 4  # broker + three workers
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        output = process.communicate(timeout=60)[0].decode()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the whole group: broker and workers too
            process.communicate()
    assert process.returncode == 0, output
    assert "Traceback" not in output
    assert "agreement" in output
    time.sleep(1)
    assert [pid for pid in children if Path(f"/proc/{pid}").exists() and _state(pid) != "Z"] == []


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
                found.extend(_children(int(entry.name)))
    return found


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"
