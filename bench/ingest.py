"""Benchmark: the ingest poller against a naive sequential loop, on 1,000 local feeds.

``python -m bench.ingest [--feeds N] [--rounds R] [--parse-workers W]``

``bench.feedfarm`` serves the feeds from another process on 127.0.0.1 with the realistic mix
(30 % answer 304, 50 % return an unchanged body without validators, 20 % carry 1-3 new items per
round). In the same run, over the same feeds:

- *naive*: ``httpx.get`` + ``feedparser.parse`` on every feed in turn (no validators, no store);
- *poller*: ``FeedPoller.poll_due`` + ``mark_published`` as the ingest worker calls them (SQLite
  store in a temporary folder, no Kafka), first poll of every feed, then R polling rounds.

All feeds live on one loopback host, so the poller's per-host limit is raised to its fetch pool
size: with one real host per outlet the limit would not bind. Reported: feeds/s, CPU seconds per
feed (the poller's parse processes included), the ratios (targets: >= 10x on the mix, >= 2x on
the first poll), and whether every item the farm published came out exactly once.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import httpx

from bench.feedfarm import item_count, item_link
from ingest.parsepool import ParsePool
from ingest.poller import FeedPoller
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.store import create_engine

INTERVAL = timedelta(minutes=5)
FETCH_THREADS = 8


class _Farm:
    """The feed farm process and its round control."""

    def __init__(self, feeds: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.feedfarm", str(feeds)], stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        self.base = f"http://127.0.0.1:{int(self.proc.stdout.readline())}"

    def set_round(self, round_no: int) -> None:
        httpx.get(f"{self.base}/round/{round_no}", timeout=30).raise_for_status()

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def _cpu_of(pids: Sequence[int]) -> float:
    """User + system CPU seconds of live processes ``pids`` (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def _naive(urls: Sequence[str]) -> tuple[float, float]:
    """(seconds, CPU seconds) of the naive loop over ``urls``."""
    wall, cpu = time.perf_counter(), time.process_time()
    for url in urls:
        feedparser.parse(httpx.get(url, timeout=30).content)
    return time.perf_counter() - wall, time.process_time() - cpu


class _Poller:
    """The poller under test, with its clock and what it has published."""

    def __init__(self, urls: Sequence[str], folder: Path, parse_workers: int | None) -> None:
        feeds = tuple(FeedConfig(id=f"f{n}", url=url, interval=INTERVAL) for n, url in enumerate(urls))
        self.engine = create_engine(f"sqlite:///{folder / 'bench.db'}")
        self.pool = ParsePool(parse_workers)
        self.poller = FeedPoller(
            VeilleConfig(feeds=feeds),
            self.engine,
            "bench",
            parse_pool=self.pool,
            max_workers=FETCH_THREADS,
            per_host=FETCH_THREADS,
        )
        self.now = datetime(2026, 12, 1, tzinfo=UTC)
        self.published: list[str] = []
        self.outcomes: dict[str, int] = {}

    def round(self) -> tuple[float, float, int]:
        """Poll every due feed once; return (seconds, CPU seconds incl. parse processes, feeds polled)."""
        wall, cpu, pool_cpu = time.perf_counter(), time.process_time(), self._pool_cpu()
        polled = 0
        while results := self.poller.poll_due(self.now):
            polled += len(results)
            articles = [article for result in results for article in result.articles]
            if articles:  # as the ingest worker: nothing to mark when nothing was produced
                self.poller.mark_published(articles, self.now)
            self.published.extend(article.url or article.id for article in articles)
            for result in results:
                self.outcomes[result.outcome] = self.outcomes.get(result.outcome, 0) + 1
        self.now += INTERVAL + timedelta(minutes=1)
        cpu_used = time.process_time() - cpu + self._pool_cpu() - pool_cpu
        return time.perf_counter() - wall, cpu_used, polled

    def _pool_cpu(self) -> float:
        executor = self.pool._executor
        return _cpu_of(list(executor._processes)) if executor is not None else 0.0

    def close(self) -> None:
        self.poller.close()
        self.pool.close()
        self.engine.dispose()


def run(
    feeds: int = 1000,
    rounds: int = 3,
    log: Callable[[str], None] = lambda _line: None,
    parse_workers: int | None = None,
) -> dict[str, Any]:
    """Run the benchmark; return its figures (see the module doc) as a dict.

    ``parse_workers``: the poller's parse processes (default: one per core; 0 parses in its threads).

    Keys: feeds, rounds, feeds_per_s, naive_feeds_per_s, ratio, first_poll_feeds_per_s,
    naive_first_poll_feeds_per_s, first_poll_ratio, cpu_s_per_feed, naive_cpu_s_per_feed,
    first_poll_cpu_s_per_feed, articles, expected_articles, lost, duplicated, outcomes.
    """
    farm = _Farm(feeds)
    try:
        urls = [f"{farm.base}/feed/{n}" for n in range(feeds)]
        farm.set_round(0)
        log(f"naive loop, first poll of {feeds} feeds…")
        naive_first, naive_first_cpu = _naive(urls)
        with tempfile.TemporaryDirectory(prefix="veille-bench-ingest-") as folder:
            subject = _Poller(urls, Path(folder), parse_workers)
            try:
                log("poller, first poll…")
                first, first_cpu, first_polled = subject.round()
                mix = mix_cpu = 0.0
                mix_polled = 0
                for round_no in range(1, rounds + 1):
                    farm.set_round(round_no)
                    log(f"poller, mix round {round_no}…")
                    seconds, cpu, polled = subject.round()
                    mix, mix_cpu, mix_polled = mix + seconds, mix_cpu + cpu, mix_polled + polled
                log("naive loop on the mix…")
                naive_mix, naive_mix_cpu = _naive(urls)
                published, outcomes = subject.published, subject.outcomes
            finally:
                subject.close()
    finally:
        farm.close()
    expected = {item_link(feed, item) for feed in range(feeds) for item in range(item_count(feed, rounds))}
    rate, naive_rate = mix_polled / mix, feeds / naive_mix
    first_rate, naive_first_rate = first_polled / first, feeds / naive_first
    return {
        "feeds": feeds,
        "rounds": rounds,
        "feeds_per_s": rate,
        "naive_feeds_per_s": naive_rate,
        "ratio": rate / naive_rate,
        "first_poll_feeds_per_s": first_rate,
        "naive_first_poll_feeds_per_s": naive_first_rate,
        "first_poll_ratio": first_rate / naive_first_rate,
        "cpu_s_per_feed": mix_cpu / mix_polled,
        "naive_cpu_s_per_feed": (naive_mix_cpu + naive_first_cpu) / (2 * feeds),
        "first_poll_cpu_s_per_feed": first_cpu / first_polled,
        "articles": len(published),
        "expected_articles": len(expected),
        "lost": len(expected - set(published)),
        "duplicated": len(published) - len(set(published)),
        "outcomes": outcomes,
    }


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures; exit 1 when an article was lost or duplicated or a ratio target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000, help="number of local feeds (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="polling rounds on the mix after the first poll")
    parser.add_argument("--parse-workers", type=int, default=None, help="parse processes (default: one per core)")
    args = parser.parse_args(argv)
    result = run(args.feeds, args.rounds, _progress, args.parse_workers)
    print(f"{result['feeds']} feeds, {result['rounds']} rounds on the mix; outcomes {result['outcomes']}")
    print(
        f"mix:        poller {result['feeds_per_s']:8.1f} feeds/s, {result['cpu_s_per_feed'] * 1000:6.2f} ms CPU/feed"
        f" | naive {result['naive_feeds_per_s']:6.1f} feeds/s | ratio {result['ratio']:.1f}x (target >= 10x)"
    )
    print(
        f"first poll: poller {result['first_poll_feeds_per_s']:8.1f} feeds/s, "
        f"{result['first_poll_cpu_s_per_feed'] * 1000:6.2f} ms CPU/feed"
        f" | naive {result['naive_first_poll_feeds_per_s']:6.1f} feeds/s, "
        f"{result['naive_cpu_s_per_feed'] * 1000:6.2f} ms CPU/feed"
        f" | ratio {result['first_poll_ratio']:.1f}x (target >= 2x)"
    )
    print(
        f"articles: {result['articles']} published, {result['expected_articles']} expected, "
        f"{result['lost']} lost, {result['duplicated']} duplicated"
    )
    ok = result["lost"] == 0 and result["duplicated"] == 0 and result["ratio"] >= 10 and result["first_poll_ratio"] >= 2
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
