"""The benchmark helpers: percentiles, Prometheus scraping, results merging and verdicts."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

import pytest

from bench import results
from bench.harness import metric, percentile, scrape
from bench.results import Figure
from veille.broker import free_port

_EXPOSITION = b"""# HELP veille_stage_records_total Records a stage consumed
# TYPE veille_stage_records_total counter
veille_stage_records_total{outcome="handled",stage="process"} 1234.0
veille_stage_records_total{outcome="handled",stage="alerts"} 7.0
veille_ingest_articles_published_total 99.0
"""


def test_percentile_is_the_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([3.0, 1.0, 2.0], 0.99) == 3.0


@pytest.fixture
def metrics_port():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()
            self.wfile.write(_EXPOSITION)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_metric_finds_a_sample_whatever_the_label_order(metrics_port):
    values = scrape(metrics_port)
    assert metric(values, "veille_stage_records_total", stage="process", outcome="handled") == 1234.0
    assert metric(values, "veille_stage_records_total", outcome="handled", stage="alerts") == 7.0
    assert metric(values, "veille_ingest_articles_published_total") == 99.0
    assert metric(values, "veille_stage_records_total", stage="ingest", outcome="handled") == 0.0


def test_scrape_of_a_closed_port_is_empty():
    assert scrape(free_port()) == {}


def test_save_keeps_scenarios_not_run_this_time(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(results, "RESULTS", tmp_path / "results.json")
    results.save({"extraction": {"ratio": 20.0}, "scaling": {"speedup": {"2": 1.6}}}, quick=False)
    results.save({"extraction": {"ratio": 30.0}}, quick=False)
    stored = json.loads((tmp_path / "results.json").read_text())
    assert stored["extraction"]["ratio"] == 30.0
    assert stored["scaling"]["speedup"] == {"2": 1.6}
    assert stored["environment"]["cpu_count"] >= 1
    assert set(stored["extraction"]["run"]) == {"commit", "measured_at"}


def test_figures_judge_bounds_both_ways_and_missing_values():
    at_least = Figure("ratio", ("ratio",), 0.8)
    at_most = Figure("p99", ("stores", "postgresql", "p99_s"), 1.3, at_least=False)
    assert at_least.verdict(at_least.value({"ratio": 0.9})) == "ok"
    assert at_least.verdict(at_least.value({"ratio": 0.7})) == "MISSED"
    assert at_most.verdict(at_most.value({"stores": {"postgresql": {"p99_s": 1.4}}})) == "MISSED"
    assert at_most.verdict(at_most.value({"push_p99_s": None})) == "n/a"
    assert Figure("stories", ("stories",)).verdict(200) == ""
