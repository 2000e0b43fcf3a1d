"""Logging set-up, the Prometheus endpoint of each worker, and the metrics of the shared stage runner.

Metric names follow ``veille_<stage>_<thing>_<unit>``; labels are bounded enums (stage names,
outcomes), never URLs, ids or free text. Worker-specific metrics live in each worker's
``metrics.py``.
"""

from __future__ import annotations

import logging
import os
import sys

from prometheus_client import Counter, Gauge, Histogram, Info, start_http_server

from veille import __version__

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

for _stage in STAGES:
    for _outcome in ("handled", "dead_lettered"):
        STAGE_RECORDS.labels(_stage, _outcome)
    STAGE_BATCH_SECONDS.labels(_stage)
    STAGE_RETRIES.labels(_stage)
    STAGE_LAG.labels(_stage)
    STAGE_CLIENT_REBUILDS.labels(_stage)


def setup_logging(level: str | None = None) -> None:
    """One-line log records on stderr; level from ``level`` or ``VEILLE_LOG_LEVEL`` (default INFO)."""
    chosen = (level or os.environ.get("VEILLE_LOG_LEVEL") or "INFO").upper()
    logging.basicConfig(
        level=chosen,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("kafka", "urllib3", "httpx", "httpcore"):  # httpx logs every request URL at INFO
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))


def serve_metrics(host: str, port: int) -> int | None:
    """Serve ``/metrics`` on ``host:port`` in a background thread (port 0: no endpoint); return the port."""
    if port == 0:
        return None
    server, _thread = start_http_server(port, addr=host)
    bound = int(server.server_address[1])
    logging.getLogger(__name__).info("metrics on http://%s:%d/metrics", host, bound)
    return bound
