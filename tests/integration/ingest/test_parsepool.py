"""The parse pool: feeds parsed in worker processes, errors crossing back intact, a dead worker costing one feed."""

from __future__ import annotations

import os
import pickle
import signal
import time
from datetime import UTC, datetime

import pytest

from ingest.errors import FeedPermanentError, FeedTransientError
from ingest.parsepool import ParsePool
from veille.config.feeds import FeedConfig

NOW = datetime(2026, 1, 1, tzinfo=UTC)
FEED = FeedConfig(id="wire", url="https://wire.example/rss.xml")
BODY = (
    b"<rss version='2.0'><channel><title>W</title><item><guid>urn:1</guid><title>Treaty</title></item></channel></rss>"
)


@pytest.fixture
def pool():
    made = ParsePool(workers=1)
    yield made
    made.close()


def digest(pool: ParsePool, body: bytes = BODY):
    return pool.digest(body, None, FEED.url, FEED, NOW, frozenset())


def test_feed_errors_survive_the_trip_between_processes():
    for error in (FeedTransientError("timeout", "slow", retry_after=3.0), FeedPermanentError("hostile", "entities")):
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), copy.kind, str(copy)) == (type(error), error.kind, str(error))
    assert pickle.loads(pickle.dumps(FeedTransientError("timeout", "slow", retry_after=3.0))).retry_after == 3.0


def test_a_worker_process_parses_and_reports_refusals(pool):
    assert [a.title for a in digest(pool).articles] == ["Treaty"]
    with pytest.raises(FeedPermanentError, match="entity expansion") as caught:
        digest(pool, b'<!DOCTYPE r [<!ENTITY a "aaaa">]><rss version="2.0"><channel><title>&a;</title></channel></rss>')
    assert caught.value.kind == "hostile"


def test_a_dead_worker_costs_one_feed_and_the_pool_comes_back(pool):
    digest(pool)
    executor = pool._executor
    assert executor is not None
    for pid in list(executor._processes):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while not executor._broken and time.monotonic() < deadline:
        time.sleep(0.05)
    with pytest.raises(FeedTransientError, match="parse worker process died") as caught:
        digest(pool)
    assert caught.value.kind == "parse"
    assert [a.title for a in digest(pool).articles] == ["Treaty"]


def test_zero_workers_parse_in_the_calling_process():
    inline = ParsePool(workers=0)
    assert [a.title for a in digest(inline).articles] == ["Treaty"]
    assert inline._executor is None


def test_parse_workers_end_when_their_parent_dies_without_stopping_the_pool():
    import subprocess
    import sys

    script = (
        "import os, psutil\n"
        "from ingest.parsepool import ParsePool\n"
        "pool = ParsePool(workers=2)\n"
        "pool.warm()\n"
        "import time; deadline = time.monotonic() + 60\n"
        "while len(psutil.Process().children()) < 3 and time.monotonic() < deadline: time.sleep(0.1)\n"
        "print(' '.join(str(c.pid) for c in psutil.Process().children()), flush=True)\n"
        "os._exit(1)\n"  # as a second signal or SIGKILL would: no atexit, no pool shutdown
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    children = [int(pid) for pid in done.stdout.split()]
    assert len(children) >= 2, done.stderr
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in children)


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
