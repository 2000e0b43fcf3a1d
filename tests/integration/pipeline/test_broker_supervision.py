"""``veille run`` supervises the embedded broker: a ``kill -9`` is noticed, reaped and restarted in place,
the topics come back and the workers resume by themselves, without a flood of client warnings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.chaos.world import Item, rss
from tests.integration.pipeline.support import FeedServer, write_config
from tests.integration.pipeline.test_run import _children, _state
from tests.processes import stop_process

pytestmark = pytest.mark.timeout(400)


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def _items(start: int, count: int) -> list[Item]:
    return [
        Item(f"sup-{n}", 0, f"Harbour ferry story {n}", f"The ferry ran late on day {n}.", None)
        for n in range(start, start + count)
    ]


def _processed(db: Path) -> int:
    engine = sa.create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM alert_detections")).scalar_one())
    except sa.exc.OperationalError:
        return 0
    finally:
        engine.dispose()


def _broker_pid(run_pid: int) -> int | None:
    for pid in _children(run_pid):
        try:
            if b"tansu" in Path(f"/proc/{pid}/cmdline").read_bytes() and _state(pid) != "Z":
                return pid
        except OSError:
            continue
    return None


def test_a_killed_embedded_broker_is_restarted_on_its_port_and_the_workers_resume(tmp_path):
    published: dict[str, datetime] = {}
    first = _items(0, 3)
    published.update((item.guid, datetime.now(UTC)) for item in first)
    feeds = FeedServer({"/f.xml": rss(0, first, published)}).start()
    config = write_config(
        tmp_path / "veille.yaml",
        feed_url=feeds.url("/f.xml"),
        receivers="  - {name: out, type: jsonl, path: alerts.jsonl}",
        rule_receivers="out",
        extra=f"data_dir: {tmp_path / 'data'}\nkafka: {{session_timeout_ms: 6000}}\n",
    )
    log_path = tmp_path / "run.log"
    with log_path.open("wb") as log:
        run = subprocess.Popen(
            [sys.executable, "-m", "veille.cli", "run", "--config", str(config)],
            stdout=log,
            stderr=log,
            env={**os.environ, "VEILLE_LOG_LEVEL": "INFO"},
            start_new_session=True,
        )
    db = tmp_path / "data" / "veille.db"
    try:
        _wait_for(lambda: _processed(db) == 3, 180, "the first three articles to be processed")
        old = _broker_pid(run.pid)
        assert old is not None
        os.kill(old, signal.SIGKILL)
        _wait_for(lambda: _broker_pid(run.pid) not in (None, old), 60, "a new broker process")
        assert not Path(f"/proc/{old}").exists(), "the killed broker was left a zombie"
        _wait_for(lambda: b"embedded broker restarted" in log_path.read_bytes(), 60, "the restart to be logged")

        second = _items(3, 3)
        published.update((item.guid, datetime.now(UTC)) for item in second)
        feeds.documents["/f.xml"] = rss(0, first + second, published)
        _wait_for(lambda: _processed(db) == 6, 240, "the workers to resume on the restarted broker")
    finally:
        code = stop_process(run)
        feeds.stop()
    output = log_path.read_text(errors="replace")
    assert code == 0, output[-3000:]
    assert "Traceback" not in output
    kafka_lines = [line for line in output.splitlines() if " kafka." in line]
    assert len(kafka_lines) <= 60, f"{len(kafka_lines)} kafka-python lines:\n" + "\n".join(kafka_lines[:80])
