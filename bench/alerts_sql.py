"""Benchmark: the alerts engine's SQL per detection, counted with SQLAlchemy events, in-process.

``python -m bench.alerts_sql [--stores sqlite,postgresql] [--detections 200] [--batch 1,20]``

Feeds ``AlertEngine.handle`` the detections the latency benchmark makes (Russia–North Korea
agreements round-robin over 8 outlets, each with its own ``first_seen`` rule and receiver, so
every detection fires a notice), in batches of each given size, and counts per detection the SQL
statements (an executemany counts once; SQLite's ``BEGIN IMMEDIATE`` is one, PostgreSQL's implicit
``BEGIN`` is not), the commits, the pool's connection checkouts and pre-pings, with
the median milliseconds ``handle`` took per detection. The outbox sends what is due to
accepting receivers after each batch, as the woken dispatcher does: statements, commits, checkouts
and pings per delivery. Each store is a fresh one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from alerts.engine import AlertEngine
from alerts.outbox import Outbox
from alerts.receivers.base import Delivered, Notice, Receiver
from bench.harness import median, store_url
from veille.config import VeilleConfig
from veille.contracts import ArticleRef, Detection, EntityMention, Event
from veille.store import create_engine

LANES = 8


@dataclass
class Counter:
    """Statements, commits and connection checkouts seen on one engine."""

    statements: int = 0
    commits: int = 0
    checkouts: int = 0
    pings: int = 0

    def snapshot(self) -> tuple[int, int, int, int]:
        """The four counts now."""
        return self.statements, self.commits, self.checkouts, self.pings


@contextmanager
def counting(engine: sa.Engine) -> Iterator[Counter]:
    """Count ``engine``'s statements (``before_cursor_execute``), commits, pool checkouts and pre-pings.

    A pre-ping runs on the raw DBAPI connection, outside the statement events: ``do_ping`` is wrapped.
    """
    counter = Counter()
    dialect = engine.dialect
    do_ping = dialect.do_ping

    def ping(dbapi_connection: Any) -> bool:
        counter.pings += 1
        return do_ping(dbapi_connection)

    def statement(*_args: Any) -> None:
        counter.statements += 1

    def commit(*_args: Any) -> None:
        counter.commits += 1

    def checkout(*_args: Any) -> None:
        counter.checkouts += 1

    sa.event.listen(engine, "before_cursor_execute", statement)
    sa.event.listen(engine, "commit", commit)
    sa.event.listen(engine.pool, "checkout", checkout)
    dialect.do_ping = ping  # type: ignore[method-assign]
    try:
        yield counter
    finally:
        del dialect.do_ping
        sa.event.remove(engine, "before_cursor_execute", statement)
        sa.event.remove(engine, "commit", commit)
        sa.event.remove(engine.pool, "checkout", checkout)


class _Accepting(Receiver):
    """Accepts every notice at once."""

    def __init__(self, name: str) -> None:
        self.name = name

    def send(self, notice: Notice) -> Delivered:
        return Delivered(ref=notice.idempotency_key)


def _config(url: str) -> VeilleConfig:
    return VeilleConfig.model_validate(
        {
            "rules": [
                {
                    "name": f"lane{k}",
                    "type": "first_seen",
                    "event_type": "agreement",
                    "actors": ["RUS", "PRK"],
                    "sources": [f"Outlet{k}"],
                    "lookback": "1s",
                    "realert": "1s",
                    "follow_ups": False,
                    "lateness": "0s",
                    "receivers": [f"hook{k}"],
                }
                for k in range(LANES)
            ],
            "receivers": [{"type": "console", "name": f"hook{k}"} for k in range(LANES)],
            "store": {"url": url},
        }
    )


def _detection(n: int, published: datetime) -> Detection:
    source = f"Outlet{n % LANES}"
    article = ArticleRef(
        id=f"story-{n}",
        feed_id="bench",
        source=source,
        url=f"https://example.org/bench/{n}",
        title=f"Story-{n}: Russia and North Korea sign a treaty on cooperation number {n}",
        lang="en",
        published=published,
        fetched_at=published,
    )
    event = Event(type="agreement", actors=("PRK", "RUS"), stage="signed", evidence=f"Story-{n} reports.")
    return Detection(
        article=article,
        lang="en",
        entities=tuple(EntityMention(id=a, text=a, start=0, end=3) for a in ("PRK", "RUS")),
        events=(event,),
        processed_at=published,
    )


def run_store(url: str, detections: int, batch: int) -> dict[str, float]:
    """Per-detection statements, commits, checkouts and milliseconds of ``handle``, then per delivery."""
    engine = create_engine(url)
    try:
        rules = AlertEngine(_config(url), engine, record_metrics=False)
        outbox = Outbox(engine, {f"hook{k}": _Accepting(f"hook{k}") for k in range(LANES)}, rate_interval=timedelta(0))
        start = datetime.now(UTC)
        timings: list[float] = []
        handling = [0, 0, 0, 0]
        delivering = [0, 0, 0, 0]
        sent = 0
        with counting(engine) as counter:
            for first in range(0, detections, batch):
                # one story per lane every 2 s of event time, as in bench.latency: each one fires
                now = start + timedelta(seconds=(first + batch - 1) * 0.25)  # the last story is out
                chunk = [_detection(n, start + timedelta(seconds=n * 0.25)) for n in range(first, first + batch)]
                before = counter.snapshot()
                began = time.perf_counter()
                rules.handle(chunk, now)
                timings.append((time.perf_counter() - began) / len(chunk))
                middle = counter.snapshot()
                sent += outbox.deliver_due(now)  # as the dispatcher does once woken
                after = counter.snapshot()
                handling = [h + m - b for h, m, b in zip(handling, middle, before, strict=True)]
                delivering = [d + a - m for d, a, m in zip(delivering, after, middle, strict=True)]
        per_detection = [count / detections for count in handling]
        per_delivery = [count / max(sent, 1) for count in delivering]
        names = ("statements", "commits", "checkouts", "pings")
        return {
            **{f"{name}_per_detection": value for name, value in zip(names, per_detection, strict=True)},
            "ms_per_detection_p50": median(timings) * 1000,
            "deliveries": sent,
            **{f"{name}_per_delivery": value for name, value in zip(names, per_delivery, strict=True)},
        }
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    """Print the counts for each store and batch size."""
    parser = argparse.ArgumentParser(prog="python -m bench.alerts_sql", description=__doc__.splitlines()[0])
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--detections", type=int, default=200)
    parser.add_argument("--batch", default="1,20", help="comma-separated batch sizes")
    args = parser.parse_args(argv)
    for store in args.stores.split(","):
        for batch in (int(b) for b in args.batch.split(",")):
            with tempfile.TemporaryDirectory(prefix="veille-bench-sql-") as tmp, store_url(store, Path(tmp)) as url:
                figures = run_store(url, args.detections, batch)
            shown = " ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items())
            print(f"{store} batch={batch} {shown}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
