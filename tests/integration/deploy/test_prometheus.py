"""Our Prometheus files are valid for promtool, and a real Prometheus server scrapes a worker endpoint."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from prometheus_client import generate_latest

import alerts.metrics
import ingest.metrics
import process.metrics
from tests.debian import binary
from tests.processes import stop_process
from veille.broker import free_port
from veille.telemetry import serve_metrics

DEPLOY = Path(__file__).resolve().parents[3] / "deploy" / "prometheus"


@pytest.fixture
def promtool() -> str:
    return binary("promtool")


def test_promtool_accepts_the_compose_prometheus_config_and_rules(promtool):
    result = subprocess.run(
        [promtool, "check", "config", "prometheus.yml"], cwd=DEPLOY, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_worker_metric_passes_promtool_lint(promtool):
    assert ingest.metrics and process.metrics and alerts.metrics  # all three workers' metrics are registered
    exposition = generate_latest()
    result = subprocess.run([promtool, "check", "metrics"], input=exposition, capture_output=True, check=False)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    names = exposition.decode()
    for prefix in ("veille_ingest_", "veille_process_", "veille_alerts_", "veille_stage_", "veille_build_info"):
        assert prefix in names


def test_a_real_prometheus_scrapes_the_worker_endpoint(tmp_path):
    prometheus = binary("prometheus")
    port = serve_metrics("127.0.0.1", free_port())
    web = free_port()
    config = tmp_path / "prometheus.yml"
    config.write_text(
        "global: {scrape_interval: 1s}\n"
        f"scrape_configs:\n  - job_name: veille-test\n    static_configs: [{{targets: ['127.0.0.1:{port}']}}]\n"
    )
    server = subprocess.Popen(
        [
            prometheus,
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'data'}",
            f"--web.listen-address=127.0.0.1:{web}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        result = None
        for _ in range(60):
            time.sleep(0.5)
            try:
                url = f"http://127.0.0.1:{web}/api/v1/query?query=veille_build_info"
                with urllib.request.urlopen(url, timeout=2) as response:
                    result = json.load(response)["data"]["result"]
            except OSError:
                continue
            if result:
                break
        assert result, "Prometheus never scraped veille_build_info"
        assert result[0]["metric"]["job"] == "veille-test"
        assert result[0]["metric"]["version"]
    finally:
        stop_process(server, grace=10)
