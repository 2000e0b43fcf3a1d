"""Benchmark: push → webhook, stories delivered by a WebSub hub to the ingest worker's callback.

``python -m bench.push [--stories N]``

The set-up of ``bench.latency`` (three worker processes, embedded broker, SQLite, a webhook
receiver, one rule and receiver per lane), with the feed advertising a local WebSub hub
(``tests/integration/ingest/websubhub.py``) and ``ingest.websub`` enabled. Once the ingest worker
has discovered the hub and the hub has verified its subscription, each story is added to the feed
and the hub POSTs the new document to the worker's callback at once; the time runs from that
push to the webhook's receipt of the alert. Needs the ingest issue's WebSub endpoint
(``ingest/websub.py``); ``missing()`` says when this tree lacks it.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import tempfile
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from bench.harness import LATE_S, Arrivals, Workers, median, percentile, store_url, wait_for, write_config
from bench.latency import _config_body, _feed
from tests.integration.pipeline.support import FeedServer
from veille.broker import EmbeddedBroker

_HUB = "tests.integration.ingest.websubhub"
_WARM_UP = 1_000_000


def missing() -> str:
    """Why push cannot be measured in this tree (empty when it can)."""
    for module, what in (("ingest.websub", "ingest/websub.py"), (_HUB, "the local WebSub hub of the ingest tests")):
        if importlib.util.find_spec(module) is None:
            return f"no WebSub endpoint in this tree yet ({what} is missing)"
    return ""


def run(stories: int = 200, spacing: float = 0.25, lanes: int = 8, store: str = "sqlite") -> dict[str, Any]:
    """Push ``stories`` stories through the hub; p50/p95/p99 seconds from push to webhook."""
    hub_module = importlib.import_module(_HUB)
    hub = hub_module.LocalHub()
    topic: str = hub_module.TOPIC
    links = f'<atom:link rel="hub" href="{hub.url}"/><atom:link rel="self" href="{topic}"/>'
    workdir = Path(tempfile.mkdtemp(prefix="veille-bench-push-"))
    arrivals = Arrivals()
    published: list[tuple[int, str, str]] = []
    pushed_at: dict[int, float] = {}
    feeds = FeedServer({"/bench.xml": _feed([], links)}).start()

    def push(number: int) -> None:
        published.append((number, f"Outlet{number % lanes}", format_datetime(datetime.now(UTC), usegmt=True)))
        document = _feed(published, links)
        feeds.documents["/bench.xml"] = document
        pushed_at[number] = time.monotonic()
        statuses = hub.publish(topic, document)
        if not statuses or any(status >= 300 for status in statuses):
            raise RuntimeError(f"the ingest worker's callback answered {statuses or 'nothing (no subscriber)'}")

    try:
        with EmbeddedBroker() as broker, store_url(store, workdir) as url:
            websub = "websub: {enabled: true, port: 0, allow_private: true}"
            body = _config_body(feeds.url("/bench.xml"), arrivals.url, 1.0, lanes, ingest=websub)
            config = write_config(workdir / "push.yaml", servers=broker.bootstrap_servers, store=url, body=body)
            with Workers(config, ("ingest", "process", "alerts"), workdir / "workers.log") as workers:
                if not wait_for(lambda: bool(hub.subscriptions), 180, workers.check):
                    raise RuntimeError(f"the ingest worker never subscribed to the hub; see {workdir}")
                for warm in range(lanes):
                    push(_WARM_UP + warm)
                if not wait_for(lambda: len(arrivals.times) >= lanes, 180, workers.check):
                    raise RuntimeError(f"no pushed story reached the webhook; see {workdir}")
                time.sleep(lanes * spacing + 1.0)
                started = time.monotonic()
                for number in range(stories):
                    time.sleep(max(0.0, started + number * spacing - time.monotonic()))
                    push(number)
                wait_for(lambda: all(n in arrivals.times for n in range(stories)), LATE_S, workers.check)
    finally:
        feeds.stop()
        arrivals.stop()
        hub.close()
    delays = [arrivals.times[n] - pushed_at[n] for n in range(stories) if n in arrivals.times]
    if not delays:
        raise RuntimeError(f"no pushed story reached the webhook; see {workdir}")
    return {
        "stories": len(delays),
        "published": stories,
        "p50_s": median(delays),
        "p95_s": percentile(delays, 0.95),
        "p99_s": percentile(delays, 0.99),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the push → webhook percentiles."""
    parser = argparse.ArgumentParser(prog="python -m bench.push", description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    args = parser.parse_args(argv)
    why = missing()
    if why:
        print(why, file=sys.stderr)
        return 1
    result = run(args.stories)
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
