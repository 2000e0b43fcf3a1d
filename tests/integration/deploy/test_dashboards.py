"""The Grafana dashboard and Prometheus rules only query metrics that the workers really export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from prometheus_client import REGISTRY

import alerts.metrics
import ingest.metrics
import process.metrics
import veille.telemetry

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"
METRIC = re.compile(r"\bveille_[a-z0-9_]+")


def _exported() -> set[str]:
    assert alerts.metrics and ingest.metrics and process.metrics and veille.telemetry
    names: set[str] = set()
    for family in REGISTRY.collect():  # label sets not yet used have no samples: derive the series names
        suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum"), "info": ("_info",)}
        names.update(family.name + suffix for suffix in suffixes.get(family.type, ("",)))
    return names


def _queries() -> dict[str, str]:
    queries: dict[str, str] = {}
    dashboard = json.loads((DEPLOY / "grafana" / "dashboards" / "veille-overview.json").read_text())
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            queries[f"dashboard panel {panel['title']!r}"] = target["expr"]
    rules = yaml.safe_load((DEPLOY / "prometheus" / "veille.rules.yml").read_text())
    for group in rules["groups"]:
        for rule in group["rules"]:
            queries[f"rule {rule['alert']}"] = rule["expr"]
    return queries


def test_every_queried_metric_is_exported_by_a_worker():
    exported = _exported()
    unknown = {
        where: name for where, expr in _queries().items() for name in METRIC.findall(expr) if name not in exported
    }
    assert unknown == {}


def test_the_dashboard_uses_the_provisioned_datasource():
    datasource = yaml.safe_load((DEPLOY / "grafana" / "provisioning" / "datasources" / "prometheus.yml").read_text())
    uid = datasource["datasources"][0]["uid"]
    dashboard = json.loads((DEPLOY / "grafana" / "dashboards" / "veille-overview.json").read_text())
    assert {panel["datasource"]["uid"] for panel in dashboard["panels"]} == {uid}
