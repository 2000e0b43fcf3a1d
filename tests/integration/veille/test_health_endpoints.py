"""/healthz and /readyz over HTTP, with real probes of the embedded broker, a frozen peer and PostgreSQL."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from veille.broker import free_port
from veille.health import Health, Prober, kafka_check, store_check
from veille.store import create_engine
from veille.telemetry import serve_metrics


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.fixture
def silent_peer() -> Iterator[str]:
    """A port that accepts TCP connections and never answers: what a SIGSTOPped broker looks like."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield f"127.0.0.1:{server.getsockname()[1]}"


def test_healthz_is_alive_and_readyz_is_ready_when_broker_and_store_answer(broker, pg_url) -> None:
    health = Health()
    engine = create_engine(pg_url)
    Prober({"broker": kafka_check(broker), "store": store_check(engine)}, health=health).probe()
    port = serve_metrics("127.0.0.1", free_port(), health=health)
    assert port is not None
    assert _get(port, "/healthz") == (200, "alive\n")
    assert _get(port, "/readyz") == (200, "ready\n")
    status, metrics = _get(port, "/metrics")
    assert status == 200 and 'veille_dependency_up{dependency="broker"}' in metrics
    engine.dispose()


def test_readyz_says_a_frozen_broker_is_unreachable(silent_peer) -> None:
    health = Health()
    Prober({"broker": kafka_check([silent_peer], timeout=1.0)}, health=health).probe()
    port = serve_metrics("127.0.0.1", free_port(), health=health)
    assert port is not None
    status, body = _get(port, "/readyz")
    assert status == 503
    assert body.startswith("broker: unreachable for") and "timed out" in body
    assert _get(port, "/healthz")[0] == 200


def test_readyz_says_the_store_is_unreachable_and_recovers_when_it_answers(pg_url) -> None:
    health = Health()
    closed = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/test"
    dead, live = create_engine(closed), create_engine(pg_url)
    Prober({"store": store_check(dead)}, health=health).probe()
    ready, body = health.readiness()
    assert not ready and body.startswith("store: unreachable")
    Prober({"store": store_check(live)}, health=health).probe()
    assert health.readiness() == (True, "ready")
    dead.dispose()
    live.dispose()


def test_readyz_reports_partitions_not_assigned() -> None:
    health = Health()
    health.condition("partitions", "none assigned for 31s")
    port = serve_metrics("127.0.0.1", free_port(), health=health)
    assert port is not None
    assert _get(port, "/readyz") == (503, "partitions: none assigned for 31s\n")
