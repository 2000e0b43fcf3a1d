"""Benchmark: a large backlog of articles through the whole pipeline, with lag and memory over time.

``python -m bench.sustained [--articles N] [--process-replicas N] [--store sqlite|postgresql]``

A local HTTP server holds N new items spread over feeds of 200 items each (the mixed stream of
``bench.extract`` with ~3 % Russia–DPRK reports from the eval corpus). The embedded broker and the
three workers (as separate processes, as docker-compose runs them) start together; the ingest
worker finds every item new, the process worker extracts, the alerts worker judges a threshold
rule and writes its alerts to a JSONL receiver. Every two seconds the workers' ``/metrics`` give
the articles published, processed and judged and the consumer lag of each stage.

Reported: articles per second end to end (first article published → last detection judged by the
alerts worker), the time series, and the peak resident memory (VmHWM) of each worker.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bench.extract import stream
from bench.harness import Workers, metric, scrape, store_url, write_config
from tests.integration.pipeline.support import FeedServer
from veille.broker import EmbeddedBroker, free_port

PER_FEED = 200
_SAMPLE_EVERY = 2.0


def feeds(articles: int) -> dict[str, bytes]:
    """RSS documents by path holding ``articles`` distinct items, ``PER_FEED`` per feed, one language each."""
    by_lang: dict[str, list[tuple[int, dict[str, str | None]]]] = {}
    for number, item in enumerate(stream(articles, relevant_share=0.03)):
        by_lang.setdefault(item["lang"] or "en", []).append((number, item))
    documents = {}
    for lang, items in sorted(by_lang.items()):
        for start in range(0, len(items), PER_FEED):
            entries = "".join(
                f"<item><title>{escape(str(it['title']))}</title><link>https://example.org/load/{n}</link>"
                f'<guid>load-{n}</guid><source url="https://example.org/s{n % 40}">Outlet{n % 40}</source>'
                f"<description>{escape(str(it['summary']))}</description></item>"
                for n, it in items[start : start + PER_FEED]
            )
            documents[f"/{lang}-{start // PER_FEED}.xml"] = (
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>load {lang}</title>'
                f"<language>{lang}</language>{entries}</channel></rss>"
            ).encode()
    return documents


def _config_body(server: FeedServer, paths: list[str], receiver: Path) -> str:
    lines = "\n".join(f'  - {{id: f{i}, url: "{server.url(p)}", interval: 1h}}' for i, p in enumerate(paths))
    return f"""feeds:
{lines}
rules:
  - {{name: load, type: threshold, event_type: agreement, actors: [RUS, PRK], min_count: 2, window: 6h,
      realert: 1h, receivers: [file]}}
receivers:
  - {{name: file, type: jsonl, path: "{receiver}"}}
"""


def _counts(ports: dict[str, int]) -> dict[str, float]:
    ingest, process, alerts = (scrape(ports[name]) for name in ("ingest", "process", "alerts"))
    records = "veille_stage_records_total"
    return {
        "published": metric(ingest, "veille_ingest_articles_published_total"),
        "processed": metric(process, records, stage="process", outcome="handled"),
        "judged": metric(alerts, records, stage="alerts", outcome="handled"),
        "process_lag": metric(process, "veille_stage_lag_records", stage="process"),
        "alerts_lag": metric(alerts, "veille_stage_lag_records", stage="alerts"),
    }


def run(
    articles: int = 100_000, *, process_replicas: int = 1, store: str = "sqlite", timeout: float | None = None
) -> dict[str, Any]:
    """Push ``articles`` through the pipeline; return the rate, the lag series and peak RSS per worker."""
    workdir = Path(tempfile.mkdtemp(prefix="veille-bench-sustained-"))
    documents = feeds(articles)
    server = FeedServer(documents).start()
    ports = {name: free_port() for name in ("ingest", "process", "alerts")}
    names = ("ingest", *(["process"] * process_replicas), "alerts")
    series: list[dict[str, float]] = []
    limit = timeout or max(300.0, articles / 20)
    try:
        with EmbeddedBroker() as broker, store_url(store, workdir) as url:
            body = _config_body(server, sorted(documents), workdir / "alerts.jsonl")
            config = write_config(
                workdir / "load.yaml", servers=broker.bootstrap_servers, store=url, body=body,
                metrics=ports if process_replicas == 1 else {"ingest": ports["ingest"], "alerts": ports["alerts"]},
            )  # fmt: skip
            with Workers(config, names, workdir / "workers.log") as workers:
                launched = time.monotonic()
                first = peak = None
                while time.monotonic() - launched < limit:
                    time.sleep(_SAMPLE_EVERY)
                    workers.check()
                    counts = _counts(ports)
                    now = time.monotonic()
                    series.append({"t_s": round(now - launched, 1), **counts})
                    if first is None and counts["published"] > 0:
                        first = now - _SAMPLE_EVERY / 2
                    if counts["judged"] >= articles:
                        break
                peak = workers.peak_rss_mb()
    finally:
        server.stop()
    last = series[-1] if series else {}
    if not series or last["judged"] < articles or first is None:
        judged = last.get("judged", 0)
        raise RuntimeError(f"only {judged:.0f} of {articles} articles judged in {limit:.0f}s; see {workdir}")
    finished = launched + last["t_s"]
    return {
        "articles": articles,
        "store": store,
        "process_replicas": process_replicas,
        "articles_per_s": articles / (finished - first),
        "seconds": finished - first,
        "startup_s": first - launched,
        "max_process_lag": max(s["process_lag"] for s in series),
        "max_alerts_lag": max(s["alerts_lag"] for s in series),
        "peak_rss_mb": peak,
        "series": series,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the rate, the peak lag and memory; exit 1 below 200 articles/s or above 400 MB for process."""
    parser = argparse.ArgumentParser(prog="python -m bench.sustained", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--process-replicas", type=int, default=1)
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args(argv)
    result = run(args.articles, process_replicas=args.process_replicas, store=args.store)
    for sample in result["series"]:
        print(" ".join(f"{k}={v:.0f}" for k, v in sample.items()))
    print(f"{result['articles']} articles in {result['seconds']:.0f} s: {result['articles_per_s']:.0f} articles/s")
    print("peak RSS MB:", {k: round(v) for k, v in result["peak_rss_mb"].items()})
    ok = result["articles_per_s"] >= 200 and result["peak_rss_mb"].get("process", 0) <= 400
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
