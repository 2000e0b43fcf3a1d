"""Outage logging, readiness and third-party log rate limiting, on a fake clock."""

from __future__ import annotations

import logging
import sys

import pytest
from prometheus_client import REGISTRY

from veille.health import Dependency, Health
from veille.telemetry import ThirdPartyRateLimit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "veille.health"]


def test_an_outage_is_one_line_then_a_reminder_at_most_once_a_minute_then_one_line_when_back(caplog) -> None:
    caplog.set_level(logging.INFO, logger="veille.health")
    clock = Clock()
    broker = Dependency("broker", clock=clock)
    for _ in range(30):  # a probe every 2 s for a minute
        broker.down("127.0.0.1:9092: connection refused")
        clock.now += 2
    broker.down("127.0.0.1:9092: connection refused")
    clock.now += 5
    broker.up()
    broker.up()
    assert _lines(caplog) == [
        "broker unreachable: 127.0.0.1:9092: connection refused",
        "broker still unreachable after 1m00s: 127.0.0.1:9092: connection refused",
        "broker reachable again after 1m05s",
    ]


def test_the_dependency_gauge_follows_the_outage() -> None:
    store = Dependency("store", clock=Clock())
    store.down("connection refused")
    assert REGISTRY.get_sample_value("veille_dependency_up", {"dependency": "store"}) == 0
    store.up()
    assert REGISTRY.get_sample_value("veille_dependency_up", {"dependency": "store"}) == 1


def test_readiness_names_every_dependency_down_and_every_condition() -> None:
    health = Health()
    assert health.readiness() == (True, "ready")
    health.dependency("broker").down("127.0.0.1:9092: timed out")
    health.condition("partitions", "none assigned for 12s")
    ready, body = health.readiness()
    assert not ready
    assert "broker: unreachable for 0s (127.0.0.1:9092: timed out)" in body
    assert "partitions: none assigned for 12s" in body
    health.dependency("broker").up()
    health.condition("partitions", None)
    assert health.readiness() == (True, "ready")


def _record(name: str, message: str = "Connection refused") -> logging.LogRecord:
    return logging.LogRecord(name, logging.WARNING, __file__, 1, message, None, None)


def test_third_party_loggers_pass_a_burst_per_minute_and_the_next_line_counts_what_was_dropped() -> None:
    clock = Clock()
    limit = ThirdPartyRateLimit(burst=5, period=60.0, clock=clock)
    passed = [limit.filter(_record("kafka.conn")) for _ in range(248)]
    assert sum(passed) == 5
    clock.now += 60
    record = _record("kafka.client_async", "Node 1 connection failed")
    assert limit.filter(record)
    assert record.getMessage() == "Node 1 connection failed [243 similar kafka messages suppressed]"


def test_veille_loggers_are_never_rate_limited() -> None:
    limit = ThirdPartyRateLimit(burst=1, clock=Clock())
    assert all(limit.filter(_record("veille.runner")) for _ in range(100))


def test_a_third_party_traceback_becomes_one_line_naming_the_exception() -> None:
    try:
        raise ConnectionResetError("Connection reset by peer")
    except ConnectionResetError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("kafka.conn", logging.ERROR, __file__, 1, "Error receiving network data", None, exc_info)
    assert ThirdPartyRateLimit(clock=Clock()).filter(record)
    line = logging.Formatter().format(record)
    assert line == "Error receiving network data (ConnectionResetError: Connection reset by peer)"
