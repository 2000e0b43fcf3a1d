"""Benchmark: what veille's stage runner costs over a bare kafka-python consume → produce loop.

``python -m bench.overhead [--records N] [--runs N]``

Both loops move the same N Article records from one topic to another on the same embedded broker,
in this process, batch by batch, committing offsets after each batch is acknowledged:

- *runner*: the process worker's ``StageRunner`` (batches of 64, ``veille.bus`` clients) with the
  extraction replaced by an identity handler, so it pays for decoding, validating and re-encoding
  each record, the dead-letter bookkeeping and the metrics;
- *raw*: ``KafkaConsumer.poll`` → ``KafkaProducer.send`` of the same bytes → ``flush`` → ``commit``
  with kafka-python's defaults (idempotent, ``acks=all``), the same batch size and fetch wait.
  Its producer batches and per-partition fetches stay at the defaults (16 kB, 1 MB) where
  ``veille.bus`` uses 256 kB for both; docs/PERFORMANCE.md also gives the raw loop with 256 kB batches.

Each loop is timed from its first record to its last, and run ``--runs`` times alternately; the
medians are compared (target: runner ≥ 0.8 × raw). The CPU time of this process per record (all
threads) is reported beside: on a machine shared with other work, wall-clock rates swing with the
load, the CPU cost per record much less.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

from kafka import KafkaConsumer, KafkaProducer
from kafka.structs import OffsetAndMetadata

from bench.extract import _articles, stream
from bench.harness import median
from veille.broker import EmbeddedBroker
from veille.bus import Bus
from veille.config.runtime import KafkaConfig
from veille.contracts import Article, Contract
from veille.runner import Outgoing, StageRunner

_BATCH = 64
_KAFKA = KafkaConfig(session_timeout_ms=6000)


def _fill(servers: list[str], topic: str, payloads: list[tuple[bytes, bytes]]) -> None:
    producer = KafkaProducer(bootstrap_servers=servers, linger_ms=20, batch_size=256 * 1024)
    for key, value in payloads:
        producer.send(topic, key=key, value=value)
    producer.flush()
    producer.close()


def _runner_rate(bus: Bus, source: str, target: str, count: int) -> tuple[float, float]:
    def identity(messages: Sequence[Contract]) -> list[Outgoing]:
        return [Outgoing(target, m.id, m) for m in messages if isinstance(m, Article)]

    runner = StageRunner(
        "process", bus, group_id=f"g-{source}", source_topic=source, model=Article, handler=identity,
        dlq_topic=f"{source}-dlq", batch_size=_BATCH,
    )  # fmt: skip
    stop = threading.Event()
    done, started, cpu = 0, 0.0, 0.0
    try:
        while done < count:
            produced = runner.step(stop)
            if produced and not started:
                started, cpu = time.perf_counter(), time.process_time()
                count -= len(produced)  # timing starts after the first batch
                continue
            done += len(produced)
        return done / (time.perf_counter() - started), (time.process_time() - cpu) / done
    finally:
        runner.close()


def _raw_rate(servers: list[str], source: str, target: str, count: int) -> tuple[float, float]:
    consumer = KafkaConsumer(
        source, bootstrap_servers=servers, group_id=f"g-{source}", enable_auto_commit=False,
        auto_offset_reset="earliest", session_timeout_ms=_KAFKA.session_timeout_ms,
        heartbeat_interval_ms=_KAFKA.heartbeat_interval_ms, max_poll_records=_BATCH,
        fetch_max_wait_ms=_KAFKA.fetch_max_wait_ms,
    )  # fmt: skip
    producer = KafkaProducer(bootstrap_servers=servers, acks="all")
    done, started, cpu = 0, 0.0, 0.0
    try:
        while done < count:
            polled = consumer.poll(timeout_ms=500, max_records=_BATCH)
            if not polled:
                continue
            moved = 0
            for batch in polled.values():
                for record in batch:
                    producer.send(target, key=record.key, value=record.value)
                    moved += 1
            producer.flush()
            consumer.commit({tp: OffsetAndMetadata(b[-1].offset + 1, "", -1) for tp, b in polled.items()})
            if not started:
                started, cpu = time.perf_counter(), time.process_time()
                count -= moved
                continue
            done += moved
        return done / (time.perf_counter() - started), (time.process_time() - cpu) / done
    finally:
        consumer.close(autocommit=False)
        producer.close()


def run(records: int = 20_000, runs: int = 3, compression: str | None = None) -> dict[str, Any]:
    """Records per second of both loops (medians of ``runs``) and their ratio.

    ``compression`` sets the runner's ``kafka.compression_type`` (the raw loop never compresses).
    """
    articles = _articles(stream(records))
    payloads = [(a.id.encode(), a.to_bytes()) for a in articles]
    runner_rates, raw_rates, runner_cpu, raw_cpu = [], [], [], []
    with EmbeddedBroker() as broker:
        servers = broker.bootstrap_servers
        bus = Bus(_KAFKA.model_copy(update={"compression_type": compression}), servers)
        for attempt in range(runs):
            names = [f"{kind}-{attempt}-{suffix}" for kind in ("runner", "raw") for suffix in ("in", "out", "in-dlq")]
            bus.ensure_topics(names)
            _fill(servers, f"runner-{attempt}-in", payloads)
            _fill(servers, f"raw-{attempt}-in", payloads)
            rate, cpu = _runner_rate(bus, f"runner-{attempt}-in", f"runner-{attempt}-out", records)
            runner_rates.append(rate)
            runner_cpu.append(cpu)
            rate, cpu = _raw_rate(servers, f"raw-{attempt}-in", f"raw-{attempt}-out", records)
            raw_rates.append(rate)
            raw_cpu.append(cpu)
    runner, raw = median(runner_rates), median(raw_rates)
    return {
        "records": records,
        "runs": runs,
        "compression": compression,
        "runner_records_per_s": runner,
        "raw_records_per_s": raw,
        "ratio": runner / raw,
        "runner_cpu_us_per_record": median(runner_cpu) * 1e6,
        "raw_cpu_us_per_record": median(raw_cpu) * 1e6,
        "cpu_ratio": median(raw_cpu) / median(runner_cpu),
        "runner_runs": runner_rates,
        "raw_runs": raw_rates,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print both rates and the ratio; exit 1 below 0.8."""
    parser = argparse.ArgumentParser(prog="python -m bench.overhead", description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compression", choices=("gzip", "lz4", "zstd", "snappy"), help="the runner's producers")
    args = parser.parse_args(argv)
    result = run(args.records, args.runs, args.compression)
    print(f"runner (identity handler): {result['runner_records_per_s']:8.0f} records/s")
    print(f"raw kafka-python loop:     {result['raw_records_per_s']:8.0f} records/s")
    print(f"ratio: {result['ratio']:.2f} (target >= 0.8)")
    print(
        f"CPU per record (this process, all threads): runner {result['runner_cpu_us_per_record']:.0f} us, "
        f"raw {result['raw_cpu_us_per_record']:.0f} us, raw/runner {result['cpu_ratio']:.2f}"
    )
    return 0 if result["ratio"] >= 0.8 else 1


if __name__ == "__main__":
    sys.exit(main())
