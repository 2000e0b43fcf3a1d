"""docker-compose and its worker config agree with each other and with the code (no Docker engine here)."""

from __future__ import annotations

from pathlib import Path

import yaml

from veille.cli import WORKERS
from veille.config import load_config

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def test_the_compose_worker_config_is_valid_and_points_at_compose_services():
    config = load_config(DEPLOY / "veille.compose.yaml", environ={"POSTGRES_PASSWORD": "pw"})
    assert config.kafka.bootstrap_servers == ["kafka:9092"]
    assert config.store_url == "postgresql+psycopg://veille:pw@postgres:5432/veille"
    assert config.metrics.host == "0.0.0.0"
    assert config.rules and config.watchlist and config.events  # the example's rules and lexicon came along
    services = _compose()["services"]
    assert {"kafka", "postgres"} <= services.keys()


def test_compose_runs_each_worker_with_its_own_command():
    services = _compose()["services"]
    assert {name: services[name]["command"] for name in WORKERS} == {name: [name] for name in WORKERS}
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "deploy/veille.compose.yaml" in dockerfile


def test_prometheus_scrapes_every_worker_on_its_configured_port():
    config = load_config(DEPLOY / "veille.compose.yaml", environ={})
    prometheus = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    scraped = {
        job["dns_sd_configs"][0]["names"][0]: job["dns_sd_configs"][0]["port"] for job in prometheus["scrape_configs"]
    }
    assert scraped == {name: getattr(config.metrics, f"{name}_port") for name in WORKERS}
