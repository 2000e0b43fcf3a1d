"""The alerts metrics move with what the engine and the outbox do (both backends)."""

from __future__ import annotations

from datetime import timedelta

from prometheus_client import REGISTRY

from alerts import metrics
from alerts.engine import AlertEngine
from alerts.outbox import Outbox
from tests.integration.alerts.engine.support import T0, Recording, Rejecting, at, config, detection, rule


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_firing_and_delivering_are_counted_with_their_latencies(store_engine):
    metrics.init_labels(["rus-prk"], ["ops"])
    before = {
        "new": sample("veille_alerts_fired_total", rule="rus-prk", kind="new"),
        "sent": sample("veille_alerts_deliveries_total", receiver="ops", outcome="sent"),
        "latency": sample("veille_alerts_delivery_latency_seconds_sum", receiver="ops"),
        "e2e": sample("veille_alerts_end_to_end_latency_seconds_sum", receiver="ops"),
        "e2e_count": sample("veille_alerts_end_to_end_latency_seconds_count", receiver="ops"),
        "replay": sample("veille_alerts_detections_total", outcome="replay"),
    }
    engine = AlertEngine(config(rule(type="any")), store_engine)
    engine.handle([detection("a1", "Reuters", published=T0)], at(10))
    engine.handle([detection("a1", "Reuters", published=T0)], at(11))
    Outbox(store_engine, {"ops": Recording()}).deliver_due(at(12))
    assert sample("veille_alerts_fired_total", rule="rus-prk", kind="new") == before["new"] + 1
    assert sample("veille_alerts_detections_total", outcome="replay") == before["replay"] + 1
    assert sample("veille_alerts_deliveries_total", receiver="ops", outcome="sent") == before["sent"] + 1
    assert sample("veille_alerts_delivery_latency_seconds_sum", receiver="ops") == before["latency"] + 120
    assert sample("veille_alerts_end_to_end_latency_seconds_sum", receiver="ops") == before["e2e"] + 720
    assert sample("veille_alerts_end_to_end_latency_seconds_count", receiver="ops") == before["e2e_count"] + 1
    assert sample("veille_alerts_pending_deliveries") == 0


def test_failed_deliveries_and_pending_ones_are_visible(store_engine):
    failed = sample("veille_alerts_deliveries_total", receiver="ops", outcome="failed")
    engine = AlertEngine(config(rule(type="any", group_by=["source"])), store_engine)
    engine.handle([detection("a1", "Reuters"), detection("b1", "AFP")], at(1))
    outbox = Outbox(store_engine, {"ops": Rejecting()}, rate_interval=timedelta(hours=1))
    assert outbox.deliver_due(at(2)) == 1  # the other waits for the receiver's rate limit
    assert sample("veille_alerts_deliveries_total", receiver="ops", outcome="failed") == failed + 1
    assert sample("veille_alerts_pending_deliveries") == 1
