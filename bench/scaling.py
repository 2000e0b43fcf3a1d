"""Benchmark: the process stage's throughput with 1 and 2 replicas sharing the ``articles`` partitions.

``python -m bench.scaling [--articles N] [--replicas 1,2] [--runs N]``

For each run: a fresh embedded broker with ``veille.articles`` in 4 partitions, and R process
workers (``veille.cli process``, separate processes) in one consumer group. A trickle of warm-up
articles runs until every replica's ``/metrics`` shows it handled some (spaCy loaded, group joined,
partitions shared), then N articles (the mixed stream of ``bench.extract``) are produced at once.
The rate is taken between the 10th and the 90th percentile of their detections' Kafka
timestamps. Medians over ``--runs``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, KafkaProducer
from kafka.structs import TopicPartition

from bench.extract import _articles, stream
from bench.harness import Workers, median, metric, scrape, write_config
from veille.broker import EmbeddedBroker, free_port
from veille.bus import Bus
from veille.config.runtime import KafkaConfig
from veille.contracts import TOPICS, topic_name

_PARTITIONS = 4
_WARM = b"warm-"


def _timestamps(servers: list[str], count: int, workers: list[Workers], timeout: float) -> list[float]:
    """The Kafka timestamps (seconds) of the detections of the ``count`` backlog articles, sorted."""
    consumer = KafkaConsumer(bootstrap_servers=servers, enable_auto_commit=False, fetch_max_wait_ms=100)
    consumer.assign([TopicPartition("veille.detections", p) for p in range(_PARTITIONS)])
    consumer.seek_to_beginning()
    stamps: list[float] = []
    deadline = time.monotonic() + timeout
    try:
        while len(stamps) < count:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{len(stamps)} of {count} detections within {timeout:.0f}s")
            for replica in workers:
                replica.check()
            for batch in consumer.poll(timeout_ms=500).values():
                stamps.extend(r.timestamp / 1000 for r in batch if not r.key.startswith(_WARM))
    finally:
        consumer.close()
    return sorted(stamps)


def _warm_up(producer: KafkaProducer, ports: list[int], workers: list[Workers], timeout: float = 180.0) -> None:
    """Trickle articles until every replica has handled some: all have loaded spaCy and hold partitions."""
    warm = _articles(stream(_PARTITIONS * 8))
    handled = "veille_stage_records_total"
    deadline = time.monotonic() + timeout
    number = 0
    while not all(metric(scrape(port), handled, stage="process", outcome="handled") > 0 for port in ports):
        if time.monotonic() > deadline:
            raise RuntimeError(f"process replicas not all consuming within {timeout:.0f}s")
        for replica in workers:
            replica.check()
        article = warm[number % len(warm)]
        producer.send("veille.articles", key=_WARM + str(number).encode(), value=article.to_bytes())
        producer.flush()
        number += 1
        time.sleep(0.1)


def _one(payloads: list[tuple[bytes, bytes]], replicas: int, workdir: Path) -> float:
    with EmbeddedBroker() as broker, contextlib.ExitStack() as stack:
        servers = broker.bootstrap_servers
        kafka = KafkaConfig(partitions=_PARTITIONS)
        Bus(kafka, servers).ensure_topics(topic_name("veille", short) for short in TOPICS)
        producer = KafkaProducer(bootstrap_servers=servers, linger_ms=20, batch_size=256 * 1024)
        ports = [free_port() for _ in range(replicas)]
        workers = [
            stack.enter_context(Workers(
                write_config(workdir / f"scaling-{replicas}-{i}.yaml", servers=servers,
                             store=f"sqlite:///{workdir / 'unused.db'}", body="", metrics={"process": port}),
                ["process"], workdir / f"workers-{replicas}-{i}.log",
            ))
            for i, port in enumerate(ports)
        ]  # fmt: skip
        _warm_up(producer, ports, workers)
        for key, value in payloads:
            producer.send("veille.articles", key=key, value=value)
        producer.flush()
        producer.close()
        stamps = _timestamps(servers, len(payloads), workers, timeout=120 + len(payloads) / 20)
    low, high = stamps[len(stamps) // 10], stamps[len(stamps) * 9 // 10]
    return (len(stamps) * 0.8) / max(high - low, 1e-3)


def run(articles: int = 20_000, replicas: Sequence[int] = (1, 2), runs: int = 2) -> dict[str, Any]:
    """Articles per second of the process stage for each replica count (median of ``runs``)."""
    payloads = [(a.id.encode(), a.to_bytes()) for a in _articles(stream(articles))]
    workdir = Path(tempfile.mkdtemp(prefix="veille-bench-scaling-"))
    rates: dict[int, list[float]] = {r: [] for r in replicas}
    for _ in range(runs):
        for count in replicas:
            rates[count].append(_one(payloads, count, workdir))
    base = median(rates[replicas[0]])
    return {
        "articles": articles,
        "runs": runs,
        "process_replicas": {str(r): median(v) for r, v in rates.items()},
        "speedup": {str(r): median(v) / base for r, v in rates.items()},
        "all_runs": {str(r): v for r, v in rates.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print articles per second per replica count and the speed-up over one replica."""
    parser = argparse.ArgumentParser(prog="python -m bench.scaling", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--replicas", default="1,2")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    result = run(args.articles, tuple(int(r) for r in args.replicas.split(",")), args.runs)
    for replicas, rate in result["process_replicas"].items():
        print(f"{replicas} process replica(s): {rate:8.0f} articles/s  ({result['speedup'][replicas]:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
