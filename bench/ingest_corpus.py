"""Benchmark: a first poll of the real-world feed corpus, parsed in the parse pool or in the fetch threads.

``python -m bench.ingest_corpus [--repeat N]``

Every file of ``/work/shared/corpora/feeds`` (``VEILLE_FEED_CORPUS`` overrides the folder) becomes
one local feed; a fresh poller (SQLite store in a temporary folder, no Kafka) polls them all once
with ``parse_workers`` = 0 (parsing in the 8 fetch threads) and with the default pool (one
process per core), alternately, ``--repeat`` times each. Reported per run: seconds, feeds/s, CPU
seconds (parse processes included) and the articles found (equal in both modes, or it says so).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.ingest import FETCH_THREADS, _cpu_of
from ingest.parsepool import ParsePool
from ingest.poller import FeedPoller
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.store import create_engine

CORPUS = Path(os.environ.get("VEILLE_FEED_CORPUS", "/work/shared/corpora/feeds"))
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def corpus_files(folder: Path = CORPUS) -> list[Path]:
    """The feed files of the corpus (its notes and index left out), in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix not in (".md", ".tsv"))


def first_poll(files: Sequence[Path], parse_workers: int | None) -> tuple[float, float, int]:
    """(seconds, CPU seconds, articles) of one first poll of ``files`` by a fresh poller."""
    feeds = tuple(FeedConfig(id=f"c{n}", url=str(path), interval=timedelta(hours=1)) for n, path in enumerate(files))
    with tempfile.TemporaryDirectory(prefix="veille-bench-corpus-") as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        pool = ParsePool(parse_workers)
        poller = FeedPoller(VeilleConfig(feeds=feeds), engine, "bench", parse_pool=pool, max_workers=FETCH_THREADS)
        try:
            pool.warm()
            time.sleep(1.0)  # the pool's processes are up before the clock starts, as in a running worker
            executor = pool._executor
            pids = list(executor._processes) if executor is not None else []
            wall, cpu, pool_cpu = time.perf_counter(), time.process_time(), _cpu_of(pids)
            articles = 0
            while results := poller.poll_due(NOW):
                found = [article for result in results for article in result.articles]
                articles += len(found)
                poller.mark_published(found, NOW)
            seconds = time.perf_counter() - wall
            return seconds, time.process_time() - cpu + _cpu_of(pids) - pool_cpu, articles
        finally:
            poller.close()
            pool.close()
            engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per run and the medians; exit 1 when the two modes found different articles."""
    parser = argparse.ArgumentParser(prog="python -m bench.ingest_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each mode, alternated (default 3)")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # the corpus is hostile on purpose: its warnings are not the point here
    files = corpus_files()
    runs: dict[str, list[tuple[float, float, int]]] = {"threads": [], "pool": []}
    for _ in range(args.repeat):
        for mode, workers in (("threads", 0), ("pool", None)):
            seconds, cpu, articles = first_poll(files, workers)
            runs[mode].append((seconds, cpu, articles))
            print(
                f"{mode:7} {len(files)} feeds: {seconds:6.2f} s, {len(files) / seconds:6.1f} feeds/s, "
                f"{cpu:6.2f} s CPU, {articles} articles",
                flush=True,
            )
    for mode, done in runs.items():
        seconds = sorted(run[0] for run in done)[len(done) // 2]
        cpu = sorted(run[1] for run in done)[len(done) // 2]
        print(f"median {mode:7}: {len(files) / seconds:6.1f} feeds/s, {cpu:6.2f} s CPU")
    same = {run[2] for run in runs["threads"] + runs["pool"]}
    print("same articles in both modes" if len(same) == 1 else f"ARTICLE COUNTS DIFFER: {sorted(same)}")
    return 0 if len(same) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
