"""``make bench``: the scenarios in turn, a table on stdout, and ``bench/results.json``.

``python -m bench.run [--scenarios e2e_latency,kafka_overhead] [--quick]``
(``make bench SCENARIOS=e2e_latency,kafka_overhead``)

Scenarios (each compared with a baseline measured in the same run):

- ``extraction``: the process worker's extraction vs the full spaCy pipeline (``bench.extract``);
- ``ingest``: the ingest worker vs a naive sequential loop (``bench.ingest``, when present);
- ``e2e_latency``: publication → webhook at a 1 s poll, SQLite and PostgreSQL (``bench.latency``);
- ``kafka_overhead``: the stage runner vs a bare kafka-python loop (``bench.overhead``);
- ``sustained``: 100,000 articles through the whole pipeline (``bench.sustained``);
- ``scaling``: the process stage with 1 and 2 replicas (``bench.scaling``).

``--quick`` runs every scenario at reduced sizes (minutes, not a quarter of an hour) and writes
``bench/results/quick.json``; only full runs update the committed ``bench/results.json``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from bench import extract, latency, overhead, scaling, sustained
from bench.results import Figure, environment, save, table

Scenario = Callable[[bool], dict[str, Any]]


def _extraction(quick: bool) -> dict[str, Any]:
    figures = extract.run(1000, 200, runs=1) if quick else extract.run(runs=3)
    return {
        "articles_per_s": figures["extractor_rate"],
        "naive_articles_per_s": figures["naive_rate"],
        **{k: v for k, v in figures.items() if k not in ("extractor_rate", "naive_rate")},
    }


def _ingest(quick: bool) -> dict[str, Any]:
    if importlib.util.find_spec("bench.ingest") is None:
        return {"skipped": "bench/ingest.py (the ingest issue's benchmark) is not in this tree yet"}
    ingest = importlib.import_module("bench.ingest")
    result: dict[str, Any] = ingest.run(feeds=200, rounds=1) if quick else ingest.run()
    return result


def _latency(quick: bool) -> dict[str, Any]:
    return latency.run(stories=40 if quick else 200)


def _overhead(quick: bool) -> dict[str, Any]:
    return overhead.run(records=5_000 if quick else 20_000, runs=3)


def _sustained(quick: bool) -> dict[str, Any]:
    result = sustained.run(5_000 if quick else 100_000)
    series = result.pop("series")
    step = max(1, len(series) // 60)  # keep the file diffable: at most ~60 samples
    return {**result, "series": series[::step] + ([series[-1]] if (len(series) - 1) % step else [])}


def _scaling(quick: bool) -> dict[str, Any]:
    return scaling.run(articles=5_000 if quick else 20_000, runs=1 if quick else 2)


SCENARIOS: dict[str, Scenario] = {
    "extraction": _extraction,
    "ingest": _ingest,
    "e2e_latency": _latency,
    "kafka_overhead": _overhead,
    "sustained": _sustained,
    "scaling": _scaling,
}

FIGURES: dict[str, list[Figure]] = {
    "extraction": [
        Figure("articles/s per core", ("articles_per_s",), 500),
        Figure("naive articles/s per core", ("naive_articles_per_s",)),
        Figure("ratio to naive", ("ratio",), 10),
        Figure("Russian articles/s per core", ("russian_rate",)),
    ],
    "ingest": [
        Figure("feeds/s", ("feeds_per_s",)),
        Figure("naive feeds/s", ("naive_feeds_per_s",)),
        Figure("ratio to naive", ("ratio",), 10),
        Figure("first poll ratio", ("first_poll_ratio",)),
    ],
    "e2e_latency": [
        Figure("stories", ("stories",)),
        Figure("p50 s (sqlite)", ("p50_s",)),
        Figure("p95 s (sqlite)", ("p95_s",)),
        Figure("p99 s (sqlite), 1 s poll", ("p99_s",), 1.3, at_least=False),
        Figure("pipeline p95 s (sqlite)", ("pipeline_p95_s",), 0.05, at_least=False),
        Figure("p99 s (postgresql)", ("stores", "postgresql", "p99_s"), 1.3, at_least=False),
        Figure("pipeline p95 s (postgresql)", ("stores", "postgresql", "pipeline_p95_s"), 0.05, at_least=False),
        Figure("push -> webhook p99 s", ("push_p99_s",), 0.5, at_least=False),
    ],
    "kafka_overhead": [
        Figure("runner records/s", ("runner_records_per_s",)),
        Figure("raw kafka-python records/s", ("raw_records_per_s",)),
        Figure("runner / raw", ("ratio",), 0.8),
        Figure("CPU us/record runner", ("runner_cpu_us_per_record",)),
        Figure("CPU us/record raw", ("raw_cpu_us_per_record",)),
        Figure("CPU raw / runner", ("cpu_ratio",)),
    ],
    "sustained": [
        Figure("articles", ("articles",)),
        Figure("articles/s end to end", ("articles_per_s",), 200),
        Figure("max process lag", ("max_process_lag",)),
        Figure("max alerts lag", ("max_alerts_lag",)),
        Figure("peak RSS MB ingest", ("peak_rss_mb", "ingest")),
        Figure("peak RSS MB process", ("peak_rss_mb", "process"), 400, at_least=False),
        Figure("peak RSS MB alerts", ("peak_rss_mb", "alerts")),
    ],
    "scaling": [
        Figure("process articles/s, 1 replica", ("process_replicas", "1")),
        Figure("process articles/s, 2 replicas", ("process_replicas", "2")),
        Figure("speed-up with 2", ("speedup", "2")),
    ],
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen scenarios, print the table, save the results; exit 1 if a scenario failed."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default="", help=f"comma-separated subset of: {', '.join(SCENARIOS)}")
    parser.add_argument("--quick", action="store_true", help="reduced sizes; writes bench/results/quick.json")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.scenarios.split(",") if name.strip()] or list(SCENARIOS)
    unknown = [name for name in chosen if name not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario(s) {', '.join(unknown)}; known: {', '.join(SCENARIOS)}")
    env = environment()  # the commit and load as the run starts
    began = time.monotonic()
    results: dict[str, dict[str, Any]] = {}
    failed = False
    for name in chosen:
        print(f"== {name} ...", flush=True)
        started = time.monotonic()
        try:
            results[name] = {**SCENARIOS[name](args.quick), "seconds_taken": round(time.monotonic() - started, 1)}
        except Exception as exc:  # one broken scenario must not lose the others' figures
            traceback.print_exc()
            print(f"== {name} failed: {exc}", file=sys.stderr, flush=True)
            failed = True
            continue
        print(f"== {name} done in {results[name]['seconds_taken']:.0f} s", flush=True)
    print()
    print(table(results, FIGURES))
    times = ", ".join(f"{name} {result['seconds_taken']:.0f} s" for name, result in results.items())
    print(f"\nscenario times: {times}; total {time.monotonic() - began:.0f} s")
    path = save(results, quick=args.quick, env=env)
    print(f"\nfigures saved to {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
