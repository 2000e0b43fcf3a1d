"""Benchmark: seconds from publication in a feed to the notification, through the whole pipeline.

``python -m bench.latency [--stories N] [--interval SECONDS]``

Runs what docker-compose runs, on loopback: the embedded broker, the three workers as separate
processes (SQLite store), a feed server, and a webhook receiver that timestamps arrivals. After a
warm-up story, it publishes N stories one by one (each a new Russia–North Korea agreement report)
and measures, for each, the time from the moment the item appeared in the feed to the moment the
webhook received the alert.

Baselines measured in the same run, on the same machine and broker:
- the feed poll interval (a story waits on average half of it before it is even fetched);
- a bare Kafka round trip (produce, acknowledge, consume) through the same broker.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, KafkaProducer

from tests.integration.pipeline.support import LEXICON, FeedServer
from veille.broker import EmbeddedBroker

_STORY = re.compile(r"Story-(\d+)")
_ITEM = """<item><title>{title}</title><link>https://example.org/bench/{n}</link><guid>bench-{n}</guid>
<source url="https://example.org/{source}">{source}</source><description>{summary}</description></item>"""


class Arrivals:
    """A webhook endpoint that records when each alert arrived, by the story number in its title."""

    def __init__(self) -> None:
        self.times: dict[int, float] = {}
        arrivals = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                text = self.rfile.read(length).decode("utf-8", "replace")
                for number in {int(n) for n in _STORY.findall(text)}:
                    arrivals.times.setdefault(number, time.monotonic())
                self.send_response(200)
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        """Where the webhook receiver posts."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"


def _feed(stories: list[int]) -> bytes:
    items = "".join(
        _ITEM.format(
            n=n,
            source=f"Outlet{n % 3}",
            title=f"Story-{n}: Russia and North Korea sign a treaty on cooperation number {n}",
            summary=f"Moscow and Pyongyang signed a new agreement on Tuesday, Story-{n} reports.",
        )
        for n in stories
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{items}</channel></rss>'.encode()


def _kafka_round_trip(servers: list[str], samples: int = 50) -> float:
    """Median seconds for one record to be produced, acknowledged and consumed (bare client baseline)."""
    topic = f"bench-rtt-{os.getpid()}"
    producer = KafkaProducer(bootstrap_servers=servers, acks="all", linger_ms=0)
    consumer = KafkaConsumer(bootstrap_servers=servers, auto_offset_reset="latest", enable_auto_commit=False)
    producer.send(topic, b"warm").get(timeout=10)
    from kafka.structs import TopicPartition

    partitions = [TopicPartition(topic, p) for p in (consumer.partitions_for_topic(topic) or {0})]
    consumer.assign(partitions)
    consumer.seek_to_end()
    consumer.poll(timeout_ms=100)
    timings = []
    for _ in range(samples):
        started = time.monotonic()
        producer.send(topic, b"x").get(timeout=10)
        while not consumer.poll(timeout_ms=50):
            pass
        timings.append(time.monotonic() - started)
    producer.close()
    consumer.close()
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the latencies and their ratios to the baselines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10)
    parser.add_argument("--interval", type=float, default=2.0, help="feed poll interval in seconds")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="veille-bench-"))
    arrivals = Arrivals()
    published: list[int] = []
    feeds = FeedServer({"/bench.xml": _feed([])}).start()
    with EmbeddedBroker() as broker:
        rtt = _kafka_round_trip(broker.bootstrap_servers)
        config = workdir / "bench.yaml"
        includes = "\n".join(f"  - {p}" for p in LEXICON)
        config.write_text(
            f"""include:
{includes}
data_dir: {workdir / "data"}
kafka: {{bootstrap_servers: [{broker.bootstrap_servers[0]}], session_timeout_ms: 6000}}
metrics: {{ingest_port: 0, process_port: 0, alerts_port: 0}}
feeds:
  - {{id: bench, url: "{feeds.url("/bench.xml")}", lang: en, interval: {args.interval}}}
rules:
  - {{name: bench, type: first_seen, event_type: agreement, actors: [RUS, PRK], lookback: 1s, realert: 1s,
      follow_ups: false, receivers: [hook]}}
receivers:
  - {{name: hook, type: webhook, url: "{arrivals.url}"}}
"""
        )
        log = (workdir / "workers.log").open("wb")
        workers = [
            subprocess.Popen(
                [sys.executable, "-m", "veille.cli", name, "--config", str(config)], stdout=log, stderr=log
            )
            for name in ("ingest", "process", "alerts")
        ]
        try:
            latencies = _measure(args, feeds, arrivals, published)
        finally:
            for worker in workers:
                worker.send_signal(signal.SIGTERM)
            for worker in workers:
                worker.wait(60)
            feeds.stop()
            arrivals.server.shutdown()
    if not latencies:
        print(f"no alert arrived; see {workdir / 'workers.log'}", file=sys.stderr)
        return 1
    total = [pair[0] for pair in latencies]
    pipeline = [pair[1] for pair in latencies]
    print("publication -> notification, whole pipeline (3 worker processes, embedded broker, SQLite)")
    print(f"  stories measured                 {len(latencies)} of {args.stories}")
    print(f"  publication -> notification      {_stats(total)}")
    print(f"  feed fetched -> notification     {_stats(pipeline)}")
    print(
        f"  baseline: poll interval {args.interval:.2f} s      "
        f"p50 total = {statistics.median(total) / args.interval:.2f} x"
    )
    print(
        f"  baseline: Kafka round trip {rtt * 1000:.1f} ms   p50 fetch->notify = "
        f"{statistics.median(pipeline) / rtt:.0f} x one bare hop"
    )
    return 0


def _stats(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"p50 {statistics.median(ordered):.2f} s   p95 {p95:.2f} s   max {ordered[-1]:.2f} s"


def _measure(
    args: argparse.Namespace, feeds: FeedServer, arrivals: Arrivals, published: list[int]
) -> list[tuple[float, float]]:
    """Per story: (publication -> notification, fetch -> notification) in seconds."""
    publish_times: dict[int, float] = {}

    def publish(number: int) -> None:
        published.append(number)
        feeds.documents["/bench.xml"] = _feed(published)
        publish_times[number] = time.monotonic()

    publish(0)  # warm-up: spaCy loading, consumer-group joins
    deadline = time.monotonic() + 120
    while 0 not in arrivals.times and time.monotonic() < deadline:
        time.sleep(0.1)
    if 0 not in arrivals.times:
        return []
    for number in range(1, args.stories + 1):
        time.sleep(max(args.interval * 1.5, 2.0))
        publish(number)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not all(n in arrivals.times for n in publish_times):
        time.sleep(0.1)
    measured = [n for n in publish_times if n and n in arrivals.times]
    fetched = {n: min(t for t in feeds.served_at if t >= publish_times[n]) for n in measured}
    return [(arrivals.times[n] - publish_times[n], arrivals.times[n] - fetched[n]) for n in measured]


if __name__ == "__main__":
    sys.exit(main())
