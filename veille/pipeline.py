"""How the workers are started: one alone, all three as child processes, or all once in-process.

- ``run_worker``: one worker in this process until SIGTERM/SIGINT (docker-compose runs three).
- ``run_all``: ``veille run``. Starts the embedded broker when no Kafka is configured, creates the
  topics, then the three workers as child processes that die with this one; a worker that crashes
  is restarted with backoff; Ctrl-C stops the workers (each finishes its batch), then the broker.
- ``run_once``: ``veille run --once``. In this process: poll every feed once, then drain process
  and alerts up to exactly the offsets the stage before wrote, then deliver what is due. Exit 0
  when every delivery succeeded.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

import sqlalchemy as sa
from kafka.producer.future import RecordMetadata
from kafka.structs import TopicPartition

from veille.broker import EmbeddedBroker
from veille.bus import Bus
from veille.children import die_with_parent
from veille.config import VeilleConfig
from veille.contracts import TOPICS
from veille.errors import ConfigError
from veille.store import create_engine
from veille.telemetry import serve_metrics

log = logging.getLogger(__name__)

_WORKERS = ("ingest", "process", "alerts")
_RESTART_BACKOFF_CAP = 60.0


def stop_on_signals() -> threading.Event:
    """An event set by SIGTERM or SIGINT; a second signal exits at once."""
    stop = threading.Event()

    def handler(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            os._exit(128 + signum)
        log.info("%s received: finishing the batch in hand, then stopping", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    return stop


@contextlib.contextmanager
def kafka_bus(config: VeilleConfig) -> Iterator[Bus]:
    """A Bus on the configured cluster, or on an embedded broker started (and stopped) here."""
    with contextlib.ExitStack() as stack:
        servers = config.kafka.bootstrap_servers
        if not servers:
            config.data_dir.mkdir(parents=True, exist_ok=True)
            broker = stack.enter_context(EmbeddedBroker(log_path=config.data_dir / "broker.log"))
            servers = broker.bootstrap_servers
        bus = Bus(config.kafka, servers)
        bus.ensure_topics(config.topic(short) for short in TOPICS)
        yield bus


def _metrics_port(config: VeilleConfig, worker: str) -> int:
    return int(getattr(config.metrics, f"{worker}_port"))


def run_worker(worker: str, config: VeilleConfig) -> int:
    """Run one worker until SIGTERM/SIGINT; needs ``kafka.bootstrap_servers``."""
    if not config.kafka.bootstrap_servers:
        raise ConfigError(
            ["kafka.bootstrap_servers: a lone worker needs a Kafka cluster (veille run starts an embedded one)"]
        )
    stop = stop_on_signals()
    serve_metrics(config.metrics.host, _metrics_port(config, worker))
    engine = create_engine(config.store_url)
    with kafka_bus(config) as bus:
        _worker_loop(worker, config, bus, engine, stop)
    engine.dispose()
    return 0


def _worker_loop(worker: str, config: VeilleConfig, bus: Bus, engine: sa.Engine, stop: threading.Event) -> None:
    if worker == "ingest":
        from ingest.worker import IngestWorker

        IngestWorker(config, bus, engine).run(stop)
    elif worker == "process":
        from process.worker import make_runner

        make_runner(config, bus).run(stop)
    elif worker == "alerts":
        from alerts.worker import AlertsWorker

        AlertsWorker(config, bus, engine).run(stop)
    else:  # pragma: no cover - argparse restricts the choice
        raise ConfigError([f"unknown worker {worker!r}"])


def run_all(config: VeilleConfig, config_path: Path) -> int:
    """``veille run``: the broker (if embedded) and the three workers, until Ctrl-C."""
    stop = stop_on_signals()
    with kafka_bus(config) as bus:
        servers = ",".join(bus.bootstrap_servers)
        print(f"veille: pipeline starting on Kafka {servers}, state in {config.data_dir} (Ctrl-C stops)", flush=True)
        children = {name: _spawn(name, config_path, servers) for name in _WORKERS}
        restarts = dict.fromkeys(_WORKERS, 0)
        try:
            while not stop.wait(0.5):
                for name, child in list(children.items()):
                    if child.poll() is None:
                        continue
                    restarts[name] += 1
                    delay = min(_RESTART_BACKOFF_CAP, 2.0 ** restarts[name])
                    log.error("%s worker exited with code %s; restarting in %.0fs", name, child.returncode, delay)
                    if stop.wait(delay):
                        break
                    children[name] = _spawn(name, config_path, servers)
        finally:
            _stop_children(children)
    print("veille: stopped", flush=True)
    return 0


def _spawn(worker: str, config_path: Path, servers: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "veille.cli", worker, "--config", str(config_path), "--bootstrap-servers", servers]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, preexec_fn=die_with_parent)


def _stop_children(children: dict[str, subprocess.Popen[bytes]], grace: float = 20.0) -> None:
    for child in children.values():
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    for name, child in children.items():
        try:
            child.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            log.warning("%s worker did not stop within %.0fs; killing it", name, grace)
            child.kill()
            child.wait()


def run_once(config: VeilleConfig, timeout: float = 300.0) -> int:
    """``veille run --once``: poll, drain, deliver, exit (0 when every delivery went out)."""
    from alerts.worker import AlertsWorker
    from ingest.worker import IngestWorker
    from process.worker import make_runner

    stop = stop_on_signals()
    deadline = time.monotonic() + timeout
    started = datetime.now(UTC)
    engine = create_engine(config.store_url)
    try:
        with kafka_bus(config) as bus:
            articles = IngestWorker(config, bus, engine).poll_once()
            process = make_runner(config, bus)
            try:
                detections = process.drain(end_offsets(articles), stop, timeout=_left(deadline))
            finally:
                process.close()
            alerts = AlertsWorker(config, bus, engine)
            try:
                fired = alerts.runner.drain(end_offsets(detections), stop, timeout=_left(deadline))
            finally:
                alerts.runner.close()
            undelivered = alerts.deliver_until_idle(stop, deadline=deadline, since=started)
    finally:
        engine.dispose()
    print(
        f"veille: once — {len(articles)} new articles, {len(detections)} detections, {len(fired)} alert notices, "
        f"{undelivered} deliveries not sent ({datetime.now(UTC):%H:%M:%S}Z)",
        file=sys.stderr,
    )
    return 0 if undelivered == 0 else 1


def _left(deadline: float) -> float:
    return max(1.0, deadline - time.monotonic())


def end_offsets(produced: list[RecordMetadata]) -> dict[TopicPartition, int]:
    """End offsets per partition (offset + 1 of the last record written there)."""
    ends: dict[TopicPartition, int] = {}
    for meta in produced:
        ends[meta.topic_partition] = max(ends.get(meta.topic_partition, 0), meta.offset + 1)
    return ends
