"""What the pipeline benchmarks share: worker processes, a webhook receiver, stores, metrics and statistics.

Everything runs on loopback: the embedded broker, the workers as ``python -m veille.cli <worker>``
child processes (as docker-compose runs them), a feed server, a webhook receiver that timestamps
arrivals, and a SQLite file or a fresh PostgreSQL schema that is dropped afterwards (on the server the
test suite would use: ``VEILLE_TEST_PG_URL``, the local one, or a throwaway one).
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tests.integration.pipeline.support import LEXICON
from tests.pg_server import suite_server

_STORY = re.compile(r"Story-(\d+)")
_METRIC = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)$")


class Arrivals:
    """A webhook endpoint that records when each alert arrived, by the story number in its text."""

    def __init__(self) -> None:
        self.times: dict[int, float] = {}
        self.posts = 0
        arrivals = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                text = self.rfile.read(length).decode("utf-8", "replace")
                now = time.monotonic()
                arrivals.posts += 1
                for number in {int(n) for n in _STORY.findall(text)}:
                    arrivals.times.setdefault(number, now)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        """Where the webhook receivers post."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def stop(self) -> None:
        """Stop serving and release the port."""
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def store_url(kind: str, workdir: Path) -> Iterator[str]:
    """A fresh store: ``sqlite`` (a file in ``workdir``) or ``postgresql`` (a schema dropped afterwards)."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    with suite_server() as server:  # the test suite's choice: VEILLE_TEST_PG_URL, local, or a throwaway one
        admin = sa.create_engine(server)
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        separator = "&" if "?" in server else "?"
        try:
            yield f"{server}{separator}options=-csearch_path%3D{schema}"
        finally:
            with admin.begin() as conn:
                conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


def write_config(
    path: Path, *, servers: list[str], store: str, body: str, metrics: dict[str, int] | None = None, kafka: str = ""
) -> Path:
    """A veille config at ``path``: the demo lexicon, the broker, the store, metrics ports and ``body`` (YAML).

    ``kafka`` adds settings to the ``kafka`` section (flow-style YAML, e.g. ``fetch_max_wait_ms: 500``).
    """
    includes = "\n".join(f"  - {p}" for p in LEXICON)
    ports = {name: (metrics or {}).get(name, 0) for name in ("ingest", "process", "alerts")}
    path.write_text(
        f"""include:
{includes}
data_dir: {path.parent / "data"}
store: {{url: "{store}"}}
kafka: {{bootstrap_servers: [{servers[0]}], session_timeout_ms: 6000{", " + kafka if kafka else ""}}}
metrics: {{ingest_port: {ports["ingest"]}, process_port: {ports["process"]}, alerts_port: {ports["alerts"]}}}
{body}"""
    )
    return path


class Workers:
    """Worker child processes (``veille.cli <name>``) logging to one file; stopped with SIGTERM on exit."""

    def __init__(self, config: Path, names: Sequence[str], log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("ab")
        env = {**os.environ, "VEILLE_LOG_LEVEL": os.environ.get("VEILLE_LOG_LEVEL", "WARNING")}
        self.procs = [
            (name, subprocess.Popen([sys.executable, "-m", "veille.cli", name, "--config", str(config)],
                                    stdout=self._log, stderr=self._log, env=env))
            for name in names
        ]  # fmt: skip

    def peak_rss_mb(self) -> dict[str, float]:
        """Peak resident memory (VmHWM) of each worker so far, in MB; the largest replica per name."""
        peaks: dict[str, float] = {}
        for name, proc in self.procs:
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks[name] = max(peaks.get(name, 0.0), int(line.split()[1]) / 1024)
        return peaks

    def check(self) -> None:
        """Raise if a worker died (its log says why)."""
        for name, proc in self.procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} worker exited with code {proc.returncode}; see {self.log_path}")

    def stop(self) -> None:
        """SIGTERM every worker, wait for it (kill after 60 s)."""
        for _, proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for _, proc in self.procs:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._log.close()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def metric(values: dict[str, float], name: str, **labels: str) -> float:
    """The sample ``name`` with exactly ``labels`` from a ``scrape`` (0 when absent)."""
    key = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    return values.get(f"{name}{{{key}}}" if key else name, 0.0)


def scrape(port: int) -> dict[str, float]:
    """A worker's ``/metrics`` as {name{labels in name order}: value} (empty when the endpoint does not answer)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            text = response.read().decode()
    except OSError:
        return {}
    values = {}
    for line in text.splitlines():
        match = _METRIC.match(line)
        if match and not line.startswith("#"):
            labels = ",".join(sorted((match.group(2) or "").strip("{}").split(",")))
            values[f"{match.group(1)}{{{labels}}}" if labels else match.group(1)] = float(match.group(3))
    return values


LATE_S = 10.0
"""How long after the last publication the latency benchmarks wait for stragglers: a story that has
not reached the webhook by then is counted as not arrived (``stories`` < ``published``), instead of
holding the run for a minute."""


def wait_for(condition: Callable[[], bool], timeout: float, check: Callable[[], None] | None = None) -> bool:
    """Poll ``condition`` every 50 ms until true (True) or ``timeout`` seconds passed (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if check is not None:
            check()
        time.sleep(0.05)
    return condition()


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def median(values: Sequence[float]) -> float:
    """The median of ``values``."""
    return float(statistics.median(values))
