"""Logging set-up, the HTTP endpoint of each worker, and the metrics of the shared stage runner.

Each worker serves ``/metrics`` (Prometheus), ``/healthz`` (200 while the process serves) and
``/readyz`` (200 "ready", or 503 with the reason: a dependency down, no partitions assigned) on
its metrics port. Third-party loggers (kafka-python, httpx) are rate-limited: a broker outage
makes them log on every reconnect, so past a few lines a minute they are counted and summarised.

Metric names follow ``veille_<stage>_<thing>_<unit>``; labels are bounded enums (stage names,
outcomes), never URLs, ids or free text. Worker-specific metrics live in each worker's
``metrics.py``.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import Counter, Gauge, Histogram, Info, make_wsgi_app

from veille import __version__
from veille.health import HEALTH, Health

_THIRD_PARTY = ("kafka", "urllib3", "httpx", "httpcore")

STAGES = ("ingest", "process", "alerts")

BUILD_INFO = Info("veille_build", "Version of the running veille worker")
BUILD_INFO.info({"version": __version__})

STAGE_RECORDS = Counter(
    "veille_stage_records_total",
    "Records a stage consumed, by outcome (handled, dead_lettered)",
    ["stage", "outcome"],
)
STAGE_BATCH_SECONDS = Histogram(
    "veille_stage_batch_seconds",
    "Time to handle one consumed batch, from decode to committed offsets",
    ["stage"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
STAGE_RETRIES = Counter(
    "veille_stage_retries_total", "Batches retried after a transient failure (Kafka, database)", ["stage"]
)
STAGE_LAG = Gauge("veille_stage_lag_records", "Records left to consume on the assigned partitions", ["stage"])
STAGE_CLIENT_REBUILDS = Counter(
    "veille_stage_client_rebuilds_total", "Kafka consumers rebuilt after losing their partitions", ["stage"]
)

STAGE_BACKPRESSURE_SECONDS = Counter(
    "veille_stage_backpressure_seconds_total",
    "Time a stage waited because the stage downstream lagged too far behind",
    ["stage"],
)

for _stage in STAGES:
    for _outcome in ("handled", "dead_lettered"):
        STAGE_RECORDS.labels(_stage, _outcome)
    STAGE_BATCH_SECONDS.labels(_stage)
    STAGE_RETRIES.labels(_stage)
    STAGE_LAG.labels(_stage)
    STAGE_CLIENT_REBUILDS.labels(_stage)
    STAGE_BACKPRESSURE_SECONDS.labels(_stage)


def setup_logging(level: str | None = None) -> None:
    """One-line log records on stderr; level from ``level`` or ``VEILLE_LOG_LEVEL`` (default INFO)."""
    chosen = (level or os.environ.get("VEILLE_LOG_LEVEL") or "INFO").upper()
    logging.basicConfig(
        level=chosen,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in _THIRD_PARTY:  # httpx logs every request URL at INFO
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, ThirdPartyRateLimit) for f in handler.filters):
            handler.addFilter(ThirdPartyRateLimit())


class ThirdPartyRateLimit(logging.Filter):
    """Lets through ``burst`` records per third-party library per ``period``; summarises the rest.

    The first record let through after a suppression says how many were dropped, so an outage
    shows as a few lines a minute, not hundreds; a record's traceback is cut to its last line.
    """

    def __init__(
        self,
        burst: int = 5,
        period: float = 60.0,
        prefixes: Iterable[str] = _THIRD_PARTY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.burst = burst
        self.period = period
        self.prefixes = tuple(prefixes)
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int, int]] = {}  # library -> (window start, passed, dropped)

    def filter(self, record: logging.LogRecord) -> bool:
        """True to emit ``record``; third-party records beyond the burst are counted and dropped."""
        library = record.name.split(".", 1)[0]
        if library not in self.prefixes:
            return True
        now = self._clock()
        with self._lock:
            start, passed, dropped = self._windows.get(library, (now, 0, 0))
            if now - start >= self.period:
                start, passed = now, 0
            if passed >= self.burst:
                self._windows[library] = (start, passed, dropped + 1)
                return False
            self._windows[library] = (start, passed + 1, 0)
        if record.exc_info and record.exc_info[1] is not None:  # one line: the exception, not its traceback
            error = record.exc_info[1]
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args, record.exc_info, record.exc_text = None, None, None
        if dropped:
            record.msg = f"{record.getMessage()} [{dropped} similar {library} messages suppressed]"
            record.args = None
        return True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *_args: Any) -> None:  # scrapes and probes every few seconds: no access log
        pass


def health_app(health: Health = HEALTH) -> Callable[..., Iterable[bytes]]:
    """A WSGI app: ``/healthz``, ``/readyz`` from ``health``, everything else to the Prometheus app."""
    metrics = make_wsgi_app()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            status, body = "200 OK", "alive"
        elif path == "/readyz":
            ready, body = health.readiness()
            status = "200 OK" if ready else "503 Service Unavailable"
        else:
            return metrics(environ, start_response)
        payload = (body + "\n").encode("utf-8")
        start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(payload)))])
        return [payload]

    return app


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def serve_metrics(host: str, port: int, health: Health = HEALTH) -> int | None:
    """Serve ``/metrics``, ``/healthz`` and ``/readyz`` on ``host:port`` in a background thread.

    Port 0 means no endpoint; returns the bound port.
    """
    if port == 0:
        return None
    server = make_server(host, port, health_app(health), _Server, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, name="metrics-http", daemon=True).start()
    bound = int(server.server_address[1])
    logging.getLogger(__name__).info("metrics, /healthz and /readyz on http://%s:%d/", host, bound)
    return bound
