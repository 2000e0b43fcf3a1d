"""The chaos run: publish articles while workers are killed, the broker freezes and PostgreSQL drops
its connections; then count what was processed and what each receiver got.

Peers on loopback: the embedded broker, a dedicated database ``chaos_<hex>`` on the test
PostgreSQL server (the one ``tests.pg_server`` picks; dropped afterwards), a feed server, a
webhook sink and aiosmtpd. Workers run as separate processes, as in docker-compose: one ingest,
two process and two alerts replicas. Faults, at seeded moments while articles flow: SIGKILL one
replica of each worker type and start it again; SIGSTOP the broker for ``freeze`` seconds, then
SIGCONT; ``pg_terminate_backend`` on every connection of the chaos database. The last stop is
SIGTERM, which must end each worker within 10 s. A worker that exits by itself ends the run at once
(within 0.2 s), with its name, exit code and last log lines; each worker logs to ``workers/<name>.log``.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from tests.chaos.peers import CountingSmtp, WebhookSink
from tests.chaos.world import World, make_world, rss, write_config
from tests.integration.pipeline.support import FeedServer
from tests.pg_server import LOCAL_URL
from veille.broker import EmbeddedBroker
from veille.bus import Bus
from veille.config.runtime import KafkaConfig
from veille.dlq import read_dead_letters

REPO = Path(__file__).resolve().parents[2]
REPLICAS = {"ingest": 1, "process": 2, "alerts": 2}
SIGTERM_LIMIT = 10.0


@dataclass(frozen=True, slots=True)
class Options:
    """What to run: sizes, seed, timings."""

    seed: int = 1234
    articles: int = 5000
    alerts: int = 37
    feeds: int = 20
    publish_seconds: float = 90.0
    freeze: float = 20.0
    timeout: float = 900.0
    workdir: Path = Path("data/chaos")
    pg_url: str = LOCAL_URL  # the PostgreSQL server on which the chaos database is created


@dataclass(slots=True)
class Ledger:
    """What came out, compared with what went in."""

    seed: int
    published: int = 0
    processed: int = 0
    expected: int = 0
    delivered: int = 0
    duplicates: int = 0
    dlq: int = 0
    problems: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing lost, nothing twice, nothing dead-lettered, no other problem."""
        return (
            self.processed == self.published
            and self.delivered == self.expected
            and self.duplicates == 0
            and self.dlq == 0
            and not self.problems
            and not self.mismatches
        )

    def line(self) -> str:
        """The ledger's last line."""
        return (
            f"chaos: articles {self.processed}/{self.published} processed, alerts {self.delivered}/{self.expected} "
            f"delivered, duplicates {self.duplicates}, dlq {self.dlq}, seed {self.seed}"
        )


class FleetCrashed(RuntimeError):
    """A worker exited by itself while the fleet was being watched: the run cannot succeed."""


class Fleet:
    """The worker processes, by name (``process-1``), each with its log (stdout and stderr) in ``logs/<name>.log``.

    Use it as a context manager: leaving the block kills every worker still running, whatever happened in it.
    """

    def __init__(self, config: Path, logs: Path) -> None:
        self.config = config
        self.logs = logs
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        logs.mkdir(parents=True, exist_ok=True)

    def __enter__(self) -> Fleet:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def log(self, name: str) -> Path:
        """The log file of worker ``name`` (appended to on each start)."""
        return self.logs / f"{name}.log"

    def start(self, name: str) -> None:
        """Start (or start again) the worker called ``name``."""
        role = name.split("-", 1)[0]
        env = {**os.environ, "VEILLE_LOG_LEVEL": "INFO", "VEILLE_WORKER_ID": f"chaos-{name}"}
        with self.log(name).open("ab") as log:
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", "veille.cli", role, "--config", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=env,
                cwd=REPO,
            )

    def kill(self, name: str) -> None:
        """SIGKILL ``name`` and reap it; it no longer counts as crashed (``start`` brings it back)."""
        process = self.processes.pop(name)
        process.kill()
        process.wait()

    def wait_until_catching(self, signum: int, timeout: float = 60.0) -> None:
        """Wait until every worker has installed its handler for ``signum`` (Linux: ``SigCgt`` in
        /proc): a signal sent earlier, while the interpreter is still importing, kills it outright."""
        pending = dict(self.processes)
        deadline = time.monotonic() + timeout
        while pending and time.monotonic() < deadline:
            for name, process in list(pending.items()):
                if process.poll() is not None or _catches(process.pid, signum):
                    del pending[name]
            time.sleep(0.05)

    def dump_stacks(self) -> None:
        """SIGUSR1 to every running worker: each writes its threads' stacks to its log."""
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGUSR1)
        time.sleep(1.0)

    def crashed(self) -> list[str]:
        """One line per worker that exited by itself: its name, exit code and the last lines of its log."""
        return [f"{name} exited with {code}: {self.tail(name)}" for name, code in self._exited().items()]

    def check(self) -> None:
        """Raise FleetCrashed if a worker exited by itself: the first one's name, exit code and last log
        lines, then the names and exit codes of any others."""
        exited = self._exited()
        if exited:
            name, code = next(iter(exited.items()))
            others = ", ".join(f"{other} ({other_code})" for other, other_code in list(exited.items())[1:])
            also = f"; also exited: {others}" if others else ""
            raise FleetCrashed(f"{name} exited with {code}: {self.tail(name)}{also}")

    def sleep(self, seconds: float) -> None:
        """Sleep ``seconds`` while watching the workers: FleetCrashed (see ``check``) as soon as one exits."""
        deadline = time.monotonic() + seconds
        while True:
            self.check()
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(0.2, left))

    def tail(self, name: str, lines: int = 3) -> str:
        """The last ``lines`` non-empty lines of ``name``'s log on one line, joined by `` | ``."""
        try:
            with self.log(name).open("rb") as log:
                log.seek(max(0, log.seek(0, os.SEEK_END) - 8192))
                text = log.read().decode(errors="replace")
        except OSError:
            return "(no log)"
        kept = [line.strip() for line in text.splitlines() if line.strip()][-lines:]
        return " | ".join(kept) or "(empty log)"

    def _exited(self) -> dict[str, int]:
        return {name: p.returncode for name, p in self.processes.items() if p.poll() is not None}

    def stop(self) -> dict[str, float]:
        """SIGTERM every worker at once; seconds each took to exit (inf: killed after 30 s, or failed).

        A worker still running after SIGTERM_LIMIT gets SIGUSR1 first: its stacks go to the log.
        """
        started = time.monotonic()
        for process in self.processes.values():
            process.send_signal(signal.SIGTERM)
        took: dict[str, float] = {}
        dumped = False
        while len(took) < len(self.processes) and time.monotonic() < started + 30:
            for name, process in self.processes.items():
                if name not in took and process.poll() is not None:
                    took[name] = time.monotonic() - started if process.returncode == 0 else float("inf")
            if not dumped and time.monotonic() > started + SIGTERM_LIMIT:
                dumped = True
                for name, process in self.processes.items():
                    if name not in took:
                        process.send_signal(signal.SIGUSR1)
            time.sleep(0.05)
        for name, process in self.processes.items():
            if name not in took:
                process.kill()
                process.wait()
                took[name] = float("inf")
        return took

    def close(self) -> None:
        """SIGKILL and reap every worker still running (none after ``stop``)."""
        for process in self.processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()


def _catches(pid: int, signum: int) -> bool:
    """Whether process ``pid`` has a handler installed for ``signum``."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next((line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), "0")
    return bool(int(caught, 16) >> (signum - 1) & 1)


@contextlib.contextmanager
def chaos_database(server_url: str) -> Iterator[tuple[str, sa.Engine]]:
    """A dedicated database on the server of ``server_url`` (URL, admin engine); dropped on exit."""
    admin = sa.create_engine(server_url, poolclass=sa.pool.NullPool, isolation_level="AUTOCOMMIT")
    name = f"chaos_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url, admin
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def cut_connections(admin: sa.Engine, database: str) -> int:
    """``pg_terminate_backend`` on every connection to ``database``; how many were cut."""
    with admin.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :db"), {"db": database}
        ).all()
    return len(rows)


class Publisher:
    """Releases the world's items onto their feeds in waves over ``seconds``."""

    def __init__(self, world: World, server: FeedServer, seconds: float) -> None:
        self.world = world
        self.server = server
        self.seconds = seconds
        self.published: dict[str, datetime] = {}
        self.done = threading.Event()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="publisher", daemon=True)

    def start(self) -> Publisher:
        """Serve empty feeds, then publish in the background."""
        for feed in range(self.world.feeds):
            self.server.documents[f"/feed/{feed}.xml"] = rss(feed, [], {})
        self._thread.start()
        return self

    def _run(self) -> None:
        waves = max(1, int(self.seconds))
        items = self.world.items
        for wave in range(waves):
            chunk = items[len(items) * wave // waves : len(items) * (wave + 1) // waves]
            now = datetime.now(UTC)
            for item in chunk:
                self.published[item.guid] = now
            for feed in {item.feed for item in chunk}:
                listed = [item for item in items if item.feed == feed and item.guid in self.published]
                self.server.documents[f"/feed/{feed}.xml"] = rss(feed, listed, self.published)
            if self._stopped.wait(self.seconds / waves):
                return
        self.done.set()

    def stop(self) -> None:
        """Publish nothing more (a run that ends early)."""
        self._stopped.set()


def fault_plan(rng: random.Random, options: Options) -> list[tuple[float, str, str]]:
    """(seconds after start, action, target), sorted: kills and restarts, a broker freeze, a DB cut."""
    span = options.publish_seconds
    plan: list[tuple[float, str, str]] = []
    for role, count in REPLICAS.items():
        name = f"{role}-{rng.randrange(count)}"
        at = rng.uniform(0.1 * span, 0.8 * span)
        plan += [(at, "kill", name), (at + rng.uniform(1.0, 3.0), "start", name)]
    freeze_at = rng.uniform(0.2 * span, 0.5 * span)
    plan += [(freeze_at, "freeze", "broker"), (freeze_at + options.freeze, "thaw", "broker")]
    plan.append((rng.uniform(0.1 * span, 0.9 * span), "cut", "postgresql"))
    return sorted(plan)


def run(options: Options, say: Callable[[str], None] = print) -> Ledger:
    """One chaos run; returns its ledger (``say`` gets progress lines)."""
    rng = random.Random(options.seed)
    world = make_world(options.seed, options.articles, options.alerts, options.feeds)
    ledger = Ledger(seed=options.seed, published=len(world.items), expected=len(world.pairs))
    workdir = options.workdir / f"run-{options.seed}-{uuid.uuid4().hex[:6]}"
    workdir.mkdir(parents=True, exist_ok=True)
    prefix = f"chaos{uuid.uuid4().hex[:8]}"
    with contextlib.ExitStack() as stack:
        broker = stack.enter_context(EmbeddedBroker(log_path=workdir / "broker.log"))
        stack.callback(os.kill, broker.pid, signal.SIGCONT)  # never leave a frozen broker behind
        store_url, admin = stack.enter_context(chaos_database(options.pg_url))
        feeds = FeedServer({}).start()
        stack.callback(feeds.stop)
        hook = WebhookSink().start()
        stack.callback(hook.stop)
        smtp = CountingSmtp().start()
        stack.callback(smtp.stop)
        config = write_config(
            workdir / "veille.yaml",
            feed_urls=[feeds.url(f"/feed/{n}.xml") for n in range(options.feeds)],
            webhook_url=hook.url,
            smtp_port=smtp.port,
            store_url=store_url,
            data_dir=workdir / "data",
            bootstrap=broker.bootstrap_servers[0],
            prefix=prefix,
            repo=REPO,
        )
        fleet = stack.enter_context(Fleet(config, workdir / "workers"))
        for role, count in REPLICAS.items():
            for index in range(count):
                fleet.start(f"{role}-{index}")
        say(f"chaos: {len(world.items)} articles, {len(world.pairs)} alerts expected, logs in {workdir}")
        started = time.monotonic()
        publisher = Publisher(world, feeds, options.publish_seconds).start()
        stack.callback(publisher.stop)
        database = sa.engine.make_url(store_url).database or ""
        engine = sa.create_engine(store_url, poolclass=sa.pool.NullPool)
        stack.callback(engine.dispose)
        try:
            for at, action, target in fault_plan(rng, options):
                fleet.sleep(max(0.0, started + at - time.monotonic()))
                if action == "kill":
                    fleet.kill(target)
                elif action == "start":
                    fleet.start(target)
                elif action == "freeze":
                    os.kill(broker.pid or 0, signal.SIGSTOP)
                elif action == "thaw":
                    os.kill(broker.pid or 0, signal.SIGCONT)
                else:
                    target = f"{target} ({cut_connections(admin, database)} connections)"
                ledger.events.append(f"{time.monotonic() - started:6.1f}s {action} {target}")
                say(f"chaos: {ledger.events[-1]}")
            while not publisher.done.wait(0.2):
                fleet.check()
            deadline = started + options.timeout
            while time.monotonic() < deadline:
                _count(ledger, engine, hook, smtp, world)
                if ledger.processed >= ledger.published and ledger.delivered >= ledger.expected:
                    break
                fleet.sleep(2.0)
            else:  # what each worker said last, then its stacks (SIGUSR1) into its log
                ledger.problems.append(f"timed out after {options.timeout:.0f}s; last log lines:")
                ledger.problems += [f"  {name}: {fleet.tail(name)}" for name in sorted(fleet.processes)]
                fleet.dump_stacks()
            fleet.sleep(5.0)  # anything sent twice would arrive now
        except FleetCrashed as crash:  # nothing more can get through: stop at once (the stack kills the rest)
            ledger.events.append(f"{time.monotonic() - started:6.1f}s fleet crashed")
            ledger.problems.append(f"fleet crashed: {crash}")
            say(f"chaos: {ledger.problems[-1]}")
            return ledger
        ledger.problems += fleet.crashed()
        took = fleet.stop()
        slow = {name: seconds for name, seconds in took.items() if seconds > SIGTERM_LIMIT}
        if slow:
            ledger.problems.append(f"SIGTERM: {', '.join(f'{n} took {s:.1f}s' for n, s in slow.items())}")
        say(f"chaos: SIGTERM to exit, slowest {max(took.values()):.1f}s")
        _count(ledger, engine, hook, smtp, world)
        bus = Bus(KafkaConfig(topic_prefix=prefix), broker.bootstrap_servers)
        ledger.dlq = sum(1 for _ in read_dead_letters(bus, f"{prefix}.dlq", idle=3.0))
        ledger.events.append(f"{time.monotonic() - started:6.1f}s done")
    return ledger


def _count(ledger: Ledger, engine: sa.Engine, hook: WebhookSink, smtp: CountingSmtp, world: World) -> None:
    try:
        with engine.connect() as conn:
            ledger.processed = int(conn.execute(sa.text("SELECT count(*) FROM alert_detections")).scalar_one())
    except sa.exc.SQLAlchemyError:
        ledger.processed = 0  # tables not created yet
    expected = set(world.pairs)
    hook_pairs = hook.pairs()
    mail = smtp.arrivals()
    ledger.delivered = min(len(expected & set(hook_pairs)), len(mail))
    ledger.duplicates = hook.duplicates() + smtp.duplicates()
    extra = sorted(set(hook_pairs) - expected)
    ledger.mismatches = [f"unexpected alerts for {', '.join('-'.join(p) for p in extra)}"] if extra else []
    if len(mail) > len(expected):
        ledger.mismatches.append(f"{len(mail)} mails for {len(expected)} expected alerts")
