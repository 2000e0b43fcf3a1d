"""Probe: how long a record waits for a consumer blocked in ``poll``, per ``fetch_max_wait_ms``.

``python -m bench.fetch_wait [--waits 500,100,50,20,10] [--samples 30]``

On the embedded broker, for each setting: a group consumer blocks in ``poll`` while another thread
produces one record at a random moment; the delay from ``send`` to ``poll`` returning it is one
hop's wait. The idle CPU share of the consumer (polling an empty topic) is the price. This is how
``kafka.fetch_max_wait_ms`` got its default (see docs/PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import random
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

from kafka import KafkaConsumer, KafkaProducer

from bench.harness import median, percentile
from veille.broker import EmbeddedBroker


def _probe(servers: list[str], producer: KafkaProducer, wait_ms: int, samples: int) -> dict[str, float]:
    topic = f"probe-{wait_ms}"
    producer.send(topic, b"first").get(timeout=10)
    consumer = KafkaConsumer(
        topic, bootstrap_servers=servers, group_id=topic, auto_offset_reset="earliest",
        session_timeout_ms=6000, heartbeat_interval_ms=1000, fetch_max_wait_ms=wait_ms,
    )  # fmt: skip
    try:
        while not consumer.poll(timeout_ms=1000):
            pass
        cpu, wall = time.process_time(), time.monotonic()
        for _ in range(3):
            consumer.poll(timeout_ms=1000)
        idle = (time.process_time() - cpu) / (time.monotonic() - wall)
        delays = []
        for _ in range(samples):
            sent: list[float] = []

            def send(sent: list[float] = sent) -> None:
                time.sleep(random.uniform(0.05, 0.6))
                sent.append(time.monotonic())
                producer.send(topic, b"x")

            thread = threading.Thread(target=send)
            thread.start()
            while not consumer.poll(timeout_ms=2000):
                pass
            delays.append(time.monotonic() - sent[0])
            thread.join()
    finally:
        consumer.close()
    return {"p50_ms": median(delays) * 1000, "p90_ms": percentile(delays, 0.9) * 1000, "idle_cpu_share": idle}


def run(waits: Sequence[int] = (500, 100, 50, 20, 10), samples: int = 30) -> dict[str, Any]:
    """Per ``fetch_max_wait_ms``: p50 and p90 of one hop's wait, and the idle consumer's CPU share."""
    with EmbeddedBroker() as broker:
        producer = KafkaProducer(bootstrap_servers=broker.bootstrap_servers, linger_ms=0)
        try:
            return {str(wait): _probe(broker.bootstrap_servers, producer, wait, samples) for wait in waits}
        finally:
            producer.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per setting."""
    parser = argparse.ArgumentParser(prog="python -m bench.fetch_wait", description=__doc__.splitlines()[0])
    parser.add_argument("--waits", default="500,100,50,20,10")
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args(argv)
    for wait, figures in run([int(w) for w in args.waits.split(",")], args.samples).items():
        print(
            f"fetch_max_wait_ms={wait:>4}: hop wait p50 {figures['p50_ms']:6.1f} ms, p90 {figures['p90_ms']:6.1f} ms; "
            f"idle consumer {figures['idle_cpu_share'] * 100:4.1f}% of a core"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
