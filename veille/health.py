"""Dependency health of one worker: outage logging an operator can read, metrics, and readiness.

- ``Dependency``: one thing the worker needs (the broker, the SQL store). ``down(reason)`` logs one
  WARNING line when it becomes unreachable, then a reminder at most once per ``remind_every``
  seconds with the outage's duration; ``up()`` logs one line when it is back. The gauge
  ``veille_dependency_up{dependency}`` and the counter ``veille_dependency_outages_total`` follow.
- ``Health``: a worker's dependencies plus named readiness conditions ("partitions": none assigned);
  ``/readyz`` answers with ``Health.readiness()``, the reason in the body when not ready.
- ``Prober``: a daemon thread that checks each dependency every few seconds (a Kafka ApiVersions
  round trip, ``SELECT 1``), so an idle worker notices an outage and its end as a busy one does.
"""

from __future__ import annotations

import logging
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable

import sqlalchemy as sa
from prometheus_client import Counter, Gauge

log = logging.getLogger(__name__)

DEPENDENCIES = ("broker", "store")

DEPENDENCY_UP = Gauge("veille_dependency_up", "1 when the dependency answers, 0 during an outage", ["dependency"])
DEPENDENCY_OUTAGES = Counter("veille_dependency_outages_total", "Outages seen, by dependency", ["dependency"])
for _name in DEPENDENCIES:
    DEPENDENCY_UP.labels(_name)
    DEPENDENCY_OUTAGES.labels(_name)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Dependency:
    """The up/down state of one dependency, logged once per change and reminded while down."""

    def __init__(self, name: str, *, remind_every: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self.remind_every = remind_every
        self._clock = clock
        self._lock = threading.Lock()
        self.reason: str | None = None
        self._down_since: float | None = None
        self._reminded_at = 0.0
        DEPENDENCY_UP.labels(name).set(1)

    @property
    def ok(self) -> bool:
        """True unless an outage is in progress."""
        return self._down_since is None

    def down_for(self) -> float:
        """Seconds since the outage began (0 when up)."""
        since = self._down_since
        return 0.0 if since is None else self._clock() - since

    def down(self, reason: str) -> None:
        """Record a failed check: one line at the start, then a reminder at most every ``remind_every``."""
        now = self._clock()
        with self._lock:
            self.reason = reason
            if self._down_since is None:
                self._down_since = self._reminded_at = now
                DEPENDENCY_UP.labels(self.name).set(0)
                DEPENDENCY_OUTAGES.labels(self.name).inc()
                log.warning("%s unreachable: %s", self.name, reason)
            elif now - self._reminded_at >= self.remind_every:
                self._reminded_at = now
                log.warning("%s still unreachable after %s: %s", self.name, _duration(now - self._down_since), reason)

    def up(self) -> None:
        """Record a successful check: one line if an outage ends."""
        with self._lock:
            if self._down_since is None:
                return
            lasted = self._clock() - self._down_since
            self._down_since = None
            self.reason = None
            DEPENDENCY_UP.labels(self.name).set(1)
            log.info("%s reachable again after %s", self.name, _duration(lasted))


class Health:
    """A worker's dependencies and readiness conditions, read by ``/healthz`` and ``/readyz``."""

    def __init__(self) -> None:
        self.dependencies: dict[str, Dependency] = {}
        self._conditions: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def dependency(self, name: str, remind_every: float = 60.0) -> Dependency:
        """The dependency called ``name`` (created on first use)."""
        with self._lock:
            if name not in self.dependencies:
                self.dependencies[name] = Dependency(name, remind_every=remind_every)
            return self.dependencies[name]

    def condition(self, name: str, problem: str | None) -> None:
        """Set a readiness condition: ``problem`` says why the worker is not ready, None clears it."""
        with self._lock:
            self._conditions[name] = problem

    def readiness(self) -> tuple[bool, str]:
        """(ready, body): every dependency up and no condition set; the body names what is wrong."""
        problems = [
            f"{dep.name}: unreachable for {_duration(dep.down_for())} ({dep.reason})"
            for dep in self.dependencies.values()
            if not dep.ok
        ]
        with self._lock:
            problems += [f"{name}: {problem}" for name, problem in self._conditions.items() if problem]
        return (not problems, "; ".join(problems) if problems else "ready")

    def reset(self) -> None:
        """Forget every dependency and condition (tests)."""
        with self._lock:
            self.dependencies.clear()
            self._conditions.clear()


HEALTH = Health()
"""This process's health: one worker per process, as with the metrics."""


Check = Callable[[], None]
"""Raises any exception when the dependency does not answer."""


def kafka_check(servers: list[str], security_protocol: str = "PLAINTEXT", timeout: float = 5.0) -> Check:
    """A check that one of ``servers`` answers a Kafka ApiVersions request within ``timeout``.

    A frozen broker (SIGSTOP) still accepts TCP connections; only an answer proves it is alive.
    """
    request = struct.pack(">hhih", 18, 0, 1, 6) + b"health"
    framed = struct.pack(">i", len(request)) + request

    def check() -> None:
        errors = []
        for server in servers:
            host, _, port = server.rpartition(":")
            try:
                with socket.create_connection((host, int(port)), timeout=timeout) as raw:
                    sock = raw
                    if "SSL" in security_protocol.upper():
                        sock = ssl.create_default_context().wrap_socket(raw, server_hostname=host)
                    sock.settimeout(timeout)
                    sock.sendall(framed)
                    header = sock.recv(8)
                    if len(header) < 8 or struct.unpack(">i", header[4:8])[0] != 1:
                        raise OSError("no ApiVersions answer")
                    return
            except (OSError, ValueError) as exc:
                errors.append(f"{server}: {exc or type(exc).__name__}")
        raise OSError("; ".join(errors) or "no bootstrap server")

    return check


def store_check(engine: sa.Engine) -> Check:
    """A check that the SQL store answers ``SELECT 1``."""

    def check() -> None:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))

    return check


class Prober:
    """Runs each dependency's check every ``interval`` seconds in a daemon thread."""

    def __init__(self, checks: dict[str, Check], health: Health = HEALTH, interval: float = 2.0) -> None:
        self.checks = checks
        self.health = health
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="health-prober", daemon=True)

    def start(self) -> Prober:
        """Probe once now (so readiness is right from the start), then in the background."""
        self.probe()
        self._thread.start()
        return self

    def probe(self) -> None:
        """Check every dependency once."""
        for name, check in self.checks.items():
            dependency = self.health.dependency(name)
            try:
                check()
            except Exception as exc:
                dependency.down(_one_line(exc))
            else:
                dependency.up()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.probe()

    def stop(self) -> None:
        """Stop probing."""
        self._stop.set()


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
