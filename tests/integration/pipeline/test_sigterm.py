"""SIGTERM in the middle of a flood: every worker finishes its batch, commits, exits 0 within 10 s, and a
restarted pipeline processes every article once."""

from __future__ import annotations

import signal
import time
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.chaos.harness import SIGTERM_LIMIT, Fleet
from tests.chaos.world import make_world, rss, write_config
from tests.integration.pipeline.support import REPO, FeedServer

pytestmark = pytest.mark.timeout(400)


def _processed(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM alert_detections")).scalar_one())
    except sa.exc.SQLAlchemyError:
        return 0


def _start(fleet: Fleet) -> None:
    for name in ("ingest-0", "process-0", "alerts-0"):
        fleet.start(name)


def _tails(fleet: Fleet) -> str:
    return "\n".join(f"--- {name}\n{fleet.log(name).read_text()[-1500:]}" for name in fleet.processes)


def test_sigterm_mid_flood_exits_every_worker_within_10s_and_loses_nothing(broker, kafka_config, pg_url, tmp_path):
    world = make_world(seed=5, articles=400, alerts=3, feeds=4)
    published = {item.guid: datetime.now(UTC) for item in world.items}
    feeds = FeedServer(
        {f"/feed/{n}.xml": rss(n, [i for i in world.items if i.feed == n], published) for n in range(world.feeds)}
    ).start()
    config = write_config(
        tmp_path / "veille.yaml",
        feed_urls=[feeds.url(f"/feed/{n}.xml") for n in range(world.feeds)],
        webhook_url="http://127.0.0.1:9/unused",
        smtp_port=9,
        store_url=pg_url,
        data_dir=tmp_path / "data",
        bootstrap=broker[0],
        prefix=kafka_config.topic_prefix,
        repo=REPO,
    )
    engine = sa.create_engine(pg_url, poolclass=sa.pool.NullPool)
    try:
        with Fleet(config, tmp_path / "workers") as fleet:  # leaving the block kills whatever still runs
            _start(fleet)
            deadline = time.monotonic() + 180
            while _processed(engine) == 0 and time.monotonic() < deadline:
                fleet.sleep(0.2)
            assert _processed(engine) > 0, _tails(fleet)
            took = fleet.stop()
            assert max(took.values()) <= SIGTERM_LIMIT, took

        with Fleet(config, tmp_path / "workers") as again:
            _start(again)
            again.wait_until_catching(signal.SIGTERM)  # the first fleet may have done all the work already
            deadline = time.monotonic() + 180
            while _processed(engine) < len(world.items) and time.monotonic() < deadline:
                again.sleep(0.5)
            assert _processed(engine) == len(world.items), _tails(again)
            assert max(again.stop().values()) <= SIGTERM_LIMIT
    finally:
        feeds.stop()
        engine.dispose()
