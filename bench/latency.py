"""Benchmark: seconds from publication in a feed to the webhook, through the whole pipeline.

``python -m bench.latency [--stories N] [--interval SECONDS] [--stores sqlite,postgresql]``

Runs what docker-compose runs, on loopback: the embedded broker, the three workers as separate
processes, a feed server, and a webhook receiver that timestamps arrivals; once with a SQLite file
and once with PostgreSQL. After a warm-up story it publishes N stories at a steady rate (each a new
Russia–North Korea agreement report) and measures, for each, publication → webhook, split into
the **poll wait** (publication → the feed server sent the document that holds it) and the
**pipeline's own time** (that response → the webhook received the alert).

Receivers send at most one message per second each, so the stories go round-robin over ``lanes``
outlets, each with its own rule and receiver: every lane sees a story every ``lanes × spacing``
seconds (> 1 s), and no story waits for a rate-limit slot.

Baselines measured in the same run, on the same broker: the poll interval (a story waits on average
half of it before it is fetched) and a bare Kafka round trip (produce, acknowledge, consume).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from kafka import KafkaConsumer, KafkaProducer
from kafka.structs import TopicPartition

from bench.harness import LATE_S, Arrivals, Workers, median, percentile, store_url, wait_for, write_config
from tests.integration.pipeline.support import FeedServer
from veille.broker import EmbeddedBroker

_ITEM = """<item><title>{title}</title><link>https://example.org/bench/{n}</link><guid>bench-{n}</guid>
<pubDate>{date}</pubDate><source url="https://example.org/{source}">{source}</source>
<description>{summary}</description></item>"""
_STORY = re.compile(r"Story-(\d+)")
_FEED_ITEMS = 60  # the feed keeps its latest items, as real feeds do
_WARM_UP = 1_000_000  # story numbers of the warm-up stories


def _feed(stories: list[tuple[int, str, str]], links: str = "") -> bytes:
    """The feed's RSS with its latest ``stories``; ``links``: channel-level atom:link elements (WebSub)."""
    items = "".join(
        _ITEM.format(
            n=n,
            source=source,
            date=date,
            title=f"Story-{n}: Russia and North Korea sign a treaty on cooperation number {n}",
            summary=f"Moscow and Pyongyang signed a new agreement on Tuesday, Story-{n} reports.",
        )
        for n, source, date in reversed(stories[-_FEED_ITEMS:])
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
        f"<channel><title>bench</title>{links}{items}</channel></rss>"
    ).encode()


def kafka_round_trip(servers: list[str], samples: int = 50) -> float:
    """Median seconds for one record to be produced, acknowledged and consumed (bare client baseline)."""
    topic = f"bench-rtt-{os.getpid()}"
    producer = KafkaProducer(bootstrap_servers=servers, acks="all", linger_ms=0)
    consumer = KafkaConsumer(bootstrap_servers=servers, auto_offset_reset="latest", enable_auto_commit=False)
    producer.send(topic, b"warm").get(timeout=10)
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
    return median(timings)


def _config_body(feed_url: str, hook_url: str, interval: float, lanes: int, ingest: str = "") -> str:
    """Feed, lanes' rules and receivers; ``ingest.min_interval`` lowered so the feed is polled every ``interval``.

    A lane's stories are ``lanes × spacing`` (2 s) apart, but their pubDates have whole seconds:
    two of them may be 1 s apart in event time, so the rules look back and realert 0.5 s only
    (with 1 s, such a story fired nothing and reached the webhook with the lane's next one, 2 s late).
    """
    rules = "\n".join(
        f"  - {{name: lane{k}, type: first_seen, event_type: agreement, actors: [RUS, PRK], sources: [Outlet{k}],"
        f" lookback: 0.5s, realert: 0.5s, follow_ups: false, receivers: [hook{k}]}}"
        for k in range(lanes)
    )
    receivers = "\n".join(f'  - {{name: hook{k}, type: webhook, url: "{hook_url}"}}' for k in range(lanes))
    return f"""ingest: {{min_interval: {interval}{", " + ingest if ingest else ""}}}
feeds:
  - {{id: bench, url: "{feed_url}", lang: en, interval: {interval}}}
rules:
{rules}
receivers:
{receivers}
"""


def run_store(
    store: str, *, stories: int = 200, interval: float = 1.0, spacing: float = 0.25, lanes: int = 8, kafka: str = ""
) -> dict[str, Any]:
    """Latencies of ``stories`` stories through the pipeline on ``store`` (``sqlite`` or ``postgresql``).

    ``kafka``: extra settings of the workers' ``kafka`` section, to compare client settings.
    """
    workdir = Path(tempfile.mkdtemp(prefix=f"veille-bench-latency-{store}-"))
    arrivals = Arrivals()
    feeds = FeedServer({"/bench.xml": _feed([])}).start()
    try:
        with EmbeddedBroker() as broker, store_url(store, workdir) as url:
            rtt = kafka_round_trip(broker.bootstrap_servers)
            body = _config_body(feeds.url("/bench.xml"), arrivals.url, interval, lanes)
            config = write_config(
                workdir / "bench.yaml", servers=broker.bootstrap_servers, store=url, body=body, kafka=kafka
            )
            with Workers(config, ("ingest", "process", "alerts"), workdir / "workers.log") as workers:
                timings = _measure(feeds, arrivals, workers, stories=stories, spacing=spacing, lanes=lanes)
            stages = _stages(broker.bootstrap_servers, timings)
    finally:
        feeds.stop()
        arrivals.stop()
    if not timings:
        raise RuntimeError(f"no alert arrived; see {workdir / 'workers.log'}")
    total = [t.total for t in timings.values()]
    waits = [t.fetched - t.published for t in timings.values()]
    own = [t.arrived - t.fetched for t in timings.values()]
    return {
        "stories": len(timings),
        "published": stories,
        "p50_s": median(total),
        "p95_s": percentile(total, 0.95),
        "p99_s": percentile(total, 0.99),
        "max_s": max(total),
        "poll_interval_s": interval,
        "poll_wait_p50_s": median(waits),
        "poll_wait_p99_s": percentile(waits, 0.99),
        "pipeline_p50_s": median(own),
        "pipeline_p95_s": percentile(own, 0.95),
        "pipeline_p99_s": percentile(own, 0.99),
        "kafka_round_trip_s": rtt,
        "p50_vs_interval": median(total) / interval,
        "pipeline_p50_vs_round_trip": median(own) / rtt,
        "stages": stages,
    }


@dataclass
class Story:
    """When one story was published, fetched and notified (monotonic seconds)."""

    published: float
    fetched: float
    arrived: float

    @property
    def total(self) -> float:
        """Publication → webhook."""
        return self.arrived - self.published


def _measure(
    feeds: FeedServer, arrivals: Arrivals, workers: Workers, *, stories: int, spacing: float, lanes: int
) -> dict[int, Story]:
    """The stories that reached the webhook, by number."""
    published: list[tuple[int, str, str]] = []
    publish_times: dict[int, float] = {}

    def publish(number: int) -> None:
        published.append((number, f"Outlet{number % lanes}", format_datetime(datetime.now(UTC), usegmt=True)))
        feeds.documents["/bench.xml"] = _feed(published)
        publish_times[number] = time.monotonic()

    for warm in range(lanes):  # warm-up: spaCy loading, consumer-group joins, every lane's first alert
        publish(_WARM_UP + warm)
    if not wait_for(lambda: len(arrivals.times) >= lanes, 180, workers.check):
        return {}
    time.sleep(lanes * spacing + 1.0)  # every lane past its rate-limit slot and realert
    started = time.monotonic()
    for number in range(stories):
        time.sleep(max(0.0, started + number * spacing - time.monotonic()))
        publish(number)
    wait_for(lambda: all(n in arrivals.times for n in range(stories)), LATE_S, workers.check)
    return {
        n: Story(publish_times[n], min(t for t in feeds.served_at if t >= publish_times[n]), arrivals.times[n])
        for n in range(stories)
        if n in arrivals.times
    }


def _stages(servers: list[str], timings: dict[int, Story]) -> dict[str, float]:
    """p50 and p95 seconds of each step of the pipeline's own time, from the Kafka records' timestamps.

    fetched → article produced (ingest), → detection produced (one hop + extraction), → notice
    produced (one hop + rules in SQL), → webhook (outbox dispatcher); the last step may end before
    the notice is acknowledged, so it can be negative.
    """
    offset = time.time() - time.monotonic()  # record timestamps are wall-clock milliseconds
    marks: dict[str, dict[int, float]] = {}
    consumer = KafkaConsumer(bootstrap_servers=servers, enable_auto_commit=False, consumer_timeout_ms=3000)
    topics = {"article": "veille.articles", "detection": "veille.detections", "notice": "veille.alerts"}
    partitions = [TopicPartition(t, p) for t in topics.values() for p in consumer.partitions_for_topic(t) or ()]
    consumer.assign(partitions)
    consumer.seek_to_beginning()
    names = {topic: name for name, topic in topics.items()}
    for record in consumer:
        for number in {int(n) for n in _STORY.findall(record.value.decode("utf-8", "replace"))}:
            at = record.timestamp / 1000 - offset
            seen = marks.setdefault(names[record.topic], {})
            seen[number] = min(seen.get(number, at), at)  # the first record of it (later notices may list it too)
    consumer.close()
    steps: dict[str, list[float]] = {"ingest": [], "process": [], "alerts_rules": [], "alerts_delivery": []}
    for number, story in timings.items():
        try:
            article, detection, notice = (marks[name][number] for name in ("article", "detection", "notice"))
        except KeyError:
            continue
        steps["ingest"].append(article - story.fetched)
        steps["process"].append(detection - article)
        steps["alerts_rules"].append(notice - detection)
        steps["alerts_delivery"].append(story.arrived - notice)
    return {
        f"{name}_{label}": stat(values)
        for name, values in steps.items()
        if values
        for label, stat in (("p50_s", median), ("p95_s", lambda v: percentile(v, 0.95)))
    }


def push_latency(stories: int) -> tuple[float | None, str]:
    """Push → webhook p99 through the ingest worker's WebSub endpoint, when this tree has one; else (None, why)."""
    from bench import push

    missing = push.missing()
    if missing:
        return None, missing
    try:
        result = push.run(stories=stories)
    except RuntimeError as exc:  # keep the poll figures; say why push has none
        return None, f"push run failed: {exc}"
    return result["p99_s"], f"{result['stories']} stories pushed by a local hub (SQLite), p50 {result['p50_s']:.3f} s"


def run(
    stores: tuple[str, ...] = ("sqlite", "postgresql"), stories: int = 200, interval: float = 1.0, kafka: str = ""
) -> dict[str, Any]:
    """The ``e2e_latency`` result: the first store's figures at the top, every store's under ``stores``."""
    by_store: dict[str, dict[str, Any]] = {}
    for store in stores:
        try:
            by_store[store] = run_store(store, stories=stories, interval=interval, kafka=kafka)
        except sa.exc.OperationalError as exc:  # no PostgreSQL on this machine: say so, keep SQLite's figures
            by_store[store] = {"skipped": f"{store} not reachable: {str(exc.orig).strip().splitlines()[0]}"}
    push, why = push_latency(stories)
    first = by_store[stores[0]]
    keys = ("p50_s", "p95_s", "p99_s", "poll_interval_s", "pipeline_p95_s", "stories")
    return {
        **{key: first.get(key) for key in keys},
        "store": stores[0],
        "push_p99_s": push,
        "push_note": why,
        "stores": by_store,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the latencies and their ratios to the baselines."""
    parser = argparse.ArgumentParser(prog="python -m bench.latency", description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--interval", type=float, default=1.0, help="feed poll interval in seconds")
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--kafka", default="", help='extra kafka settings, e.g. "fetch_max_wait_ms: 500"')
    args = parser.parse_args(argv)
    result = run(tuple(args.stores.split(",")), args.stories, args.interval, args.kafka)
    for store, figures in result["stores"].items():
        if "skipped" in figures:
            print(store, "skipped:", figures["skipped"])
            continue
        print(store, " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()))
    print("push:", result["push_p99_s"], result["push_note"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
