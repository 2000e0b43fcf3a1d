"""How the workers are started: one alone, all three as child processes, or all once in-process.

- ``run_worker``: one worker in this process until SIGTERM/SIGINT (docker-compose runs three).
- ``run_all``: ``veille run``. Starts the embedded broker when no Kafka is configured, creates the
  topics, then the three workers as child processes that die with this one; a worker that crashes
  is restarted with backoff, and so is the embedded broker (same port, topics recreated, lost
  articles requeued from SQL); Ctrl-C stops the workers (each finishes its batch), then the broker.
- ``run_once``: ``veille run --once``. In this process: poll every feed once, then drain process
  and alerts up to exactly the offsets the stage before wrote, then deliver what is due. Exit 0
  when every delivery succeeded.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import TypeVar

import sqlalchemy as sa
from kafka.producer.future import RecordMetadata
from kafka.structs import TopicPartition

from veille.broker import EmbeddedBroker
from veille.bus import Bus
from veille.children import die_with_parent
from veille.config import VeilleConfig
from veille.contracts import TOPICS
from veille.errors import ConfigError, TransientError
from veille.health import Prober, kafka_check, store_check
from veille.recovery import requeue_unprocessed
from veille.runner import Backoff
from veille.store import create_engine, outage
from veille.telemetry import serve_metrics

log = logging.getLogger(__name__)

_WORKERS = ("ingest", "process", "alerts")
_RESTART_BACKOFF_CAP = 60.0
_RECOVERY_WINDOW = timedelta(days=1)

T = TypeVar("T")


class Stop(threading.Event):
    """Set by SIGTERM or SIGINT. Until ``working()`` is called (the worker is still starting, e.g.
    loading spaCy models, with no batch in hand) the signal also ends start-up at once."""

    def __init__(self) -> None:
        super().__init__()
        self._working = False
        self._first: int | None = None

    def working(self) -> None:
        """From now on a signal only sets the event: the loop finishes its batch, then returns."""
        self._working = True

    def handle(self, signum: int, _frame: FrameType | None) -> None:
        """The signal handler (see class doc); the same signal a second time exits at once.

        Ctrl-C sends SIGINT to the whole process group and ``veille run`` then sends its workers
        SIGTERM: a different signal, which must not cut short the batch the first one lets finish.
        """
        if self.is_set():
            if signum == self._first:
                os._exit(128 + signum)
            return
        self._first = signum
        name = signal.Signals(signum).name
        self.set()
        if not self._working:
            log.info("%s received while starting: stopping now (no batch in hand)", name)
            raise SystemExit(0)
        log.info("%s received: finishing the batch in hand, then stopping", name)


def stop_on_signals(starting: bool = False) -> Stop:
    """A ``Stop`` set by SIGTERM or SIGINT; SIGUSR1 dumps every thread's stack to stderr.

    ``starting=True``: a signal before ``stop.working()`` ends start-up at once (SystemExit).
    """
    stop = Stop()
    if not starting:
        stop.working()
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    signal.signal(signal.SIGTERM, stop.handle)
    signal.signal(signal.SIGINT, stop.handle)
    return stop


@contextlib.contextmanager
def kafka_bus(config: VeilleConfig, broker: EmbeddedBroker | None = None) -> Iterator[Bus]:
    """A Bus on the configured cluster, or on an embedded broker started (and stopped) here.

    Pass ``broker`` (not started) to keep a handle on the embedded broker, as ``veille run`` does.
    """
    with contextlib.ExitStack() as stack:
        servers = config.kafka.bootstrap_servers
        if not servers:
            config.data_dir.mkdir(parents=True, exist_ok=True)
            broker = broker or EmbeddedBroker(log_path=config.data_dir / "broker.log")
            stack.enter_context(broker)
            servers = broker.bootstrap_servers
        bus = Bus(config.kafka, servers)
        bus.ensure_topics(all_topics(config))
        yield bus


def all_topics(config: VeilleConfig) -> list[str]:
    """Every topic of the pipeline, with the configured prefix."""
    return [config.topic(short) for short in TOPICS]


def _metrics_port(config: VeilleConfig, worker: str) -> int:
    return int(getattr(config.metrics, f"{worker}_port"))


def run_worker(worker: str, config: VeilleConfig) -> int:
    """Run one worker until SIGTERM/SIGINT; needs ``kafka.bootstrap_servers``."""
    if not config.kafka.bootstrap_servers:
        raise ConfigError(
            ["kafka.bootstrap_servers: a lone worker needs a Kafka cluster (veille run starts an embedded one)"]
        )
    stop = stop_on_signals(starting=True)
    serve_metrics(config.metrics.host, _metrics_port(config, worker))
    engine = create_engine(config.store_url)
    checks = {"broker": kafka_check(config.kafka.bootstrap_servers, config.kafka.security_protocol)}
    if worker != "process":  # process keeps no state in SQL
        checks["store"] = store_check(engine)
    prober = Prober(checks).start()
    try:
        bus = Bus(config.kafka, config.kafka.bootstrap_servers)
        if _patiently(lambda: _topics_ready(bus, config), stop):
            _worker_loop(worker, config, bus, engine, stop)
    finally:
        prober.stop()
        engine.dispose()
        # Work is committed and flushed: spare the exit a full garbage collection of the spaCy
        # models and caches (seconds on a busy machine, enough to miss the 10 s SIGTERM budget).
        gc.freeze()
    return 0


def _patiently(step: Callable[[], T], stop: Stop) -> T | None:
    """Run a start-up ``step`` (topics, tables, a worker's construction), waiting with capped backoff
    while Kafka or the store is unreachable; None if stopped first.

    The store can drop connections while a worker starts (a restart, an operator's terminate): the
    worker waits for it as its loop does, instead of exiting with a traceback.
    """
    attempt = 0
    while not stop.is_set():
        try:
            return step()
        except (TransientError, sa.exc.DBAPIError) as exc:
            reason = _unavailable(exc)
            if reason is None:
                raise
            attempt += 1
            delay = Backoff(base=1.0, cap=30.0).delay(attempt)
            log.log(logging.WARNING if attempt == 1 else logging.DEBUG, "%s; retrying in %.1fs", reason, delay)
            stop.wait(delay)
    return None


def _topics_ready(bus: Bus, config: VeilleConfig) -> bool:
    bus.ensure_topics(all_topics(config))
    return True


def _unavailable(exc: Exception) -> str | None:
    """One line saying which dependency is unavailable, or None when ``exc`` is no outage."""
    if isinstance(exc, TransientError):
        return str(exc)
    return outage(exc) if isinstance(exc, sa.exc.DBAPIError) else None


def _worker_loop(worker: str, config: VeilleConfig, bus: Bus, engine: sa.Engine, stop: Stop) -> None:
    if worker == "ingest":
        from ingest.worker import IngestWorker

        ingest = _patiently(lambda: IngestWorker(config, bus, engine), stop)
        if ingest is not None:
            stop.working()
            ingest.run(stop)
    elif worker == "process":
        from process.worker import make_runner

        process = make_runner(config, bus)  # loads the spaCy models: seconds
        stop.working()
        process.run(stop)
    elif worker == "alerts":
        from alerts.worker import AlertsWorker

        alerts = _patiently(lambda: AlertsWorker(config, bus, engine), stop)
        if alerts is not None:
            stop.working()
            alerts.run(stop)
    else:  # pragma: no cover - argparse restricts the choice
        raise ConfigError([f"unknown worker {worker!r}"])


def run_all(config: VeilleConfig, config_path: Path) -> int:
    """``veille run``: the broker (if embedded) and the three workers, until Ctrl-C.

    Workers and the embedded broker are supervised alike: a death is noticed (and reaped) within
    half a second and the process restarted with backoff; the broker on the same port, with its
    topics recreated and the articles it lost given back to ingest (``veille.recovery``).
    """
    stop = stop_on_signals()
    broker = None if config.kafka.bootstrap_servers else EmbeddedBroker(log_path=config.data_dir / "broker.log")
    with kafka_bus(config, broker) as bus:
        servers = ",".join(bus.bootstrap_servers)
        print(f"veille: pipeline starting on Kafka {servers}, state in {config.data_dir} (Ctrl-C stops)", flush=True)
        supervisor = _BrokerSupervisor(broker, bus, config) if broker is not None else None
        children = {name: _spawn(name, config_path, servers) for name in _WORKERS}
        restarts = dict.fromkeys(_WORKERS, 0)
        try:
            while not stop.wait(0.5):
                if supervisor is not None:
                    supervisor.check(stop)
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


class _BrokerSupervisor:
    """Notices the embedded broker's death, restarts it in place, recreates topics, requeues lost work."""

    def __init__(self, broker: EmbeddedBroker, bus: Bus, config: VeilleConfig) -> None:
        self.broker = broker
        self.bus = bus
        self.config = config
        self.started_at = datetime.now(UTC)
        self.failures = 0

    def check(self, stop: threading.Event) -> None:
        """Restart the broker if it died; on failure, retry at the next check after a backoff."""
        if self.broker.running():
            return
        log.error("embedded broker exited with code %s; restarting it on the same port", self.broker.exit_code())
        # Records older than a day were consumed long ago (back-pressure bounds the lag), and
        # detections are pruned eventually: an older "seen but not recorded" is not a loss.
        lost_since = max(self.started_at, datetime.now(UTC) - _RECOVERY_WINDOW)
        try:
            self.started_at = datetime.now(UTC)
            self.broker.restart()
            self.bus.ensure_topics(all_topics(self.config))
        except TransientError as exc:
            self.failures += 1
            delay = min(_RESTART_BACKOFF_CAP, 2.0**self.failures)
            log.error("embedded broker restart failed (%s); trying again in %.0fs", exc, delay)
            stop.wait(delay)
            return
        self.failures = 0
        engine = create_engine(self.config.store_url)
        try:
            requeued = requeue_unprocessed(engine, since=lost_since, now=datetime.now(UTC))
        except sa.exc.SQLAlchemyError as exc:
            log.error("could not requeue the articles the broker lost (%s); they stay lost", exc)
        else:
            log.warning(
                "embedded broker restarted on %s with empty topics; %d articles requeued for ingest",
                ",".join(self.bus.bootstrap_servers),
                requeued.articles,
            )
        finally:
            engine.dispose()


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
